"""A formulation is scored the same way everywhere: the graded assignment, ``ipt-course score``, the calibration
re-score and the benchmark all score it with its case (names, vignette), under the rubric asked for."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ipt_training.grading.graders.items import grade_formulation
from ipt_training.grading.trusted.keys import graded_case, keys_from
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer


@pytest.fixture
def keys(repo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no saved builder answers here
    with keys_from(repo / "source" / "keys") as folder:
        yield folder


def pasted_answer(case) -> str:
    """The vignette of the case handed back with a label: only a scorer that knows the case can tell."""
    return case.vignette + "\nProblem area: role transition."


def test_the_graded_assignment_scores_with_the_case(keys, library):
    case = graded_case("a-01")
    assert case is not None and case.id == "a-01" and case.vignette
    text = pasted_answer(case)
    namespace = {"primary_area_x": None, "secondary_area_x": None, "dispute_stage_x": None, "formulation_x": text}
    graded = grade_formulation("a-01", namespace, "x", points=10)
    with_case = score_formulation(FormulationAnswer(text=text), case.reference, case=case)
    without = score_formulation(FormulationAnswer(text=text), case.reference)
    assert "pasted_vignette" in with_case.flags and "pasted_vignette" not in without.flags
    assert graded == with_case.total
    # read with the case, the copy earns the facts it restates but no link point (its feedback says so)
    assert with_case.criterion("evidence_timeline").feedback != without.criterion("evidence_timeline").feedback


def test_an_unknown_case_is_scored_without_one(keys):
    assert graded_case("no-such-case") is None


def run(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ipt_training.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_score_uses_the_case_of_a_key_file_and_the_rubric_asked_for(repo, tmp_path, library):
    key = repo / "source" / "keys" / "cases" / "a-01.yaml"
    case = library.get("a-01")
    answer = tmp_path / "a.txt"
    answer.write_text(pasted_answer(case), encoding="utf-8")
    note = json.loads(run("score", "--reference", str(key), "--answer", str(answer), "--json", cwd=repo).stdout)
    assert "pasted_vignette" in note["flags"]
    patient = run("score", "--reference", str(key), "--answer", str(answer), "--json", "--rubric", "patient",
                  cwd=repo)
    assert patient.returncode == 0, patient.stderr
    criteria = {c["criterion"] for c in json.loads(patient.stdout)["criteria"]}
    assert {"sick_role", "contract", "agreement"} <= criteria
    bad = run("score", "--reference", str(key), "--answer", str(answer), "--rubric", "letter", cwd=repo)
    assert bad.returncode == 2 and "unknown rubric 'letter'" in bad.stderr and "Traceback" not in bad.stderr
