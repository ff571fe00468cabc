"""Goals and strategies credited for what the plan says it will do, in any words (round 7 of issue 11).

* a plan said to the patient ("we will look at what you have lost and what you have gained") names the review of
  the old and the new role, the feelings about the change and a new support network;
* a phrase shared by grief and the transition serves what it is about: a role or a way of life is the transition's,
  a person grief's, whichever area the answer chose;
* a goal word that reports what someone did or is doing ("he mourned him", "she is grieving") is not a goal;
* naming the dispute and its stage identifies it as a goal only beside a plan for the dispute;
* strategies imply only the goals they work towards, not every goal of the area.

The answers are invented for these tests; each mechanism has answers that must gain and answers that must not
(a keyword list, a contradiction, a wrong area's plan).
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import ProblemArea


@pytest.fixture(scope="module")
def cases(library):
    # p-05: a move that cost a man his team and his city (transition); p-13: a widow who has not mourned (grief);
    # p-06: a daughter who stopped talking after a row (dispute at impasse).
    return {cid: library.get(cid) for cid in ("p-05", "p-13", "p-06")}


P05_OPENING = ("Amaru, the early waking, the poor appetite and losing interest in cooking are signs of depression. "
               "It is a common illness, it can be treated, and it is not your fault. It started about two months "
               "after you moved to Winnipeg and left your team and your futsal friends in Toronto. In Toronto you "
               "knew who you were; here you feel like a spare part. We call this a role transition. I suggest we "
               "meet for twelve weeks. ")
P05_CLOSING = " Does that sound right to you?"


def test_a_plan_in_the_patients_words_earns_the_transition_strategies(cases):
    vague = score(cases["p-05"], P05_OPENING + "We will talk about how things are going." + P05_CLOSING,
                  rubric="patient")
    said = score(cases["p-05"], P05_OPENING + "We will look at what you have lost and what you have gained with "
                 "the move, give you room to feel sad and angry about leaving Toronto, and find people here you "
                 "can lean on." + P05_CLOSING, rubric="patient")
    assert points(said, "strategies") == said.criterion("strategies").max_points  # review, feelings, support
    assert points(said, "goals") == said.criterion("goals").max_points
    assert points(vague, "strategies") < points(said, "strategies")
    assert "review the good and bad" not in said.criterion("strategies").feedback


def test_lost_and_gained_is_a_review_only_in_a_plan_for_the_chosen_area(cases):
    # The same words in a note that chose a dispute with Clara serve no transition strategy of its own.
    dispute = score(cases["p-05"], "Role dispute with Clara at impasse: he has not told her how low he feels. "
                    "His symptoms began in May, two months after the move. We will look at what he has lost and "
                    "what he has gained, and clarify what each of them expects.")
    transition = score(cases["p-05"], "Role transition: the move to Winnipeg in March cost him his team, his "
                       "futsal league and his sense of who he is; his symptoms began in May, two months after the "
                       "move. We will look at what he has lost and what he has gained, and clarify what each of "
                       "them expects.")
    assert points(transition, "strategies") > points(dispute, "strategies")
    assert "review the good and bad" not in transition.criterion("strategies").feedback


def test_a_keyword_list_of_the_patient_plan_earns_a_token_only(cases):
    listed = score(cases["p-05"], "Transition / Winnipeg / Toronto / lost / gained / sad / angry / people / lean on")
    assert points(listed, "strategies") <= 0.5
    assert points(listed, "goals") <= 0.5


def test_a_grief_plan_for_a_move_is_not_credited_as_mourning_the_old_role(cases):
    # p-05: nobody died. Mourning a person the answer wrongly treats as lost is grief work, not the transition's.
    person = score(cases["p-05"], "PA: grief. Since the move to Winnipeg in March he has lost his sister Rosa's "
                   "weekly calls; his symptoms began in May. Goal: help him mourn Rosa and reinvest in new "
                   "relationships.", ProblemArea.GRIEF)
    role = score(cases["p-05"], "PA: grief. Since the move to Winnipeg in March he has lost his team and his "
                 "futsal league; his symptoms began in May. Goal: help him mourn his old life in Toronto and "
                 "reinvest in new relationships.", ProblemArea.GRIEF)
    assert points(person, "goals") == 0.0
    assert points(role, "goals") > points(person, "goals")  # mourning the old life is the transition's work


def test_a_state_reported_is_not_a_goal(cases):
    plan = ("PA: grief. His symptoms began in May, two months after the move to Winnipeg. Goals: help him "
            "reinvest in new relationships.")
    reported = score(cases["p-05"], "Amaru is grieving since the move. " + plan, ProblemArea.GRIEF)
    plain = score(cases["p-05"], plan, ProblemArea.GRIEF)
    assert points(reported, "goals") == points(plain, "goals")


def test_a_past_mourning_mentioned_to_reject_grief_is_no_goal(cases):
    rejected = ("Grief? Her mother died long ago and she mourned her at the time. PA: role dispute with Fernanda "
                "at impasse: since the row at Sunday lunch in May 2024 they have stopped talking about it and "
                "Fernanda answers in one or two words. Her symptoms began in August 2024.")
    planned = rejected + " Goals: reopen negotiation with Fernanda about the childcare."
    assert points(score(cases["p-06"], rejected), "goals") == 0.0
    assert points(score(cases["p-06"], planned), "goals") > 0.0


def test_naming_the_stage_identifies_the_dispute_only_beside_a_plan(cases):
    staged = ("PA: role dispute with her daughter Fernanda, at impasse: since the row in May 2024 about Rafael's "
              "discipline they no longer talk about it, and Fernanda stopped the childcare. The low mood began in "
              "August 2024.")
    bare = score(cases["p-06"], staged)
    with_plan = score(cases["p-06"], staged + " I would clarify what each of them expects of a grandmother.")
    assert points(bare, "goals") == 0.0
    assert points(with_plan, "goals") > 0.0


def test_strategies_imply_the_goal_they_serve_not_every_goal(cases):
    base = ("Comfort has not mourned Kwabena: she was strong for everyone at the funeral, has not cried since and "
            "keeps his room closed. Her symptoms began in March 2025, two months after his death. I would help "
            "her talk about the marriage, the good and the bad including the bills and the loan, go over the two "
            "days in hospital and the funeral, and let her say the anger and guilt she holds back.")
    mourning_only = score(cases["p-13"], base)
    with_return = score(cases["p-13"], base + " Later, slowly back to the choir and to Grace.")
    assert points(mourning_only, "goals") == 1.0  # mourning, not yet re-investment
    assert points(with_return, "goals") == 2.0


def test_going_back_to_the_choir_without_a_choice_chooses_no_area(cases):
    text = ("She is a widow who lives alone and has stopped the choir. She should be encouraged to go back to the "
            "choir and see her friends again.")
    report = score(cases["p-13"], text)
    assert report.detected_primary is None
    assert points(report, "problem_area") == 0.0


def test_a_contradicting_plan_for_the_old_role_earns_no_full_grief_goals(cases):
    # Grief chosen, the plan mourns a role: the mourning is not grief's, however the answer labels it.
    text = ("PA: grief. Kwabena died of a stroke in January 2025 and her symptoms began in March. Goals: help her "
            "mourn her old role as the choir leader and her working life.")
    assert points(score(cases["p-13"], text, ProblemArea.GRIEF), "goals") < 1.0
