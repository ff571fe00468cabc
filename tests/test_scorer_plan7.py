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
    assert points(vague, "strategies") < points(said, "strategies")
    assert "review the good and bad" not in said.criterion("strategies").feedback
    # mourning and a realistic view of the new life: two goals of three, each weighing a third
    assert points(vague, "goals") < points(said, "goals") < said.criterion("goals").max_points
    mastered = score(cases["p-05"], P05_OPENING + "We will look at what you have lost and what you have gained with "
                     "the move, and help you feel more confident in the work you do here." + P05_CLOSING,
                     rubric="patient")
    assert points(mastered, "goals") == mastered.criterion("goals").max_points


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


# ----------------------------------------------------------------------------- each reference goal weighs its share

DISPUTE_P06 = ("PA: role dispute with her daughter Fernanda, at impasse: since the row at Sunday lunch in May 2024 "
               "they no longer talk about it and Fernanda stopped the childcare. Her low mood began in August 2024, "
               "three months after the row. ")


def test_each_reference_goal_earns_its_share(cases):
    # p-06 lists three goals (identify, plan, resolve): each is a third of the credit, rounded to half points.
    unstaged = score(cases["p-06"], "Role dispute with her daughter Fernanda since the row in May 2024. Goal: change "
                                    "the expectations on both sides.")
    two = score(cases["p-06"], DISPUTE_P06 + "Goals: change the expectations on both sides.")  # staged: identified
    three = score(cases["p-06"], DISPUTE_P06 + "Goals: clarify the dispute and where it stands; settle on a plan; "
                                               "reach a resolution she can live with.")
    assert points(unstaged, "goals") == 0.5  # one goal of three is not half the goals
    assert points(two, "goals") == 1.5  # two of three are not all of them
    assert points(three, "goals") == 2.0
    assert "3 of the 3" in three.criterion("goals").feedback


def test_a_list_of_goal_words_still_earns_a_token(cases):
    listed = score(cases["p-06"], "Role dispute / impasse / Fernanda / clarify / plan / resolution / open")
    assert points(listed, "goals") <= 0.5


def test_talking_about_the_person_by_name_is_mourning(cases):
    base = ("Comfort has not cried since Kwabena's burial in January 2025 and keeps his room closed; her low mood "
            "began in March, two months after his death. ")
    named = score(cases["p-13"], base + "I'd like us to talk about Kwabena and about your feelings, and later help you "
                                        "back to the choir and to Grace.")
    unnamed = score(cases["p-13"], base + "I'd like us to talk about the week and about your sleep, and later help you "
                                          "back to the choir and to Grace.")
    assert points(named, "goals") == 2.0
    assert points(unnamed, "goals") < points(named, "goals")


def test_talking_about_a_living_person_in_a_dispute_is_no_grief_goal(cases):
    report = score(cases["p-06"], DISPUTE_P06 + "We will talk about Fernanda and about your feelings, and bring the "
                                                "dispute back into the open.")
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert "belong to another problem area" not in report.criterion("goals").feedback


def test_a_transition_plan_in_plain_words_names_its_strategies(cases):
    base = ("Amaru left his team and his futsal league when they moved to Winnipeg in March; his low mood began in "
            "May, two months after the move. ")
    plain = score(cases["p-05"], base + "I'd help him talk about what he has lost, pick up the skills the contract "
                                        "work needs, and get some support around him.", ProblemArea.ROLE_TRANSITION)
    vague = score(cases["p-05"], base + "I'd help him with how things are going at the moment.",
                  ProblemArea.ROLE_TRANSITION)
    assert points(plain, "strategies") == 2.0  # the link, feelings about the loss, new skills, new support
    assert points(vague, "strategies") < points(plain, "strategies")


def test_skills_practised_in_a_deficits_plan_vote_for_no_transition(cases, library):
    # "practise the skills" is the deficits plan's own social-skills work: it must not make the answer a transition.
    report = score(library.get("p-08"), "He has been alone most of his life and nothing set this episode off. I'd "
                                        "help him practise the skills of starting a conversation, in small steps.")
    assert report.detected_primary is not ProblemArea.ROLE_TRANSITION
