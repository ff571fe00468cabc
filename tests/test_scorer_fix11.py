"""Round 11 (fix11): how a differential, a comparison and a change of mind are read from the sentence.

A senior trainer's review (trainer11a) found excellent answers halved as "two formulations" or "argues against its
own focus" for the reasoning the course asks for:

* a negation reached across an arrow of inference: "no death -> RT by convention, not grief" denied the transition
  it concludes. An arrow ("->", "=>", "→") now reads as "so", and a negation does not reach past a word that starts
  a conclusion ("so", "therefore", "hence", "thus"; not "not so much grief") (``text.matcher.is_negated``);
* an area named as the standard of a comparison, "mourn it, much as in a transition", "as one would with a role
  transition", was read as a second focus. It is now weighed, like "it's like a bereavement"
  (``areas._compared``);
* a "no" that determines a fact after an area, "Social isolation, no trigger", was read as "Deficits: no". A "no"
  followed by a noun refuses the area only when the noun is what the area needs ("grief, no death") or the evidence
  for it ("no evidence", "no sign") (``areas._refused_after``);
* hedges read in opposite directions: a differential of three areas that leans to one ("I would probably start with
  the dispute") was stuffing (no area), while "two problem areas seem equally important ... I would work on both"
  was a full commitment to the first. An answer that leans to one of three areas it names, or that says its areas
  weigh the same, now commits tentatively: half of the area's credit (``areas.decide_areas``, ``_weighed_evenly``);
* (not changed: the copied-vignette check on own-words answers that quote a fact or two. Exempting an answer that
  names its focus, states a plan and copies under a fifth of its clauses whole lifts trainer11a's p25-dispute and
  p26-good, but also lifts trainer9's b5#3 p-14 note from 8.5 to 9.5 - its examiner's 8.5, which the scorer met
  only through the copy flag. The guards below, a pasted story with a label and a plan, stay.)
* a change of mind: the view the writer held first and left ("made me think first of deficits", "I was going to
  call this deficits", "my working hypothesis was ...", "deficits was my first guess", "I had assumed this was
  grief", "grief was where I started") was read as a commitment, so the answer was marked on the area it rejected
  or halved (``areas._earlier_view``, ``areas._thought_of``).

Every answer in tests/data/fix11/ is our own (batch1, written before the fixes, and batch2, written after them and
run once), except trainer11a.yaml: three of the trainer's answers with the trainer's marks. The answers that must
not gain are a real self-contradiction, a turn from one area to another with no word of revision, a hedge between
two areas, keyword lists (one with arrows) and an answer that really plans for a second area.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.areas import _compared, _earlier_view, _refused_after, _thought_of
from ipt_training.text.matcher import is_negated
from ipt_training.text.normalize import clauses

DATA = Path(__file__).parent / "data" / "fix11"
_HALVING = {"self_contradiction", "two_readings", "conflicting_claims"}


def _answers(*names: str) -> list[dict[str, Any]]:
    return [item for name in names for item in yaml.safe_load((DATA / name).read_text())]


_ALL = _answers("batch1.yaml", "batch2.yaml", "trainer11a.yaml")
_HEDGES = _answers("hedges.yaml")
_GAIN = [a for a in _ALL if a["kind"] == "gain"]
_KEEP = [a for a in _ALL if a["kind"] == "keep"]


@pytest.mark.parametrize("item", _GAIN, ids=[a["id"] for a in _GAIN])
def test_a_differential_comparison_or_revision_is_one_formulation(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    assert _HALVING.isdisjoint(report.flags), report.as_text()
    assert report.detected_primary is library.get(item["case_id"]).reference.primary_area
    assert report.total >= item["mark"] - 1.5, report.as_text()


@pytest.mark.parametrize("item", [pytest.param(a, marks=pytest.mark.xfail(strict=True, reason=a["known"]))
                                  if "known" in a else a for a in _KEEP], ids=[a["id"] for a in _KEEP])
def test_contradictions_hedges_and_lists_gain_nothing(library: CaseLibrary, item: dict[str, Any]) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    assert report.total <= item["mark"] + 1.0, report.as_text()


@pytest.mark.parametrize("item_id", ["f1-real-contradiction", "f1-real-turn-no-marker"])
def test_a_real_turn_is_still_two_readings(library: CaseLibrary, item_id: str) -> None:
    item = next(a for a in _ALL if a["id"] == item_id)
    report = score(library.get(item["case_id"]), item["text"])
    assert "self_contradiction" in report.flags


def _span(text: str, phrase: str) -> tuple[list[str], int, int]:
    tokens = clauses(text)[0]
    words = phrase.split()
    start = next(i for i in range(len(tokens)) if tokens[i:i + len(words)] == words)
    return tokens, start, start + len(words) - 1


@pytest.mark.parametrize(("text", "phrase", "negated"), [
    ("No death -> RT by convention", "role transition", False),
    ("No death => RT by convention", "role transition", False),
    ("No death \u2192 RT by convention", "role transition", False),
    ("nobody died, therefore a transition", "transition", False),
    ("no death so a transition", "transition", False),
    ("not so much grief as a transition", "grief", True),   # "so much" keeps the negation
    ("no death -> not grief", "grief", True),                # the conclusion's own negation
    ("this is not a transition", "transition", True),
    ("no sign of grief here", "grief", True),
])
def test_a_negation_stays_with_its_premise(text: str, phrase: str, negated: bool) -> None:
    tokens, start, end = _span(text, phrase)
    assert is_negated(tokens, start, end) is negated


@pytest.mark.parametrize(("before", "compared"), [
    ("mourn it much as in a", True),
    ("grieve the friendship as one would with a", True),
    ("it feels as if it were", True),
    ("we will treat this as a", False),       # naming the focus
    ("as for the", False),                    # turning to a topic
    ("i see this as", False),
    ("the focus is a", False),
])
def test_an_area_as_the_standard_of_a_comparison(before: str, compared: bool) -> None:
    assert _compared(before.split()) is compared


@pytest.mark.parametrize(("after", "area", "refused"), [
    ("no trigger phq-9 16", ProblemArea.INTERPERSONAL_DEFICITS, False),
    ("no change in years", ProblemArea.INTERPERSONAL_DEFICITS, False),
    ("no death", ProblemArea.GRIEF, True),
    ("no conflict at home", ProblemArea.ROLE_DISPUTE, True),
    ("no evidence", ProblemArea.ROLE_TRANSITION, True),
    ("also no", ProblemArea.INTERPERSONAL_DEFICITS, True),
    ("no he had friends", ProblemArea.INTERPERSONAL_DEFICITS, True),
])
def test_a_no_that_determines_a_fact_is_no_refusal(after: str, area: ProblemArea, refused: bool) -> None:
    tokens = ["area", *after.split()]
    assert _refused_after(tokens, 0, area) is refused


@pytest.mark.parametrize(("before", "after", "earlier"), [
    ("i was going to call this", [], True),
    ("i would have said", [], True),
    ("i had assumed this was", [], True),
    ("my working hypothesis was", [], True),
    ("my first impression was", [], True),
    ("", ["was", "my", "first"], True),
    ("", ["was", "where", "i"], True),
    ("she was going to retire a", [], False),   # the patient's plan, not the writer's view
    ("i think this is a", [], False),
    ("the focus is", [], False),
    ("", ["was", "the", "focus"], False),
])
def test_a_view_the_writer_held_first(before: str, after: list[str], earlier: bool) -> None:
    assert _earlier_view(before.split(), after) is earlier


def test_a_thought_that_came_first_is_weighed() -> None:
    assert _thought_of(["chiara", "description", "made", "me", "think", "first", "of"])
    assert _thought_of(["i", "thought", "at", "first", "about"])
    assert not _thought_of(["i", "think", "this", "is"])


@pytest.mark.parametrize("item", [pytest.param(a, marks=pytest.mark.xfail(strict=True, reason=a["known"]))
                                  if "known" in a else a for a in _HEDGES], ids=[a["id"] for a in _HEDGES])
def test_hedges_and_copied_facts(library: CaseLibrary, item: dict[str, Any]) -> None:
    case = library.get(item["case_id"])
    report = score(case, item["text"])
    area = report.criterion("problem_area")
    if "tentative" in item:
        assert report.detected_primary is not None
        assert (area.points < area.max_points) is item["tentative"], report.as_text()
    if "stuffing" in item:
        assert ("keyword_stuffing" in report.flags) is item["stuffing"]
    if "pasted" in item:
        assert ("pasted_vignette" in report.flags) is item["pasted"]
    assert abs(report.total - item["mark"]) <= 1.5, report.as_text()


@pytest.mark.parametrize("item_id", ["q-pasted-plus-label", "q-pasted-plus-plan"])
def test_a_pasted_story_with_a_label_and_a_plan_is_still_pasted(library: CaseLibrary, item_id: str) -> None:
    item = next(a for a in _HEDGES if a["id"] == item_id)
    assert "pasted_vignette" in score(library.get(item["case_id"]), item["text"]).flags
