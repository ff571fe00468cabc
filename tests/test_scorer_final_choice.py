"""A differential that ends in the writer's own decision. Every answer is written for these tests (none comes from a
benchmark set); each mechanism has answers that must pass and answers that must fail."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import ProblemArea

G, D, T = ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION
FACTS = ("Amaru began waking at 4 a.m. about two months after the move to Winnipeg, where he lost the bridge team "
         "he led and his Sunday futsal league. ")


@pytest.fixture(scope="module")
def amaru(library):
    return library.get("p-05")


@pytest.mark.parametrize("ending", ["I'd go with a role transition.", "On balance I would choose role transition.",
                                    "So: role transition."])
def test_the_writers_own_decision_ends_a_differential(amaru, ending):
    report = score(amaru, "I am torn between a role dispute with Clara and a role transition. " + FACTS + ending)
    assert report.detected_primary is T
    assert report.detected_secondary is None  # the area only weighed is not a second focus
    assert report.criterion("problem_area").points == 3


def test_a_decision_keeps_a_focus_the_answer_marks_secondary(amaru):
    report = score(amaru, FACTS + "I'd go with a role transition. Secondary focus: a role dispute with Clara.")
    assert (report.detected_primary, report.detected_secondary) == (T, D)


def test_a_wrong_final_decision_earns_no_area_credit_from_the_areas_weighed_before_it(amaru):
    report = score(amaru, "A role transition fits the timing. " + FACTS + "Still, on balance I'd choose grief for "
                                                                          "the life he left behind.")
    assert report.detected_primary is G
    assert report.criterion("problem_area").points == 0


def test_a_possibility_five_words_back_is_a_hedge_not_a_choice(amaru):
    report = score(amaru, "One could frame this as a role dispute with Clara. " + FACTS + "I'd go with transition.")
    assert report.detected_primary is T


@pytest.mark.parametrize("refusal", ["I wouldn't.", "I would not make that the focus."])
def test_refusing_the_area_just_named_rejects_it(amaru, refusal):
    report = score(amaru, "There is some friction with Clara about the move, which looks like a role dispute. "
                          + refusal + " " + FACTS + "Role transition is the focus.")
    assert report.detected_primary is T
    assert report.detected_secondary is None


def test_a_plain_first_sentence_choice_is_not_overridden_by_a_later_aside(amaru):
    # No decision words at the end: the answer's explicit choice stays the focus.
    report = score(amaru, "Role transition is the focus. " + FACTS + "Clara took the job in Winnipeg.")
    assert report.detected_primary is T


# A differential that sets a variant of an area aside and then settles on that area is marked for its final choice
# (the rubric: a rejection answer is marked for its FINAL choice), not halved as a self-contradiction.
WEIGHED = ("Probably a role transition, though I also weighed a transition of another kind, his retirement, and a "
           "role dispute with Clara. He retired years ago and Clara backs the move, so neither fits as well. ")


@pytest.mark.parametrize("field", [None, T])
def test_a_decision_after_setting_a_variant_aside_earns_full_area_credit(amaru, field):
    report = score(amaru, WEIGHED + FACTS + "Final answer: role transition, after the move.", field)
    assert report.detected_primary is T
    assert "self_contradiction" not in report.flags
    assert report.criterion("problem_area").points == 3


def test_taking_the_choice_back_after_deciding_is_still_a_contradiction(amaru):
    # The rejection comes after the decision: the answer argues against its own final choice.
    report = score(amaru, "Probably a role transition. " + FACTS + "Final answer: role transition. Thinking "
                          "again, I would not use a role transition here, since he settled in well.")
    assert report.criterion("problem_area").points < 3


def test_a_wrong_final_choice_after_setting_the_right_area_aside_earns_nothing(amaru):
    report = score(amaru, "Probably a role transition, or a role dispute with Clara. He settled in and Clara backs "
                          "the move, so neither fits as well. " + FACTS + "Final answer: grief for the team he lost.")
    assert report.detected_primary is G
    assert report.criterion("problem_area").points == 0


def test_weighing_two_areas_and_rejecting_both_without_a_decision_commits_to_nothing(amaru):
    report = score(amaru, "It could be a role transition, or a role dispute with Clara. He settled in and Clara "
                          "backs the move, so neither fits as well. I would want to hear more from him.")
    assert report.criterion("problem_area").points == 0


# A span of time ("within two months", "two weeks later") is not a rank of areas, and "a real role change" (a genuine
# change, one candidate of the differential) is not a turn to that area ("the real issue is ...").
@pytest.mark.parametrize("timing", ["the waking began within two months of the move",
                                    "the waking began two months later"])
def test_a_span_of_time_beside_a_candidate_does_not_make_it_a_second_focus(amaru, timing):
    report = score(amaru, f"Two candidates. The move is a real role change and {timing}, so a role transition is "
                          "possible. On the other hand his friend Ramiro died in March and he skipped the funeral. "
                          "On balance I'd go with grief.")
    assert report.detected_primary is G
    assert report.detected_secondary is None
    assert "self_contradiction" not in report.flags


def test_the_decided_area_after_a_real_change_is_the_one_credited(amaru):
    report = score(amaru, "Grief is possible, since his friend Ramiro died in March. But the move is a real role "
                          "change and the waking began within two months of it. On balance I'd go with a role "
                          "transition.")
    assert (report.detected_primary, report.detected_secondary) == (T, None)
    assert report.criterion("problem_area").points == 3


def test_an_area_addressed_within_the_focus_is_still_a_secondary_focus(amaru):
    report = score(amaru, FACTS + "Role transition is the focus, and within that work the role dispute with "
                                  "Clara.")
    assert (report.detected_primary, report.detected_secondary) == (T, D)


def test_the_real_issue_is_still_a_turn_to_another_area(amaru):
    report = score(amaru, "At first sight a role transition. " + FACTS + "But the real issue is actually a role "
                                                                         "dispute with Clara.")
    assert report.criterion("problem_area").points < 3


# The area ticked in the field and the text's own final decision disagree: two readings of the answer, marked at
# half of the better one (the rubric's self-contradiction), whichever of the two fits the case.
DIFFERENTIAL = "Torn between a role transition and a role dispute with Clara. " + FACTS


def test_a_text_decision_for_the_right_area_beside_a_wrong_field_earns_half(amaru):
    report = score(amaru, DIFFERENTIAL + "So: role transition.", D)
    assert "self_contradiction" in report.flags
    assert report.criterion("problem_area").points == 1.5


def test_a_right_field_beside_a_text_decision_for_another_area_is_halved(amaru):
    report = score(amaru, DIFFERENTIAL + "So: role dispute.", T)
    assert report.criterion("problem_area").points == 1.5


@pytest.mark.parametrize(("ending", "field", "points"), [("So: role transition.", T, 3),
                                                          ("So: role dispute.", D, 0)])
def test_a_text_decision_that_agrees_with_the_field_is_one_reading(amaru, ending, field, points):
    report = score(amaru, DIFFERENTIAL + ending, field)
    assert "self_contradiction" not in report.flags
    assert report.criterion("problem_area").points == points
