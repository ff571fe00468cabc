"""Round 11 (list11): a textbook plan with one date in it, and two foci named as equally important.

A senior trainer's review (trainer11c) found:

* the area's textbook list ("Interpersonal deficits. Social isolation, no trigger, PHQ-9 16. Goals: reduce isolation,
  form new relationships. Strategies: ...") scored 8-9.5 of 10 once it held one date or number of the case: that one
  token counted as a fact of the patient, so the answer was no longer "no case facts", its "no trigger" counted as the
  deficits link, the link switched off the bare-list rule, and its goals and strategies earned full credit. A date or
  a number says when, not what happened to this patient: an answer whose only facts are dates, numbers or a score
  (and at most one other word that the case happens to share) is now read as stating no fact
  (``FactReading.when_only``), as a name alone already was; and an answer with no fact of the case that speaks of
  nobody at all (no name, relationship word, "he", "she" or "you") earns the textbook quarter for its goals and
  strategies at any length, not only from 30 words (``FactReading.speaks_of_someone``); the area's feedback no
  longer credits such an answer with the case's reason for its focus;
* "two areas seem equally important ... I would work on both" was marked as leaning towards the first ("the focus you
  lean towards"), at half the area credit, and a plan for the second was halved again as another area's. When the two
  areas are the case's own primary and secondary, the answer now loses one area point for not saying which comes
  first, and its plan for either is the case's plan; when they are not, the first is marked at half as before, and
  the feedback says what the answer did (two foci named as equal), not that it leaned.

Every answer in tests/data/list11/ is our own: batch1.yaml was written and marked before any change; batch2.yaml
after the date fix, run once (4 templates: 9.5, 7, 7, 8.5 on main -> 4, 7, 4, 5; honest answers unchanged; the 7
is a short template, now 4 too: a short answer with no fact that speaks of nobody earns the textbook quarter);
equal.yaml after the change to the equal-weight reading was coded, marked before it was run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.specificity import facts_for, read_facts
from ipt_training.text.normalize import clauses

DATA = Path(__file__).parent / "data" / "list11"


def _answers(name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((DATA / name).read_text()))


_BATCH1 = _answers("batch1.yaml")
_EQUAL = _answers("equal.yaml")
_BATCH2 = _answers("batch2.yaml")
#: the templates that carry one date, number or score of the case (the hole the review found)
_DATED = ["t-def-phq-p21", "t-def-month-p08", "t-def-month-p04", "t-grief-month-p13", "t-rt-month-p05",
          "t-rt-month-p01", "t-rd-month-p14"]


def _item(items: list[dict[str, Any]], item_id: str) -> dict[str, Any]:
    return next(a for a in items if a["id"] == item_id)


@pytest.mark.parametrize("item_id", _DATED)
def test_a_textbook_plan_with_one_date_is_still_a_textbook_plan(library: CaseLibrary, item_id: str) -> None:
    item = _item(_BATCH1, item_id)
    report = score(library.get(item["case_id"]), item["text"])
    assert "no_case_facts" in report.flags, report.as_text()
    plan = report.criterion("goals").points + report.criterion("strategies").points
    assert plan <= 1.0, report.as_text()
    assert report.total <= item["mark"] + 2.0, report.as_text()
    # neither the evidence line nor the area praises reasoning the answer did not give
    assert "You showed that" not in report.criterion("evidence_timeline").feedback
    assert "does not show why" in report.criterion("problem_area").feedback
    assert "explains the onset" not in report.criterion("problem_area").feedback


@pytest.mark.parametrize("item", [a for a in _BATCH2 if a["kind"] == "template"],
                         ids=[a["id"] for a in _BATCH2 if a["kind"] == "template"])
def test_batch_two_templates_are_read_as_naming_no_fact(library: CaseLibrary, item: dict[str, Any]) -> None:
    """Written after the date fix and run once: every one was read as no case facts, three of four lost their full
    plan credit; the fourth (under 30 words, not a list) did once a short answer speaking of nobody was read too."""
    report = score(library.get(item["case_id"]), item["text"])
    assert "no_case_facts" in report.flags, report.as_text()
    assert report.criterion("goals").points + report.criterion("strategies").points <= 1.0, report.as_text()
    assert report.total <= item["mark"] + 2.0, report.as_text()


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-08", "Deficits - he has always been a loner and never had close friends. Aim: help him socialise more."),
    ("p-05", "Transition: he stopped working and is now depressed. He should reconnect with old friends."),
])
def test_a_short_plain_account_of_the_patient_is_not_a_textbook_plan(library: CaseLibrary, case_id: str,
                                                                      text: str) -> None:
    """Short answers that speak of the patient in plain words, with no fact word of the case, keep their plan."""
    report = score(library.get(case_id), text)
    assert "earn a quarter" not in report.criterion("goals").feedback, report.as_text()


@pytest.mark.parametrize("item", [a for a in _BATCH1 + _BATCH2 if a["kind"] in {"honest", "factlist"}],
                         ids=[a["id"] for a in _BATCH1 + _BATCH2 if a["kind"] in {"honest", "factlist"}])
def test_answers_that_name_the_case_keep_their_credit(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(library.get(item["case_id"]), item["text"], rubric=item.get("rubric", "supervision"))
    assert "no_case_facts" not in report.flags, report.as_text()
    assert report.total >= item["mark"] - 1.5, report.as_text()


@pytest.mark.parametrize(("case_id", "text", "when_only"), [
    ("p-21", "Deficits. Social isolation, no trigger, PHQ-9 16.", True),
    ("p-08", "Deficits, isolation, no trigger, since January 2025.", True),
    ("p-14", "Role dispute since December 2024, renegotiation.", True),
    ("p-08", "Deficits: Sander has had no close friend since Bram moved away; low since January 2025.", False),
    ("p-13", "Grief: Kwabena died in January 2025 and she left the choir in March.", False),
    ("p-05", "The move to Winnipeg cost him his team and his futsal.", False),
])
def test_dates_alone_say_when_not_what(library: CaseLibrary, case_id: str, text: str, when_only: bool) -> None:
    case = library.get(case_id)
    reading = read_facts(facts_for(case.reference, case), clauses(text))
    assert reading.when_only() is when_only


def test_one_date_does_not_lift_the_list_rule(library: CaseLibrary) -> None:
    """The same template with and without its date scores the same."""
    bare, dated = _item(_BATCH1, "t-def-bare-p21"), _item(_BATCH1, "t-def-phq-p21")
    case = library.get("p-21")
    assert score(case, dated["text"]).total == score(case, bare["text"]).total
    assert "list_without_reasoning" in score(case, dated["text"]).flags


@pytest.mark.parametrize("item_id", ["e-pair-p12", "e-pair-p03"])
def test_the_case_s_two_foci_named_as_equal_lose_one_area_point_only(library: CaseLibrary, item_id: str) -> None:
    item = _item(_EQUAL, item_id)
    case = library.get(item["case_id"])
    report = score(case, item["text"])
    area = report.criterion("problem_area")
    assert area.points == area.max_points - 1.0, report.as_text()
    assert "inconsistent_plan" not in report.flags, report.as_text()
    assert "lean towards" not in area.feedback
    assert "equally important" in area.feedback
    assert {report.detected_primary, report.detected_secondary} == {case.reference.primary_area,
                                                                      case.reference.secondary_area}


def test_two_foci_that_are_not_the_case_s_pair_keep_half_credit(library: CaseLibrary) -> None:
    item = _item(_EQUAL, "e-other-p06")
    report = score(library.get(item["case_id"]), item["text"])
    area = report.criterion("problem_area")
    assert area.points == area.max_points / 2
    assert "lean towards" not in area.feedback
    assert "first of the two foci" in area.feedback
    assert abs(report.total - item["mark"]) <= 1.0


def test_a_real_lean_is_still_a_lean(library: CaseLibrary) -> None:
    item = _item(_EQUAL, "e-lean-p12")
    report = score(library.get(item["case_id"]), item["text"])
    area = report.criterion("problem_area")
    assert area.points == area.max_points / 2
    assert "lean towards" in area.feedback
