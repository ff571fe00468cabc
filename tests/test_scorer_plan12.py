"""Round 12 (plan12): goals and strategies in ordinary words, credited for the area the answer serves.

Mechanisms, each with answers that must gain and answers that must not:

* working on a loss ("work on the loss with him", "grief work") is mourning: a death's in grief, the old role's in a
  transition; a loss of the body ("work on the weight loss") mourns nothing, and "work on it" names no loss;
* staying with the patient through the feelings ("support him through his feelings") encourages affect;
* taking up the means of learning the new role ("get her onto a management course", "take steps toward English and
  his licence") is the new role's skills, in a transition only;
* how an argument goes wrong ("how your arguments go off the rails") is communication analysis;
* "rebuild his contacts" serves a transition's support network as well as grief's reinvestment;
* what was lost set against what the new life offers ("what she misses and what the city offers") is the review of
  the old and the new;
* a new shape of life found or built ("build a new one", "find a new way of being his wife's husband") is the new
  role seen realistically, and something to be good at, or mattering again, is mastery, in a transition only;
* going to a group ("get him into a futsal league") builds the new role's support network;
* accepting that the old role is over ("accept lose of old job") mourns it;
* a second object after "and" with a determiner of its own shares the verb ("find a few things she can own at home
  and some Tamil-speaking company": find some company);
* "then" ends what a mourning phrase is about: the "her" in "what she has lost, then help her find ..." is the
  patient helped, not a dead person mourned.

A generic plan ("we will talk about it, work on it and look at it") earns no goal of any area.
Invented answers to library cases; tests/data/plan12/ holds the marked answers measured in the round
(python tests/data/plan12/run.py [batch2.yaml]).
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.plain_plan import plain_plan_concepts, plain_plan_votes
from ipt_training.scoring.plan_items import item_readings
from ipt_training.text.normalize import clauses

_TRANSITION = {ProblemArea.ROLE_TRANSITION}
_GRIEF = {ProblemArea.GRIEF}
_DISPUTE = {ProblemArea.ROLE_DISPUTE}
_DEFICITS = {ProblemArea.INTERPERSONAL_DEFICITS}


def _plain(text: str, areas: set[ProblemArea]) -> set[str]:
    return plain_plan_concepts(clauses(text), areas)


# --- working on a loss

@pytest.mark.parametrize("text", [
    "Work on the loss with him and support him through his feelings.",
    "Plan: grief work, help him rebuild contacts.",
    "I would work through her grief with her.",
])
def test_working_on_a_loss_is_mourning_in_grief(text: str) -> None:
    assert "goal:grief.mourn" in _plain(text, _GRIEF)


def test_working_on_a_loss_mourns_the_old_role_in_a_transition() -> None:
    found = _plain("We will work on the loss of her old nursing role.", _TRANSITION)
    assert "goal:transition.mourn_old" in found
    assert "goal:grief.mourn" not in found


@pytest.mark.parametrize("text", [
    "We will talk about it, work on it and look at it together.",  # no loss named
    "I would work on the weight loss with her GP.",  # a loss of the body
    "She has worked hard since the loss of her sister.",  # told, not planned
])
def test_work_without_a_loss_mourned_is_no_mourning(text: str) -> None:
    found = _plain(text, _GRIEF | _TRANSITION)
    assert "goal:grief.mourn" not in found
    assert "goal:transition.mourn_old" not in found


def test_working_on_a_loss_votes_for_no_area() -> None:
    assert plain_plan_votes(clauses("We will work on the loss together.")) == {}


# --- through the feelings

@pytest.mark.parametrize("text", [
    "Work on the loss with him and support him through his feelings.",
    "I would stay with her through the sadness and the anger.",
])
def test_staying_through_the_feelings_encourages_affect(text: str) -> None:
    assert "strategy:general.encourage_affect" in _plain(text, _GRIEF)


@pytest.mark.parametrize("text", [
    "I would support him through the move to the new flat.",  # no feeling
    "His feelings came through in the letter he wrote her.",  # told, no support
])
def test_no_feeling_gone_through_is_no_affect(text: str) -> None:
    assert "strategy:general.encourage_affect" not in _plain(text, _GRIEF)


# --- the means of learning the new role

@pytest.mark.parametrize("text", [
    "I'd help her build competence: get her onto a management course and ask for more supervision.",
    "I'd help him take steps toward English and his licence.",
    "Strategies: make a plan for the language course and for the engineering licence.",
])
def test_taking_up_a_course_is_the_new_roles_skills(text: str) -> None:
    assert "strategy:transition.new_skills" in _plain(text, _TRANSITION)


@pytest.mark.parametrize("areas", [_GRIEF, _DEFICITS, _DISPUTE])
def test_a_course_is_no_skill_work_outside_a_transition(areas: set[ProblemArea]) -> None:
    found = _plain("I would get her onto a management course.", areas)
    assert "strategy:transition.new_skills" not in found


def test_a_course_told_is_no_plan() -> None:
    assert "strategy:transition.new_skills" not in _plain("She dropped the management course in May.", _TRANSITION)


# --- how an argument goes wrong

@pytest.mark.parametrize("text", [
    "Let's look at how your arguments go off the rails.",
    "I'd go over where the talks with Kofi turn into a fight.",
])
def test_how_an_argument_goes_wrong_is_communication_analysis(text: str) -> None:
    assert "strategy:general.communication_analysis" in _plain(text, _DISPUTE)


def test_how_an_argument_starts_is_no_analysis() -> None:
    found = _plain("We will talk about how the arguments started last year.", _DISPUTE)
    assert "strategy:general.communication_analysis" not in found


# --- what was lost and what the new life offers

def test_what_is_missed_and_what_the_new_life_offers_is_a_review() -> None:
    found = _plain("We will talk about what you miss and what the new situation still offers you.", _TRANSITION)
    assert "strategy:transition.review_old_new" in found


def test_what_is_missed_alone_is_no_review() -> None:
    found = _plain("We will talk about what you miss about the old job.", _TRANSITION)
    assert "strategy:transition.review_old_new" not in found


# --- the new life, mastery, a group, the old role accepted

@pytest.mark.parametrize(("text", "concept"), [
    ("Main goal: help him grieve the football life and build a new one.", "goal:transition.realistic_new"),
    ("Goals: help him find a new way of being Rosa's husband.", "goal:transition.realistic_new"),
    ("Aims: grieve the baker role and find a satisfying new one.", "goal:transition.realistic_new"),
    ("We would work on finding things you can be good at now.", "goal:transition.mastery"),
    ("I would look for small ways for him to matter again where he lives.", "goal:transition.mastery"),
    ("I'd encourage her to go to a senior citizens' group.", "strategy:transition.new_support"),
    ("I'd get him into a futsal league here.", "strategy:transition.new_support"),
    ("Goals: she need to accept lose of old job as nurse.", "goal:transition.mourn_old"),
    ("I'd help her see whether there might be something here that could become hers.",
     "goal:transition.realistic_new"),
])
def test_the_new_life_in_plain_words(text: str, concept: str) -> None:
    assert concept in _plain(text, _TRANSITION)


@pytest.mark.parametrize(("text", "concept"), [
    # mastery in the new role, not a view of it
    ("Aim: build competence in the new one.", "goal:transition.realistic_new"),
    ("Aim: build confidence in the new role.", "goal:transition.realistic_new"),
    # what he was good at is the old role told
    ("He lost the job he was good at.", "goal:transition.mastery"),
    # a group told, not gone to
    ("She stopped going to the choir group in May.", "strategy:transition.new_support"),
    # the new role accepted is no mourning of the old
    ("I'd help her accept the new role.", "goal:transition.mourn_old"),
])
def test_no_new_life_where_the_words_say_something_else(text: str, concept: str) -> None:
    assert concept not in _plain(text, _TRANSITION)


@pytest.mark.parametrize("areas", [_GRIEF, _DEFICITS, _DISPUTE])
def test_the_new_life_frames_serve_only_a_transition(areas: set[ProblemArea]) -> None:
    text = "I'd encourage her to go to a group, find things she can be good at and build a new one."
    found = _plain(text, areas)
    assert not {c for c in found if c.startswith(("goal:transition", "strategy:transition"))}


# --- a second object of the verb

_KAMAKSHI = "I'd help her find a few things she can own at home and some Tamil-speaking company."


def test_a_second_object_is_read_with_its_verb() -> None:
    assert ["find", "some", "tamil-speaking", "company"] in item_readings(clauses(_KAMAKSHI), [0])
    assert "strategy:transition.new_support" in _plain(_KAMAKSHI, _TRANSITION)


@pytest.mark.parametrize("text", [
    # another verb's object: "and" begins another item
    "I'd help her find a few things to do and then see some old friends.",
    # no verb of finding before it
    "She lost her house and some friends when she moved.",
])
def test_no_second_object_without_its_verb(text: str) -> None:
    assert not [r for r in item_readings(clauses(text), [0]) if r[0] in ("find", "get", "have")]


# --- through the whole scorer: credit follows the area the answer serves

_GENERIC = " We will talk about it, work on it and look at it together, and see how things go."


@pytest.mark.parametrize(("case_id", "opening"), [
    ("p-13", "Grief after Kwabena's death in January; she became depressed in March."),
    ("p-33", "Role transition: the diagnosis and losing the car in October, low since November."),
    ("p-14", "Role dispute with Mareike over a baby, renegotiation stage, low since March."),
    ("a-07", "Interpersonal deficits: lifelong loneliness with no trigger, low since March."),
])
def test_a_generic_plan_earns_no_goal(library: CaseLibrary, case_id: str, opening: str) -> None:
    assert points(score(library.get(case_id), opening + _GENERIC), "goals") == 0.0


def test_rebuilding_contacts_serves_the_transition(library: CaseLibrary) -> None:
    opening = ("Role transition: Parkinson's took the car keys off Giorgio in October and he has been low since "
               "November. I'd let him talk about what he has lost")
    case = library.get("p-33")
    without = points(score(case, opening + "."), "strategies")
    assert points(score(case, opening + " and help him rebuild his contacts."), "strategies") > without


def test_rebuilding_contacts_is_still_reinvestment_in_grief(library: CaseLibrary) -> None:
    text = "Grief: his father died suddenly in February 2025; low from April. Plan: help him rebuild contacts."
    assert points(score(library.get("a-05"), text), "goals") == 1.0


def test_the_patient_helped_after_then_is_not_a_person_mourned(library: CaseLibrary) -> None:
    text = ("Role transition: Aisha was promoted to ward manager in February and has been low since April. I'd let "
            "her talk about what she has lost, then help her find a few things she can own in the new post.")
    report = score(library.get("a-02"), text)
    assert points(report, "goals") >= 0.5  # mourning the old role, not a death


def test_work_on_the_loss_earns_mourning_in_a_partial_grief_answer(library: CaseLibrary) -> None:
    text = ("Grief - his father died suddenly in February 2025. Work on the loss with him and support him through "
            "his feelings.")
    report = score(library.get("a-05"), text)
    assert points(report, "goals") == 1.0  # mourning, one of the two grief goals


def test_a_transition_plan_for_a_death_earns_no_grief_goal(library: CaseLibrary) -> None:
    text = ("I would see this as a role transition: Mehmet is now the eldest son who has to decide about the family "
            "grocery. I would work on the loss of his old role as a son with him and get him onto a course in "
            "running the shop.")
    assert points(score(library.get("a-05"), text), "goals") == 0.0


def test_a_keyword_list_gains_nothing(library: CaseLibrary) -> None:
    text = "Role transition. Mourning. Grief work. Loss. Feelings. Support. New role. Skills. Course. English."
    report = score(library.get("a-02"), text)
    assert points(report, "goals") <= 0.5
    assert points(report, "strategies") <= 0.5
