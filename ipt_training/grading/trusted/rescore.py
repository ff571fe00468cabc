"""Score grade cells in the grading process, from the answers the kernel recorded, never from what it printed.

nbgrader takes a grade cell's points from its outputs: an error or stderr means 0, a numeric result means that
many points, and *no output at all means full marks*. Trainee code runs in the same interpreter as the hidden
tests, so it can change what those outputs say (``get_ipython().ast_node_interactivity = "none"`` hides every
result, so every test "passes"; patching ``builtins.round`` rewrites every score). Purging ``ipt_training`` from
``sys.modules`` does not help against that.

:class:`TrustedScores` runs after execution and before ``SaveAutoGrades``. For each grade cell it reads the
cell's *source* (restored from the gradebook by ``OverwriteCells``, so trainees cannot edit it), finds the
calls to this package's checks and graders (``check_choice(globals(), NAME, ...)``, ``_grade(ASSIGNMENT, ITEM,
globals(), NAME, points=N)``), and calls them here, with the instructor keys and with ``globals()``
replaced by the answer values the grader recorded in the kernel (:mod:`ipt_training.grading.trusted.answers`). The
cell's outputs become what those calls printed plus the score. A missing record scores 0 with a message.

The kernel only decides *which answers* were given, which the trainee decides anyway. Grade cells with no call
into this package are left to nbgrader's usual rules.
"""

from __future__ import annotations

import ast
import contextlib
import io
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.answers import ANSWER_MIME, Record, RecordError, read_payload
from ipt_training.grading.trusted.scored import SCORED_MARK, scored_mark
from ipt_training.grading.trusted.shown_answers import ShownAnswers

GRADERS_PACKAGE = "ipt_training.grading.graders"
TRUSTED_MODULES = ("checks", "items", "case_items", "dialogue_items")
TRUSTED_MARK = "ipt_trusted_outputs"  # cell metadata key: outputs written by TrustedScores
NO_KEYS = "/nonexistent/ipt-course-keys-not-found"
#: The start of the review flag of an answer computed by code the cells show (the report and tests look for it).
COMPUTED_FLAG = "the answer graded is computed"
ANSWER_MARK = SCORED_MARK  # cell metadata: the answers as scored, absent/blank ones, well-formedness (scored.py)
log = logging.getLogger(__name__)


class UntrustedCall(ValueError):
    """A grade cell whose calls cannot be re-run outside the kernel."""


@dataclass(frozen=True)
class Call:
    """One call to a check or grader in a grade cell: module, function and literal arguments."""

    module: str
    function: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]

    @property
    def is_grader(self) -> bool:
        return self.module != "checks"

    def resolve(self) -> Callable[..., Any]:
        import importlib

        return getattr(importlib.import_module(f"{GRADERS_PACKAGE}.{self.module}"), self.function)


class _Namespace:
    """Stands for ``globals()`` in a call's arguments."""


NAMESPACE = _Namespace()


def _argument(node: ast.expr) -> Any:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "globals" \
            and not node.args and not node.keywords:
        return NAMESPACE
    try:
        return ast.literal_eval(node)
    except ValueError as exc:
        raise UntrustedCall(f"argument {ast.unparse(node)!r} is not a literal") from exc


def parse_calls(source: str, imported: dict[str, tuple[str, str]] | None = None) -> list[Call]:
    """The check and grader calls of a grade cell, in order.

    ``imported`` maps local names to (module, function) and carries over from earlier cells of the notebook
    (a cell may call ``check_text`` imported by the cell before it); it is updated in place.
    """
    imported = {} if imported is None else imported
    tree = ast.parse(source)
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ipt_training.grading."):
            package, module = node.module.rsplit(".", 1)
            module = module if package == GRADERS_PACKAGE else ""
            for alias in node.names:
                if module in TRUSTED_MODULES and (alias.name.startswith(("check_", "grade_"))):
                    imported[alias.asname or alias.name] = (module, alias.name)
                else:
                    imported.pop(alias.asname or alias.name, None)
    for statement in tree.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            call = statement.value
            if isinstance(call.func, ast.Name) and call.func.id in imported:
                module, function = imported[call.func.id]
                args = tuple(_argument(a) for a in call.args)
                kwargs = tuple((k.arg, _argument(k.value)) for k in call.keywords if k.arg)
                calls.append(Call(module, function, args, kwargs))
    return calls


HIDDEN_BEGIN, HIDDEN_END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"  # nbgrader's markers (``### BEGIN ...``)
#: What a grading kernel runs instead of a test cell's hidden part: the same clean import the hidden tests make (no
#: module of the trainee's, none they patched), then a record of the answers the hidden graders read.
_RECORD_STUB = """### The hidden test runs in the grading process; here it records the answers it reads.
import os as _ipt_os, sys as _ipt_sys
_ipt_sys.path[:] = [entry for entry in _ipt_sys.path if entry not in ("", ".", _ipt_os.getcwd())]
for _ipt_module in [m for m in list(_ipt_sys.modules) if m.split(".")[0] == "ipt_training"]:
    _ipt_sys.modules.pop(_ipt_module, None)
from ipt_training.grading.trusted.answers import record_answers as _record_answers
_record_answers(globals(), {names!r})
"""


def answer_names(call: Call) -> list[str]:
    """The answer variables a grader call reads, as the grader records them (``grade_formulation``: the four
    fields of its suffix; the others: the names given after ``globals()``)."""
    after = list(call.args[next((i + 1 for i, a in enumerate(call.args) if a is NAMESPACE), len(call.args)):])
    names = [a for a in after if isinstance(a, str)]
    names += [v for k, v in call.kwargs if k != "points" and isinstance(v, str)]
    if call.function == "grade_formulation":
        from ipt_training.saved_answers import FIELDS

        return [f"{field}_{suffix}" for suffix in names for field in FIELDS]
    return names


def kernel_source(source: str) -> str | None:
    """What a grading kernel runs for a test cell with hidden tests: the visible part, and instead of the hidden part
    a record of the answers its graders read. The kernel only records answers (:class:`TrustedScores` scores them
    from the cell's source, here), so the hidden tests never reach trainee code, which could otherwise read them
    (``In``, ``linecache``) and print them into its feedback. ``None`` when the cell has no hidden part or its
    graders cannot be read (it then runs as it is)."""
    lines = source.splitlines()
    begins = [i for i, line in enumerate(lines) if HIDDEN_BEGIN in line]
    ends = [i for i, line in enumerate(lines) if HIDDEN_END in line]
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        return None
    try:
        calls = [c for c in parse_calls("\n".join(lines[begins[0] + 1:ends[0]])) if c.is_grader]
    except (SyntaxError, ValueError, UntrustedCall, RecursionError, MemoryError):
        return None
    names = list(dict.fromkeys(n for call in calls for n in answer_names(call)))
    if not calls or not names:
        return None
    visible = "\n".join([*lines[:begins[0]], *lines[ends[0] + 1:]])
    return f"{visible}\n{_RECORD_STUB.format(names=names)}"


def recorded_answers(cell: NotebookNode) -> Record | None:
    """Answers recorded by the graders that ran in this cell (the last record wins), or None."""
    found = None
    for output in cell.get("outputs", []):
        if output.get("output_type") in ("display_data", "execute_result") and ANSWER_MIME in output.get("data", {}):
            found = output["data"][ANSWER_MIME]
    if found is None:
        return None
    return read_payload(found)


def changed_answer_flag(shown: ShownAnswers, record: Record, mark: dict[str, Any], calls: list[Call]) -> str:
    """Review flags (feedback lines of their own) for answers the graders read that the instructor cannot read in the
    answer cells: one changed by code that does not name it, or set where no cell names it (the formgrader would show
    another answer than the one scored), and one computed by code the cells show (``q8 = open("notes.txt").read()``,
    ``formulation_c = build()``: the cells show how, not what). Builder answers are read from their file, as the
    answer cell says; only the names the instructor's test reads are named (a forged record may hold others)."""
    from ipt_training.grading.graders.items import flag_for_review

    builder = set(mark.get("from_builder", []))
    names = [n for call in calls if call.is_grader for n in answer_names(call) if n not in builder]
    changed = shown.changed(record.values, dict.fromkeys(names))
    computed = {n: how for n, how in shown.computed(record.values, dict.fromkeys(names)).items() if n not in changed}
    flags = ""
    if changed:
        listed = ", ".join(f"`{name}`" for name in changed[:6])
        flags += "  - " + flag_for_review(
            f"the answer graded ({listed}) is not the one its answer cell shows: code that does not name it "
            "changed or set it while the notebook ran; review the answer as graded, on the feedback page") + "\n"
    if computed:
        listed = ", ".join(f"`{name}`" for name in list(computed)[:6])
        code = "; ".join(f"`{how.replace('`', chr(39))}`" for how in list(computed.values())[:3] if how)
        flags += "  - " + flag_for_review(
            f"{COMPUTED_FLAG} ({listed}) by code{f' ({code})' if code else ''}, so its answer cell does not show "
            "what was graded; review the answer as graded, shown with this grade in the formgrader, on the feedback "
            "page and in the report's review queue") + "\n"
    return flags


def kernel_error(cell: NotebookNode) -> str | None:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            evalue = str(output.get("evalue", ""))[:200]
            return f"{output.get('ename')}: {evalue}" if evalue else str(output.get("ename"))
    return None


def run_calls(calls: list[Call], values: dict[str, Any]) -> tuple[str, float, bool]:
    """Call the checks and graders on ``values``: what they printed, the last grader's points, and whether every
    check found the answer well-formed. A check that found nothing wrong prints nothing here: in the feedback its
    "answer is complete and well-formed" beside a score of 0 would only confuse."""
    from ipt_training.grading.graders.items import finish

    out = io.StringIO()
    score: float | None = None
    max_points = 0.0
    well_formed = True
    with contextlib.redirect_stdout(out):
        for call in calls:
            args = [values if a is NAMESPACE else a for a in call.args]
            kwargs = {k: values if v is NAMESPACE else v for k, v in call.kwargs}
            if call.is_grader:
                max_points = float(kwargs.get("points", args[-1] if args else 0) or 0)
            said = io.StringIO()
            try:
                with contextlib.redirect_stdout(out if call.is_grader else said):
                    result = call.resolve()(*args, **kwargs)
            except Exception as exc:  # a grader bug must cost one cell, not the batch
                # The trainee reads this: the cause goes to the grading log, the page says what happened.
                log.warning("%s.%s failed on a recorded answer: %s: %s", call.module, call.function,
                            type(exc).__name__, exc)
                if call.is_grader:
                    result = finish(0, max_points, ["The grader could not score this answer because of a problem in "
                                                    "the grading code. Your instructor will review it."],
                                    "Not scored")
                else:
                    print("(The completeness check of this answer could not run; the answer was still graded.)")
                    continue
            if call.is_grader:
                score = float(result)
            elif result is not None and not result:  # a visible check found the answer incomplete
                well_formed = False
                print(said.getvalue(), end="")
    if score is None:
        raise UntrustedCall("no grader call")
    return out.getvalue(), score, well_formed


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def _stream(text: str) -> NotebookNode:
    return NotebookNode(output_type="stream", name="stdout", text=text)


def _result(score: float, count: int | None) -> NotebookNode:
    return NotebookNode(output_type="execute_result", execution_count=count, metadata={},
                        data={"text/plain": repr(score)})


class TrustedScores(NbGraderPreprocessor):
    """Re-score grade cells outside the kernel (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        from ipt_training.cases.settings import anchored_at
        from ipt_training.grading.trusted.course_root import grading_course_root, grading_keys_dir
        from ipt_training.grading.trusted.keys import keys_from

        path = Path(resources.get("metadata", {}).get("path") or ".").resolve()
        # Keys come only from the course directory of the nbgrader app running this step, never from the
        # notebook's folder (a trainee can put a course-like folder there, or write one at run time).
        keys = grading_keys_dir(self) or Path(NO_KEYS)
        imported: dict[str, tuple[str, str]] = {}
        shown = ShownAnswers()  # what the cells before each test show of its answers (the formgrader shows them)
        # Graders may read files the trainee submitted beside the notebook (the builder's saved answers), so
        # they run in the notebook's folder here too; a case or key lookup that names no folder still looks only in
        # the instructor's course, never in that folder or above it (a trainee can put a course-like folder there).
        with keys_from(keys), anchored_at(grading_course_root(self)), _working_directory(path):
            for cell in nb.cells:
                cell.metadata.pop(TRUSTED_MARK, None)
                cell.metadata.pop(ANSWER_MARK, None)
                if cell.cell_type != "code":
                    continue
                meta = cell.metadata.get("nbgrader", {})
                calls: list[Call] = []
                # Only instructor cells (restored from the gradebook) are read; trainees' cells are ignored.
                if (meta.get("grade") or meta.get("locked")) and not meta.get("solution"):
                    try:
                        calls = parse_calls(cell.source, imported)
                    except (SyntaxError, UntrustedCall) as exc:
                        self.log.warning("cell %s cannot be re-scored: %s", meta.get("grade_id"), exc)
                if meta.get("grade") and any(c.is_grader for c in calls):
                    self._rescore(cell, calls, shown)
                else:
                    cell.outputs = [o for o in cell.get("outputs", []) if ANSWER_MIME not in o.get("data", {})]
                if not meta.get("grade") or meta.get("solution"):
                    shown.read(cell.source)
        return nb, resources

    def _rescore(self, cell: NotebookNode, calls: list[Call], shown: ShownAnswers | None = None) -> None:
        grader = next(c for c in reversed(calls) if c.is_grader)
        points = float(dict(grader.kwargs).get("points", 0) or 0)
        try:
            record = recorded_answers(cell)
        except (RecordError, ValueError) as exc:
            detail = str(exc) if isinstance(exc, RecordError) else "it is damaged"
            record, reason = None, f"the recorded answer could not be read: {detail}"
        else:
            error = kernel_error(cell)
            reason = (f"this test stopped with {error} before your answer reached the grader" if error else
                      "no answer reached the grader (was the output of this cell suppressed or redirected?)")
        if record is None:
            text = (f"Not graded: {reason}.\nScore: 0 / {points:g}\n")
            score = 0.0
        else:
            from ipt_training.grading.graders.items import one_line

            # The kernel wrote these: each stays on one line, above the grader's title (the report reads below it).
            notes = "".join(f"Your answer `{one_line(n)[:80]}` could not be graded: {one_line(p)[:200]}.\n"
                            for n, p in record.problems.items())
            try:
                text, score, well_formed = run_calls(calls, record.values)
            except UntrustedCall:
                text, score, well_formed = "Not graded: this test has no grader.\n", 0.0, True
            text = notes + text
            mark = scored_mark(record, well_formed)  # the answers as scored, for consumers
            cell.metadata[ANSWER_MARK] = mark
            if shown is not None:
                text += changed_answer_flag(shown, record, mark, calls)
        cell.outputs = [_stream(text), _result(score, cell.get("execution_count"))]
        cell.metadata[TRUSTED_MARK] = True

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
