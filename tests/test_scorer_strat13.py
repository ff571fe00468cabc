"""Round 13 (strat13): strategies stated in words that the examiners credit and the plan readers missed.

Mechanisms, each with answers that must gain and answers that must not:

* how the two of them talk or argue ("go over how the two of them talk in their arguments", "work on how they
  argue") is communication analysis; how often or how much they argue, or how one of them feels about it, is not;
* the relationship told in detail or as a fuller, balanced picture ("the marriage in detail", "a fuller picture of
  the marriage"), "reconstruct relationship" without its article, and what was hard between them, is the
  reconstruction of the relationship with the dead, in grief only;
* what someone left or gave up ("be angry about what she left", "sad about giving up nursing") is what was lost;
  what the new job takes set against what it gives is the review of the old role and the new;
* connecting the patient with people ("connect her with other ward managers") builds a support network;
* what each of them needs ("what she and Julio each need") is their expectations; "they both need to calm down"
  is not;
* a note's "old/new review" is the review of the old role and the new.

A list of IPT words with no case content stays at a token (tests/test_scoring_integrity.py holds more of these).
Invented answers to library cases; tests/data/strat13/ holds the marked answers measured in the round
(python tests/data/strat13/run.py [batch2.yaml]).
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.plain_plan import plain_plan_concepts
from ipt_training.text.normalize import clauses

_TRANSITION = {ProblemArea.ROLE_TRANSITION}
_GRIEF = {ProblemArea.GRIEF}
_DISPUTE = {ProblemArea.ROLE_DISPUTE}
_ANALYSIS = "strategy:general.communication_analysis"


def _plain(text: str, areas: set[ProblemArea]) -> set[str]:
    return plain_plan_concepts(clauses(text), areas)


# --- how they talk when they argue

@pytest.mark.parametrize("text", [
    "I'd go over with Minh how the two of them talk in these arguments.",
    "The goal is a decision; I'd work on how they argue.",
    "I would analyse how the arguments go round in circles.",
    "We will look at how you and Julio talk when you argue on Saturdays.",
])
def test_how_they_talk_is_communication_analysis(text: str) -> None:
    assert _ANALYSIS in _plain(text, _DISPUTE)


@pytest.mark.parametrize("text", [
    "I would ask how often they argue and how long the arguments last.",
    "I would ask how much they fight.",
    "I'd explore how he feels about the arguments.",
    "I would help them argue less.",
])
def test_how_often_or_how_one_feels_is_no_communication_analysis(text: str) -> None:
    assert _ANALYSIS not in _plain(text, _DISPUTE)


# --- the relationship with the dead, told whole

@pytest.mark.parametrize("text", [
    "I'd have him tell me about Migdalia and the marriage in detail.",
    "I would build a fuller, less guarded picture of the marriage.",
])
def test_the_relationship_in_detail_is_reconstruction(text: str) -> None:
    assert "strategy:grief.reconstruct" in _plain(text, _GRIEF)


def test_the_marriage_in_detail_is_no_reconstruction_in_a_dispute() -> None:
    assert "strategy:grief.reconstruct" not in _plain("I'd go over the marriage in detail with her.", _DISPUTE)


def test_a_detail_of_the_death_is_not_the_relationship() -> None:
    assert "strategy:grief.reconstruct" not in _plain("I'd go through the day he died in detail.", _GRIEF)


# --- what was left or given up, what the new job takes and gives

@pytest.mark.parametrize("text", [
    "I'd help her grieve what she left in KL and be angry about it.",
    "I would give him room to be sad about giving up the bakery.",
])
def test_what_was_left_or_given_up_is_a_loss_felt(text: str) -> None:
    assert "strategy:transition.feelings_about_change" in _plain(text, _TRANSITION)


def test_she_left_early_is_no_loss_felt() -> None:
    assert "strategy:transition.feelings_about_change" not in _plain(
        "I'd ask why she left early and how she sleeps.", _TRANSITION)


def test_what_the_new_job_takes_and_gives_is_the_review() -> None:
    assert "strategy:transition.review_old_new" in _plain(
        "I'd look fairly at what the new job takes and what it gives.", _TRANSITION)


# --- connecting with people

def test_connecting_her_with_people_is_a_support_network() -> None:
    assert "strategy:transition.new_support" in _plain(
        "I would connect her with other ward managers for advice and company.", _TRANSITION)


def test_connecting_the_mood_with_the_move_is_no_support_network() -> None:
    assert "strategy:transition.new_support" not in _plain(
        "I would connect the low mood with the move.", _TRANSITION)


# --- what each of them needs

def test_what_each_needs_is_their_expectations() -> None:
    assert "strategy:dispute.expectations" in _plain(
        "I'd want to understand what she and her husband each need from the marriage.", _DISPUTE)


def test_both_need_to_is_no_expectation() -> None:
    assert "strategy:dispute.expectations" not in _plain("They both need to calm down, I would say.", _DISPUTE)


# --- whole answers

_CASES = CaseLibrary.load()


def test_a_note_with_shorthand_strategies_earns_the_plan() -> None:
    text = ("PA: grief (delayed). Sister Njeri d. 9/22 (ca). No mourning (funeral, kids, work wk after). Photos boxed, "
            "never visited grave. Onset 9/25 = 2/52 after 3rd anniv memorial. Goals: mourn; reinvest (women's grp). "
            "Strat: reconstruct rel'ship; events of death; guilt re missed sx.")
    assert points(score(_CASES.get("a-04"), text), "strategies") == 2


def test_a_dispute_in_words_earns_communication_analysis() -> None:
    text = ("Minh and Jordan are stuck in the same fight about bills and Kayla since December, and Minh got low a "
            "month after the fighting started. They both still want the friendship and the house. I'd go over with "
            "Minh how the two of them talk in these arguments, and help Minh work out what they each expect from "
            "the other about money.")
    assert points(score(_CASES.get("a-08"), text), "strategies") >= 1.5


def test_a_keyword_list_stays_a_token() -> None:
    text = ("Grief. Strategies: reconstruct relationship, balanced picture of the relationship in detail, events of "
            "death, forbidden feelings, encourage affect.")
    assert points(score(_CASES.get("a-04"), text), "strategies") <= 0.5


def test_a_plan_of_another_area_earns_no_grief_strategy() -> None:
    text = ("Role transition: Wanjiru became a mother to Njeri's two teenagers in 2022, a big new role on top of "
            "teaching. I'd look at how she and Kariuki talk when they disagree about the children, and help her learn "
            "the skills of parenting teenagers and find new supports.")
    assert points(score(_CASES.get("a-04"), text), "strategies") == 0


def test_how_the_arguments_began_is_no_communication_analysis() -> None:
    assert _ANALYSIS not in _plain("We will talk about how their rows began after the wedding.", _DISPUTE)


# --- the hours of the death in the words of how it came

def test_the_day_she_collapsed_is_the_events_of_the_death() -> None:
    assert "strategy:grief.events_of_death" in _plain(
        "I would go through the day she collapsed and the two days in hospital.", _GRIEF)


def test_a_hospital_visit_planned_is_no_events_of_the_death() -> None:
    assert "strategy:grief.events_of_death" not in _plain("I would ask the GP to refer her to hospital.", _GRIEF)


# --- her feelings are the patient's, not the dead person talked about

def test_talking_about_her_feelings_is_no_reconstruction() -> None:
    found = _plain("Plan: encourage her to talk about her feelings.", _GRIEF)
    assert "strategy:grief.reconstruct" not in found and "goal:grief.mourn" not in found


def test_talking_about_her_is_still_the_relationship() -> None:
    assert "strategy:grief.reconstruct" in _plain("I'd help him talk about her and their years.", _GRIEF)
