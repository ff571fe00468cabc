"""Load a course's nbgrader gradebook and autograded notebooks into tidy pandas tables.

Scores come from the gradebook through nbgrader's own API (``nbgrader.api.Gradebook`` and its ORM
models). Per-criterion points and feedback come from the output that each grade cell printed during
autograde (``autograded/<student>/<assignment>/*.ipynb``): nothing is re-scored here, and trainee code
is never executed (answer cells are read with :func:`ast.literal_eval` of simple assignments).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
import pandas as pd

from ipt_training.grading.trusted.keys import case_in, case_reference_in

if TYPE_CHECKING:
    from ipt_training.cases.model import Case, ReferenceFormulation
    from ipt_training.grading.workflow.course import Course

ITEM_COLUMNS = ["student", "assignment", "notebook", "item", "kind", "case_id", "score", "max_score",
                "auto_score", "manual_score", "extra_credit", "needs_manual_grade", "feedback", "answer_problem"]
CRITERION_COLUMNS = ["student", "assignment", "notebook", "item", "case_id", "criterion", "label", "points",
                     "max_points", "feedback"]
FORMULATION_COLUMNS = ["student", "assignment", "notebook", "item", "case_id", "suffix", "chosen_area",
                       "chosen_secondary", "chosen_stage", "reference_area", "reference_secondary", "score",
                       "max_score", "text"]
ASSIGNMENT_COLUMNS = ["assignment", "position", "duedate", "max_score"]
SUBMISSION_REVIEW_COLUMNS = ["student", "assignment", "notebook", "reason"]
PENALTY_COLUMNS = ["student", "assignment", "late_penalty"]
GRADED_ANSWER_COLUMNS = ["student", "assignment", "item", "answer_as_graded"]
#: What the gradebook knows of each trainee besides the id (``nbgrader db student import``), for the LMS export.
ROSTER_COLUMNS = ["student", "first_name", "last_name", "email", "lms_user_id"]

FORMULATION_FIELDS = ("primary_area", "secondary_area", "dispute_stage", "formulation")
# Labels printed by the formulation scorer (``CriterionResult.label``) -> criterion id.
CRITERION_IDS = {
    "Problem area": "problem_area",
    "Dispute stage": "dispute_stage",
    "Evidence and timeline link": "evidence_timeline",
    "Evidence, timeline link and dispute stage": "evidence_timeline",
    "Diagnosis and sick role": "sick_role",
    "Time-limited contract": "contract",
    "Invitation to agree": "agreement",
    "Goals": "goals",
    "Strategies": "strategies",
}

_TITLE = re.compile(r"^(?P<title>\S.*?): (?P<points>-?\d+(?:\.\d+)?) / (?P<max>\d+(?:\.\d+)?)\s*$")
_CRITERION = re.compile(r"^(?P<label>[A-Z][^():]*?) \((?P<points>\d+(?:\.\d+)?)/(?P<max>\d+(?:\.\d+)?)\): "
                        r"(?P<feedback>.*)$")
NOT_STORED_REASON = ("the answer is too large to keep with the graded notebook (over 200,000 characters), so the "
                     "report cannot re-score it or show its problem area; read it in the graded notebook")
_CASE_TITLE = re.compile(r"^Formulation for case (?P<case>\S+)$")
FORMULATION_GRADER = "grade_formulation"


@dataclass(frozen=True)
class GradeOutput:
    """What one grader printed in a grade cell: title line, points and the feedback lines under it."""

    title: str | None = None
    points: float | None = None
    max_points: float | None = None
    lines: tuple[str, ...] = ()
    error: str | None = None

    @property
    def case_id(self) -> str | None:
        match = _CASE_TITLE.match(self.title or "")
        return match["case"] if match else None

    def criteria(self) -> list[dict[str, Any]]:
        """Per-criterion rows from lines like ``Problem area (3/3): ...`` (formulation graders only)."""
        rows = []
        for line in self.lines:
            match = _CRITERION.match(line)
            if match:
                label = match["label"].strip()
                rows.append({"criterion": CRITERION_IDS.get(label, _slug(label)), "label": label,
                             "points": float(match["points"]), "max_points": float(match["max"]),
                             "feedback": match["feedback"].strip()})
        return rows


@dataclass(frozen=True)
class CohortData:
    """Everything the analytics need about one course, as tidy tables.

    ``items``: one row per trainee x assignment x notebook x grade cell (see ``ITEM_COLUMNS``).
    ``criteria``: one row per trainee x formulation item x rubric criterion (``CRITERION_COLUMNS``).
    ``formulations``: one row per trainee x formulation item, chosen vs reference area (``FORMULATION_COLUMNS``).
    ``assignments``: one row per assignment in course order with its maximum score.
    ``submission_reviews``: one row per reason a whole graded notebook needs the instructor's look, and per
    reason a submission was not graded at all (``notebook`` empty).
    """

    items: pd.DataFrame
    criteria: pd.DataFrame
    formulations: pd.DataFrame
    assignments: pd.DataFrame
    students: tuple[str, ...]
    root: Path | None = None
    keys_dir: Path | None = None
    notes: tuple[str, ...] = field(default=())
    #: Whole notebooks the autograde summary sent to review (``SUBMISSION_REVIEW_COLUMNS``): HTML made inert, code
    #: reaching for the keys or changing the grader; and, with no notebook, submissions autograde did not grade.
    submission_reviews: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SUBMISSION_REVIEW_COLUMNS))
    #: Points nbgrader's late-submission plugin took off each late submission (``PENALTY_COLUMNS``; only rows > 0).
    late_penalties: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PENALTY_COLUMNS))
    #: The answers each grade scored, as the feedback page and the formgrader show them (``GRADED_ANSWER_COLUMNS``):
    #: what the instructor reviews, whatever the answer cells show.
    graded_answers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GRADED_ANSWER_COLUMNS))
    #: Names, e-mail and LMS user id of the trainees the gradebook has them for (``ROSTER_COLUMNS``).
    roster: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ROSTER_COLUMNS))


def load_cohort(course: Course) -> CohortData:
    """Read the gradebook (via nbgrader's API) and the autograded notebooks of ``course``."""
    with course.gradebook() as gb:
        grades, assignments, students = read_gradebook(gb)
        penalties = read_late_penalties(gb)
        roster = read_roster(gb)
    keys = course.root / "source" / "keys"
    cohort = build_cohort(grades, assignments, students, course.root / "autograded",
                          keys if keys.is_dir() else None, root=course.root, late_penalties=penalties)
    return replace(cohort, roster=roster)


def read_gradebook(gb: Any) -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    """Grades, assignments and student ids from an open ``nbgrader.api.Gradebook`` (one query each)."""
    from nbgrader.api import (
        Assignment,
        BaseCell,
        Grade,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    query = (
        gb.db.query(Student.id, Assignment.name, Notebook.name, BaseCell.name, BaseCell.type, Grade.score,
                    Grade.max_score, Grade.auto_score, Grade.manual_score, Grade.extra_credit,
                    Grade.needs_manual_grade)
        .select_from(Grade)
        .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
        .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
        .join(Student, SubmittedAssignment.student_id == Student.id)
        .join(Notebook, SubmittedNotebook.notebook_id == Notebook.id)
        .join(Assignment, Notebook.assignment_id == Assignment.id)
        .join(BaseCell, Grade.cell_id == BaseCell.id)
        .filter(Assignment.course_id == gb.course_id)
    )
    grades = pd.DataFrame(
        [tuple(row) for row in query.all()],
        columns=["student", "assignment", "notebook", "item", "cell_kind", "score", "max_score", "auto_score",
                 "manual_score", "extra_credit", "needs_manual_grade"],
    )
    rows = [(a.name, a.duedate, float(a.max_score or 0.0))
            for a in gb.db.query(Assignment).filter(Assignment.course_id == gb.course_id)]
    rows.sort(key=lambda r: (r[1] is None, r[1] or 0, r[0]))
    assignments = pd.DataFrame([(name, i, due, top) for i, (name, due, top) in enumerate(rows)],
                               columns=ASSIGNMENT_COLUMNS)
    students = tuple(sorted(s.id for s in gb.db.query(Student)))
    return grades, assignments, students


def read_roster(gb: Any) -> pd.DataFrame:
    """Each trainee's names, e-mail and LMS user id from an open ``nbgrader.api.Gradebook`` (empty where unknown)."""
    from nbgrader.api import Student

    rows = [(s.id, *((getattr(s, name, None) or "").strip() for name in ROSTER_COLUMNS[1:]))
            for s in gb.db.query(Student)]
    return pd.DataFrame(sorted(rows), columns=ROSTER_COLUMNS)


def read_late_penalties(gb: Any) -> pd.DataFrame:
    """The late-submission penalty of each submission that has one, from an open ``nbgrader.api.Gradebook``.

    nbgrader's ``AssignLatePenalties`` stores it per notebook from the submission time (the exchange's, see
    ``workflow/exchange.py``) and the course's ``LateSubmissionPlugin``; its grades keep the points before the
    penalty, and ``nbgrader export`` subtracts it. The report must do the same, or late work counts in full.
    """
    from nbgrader.api import Assignment, Student, SubmittedAssignment, SubmittedNotebook

    query = (
        gb.db.query(Student.id, Assignment.name, SubmittedNotebook.late_submission_penalty)
        .select_from(SubmittedNotebook)
        .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
        .join(Student, SubmittedAssignment.student_id == Student.id)
        .join(Assignment, SubmittedAssignment.assignment_id == Assignment.id)
        .filter(Assignment.course_id == gb.course_id)
    )
    rows = pd.DataFrame([tuple(row) for row in query.all()], columns=PENALTY_COLUMNS)
    rows["late_penalty"] = pd.to_numeric(rows["late_penalty"], errors="coerce").fillna(0.0).astype(float)
    summed = rows.groupby(["student", "assignment"], as_index=False)["late_penalty"].sum()
    return summed[summed["late_penalty"] > 0].reset_index(drop=True)[PENALTY_COLUMNS]


def build_cohort(grades: pd.DataFrame, assignments: pd.DataFrame, students: Iterable[str], autograded: Path,
                 keys_dir: Path | None, root: Path | None = None,
                 late_penalties: pd.DataFrame | None = None) -> CohortData:
    """Join gradebook rows with what the autograded notebooks printed and what trainees answered."""
    from ipt_training.grading.feedback.answers import graded_answer_text
    from ipt_training.grading.trusted.diagnose import submission_review_reasons
    from ipt_training.grading.trusted.scored import answer_problem, answers_not_stored

    items: list[dict[str, Any]] = []
    criteria: list[dict[str, Any]] = []
    formulations: list[dict[str, Any]] = []
    notes: list[str] = []
    reviews: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    for (student, assignment, notebook), group in grades.groupby(["student", "assignment", "notebook"], sort=True):
        path = autograded / str(student) / str(assignment) / f"{notebook}.ipynb"
        nb = _read_notebook(path)
        cells = _grade_cells(nb) if nb is not None else None
        if nb is None:
            notes.append(f"no autograded notebook for {student}/{assignment}/{notebook}: scores only")
        else:
            reviews += [{"student": student, "assignment": assignment, "notebook": notebook, "reason": reason}
                        for reason in submission_review_reasons(f"{notebook}.ipynb", nb)]
        for grade in group.sort_values("item", key=lambda s: s.map(_natural)).itertuples(index=False):
            cell = (cells or {}).get(grade.item)
            output = parse_grade_output(cell) if cell is not None else GradeOutput()
            call = formulation_call(cell.source) if cell is not None else None
            # The case comes from the grade cell's source (restored from the gradebook), never from what it printed.
            case_id = call[0] if call else None
            base = {"student": student, "assignment": assignment, "notebook": notebook, "item": grade.item,
                    "case_id": case_id}
            kind = "formulation" if case_id else ("task" if grade.cell_kind == "TaskCell" else "item")
            feedback = "\n".join(output.lines if output.error is None else (*output.lines, output.error))
            items.append({**base, "kind": kind, "score": _float(grade.score), "max_score": _float(grade.max_score),
                          "auto_score": _float(grade.auto_score), "manual_score": _float(grade.manual_score),
                          "extra_credit": _float(grade.extra_credit),
                          "needs_manual_grade": bool(grade.needs_manual_grade), "feedback": feedback,
                          "answer_problem": answer_problem(cell) if cell is not None else ""})
            criteria += [{**base, **row} for row in output.criteria()]
            shown = graded_answer_text(cell) if cell is not None else ""
            if cell is not None and answers_not_stored(cell):
                shown = "(too large to keep with the graded notebook: read it in the graded notebook)"
            if shown:
                answers.append({"student": student, "assignment": assignment, "item": grade.item,
                                "answer_as_graded": shown})
            if case_id and cells is not None and answers_not_stored(cell):
                # The answer cell's literal text may not be what was graded (code can change it at run time).
                reviews.append({"student": student, "assignment": assignment, "notebook": notebook,
                                "reason": f"{grade.item}: {NOT_STORED_REASON}"})
            elif case_id and cells is not None:
                suffix = call[1] if call else None
                variables = graded_answers(cell, cells, suffix)
                formulations.append({**base, **_formulation_row(variables, suffix, case_id, keys_dir),
                                     "suffix": suffix, "score": _float(grade.score),
                                     "max_score": _float(grade.max_score)})
    if root is not None:  # submissions refused or stopped: no graded notebook, the grader's own record instead
        from ipt_training.grading.workflow.not_graded import read_not_graded

        reviews += [{"student": student, "assignment": assignment, "notebook": "", "reason": reason}
                    for student, assignment, reason in read_not_graded(root)]
    return CohortData(
        items=pd.DataFrame(items, columns=ITEM_COLUMNS),
        criteria=pd.DataFrame(criteria, columns=CRITERION_COLUMNS),
        formulations=pd.DataFrame(formulations, columns=FORMULATION_COLUMNS),
        assignments=assignments.reset_index(drop=True),
        students=tuple(sorted(set(students))),
        root=root,
        keys_dir=keys_dir,
        notes=tuple(notes),
        submission_reviews=pd.DataFrame(reviews, columns=SUBMISSION_REVIEW_COLUMNS),
        late_penalties=(pd.DataFrame(columns=PENALTY_COLUMNS) if late_penalties is None
                        else late_penalties[PENALTY_COLUMNS].reset_index(drop=True)),
        graded_answers=pd.DataFrame(answers, columns=GRADED_ANSWER_COLUMNS),
    )


def parse_grade_output(cell: nbformat.NotebookNode) -> GradeOutput:
    """The grader's title line and the ``  - `` feedback lines under it, from a cell's recorded outputs."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")
    errors = [f"error: {o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", [])
              if o.get("output_type") == "error"]
    title = points = max_points = None
    lines: list[str] = []
    for raw in text.splitlines():
        match = _TITLE.match(raw)
        if match and not raw.startswith(" "):
            title, points, max_points = match["title"], float(match["points"]), float(match["max"])
            lines = []
        elif title is not None and raw.startswith("  - "):
            lines.append(raw[4:].strip())
        elif title is not None and lines and raw.strip():
            lines[-1] += " " + raw.strip()
    return GradeOutput(title, points, max_points, tuple(lines), errors[0] if errors else None)


def formulation_call(source: str) -> tuple[str, str] | None:
    """``(case_id, suffix)`` of a ``grade_formulation(case_id, globals(), suffix)`` call in a grade cell.

    Read with :mod:`ast`; an alias (``from ... import grade_formulation as _grade``) is followed, so the
    other item graders, which take similar arguments, are not mistaken for it.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # trainee text: any parse failure is no data
        return None
    aliases = {alias.asname or alias.name: alias.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) for alias in node.names}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        args = node.args
        if (aliases.get(name, name) == FORMULATION_GRADER and len(args) >= 3
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (args[0], args[2]))):
            return args[0].value, args[2].value
    return None


def answer_variables(source: str) -> dict[str, Any]:
    """Values of simple top-level ``name = <literal>`` assignments, later ones winning (no code is run).

    A name last assigned something that is not a literal is left out: its value is unknown.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # trainee text: any parse failure is no data
        return {}
    values: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        try:
            parsed = ast.literal_eval(value)
            known = True
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            parsed, known = None, False
        for target in targets:
            if isinstance(target, ast.Name):
                if known:
                    values[target.id] = parsed
                else:
                    values.pop(target.id, None)
    return values


def formulation_answer(variables: dict[str, Any], suffix: str) -> Any:
    """The trainee's :class:`FormulationAnswer` for one case from parsed answer variables."""
    from ipt_training.scoring.report import FormulationAnswer

    data = {name: variables.get(f"{name}_{suffix}") for name in FORMULATION_FIELDS}
    text = data.pop("formulation")
    return FormulationAnswer.from_dict({**data, "text": text if isinstance(text, str) else ""})


def reference_for(keys_dir: Path | None, case_id: str) -> ReferenceFormulation | None:
    """The instructor reference of a case from ``keys_dir`` (``None`` when there are no keys)."""
    if keys_dir is None:
        return None
    try:
        return case_reference_in(keys_dir.resolve(), case_id)
    except (OSError, ValueError, LookupError):
        return None


def case_for(keys_dir: Path | None, case_id: str) -> Case | None:
    """The case itself (names, vignette) for scoring with it as the grader does; ``None`` without keys."""
    if keys_dir is None:
        return None
    return case_in(keys_dir.resolve(), case_id)


def graded_answers(cell: nbformat.NotebookNode | None, cells: dict[str, nbformat.NotebookNode],
                   suffix: str | None) -> dict[str, Any]:
    """The answer variables the grader scored for one formulation item.

    Stored with the grade cell by the trusted re-scoring (:func:`~ipt_training.grading.trusted.scored.
    scored_answers`). A notebook graded before answers were stored falls back to the answer cells' literal
    values only: the report never re-reads a trainee's files (``ipt_answers.json`` beside the notebook may be
    damaged or rewritten by the notebook itself); grade such a submission again to see its builder answers.
    """
    from ipt_training.grading.trusted.scored import scored_answers

    scored = scored_answers(cell) if cell is not None else None
    if scored is not None:
        return scored
    variables: dict[str, Any] = {}
    if suffix:
        marker = f"primary_area_{suffix}"
        for other in cells.values():
            if other.cell_type == "code" and marker in other.source:
                found = answer_variables(other.source)
                if marker in found or f"formulation_{suffix}" in found:
                    variables.update(found)
    return variables


def _formulation_row(variables: dict[str, Any], suffix: str | None, case_id: str,
                     keys_dir: Path | None) -> dict[str, Any]:
    answer = formulation_answer(variables, suffix or "")
    reference = reference_for(keys_dir, case_id)
    return {
        "chosen_area": answer.primary_area.value if answer.primary_area else None,
        "chosen_secondary": answer.secondary_area.value if answer.secondary_area else None,
        "chosen_stage": answer.dispute_stage.value if answer.dispute_stage else None,
        "reference_area": reference.primary_area.value if reference else None,
        "reference_secondary": (reference.secondary_area.value
                                if reference and reference.secondary_area else None),
        "text": answer.text,
    }


def _read_notebook(path: Path) -> nbformat.NotebookNode | None:
    """An autograded notebook (``None`` if missing or unreadable)."""
    if not path.is_file():
        return None
    try:  # v4 JSON reader without schema validation (the slow part; autograde wrote these files)
        from nbformat.v4.nbjson import reads as reads_v4

        text = path.read_text(encoding="utf-8")
        return reads_v4(text) if json.loads(text).get("nbformat") == 4 else nbformat.read(path, as_version=4)
    except Exception:  # a corrupt notebook must not stop the report
        return None


def _grade_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """Cells of a notebook keyed by nbgrader grade id, in notebook order."""
    cells: dict[str, nbformat.NotebookNode] = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            cells.setdefault(grade_id, cell)
    return cells


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(name)))


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def _float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
