"""Rubric shape: the supervision and patient rubrics, evidence ids in the report, no key leak in the shape."""

from __future__ import annotations

import json

import pytest

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer

PATIENT_ANSWER = (
    "You have major depression: a common, treatable illness that is not your fault. While you recover it is fine "
    "to do a bit less, and your part is to work with me on getting better. It began about two months "
    "after the move to Winnipeg, when you lost your team and your futsal friends. We call this a role transition. "
    "Over the next twelve weeks we would look at what you lost and what the new situation could offer, and build "
    "a few new contacts here. Does that fit how you see it?"
)
NOTE_ANSWER = (
    "Primary focus: role transition. Onset two months after the move to Winnipeg; he lost his team and his futsal "
    "friends. Goals: mourn the old role, realistic view of the new role. Strategies: link onset to the move."
)


@pytest.fixture(scope="module")
def p05(library):
    return library.get("p-05").reference


def test_report_lists_cited_and_missed_evidence_ids(p05):
    report = score_formulation(NOTE_ANSWER, p05)
    ids = {item.id for item in p05.key_evidence} | {p05.timeline_link.id}
    assert set(report.evidence_cited) | set(report.evidence_missed) == ids
    assert not set(report.evidence_cited) & set(report.evidence_missed)
    assert "move" in report.evidence_cited and "lost_network" in report.evidence_cited
    assert "no_death_or_prior_deficit" in report.evidence_missed
    data = json.loads(json.dumps(report.to_dict()))
    assert data["evidence_cited"] == list(report.evidence_cited)
    assert data["evidence_missed"] == list(report.evidence_missed)
    assert data["rubric"] == "supervision"


def test_empty_answer_misses_every_evidence_item(p05):
    report = score_formulation("", p05)
    assert report.evidence_cited == ()
    assert len(report.evidence_missed) == len(p05.key_evidence) + 1


def test_patient_rubric_adds_the_section_6_elements_and_still_totals_ten(p05):
    report = score_formulation(PATIENT_ANSWER, p05, rubric="patient")
    assert report.rubric == "patient" and report.max_total == 10
    assert [c.criterion for c in report.criteria] == ["problem_area", "evidence_timeline", "goals", "strategies",
                                                      "sick_role", "contract", "agreement"]
    assert report.criterion("sick_role").points == report.criterion("sick_role").max_points
    assert report.criterion("contract").points == report.criterion("contract").max_points
    assert report.criterion("agreement").points == report.criterion("agreement").max_points


def test_patient_rubric_withholds_points_for_missing_elements(p05):
    report = score_formulation(NOTE_ANSWER, p05, rubric="patient")
    for name in ("sick_role", "contract", "agreement"):
        assert report.criterion(name).points == 0, name
    assert "Does that fit how you see it?" in report.criterion("agreement").feedback


def test_a_question_about_something_else_is_not_an_invitation_to_agree(p05):
    text = NOTE_ANSWER + " Why did he not tell Clara? It is not your fault is what I would tell him."
    assert score_formulation(text, p05, rubric="patient").criterion("agreement").points == 0


def test_unknown_rubric_is_a_clear_error(p05):
    with pytest.raises(ValueError, match="unknown rubric 'exam'"):
        score_formulation(NOTE_ANSWER, p05, rubric="exam")


@pytest.mark.parametrize("rubric", ["supervision", "patient"])
def test_assessment_feedback_has_the_same_criteria_whatever_the_key(library, rubric):
    """Issue 12 item 7: the shape of the rubric must not tell a trainee whether the key is a dispute."""
    answers = [
        FormulationAnswer("Primary focus: role transition after the move.", ProblemArea.ROLE_TRANSITION),
        FormulationAnswer("Role dispute with her husband at an impasse.", ProblemArea.ROLE_DISPUTE,
                          dispute_stage=DisputeStage.IMPASSE),
        FormulationAnswer(""),
    ]
    for answer in answers:
        shapes, stage_sentences = set(), set()
        for case in library:
            report = score_formulation(answer, case.reference, reveal=False, rubric=rubric)
            shapes.add(tuple((c.criterion, c.label, c.max_points) for c in report.criteria))
            stage_sentences.add(report.criterion("evidence_timeline").feedback.split(". ")[-1])
        assert len(shapes) == 1, shapes
        # The stage sentence depends on the trainee's framing only; it never says "look for a disagreement".
        assert len(stage_sentences) <= 2
        assert not any("disagreement" in s for s in stage_sentences)


LISTED_ELEMENTS = "RT; move; lost team; depression; sick role; 12 sessions; mourning; new role; does that fit?"


def test_a_list_of_terms_earns_a_token_for_diagnosis_and_sick_role(p05):
    listed = score_formulation(LISTED_ELEMENTS, p05, rubric="patient").criterion("sick_role")
    explained = score_formulation(PATIENT_ANSWER, p05, rubric="patient").criterion("sick_role")
    assert explained.points == explained.max_points == 1.0
    assert listed.points == 0.5  # both named, a token of the point
    assert "named rather than explained" in listed.feedback


@pytest.mark.parametrize("sick_role", [
    "While you recover it is reasonable to go easier on yourself and to focus on getting well, which is part of the "
    "treatment.",
    "For now it is OK to expect a bit less of yourself at work and to make getting better a priority.",
])
def test_the_sick_role_in_other_ordinary_words_earns_its_half(p05, sick_role):
    """Trainer review 7: both halves of the sick role (obligations eased, the task of getting better) in plain words."""
    text = PATIENT_ANSWER.replace("While you recover it is fine to do a bit less, and your part is to work with me "
                                  "on getting better.", sick_role)
    assert sick_role in text
    assert score_formulation(text, p05, rubric="patient").criterion("sick_role").points == 1.0


def test_expecting_less_of_someone_else_is_not_the_sick_role(p05):
    text = PATIENT_ANSWER.replace("While you recover it is fine to do a bit less, and your part is to work with me "
                                  "on getting better.", "You have come to expect less of Clara since the move.")
    assert score_formulation(text, p05, rubric="patient").criterion("sick_role").points == 0.5
