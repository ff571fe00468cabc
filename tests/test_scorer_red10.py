"""Round 10 attack on the scorer's new credit (commit10, lay10, words10 and the refusal of other therapies'
techniques).

A trainee who does not reason but knows the scorer (and sees the vignette and the lessons, never the model
formulation):

* puts a technique of another therapy in front of IPT plan words, as what it is used for: "we will use thought
  records to look honestly at what he lost and what the new situation could offer", "for homework he will fill in
  worksheets on ...", "behavioural activation with an activity schedule to get him back to futsal", "using graded
  exposure, he will build some contacts". Only the IPT cue words inside or overlapping the technique's phrase were
  dropped, so the words after it earned the whole IPT plan. A technique followed by what it is used for ("to", "on",
  "about", ...) or introduced as the means ("using", "through", "for homework") now takes the rest of its clause
  with it, for the lexicon, the plain-words frames and the model letter's key (``concepts.outside_techniques``,
  ``concepts.before_techniques``).

Honest answers near them keep their credit: IPT strategies listed beside a technique ("Strategies: thought records,
review of the old and new role, ..."), a technique the patient tried before, a technique refused ("instead of
homework").

* adds to a grief plan a sentence of another area's work in plain prose, "we will look back at the friendships he has
  had" (prose10's words for reviewing past relationships): the plain-words frame of re-investment read its "back"
  and "friendships" as going back to people, and credited the grief goal in full. A "back" that looks back ("look
  back at", "go back over", "think back on") is no return (``plain_plan._only_looking_back``); "get back to his
  friends and to fishing" still re-invests.

* names two areas, each only as a possibility, and lets the scorer choose: "The focus could be a role dispute with
  Clara; it could also be a role transition", "It could be X. It could be Y.", "The focus might be X, or it might be
  Y", with or without putting the choice off ("It is too soon to decide"). commit10 reads "each of these could be
  the focus" as no commitment, but these forms have no quantifier: the areas were read as hedged, none chosen, and
  the answer's reasoning (the events it tells) then chose the better one for it, in either order, with the full
  area point. Two or more areas said possible, none more firmly, none ranked ("probably", "bigger", "lean"...) and
  the choice put off in words of choosing ("decide", "settle", "too soon", "yet") now leave the choice open
  (``areas.possibilities_only``). Without such words the answer is still credited through its reasoning, but only
  as ``area_from_reasoning`` at low confidence, for the instructor's review queue (the analytics round trip's
  ambiguous "Maybe a role transition, maybe a role dispute ..." is meant to reach it): left open in
  docs/reliability.md, and held here to be never credited silently. One area hedged and a tentative ranking
  ("It is probably a role transition, though it could be a dispute"; set B's "I think the move is probably the
  bigger thing") still choose.

* writes a letter of warm purposes and no work: "I suggest we meet for twelve weeks so that you can feel more at
  ease, so that you can accept the help around you, so that you have people to talk to ..., and so that both of you
  can agree" (lay10's purpose clause, increment 3): the aim after "so that" was read as a goal of the chosen area
  whatever the sentence planned, so 44 of the 48 cases gained 0.5-1.5 with only the area named ("so that you can
  find your feet" alone: p-05 4.5 -> 5.0).
  An aim is now the aim of the work its sentence plans (a verb of the work before it: talk, look, practise, ...,
  not "meet"; ``plain_plan._purposed``); "we will talk about what you miss from driving, so you can find your feet
  as a supervisor" still states mastery (tests/test_scorer_lay10.py).

* names the case's people as the cause, one or all of them: "He is low because of Patricia, Lucas, Bia and Renato"
  (prose10's cause given by a person of the key event, increment 2): the person of the key event among them chose
  its area, with the full area point and nothing told of what happened (12 of 48 cases with every person listed;
  "He is low because of Patricia." alone on 16 cases). The person named as the cause must now be told something of
  ("because Patricia told him she wants a divorce"), not only followed by more of the case's people or by nothing
  (``cause_people._tells_what``).

Every answer here is our own, written for this file for library cases (p-05 Amaru, a role transition; p-15 Ramon,
a delayed grief; p-19 Marcelo, a dispute; and others named in the tests).
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.report import FormulationReport

_NOTE = ("Amaru has major depression. It began two months after the move to Winnipeg, when he lost his team and his "
         "futsal friends. The focus is a role transition. ")
_LETTER = ("Amaru, you have depression, a common illness that can be treated and is not your fault. It began two "
           "months after the move to Winnipeg, when you lost your team and your futsal friends. We call this a role "
           "transition. ")


def _plan(report: FormulationReport) -> float:
    return points(report, "goals") + points(report, "strategies")


def _p05(library: CaseLibrary, text: str, rubric: str = "supervision") -> FormulationReport:
    return score(library.get("p-05"), text, rubric=rubric)


# --- a technique of another therapy used for IPT work: the work named after it is the technique's, not IPT's

_IPT_WORK = "look honestly at what he lost and what the new situation could offer"
_BEHIND = [
    f"We will use thought records to {_IPT_WORK}.",
    "For homework he will fill in worksheets on what he lost and what the new situation could offer.",
    "We will do behavioural activation with an activity schedule to get him back to futsal and to reconnect with "
    "his sister and old friends.",
    "Using graded exposure, he will build some contacts and competence here.",
]


@pytest.mark.parametrize("plan", _BEHIND, ids=["thought-records-to", "homework-on", "activation-to", "using-exposure"])
@pytest.mark.parametrize("rubric", ["supervision", "patient"])
def test_ipt_words_after_a_technique_used_for_them_earn_nothing(library: CaseLibrary, plan: str,
                                                               rubric: str) -> None:
    opening = _NOTE if rubric == "supervision" else _LETTER
    if rubric == "patient":
        plan = plan.replace(" he ", " you ").replace(" him ", " you ").replace("his ", "your ")
    without = _p05(library, opening, rubric)
    behind = _p05(library, opening + plan, rubric)
    assert _plan(behind) == _plan(without)


def test_the_same_work_without_the_technique_keeps_its_credit(library: CaseLibrary) -> None:
    without = _p05(library, _NOTE)
    assert _plan(_p05(library, f"{_NOTE}We will {_IPT_WORK}.")) > _plan(without)
    assert _plan(_p05(library, f"{_NOTE}He will build some contacts and competence here.")) > _plan(without)


_LISTED = "review of the old and new role, help him express feelings about the change, build new support."


@pytest.mark.parametrize("plan", [
    f"Strategies: thought records, {_LISTED}",  # listed beside, not used for them
    f"He tried thought records before and they did not help. Strategies: {_LISTED}",
    f"He tried thought records with his GP, so we will do a {_LISTED}",
    f"Instead of homework on his thoughts, we will do a {_LISTED}",
], ids=["listed-beside", "tried-before", "tried-same-sentence", "refused"])
def test_ipt_strategies_beside_a_technique_keep_their_credit(library: CaseLibrary, plan: str) -> None:
    assert _plan(_p05(library, _NOTE + plan)) == _plan(_p05(library, f"{_NOTE}Strategies: {_LISTED}"))


# --- looking back is no going back

_RAMON = ("Ramon has major depression. I think the focus is delayed grief: it began a few weeks after Mia's wedding, "
          "where he gave her Lolita's rosary and left the hall in tears; he never grieved his mother's death in 2021. "
          "We will talk about his mother and go over what happened when she died. ")


@pytest.mark.parametrize("review", [
    "We will look back at the friendships he has had.",
    "We will go back over his years with his family.",
    "Then we will look back on his life with his friends.",
], ids=["look-back-at", "go-back-over", "look-back-on"])
def test_looking_back_at_people_is_no_reinvestment(library: CaseLibrary, review: str) -> None:
    case = library.get("p-15")
    assert points(score(case, _RAMON + review), "goals") == points(score(case, _RAMON), "goals")


@pytest.mark.parametrize("going", [
    "Later we will help him get back to his friends and to fishing.",
    "Later he can go back to basketball with his friends.",
], ids=["get-back-to", "go-back-to"])
def test_going_back_to_people_and_pastimes_still_reinvests(library: CaseLibrary, going: str) -> None:
    case = library.get("p-15")
    assert points(score(case, _RAMON + going), "goals") > points(score(case, _RAMON), "goals")


# --- two areas each said possible: the reasoning does not choose the better one for the trainee

_CHOICES = {
    "p-05": ("Amaru has major depression; it began two months after the move to Winnipeg, when he lost his team and "
             "his futsal friends. ", "a role transition", "a role dispute with Clara"),
    "p-15": ("Ramon has major depression; it began a few weeks after Mia's wedding, where he missed his mother Lolita, "
             "who died in 2021 and whom he never grieved. ", "delayed grief", "a role transition"),
}
_BOTH_POSSIBLE = ["The focus could be {a}; it could also be {b}.", "It could be {a}. It could be {b}.",
                  "The focus might be {a}, or it might be {b}."]


@pytest.mark.parametrize("case_id", sorted(_CHOICES))
@pytest.mark.parametrize("form", _BOTH_POSSIBLE, ids=["could-also", "two-sentences", "might-or-might"])
def test_two_areas_each_possible_and_the_choice_put_off_choose_neither(library: CaseLibrary, case_id: str,
                                                                       form: str) -> None:
    opening, right, wrong = _CHOICES[case_id]
    case = library.get(case_id)
    for a, b in ((right, wrong), (wrong, right)):
        report = score(case, opening + form.format(a=a, b=b) + " It is too soon to decide.")
        assert points(report, "problem_area") == 0.0
        assert "no_commitment" in report.flags


@pytest.mark.parametrize("case_id", sorted(_CHOICES))
@pytest.mark.parametrize("form", _BOTH_POSSIBLE, ids=["could-also", "two-sentences", "might-or-might"])
def test_two_areas_each_possible_are_never_credited_silently(library: CaseLibrary, case_id: str, form: str) -> None:
    opening, right, wrong = _CHOICES[case_id]
    case = library.get(case_id)
    for a, b in ((right, wrong), (wrong, right)):
        report = score(case, opening + form.format(a=a, b=b))
        assert points(report, "problem_area") == 0.0 or (
            "area_from_reasoning" in report.flags and report.confidence < 1.0)


@pytest.mark.parametrize("case_id", sorted(_CHOICES))
@pytest.mark.parametrize("form", ["The focus could be {a}.", "It is probably {a}, though it could be {b}.",
                                  "It could be {a} or {b}, but I think {a} is the main problem."],
                         ids=["one-hedged", "probably", "main-problem"])
def test_a_tentative_choice_still_chooses(library: CaseLibrary, case_id: str, form: str) -> None:
    opening, right, wrong = _CHOICES[case_id]
    case = library.get(case_id)
    report = score(case, opening + form.format(a=right, b=wrong))
    assert points(report, "problem_area") > 0
    assert "no_commitment" not in report.flags


# --- an aim with no work: "we will meet so that ..."

_PURPOSES = ["so that you can find your feet", "so that you can feel more at ease",
             "so that you can feel sure of yourself and accept things"]


@pytest.mark.parametrize("case_id", ["p-05", "p-11", "p-33"])
@pytest.mark.parametrize("aim", _PURPOSES, ids=["feet", "ease", "sure-accept"])
def test_purposes_of_meeting_state_no_goal(library: CaseLibrary, case_id: str, aim: str) -> None:
    case = library.get(case_id)
    name = case.patient.name.split()[0]
    head = (f"Dear {name}, you have depression, a common illness that can be treated, and it is not your fault. "
            "In IPT we call this a role transition. I suggest we meet for twelve weeks")
    bare = score(case, f"{head}. Does that fit?", rubric="patient")
    aimed = score(case, f"{head} {aim}. Does that fit?", rubric="patient")
    assert points(aimed, "goals") == points(bare, "goals")


# --- the people of the story named as the cause

_MARCELO = "Marcelo has major depression. "


@pytest.mark.parametrize("cause", [
    "He is low because of Patrícia, Lucas, Bia and Renato.",
    "He is low because of Patrícia.",
], ids=["everyone", "one-name"])
def test_the_case_people_listed_as_the_cause_choose_no_area(library: CaseLibrary, cause: str) -> None:
    report = score(library.get("p-19"), _MARCELO + cause)
    assert points(report, "problem_area") == 0.0


def test_a_person_of_the_key_event_told_as_the_cause_still_argues(library: CaseLibrary) -> None:
    # (prose10's own cases of a cause told by its person are in tests/test_scorer_prose10.py and still pass)
    report = score(library.get("p-19"), _MARCELO + "He is low because Patrícia told him she wants a divorce.")
    assert points(report, "problem_area") > 0.0
