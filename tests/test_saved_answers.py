"""Widget answers saved beside the notebook, read back by the graders (they survive a re-run)."""

from __future__ import annotations

import json

from ipt_training import saved_answers
from ipt_training.grading.graders.checks import check_formulation
from ipt_training.widgets.formulation import assignment_builder


def test_builder_saves_and_reloads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    builder = assignment_builder("a-02", "a")
    builder.primary.value = "role_transition"
    builder.text.value = "Role transition after her promotion."
    builder.check_button.click()
    assert "Saved to ipt_answers.json" in builder.feedback.value
    saved = json.loads((tmp_path / "ipt_answers.json").read_text())
    assert saved["a"]["primary_area"] == "role_transition"
    again = assignment_builder("a-02", "a")
    assert (again.primary.value, again.text.value) == ("role_transition", "Role transition after her promotion.")


def test_assignment_builder_never_shows_a_reference(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    builder = assignment_builder("a-02", "a")
    assert builder.reference is None
    builder.text.value = "Grief."
    builder.check_button.click()
    assert "Saved" in builder.feedback.value and "/ 10" not in builder.feedback.value


def test_variables_win_over_saved_answers(tmp_path):
    saved_answers.save("a", {"primary_area": "grief", "formulation": "saved text"}, tmp_path)
    merged = saved_answers.with_saved("a", {"primary_area": "role_transition", "formulation": None}, tmp_path)
    assert merged["primary_area"] == "role_transition" and merged["formulation"] == "saved text"


def test_damaged_answers_file_counts_as_empty(tmp_path):
    (tmp_path / saved_answers.ANSWERS_FILE).write_bytes(b"\xff{not json")
    assert saved_answers.load_all(tmp_path) == {}


def test_check_uses_saved_answer(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    saved_answers.save("b", {"primary_area": "role_dispute", "dispute_stage": "impasse",
                             "formulation": " ".join(["word"] * 40)})
    namespace = {f"{f}_b": None for f in saved_answers.FIELDS}
    assert check_formulation(namespace, "b")
    assert "well-formed" in capsys.readouterr().out
