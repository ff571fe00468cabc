"""An instructor's own case in an assignment: released to trainees without its key, found by the trainee's notebook,
graded with its key, and named plainly when something is wrong (docs/authoring-cases.md, "Using your case in an
assignment")."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from ipt_training.cases.loader import load_case_file
from ipt_training.cases.released import CaseNotAvailable, assignment_case
from ipt_training.cases.render import show_case
from ipt_training.grading.trusted.diagnose import cell_errors, diagnose_submission, instructor_titles
from ipt_training.grading.trusted.keys import case_in
from ipt_training.grading.workflow.own_cases import release_own_cases

ROOT = Path(__file__).resolve().parents[1]
CASE_ID = "clinic-01"


def _worked_example() -> dict:
    """The worked example of docs/authoring-cases.md (a practice case with its reference and samples)."""
    text = (ROOT / "docs" / "authoring-cases.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- example:start -->\s*```yaml\n(.*?)```", text, re.S)
    assert block is not None
    return yaml.safe_load(block.group(1))


def _notebook(path: Path, cells: list[tuple[str, bool]]) -> None:
    """A source notebook: one code cell per (source, graded)."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Assignment: my own case\n\n## Case A"))
    for number, (source, graded) in enumerate(cells):
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["nbgrader"] = {"grade": graded, "solution": False, "locked": True, "schema_version": 3,
                                     "grade_id": f"cell_{number}", **({"points": 10} if graded else {})}
        nb.cells.append(cell)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.fixture()
def course(tmp_path: Path) -> Path:
    """A course with the worked example as an assessment case in cases/ and its key in source/keys/cases/."""
    root = tmp_path / "course"
    (root / "cases").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text('c = get_config()\nc.IPTCourse.case_dirs = ["cases"]\n')
    case = _worked_example()
    key = {"case_id": CASE_ID, "traps": ["no-death-loss"], "reference": case.pop("reference"),
           "samples": case.pop("samples")}
    case["set"] = "assessment"
    (root / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(case, sort_keys=False))
    (root / "source" / "keys" / "cases").mkdir(parents=True)
    (root / "source" / "keys" / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(key, sort_keys=False))
    _notebook(root / "source" / "demo" / "demo.ipynb", [
        (f'show_case("{CASE_ID}")\nshow_case("p-01")', False),
        (f'_grade("{CASE_ID}", globals(), "a", points=10)', True),
    ])
    return root


def test_release_writes_a_trainee_copy_without_the_key(course: Path) -> None:
    assert release_own_cases(course, "demo") == []
    released = course / "release" / "demo" / "cases"
    assert sorted(p.name for p in released.iterdir()) == [f"{CASE_ID}.yaml"]  # packaged p-01 is not copied
    text = (released / f"{CASE_ID}.yaml").read_text(encoding="utf-8")
    reference = _worked_example()["reference"]
    for secret in (reference["rationale"], reference["formulation"][:60], "reference:", "samples:", "no-death-loss",
                   "role_transition"):
        assert secret not in text, secret
    copy = load_case_file(released / f"{CASE_ID}.yaml")
    assert copy.reference is None and copy.samples == [] and copy.traps == []
    assert copy.vignette == _worked_example()["vignette"]


def test_release_refuses_a_graded_own_case_without_a_key_file(course: Path) -> None:
    (course / "source" / "keys" / "cases" / f"{CASE_ID}.yaml").unlink()
    problems = release_own_cases(course, "demo")
    assert len(problems) == 1
    assert f"source/keys/cases/{CASE_ID}.yaml" in problems[0] and f"cases/{CASE_ID}.yaml" in problems[0]
    assert "Traceback" not in problems[0]


def test_an_own_case_the_assignment_does_not_name_is_not_released(course: Path) -> None:
    _notebook(course / "source" / "other" / "other.ipynb", [('show_case("p-01")', False)])
    assert release_own_cases(course, "other") == []
    assert not (course / "release" / "other" / "cases").exists()


def test_the_trainee_notebook_finds_the_released_copy(course: Path, tmp_path: Path) -> None:
    release_own_cases(course, "demo")
    trainee = tmp_path / "trainee" / "demo"  # a fetched assignment, far from any course directory
    trainee.mkdir(parents=True)
    (trainee / "cases").mkdir()
    (trainee / "cases" / f"{CASE_ID}.yaml").write_bytes(
        (course / "release" / "demo" / "cases" / f"{CASE_ID}.yaml").read_bytes())
    case = assignment_case(CASE_ID, start=trainee)
    assert case.patient.name == "Halvard Berg" and case.reference is None
    assert assignment_case("p-01", start=trainee).id == "p-01"  # packaged cases still work


def test_the_instructor_previewing_the_source_notebook_finds_the_case(course: Path) -> None:
    case = assignment_case(CASE_ID, start=course / "source" / "demo")
    assert case.reference is None and case.samples == []


def test_a_missing_case_is_one_plain_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CaseNotAvailable, match=r"not in this copy of the course.*cases/clinic-01\.yaml"):
        assignment_case(CASE_ID, start=tmp_path)
    monkeypatch.chdir(tmp_path)
    show_case(CASE_ID)  # no traceback in the trainee's notebook
    err = capsys.readouterr().err
    assert "The case 'clinic-01' is not in this copy of the course" in err and "KeyError" not in err


def test_the_grader_finds_the_own_case_from_anywhere(course: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # `ipt-course autograde --course PATH` from another folder
    case = case_in(course / "source" / "keys", CASE_ID)
    assert case is not None and case.reference is not None
    assert case.reference.primary_area.value == "role_transition"


def test_the_released_cases_folder_is_not_an_extra_file(course: Path) -> None:
    release_own_cases(course, "demo")
    submitted = course / "submitted" / "someone" / "demo"
    (submitted / "cases").mkdir(parents=True)
    nbformat.write(nbformat.read(course / "source" / "demo" / "demo.ipynb", as_version=4), submitted / "demo.ipynb")
    (submitted / "notes.txt").write_text("mine")
    problems = " | ".join(diagnose_submission(submitted, course / "source" / "demo"))
    assert "extra files ignored by grading: notes.txt" in problems and "cases" not in problems


def test_problem_lines_name_items_as_the_assignment_does(course: Path, tmp_path: Path) -> None:
    graded = nbformat.read(course / "source" / "demo" / "demo.ipynb", as_version=4)
    graded.cells[2].metadata["ipt_answers"] = {"unanswered": True}
    path = tmp_path / "graded.ipynb"
    nbformat.write(graded, path)
    titles = instructor_titles(course / "source" / "demo" / "demo.ipynb")
    assert cell_errors(path, titles) == ['no answer given for "Case A" (cell_1) (scored 0)']
    assert cell_errors(path) == ["no answer given for cell_1 (scored 0)"]  # no instructor notebook: the id
    assert instructor_titles(tmp_path / "missing.ipynb") == {}


def test_command_help_keeps_sentences_whole() -> None:
    from ipt_training.cli import app, cases_app, reflow

    text = "First line\n    continues.\n\n    Second\n    paragraph."
    assert reflow(text) == "First line continues.\n\nSecond paragraph."
    for typer_app in (app, cases_app):
        for command in typer_app.registered_commands:
            for paragraph in (command.help or "").split("\n\n"):
                assert "\n" not in paragraph, (command.name, paragraph)
