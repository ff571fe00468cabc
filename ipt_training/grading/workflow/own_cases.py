"""At release: ship the trainee copies of the instructor's own cases an assignment names (without the expert
inventory or timeline it grades answers against), and refuse an assignment that grades one of them without a key
file.

A case "of the instructor's own" is one from the course's case folders (``c.IPTCourse.case_dirs``), not a packaged
case. An assignment names a case when a code cell of its source notebook holds the case id as a string
(``show_case("clinic-01")``, ``_grade("clinic-01", ...)``). The grader reads references only from
``source/keys/cases/<id>.yaml`` (docs/authoring-cases.md), so a graded case needs its key file there.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat

from ipt_training.cases.library import CaseLibrary, packaged_cases_dir
from ipt_training.cases.loader import CaseFileError
from ipt_training.cases.released import RELEASED_FOLDER, write_trainee_copy
from ipt_training.cases.settings import course_case_dirs


def string_literals(source: str) -> set[str]:
    """Every string constant in a code cell's source (cells that are not valid Python are read as text)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def named_cases(notebook: Path, ids: set[str]) -> tuple[set[str], set[str]]:
    """The ids of ``ids`` the notebook names anywhere, and those it names in a graded cell."""
    named: set[str] = set()
    graded: set[str] = set()
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        found = string_literals(cell.source) & ids
        named |= found
        if (cell.metadata.get("nbgrader") or {}).get("grade"):
            graded |= found
    return named, graded


def withheld_fields(notebook: Path, ids: set[str]) -> dict[str, set[str]]:
    """For each id of ``ids`` a graded cell of the notebook names, the case fields its graders compare answers
    against (``grade_inventory``: the expert inventory; ``grade_timeline``: the expert timeline), which its trainee
    copy must not show. A grader is counted wherever its name appears in such a cell (an alias, a cell that is not
    valid Python): withholding too much costs the trainee a table they are asked to build anyway."""
    from ipt_training.grading.graders.case_items import EXPERT_FIELDS

    withheld: dict[str, set[str]] = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code" or not (cell.metadata.get("nbgrader") or {}).get("grade"):
            continue
        fields = {f for grader, names in EXPERT_FIELDS.items() if grader in cell.source for f in names}
        for case_id in (string_literals(cell.source) & ids) if fields else set():
            withheld.setdefault(case_id, set()).update(fields)
    return withheld


def release_own_cases(root: Path, assignment: str) -> list[str]:
    """Write ``release/<assignment>/cases/<id>.yaml`` for each own case the assignment's notebooks name; return
    the problems (a graded own case without ``source/keys/cases/<id>.yaml``), one plain sentence each."""
    root = root.resolve()
    try:
        folders = course_case_dirs(root)
        library = CaseLibrary.load(keys_dir=False, extra_dirs=folders) if folders else None
    except CaseFileError as exc:
        return [f"your case folders have errors (run `ipt-course cases validate`): {'; '.join(exc.problems)}"]
    if library is None:
        return []
    packaged = packaged_cases_dir().resolve()
    own = {case_id for case_id, path in library.sources.items() if not path.resolve().is_relative_to(packaged)}
    named: set[str] = set()
    graded: set[str] = set()
    withheld: dict[str, set[str]] = {}
    for notebook in sorted((root / "source" / assignment).glob("*.ipynb")):
        found, scored = named_cases(notebook, own)
        named |= found
        graded |= scored
        for case_id, fields in withheld_fields(notebook, own).items():
            withheld.setdefault(case_id, set()).update(fields)
    target = root / "release" / assignment / RELEASED_FOLDER
    for case_id in sorted(named):  # an expert table the assignment grades is the answer: never in the trainee copy
        write_trainee_copy(library.cases[case_id], target, sorted(withheld.get(case_id, ())))
    keys = root / "source" / "keys" / "cases"
    return [f"it grades your case '{case_id}' ({_shown(library.sources[case_id], root)}), but there is no key "
            f"file source/keys/cases/{case_id}.yaml: the grader reads a case's reference only from "
            f"there. Move the case's reference: block into that file under case_id: {case_id} "
            "(docs/authoring-cases.md, 'Using your case in an assignment')"
            for case_id in sorted(graded) if not (keys / f"{case_id}.yaml").is_file()]


def _shown(path: Path, root: Path) -> str:
    """``path`` relative to the course directory when it is inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else str(path)
