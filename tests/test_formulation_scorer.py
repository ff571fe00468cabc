"""The formulation scorer on clear cases: answers that should pass and answers that should fail."""

from __future__ import annotations

import pytest

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer

EXCELLENT = (
    "Primary focus: role transition. His depression began about two months after the move to Winnipeg, when he "
    "lost his team leader role and his futsal friends. No deaths, and he had several close friends before the move, "
    "so this is not grief or deficits. Goals: mourn the loss of the old role, develop a more realistic view of the "
    "new role and its opportunities, and build mastery and self-esteem. Strategies: link his mood to the move, "
    "review the good and bad of the old and new role, help him express feelings about the move, build a new "
    "support network, and use communication analysis on his talks with Clara."
)

DISPUTE_REFERENCE = ReferenceFormulation.model_validate({
    "primary_area": "role_dispute",
    "dispute_stage": "impasse",
    "key_evidence": [
        {"id": "silence", "hint": "How do they talk now?", "cues": ["silen*", "stopped talking", "cold"]},
        {"id": "expectations", "hint": "What does each expect?", "cues": ["expect*", "share the housework"]},
        {"id": "no_change", "hint": "Any recent change?", "cues": ["no recent change", "nothing changed"]},
    ],
    "timeline_link": {"id": "argument", "hint": "When did it start?", "cues": ["argument", "row", "fight"]},
    "goals": ["dispute.identify", "dispute.plan", "dispute.resolve"],
    "strategies": ["general.link_onset", "dispute.stage", "dispute.expectations", "general.communication_analysis"],
    "rationale": "A long silent conflict with her husband over housework preceded onset.",
    "formulation": "You have depression, a treatable illness that is not your fault. It began after the argument "
                   "with your husband; we call this a role dispute.",
})


@pytest.fixture(scope="module")
def transition(library) -> ReferenceFormulation:
    return library.get("p-05").reference


def test_excellent_answer_earns_full_marks(transition):
    report = score_formulation(EXCELLENT, transition)
    assert report.total == report.max_total == 10
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.flags == ()


def test_wrong_area_earns_no_area_points_and_explains_the_rule(transition):
    report = score_formulation(
        "Complicated bereavement: he grieves his old life. Goals: help him mourn. Strategy: reconstruct the "
        "relationship with the deceased and explore guilt.", transition)
    assert report.criterion("problem_area").points == 0
    assert "death" in report.criterion("problem_area").feedback
    assert report.total <= 2


def test_clinician_paraphrase_life_change_is_a_transition(transition):
    report = score_formulation("This is a life change after the relocation; symptoms began after the move.",
                               transition)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.criterion("problem_area").points == 3


def test_negation_this_is_not_grief_but_a_transition(transition):
    report = score_formulation("This is not grief but a role transition.", transition)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION


def test_negated_area_alone_is_no_commitment(transition):
    report = score_formulation("It is not grief and not a dispute.", transition)
    assert report.detected_primary is None
    assert report.criterion("problem_area").points == 0


def test_keyword_stuffing_scores_low(transition):
    stuffed = ("Grief, role dispute, role transition and interpersonal deficits are all relevant. Use communication "
               "analysis, role play, decision analysis, mourning, reconstruct the relationship with the deceased, "
               "graded steps, social skills, modify expectations, mourn the old role, new role, mastery, after the "
               "move.")
    report = score_formulation(stuffed, transition)
    assert "keyword_stuffing" in report.flags
    assert report.criterion("problem_area").points == 0
    assert report.total <= 3


def test_typos_and_abbreviations_are_understood(transition):
    report = score_formulation("RT after relocaton; symptms began after the move. Goals: mourn the old role, "
                               "mastery of the new role.", transition)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.criterion("goals").points == 2


def test_structured_choice_overrides_text_detection(transition):
    answer = FormulationAnswer(text="The move seems central.", primary_area=ProblemArea.GRIEF)
    assert score_formulation(answer, transition).criterion("problem_area").points == 0


def test_self_contradiction_halves_area_points(transition):
    answer = FormulationAnswer(text="The main focus is grief. Symptoms began after the move.",
                               primary_area=ProblemArea.ROLE_TRANSITION)
    report = score_formulation(answer, transition)
    assert "self_contradiction" in report.flags
    assert report.criterion("problem_area").points == 1.5


def test_dispute_stage_is_scored_only_with_a_dispute_focus():
    right = FormulationAnswer(text="Role dispute at impasse: they stopped talking after the argument in March.",
                              primary_area=ProblemArea.ROLE_DISPUTE, dispute_stage=DisputeStage.IMPASSE)
    wrong_stage = FormulationAnswer(text=right.text.replace("impasse", "renegotiation"),
                                    primary_area=ProblemArea.ROLE_DISPUTE, dispute_stage=DisputeStage.RENEGOTIATION)
    good = score_formulation(right, DISPUTE_REFERENCE).criterion("evidence_timeline")
    bad = score_formulation(wrong_stage, DISPUTE_REFERENCE).criterion("evidence_timeline")
    assert good.points - bad.points == 1
    assert "staged the role dispute as impasse, which fits" in good.feedback


def test_stage_read_from_free_text():
    report = score_formulation("This is a role dispute with her husband, now at an impasse.", DISPUTE_REFERENCE)
    unstaged = score_formulation("This is a role dispute with her husband.", DISPUTE_REFERENCE)
    assert report.detected_stage is DisputeStage.IMPASSE
    assert report.criterion("evidence_timeline").points - unstaged.criterion("evidence_timeline").points == 1


def test_timeline_link_needs_a_temporal_word(transition):
    linked = score_formulation("Role transition: the depression started after the move.", transition)
    unlinked = score_formulation("Role transition. There was a move.", transition)
    assert linked.criterion("evidence_timeline").points > unlinked.criterion("evidence_timeline").points


def test_secondary_focus_swapped_gets_partial_credit():
    answer = FormulationAnswer(text="", primary_area=ProblemArea.ROLE_TRANSITION,
                               secondary_area=ProblemArea.ROLE_DISPUTE)
    ref = DISPUTE_REFERENCE.model_copy(update={"secondary_area": ProblemArea.ROLE_TRANSITION})
    assert score_formulation(answer, ref).criterion("problem_area").points == 2


def test_assessment_feedback_never_names_the_reference(transition):
    wrong = "Interpersonal deficits: he is socially withdrawn. Goals: reduce isolation."
    text = score_formulation(wrong, transition, reveal=False).as_text().lower()
    assert "role transition" not in text
    assert transition.rationale.lower()[:40] not in text
    for item in transition.key_evidence:
        assert item.hint.lower() not in text
    revealed = score_formulation(wrong, transition, reveal=True).as_text().lower()
    assert "reference focus is role transition" in revealed


def test_empty_answer_scores_zero_with_a_message(transition):
    report = score_formulation("", transition)
    assert report.total == 0
    assert "empty_answer" in report.flags
    assert "No problem area" in report.criterion("problem_area").feedback


def test_report_round_trips_to_json(transition):
    import json

    data = json.loads(json.dumps(score_formulation(EXCELLENT, transition).to_dict()))
    assert data["total"] == 10
    assert {c["criterion"] for c in data["criteria"]} == {"problem_area", "evidence_timeline", "goals", "strategies"}
    assert 0 <= data["confidence"] <= 1
