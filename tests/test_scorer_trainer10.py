"""The senior trainer's review of round 10 (TRAINER10-REPORT.md): readings that a clinician would not make.

* C1. A focus named in everyday words only to be set aside, an earlier thought ("At first I thought the main problem
  was the war, as Omar suggests. But the real problem is that his father died") or the patient's own view ("you told
  me the main problem is that you and Lakshmi fight all the time. But I think the real problem is losing your job"),
  is no focus of the answer: the "but the real problem is" that answers it is a revision, not a second reading
  (``turns._reported``). A writer's own two rankings still halve ("The main problem is the loss of his wife. But the
  real problem is the fight with Nikos").
* H1. The techniques of other therapies are read by a matcher of their own: their words ("exposure therap*") made
  misspelt IPT words ("theraputic relationship") look known to the clinical matcher's typo repair
  (``formulation._technique_matcher``).
* H2. An area the answer names the main focus is not its secondary ("the retirement is a role transition too, and I
  would treat it as the main focus"); a reconsidered naming ("Having thought again, I would call this a role
  dispute") is the decision; an area addressed "within the grief work" is held by grief; a thought had at first ("At
  first I thought the main problem was grief, but nobody has died") weighs the area, and the focus the turn ranks is
  the choice.

The trainer's answers (invented for the review, for library practice cases) are used as they were written, beside
answers written for this file.
"""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea

# --- C1: a view reported to be set aside is not a second focus

_REVISED = [
    ("p-31", "At first I thought the main problem was the war and migration, as Omar suggests. But the real problem is "
             "that his father died in February 2022 and he never mourned him; the anniversary and the watch in "
             "February 2025 started the low mood in March. Goals: help him mourn his father and re-engage with "
             "friends, prayers and football. Strategies: link onset to the anniversary, reconstruct the relationship "
             "with his father, encourage guilt about leaving Syria.", "supervision"),
    ("p-36", "Dear Karthik, you told me the main problem is that you and Lakshmi fight all the time. But I think the "
             "real problem is losing your job. Your low mood began in August 2024, after you lost your job in July, "
             "and the fights only began in October. Over 16 weekly sessions we will talk about what losing the "
             "manager's job meant, weigh up the Coimbatore offer and tutoring, and look at how you and Lakshmi talk "
             "about it. Depression is an illness, not your fault. Does this fit for you?", "patient"),
    ("p-36", "Dear Karthik, at first it seemed the main problem was the fighting with Lakshmi. But the real problem, I "
             "think, is losing your job. Your low mood began in August 2024, after you lost your job in July, and the "
             "fights only began in October. Over 16 weekly sessions we will talk about what losing the manager's job "
             "meant, weigh up the Coimbatore offer and tutoring, and look at how you and Lakshmi talk about it. "
             "Depression is an illness, not your fault. Does this fit for you?", "patient"),
    ("p-25", "At first I thought the main problem was that she is shy and a loner, as the school says. But the real "
             "problem is the move from Iasi to Turin in August 2024; her mood fell in October and before the move she "
             "was always out with friends. Role transition. Goals: mourn what she left, see the new life "
             "realistically, build new friends. Strategies: review old and new life, encourage affect, help her "
             "approach Sofia.", "supervision"),
    # our own: someone else's view, conceded in "may seem"
    ("p-31", "His cousin says the main problem is the war and the years of exile. It may seem the main problem is the "
             "migration, but the real problem is his father's death in February 2022, which he never mourned; the "
             "anniversary in February 2025 came a month before the low mood. Goals: mourn his father, return to "
             "friends and football. Strategies: reconstruct the relationship with his father, encourage guilt and "
             "sadness.", "supervision"),
]


@pytest.mark.parametrize(("case_id", "text", "rubric"), _REVISED, ids=["earlier-thought", "you-told-me",
                                                                       "it-seemed", "school-says", "cousin-says"])
def test_a_view_set_aside_in_lay_words_is_no_second_reading(library: CaseLibrary, case_id: str, text: str,
                                                           rubric: str) -> None:
    report = score(library.get(case_id), text, rubric=rubric, reveal=True)
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3
    assert "keeps both open" not in feedback(report, "problem_area")


_OWN_TWO = [
    ("p-03", "Grief: Eleni died in March 2025, onset May. The main problem is the loss of his wife. But the real "
             "problem is the fight with Nikos, which is the focus. Plan: mourn Eleni, and resolve the dispute."),
    # our own: the writer's own first ranking, in the present, then a turn
    ("p-31", "The main problem is the war and migration. But the real problem is that his father died in February "
             "2022 and he never mourned him. Goals: mourn his father. Strategies: reconstruct the relationship."),
]


@pytest.mark.parametrize(("case_id", "text"), _OWN_TWO, ids=["named-then-turned", "ranked-then-turned"])
def test_the_writers_own_two_rankings_are_still_two_readings(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert "two_readings" in report.flags


def test_i_think_the_real_problem_is_the_writers_own_ranking(library: CaseLibrary) -> None:
    # "I think" asserts, it reports nothing: the writer's own present ranking, turned from, still halves
    text = ("I think the main problem is the war and the migration. But the real problem is that his father died "
            "in February 2022 and he never mourned him. Goals: mourn his father. Strategies: reconstruct the "
            "relationship.")
    assert "two_readings" in score(library.get("p-31"), text).flags


# --- H1: typo repair of IPT words beside the techniques of other therapies

_DEFICITS = ("Interpersonal deficits. Sander has lived alone for ten years with no close friend; nothing changed "
             "before the onset. Goals: reduce isolation, form new relationships. Strategies: review past "
             "relationships to find patterns, use the {word} relationship, role play asking Yusuf for a coffee.")


@pytest.mark.parametrize("word", ["theraputic", "therapuetic", "therapeutical", "therapeutc"])
def test_a_misspelt_therapeutic_relationship_is_still_read(library: CaseLibrary, word: str) -> None:
    case = library.get("p-08")
    right = score(case, _DEFICITS.format(word="therapeutic"))
    assert points(score(case, _DEFICITS.format(word=word)), "strategies") == points(right, "strategies") == 2


def test_a_technique_is_still_refused_beside_the_repair(library: CaseLibrary) -> None:
    case = library.get("p-08")
    cbt = _DEFICITS.format(word="theraputic").replace("role play asking Yusuf for a coffee",
                                                      "exposure therapy and thought records")
    report = score(case, cbt)
    assert "not an IPT strategy" in feedback(report, "strategies") or "not IPT strategies" in feedback(
        report, "strategies")


# --- H2: which area the answer chose, read from how it says it

def test_an_area_named_the_main_focus_is_not_the_secondary(library: CaseLibrary) -> None:
    case = library.get("p-06")
    tail = (" Fernanda has barely spoken to her since the row in May 2024; onset August 2024. Goals: bring the "
            "dispute into the open and renegotiate. Strategies: clarify expectations, communication analysis of the "
            "Sunday lunch, role play a conversation with Fernanda.")
    turned = score(case, "Role dispute with Fernanda, impasse. But the retirement is a role transition too, and I "
                         "would treat it as the main focus, since she lost her work." + tail)
    assert turned.total <= 5
    assert "as secondary focus" not in feedback(turned, "problem_area")
    # the same transition kept secondary keeps the dispute's marks
    kept = score(case, "Role dispute with Fernanda, impasse. The retirement is a role transition too, a secondary "
                       "focus, since she lost her work." + tail)
    assert kept.detected_primary is ProblemArea.ROLE_DISPUTE and kept.total >= 9


def test_a_reconsidered_naming_is_the_choice(library: CaseLibrary) -> None:
    text = ("Role transition? I first wondered if wanting a baby is a life change. Having thought again, I would call "
            "this a role dispute with Mareike at renegotiation: they argue most evenings about a date for a baby, both "
            "want to sort it out; onset March 2025 after the December request. Goals: clarify expectations and agree a "
            "plan. Strategies: communication analysis of a late-night talk, role play, decision analysis.")
    report = score(library.get("p-14"), text)
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert "two_readings" not in report.flags


def test_an_area_addressed_within_the_grief_work_is_held_by_grief(library: CaseLibrary) -> None:
    text = ("Grief. But a transition to living alone as a widower is also part of it, which I would address within "
            "the grief work. Mr Wong's wife Lai-ying died in September 2024 and his symptoms began in November; he "
            "did not cry, keeps her slippers by the door, avoids the wet market, and feels guilt and anger he has "
            "told no one. Goals: help him mourn and return to tai chi and yum cha with Uncle Chan. Strategies: "
            "reconstruct the relationship, go over the morning of the stroke, encourage guilt and anger.")
    report = score(library.get("p-26"), text)
    assert report.detected_primary is ProblemArea.GRIEF


def test_a_first_thought_weighed_then_the_ranked_focus_is_the_choice(library: CaseLibrary) -> None:
    text = ("Dear Marisol, you told me you are grieving the woman you were. At first I thought the main problem was "
            "grief, but nobody has died: the real problem is the big change in your life since the kidney failure in "
            "January and starting dialysis, and your low mood began in March. Over 12 weeks we will talk about what "
            "you have lost, what is still possible in this new life, and how to reconnect with Rosario and your dance "
            "group. Does this fit how you see it?")
    report = score(library.get("p-01"), text, rubric="patient")
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "two_readings" not in report.flags and points(report, "problem_area") == 3


def test_grief_asserted_then_a_lay_turn_is_still_two_readings(library: CaseLibrary) -> None:
    # our own: grief asserted by the writer (not a first thought), then the turn: two readings still
    text = ("This is grief about her old self. But the real problem is the big change in her life since the kidney "
            "failure in January and starting dialysis; her low mood began in March. Goals: mourn the old role, see "
            "the new life realistically. Strategies: review old and new life, encourage affect.")
    report = score(library.get("p-01"), text)
    assert "two_readings" in report.flags


# --- M2: "homework" alone is a task agreed between sessions, not a method of another therapy

_P06 = ("Role dispute with Fernanda at impasse: she has barely spoken to her since the row in May 2024; onset August "
        "2024. Goals: bring the dispute into the open and renegotiate. Strategies: clarify expectations. ")


@pytest.mark.parametrize("task", [
    "For homework she will try the conversation with Fernanda that we rehearsed in role play, after a communication "
    "analysis of the Sunday lunch.",
    # our own
    "Between sessions, as homework, she will phone Fernanda, a call we will first go through with a communication "
    "analysis of the last Sunday lunch and then role play.",
], ids=["trainer", "own"])
def test_an_agreed_task_keeps_the_ipt_work_it_names(library: CaseLibrary, task: str) -> None:
    case = library.get("p-06")
    without = score(case, _P06 + task.replace("For homework she", "She").replace(", as homework,", ""))
    report = score(case, _P06 + task)
    assert points(report, "strategies") == points(without, "strategies") == 2
    assert "worksheet" not in feedback(report, "strategies")
    assert "no formal homework" in feedback(report, "strategies")


def test_a_worksheet_still_takes_what_it_is_used_for(library: CaseLibrary) -> None:
    case = library.get("p-06")
    plain = score(case, _P06)
    sheet = score(case, _P06 + "For homework she will fill in worksheets on a communication analysis of the Sunday "
                               "lunch and role play.")
    assert points(sheet, "strategies") == points(plain, "strategies")
    assert "Homework worksheets: a technique of CBT" in feedback(sheet, "strategies")


# --- M4: a plan that is mostly another therapy's implies no IPT goal it does not name

_AMARU = "Amaru became low two months after the move to Winnipeg. "


def test_a_cbt_plan_in_prose_earns_no_unnamed_ipt_goal(library: CaseLibrary) -> None:
    case = library.get("p-05")
    cbt = score(case, _AMARU + "He needs to see his life here in a balanced way, challenge his automatic thoughts "
                               "with thought records, and schedule activities. In our sessions he can practise the "
                               "hard parts of the new job.")
    assert points(cbt, "goals") == 0


def test_an_ipt_plan_beside_one_technique_keeps_its_goals(library: CaseLibrary) -> None:
    # our own: two IPT strategies of the transition and a single technique: still mostly IPT
    case = library.get("p-05")
    ipt = score(case, _AMARU + "We will review the good and bad of his old life in Lima and the new one here, and "
                               "he can practise the hard parts of the new job; he also keeps a thought diary.")
    assert points(ipt, "goals") > 0


# --- feedback wording

def test_a_half_point_halved_to_none_says_so(library: CaseLibrary) -> None:
    text = ("Grief: Eleni died in March 2025, onset May. The main problem is the loss of his wife. But the real "
            "problem is the fight with Nikos, which is the focus. Plan: mourn Eleni, and resolve the dispute.")
    report = score(library.get("p-03"), text)
    strategies = report.criterion("strategies")
    assert strategies.points == 0
    assert "rounds down to no credit" in strategies.feedback and "only the better one is marked, at half." not in (
        strategies.feedback)


@pytest.mark.parametrize("name", ["Interpersonal deficiency", "Interpersonal deficiencies"])
def test_interpersonal_deficiency_names_the_area(library: CaseLibrary, name: str) -> None:
    text = (f"{name}: Sander has lived alone for ten years with no close friend; nothing changed before the onset. "
            "Goals: reduce isolation, form new relationships. Strategies: review past relationships, role play.")
    report = score(library.get("p-08"), text)
    assert "does not name an area" not in feedback(report, "problem_area")
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS


def test_a_lay_turn_is_quoted_where_it_is_said(library: CaseLibrary) -> None:
    text = ("Grief: Eleni died in March 2025, onset May. The main problem is the loss of his wife. But the real "
            "problem is the fight with Nikos, which is the focus. Plan: mourn Eleni, and resolve the dispute.")
    area = feedback(score(library.get("p-03"), text), "problem_area")
    assert "'the real problem is the fight with Nikos" in area
    assert "'mourn Eleni, and resolve the dispute'" not in area
