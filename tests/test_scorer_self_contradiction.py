"""Self-contradiction and commitment (round 5): a second formulation halved the way an examiner halves it, an area
relabelled, and the nuances that are NOT a second formulation (a concession, a hedge, a secondary focus, a note's
"G:" goals heading, "grieved, not focus"). All answers are written for these tests (none comes from a benchmark
set)."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import _halve_reading
from ipt_training.scoring.normalize import goals_headings
from ipt_training.scoring.report import CriterionResult

AMARU = ("Amaru began waking at 4 a.m. about two months after the move to Winnipeg; he lost the inspection team he "
         "led and his Sunday futsal league. Goals: mourn the old role and gain mastery of the new one. Strategies: "
         "explore his feelings about the move and build a new support network.")
NOTE = ("PA: RT (move to Winnipeg 7/12 ago, Clara's new post). Onset 2 mo after move: waking 4am, appetite down. "
        "Lost team he led 9 yrs + futsal. {goals} mourn old role, mastery of new one. S: explore feelings re move, "
        "build support network.")


@pytest.fixture(scope="module")
def amaru(library):
    return library.get("p-05")


@pytest.fixture(scope="module")
def comfort(library):
    return library.get("p-13")


def _result(name: str, points: float) -> CriterionResult:
    return CriterionResult(name, name, points, 3.0, "")


@pytest.mark.parametrize(("area", "points", "expected"), [
    # half of 1.5 + 3 + 1 + 2 = 7.5 (area already halved from 3): 3.5 is half of 7, 0.75 + 1.5 + 0.5 + 1 = 3.75
    # rounds down to 3.5
    (1.5, (3.0, 1.0, 2.0), (1.5, 0.5, 1.0)),
    # 1.5 + (1.5 + 1.5 + 1.5) / 2 = 3.75: down to 3.5, the one half point left goes to the first criterion
    (1.5, (1.5, 1.5, 1.5), (1.0, 0.5, 0.5)),
    # 1.5 + (0.5 + 0.5) / 2 = 2: both quarters make a half point, which goes to the first
    (1.5, (0.5, 0.5, 0.0), (0.5, 0.0, 0.0)),
])
def test_the_better_reading_is_halved_on_its_total_rounded_down(area, points, expected):
    halved = _halve_reading(area, [_result(n, p) for n, p in zip(("evidence", "goals", "strategies"), points,
                                                                  strict=True)])
    assert tuple(r.points for r in halved) == expected
    full = area + sum(points) / 2
    assert area + sum(expected) == int(full * 2) / 2  # half of the reading, rounded down to a half point


def test_two_formulations_are_not_marked_above_half_of_the_coherent_one(amaru):
    coherent = score(amaru, "Problem area: role transition. " + AMARU)
    both = score(amaru, "Problem area: role transition. " + AMARU + " Actually the real problem is a role dispute "
                        "with Clara, who took the post without asking him, so we should work on renegotiating what "
                        "each of them expects.")
    assert "two_readings" in both.flags and "two_readings" not in coherent.flags
    assert both.total <= coherent.total / 2


@pytest.mark.parametrize("opening", [
    # one area said to be what the case is, then another labelled the problem area, each with something of its own
    "This is a role transition for Amaru, after the move to Winnipeg. Problem area: role dispute with Clara, who "
    "took the post without asking him; we will work on what each of them expects.",
    "This is a role dispute with Clara, who took the post without asking him. Problem area: role transition.",
])
def test_an_area_asserted_and_another_labelled_the_problem_area_are_two_formulations(amaru, opening):
    report = score(amaru, f"{opening} {AMARU}")
    assert "two_readings" in report.flags
    # half of the better reading at most: the transition with AMARU's evidence and its link is worth 10 on its own
    assert report.total <= score(amaru, f"Problem area: role transition. {AMARU}").total / 2


@pytest.mark.parametrize("text", [
    # a second focus added to the first, not put in its place
    "Problem area: role transition. " + AMARU + " This is also a role dispute with Clara, who took the post "
    "without asking him.",
    "Problem area: role transition. " + AMARU + " Secondary: a dispute with Clara about the post.",
])
def test_a_second_focus_added_to_the_first_is_one_formulation(amaru, text):
    report = score(amaru, text)
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    assert report.detected_primary.value == "role_transition"
    assert report.total >= 7


@pytest.mark.parametrize("opening", [
    "Although grief may play a part, the focus is the transition.",
    "Though it looks like grief, the focus is the transition.",
    "Although this is partly grief, the focus is the transition.",
    "Although this is partly grief, I would formulate this as a role transition.",
    "The focus is the transition; grief may also play a part.",
    "Grief, the focus is the transition.",
    # the hedge opens the next area's phrase; it does not hedge the focus before it
    "The focus is the role transition, perhaps with a touch of grief.",
    "Role transition, maybe grief too.",
])
def test_a_concession_or_a_hedge_is_neither_a_second_focus_nor_a_second_formulation(amaru, opening):
    report = score(amaru, f"{opening} {AMARU}")
    assert report.detected_primary.value == "role_transition"
    assert report.detected_secondary is None
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert "area_from_reasoning" not in report.flags  # the focus is read as chosen, not inferred from the events
    assert report.criterion("problem_area").points == 3


@pytest.mark.parametrize(("text", "second"), [
    ("The focus is the transition. Secondary: grief.", "grief"),
    ("The focus is the transition, with grief as a secondary focus.", "grief"),
    ("We call this a role transition, with a secondary focus on the dispute with Clara.", "role_dispute"),
])
def test_a_secondary_focus_said_as_such_is_still_reported(amaru, text, second):
    report = score(amaru, f"{text} {AMARU}")
    assert report.detected_primary.value == "role_transition"
    assert report.detected_secondary is not None and report.detected_secondary.value == second
    assert "self_contradiction" not in report.flags


def test_a_conclusion_that_turns_away_from_an_argued_area_is_still_a_turn(amaru):
    # "so I'd rather treat it as": a turn after an argument, not a concession
    report = score(amaru, "He has always been isolated, which is interpersonal deficits, so I'd rather treat it as a "
                          "role transition. " + AMARU)
    assert "self_contradiction" in report.flags


def test_g_heading_of_a_note_is_goals_not_grief(amaru):
    goals = score(amaru, NOTE.format(goals="Goals:"))
    shorthand = score(amaru, NOTE.format(goals="G:"))
    assert shorthand.detected_secondary is None and "self_contradiction" not in shorthand.flags
    assert shorthand.total == goals.total >= 9


@pytest.mark.parametrize(("text", "rewritten"), [
    ("PA: RD w/ Jo. G: clarify dispute. S: CA", "PA: RD w/ Jo. Goals: clarify dispute. S: CA"),
    ("G: mourn. S: reconstruct", "Goals: mourn. S: reconstruct"),
    # the area itself, after the area's own label, or first in the answer with nothing to head
    ("PA - G: husband died 3/24", "PA - G: husband died 3/24"),
    ("G: father died 2/25, no tears", "G: father died 2/25, no tears"),
    ("e.g. this; PA: G.", "e.g. this; PA: G."),
])
def test_goals_headings_rewrites_only_a_heading_of_goals(text, rewritten):
    assert goals_headings(text) == rewritten


def test_grief_still_read_from_pa_g(comfort):
    report = score(comfort, "PA: G. Kwabena died 1/25 (stroke), no tears since burial, room closed, no cemetery. "
                            "Onset March, 2 mo after death. G: facilitate mourning, reinvest in choir. S: reconstruct "
                            "relationship incl. the bills and the loan, encourage anger.")
    assert report.detected_primary.value == "grief"
    assert report.total >= 9


def test_an_area_set_aside_in_a_note_without_an_article_is_rejected(amaru):
    report = score(amaru, "PA: RT after move. Mother d. 2019 - grieved, not focus. " + NOTE.format(goals="Goals:")[4:])
    assert report.detected_secondary is None
    assert "self_contradiction" not in report.flags
    assert report.total >= 9


COMFORT = ("Kwabena died of a stroke in January 2025 and Comfort's waking at 3 a.m. began in March, two months later. "
           "She organised everything and never grieved; she has not cried since the burial and keeps his room "
           "closed. She is angry that he would not go to the doctor about his blood pressure. ")
MOURN = "I would help her mourn him: go over the days of his death and the funeral, and make room for the anger."


def test_grief_argued_with_its_plan_then_another_area_labelled_is_two_formulations(comfort):
    # "never grieved" describes blocked mourning (it does not rule grief out), and the patient's refusal ("he would
    # not go to the doctor") is not the writer rejecting the area named before it
    report = score(comfort, f"{COMFORT}{MOURN} PA: role transition (widowhood). Goal: adapt to her new role.")
    assert "two_readings" in report.flags
    assert report.total <= 4.5


@pytest.mark.parametrize("text", [
    f"{COMFORT}{MOURN} PA: grief.",
    f"PA: grief. {COMFORT}Goals: facilitate mourning, reinvest in the choir. Strategies: reconstruct the "
    "relationship, encourage the anger.",
])
def test_mourning_not_done_beside_a_choice_of_grief_is_consistent(comfort, text):
    report = score(comfort, text)
    assert report.detected_primary.value == "grief"
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert report.total >= 7.5  # not halved (the first plan names mourning, not re-investment: 1 of 2 goals)


def test_the_writer_refusing_an_area_still_rejects_it(comfort):
    report = score(comfort, f"{COMFORT}A role transition came to mind; I would not take it as the focus. PA: grief. "
                            "Goals: facilitate mourning, reinvest in the choir.")
    assert report.detected_primary.value == "grief" and report.detected_secondary is None
    assert "self_contradiction" not in report.flags


@pytest.fixture(scope="module")
def jonas(library):
    return library.get("p-14")


JONAS = ("Jonas and Mareike have argued most evenings since December 2024 about when to try for a baby, and his low "
         "mood followed. They still talk it through late at night, so this is renegotiation rather than impasse. ")


def test_a_stage_chosen_over_another_then_another_area_labelled_is_two_formulations(jonas):
    # "renegotiation rather than impasse" names the stage (it chooses one over the other)
    report = score(jonas, JONAS + "I would use communication analysis of their arguments and help them clarify what "
                                  "each expects. So my final focus: role transition, Jonas becoming a parent.")
    assert "two_readings" in report.flags
    assert report.total <= 5


def test_a_stage_chosen_over_another_in_a_dispute_formulation_is_consistent(jonas):
    report = score(jonas, "Role dispute with Mareike. " + JONAS + "Goals: identify the dispute, renegotiate. "
                          "Strategies: communication analysis of their arguments, clarify expectations.")
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert report.total >= 8.5


TITLED = ("Role transition: Amaru moved to Winnipeg seven months ago and about two months later began waking at 4 "
          "a.m.; he lost the inspection team he led and his futsal league. ")


def test_a_title_argued_and_then_turned_from_to_the_area_ticked_is_a_contradiction(amaru):
    report = score(amaru, TITLED + "But because he now sees no one all week, I think the focus should be "
                                   "interpersonal deficits, with graded steps towards contact with colleagues.",
                   area=ProblemArea.INTERPERSONAL_DEFICITS)
    assert "self_contradiction" in report.flags
    assert report.criterion("problem_area").points == 1.5  # half of the better (transition) reading


@pytest.mark.parametrize(("text", "area"), [
    # a title asked and answered, then the area ticked
    ("Role transition? He did move, but his isolation is the problem. I think the focus should be interpersonal "
     "deficits, with graded steps towards contact with colleagues.", ProblemArea.INTERPERSONAL_DEFICITS),
    # the title kept as the focus
    (TITLED + "The focus is the role transition: mourn the old role and gain mastery of the new one.",
     ProblemArea.ROLE_TRANSITION),
])
def test_a_title_asked_or_kept_is_not_a_turn(amaru, text, area):
    assert "self_contradiction" not in score(amaru, text, area=area).flags


AMARU_FACTS = ("PA: role transition. Amaru began waking at 4 a.m. about two months after the move to Winnipeg; he lost "
               "the inspection team he led and his Sunday futsal league. Goals: mourn the old role and gain mastery "
               "of the new one. Strategies: explore his feelings about the move and build a new support network. ")


def test_the_key_event_said_to_trigger_the_episode_and_not_to_is_a_contradiction(amaru):
    report = score(amaru, AMARU_FACTS + "The move set off the depression. Later in the note: the move is not what "
                                        "triggered it; his mood had been low for years.")
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert report.total <= 5
    assert "did not" in report.criterion("problem_area").feedback


@pytest.mark.parametrize("extra", [
    "The move set off the depression.",  # affirmed only
    "I do not think the move is what triggered it; the timing is close, but his mood was already low in Toronto.",
    "If the move triggered it, the link should be named with him early on.",  # a condition
])
def test_a_link_affirmed_or_denied_once_is_not_a_contradiction(amaru, extra):
    report = score(amaru, AMARU_FACTS + extra)
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags


JONAS_NOTE = "Role dispute with Mareike about a baby, since December 2024, his low mood followed. "


def test_a_stage_under_a_heading_then_another_stage_named_is_two_readings_of_the_dispute(jonas):
    report = score(jonas, JONAS_NOTE + "Stage: renegotiation, they still talk it through. They have stopped talking "
                                       "altogether, so this is an impasse. Goals: identify the dispute. Strategies: "
                                       "communication analysis.")
    assert "two_readings" in report.flags
    assert report.total <= 4


@pytest.mark.parametrize("stage", [
    "Stage: renegotiation, they still talk it through every night.",
    "Stage: renegotiation (not impasse yet).",
])
def test_one_stage_under_a_heading_is_the_stage_named(jonas, stage):
    report = score(jonas, JONAS_NOTE + stage + " Goals: identify the dispute, renegotiate expectations. Strategies: "
                                               "communication analysis.")
    assert "two_readings" not in report.flags
    assert report.detected_stage is not None and report.detected_stage.value == "renegotiation"
    assert report.total >= 8.5
