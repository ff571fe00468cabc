"""Keyword lists and vignette quotes (round 14): credit what an item or a sentence of the answer asserts.

Every answer here is our own: tests/data/list14/batch-a.yaml was written and marked before any change to the scorer,
batch-b.yaml after the first fix and run once (figures in the round's report). The mechanisms:

* an event with its date states a fact in a list ("Kwabena - stroke death 01/2025"); a date alone, a name or a label
  does not ("January 2025", "Kwabena", "avoidance"), and neither does a word in an empty frame ("There was a death");
* an item of several words keeps its fact inside a run of single words (``word_lists.py``);
* a short list (three items or more, none saying anything) is a list however few its words;
* a copied vignette followed by a sentence of the answer's own that says what the problem is ("So I think the move
  is the problem.") chooses that focus in lay words; a description added to the copy chooses nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from scoring_helpers import benchmark_case, points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.fragments import unframed
from ipt_training.scoring.own_focus import own_problem_said
from ipt_training.scoring.statements import stated_tokens, states
from ipt_training.text.normalize import clauses

DATA = Path(__file__).parent / "data" / "list14"
_A = list(yaml.safe_load((DATA / "batch-a.yaml").read_text()))
_MUST_NOT_GAIN = ("bare_list", "short_list", "pasted")
_STUDY_FOLDERS = {"j": "formulation_dev_r"}


def _case(library: CaseLibrary, case_id: str) -> Any:
    if case_id[0] in _STUDY_FOLDERS:
        return benchmark_case(_STUDY_FOLDERS[case_id[0]], case_id)
    return library.get(case_id)


def _tokens(text: str) -> list[str]:
    return [token for part in clauses(text, quotes=True) for token in part]


@pytest.mark.parametrize("item", ["death 10/2023", "stroke Oct 23", "row with Fernanda 05/2024",
                                  "Academy release 10/24", "Newspaper closure 03/2025"])
def test_an_event_with_its_date_states_that_it_happened(item: str) -> None:
    assert states(_tokens(item))


@pytest.mark.parametrize("item", ["January 2025", "Feb 2024", "grief 2024", "12 sessions", "Comfort 68",
                                  "delayed grief", "Avoidance"])
def test_a_date_alone_a_label_or_a_count_states_nothing(item: str) -> None:
    assert not states(_tokens(item))


def test_a_word_in_an_empty_frame_states_nothing_but_a_dated_fact_in_one_does() -> None:
    assert unframed("There was a death") == "death"
    assert unframed("Kwabena died") == "Kwabena died"
    framed = "There was a death. There was a funeral. There was grief."
    assert not stated_tokens(framed, clauses(framed, quotes=True))
    dated = "There was a death in January 2025. There was grief."
    assert stated_tokens(dated, clauses(dated, quotes=True))


def test_a_dated_death_among_single_words_keeps_its_evidence(library: CaseLibrary) -> None:
    case = library.get("p-13")
    tail = " / Ama / Grace / choir / cemetery / mourning / reinvestment / reconstruction"
    dated = score(case, "Grief / Kwabena - stroke death 01/2025" + tail)
    undated = score(case, "Grief / Kwabena / stroke / January 2025" + tail)
    assert "list_without_reasoning" in dated.flags and "list_without_reasoning" in undated.flags
    assert points(undated, "evidence_timeline") == 0.0  # names, a word and a date: nothing stated
    assert points(dated, "evidence_timeline") > points(undated, "evidence_timeline")
    assert dated.total <= 4.5  # still a bare list: the area, one fact, goal words capped


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-13", "Grief. Kwabena. Mourning, reinvestment."),
    ("p-05", "RT: Winnipeg, Clara. Mourn old role, mastery."),
    ("p-13", "Grief. Kwabena. January 2025. March. Choir. Grace. Ama. Mourning. Reinvestment."),
    ("p-13", "There was a death. There was a funeral. There was a choir. There was grief. Mourning. Reinvestment."),
])
def test_a_short_keyword_list_is_a_list(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert "list_without_reasoning" in report.flags
    assert points(report, "evidence_timeline") == 0.0
    assert points(report, "goals") <= 0.5
    assert report.total <= 4.0  # an examiner gives such a list about 3.5


def test_a_short_note_that_states_the_death_and_the_onset_is_no_list(library: CaseLibrary) -> None:
    report = score(library.get("p-13"), "Grief: Kwabena died Jan 2025, onset in March, two months later. Goal: "
                                        "mourning.")
    assert "list_without_reasoning" not in report.flags
    assert points(report, "evidence_timeline") >= 1.0


def _pasted(library: CaseLibrary) -> str:
    return ". ".join(library.get("p-05").vignette.split(". ")[:3]) + "."


def test_a_copied_vignette_closed_by_the_answers_own_claim_chooses_its_focus(library: CaseLibrary) -> None:
    report = score(library.get("p-05"), _pasted(library) + " So I think the move is the problem.")
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3.0
    assert "pasted_vignette" in report.flags and "no_commitment" not in report.flags
    # the copy still earns its facts and no link, and plans nothing
    assert points(report, "evidence_timeline") <= 2.0
    assert points(report, "goals") == 0.0 and points(report, "strategies") == 0.0


@pytest.mark.parametrize("close", ["", " So, depression with low mood.", " The move is not the problem.",
                                   " There was a move. There was a change."])
def test_a_copied_vignette_with_no_claim_of_its_own_chooses_nothing(library: CaseLibrary, close: str) -> None:
    report = score(library.get("p-05"), _pasted(library) + close)
    assert points(report, "problem_area") == 0.0
    assert "no_commitment" in report.flags
    assert report.total <= 2.5


def test_a_claim_copied_from_the_vignette_is_not_the_answers_own() -> None:
    prepared = clauses("The problem is the move. He is low.", quotes=True)
    assert own_problem_said(prepared, ())
    assert not own_problem_said(prepared, (0,))  # the claim is the case's sentence, copied


@pytest.mark.parametrize("item", [a for a in _A if a["kind"] in _MUST_NOT_GAIN], ids=lambda a: a["id"])
def test_our_bare_lists_and_pastes_earn_no_more_than_their_mark(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(_case(library, item["case_id"]), item["text"])
    if item["id"] == "a-j01-frames":
        # "There was grief." still reads as naming the area (open: the mark gives the frame no area)
        assert report.total <= 4.0
    else:
        assert report.total <= item["marks"]["total"] + 0.5


@pytest.mark.parametrize("item", [a for a in _A if a["kind"] not in _MUST_NOT_GAIN], ids=lambda a: a["id"])
def test_our_terse_lists_and_reasoned_quotes_keep_their_credit(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(_case(library, item["case_id"]), item["text"])
    assert report.total >= item["marks"]["total"] - 1.0
