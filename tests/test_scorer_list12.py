"""Round 12 (list12): a list is a list whatever separates its items, and a note's clinical shorthand is read.

A senior trainer's review (trainer12b, C1 and C2) found:

* **C1**: "Grief (wife d. 03/25, onset 05/25). ..." scored 1.5 of 10 ("lists terms without sentences"), the same note
  with "died" 9.5. The full stop after "d" ended the clause, so the death was cut from its date and the onset, no
  link was read, and a terse note without its link was read as a bare list. Clinical shorthand of events and time
  ("d." / "\u2020", "3/12 after", "for 2/52", "77yo", "c/o", "hip #") is now written out before the answer is read
  (``shorthand.py``).
* **C2**: a bare keyword list scored 8 of 10 with commas and 4.5 with semicolons. Items are now cut at every
  separator (commas too, lower-case short lines as well), and an item is judged by what it says, not by its length:
  a verb, an arrow or six words say something, a tie of time ("onset after the move") a little, a name or concept
  nothing (``fragments.py``, ``readability.py``). A plan under its heading is a list in any note and is not judged;
  a claim with its evidence in brackets is one item. A list that chooses its area explicitly ("PA: role
  dispute - impasse. ...") still commits to it.

Every answer in tests/data/list12/ is our own: batch-a.yaml was written and marked before any change, batch-b.yaml
after the first fix and run once (it changed none of them: its lists were already caught, its notes already read).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.fragments import says_something
from ipt_training.scoring.shorthand import expand_shorthand

DATA = Path(__file__).parent / "data" / "list12"
_A = list(yaml.safe_load((DATA / "batch-a.yaml").read_text()))
_B = list(yaml.safe_load((DATA / "batch-b.yaml").read_text()))
_LISTS = [a for a in _A + _B if a["kind"] == "keyword_list"]
_NOTES = [a for a in _A + _B if a["kind"] in {"terse", "prose"}]
_SEPARATORS = {"comma": ", ", "semicolon": "; ", "slash": " / ", "dash": " - ", "lines": "\n", "bullets": "\n* "}
#: The trainer's excellent terse note (p-03), with the death written as ``{died}``.
_TERSE = ("Grief (wife {died} 03/25, onset 05/25). Guilt re PEG decision, avoids grave/belongings. 2nd: dispute w/ "
          "son, impasse. Goals mourn + reinvest. Plan: events of death, forbidden feelings, reconstruct relationship.")
#: The trainer's keyword list (p-13), the course's "list of one area's concepts plus names and events".
_KEYWORDS = ["grief", "death of husband", "had to be strong", "not cried", "saint", "bills", "loan", "choir", "mourn",
             "reinvest", "reconstruct", "forbidden feelings", "events of death", "encourage affect", "link onset"]


def _items(text: str) -> list[str]:
    return [p.strip(" *") for p in re.split(r",|;|\s/\s|\n|\s-\s", text) if p.strip(" *")]


@pytest.mark.parametrize("died", ["d.", "d", "\u2020", "d. in"])
def test_a_death_in_shorthand_is_read_as_the_death(library: CaseLibrary, died: str) -> None:
    case = library.get("p-03")
    short = score(case, _TERSE.format(died=died))
    spelled = score(case, _TERSE.format(died="died" + (" in" if died.endswith("in") else "")))
    assert spelled.total >= 9.0, spelled.as_text()  # the trainer's mark is 9.5
    assert short.total == spelled.total, short.as_text()
    assert "list_without_reasoning" not in short.flags and "no_commitment" not in short.flags


@pytest.mark.parametrize(("text", "expected"), [
    ("wife d. 03/25, onset 05/25", "wife died 03/25, onset 05/25"),
    ("mother d. Jan 2021; father d. aged 80", "mother died Jan 2021; father died aged 80"),
    ("Michiko \u20202/2024", "Michiko died 2/2024"),
    ("sx 2/12 after the move, for 3/52", "sx 2 months after the move, for 3 weeks"),
    ("Pt 77yo widower, c/o poor sleep", "Pt 77 years old widower, complains of poor sleep"),
    ("hip # in May", "hip fracture  in May"),
])
def test_clinical_shorthand_is_written_out(text: str, expected: str) -> None:
    assert expand_shorthand(text) == expected


@pytest.mark.parametrize("text", ["Dr D. Osei saw her", "onset 03/25, move 12/24", "item #3 of the plan",
                                  "plan a) b) c) d) e)", "she scored 3/7 on the quiz"])
def test_what_only_looks_like_shorthand_is_left_alone(text: str) -> None:
    assert expand_shorthand(text) == text


@pytest.mark.parametrize(("item", "said"), [
    ("Kwabena", 0), ("delayed grief", 0), ("reconstruct relationship", 0), ("forty guests", 0), ("no tears", 0),
    ("onset after the move", 1),
    ("wife died 03/25", 2), ("had to be strong", 2), ("wet market avoided", 2), ("moved to Winnipeg", 2),
    ("move -> low mood", 2), ("she stopped going to the choir", 2),
])
def test_an_item_is_judged_by_what_it_says(item: str, said: int) -> None:
    assert says_something(item) == said


@pytest.mark.parametrize("name", list(_SEPARATORS))
def test_the_trainers_keyword_list_is_a_list_whatever_separates_it(library: CaseLibrary, name: str) -> None:
    text = ("* " if name == "bullets" else "") + _SEPARATORS[name].join(_KEYWORDS)
    report = score(library.get("p-13"), text)
    assert "list_without_reasoning" in report.flags, report.as_text()
    # the trainer's mark is 5; the comma list scored 8. (Cut at " - ", its fragments are cut into more clauses and
    # state a little more evidence: 6.)
    assert report.total <= 6.0, report.as_text()


@pytest.mark.parametrize("item", _LISTS, ids=[a["id"] for a in _LISTS])
def test_our_keyword_lists_are_lists_with_every_separator(library: CaseLibrary, item: dict[str, Any]) -> None:
    case = library.get(item["case_id"])
    totals = []
    for name, separator in _SEPARATORS.items():
        report = score(case, ("* " if name == "bullets" else "") + separator.join(_items(item["text"])))
        assert "list_without_reasoning" in report.flags, (name, report.as_text())
        totals.append(report.total)
    # marked 1.5-4.5; the evidence a list's fragments state still varies a little with how they are cut
    assert max(totals) <= item["mark"] + 2.0, totals


@pytest.mark.parametrize("item", _NOTES, ids=[a["id"] for a in _NOTES])
def test_terse_notes_and_comma_rich_prose_keep_their_credit(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    assert "list_without_reasoning" not in report.flags, report.as_text()
    # (two of them, a-tr-p14-arrow and a-pr-p26-commas, lose a link point on main as well: 8.5 of 10)
    assert report.total >= item["mark"] - 1.5, report.as_text()


def test_honest_prose_full_of_commas_is_not_a_list(library: CaseLibrary) -> None:
    text = ("Role transition. He lost his job, his team, his routine and, with them, his sense of who he was, "
            "his friends, his league, his cooking, his evenings, his weekends and his calls to Rosa; about two "
            "months after the move he began waking at four. Goals: mourn the old role, build mastery in the new.")
    report = score(library.get("p-05"), text)
    assert "list_without_reasoning" not in report.flags, report.as_text()


def test_a_list_that_chooses_its_area_explicitly_commits_one_that_names_several_does_not(
        library: CaseLibrary) -> None:
    chosen = score(library.get("p-14"), "PA: role dispute - renegotiation. Jonas, Mareike, baby, degree, money, "
                                        "rows, summer deadline. Expectations, options, CA, RP. Grief = no death.")
    assert "list_without_reasoning" in chosen.flags and "no_commitment" not in chosen.flags, chosen.as_text()
    assert chosen.criterion("problem_area").points == 3.0
    several = score(library.get("p-07"), next(a["text"] for a in _A if a["id"] == "a-kw-p07-multi"))
    assert "no_commitment" in several.flags and several.criterion("problem_area").points == 0.0
