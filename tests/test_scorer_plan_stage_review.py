"""A senior trainer's third review of the scorer: a stage planned for "if it changes" is not a second reading, ending
the relationship resolves only a dissolution, idealising or hurrying plans do not mourn, mastery needs a role and
graded contact needs people, and feedback never contradicts itself or advises where nothing was lost. Every answer
is written for these tests; each mechanism has answers that must earn credit and answers that must not."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.feedback import HURRIED_MOURNING_FEEDBACK, NAME_ONE_STAGE, STEERING_FEEDBACK
from ipt_training.scoring.plain_plan import plain_plan_concepts
from ipt_training.scoring.report import FormulationReport
from ipt_training.text.normalize import clauses

T, S, D, G = (ProblemArea.ROLE_TRANSITION, ProblemArea.INTERPERSONAL_DEFICITS, ProblemArea.ROLE_DISPUTE,
              ProblemArea.GRIEF)

FLORENCE = ("Florence's low mood began in November 2024, a month after she and Moses stopped talking about the coffee "
            "money and the school fees. She expects him to consult her and pay the fees; he expects to decide alone as "
            "head of the household. This is a role dispute. The stage is impasse: they no longer talk about money, but "
            "she does not want to leave the marriage. We would help her bring the money question back into the open, "
            "look at what each of them expects, explore the options she has, and rehearse how to ask Moses to sit "
            "down and count the money together.")
FLORENCE_SHORT = ("Florence's low mood began in November 2024, a month after the rows with Moses about the coffee "
                  "money and the school fees. She expects him to consult her and pay the fees; he expects to decide "
                  "alone. This is a role dispute, stage impasse. We would help her bring the money question back into "
                  "the open. ")
JONAS = ("Jonas's low mood began in March 2025, three months after he and Mareike began arguing every evening about "
         "when to have a baby; she wants a date, he wants to finish his master's first. This is a role dispute in "
         "renegotiation: they still talk and have looked up a couples counsellor. ")
COMFORT = ("Comfort's depression began in March 2025, two months after Kwabena died of a stroke; she has not cried, "
           "keeps his room closed and calls him a saint. This is grief. ")
AISHA = ("Aisha's low mood began in April 2025, two months after she was promoted to ward manager in February; she "
         "misses being a nurse and her lunchtime chats with Funmi. This is a role transition. ")


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-13", "p-14", "p-17", "a-02")}


def everything(report: FormulationReport) -> str:
    return " ".join(c.feedback for c in report.criteria)


# 1. A stage planned for "if it changes" is a contingency, not a second reading.

@pytest.mark.parametrize("contingency", [
    "If it later turns out the marriage is in dissolution, we would help her end it and mourn it.",
    "Should it move to dissolution, we would help her mourn the marriage and end it with dignity.",
    "In case it reaches dissolution later, we would help her end it well.",
])
def test_a_contingent_second_stage_keeps_the_full_marks_of_the_plan_without_it(cases, contingency):
    plain = score(cases["p-17"], FLORENCE)
    planned = score(cases["p-17"], f"{FLORENCE} {contingency}")
    assert plain.total == 10
    assert planned.total == plain.total
    assert not {"self_contradiction", "two_readings"} & set(planned.flags)
    assert planned.detected_stage is DisputeStage.IMPASSE
    text = everything(planned)
    assert "another focus" not in text and "Check the focus first" not in text and STEERING_FEEDBACK not in text


def test_a_stage_label_with_a_contingent_other_stage_is_the_stage_named(cases):
    report = score(cases["p-17"], FLORENCE_SHORT + "If it has reached dissolution, we would help her end it and "
                                                   "mourn it.")
    assert report.detected_stage is DisputeStage.IMPASSE
    assert "No dispute stage was named" not in everything(report)
    assert report.total >= 7.5  # not halved as two readings (its goals name two of the three)


def test_two_stages_both_asserted_are_still_two_readings_and_say_how_to_plan_for_a_change(cases):
    report = score(cases["p-17"], f"{FLORENCE} So this is dissolution, and we would help her end the marriage and "
                                  "mourn it.")
    assert {"self_contradiction", "two_readings"} <= set(report.flags)
    assert report.total <= 5.5
    text = everything(report)
    assert NAME_ONE_STAGE in text
    assert "No dispute stage was named" not in text
    # The area is the key's: the halving is for the two stages, not for the focus.
    assert "another focus" not in text and "Check the focus first" not in text
    assert "cannot both be the aim" not in text


def test_two_asserted_stages_are_told_how_to_plan_for_a_change_once(cases):
    report = score(cases["p-17"], FLORENCE_SHORT + "So this is dissolution, and we would help her end the marriage.")
    assert "two_readings" in report.flags
    assert everything(report).count(NAME_ONE_STAGE) == 1


def test_a_later_stage_told_as_what_happened_is_not_a_contingency(cases):
    # Said as what happened, not as a plan for a change: two stages asserted, still two readings.
    report = score(cases["p-17"], f"{FLORENCE} Later the marriage was in dissolution, so we would help her end the "
                                  "marriage and mourn it.")
    assert "two_readings" in report.flags


def test_two_stage_labels_and_no_stage_read_never_say_none_was_named(cases):
    report = score(cases["p-17"], FLORENCE_SHORT.replace("stage impasse", "stage impasse, or rather dissolution")
                   + "We would help her decide what she wants.")
    assert "No dispute stage was named" not in everything(report)


# 2. Ending the relationship is the dissolution strategy only.

def test_a_plan_to_leave_in_renegotiation_is_steering_not_resolution(cases):
    steering = score(cases["p-14"], JONAS + "I'd help him plan how to leave her in a way he can live with, and we will "
                                            "go over the last row in detail.")
    neutral = score(cases["p-14"], JONAS + "I'd help him find out what he wants and what she wants, get the talks "
                                           "going again, and we will go over the last row in detail.")
    assert steering.criterion("goals").points < steering.criterion("goals").max_points
    assert STEERING_FEEDBACK in steering.criterion("goals").feedback
    assert neutral.criterion("goals").points > steering.criterion("goals").points
    assert STEERING_FEEDBACK not in everything(neutral)
    assert steering.total < neutral.total


def test_an_ending_plan_credits_resolution_where_the_dispute_is_staged_as_dissolution():
    text = "We will help him leave with dignity and on good terms."
    assert "goal:dispute.resolve" in plain_plan_concepts(clauses(text), {D})
    assert "goal:dispute.resolve" not in plain_plan_concepts(clauses(text), {D}, ending=False)


@pytest.mark.parametrize("text", [
    "We would help him do well with her again.",
    "I'd help him live with her more peacefully.",
])
def test_common_words_alone_are_not_an_ending_in_a_bearable_way(text):
    assert "goal:dispute.resolve" not in plain_plan_concepts(clauses(text), {D})


def test_saying_the_patient_does_not_want_to_leave_is_not_steering(cases):
    report = score(cases["p-17"], FLORENCE)
    assert STEERING_FEEDBACK not in everything(report)


# 3. Idealising or hurrying plans do not mourn.

def test_an_idealising_hurried_plan_earns_no_mourning_and_is_told_why(cases):
    hurried = score(cases["p-13"], COMFORT + "I'd help her remember only the happy times and talk about him as the "
                                             "saint he was, and then help her be less sad about losing him and move "
                                             "on quickly.")
    mourning = score(cases["p-13"], COMFORT + "I'd help her talk about him, the good times and the hard ones, and let "
                                              "her be sad and angry about losing him.")
    assert hurried.criterion("goals").points == 0
    assert HURRIED_MOURNING_FEEDBACK in hurried.criterion("goals").feedback
    assert mourning.criterion("goals").points > 0
    assert HURRIED_MOURNING_FEEDBACK not in everything(mourning)


def test_mourning_named_in_ipt_words_but_hurried_earns_no_mourning(cases):
    hurried = score(cases["p-13"], COMFORT + "Goals: I'd help her mourn him quickly and move on.")
    mourning = score(cases["p-13"], COMFORT + "Goals: I'd help her mourn him, the good and the bad.")
    assert hurried.criterion("goals").points < mourning.criterion("goals").points
    assert HURRIED_MOURNING_FEEDBACK in hurried.criterion("goals").feedback


@pytest.mark.parametrize("text", [
    "We will help her stop crying about losing him.",
    "I'd help him get over the loss of the old job quickly.",
    "We will help her forget her sadness about what she lost.",
])
def test_hurrying_past_a_loss_is_not_mourning(text):
    found = plain_plan_concepts(clauses(text), {G, T})
    assert not found & {"goal:grief.mourn", "goal:transition.mourn_old"}


# 4. Mastery needs a role or task; graded contact needs people or contact.

def test_feeling_better_in_herself_is_not_mastery_a_new_job_is(cases):
    better = score(cases["a-02"], AISHA + "I would help her feel better in herself and cheer up.")
    mastery = score(cases["a-02"], AISHA + "I would help her get better at the new job as a manager.")
    assert better.criterion("goals").points == 0
    assert mastery.criterion("goals").points > 0
    assert "goal:transition.mastery" not in plain_plan_concepts(clauses("I would help her feel better in herself"),
                                                                {T})


@pytest.mark.parametrize(("text", "credited"), [
    ("We would go through the argument step by step", False),
    ("We would go over the row with her bit by bit", False),
    ("We would help him contact one old friend first, step by step", True),
    ("I'd help her start with small steps, like one coffee with a colleague", True),
])
def test_graded_contact_needs_people_or_contact(text, credited):
    assert ("strategy:deficits.graded_contact" in plain_plan_concepts(clauses(text), {S})) is credited


# Outside the diff: advice only where points were lost or a conflict is the answer's own.

def test_no_rereading_advice_at_full_evidence_marks(cases):
    report = score(cases["p-14"], JONAS + "We will go over the last row in detail and help him decide what he wants.")
    evidence = report.criterion("evidence_timeline")
    assert evidence.points == evidence.max_points
    assert "Re-read" not in evidence.feedback


def test_rereading_advice_where_evidence_points_were_lost(cases):
    report = score(cases["p-14"], "This is a role dispute with his partner. We will go over the last row in detail.")
    evidence = report.criterion("evidence_timeline")
    assert evidence.points < evidence.max_points
    assert "Re-read" in evidence.feedback


def test_one_focus_without_a_conflict_is_not_told_a_conflict_can_be_handled(cases):
    quiet = score(cases["a-02"], AISHA + "I would help her get better at the new job as a manager.")
    conflict = score(cases["a-02"], AISHA + "There is no role dispute; the rows with Funmi belong to the change. I "
                                            "would help her get better at the new job as a manager.")
    assert "a conflict can be handled within it" not in everything(quiet)
    assert "You kept one focus" in everything(quiet)
    assert "a conflict can be handled within it" in everything(conflict)
