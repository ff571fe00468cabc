"""A self-contradicting answer is marked as the rubric says: half of the better reading on every criterion.

The rubric every examiner since set G works from reads "Self-contradiction: half of the better of the two
readings". Until round 9 the scorer halved only the area when the text named one area and then turned to another
with a plan for one of them only (the gold set's examiner's convention). These answers are written for these tests
(none comes from a benchmark set). Answers that must be halved commit to one focus and then to another, or assert a
focus and then deny it; the feedback quotes the two statements. Answers that must not be halved reject an area and
then choose, resolve a hedge, set a tempting event aside, name a secondary focus as secondary, or say the same area
in lay words and by its label. A turn may stand in the clause before the second focus, or in the sentence before
one that draws its conclusion ("In fact ... So the focus should be ..."); a focus added ("also", "secondary") or put
in a later phase or a condition is no turn.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import ProblemArea


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-05", "p-13", "p-14")}


TURNED = [
    # deficits named, then the dates argue grief: the plan is the first reading's only
    ("p-13", "This is interpersonal deficits: she has cut herself off from the choir and her church friends. Looking "
             "at the dates, though, her husband died in January and she became low about two months later, so the "
             "focus has to be grief. Goals: reduce her isolation and get her back to the choir; strategies: graded "
             "contact with the church friends.",
     ("This is interpersonal deficits", "focus has to be grief")),
    # a full transition formulation, then its own area denied
    ("p-05", "Role transition: the move from Toronto seven months ago took his bridge team and his futsal, and two "
             "months later he began waking at 4 a.m. Goals: mourn the Toronto life, build mastery in Winnipeg; "
             "strategies: review old and new roles, build new supports. Then again, it is not a role transition.",
     ("Role transition", "it is not a role transition")),
]


@pytest.mark.parametrize(("case_id", "text", "quotes"), TURNED)
def test_an_answer_that_turns_from_its_focus_earns_half_on_every_criterion(cases, case_id, text, quotes):
    report = score(cases[case_id], text)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert points(report, "problem_area") <= 1.5
    assert points(report, "evidence_timeline") <= 1.5  # the link and the facts are halved as well
    assert report.total <= 5
    feedback = report.criterion("problem_area").feedback
    assert all(f"'{q}" in feedback or f"{q}'" in feedback for q in quotes)
    assert "half credit on every criterion" in feedback
    assert "You kept one focus" not in report.criterion("evidence_timeline").feedback


FACTS = ("the move from Toronto seven months ago took his bridge team and his futsal, and two months later the early "
         "waking began. Goals: mourn the old role, master the new one. Strategies: review old and new roles, build "
         "new supports.")

ONE_FOCUS = [
    # a rejection followed by the final choice
    "At first I thought of a dispute with Clara, but he says she is supportive, so it is not a dispute. It is a role "
    "transition: " + FACTS,
    # a hedge resolved to one area
    "It could be a dispute with Clara, since he hides how low he is from her, but they do not argue, so on balance it "
    "is a role transition: " + FACTS,
    # tempting areas set aside
    "Nobody close to him has died, so grief is not the focus, and Clara is supportive, so there is no dispute. It is a "
    "role transition: " + FACTS,
    # a secondary focus named as secondary
    "Primary: role transition - " + FACTS + " Secondary: some isolation, since he rarely calls Rosa now.",
    # the same area in lay words and by its label
    "Moving to Winnipeg has cost Amaru the life he knew, and that change is the focus - a role transition: " + FACTS,
]


@pytest.mark.parametrize("text", ONE_FOCUS)
def test_one_focus_reached_honestly_is_not_halved(cases, text):
    report = score(cases["p-05"], text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert points(report, "problem_area") == 3.0 and report.total >= 8.5


TURNED_ACROSS = [
    # the turn opens the clause, the area is named at its end
    ("p-14", "This is a role transition for Jonas: deciding whether to become a father is a new stage of life. On the "
             "other hand, the arguments with Mareike most evenings since December came first and his sleep went two "
             "months later, and that is a role dispute. Goals: mourn the life without children and build confidence "
             "about parenthood.",
     ("This is a role transition for Jonas", "that is a role dispute")),
    # the turn a sentence earlier, the conclusion drawn with "So"
    ("p-05", "Problem area: role dispute with Clara, who took the Winnipeg post. In fact he says Clara is supportive "
             "and they do not argue; he lost his bridge team and his futsal when they moved, and the early waking "
             "started two months after the move. So the focus should be the role transition: mourn the Toronto life "
             "and build mastery here.",
     ("role dispute with Clara", "the focus should be the role transition")),
]


@pytest.mark.parametrize(("case_id", "text", "quotes"), TURNED_ACROSS)
def test_a_turn_said_before_the_second_focus_is_two_readings(cases, case_id, text, quotes):
    report = score(cases[case_id], text)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert points(report, "problem_area") <= 1.5 and report.total <= 4.5
    feedback = report.criterion("problem_area").feedback
    assert all(q in feedback for q in quotes)


NOT_TURNED = [
    # a second focus added and ranked below the first, after "Actually"
    "This is a role transition: " + FACTS.replace("Goals:", "Actually, there is also some strain with Clara, a "
                                                  "secondary role dispute we can handle within the transition. Goals:"),
    # a differential weighed and then decided ("On the other hand ... So I would choose")
    "A dispute with Clara is possible, since he hides how low he is. On the other hand she is supportive and they do "
    "not argue. So I would choose a role transition: " + FACTS,
    # another area kept for a later phase, in a condition
    "This is a role transition: " + FACTS.replace("Goals:", "However, if things with Clara get worse, we might later "
                                                  "look at a role dispute. Goals:"),
]


@pytest.mark.parametrize("text", NOT_TURNED)
def test_a_focus_added_weighed_or_put_off_is_no_turn(cases, text):
    report = score(cases["p-05"], text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert points(report, "problem_area") >= 2.0


def test_i_dont_believe_rejects_the_area_it_names(cases):
    """"believe" was mended by typo repair into "relieve" (a cue word one letter away), so "I don't believe this is a
    role dispute" read as a choice of the dispute and the answer as contradicting itself."""
    report = score(cases["p-05"], "I don't believe this is a role dispute: Clara is supportive and they do not argue. "
                                  "I believe it is a role transition: " + FACTS)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "self_contradiction" not in report.flags and points(report, "problem_area") == 3.0


LINK = ("Role transition: he moved from Toronto to Winnipeg seven months ago and lost his bridge team and futsal, and "
        "the early waking began two months after the move. ")
PLAN = " Goals: mourn the old role, master the new one. Strategies: review old and new roles, build new supports."


@pytest.mark.parametrize("denial", ["The depression has nothing to do with the move, though.",
                                    "I don't think the move caused the depression, though."])
def test_the_chosen_areas_own_event_denied_after_its_link_is_halved(cases, denial):
    """The answer ties the onset to the move, chooses the transition, and then says the move is not why he is
    depressed: it argues against its own focus (claims that contradict each other)."""
    report = score(cases["p-05"], LINK + denial + PLAN)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert report.total <= 5
    feedback = report.criterion("problem_area").feedback
    assert "the move" in feedback and ("nothing to do with" in feedback or "caused the depression" in feedback)


@pytest.mark.parametrize("text", [
    # another fact said to be unrelated, not the key event
    LINK + "Clara's new job has nothing to do with the depression as such - she is supportive." + PLAN,
    # the key event set aside by an answer that chose another area: a wrong area argued, not a contradiction
    "Role dispute with Clara: he hides how low he is from her and resents that she took the post. The move to "
    "Winnipeg seven months ago is not what triggered the depression; the silence with Clara is. Goals: resolve the "
    "dispute. Strategies: communication analysis.",
])
def test_an_event_denied_that_the_focus_does_not_rest_on_is_no_contradiction(cases, text):
    report = score(cases["p-05"], text)
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags


@pytest.mark.parametrize("refusal", ["so we will not treat this as a dispute between you",
                                     "so I would not frame it as a role dispute"])
def test_a_focus_refused_in_words_of_naming_is_rejected_not_chosen(cases, refusal):
    """"We will not treat this as a dispute" refuses the dispute as "I would not call it a dispute" does; it was read
    as a choice of the dispute after "In fact", and the letter as two readings."""
    report = score(cases["p-05"], "Dear Amaru, since you came to Winnipeg seven months ago you have lost your team and "
                                  "your futsal, and about two months later the early waking started. I think this is "
                                  f"a role transition. In fact, you told me that Clara is supportive, {refusal}.")
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "self_contradiction" not in report.flags and points(report, "problem_area") == 3.0


JONAS = ("Role dispute with Mareike about when to try for a baby: they have argued most evenings since December, and "
         "his sleep went about two months later. ")
JONAS_PLAN = " Goals: resolve the dispute. Strategies: communication analysis, clarify expectations."


def test_a_stage_named_and_then_another_reached_is_two_readings(cases):
    """"Renegotiation stage ... Actually it has reached dissolution": two stagings of the dispute."""
    report = score(cases["p-14"], JONAS + "The dispute is at the renegotiation stage. Actually it has reached "
                                          "dissolution: he says the relationship is over." + JONAS_PLAN)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags


@pytest.mark.parametrize("said", [
    "They have not reached an impasse or dissolution: they still talk it through every night, so it is in "
    "renegotiation.",
    "It is in renegotiation: they still talk it through. If the talks break down and it reaches an impasse, we would "
    "reopen them.",
])
def test_a_stage_not_reached_or_reached_only_in_a_condition_is_no_second_staging(cases, said):
    report = score(cases["p-14"], JONAS + said + JONAS_PLAN)
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert points(report, "problem_area") == 3.0


def test_a_symptom_with_no_physical_cause_is_no_denial_of_the_link(cases):
    """The diagnosis given to the patient ("the headaches with no physical cause ... are signs of depression") says
    the symptom has no bodily cause; it does not deny that the move set the episode off, so nothing is halved (the
    denial must be said of the episode, as in the answers halved above)."""
    diagnosis = ("The headaches since the move with no physical cause and the waking at four are signs of depression, "
                 "a common illness that can be treated and that is not your fault. ")
    report = score(cases["p-05"], diagnosis + LINK + PLAN)
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert points(report, "problem_area") == 3.0
    halved = score(cases["p-05"], diagnosis + LINK + "The depression has nothing to do with the move, though." + PLAN)
    assert "two_readings" in halved.flags and halved.total <= 5
