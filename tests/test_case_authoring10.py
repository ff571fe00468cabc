"""New cases written as instructors write them (tests/data/authoring10 before the round's fixes, authoring10b after):
every model letter reaches 9 / 10 under the patient rubric, and the readings added for letters to the patient credit
what a letter says in its own words without crediting what they must not (a wrong area, a story, a list).

The letters below are invented for these tests; none is copied from a benchmark set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipt_training.cases.loader import load_case_file
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.no_event import no_event_clauses
from ipt_training.scoring.onset_link import told_back
from ipt_training.scoring.report import FormulationAnswer, FormulationReport
from ipt_training.text.normalize import clauses
from tests.scoring_helpers import points

DATA = Path(__file__).parent / "data"
CASE_FILES = sorted([*DATA.glob("authoring10/*.yaml"), *DATA.glob("authoring10b/*.yaml")])


def _case(case_id: str):
    folder = "authoring10" if (DATA / "authoring10" / f"{case_id}.yaml").exists() else "authoring10b"
    return load_case_file(DATA / folder / f"{case_id}.yaml")


def _patient(case, text: str) -> FormulationReport:
    """Score ``text`` as a letter to the patient, as `ipt-course cases check` and lesson 3's builder do."""
    return score_formulation(FormulationAnswer(text=text), case.reference, rubric="patient", case=case)


def test_both_batches_are_there():
    assert len(list(DATA.glob("authoring10/*.yaml"))) == 9
    assert len(list(DATA.glob("authoring10b/*.yaml"))) == 9


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_every_new_model_letter_scores_nine(path):
    case = load_case_file(path)
    report = score_formulation(FormulationAnswer(text=case.reference.formulation), case.reference, reveal=True,
                               rubric="patient", case=case)
    assert report.total >= 9, [(c.criterion, c.points, c.feedback) for c in report.criteria]
    assert report.detected_primary is case.reference.primary_area


# --- the sick role in the letter's own words -------------------------------------------------------------------

_DIAGNOSIS = "Carolina, you have depression; it is a common illness, it can be treated and it is not your fault. "


@pytest.mark.parametrize("sentence", [
    "While you get better it is okay to leave school at five and let Rodrigo close the building.",
    "For the next month it is all right if the parents' emails wait until the morning.",
    "Going home on time for a while is part of the treatment, not slacking.",
    "Right now it is reasonable to let Matías do the shopping and the cooking.",
    "Until this lifts, it is okay to skip the evening meetings.",
    "For the next few weeks, do only the parts of the job that cannot wait.",
])
def test_a_permission_for_the_time_of_recovery_gives_the_sick_role(sentence):
    case = _case("au10-03")
    assert points(_patient(case, _DIAGNOSIS + sentence), "sick_role") == 1.0
    assert points(_patient(case, _DIAGNOSIS), "sick_role") == 0.5


@pytest.mark.parametrize("sentence", [
    "While you recover it is fine to feel angry about the old job.",  # a feeling allowed: affect, not the sick role
    "For a while it was fine for her mother to help with the shopping.",  # the story, told in the past
    "It is fine to tell me where I have got this wrong.",  # a permission with no time of recovery
    "Talking about the old school is part of the treatment.",  # work of the treatment, not an easing
    "While we talk, it is fine to cry.",  # a feeling allowed during the session
    "For now we do not know what the board will decide.",  # the time being, no easing
])
def test_what_is_not_the_sick_role_earns_only_the_diagnosis(sentence):
    assert points(_patient(_case("au10-03"), _DIAGNOSIS + sentence), "sick_role") == 0.5


def test_terms_of_a_list_give_no_sick_role():
    text = "depression, recovery, rest, fine, for now, role transition, 12 sessions"
    assert points(_patient(_case("au10-03"), text), "sick_role") == 0.5


# --- the contract counted in meetings ---------------------------------------------------------------------------

def test_meetings_counted_as_times_are_a_contract():
    case = _case("au10-06")
    assert points(_patient(case, "We will meet ten times, once a week, and then review."), "contract") == 0.5
    assert points(_patient(case, "He phoned Samuel ten times after the diagnosis."), "contract") == 0.0


# --- a plan written as a list of items, each its own sentence ---------------------------------------------------

_TRANSITION_HEAD = (
    "Carolina, you have depression, an illness that can be treated. It began in May, two months after you became "
    "head of the school in Viña del Mar, and we call this a role transition. ")
_ITEMS = (
    "Here is what I suggest we spend our twelve weekly sessions on. Letting yourself be sad about what you have "
    "lost, the classroom and the maths lessons. Looking at the headship as it really is, the hard parts and the "
    "parts you enjoy. Learning how to chair a staff meeting where people disagree. Finding people to lean on "
    "again, your Friday colleagues and other heads nearby. Does that sound right?")


def test_a_plan_listed_in_sentences_of_its_own_is_read():
    report = _patient(_case("au10-03"), _TRANSITION_HEAD + _ITEMS)
    assert points(report, "goals") == 1.5
    assert points(report, "strategies") == 1.5


def test_the_same_items_told_as_the_story_plan_nothing():
    story = ("Carolina, you have depression. It began in May, two months after you became head of the school in "
             "Viña del Mar, a role transition. Looking at the headship as it really is was hard for you. Finding "
             "people at the new school took months. Learning the budget kept you up at night.")
    report = _patient(_case("au10-03"), story)
    assert points(report, "goals") == 0.0
    assert points(report, "strategies") <= 0.5


def test_list_items_for_the_wrong_area_earn_no_transition_goals():
    wrong = ("Carolina, you have depression. I think this is a role dispute with Rodrigo, who wanted the headship. "
             "Here is what I suggest we work on. Looking honestly at what each of you expects from the other. "
             "Going over your last argument about the timetable in detail. Does that fit?")
    report = _patient(_case("au10-03"), wrong)
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(report, "goals") == 0.0
    assert points(report, "problem_area") == 0.0


def test_a_keyword_list_does_not_gain_from_items():
    text = ("role transition. plan: looking at the new role as it really is. finding support. learning skills. "
            "mourning the old role. grief. role dispute. deficits.")
    report = _patient(_case("au10-03"), text)
    assert points(report, "goals") + points(report, "strategies") <= 1.0


# --- a span pointing back from the onset to the event -----------------------------------------------------------

_DISPUTE = (
    "Magda, what you have is depression, and it can be treated. You and Ewa disagree about the second bakery in "
    "Oliwa and you are both still trying to sort it out: a role dispute in renegotiation. ")
_LINK_ID = "onset_after_proposal"


def test_the_onset_then_the_event_some_months_earlier_is_the_link():
    text = _DISPUTE + "Your sleep went in December. Three months earlier Ewa had put the idea of Oliwa to you."
    assert _LINK_ID in _patient(_case("au10-05"), text).evidence_cited


@pytest.mark.parametrize("tail", [
    "Your sleep went in December. Eight months earlier Ewa had put the idea of Oliwa to you.",  # not the case's span
    "Your sleep went in December. Three months earlier Ewa had put the idea to you, so I do not think it caused this.",
])
def test_a_wrong_or_denied_span_is_no_link(tail):
    assert _LINK_ID not in _patient(_case("au10-05"), _DISPUTE + tail).evidence_cited


# --- the story told back from the onset to the event before it ---------------------------------------------------

_IMPASSE = ("Nadia, you have depression, a treatable illness. I think this is a role dispute with Hossam, now at an "
            "impasse. ")
_DEPOSIT_LINK = "onset_after_deposit"


def test_the_onset_then_the_story_turned_back_to_the_event_is_the_link():
    text = _IMPASSE + ("The low mood came in November. Some months before, Hossam paid the school deposit without "
                       "asking you, and you both went quiet.")
    assert _DEPOSIT_LINK in _patient(_case("au10b-02"), text).evidence_cited


@pytest.mark.parametrize("tail", [
    # the event told first, with no onset said before it
    "Some months before, Hossam paid the school deposit without asking you. You argue about many things.",
    # turned back to another event of the case, the key event only later and on its own
    "The low mood came in November. Some weeks before, you were made head pharmacist. Hossam paid the deposit.",
])
def test_no_turn_back_to_the_key_event_is_no_link(tail):
    assert _DEPOSIT_LINK not in _patient(_case("au10b-02"), _IMPASSE + tail).evidence_cited


@pytest.mark.parametrize(("text", "linked"), [
    ("The low mood came in November. Four months before, he paid the deposit.", True),
    ("The low mood came in November. Ten months before, he paid the deposit.", False),  # not the case's span
    ("The low mood came in November. Before that he paid the deposit, but that is not what caused it.", False),
    ("You have depression. Before that he paid the deposit.", False),  # an onset not dated or begun
])
def test_a_turn_back_needs_a_dated_onset_the_cases_span_and_no_denial(text, linked):
    prepared = clauses(text)
    events = {k for k, tokens in enumerate(prepared) if "deposit" in tokens}
    assert told_back(prepared, events, lambda tokens: "mood" in tokens or "depression" in tokens, spans={4}) is linked


# --- a search for a cause, the list of what was looked for, then nothing ----------------------------------------

_DEFICITS = ("Jens, you have depression. I think the problem is interpersonal deficits: you have had almost no "
             "friends since school, long before this low mood. ")


def test_a_search_its_list_and_then_nothing_says_no_event_set_it_off():
    told = "We looked for what might have started this: a loss, a row, a new job. There was nothing."
    assert no_event_clauses(clauses(told))
    # the model letter of au10b-03 says it this way, and its timeline link is credited
    case = _case("au10b-03")
    assert "onset_without_event" in _patient(case, case.reference.formulation).evidence_cited


@pytest.mark.parametrize("text", [
    "We looked for people you could call: a cousin, a neighbour. You said nothing about them.",  # no cause sought
    "We looked for what might have started this: a loss, a row. Then we talked about the move.",  # no nothing
    "We looked at your week: work, sleep, the dog. Nothing much happens at the weekend.",  # a nothing too late on
])
def test_what_is_no_find_of_nothing_stays_none(text):
    assert not no_event_clauses(clauses(text))
