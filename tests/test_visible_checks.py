"""Visible check cells: nbgrader's *Validate* fails, in plain words, on missing or malformed answers, and passes on
complete ones in every form the assignment and the formulation builder produce.

One ``nbgrader validate`` process checks the four blank released notebooks (must fail), the four solution
notebooks (must pass) and a formulation notebook answered with the builder's labels and saved answers (must
pass). The unit tests call the checks as the trusted re-scoring does (outside a kernel).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ipt_training import saved_answers
from ipt_training.grading.graders.checks import (
    check_choice,
    check_coding,
    check_formulation,
    check_mapping,
    check_month,
    check_table,
    check_text,
)

ASSIGNMENTS = ("communication_analysis", "inventory_and_timeline", "ipt_foundations", "problem_area_formulation")
LONG_TEXT = " ".join(["She became depressed after the promotion and the move to a new ward."] * 4)
PYTHON_REPR = re.compile(r"\[\]|\(\s*'|\{'|'\)|<\w+\.|Traceback")


def _validate(paths: list[Path]) -> dict[Path, str]:
    """Run one `nbgrader validate` over ``paths``; the report printed for each notebook, by path."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    result = subprocess.run([sys.executable, "-m", "nbgrader", "validate", *map(str, paths)], capture_output=False,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, timeout=600)
    reports: dict[Path, str] = {}
    current: Path | None = None
    for line in result.stdout.splitlines():
        match = re.search(r"Validating '(.+)'", line)
        if match:
            current = Path(match[1]).resolve()
            reports[current] = ""
        elif current is not None and "[ValidateApp" not in line and "[IPKernelApp]" not in line:
            reports[current] += line + "\n"
    return {path: reports.get(path.resolve(), "(not validated)") for path in paths}


def _builder_notebook(repo: Path, folder: Path) -> Path:
    """The released formulation notebook answered as a trainee using the builder might: case a only in the
    builder (ipt_answers.json), case b with the builder's labels typed into the variables, case c mixed."""
    folder.mkdir()
    path = folder / "problem_area_formulation.ipynb"
    nb = nbformat.read(repo / "release" / "problem_area_formulation" / path.name, as_version=4)
    answers = {
        "case_b_answer": f'primary_area_b = "Role dispute"\nsecondary_area_b = None\ndispute_stage_b = "Impasse"\n'
                         f'formulation_b = """{LONG_TEXT}"""\n',
        "case_c_answer": 'primary_area_c = "grief"\nsecondary_area_c = None\ndispute_stage_c = None\n'
                         "formulation_c = None\n",
    }
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(nb, path)
    saved = {"a": {"primary_area": "role_transition", "secondary_area": None, "dispute_stage": None,
                   "formulation": LONG_TEXT},
             "c": {"primary_area": None, "secondary_area": None, "dispute_stage": None, "formulation": LONG_TEXT}}
    (folder / saved_answers.ANSWERS_FILE).write_text(json.dumps(saved))
    return path


@pytest.fixture(scope="module")
def validated(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[Path, str]]:
    builder = _builder_notebook(repo, tmp_path_factory.mktemp("builder") / "work")
    blank = [repo / "release" / a / f"{a}.ipynb" for a in ASSIGNMENTS]
    solved = [repo / "source" / a / f"{a}.ipynb" for a in ASSIGNMENTS]
    reports = _validate([*blank, *solved, builder])
    return {"blank": {p: reports[p] for p in blank}, "solved": {p: reports[p] for p in solved},
            "builder": {builder: reports[builder]}}


@pytest.mark.slow
def test_validate_fails_on_blank_released_notebooks(validated) -> None:
    for path, report in validated["blank"].items():
        assert "VALIDATION FAILED" in report and "Success!" not in report, (path.name, report)
        assert "not answered yet" in report or "not coded yet" in report, (path.name, report)
        assert not PYTHON_REPR.search(report), (path.name, report)


@pytest.mark.slow
def test_validate_passes_on_solution_notebooks(validated) -> None:
    for path, report in validated["solved"].items():
        assert "Success! Your notebook passes all the tests." in report, (path.name, report)


@pytest.mark.slow
def test_validate_accepts_builder_labels_and_saved_answers(validated) -> None:
    (report,) = validated["builder"].values()
    assert "Success! Your notebook passes all the tests." in report, report


def test_builder_labels_are_well_formed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    namespace = {"primary_area_b": "Role dispute", "secondary_area_b": None, "dispute_stage_b": "Impasse",
                 "formulation_b": LONG_TEXT}
    assert check_formulation(namespace, "b")
    assert capsys.readouterr().out == "Formulation b: answer is complete and well-formed.\n"


def test_formulation_problems_are_plain_sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    blank = {f"{field}_a": None for field in saved_answers.FIELDS}
    assert not check_formulation(blank, "a")
    assert "not answered yet" in capsys.readouterr().out
    assert not check_formulation({**blank, "formulation_a": LONG_TEXT}, "a")
    assert "no primary area yet" in capsys.readouterr().out
    wrong = {**blank, "primary_area_a": "sadness", "dispute_stage_a": "Stalemate", "formulation_a": LONG_TEXT}
    assert not check_formulation(wrong, "a")
    out = capsys.readouterr().out
    assert "primary_area_a is not one of grief, role_dispute" in out and "dispute_stage_a is not one of" in out
    assert not PYTHON_REPR.search(out), out
    saved_answers.save("a", {"primary_area": "grief", "formulation": LONG_TEXT})
    assert check_formulation(blank, "a")  # the builder's saved answer completes it


def test_an_answer_cell_that_stopped_with_an_error_is_not_called_deleted(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          capsys) -> None:
    """A SyntaxError in the answer cell leaves all four variables undefined; Validate told the trainee to restore
    a cell that was there ("... are missing: restore the answer cell from the released notebook")."""
    monkeypatch.chdir(tmp_path)
    assert not check_formulation({}, "b")
    out = capsys.readouterr().out
    assert "primary_area_b, secondary_area_b, dispute_stage_b, formulation_b are not defined" in out
    assert "run the answer cell (if it stops with an error, fix it)" in out
    assert "if it was deleted" in out
    assert not check_formulation({"primary_area_b": "grief", "secondary_area_b": None, "dispute_stage_b": None}, "b")
    assert "the answer variable(s) formulation_b are not defined" in capsys.readouterr().out


def test_choices_that_contradict_each_other_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys) -> None:
    """The builder let a trainee submit grief as both areas, staged as an impasse: Validate said well-formed."""
    monkeypatch.chdir(tmp_path)
    same = {"primary_area_c": "Grief", "secondary_area_c": "grief",
            "dispute_stage_c": None, "formulation_c": LONG_TEXT}
    assert not check_formulation(same, "c")
    assert "secondary_area_c is the same as primary_area_c" in capsys.readouterr().out
    staged = {**same, "secondary_area_c": None, "dispute_stage_c": "Impasse"}
    assert not check_formulation(staged, "c")
    out = capsys.readouterr().out
    assert "dispute_stage_c applies only to a role dispute" in out and "secondary" not in out
    assert check_formulation({**staged, "secondary_area_c": "role_dispute"}, "c")
    assert check_formulation({**staged, "primary_area_c": "Role dispute"}, "c")


@pytest.mark.parametrize(("check", "args", "ok"), [
    (check_choice, ({"q1": None}, "q1", "abcd"), False),
    (check_choice, ({"q1": "(B)"}, "q1", "abcd"), True),
    (check_choice, ({"q1": "e"}, "q1", "abcd"), False),
    (check_choice, ({"q2": []}, "q2", "abcdef", True), False),
    (check_choice, ({"q2": ["a", "c"]}, "q2", "abcdef", True), True),
    (check_choice, ({"q2": "a, c"}, "q2", "abcdef", True), True),
    (check_choice, ({"q2": ["a", "z"]}, "q2", "abcdef", True), False),
    (check_mapping, ({"q7": {"x": None, "y": "middle"}}, "q7", ["x", "y"], ["initial", "middle"]), False),
    (check_mapping, ({"q7": {"x": "Initial", "y": "middle"}}, "q7", ["x", "y"], ["initial", "middle"]), True),
    (check_text, ({"q8": "\nWrite your answer here.\n"}, "q8", 3), False),
    (check_text, ({"q8": "The sick role excuses duties."}, "q8", 3), True),
    (check_month, ({"m": "2025-03"}, "m"), True),
    (check_month, ({"m": "March"}, "m"), False),
    (check_table, ({"t": [{"date": "2025-03", "event": "moved"}]}, "t", ["date", "event"]), True),
    (check_table, ({"t": [{"date": "spring", "event": "moved"}]}, "t", ["date", "event"]), False),
    (check_table, ({"t": [{"name": "Ann", "closeness": "near"}]}, "t", ["name", "closeness"], True), False),
])
def test_checks_accept_good_and_reject_bad_answers(check, args, ok, capsys) -> None:
    assert bool(check(*args)) is ok
    out = capsys.readouterr().out
    assert ("complete and well-formed" in out) is ok and not PYTHON_REPR.search(out), out


def test_coding_check_uses_the_graders_reading() -> None:
    full = {n: "ok" for n in range(1, 13)}
    assert check_coding({"coding": {**full, 6: ["mixed_message", "silence"]}}, "coding", "da-01")
    assert not check_coding({"coding": {**full, 3: None}}, "coding", "da-01")
    assert not check_coding({"coding": {**full, 3: "shouting"}}, "coding", "da-01")


def test_checks_fail_in_a_trainee_kernel_by_writing_to_stderr(tmp_path: Path) -> None:
    """In Jupyter (a kernel, not autograding) an incomplete answer goes to stderr, which nbgrader counts as a
    failed test; the check's value displays nothing (no bare True/False)."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from ipt_training.grading.graders.checks import check_choice\nq1 = None\ncheck_choice(globals(), "q1", '
        '"abcd")'), nbformat.v4.new_code_cell('q1 = "b"\ncheck_choice(globals(), "q1", "abcd")'),
        nbformat.v4.new_code_cell(
            'from ipt_training.grading.graders.checks import check_formulation\nprimary_area_c = "grief"\n'
            'secondary_area_c = "grief"\ndispute_stage_c = "impasse"\nformulation_c = "Too short."\n'
            'check_formulation(globals(), "c")')])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    blank, answered, contradictory = (cell.outputs for cell in nb.cells)
    # nbgrader validate prints at most 87 characters of each line: every problem must fit, on lines of its own
    lines = contradictory[0].text.splitlines()
    assert len(lines) > 2 and max(map(len, lines)) <= 80, lines
    assert "at least 30 words" in " ".join(lines) and "only to a role dispute" in " ".join(lines)
    assert [(o.output_type, o.get("name")) for o in blank] == [("stream", "stderr")]
    assert blank[0].text == "q1: not answered yet: choose one letter from a, b, c, d.\n"
    assert [(o.output_type, o.get("name")) for o in answered] == [("stream", "stdout")]
