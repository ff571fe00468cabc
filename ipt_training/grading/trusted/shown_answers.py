"""The answers a notebook's cells show, to tell when the answer graded is not the one the instructor reads.

The kernel decides which answers a test records, and a notebook can change an answer variable without any line
that assigns it: ``globals().update(formulation_c=...)``, ``exec``, a module submitted beside the notebook that it
imports, an IPython hook. The formgrader then shows the instructor an answer cell with one text (a literal
``formulation_c``) above the score another text earned, so a gamed answer sent to review is reviewed as a fair one.

:class:`ShownAnswers` reads the trainee's code cells in order, never running them: a plain assignment of a literal
(``q1 = "b"``) shows that value, and so does a literal change of a shown list or dict (``q2.append("c")``,
``q7["x"] = "y"``), and so does text or a list built from pieces the cells show (``q8 = intro + " " + plan``,
:mod:`ipt_training.grading.trusted.shown_values`). Any other visible code that binds or changes the variable
(``onset = month()``, ``q8 = open("notes.txt").read()``, ``for q1 in ...``, ``q2.extend(more)``) shows the
instructor how it is computed, not what it is. Code that only reads a variable (``print(q1)``) changes nothing.
:meth:`ShownAnswers.changed` names the answers whose graded value differs from the value the cells show, or that no
cell names at all; :meth:`ShownAnswers.computed` those whose value no cell shows, with the code that computes them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from typing import Any

from ipt_training.grading.trusted.shown_values import UNKNOWN, ShownTable, shown_value

_COMPUTED = object()  # named by visible code that is not a literal assignment: the text shows how it is computed
#: Longest piece of code quoted as how an answer is computed.
MAX_CODE_CHARS = 120


def python_source(source: str) -> str:
    """A cell's source as the kernel runs it (IPython's ``%magic`` and ``!command`` lines made Python)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - the grading process has IPython (nbgrader needs it)
        return source
    try:
        return str(TransformerManager().transform_cell(source))
    except Exception:  # a cell IPython cannot read either: the kernel stops on it too
        return source


def _literal_targets(statement: ast.stmt) -> tuple[list[str], Any] | None:
    """``(names, value)`` of ``name = <literal>`` (or ``a = b = <literal>``, annotated too); None otherwise."""
    if isinstance(statement, ast.Assign):
        targets, value = statement.targets, statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        targets, value = [statement.target], statement.value
    else:
        return None
    if not all(isinstance(t, ast.Name) for t in targets):
        return None
    try:
        literal = ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return [t.id for t in targets if isinstance(t, ast.Name)], literal


#: Methods that change a list, dict or set in place (a visible ``q2.append("c")`` changes what ``q2`` shows).
MUTATORS = frozenset({"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update",
                      "setdefault", "popitem", "add", "discard", "difference_update", "intersection_update",
                      "symmetric_difference_update"})


def _base(node: ast.expr) -> str | None:
    """The variable at the root of ``q7["x"]`` or ``q2.append``."""
    while isinstance(node, ast.Subscript | ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _bound(statement: ast.stmt, values: Mapping[str, Any]) -> set[str]:
    """The variables a statement binds or changes in code (not in its strings): assigned, deleted, imported, defined,
    declared global, changed through an item or attribute, or through a method that changes a shown list, dict or
    set. Reading a variable (``print(q1)``, ``q1.strip()``) changes nothing."""
    names: set[str] = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.Subscript | ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(_base(node) or "")
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            names.update(node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            base = _base(node.func.value)
            if base is not None and isinstance(values.get(base), list | dict | set):
                names.add(base)
    names.discard("")
    return names


def _literal_change(statement: ast.stmt, values: dict[str, Any]) -> bool:
    """Apply ``q7["x"] = <literal>`` or ``q2.append(<literal>)`` to a shown list, dict or set; False when the
    statement is not one of these (or does not apply)."""
    changed: Any
    try:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Subscript) \
                and isinstance(statement.targets[0].value, ast.Name):
            target = statement.targets[0]
            name = target.value.id  # type: ignore[attr-defined]
            shown = values.get(name)
            if not isinstance(shown, list | dict):
                return False
            changed = shown.copy()
            changed[ast.literal_eval(target.slice)] = ast.literal_eval(statement.value)
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                and isinstance(statement.value.func, ast.Attribute) \
                and isinstance(statement.value.func.value, ast.Name) and statement.value.func.attr in MUTATORS:
            call = statement.value
            name = call.func.value.id  # type: ignore[attr-defined]
            shown = values.get(name)
            if not isinstance(shown, list | dict | set) or call.keywords:
                return False
            changed = shown.copy()
            getattr(changed, call.func.attr)(*(ast.literal_eval(a) for a in call.args))  # type: ignore[attr-defined]
        else:
            return False
    except Exception:  # not literals, a method the value does not have, a bad index: not a literal change
        return False
    values[name] = changed
    return True


def _same(shown: Any, graded: Any) -> bool:
    if isinstance(shown, ShownTable):
        return shown.same_as(graded)
    try:
        return bool(type(shown) is type(graded) and shown == graded) or \
            (isinstance(shown, int | float) and isinstance(graded, int | float) and shown == graded)
    except Exception:  # a comparison that fails is no proof of a change
        return True


class ShownAnswers:
    """What the code cells read so far show of each variable (see the module docstring)."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._how: dict[str, str] = {}  # the last code that computed each variable the text does not show

    def read(self, source: str) -> None:
        """Take one code cell, in notebook order (a cell the kernel cannot parse runs nothing and is skipped)."""
        try:
            tree = ast.parse(python_source(source))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        for statement in tree.body:
            literal = _literal_targets(statement) or self._built(statement)
            if literal is not None:
                names, value = literal
                self._values.update(dict.fromkeys(names, value))
            elif not _literal_change(statement, self._values):
                bound = _bound(statement, self._values)
                self._values.update(dict.fromkeys(bound, _COMPUTED))
                code = " ".join(ast.unparse(statement).split())
                code = code if len(code) <= MAX_CODE_CHARS else code[:MAX_CODE_CHARS - 1] + "…"
                self._how.update(dict.fromkeys(bound, code))

    def _built(self, statement: ast.stmt) -> tuple[list[str], Any] | None:
        """``(names, value)`` of ``name = <pieces the cells show>`` or ``name += <piece>``; None otherwise."""
        known = {k: v for k, v in self._values.items() if v is not _COMPUTED}
        if isinstance(statement, ast.Assign) and all(isinstance(t, ast.Name) for t in statement.targets):
            value = shown_value(statement.value, known)
            names = [t.id for t in statement.targets if isinstance(t, ast.Name)]
        elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name) \
                and isinstance(statement.op, ast.Add):
            value = shown_value(ast.BinOp(ast.Name(statement.target.id, ast.Load()), ast.Add(), statement.value), known)
            names = [statement.target.id]
        else:
            return None
        return None if value is UNKNOWN else (names, value)

    def changed(self, graded: Mapping[str, Any], names: Iterable[str]) -> list[str]:
        """Those of ``names`` whose graded value (in ``graded``) is not what the cells show: a different literal, or
        an answer no cell names at all."""
        from ipt_training.grading.trusted.answers import is_blank

        found = []
        for name in names:
            if name not in graded:
                continue
            if name not in self._values:
                if not is_blank(graded[name]):
                    found.append(name)
            elif self._values[name] is not _COMPUTED and not _same(self._values[name], graded[name]):
                found.append(name)
        return found

    def computed(self, graded: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
        """Those of ``names`` graded with an answer (not blank) whose value no cell shows, each with the last code
        that computed it (``q8 = open('notes.txt').read()``): the instructor reading the cells cannot tell what
        text was graded."""
        from ipt_training.grading.trusted.answers import is_blank

        return {name: self._how.get(name, "") for name in names
                if name in graded and self._values.get(name) is _COMPUTED and not is_blank(graded[name])}
