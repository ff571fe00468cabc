"""Evidence and timeline credit (round 13, ev13): a fact told with another word for it, and the link implied by dates.

The examiners credit a fact however it is told and give half the link's point where the answer dates the key event
and the onset without saying how they are tied. These tests hold each mechanism with answers that must gain and
answers that must not: a death told by how it happened ("Jesper drowned" is "the death of his friend"), the kin
words and accident words of a note ("bro", "MVA"), a denied word found by its negative prefix ("not signed" is
"unsigned"), anger in milder words ("annoyed"); the implied link, not from a list of names and dates, a pasted
vignette, or an answer that denies the tie. The references are invented for these tests; the answers in
``tests/data/ev13/`` are invented too (none comes from a benchmark set), marked as an examiner would, and run against
study-half cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import benchmark_case

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import sentence_terms
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer

_DATA = Path(__file__).resolve().parent / "data" / "ev13"

GRIEF = ReferenceFormulation.model_validate({
    "primary_area": "grief",
    "key_evidence": [
        {"id": "drowned", "hint": "Whose loss?",
         "text": "In September his closest friend Jesper drowned when his dinghy capsized."},
        {"id": "put_off", "hint": "How did he mourn?",
         "text": "He gave the eulogy without a tremor and was back teaching the next morning."},
        {"id": "money", "hint": "What was left unsaid?",
         "text": "He was annoyed that Jesper had asked him for money again."},
        {"id": "unsent", "hint": "What has he not done?",
         "text": "He wrote Mette a letter but has not sent it."},
    ],
    "timeline_link": {"id": "onset_after_death", "hint": "When did it start?",
                      "text": "His symptoms began in November, about two months after Jesper drowned."},
    "goals": ["grief.mourn", "grief.reinvest"],
    "strategies": ["general.link_onset", "grief.reconstruct"],
    "rationale": "The death of his friend two months before onset.",
    "formulation": "You have depression. It began two months after Jesper drowned.",
})

def _cited(text: str, reference: ReferenceFormulation = GRIEF) -> set[str]:
    return set(score_formulation(FormulationAnswer(text=text), reference).evidence_cited)


# ------------------------------------------------------------------------------ a death told by how it happened

@pytest.mark.parametrize("text", [
    "Grief: the death of his friend Jesper in the autumn.",
    "Grief. His friend Jesper is dead since september.",
])
def test_a_drowning_is_the_death(text: str) -> None:
    assert "drowned" in _cited(text)


@pytest.mark.parametrize("text", [
    "Grief. He nearly drowned as a boy.",  # a word of the item, not the death of anyone of the case
    "Grief. Jesper was his friend since school.",  # the name and a common word of who he is
])
def test_drowning_or_the_name_alone_is_not_the_death(text: str) -> None:
    assert "drowned" not in _cited(text)


# ----------------------------------------------------------------------------------- a note's kin and accident words

def test_a_notes_bro_and_mva_are_the_brother_and_the_accident() -> None:
    case = benchmark_case("formulation_dev_e", "t-07")
    assert case.reference is not None
    for text, cites in (("PA: grief. His bro was killed in an MVA in 8/24.", True),
                        ("PA: grief. Bro lives in London.", False), ("PA: grief. MVA 8/24.", False)):
        cited = score_formulation(FormulationAnswer(text=text), case.reference, case=case).evidence_cited
        assert ("brother_died" in cited) is cites, text


# ------------------------------------------------------------------------------------ anger in milder words

def test_annoyance_about_money_is_the_annoyed_item() -> None:
    assert "money" in _cited("Grief. There is anger about the money too.")


def test_money_alone_is_not_the_annoyance() -> None:
    assert "money" not in _cited("Grief. Money is tight since he went part-time.")


# --------------------------------------------------------------------------------------- the negative prefix

def test_a_denied_word_is_also_found_by_its_negative_prefix() -> None:
    cues = {c for t in sentence_terms("The sale has not been signed.") for c in t.cues}
    assert "unsign*" in cues
    assert "unsent" in {c for t in sentence_terms("She drafted a complaint without sending it.") for c in t.cues}


def test_a_word_the_sentence_does_not_deny_gets_no_negative_prefix() -> None:
    cues = {c for t in sentence_terms("She signed the lease in May and sent the keys.") for c in t.cues}
    assert not any(c.startswith("un") for c in cues)


def test_an_unsent_letter_to_mette_cites_the_item() -> None:
    assert "unsent" in _cited("Grief. His letter is still unsent.")


def test_a_letter_that_was_sent_is_not_the_unsent_one() -> None:
    assert "unsent" not in _cited("Grief. He is unsure about the school letter.")


# --------------------------------------------------------------------------- the link implied by the dates


def _evidence(text: str, case: Case) -> float:
    assert case.reference is not None
    return score_formulation(FormulationAnswer(text=text), case.reference, case=case).criterion(
        "evidence_timeline").points


_DEATH = "Grief. Her father Stanislaw died in February 2025. She did not cry at the funeral. "


def test_the_event_and_the_onset_dated_apart_earn_half_the_link() -> None:
    case = benchmark_case("formulation_dev_d", "h-01")
    undated = _evidence(_DEATH + "Her low mood is worse in the mornings.", case)
    apart = _evidence(_DEATH + "Her low mood began in April 2025.", case)
    tied = _evidence(_DEATH + "Her low mood began in April 2025, about six weeks after her father died.", case)
    assert (apart - undated, tied - undated) == (0.5, 1.0)


@pytest.mark.parametrize("text", [
    "Grief. Stanislaw. February 2025. April 2025. Flat. Fishing club.",  # names and dates listed
    _DEATH + "Her low mood began in April 2025; I do not think his death triggered it.",  # the tie denied
    _DEATH + "Her low mood began in April 2025, which is a coincidence.",
])
def test_dates_listed_or_a_tie_denied_earn_no_link(text: str) -> None:
    case = benchmark_case("formulation_dev_d", "h-01")
    undated = _evidence(_DEATH + "Her low mood is worse in the mornings.", case)
    points = _evidence(text, case)
    assert points <= undated


def test_a_pasted_vignette_earns_no_implied_link() -> None:
    case = benchmark_case("formulation_dev_d", "h-01")
    report = score_formulation(FormulationAnswer(text=case.vignette), case.reference, case=case)
    assert "pasted_vignette" in report.flags
    assert "implies the link" not in report.criterion("evidence_timeline").feedback


# --------------------------------------------------------------------- the link said in other words, the birth

@pytest.mark.parametrize("tie", ["and then she got depressed", "and her low mood came on the heels of it"])
def test_the_link_said_as_and_then_or_on_the_heels_of(tie: str) -> None:
    case = benchmark_case("formulation_dev_d", "h-01")
    said = _evidence(f"Grief. Her father Stanislaw died {tie}. She did not cry at the funeral.", case)
    unsaid = _evidence("Grief. Her father Stanislaw died. She did not cry at the funeral and is depressed.", case)
    assert said - unsaid == 1.0


def test_and_then_in_a_plan_ties_nothing() -> None:
    case = benchmark_case("formulation_dev_d", "h-01")
    text = "Grief. Her father Stanislaw died. She is depressed. Goals: mourning, and then new interests."
    assert "tied the onset" not in score_formulation(FormulationAnswer(text=text), case.reference,
                                                     case=case).criterion("evidence_timeline").feedback


@pytest.mark.parametrize("text", [
    "Role transition. Depression started after the baby.",
    "Role transition. She finally has the baby she wanted, and two months later she is low.",
])
def test_after_the_baby_is_after_the_birth(text: str) -> None:
    case = benchmark_case("formulation_dev_n", "n-01")
    assert case.reference is not None
    report = score_formulation(FormulationAnswer(text=text), case.reference, case=case)
    assert "birth_after_ivf" in report.evidence_cited


@pytest.mark.parametrize("text", ["Role transition. The baby cries a lot at night.", "Role transition. Baby. Work."])
def test_the_baby_alone_is_not_the_birth(text: str) -> None:
    case = benchmark_case("formulation_dev_n", "n-01")
    assert case.reference is not None
    assert "birth_after_ivf" not in score_formulation(FormulationAnswer(text=text), case.reference,
                                                      case=case).evidence_cited


# ------------------------------------------------------- one distinctive word of the item in a note's entry

_NOTE = "PA: grief. J. drowned 9/25. Onset 11/25. "


@pytest.mark.parametrize("text", [
    "PA: grief. J. drowned 9/25. Eulogy w/o tears, back at school next day. Onset 11/25.",
    _NOTE + "Eulogy w/o tremor; back teaching next a.m.",
])
def test_a_notes_entry_with_a_distinctive_word_of_the_item_cites_it(text: str) -> None:
    case = benchmark_case("formulation_dev_j", "x-07")
    assert case.reference is not None
    assert "mourning_put_off" in score_formulation(FormulationAnswer(text=text), case.reference,
                                                   case=case).evidence_cited


@pytest.mark.parametrize("text", [
    _NOTE + "Strategies: go over the eulogy again.",  # the word in the plan
    _NOTE + "S: go over the eulogy again.",
    _NOTE + "Eulogy.",  # a list's item
    _NOTE + "He thinks the eulogy was too short.",  # prose without an event: the word is not the fact
    "PA: role dispute with Karin. Eulogy w/o tears, back at school next day.",  # another focus argued
])
def test_the_word_in_a_plan_a_list_or_another_focus_does_not_cite_it(text: str) -> None:
    case = benchmark_case("formulation_dev_j", "x-07")
    assert case.reference is not None
    assert "mourning_put_off" not in score_formulation(FormulationAnswer(text=text), case.reference,
                                                       case=case).evidence_cited


# ----------------------------------------------------------------------------- ev13's invented answers

def _marked(name: str) -> list[dict]:
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


def test_batch_a_evidence_error_is_below_its_start() -> None:
    """Batch A was marked before any change; at d07f2c8 its evidence MAE is 0.45 (0.50 as first run, before one mark
    above the criterion's maximum was corrected); what is left is mostly area misreadings and a bare list of names
    that earns items."""
    errors = []
    for item in _marked("answers-a.yaml"):
        case = benchmark_case(item["case_set"], item["case_id"])
        expected = float(item["expert"]["evidence_timeline"]) + float(item["expert"].get("dispute_stage") or 0)
        errors.append(abs(_evidence(item["answer"]["text"], case) - expected))
    assert sum(errors) / len(errors) < 0.45
