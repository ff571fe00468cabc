"""The value of an answer a cell builds from pieces it shows, worked out from the text without running any code.

``formulation_c = intro + " " + plan``, ``q8 = f"{why}. {how}"`` or ``q2 = ", ".join(["a", "c"])`` show the
instructor every piece of the answer: the value follows from literals and earlier shown values by joining text and
lists, and :func:`shown_value` computes it here so it can be compared with the answer graded. So does a table
written out as the released notebooks ask, ``pd.DataFrame([{"name": ...}, ...], columns=[...])``
(:class:`ShownTable`). Anything else (a call of a function, a file read, a name whose value the cells do not show,
a result larger than the grader keeps) is :data:`UNKNOWN`: the cell shows how the answer is computed, not what it is.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

UNKNOWN = object()  # the text does not show the value
#: Largest value worked out (characters or items): the grader keeps no answer larger than this either.
MAX_SIZE = 200_000
#: ``str`` methods whose result follows from the text (and is no larger than their inputs together).
_STR_METHODS = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "capitalize", "title", "casefold", "join"})


class _Unknown(Exception):
    """The value is not known from the text."""


@dataclass(frozen=True)
class ShownTable:
    """A table the cells write out (``pd.DataFrame(rows, columns=[...])``): its columns and rows, in order."""

    columns: tuple[Any, ...]
    rows: tuple[tuple[Any, ...], ...]

    def same_as(self, graded: Any) -> bool:
        """Whether ``graded`` (a pandas DataFrame) holds these columns and rows (a missing cell is NaN there)."""
        if type(graded).__name__ != "DataFrame" or tuple(graded.columns) != self.columns:
            return False
        rows = list(graded.itertuples(index=False, name=None))
        return len(rows) == len(self.rows) and all(
            len(mine) == len(theirs) and all(_cell_same(a, b) for a, b in zip(mine, theirs, strict=True))
            for mine, theirs in zip(self.rows, rows, strict=True))


def _cell_same(shown: Any, graded: Any) -> bool:
    missing = shown is None and (graded is None or (isinstance(graded, float) and math.isnan(graded)))
    return missing or bool(type(shown) is type(graded) and shown == graded) or (
        isinstance(shown, int | float) and not isinstance(shown, bool) and shown == graded)


_TABLE_NAMES = {("pd", "DataFrame"), ("pandas", "DataFrame")}


def _table(node: ast.Call, shown: Mapping[str, Any]) -> ShownTable:
    """``pd.DataFrame(<rows>, columns=[...])`` with rows of dicts or of lists, all shown."""
    if len(node.args) != 1 or [k.arg for k in node.keywords] != ["columns"]:
        raise _Unknown
    data, columns = _value(node.args[0], shown), _value(node.keywords[0].value, shown)
    if not isinstance(data, list | tuple) or not isinstance(columns, list | tuple) or len(set(columns)) != len(columns):
        raise _Unknown
    rows = []
    for row in data:
        if isinstance(row, dict):
            rows.append(tuple(row.get(c) for c in columns))
        elif isinstance(row, list | tuple) and len(row) == len(columns):
            rows.append(tuple(row))
        else:
            raise _Unknown
    return ShownTable(tuple(columns), tuple(rows))


def _sized(value: Any) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_SIZE:
        raise _Unknown
    return value


def _value(node: ast.expr, shown: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float | bool | type(None)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in shown or not isinstance(shown[node.id], str | int | float | list | tuple):
            raise _Unknown
        return shown[node.id]
    if isinstance(node, ast.List | ast.Tuple):
        items = [_value(item, shown) for item in node.elts]
        return _sized(items if isinstance(node, ast.List) else tuple(items))
    if isinstance(node, ast.Dict) and all(key is not None for key in node.keys):
        return {_value(key, shown): _value(value, shown)  # type: ignore[arg-type]
                for key, value in zip(node.keys, node.values, strict=True)}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
            and (node.func.value.id, node.func.attr) in _TABLE_NAMES:
        return _table(node, shown)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _value(node.left, shown), _value(node.right, shown)
        if not (type(left) is type(right) and isinstance(left, str | list | tuple)):
            raise _Unknown
        return _sized(left + right)
    if isinstance(node, ast.JoinedStr):
        return _sized("".join(_piece(part, shown) for part in node.values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STR_METHODS \
            and not node.keywords:
        owner = _value(node.func.value, shown)
        args = [_value(arg, shown) for arg in node.args]
        if not isinstance(owner, str) or len(args) > 1 or (args and not (
                isinstance(args[0], str) or (node.func.attr == "join" and isinstance(args[0], list | tuple)
                                             and all(isinstance(a, str) for a in args[0])))):
            raise _Unknown
        if args and node.func.attr == "join" and \
                len(owner) * len(args[0]) + sum(len(a) for a in args[0]) > MAX_SIZE:
            raise _Unknown
        return _sized(getattr(owner, node.func.attr)(*args))
    raise _Unknown


def _piece(part: ast.expr, shown: Mapping[str, Any]) -> str:
    if isinstance(part, ast.Constant) and isinstance(part.value, str):
        return part.value
    if isinstance(part, ast.FormattedValue) and part.conversion == -1 and part.format_spec is None:
        value = _value(part.value, shown)
        if isinstance(value, str | int | float):
            return str(value)
    raise _Unknown


def shown_value(node: ast.expr, shown: Mapping[str, Any]) -> Any:
    """The value of ``node`` from literals and the values in ``shown`` joined as text or lists; :data:`UNKNOWN`
    when the text does not show it."""
    try:
        return _value(node, shown)
    except (_Unknown, RecursionError, MemoryError, TypeError, ValueError):
        return UNKNOWN
