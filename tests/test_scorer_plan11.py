"""Round 11 (plan11): goals and strategies said in plain words, in letters, plain prose and non-native English.

Mechanisms, each with answers that must gain and answers that must not:

* the items of a plan's list are read with the verb that governs them ("We'll talk about what the end of the family
  home has been like, what you miss and what you don't miss, and work out ... who you want around you again"), in
  one sentence or in the clauses after a plan clause that stops at its verb ("we will talk about: ...");
* a topic and its denial side by side ("what you miss and what you don't") are its good and its bad side;
* going back to people after a change builds the new role's support network ("get you back in touch with people");
* feeling sure of oneself ("feel surer of yourself with her care") is the mastery that restores self-esteem;
* a plan said without its helper verb ("we talk about", "I go over", as writers of English as a second language
  often plan): such a clause, a writer and a verb of the work, is a plan (contractions, "we'll talk about", reach the
  readers written out since norm11).

Invented answers to library cases; tests/data/plan11/ holds the two batches of marked answers measured in the
round (python tests/data/plan11/run.py [batch2.yaml]).
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.plain_plan import plain_plan_concepts, plain_plan_votes, plan_and_items
from ipt_training.scoring.plan_items import helper_dropped, item_readings
from ipt_training.text.normalize import clauses

_TRANSITION = {ProblemArea.ROLE_TRANSITION}
_GRIEF = {ProblemArea.GRIEF}


def _plain(text: str, areas: set[ProblemArea], people: frozenset[str] = frozenset()) -> set[str]:
    return plain_plan_concepts(clauses(text), areas, people=people)


# --- the items of a list, each with its verb

_DEAN = ("We'll talk about what the end of the family home has been like for you, what you miss and what you "
         "don't miss about married life, and work out together what a good weekend with Mia and Jack could look "
         "like, and who you want around you again.")


def test_each_item_of_a_list_is_read_with_its_verb() -> None:
    found = _plain(_DEAN, _TRANSITION)
    assert {"strategy:transition.review_old_new", "strategy:transition.new_support",
            "goal:transition.realistic_new"} <= found


def test_an_item_is_read_as_its_verb_says() -> None:
    readings = item_readings(clauses(_DEAN), [0])
    assert ["talk", "about", "what", "you", "miss", "and"] in readings
    assert ["work", "out", "together", "who", "you", "want", "around", "you", "again"] in readings


@pytest.mark.parametrize("text", [
    # the same words told of the patient, not planned
    "He misses tucking the kids in and he does not miss the silent evenings, and who he sees now is nobody.",
    # the work refused
    "I would not talk about what he misses and what he does not miss, or who he wants around him.",
])
def test_a_list_not_planned_names_no_work(text: str) -> None:
    found = _plain(text, _TRANSITION)
    assert "strategy:transition.review_old_new" not in found
    assert "strategy:transition.new_support" not in found


def test_one_topic_alone_is_no_list() -> None:
    assert item_readings(clauses("We will talk about what happened."), [0]) == []


_COMFORT = ("Comfort, I think you have a depression. It began two months after Kwabena died. I would like us to "
            "spend our twelve sessions on: Kwabena himself, what you loved in him and what you did not; those two "
            "days in hospital and the funeral; and later, getting back to the choir and to Grace. Would that be "
            "right for you?")


def test_the_items_after_a_plan_that_stops_at_its_verb_are_its_work(library: CaseLibrary) -> None:
    found = _plain(_COMFORT, _GRIEF, people=frozenset({"kwabena", "grace"}))
    assert "strategy:grief.reconstruct" in found
    report = score(library.get("p-13"), _COMFORT)
    assert points(report, "goals") == 2.0


def test_a_story_after_a_plan_clause_is_no_item() -> None:
    text = "We will talk about: She kept his door shut and she misses him and what she did not say to him."
    assert item_readings(clauses(text), [0]) == []


# --- a topic and its denial

@pytest.mark.parametrize("text", [
    "We'll look at what you miss about the job and what you don't.",
    "I'd help her talk about what she misses about Iasi and what she does not miss.",
])
def test_a_topic_and_its_denial_are_both_sides(text: str) -> None:
    assert "strategy:transition.review_old_new" in _plain(text, _TRANSITION)


@pytest.mark.parametrize("text", [
    # two topics, neither denied
    "We'll look at what you miss about the job and what you want now.",
    # the denial of another thing
    "We'll talk about what you miss and what you do not understand about the new rota.",
])
def test_two_topics_without_a_denial_are_not_both_sides(text: str) -> None:
    assert "strategy:transition.review_old_new" not in _plain(text, _TRANSITION)


# --- going back to people after a change

@pytest.mark.parametrize("text", [
    "Later we will work on getting you back in touch with people like Jari.",
    "I would help him get back to his friends at the footy club.",
])
def test_going_back_to_people_builds_support_in_a_transition(text: str) -> None:
    assert "strategy:transition.new_support" in _plain(text, _TRANSITION)


@pytest.mark.parametrize("text", [
    "We will look back at the friendships he had before the move.",  # a review of the past, no return
    "I would help him get back to work in the spring.",  # no people
])
def test_no_people_gone_back_to_is_no_support(text: str) -> None:
    assert "strategy:transition.new_support" not in _plain(text, _TRANSITION)


def test_going_back_is_no_transition_work_in_grief() -> None:
    found = _plain("Later we will work on getting her back in touch with her friends.", _GRIEF)
    assert "strategy:transition.new_support" not in found


# --- being sure of oneself

def test_feeling_sure_of_oneself_is_mastery() -> None:
    text = "I'd like us to find small ways for you to feel surer of yourself with Ana's care."
    assert "goal:transition.mastery" in _plain(text, _TRANSITION)


@pytest.mark.parametrize("text", [
    "I suggest we meet weekly so that you can feel sure of yourself.",  # the aim of meeting, no work
    "I'd like him to feel sure that the rota is right.",  # sure of a thing, not of himself
])
def test_an_aim_of_meeting_or_a_thing_made_sure_is_no_mastery(text: str) -> None:
    assert "goal:transition.mastery" not in _plain(text, _TRANSITION)


# --- a plan without its helper verb (a writer of English as a second language planning in the present tense)

@pytest.mark.parametrize("text", ["We talk about Sipho, all of him.", "And then we talk about Sipho.",
                                  "I go over the friendship with her.",
                                  "We speak about what she miss from Iasi and what she dont miss."])
def test_a_writer_and_a_verb_of_the_work_are_a_plan(text: str) -> None:
    prepared = clauses(text)
    assert helper_dropped(prepared, list(range(len(prepared)))) == [0]


@pytest.mark.parametrize("text", ["We'll talk about Sipho, all of him.", "And then we'll talk about Sipho.",
                                  "I'd go over the friendship with her."])
def test_a_contracted_helper_reaches_the_readers(text: str) -> None:
    """The cleaning writes contractions out (norm11), so "we'll talk" is "we will talk", a plan sentence."""
    prepared = clauses(text)
    assert plan_and_items(prepared) == [0]
    assert helper_dropped(prepared, [0]) == []


@pytest.mark.parametrize("text", ["I think it is grief.", "We see each other at church.", "She'll talk about it."])
def test_an_opinion_or_someone_else_is_no_plan(text: str) -> None:
    prepared = clauses(text)
    assert helper_dropped(prepared, list(range(len(prepared)))) == []


def test_a_letter_that_says_we_will_talk_about_the_dead_plans_mourning(library: CaseLibrary) -> None:
    head = ("Comfort, I think you have a depression, a common illness that can be treated. It began two months "
            "after Kwabena died, and you have not cried for him.")
    planned = score(library.get("p-13"), f"{head} We'll talk about Kwabena and your years together, the good and "
                    "the hard times. Is that all right?")
    told = score(library.get("p-13"), f"{head} We talked about him once. Is that all right?")
    assert points(planned, "goals") > points(told, "goals")
    assert points(planned, "strategies") > points(told, "strategies")


def test_a_present_tense_plan_of_a_second_language_writer_is_read() -> None:
    text = "She come from Romania in august. We speak about what she miss from Iasi and what she dont miss."
    assert "strategy:transition.review_old_new" in _plain(text, _TRANSITION)


def test_confidence_with_or_as_the_new_role_is_mastery() -> None:
    text = "I'd help her feel more confident as Ana's mother."
    assert "goal:transition.mastery" in _plain(text, _TRANSITION)


# --- working out how to act in a dispute

_DISPUTE = {ProblemArea.ROLE_DISPUTE}


@pytest.mark.parametrize("text", ["We'll work out how you could break the silence with Doug.",
                                  "I would help her decide how to raise the money with Moses."])
def test_working_out_how_to_act_is_a_plan_of_action(text: str) -> None:
    assert "goal:dispute.plan" in _plain(text, _DISPUTE)


@pytest.mark.parametrize("text", ["We'll work out how the rows start.", "I'd help her see how he reacts."])
def test_working_out_how_something_happens_is_no_plan_of_action(text: str) -> None:
    assert "goal:dispute.plan" not in _plain(text, _DISPUTE)


def test_working_out_how_to_act_votes_for_no_area() -> None:
    prepared = clauses("We'll work out how you could keep some time for your friends.")
    assert ProblemArea.ROLE_DISPUTE not in plain_plan_votes(prepared)


# --- lessening the isolation, in any verb

_DEFICITS = {ProblemArea.INTERPERSONAL_DEFICITS}


@pytest.mark.parametrize("text", ["The goals: diminish the isolation and make new relations.",
                                  "I would help her break her isolation, one visit at a time."])
def test_any_verb_that_lessens_the_isolation_reduces_it(text: str) -> None:
    assert "goal:deficits.reduce_isolation" in _plain(text, _DEFICITS)


@pytest.mark.parametrize("text", ["I would help her see that the isolation did not lessen after the move.",
                                  "We will talk about the loneliness she feels in the evenings."])
def test_isolation_named_without_lessening_it_is_no_goal(text: str) -> None:
    assert "goal:deficits.reduce_isolation" not in _plain(text, _DEFICITS)
