"""Round 11 attack on the scorer's new reading of answers that name no area (retell11) and of the writer's earlier
views (fix11).

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* copies the case's timeline as it is printed ("2025-01: Kwabena dies ... 2025-03: early waking ... begins"). The
  retelling reader counted a clause as dated only by a month's name, a year alone or a d/m/y date, so a timeline's
  own dates ("2025-03") were no dates, the answer was not a story told in order and its events chose the area in full
  (12 of the 48 library cases). A timeline's date now dates a clause (``retelling._date_at``).

* adds one empty claim to that retelling: "I think she is low", "She is low because of all this", "Since then he has
  been low", "The main problem is his mood", "He is stuck", "He cannot cope", "We will talk about all this". Each
  made the retelling a formulation again (the full area back). A claim must now name something it is a claim about,
  besides its marker, the mood and the case's symptoms, the patient's name and the answer's words for all it has
  told (``retelling._says_of``); a word of judgement over a fact dated by the calendar ("I think in 2025-03 ...") is
  a hedged report (``retelling._judged_date``), and "I first thought of grief, then of ..." is a view the writer
  held, not work proposed (``retelling._proposes``).

* names the areas as views held before: "I was going to call this a role dispute." The writer's earlier view was
  looked for only in the six words before the area, so with an article ("call this a role dispute") "I was" fell
  out of reach and the area was read as chosen; "I was going to call this a role dispute. It is a role transition."
  chose the dispute on a dispute case. The earlier view is now looked for in its own reach (``areas._VIEW_REACH``).

Honest answers next to them keep their credit: a retelling with a claim that names the event ("Her mood went two
months after Kwabena died, once the relatives had left her alone"), what the problem is ("She has not let herself
grieve for Kwabena"), or a plan ("We will help her talk about Kwabena and his death"). Every answer here is our own,
written for this file for library cases (p-13 Comfort, a grief; p-05 Amaru, a role transition; p-19 Marcelo, a
dispute; and the timelines of the twelve library cases whose retelling chose the area).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.report import FormulationReport

_P13 = ("2025-01: Kwabena dies of a stroke after two days in hospital. 2025-01: funeral; Comfort hosts relatives for a "
        "week. 2025-02: the relatives leave and she is alone in the house. 2025-03: early waking, weight loss, "
        "tiredness and low mood begin. 2025-05: she stops going to choir practice and Sunday service.")


def _p13(library: CaseLibrary, text: str) -> FormulationReport:
    return score(library.get("p-13"), text)


def _timeline(case) -> str:
    """The case's timeline copied as the trainee sees it, one dated sentence per event."""
    return " ".join(f"In {e.date}, {e.event[0].lower()}{e.event[1:].rstrip('.')}." for e in case.timeline)


# the cases whose copied timeline chose the area in full before the fix (all 48 were tried)
_CHOSEN_BEFORE = ["a-01", "a-05", "a-07", "a-08", "p-06", "p-12", "p-13", "p-18", "p-23", "p-26", "p-27", "p-28"]


@pytest.mark.parametrize("case_id", _CHOSEN_BEFORE)
def test_a_copied_timeline_earns_no_area(library: CaseLibrary, case_id: str) -> None:
    case = library.get(case_id)
    pronoun = "she" if case.patient.gender.lower().startswith(("w", "f")) else "he"
    report = score(case, f"{_timeline(case)} {pronoun.capitalize()} is low.")
    assert points(report, "problem_area") == 0
    assert "retelling" in report.flags


_EMPTY_CLAIMS = [
    "I think she is low.",
    "She is low because of all this.",
    "Since then she has been low.",
    "It seems she is low.",
    "The key thing is that she is low.",
    "The main problem is her mood.",
    "She is low rather than anxious.",
    "It all hit Comfort hard.",
    "She is stuck.",
    "She cannot cope.",
    "We will talk about all this.",
    "I first thought of grief, then of a role dispute, then of a role transition, then of interpersonal deficits.",
]


@pytest.mark.parametrize("claim", _EMPTY_CLAIMS)
def test_an_empty_claim_does_not_make_a_retelling_a_formulation(library: CaseLibrary, claim: str) -> None:
    report = _p13(library, f"{_P13} {claim}")
    assert points(report, "problem_area") == 0
    assert report.total <= _p13(library, _P13).total


def test_a_word_of_judgement_over_the_dated_facts_is_a_hedged_report(library: CaseLibrary) -> None:
    assert points(_p13(library, f"I think {_P13[0].lower()}{_P13[1:]}"), "problem_area") == 0


_REAL_CLAIMS = [
    "Her mood went two months after Kwabena died, once the relatives had left her alone in the house.",
    "She has not let herself grieve for Kwabena.",
    "We will help her talk about Kwabena and his death and get back to the choir.",
    "I think she is low because Kwabena died and she has been alone in the house since the relatives left.",
]


@pytest.mark.parametrize("claim", _REAL_CLAIMS)
def test_a_claim_that_names_what_it_is_about_keeps_the_area(library: CaseLibrary, claim: str) -> None:
    report = _p13(library, f"{_P13} {claim}")
    assert points(report, "problem_area") == 3.0
    assert "retelling" not in report.flags


def test_the_honest_retelling_with_a_claim_outscores_the_empty_one(library: CaseLibrary) -> None:
    honest = _p13(library, f"{_P13} {_REAL_CLAIMS[0]}")
    empty = _p13(library, f"{_P13} {_EMPTY_CLAIMS[1]}")
    assert honest.total - empty.total >= 3.0


# --- the writer's earlier view, named with an article

@pytest.mark.parametrize(("case_id", "text"), [
    ("p-19", "I was going to call this a role dispute."),
    ("p-05", "I was going to call this a role transition."),
    ("p-19", "I had assumed it was a role dispute."),
])
def test_a_view_given_up_is_no_choice(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert points(report, "problem_area") == 0
    assert "no_commitment" in report.flags


def test_the_view_held_after_the_earlier_one_is_the_choice(library: CaseLibrary) -> None:
    text = "I was going to call this a role dispute. It is a role transition."
    assert points(score(library.get("p-05"), text), "problem_area") == 3.0
    assert points(score(library.get("p-19"), text), "problem_area") < 3.0  # the dispute was given up
    swapped = "I was going to call this a role transition, but it is a role dispute."
    assert points(score(library.get("p-19"), swapped), "problem_area") == 3.0
    assert points(score(library.get("p-05"), swapped), "problem_area") == 0


def test_every_area_as_a_view_given_up_chooses_none(library: CaseLibrary) -> None:
    text = ("My working hypothesis was grief. I was going to call this a role dispute. A role transition was my "
            "first guess. I had assumed interpersonal deficits.")
    for case_id in ("p-05", "p-19", "p-15"):
        assert points(score(library.get(case_id), text), "problem_area") == 0


def test_a_plain_choice_with_an_article_still_chooses(library: CaseLibrary) -> None:
    assert points(score(library.get("p-19"), "I would call this a role dispute."), "problem_area") == 3.0
    assert points(score(library.get("p-19"), "We call this a role dispute."), "problem_area") == 3.0


# --- batch 2, written after the fix and run once (tests/data/red11/batch2.yaml)

_BATCH2 = yaml.safe_load((Path(__file__).parent / "data" / "red11" / "batch2.yaml").read_text(encoding="utf-8"))


#: Honest answers the reasoning does not yet read as their area, on main before this round's fix as after it: the
#: plan that renegotiates and the lifelong lack of ties choose no area; the dispute's cause earns half the area point.
_NOT_YET = {"b5-paragraph-honest": "the dispute's cause read at half credit (1.5), as on main",
            "b7-plan-honest": "a renegotiation plan chooses no area from the reasoning, as on main",
            "b9-timeline-honest": "'never had a close friend' chooses no area from the reasoning, as on main"}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_NOT_YET[item["id"]], strict=True))
                                  if item["id"] in _NOT_YET else item for item in _BATCH2],
                         ids=[item["id"] for item in _BATCH2])
def test_the_second_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    assert points(report, "problem_area") == item["area"]
    if item["kind"] == "empty":
        assert report.total <= 3.0  # (b1's bullets keep 3.0 of evidence: the case's facts, dated)
