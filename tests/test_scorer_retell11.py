"""Round 11: answers that name no problem area, read for the claims they make (retell11).

Two opposite failures of the path that infers the area from an answer's reasoning (``area_from_reasoning``):

* a retelling (the case told back in notes, a letter, a paragraph or bullets: events, people and symptoms one after
  another, no claim about the cause, no plan) got the full area point for the events it told, because a word of
  narrative time ("after the tangi", "when Lucia tried to talk") sat next to them. It now earns no area credit,
  is flagged ``retelling`` and goes to review (``retelling.own_claims``);
* plain prose that reasons to the right area lost it where one of its own claims was read backwards: an event named
  as what a clause explains ("the rows over the oat milk come from the same place", "losing the job came afterwards
  because he could not function") was counted as the cause, and "he has never lived alone" as isolation
  (``areas._effect_before``, ``areas._never_alone``).

The answers are our own, written for study-half cases of sets M and N (tests/data/retell11/batch1.yaml, marked before
the scorer was changed; batch2.yaml, written after the first fix and run once).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ipt_training.cases.loader import load_case_file
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport
from ipt_training.scoring.retelling import own_claims
from tests.scoring_helpers import points

ROOT = Path(__file__).parent.parent
BENCH = ROOT / "benchmarks" / "data"
MINE = Path(__file__).parent / "data" / "retell11"


def _case(case_id: str):
    folder = "formulation_dev_m" if case_id.startswith("m-") else "formulation_dev_n"
    return load_case_file(BENCH / folder / "cases" / f"{case_id}.yaml")


def _score(case_id: str, text: str, area: ProblemArea | None = None) -> FormulationReport:
    case = _case(case_id)
    return score_formulation(FormulationAnswer(text=text, primary_area=area), case.reference, case=case)


def _batch(name: str, kind: str) -> list[dict]:
    items = yaml.safe_load((MINE / name).read_text(encoding="utf-8"))
    return [item for item in items if item["kind"] == kind]


_RETELLINGS = _batch("batch1.yaml", "retelling")
_REASONED = _batch("batch1.yaml", "reasoned")
_SECOND = _batch("batch2.yaml", "retelling") + _batch("batch2.yaml", "reasoned")


@pytest.mark.parametrize("item", _RETELLINGS, ids=lambda item: item["id"])
def test_a_retelling_earns_no_area_and_goes_to_review(item: dict) -> None:
    report = _score(item["case_id"], item["text"])
    assert points(report, "problem_area") == 0
    assert "no_commitment" in report.flags
    assert report.confidence <= 0.5
    assert report.total <= item["expert"]["total"] + 1


@pytest.mark.parametrize("item", _REASONED, ids=lambda item: item["id"])
def test_plain_prose_that_reasons_keeps_its_area(item: dict) -> None:
    report = _score(item["case_id"], item["text"])
    assert report.detected_primary is ProblemArea(item["expert"]["area"])
    assert points(report, "problem_area") == 3
    assert "retelling" not in report.flags


@pytest.mark.parametrize("item", _SECOND, ids=lambda item: item["id"])
def test_the_second_batch_is_read_as_marked(item: dict) -> None:
    """Batch 2 (written after the first fix): the area an examiner gives, no area for a retelling."""
    report = _score(item["case_id"], item["text"])
    expected = item["expert"]["area"]
    if expected == "none":
        assert points(report, "problem_area") == 0
    else:
        assert report.detected_primary is ProblemArea(expected)
        assert points(report, "problem_area") == 3


def test_the_retelling_feedback_says_what_is_missing() -> None:
    report = _score("n-07", _RETELLINGS[2]["text"])
    text = report.criterion("problem_area").feedback
    assert "tells the case back" in text and "Say which focus" in text


def test_a_retelling_with_the_area_named_keeps_the_area() -> None:
    """The rule is for answers that name no area: a note that names it is committed, however it tells the case."""
    text = _RETELLINGS[0]["text"]
    assert points(_score("m-03", text, ProblemArea.ROLE_TRANSITION), "problem_area") == 3
    assert points(_score("m-03", f"Role transition. {text}"), "problem_area") == 3


def test_one_claim_makes_a_retelling_a_formulation() -> None:
    """The same letter with one sentence that ties the mood to the event reads as reasoning again, and the events
    it only tells ("a disagreement about school fees in October") do not outvote the one it ties the mood to."""
    story = _RETELLINGS[9]["text"]
    tied = story + " He went downhill after the divorce left him alone in a flat for the first time in his life."
    assert points(_score("n-05", story), "problem_area") == 0
    report = _score("n-05", tied)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3
    assert "retelling" not in report.flags


def test_a_wrong_area_argued_in_plain_words_gains_nothing() -> None:
    """A claim chooses the area it argues for; reasoning to the wrong one is not rescued by the claim reader."""
    text = ("Gerhard's low mood comes from the fight with Lukas over the oat milk and the till. Since the sharp "
            "exchange in April he has been sleeping badly. I would help him sort out what each of them expects.")
    report = _score("m-03", text)
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(report, "problem_area") == 0


def test_a_keyword_list_is_not_read_as_a_claim() -> None:
    report = _score("n-07", "grief, transition, dispute, deficits, mourning, reinvest, reconstruct")
    assert points(report, "problem_area") == 0


# --- own_claims: sentence structure, not the case's facts

def _mood(tokens: list[str]) -> bool:
    return not {"low", "sleep", "sleeping", "slept", "depressed", "mood", "waking"}.isdisjoint(tokens)


@pytest.mark.parametrize("clause", [
    "since the divorce he has slept badly",
    "her sleep went about two months later",
    "she is low because she and her mother in law are stuck",
    "this comes from being on his own so much",
    "she has not let herself grieve",
    "he can not let go of the bakery",
    "what sits underneath is the loss of his place",
    "he has never had a close friend",
    "i think the merger is not what is wrong",
])
def test_claims_are_read(clause: str) -> None:
    assert own_claims([clause.split()], _mood, []) == [0]


@pytest.mark.parametrize("clause", [
    "since april she has slept four hours a night",
    "from about november he has been waking at three",
    "she went back to work eight days after the tangi",
    "when lucia tried to talk in march he left for a patient",
    "he has never lived alone before",
    "he has not appealed and did not like the job",
    "she has passive death wishes without a plan",
    "tired and angry when speaking of eetu",
])
def test_facts_told_are_not_claims(clause: str) -> None:
    tokens = clause.split()
    assert own_claims([tokens], _mood, []) == []
    assert own_claims([tokens], _mood, [0]) == []  # a fact read as a plan sentence is still no plan


def test_a_plan_sentence_of_the_writer_is_a_claim() -> None:
    assert own_claims([["i", "give", "him", "room", "to", "talk"]], _mood, [0]) == [0]
    assert own_claims([["i", "give", "him", "room", "to", "talk"]], _mood, []) == []


# --- the events a clause explains are not its causes

def test_an_event_a_clause_explains_does_not_choose_the_area() -> None:
    text = ("Matthew has been isolated all his life - no friends since Euan left, never a girlfriend, still at home - "
            "and his mood dropped last November without any event; losing the job came afterwards, because he was "
            "already unwell.")
    report = _score("m-11", text)
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    # the job loss said to be the cause still chooses the transition
    caused = _score("m-11", "Matthew became depressed because he lost his job in April; since then he has been "
                            "waking at three.")
    assert caused.detected_primary is ProblemArea.ROLE_TRANSITION


def test_never_having_lived_alone_is_no_isolation() -> None:
    text = "He has never lived alone; since the divorce moved him into a small flat he has gone downhill."
    assert _score("n-05", text).detected_primary is ProblemArea.ROLE_TRANSITION
    lonely = _score("m-11", "Matthew has always been alone and has never had a friend since school; his mood dropped "
                            "without any event.")
    assert lonely.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
