"""The formulation builder, driven without a browser: set widget values, press Check, read the feedback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipt_training import saved_answers
from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.report import CriterionResult, FormulationAnswer, FormulationReport
from ipt_training.widgets.formulation import (
    EMPTY_MESSAGE,
    NO_REFERENCE_MESSAGE,
    assignment_builder,
    formulation_builder,
)


@pytest.fixture(scope="module")
def case() -> Case:
    return CaseLibrary.load(keys_dir=False).get("p-05")


def test_builder_shows_the_vignette_but_not_the_reference(case: Case) -> None:
    builder = formulation_builder(case)
    shown = builder.widget.children[0].value
    assert "Winnipeg" in shown
    assert case.reference is not None
    assert case.reference.rationale[:40] not in shown


def test_every_control_is_labelled(case: Case) -> None:
    builder = formulation_builder(case)
    for control in (builder.primary, builder.secondary, builder.stage, builder.text):
        assert control.description and control.tooltip
    assert builder.check_button.description == "Check" and builder.check_button.tooltip


def test_answer_collects_the_choices_and_text(case: Case) -> None:
    builder = formulation_builder(case)
    builder.primary.value = "role_dispute"
    builder.stage.value = "impasse"
    builder.text.value = "A dispute with Clara."
    assert builder.answer() == FormulationAnswer(text="A dispute with Clara.", primary_area=ProblemArea.ROLE_DISPUTE,
                                                 dispute_stage=DisputeStage.IMPASSE)


def test_check_with_nothing_entered_explains_what_to_do(case: Case) -> None:
    builder = formulation_builder(case)
    assert builder.check() is None
    assert EMPTY_MESSAGE in builder.feedback.value


def test_wrong_area_gets_explained_feedback_naming_the_right_area(case: Case) -> None:
    builder = formulation_builder(case, reveal=True)
    builder.primary.value = "grief"
    builder.text.value = "He is grieving since the move."
    builder.check_button.click()
    report = builder.last_report
    assert report is not None and report.criterion("problem_area").points == 0
    html = builder.feedback.value
    assert "<table" in html and "Problem area" in html
    assert "death" in html  # explains why grief does not fit
    assert "role transition" in html.lower()  # practice cases may name the expected area


def test_good_answer_scores_well(case: Case) -> None:
    assert case.reference is not None
    builder = formulation_builder(case)
    builder.primary.value = "role_transition"
    builder.text.value = case.reference.formulation
    report = builder.check()
    assert report is not None
    assert report.criterion("problem_area").points == report.criterion("problem_area").max_points
    assert f"{report.total:g} / {report.max_total:g}" in builder.feedback.value


def test_feedback_is_escaped(case: Case) -> None:
    def fake_scorer(answer: FormulationAnswer, reference: object, *, reveal: bool, rubric: str,
                    case: object) -> FormulationReport:
        result = CriterionResult("problem_area", "Problem area", 1, 3, "<script>alert(1)</script>")
        return FormulationReport((result,), None, None, None, 1.0)

    builder = formulation_builder(case, scorer=fake_scorer)
    builder.text.value = "anything"
    builder.check()
    assert "<script>" not in builder.feedback.value
    assert "&lt;script&gt;" in builder.feedback.value


def test_case_without_reference_cannot_be_checked_but_answer_is_kept(case: Case) -> None:
    builder = formulation_builder(case.without_reference())
    builder.text.value = "My answer"
    assert builder.check() is None
    assert NO_REFERENCE_MESSAGE.split(",")[0] in builder.feedback.value
    assert builder.answer().text == "My answer"


def test_summary_speaks_clinical_words_not_python(case: Case) -> None:
    builder = formulation_builder(case)
    builder.primary.value = "role_dispute"
    builder.stage.value = "impasse"
    builder.text.value = "A dispute with Clara."
    shown = builder.summary().data
    assert "Role dispute" in shown and "Impasse" in shown and "A dispute with Clara. (4 words)" in shown
    for python in ("ProblemArea", "DisputeStage", "FormulationAnswer", "None", "role_dispute", "'"):
        assert python not in shown
    empty = formulation_builder(case).summary().data
    assert "not chosen yet" in empty and "not written yet" in empty


def _texts(widget: object) -> str:
    """Every string a widget tree shows: descriptions, values of HTML parts, button labels."""
    parts = [str(getattr(widget, name, "")) for name in ("description", "value", "placeholder", "tooltip")]
    return " ".join(parts + [_texts(child) for child in getattr(widget, "children", ())])


def test_builder_saves_every_change_and_says_so(case: Case, tmp_path: Path) -> None:
    builder = formulation_builder(case, save_key="practice", folder=tmp_path)
    assert "Saved automatically" in _texts(builder.widget)
    builder.text.value = "First words"
    assert saved_answers.load_all(tmp_path)["practice"]["formulation"] == "First words"
    builder.primary.value = "role_transition"
    builder.text.value = "First words and more"
    saved = saved_answers.load_all(tmp_path)["practice"]
    assert saved["formulation"] == "First words and more" and saved["primary_area"] == "role_transition"
    assert "Saved automatically at" in _texts(builder.widget)


def test_a_rebuilt_builder_shows_the_saved_answer(case: Case, tmp_path: Path) -> None:
    """What a trainee sees after a kernel restart and re-running the cell."""
    first = formulation_builder(case, save_key="practice", folder=tmp_path)
    first.stage.value = "impasse"
    first.text.value = "Typed but never checked."
    again = formulation_builder(case, save_key="practice", folder=tmp_path)
    assert (again.text.value, again.stage.value) == ("Typed but never checked.", "impasse")


def test_check_saves_too(case: Case, tmp_path: Path) -> None:
    builder = formulation_builder(case, save_key="practice", folder=tmp_path)
    (tmp_path / saved_answers.ANSWERS_FILE).unlink(missing_ok=True)
    builder.check_button.click()
    assert "practice" in saved_answers.load_all(tmp_path)


def test_a_failed_save_is_explained(case: Case, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    builder = formulation_builder(case, save_key="practice", folder=not_a_folder)
    builder.text.value = "Something"
    shown = _texts(builder.widget)
    assert "could not be saved" in shown and "Copy your text into the answer cell" in shown
    assert "Traceback" not in shown and "Errno" not in shown


def test_assignment_builder_keeps_text_typed_without_pressing_save(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    builder = assignment_builder("a-02", "a")
    assert "Saved automatically" in _texts(builder.widget)
    builder.text.value = "Typed, then the kernel was restarted."
    restarted = assignment_builder("a-02", "a")
    assert restarted.text.value == "Typed, then the kernel was restarted."
    assert saved_answers.with_saved("a", {})["formulation"] == "Typed, then the kernel was restarted."


def test_a_damaged_saved_answer_is_restored_as_far_as_it_makes_sense(case: Case, tmp_path: Path) -> None:
    saved_answers.save("practice", {"primary_area": "pain", "dispute_stage": "impasse", "formulation": 42},
                       tmp_path)
    builder = formulation_builder(case, save_key="practice", folder=tmp_path)
    assert (builder.primary.value, builder.stage.value, builder.text.value) == ("", "impasse", "")


def test_menus_that_contradict_each_other_get_a_note_that_goes_when_fixed(case: Case, tmp_path: Path) -> None:
    builder = formulation_builder(case, save_key="x", folder=tmp_path)
    note = next(c for c in builder.widget.children if "ipt-choices-note" in c._dom_classes)
    assert note.value == ""
    builder.primary.value = "grief"
    builder.secondary.value = "grief"
    assert "The secondary area is the same as the primary area" in note.value
    builder.stage.value = "impasse"
    assert "A dispute stage applies only to a role dispute" in note.value
    builder.secondary.value = "role_dispute"
    assert note.value == ""
    builder.secondary.value = ""
    restored = formulation_builder(case, save_key="x", folder=tmp_path)  # the saved choices come back with the note
    assert "only to a role dispute" in next(c for c in restored.widget.children
                                            if "ipt-choices-note" in c._dom_classes).value


def test_the_text_box_asks_for_what_the_rubric_scores(case: Case, tmp_path: Path, monkeypatch) -> None:
    """The assignment (supervision note, no contract or agreement scored) asked for the patient formulation's six
    parts and said 'as you would say it to the patient', against the assignment's own instructions."""
    spoken = formulation_builder(case, rubric="patient").text
    assert "patient's agreement" in spoken.placeholder and "say it to the patient" in spoken.tooltip
    monkeypatch.chdir(tmp_path)
    note = assignment_builder("a-02", "a").text
    assert "for supervision" in note.tooltip and "evidence" in note.placeholder
    assert "contract" not in note.placeholder and "agreement" not in note.placeholder
