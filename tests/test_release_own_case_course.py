"""The instructor's loop with a case of their own, through the real `nbgrader generate_assignment` and exchange:
an exercise pointed at the case releases with a trainee copy beside the notebook, a mismatch of points is refused
before trainees see it, and a second release to the exchange needs --force (docs/authoring-cases.md, "Using your
case in an assignment")."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest
import yaml
from own_case_course import CASE_ID, own_case_course

from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.exchange import ExchangeError, release_to_exchange

ASSIGNMENT = "problem_area_formulation"


def _set_points(notebook: Path, grade_id: str, points: float) -> None:
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if (cell.metadata.get("nbgrader") or {}).get("grade_id") == grade_id:
            cell.metadata["nbgrader"]["points"] = points
    nbformat.write(nb, notebook)


@pytest.fixture(scope="module")
def course(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Course:
    """The formulation assignment with case C replaced by the docs' worked example, kept in cases/ with its key."""
    root = tmp_path_factory.mktemp("own-case-course")
    own_case_course(repo, root, ASSIGNMENT, "a-05")
    exchange = Path(tempfile.mkdtemp(prefix="ipt-exchange-"))
    os.chmod(exchange, 0o1777)
    (root / "nbgrader_config_local.py").write_text(
        f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n")
    yield Course(root)
    shutil.rmtree(exchange, ignore_errors=True)


def test_release_ships_the_trainee_copy_and_replaces_only_with_force(course: Course) -> None:
    assert course.release([ASSIGNMENT]) == {}
    released = course.root / "release" / ASSIGNMENT
    copy = yaml.safe_load((released / "cases" / f"{CASE_ID}.yaml").read_text(encoding="utf-8"))
    assert copy["id"] == CASE_ID and "reference" not in copy and "samples" not in copy
    sources = [c.source for c in nbformat.read(released / f"{ASSIGNMENT}.ipynb", as_version=4).cells]
    assert f'show_case("{CASE_ID}")' in sources

    outbound = Path(release_to_exchange(course, ASSIGNMENT))
    assert (outbound / "cases" / f"{CASE_ID}.yaml").is_file()  # it travels to the trainees
    (released / "note.txt").write_text("corrected")
    with pytest.raises(ExchangeError, match="run the same command with --force"):
        release_to_exchange(course, ASSIGNMENT)
    assert not (outbound / "note.txt").exists()
    release_to_exchange(course, ASSIGNMENT, replace=True)
    assert (outbound / "note.txt").read_text() == "corrected"


def test_release_refuses_points_that_disagree_with_the_test(course: Course) -> None:
    notebook = course.root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    _set_points(notebook, "case_c_test", 5)
    try:
        errors = course.release([ASSIGNMENT])
    finally:
        _set_points(notebook, "case_c_test", 10)
    assert list(errors) == [ASSIGNMENT]
    assert '"Case C" (case_c_test) is worth 5 points in the assignment but its test grades out of points=10' \
        in errors[ASSIGNMENT]


def test_a_key_sentence_copied_from_the_vignette_is_not_withheld_as_key_text(course: Course) -> None:
    """An evidence sentence copied from the vignette (as docs/authoring-cases.md invites) is no secret: the
    trainee's case display is not key text (it was withheld from every trainee's feedback and listed as a
    problem), while a cell that prints the key's rationale still is."""
    key_file = course.root / "source" / "keys" / "cases" / f"{CASE_ID}.yaml"
    key = yaml.safe_load(key_file.read_text(encoding="utf-8"))
    copied = "The crew gave him a send-off and he has not been back since."
    key["reference"]["key_evidence"].append({"id": "send_off", "hint": "How did he leave?", "text": copied})
    key_file.write_text(yaml.safe_dump(key, sort_keys=False), encoding="utf-8")
    assert course.release([ASSIGNMENT]) == {}
    released = course.root / "release" / ASSIGNMENT
    submitted = course.root / "submitted" / "rosa" / ASSIGNMENT
    shutil.copytree(released, submitted)
    notebook = submitted / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(f"print({key['reference']['rationale']!r})"))
    nbformat.write(nb, notebook)

    [result] = course.autograde(ASSIGNMENT, ["rosa"])
    leaks = [p for p in result.problems if "printed text from the instructor's keys" in p]
    assert len(leaks) == 1 and "case_c_show" not in leaks[0], result.problems
    page = next(p for p in result.feedback if p.suffix == ".html").read_text(encoding="utf-8")
    assert "he has not been back since" in page  # the vignette, shown as the trainee saw it
    assert page.count("Output withheld from your feedback") == 1  # the rationale's printout only
