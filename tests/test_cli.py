"""The ipt-course command line, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ipt_training.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cases_list_json_from_the_course_directory(repo):
    result = run("cases", "list", "--json", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 24
    assert all(Counter(r["primary_area"] for r in rows)[a] >= 4 for a in
               ("grief", "role_dispute", "role_transition", "interpersonal_deficits"))


def test_trainee_outside_the_course_sees_no_assessment_areas(tmp_path):
    rows = json.loads(run("cases", "list", "--json", cwd=tmp_path).stdout)
    hidden = [r for r in rows if r["set"] == "assessment"]
    assert hidden and all(r["primary_area"] is None and not r["reference_available"] for r in hidden)


@pytest.mark.parametrize("command", [[], ["cases"], ["cases", "list"], ["cases", "show"], ["cases", "validate"],
                                     ["score"]])
def test_help_everywhere(command):
    result = run(*command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_cases_show_hides_reference_by_default(repo):
    shown = run("cases", "show", "p-05", cwd=repo).stdout
    assert "Amaru" in shown and "Reference focus" not in shown
    assert "Reference focus" in run("cases", "show", "p-05", "--reference", cwd=repo).stdout


def test_cases_show_unknown_id_fails_clearly():
    result = run("cases", "show", "no-such-case")
    assert result.returncode == 2 and "no case 'no-such-case'" in result.stderr
    assert "--dir PATH" in result.stderr and "c.IPTCourse.case_dirs" in result.stderr  # where one's own cases are found


def test_validate_reports_bad_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\n")
    result = run("cases", "validate", str(bad))
    assert result.returncode == 1 and f"{bad}:1: id:" in result.stderr


def test_score_json_with_a_yaml_answer(repo, tmp_path):
    answer = tmp_path / "answer.yaml"
    answer.write_text("primary_area: role_transition\ntext: 'Symptoms began after the move; goals: mourn the old "
                      "role and build mastery in the new role.'\n")
    case = repo / "ipt_training" / "data" / "cases" / "practice" / "p-05.yaml"
    result = run("score", "--reference", str(case), "--answer", str(answer), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["detected"]["primary_area"] == "role_transition"
    assert 0 < data["total"] <= data["max_total"] == 10


def test_score_with_a_key_file_and_text_answer(repo, tmp_path):
    key = next((repo / "source" / "keys" / "cases").glob("*.yaml"))
    answer = tmp_path / "a.txt"
    answer.write_text("not sure")
    result = run("score", "--reference", str(key), "--answer", str(answer))
    assert result.returncode == 0 and "Total: 0 / 10" in result.stdout


def test_score_with_missing_answer_file_fails_clearly(repo, tmp_path):
    case = repo / "ipt_training" / "data" / "cases" / "practice" / "p-05.yaml"
    result = run("score", "--reference", str(case), "--answer", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "cannot read answer" in result.stderr
