"""Feedback sentences of the formulation scorer say what is clinically right for the area (senior trainer's review,
/work/review findings 2, 3, 10 and 17), on the reviewer's own answers."""

from __future__ import annotations

from pathlib import Path

from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport

ANSWERS = Path(__file__).parent / "data" / "review_answers"
ACUTE_EVENT = ("event closest to the onset", "to the key interpersonal event", "what happened before the onset")


def _score(library, name: str, case_id: str, rubric: str = "supervision", reveal: bool = False) -> FormulationReport:
    case = library.get(case_id)
    text = (ANSWERS / f"{name}.txt").read_text(encoding="utf-8")
    return score_formulation(FormulationAnswer(text=text), case.reference, reveal=reveal, rubric=rubric, case=case)


def _feedback(report: FormulationReport) -> str:
    return " ".join(c.feedback for c in report.criteria)


def test_a_deficits_answer_is_not_told_of_an_acute_event(library) -> None:
    report = _score(library, "a10_p08_deficits", "p-08")
    text = _feedback(report)
    assert not [p for p in ACUTE_EVENT if p in text], text
    assert "no death, dispute or life change explains the onset" in report.criterion("problem_area").feedback
    assert "no interpersonal event explains the onset" in report.criterion("evidence_timeline").feedback


def test_an_event_area_answer_is_still_told_of_its_link(library) -> None:
    report = _score(library, "a5_p06_good", "p-06")
    assert "linked in time to the onset" in report.criterion("problem_area").feedback
    assert "to the key interpersonal event" in report.criterion("evidence_timeline").feedback
    assert "no death, dispute" not in _feedback(report)


def test_the_medical_model_alone_is_not_the_sick_role(library) -> None:
    """'A common, treatable illness, not your fault' frames the diagnosis; the sick role is that some obligations are
    eased while recovering and that the patient works at getting better (reference glossary)."""
    given = _score(library, "a2_p13_patient", "p-13", rubric="patient").criterion("sick_role")
    missing = _score(library, "a12_p13_patient_nosickrole", "p-13", rubric="patient").criterion("sick_role")
    assert given.points == given.max_points and "obligations can be eased" in given.feedback
    assert missing.points == given.max_points / 2
    assert "not the patient's fault" in missing.feedback and "Give the sick role" in missing.feedback


def test_every_model_formulation_gives_the_sick_role(library) -> None:
    for case in library:
        report = score_formulation(case.reference.formulation, case.reference, rubric="patient", case=case)
        sick = report.criterion("sick_role")
        assert sick.points == sick.max_points, (case.id, sick.feedback)


def test_a_partly_wrong_focus_is_not_pushed_further_into_its_own_area(library) -> None:
    """The reviewer's dispute answer for p-07 (a transition case): no 'the strategies usually include' for disputes;
    the trainee is sent back to the focus."""
    report = _score(library, "a3_p07_dispute", "p-07")
    assert report.criterion("problem_area").points < report.criterion("problem_area").max_points
    for kind in ("goals", "strategies"):
        text = report.criterion(kind).feedback
        assert "usually include" not in text, text
        assert "Check the focus first" in text or "follow from the choice of focus" in text, text
    honest = _score(library, "a2_p13_patient", "p-13", rubric="patient")
    assert "usually include" in honest.criterion("strategies").feedback  # a right focus still gets its next step


def test_the_reduced_evidence_messages_say_which_points(library) -> None:
    from ipt_training.scoring import feedback

    assert "of the evidence points" in feedback.PASTED_FEEDBACK
    assert "of the evidence points" in feedback.HALF_LISTED_EVIDENCE_FEEDBACK


def test_one_focus_with_the_conflict_handled_within_it_keeps_the_evidence_points(library) -> None:
    """p-07's key lists a secondary dispute; the reviewer's note keeps to the transition and handles the arguments
    within it, as the reference's worked example does (section 6): no stage point is held back."""
    report = _score(library, "a4_p07_notes", "p-07")
    evidence = report.criterion("evidence_timeline")
    assert evidence.points == evidence.max_points, evidence.feedback
    assert "You kept one focus" in evidence.feedback
    two = _score(library, "a5_p06_good", "p-06")  # a dispute answer is still held to its stage
    assert "You staged the role dispute as impasse" in two.criterion("evidence_timeline").feedback


def test_shorthand_for_transition_feelings_and_supports_is_read(library) -> None:
    report = _score(library, "a4_p07_notes", "p-07")
    assert report.criterion("strategies").points == report.criterion("strategies").max_points
