"""Round 12 attack on the scorer: the holes round 11 left open, closed as mechanisms.

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* closes a differential with a conclusion word in front of a list: "No death, so not grief; so a role dispute, a
  role transition or interpersonal deficits." The conclusion ("so", "on balance", "therefore") made the first area
  of the list the writer's decision, so the list was no stuffing and the first area was chosen (the dispute with the
  full point on every dispute case). A conclusion word in front of a list of alternatives concludes nothing
  (``areas._alternatives``): the list is read as the same list without it.

Honest answers next to them keep their credit: "so a role dispute with Patricia", "so a role dispute, with the
transition as secondary", "on balance a role transition rather than a dispute or deficits". Every answer here is our
own, written for this file for library cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary

_AREAS = {"grief": "grief", "role_dispute": "a role dispute", "role_transition": "a role transition",
          "interpersonal_deficits": "interpersonal deficits"}


def _all_cases(library: CaseLibrary) -> list:
    return [library.get(case_id) for case_id in sorted(library.cases) if library.get(case_id).reference is not None]


# --- a list of areas after a conclusion word

_SO_LISTS = [
    "No death, so not grief; so a role dispute, a role transition or interpersonal deficits.",
    "Nobody died, so not grief; so interpersonal deficits, a role transition or a role dispute.",
    "No death, so not grief. So: role transition, role dispute or interpersonal deficits.",
    "On balance, a role dispute or a role transition or interpersonal deficits.",
    "Therefore a role dispute, a role transition, and interpersonal deficits.",
]


@pytest.mark.parametrize("text", _SO_LISTS)
def test_a_list_after_a_conclusion_word_chooses_nothing(library: CaseLibrary, text: str) -> None:
    for case in _all_cases(library):
        report = score(case, text)
        assert points(report, "problem_area") == 0, case.id
        assert "keyword_stuffing" in report.flags


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-19", "No death, so not grief; so a role dispute with Patricia."),
    ("p-19", "No death, so not grief; so a role dispute, with a role transition as secondary."),
    ("p-19", "So a role dispute and a role transition."),  # two foci, the first the primary
    ("p-05", "On balance, a role transition rather than a role dispute or interpersonal deficits."),
    ("p-05", "So: a role transition. Not a role dispute or interpersonal deficits."),
])
def test_a_conclusion_that_names_one_area_still_decides(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert points(report, "problem_area") == 3.0
    assert "keyword_stuffing" not in report.flags


# --- batch 1, written before the fixes (tests/data/red12/batch1.yaml)

_BATCH1 = yaml.safe_load((Path(__file__).parent / "data" / "red12" / "batch1.yaml").read_text(encoding="utf-8"))
_LINKED = "You tied the onset"


@pytest.mark.parametrize("item", _BATCH1, ids=[item["id"] for item in _BATCH1])
def test_the_first_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    evidence = report.criterion("evidence_timeline")
    assert points(report, "problem_area") == item["area"]
    if "link" in item:
        assert (_LINKED in evidence.feedback) is item["link"]
    assert evidence.points <= item.get("evidence_max", 3.0)
    assert evidence.points >= item.get("evidence_min", 0.0)
