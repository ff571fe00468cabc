"""Coding scorer: points, kappa on primary codes, per-code statistics and feedback that can hide the key."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from ipt_training.communication.coding import normalise_coding, score_coding
from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.taxonomy import CODES, OK, code_name
from ipt_training.communication.transcript import Dialogue, DialogueSet

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"


@pytest.fixture(scope="module")
def keyed() -> DialogueLibrary:
    return DialogueLibrary.load(keys_dir=KEYS)


def _dialogue(primaries: list[str]) -> Dialogue:
    return Dialogue.model_validate({
        "id": "dt-kappa", "title": "Kappa example", "problem_area": "role_dispute", "set": "practice",
        "context": "An invented exchange used only to check the kappa arithmetic against a value worked by hand.",
        "speakers": [{"id": "p", "name": "Pat", "relationship": "patient"},
                     {"id": "o", "name": "Oli", "relationship": "partner"}],
        "utterances": [{"speaker": "po"[i % 2], "text": f"Line {i + 1}.", "codes": [c]}
                       for i, c in enumerate(primaries)],
    })


def test_kappa_matches_a_hand_computed_value() -> None:
    # Reference: ok ok ok ok hostile hostile silence silence
    # Trainee:   ok ok ok hostile hostile hostile silence ok
    # Observed agreement p_o = 6/8 = 0.75.
    # Reference counts ok 4, hostile 2, silence 2; trainee counts ok 4, hostile 3, silence 1.
    # Chance agreement p_e = (4*4 + 2*3 + 2*1) / 8^2 = 24/64 = 0.375.
    # kappa = (0.75 - 0.375) / (1 - 0.375) = 0.375 / 0.625 = 0.6.
    dialogue = _dialogue([OK, OK, OK, OK, "hostile", "hostile", "silence", "silence"])
    trainee = {1: OK, 2: OK, 3: OK, 4: "hostile", 5: "hostile", 6: "hostile", 7: "silence", 8: OK}
    result = score_coding(dialogue, trainee)
    assert result.kappa == pytest.approx(0.6)
    assert result.accuracy == pytest.approx(0.75) and result.primary_agreement == pytest.approx(0.75)
    # Points weight the patient's utterances (1, 3, 5, 7: all right) twice the partner's (2, 6 right; 4, 8 wrong):
    # 10 * (4 * 2 + 2 * 1) / (4 * 2 + 4 * 1) = 8.33.
    assert result.points == pytest.approx(8.33)
    hostile = next(s for s in result.per_code if s.code == "hostile")
    assert (hostile.true_positives, hostile.false_positives, hostile.false_negatives) == (2, 1, 0)
    assert hostile.precision == pytest.approx(2 / 3) and hostile.recall == 1.0 and hostile.f1 == pytest.approx(0.8)


def test_perfect_coding_earns_full_marks(keyed: DialogueLibrary) -> None:
    for dialogue in keyed:
        result = score_coding(dialogue, {n: list(c) for n, c in dialogue.reference_codes().items()})
        assert result.points == result.max_points == 10
        assert result.kappa == 1.0 and result.accuracy == 1.0
        assert all(u.status == "correct" for u in result.utterances) and not result.to_review
        assert all(s.f1 == 1.0 for s in result.per_code)


def test_random_coding_scores_low(keyed: DialogueLibrary) -> None:
    rng = random.Random(11)
    points, kappas = [], []
    for _ in range(20):
        for dialogue in keyed:
            coding = {n: [rng.choice(CODES)] for n in range(1, len(dialogue.utterances) + 1)}
            result = score_coding(dialogue, coding)
            points.append(result.points)
            kappas.append(result.kappa)
    assert sum(points) / len(points) < 2.0
    assert sum(kappas) / len(kappas) < 0.15


def test_near_miss_earns_half_and_extra_codes_cost_a_quarter(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-03")  # 8: assumed_communicated, 10: mind_reading, 2: over_accommodation
    result = score_coding(dialogue, {8: ["mind_reading"], 10: ["mind_reading", "hostile"], 2: ["hostile"]},
                          numbers=[2, 8, 10])
    by_number = {u.number: u for u in result.utterances}
    assert by_number[8].credit == 0.5 and by_number[8].status == "partial"
    assert by_number[10].credit == 0.75 and by_number[10].status == "partial"
    assert by_number[2].credit == 0.0 and by_number[2].status == "wrong"
    assert result.points == pytest.approx(10 * 1.25 / 3, abs=0.01)


def test_revealed_feedback_names_the_reference_and_why(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-01")
    result = score_coding(dialogue, {6: "hostile"}, numbers=[6])
    message = result.utterances[0].message
    assert "Mixed messages" in message and "Words and tone or behaviour contradict" in message
    assert "'Hostile or aggressive communication' does not fit" in message
    assert "Her voice breaks" in message  # points the trainee to the reported tone
    assert result.utterances[0].reference == ("mixed_message",)


def test_assessment_feedback_never_reveals_reference_codes(keyed: DialogueLibrary) -> None:
    for dialogue in keyed.by_set(DialogueSet.ASSESSMENT):
        reference = dialogue.reference_codes()
        used = {c for codes in reference.values() for c in codes}
        unused = [c for c in CODES if c not in used]
        assert unused
        coding = {n: [unused[n % len(unused)]] for n in reference}
        result = score_coding(dialogue, coding, reveal=False)
        text = json.dumps(result.to_dict()) + result.as_text()
        for code in used:
            assert code_name(code) not in text
            assert not re.search(rf"\b{code}\b", text), code
        assert "per_code" not in result.to_dict() and result.per_code == ()
        assert all(u.reference == () and u.status in {"wrong", "partial"} for u in result.utterances)
        assert all("look again" in u.message for u in result.utterances)


def test_assessment_feedback_hides_partial_answers_too(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("da-01")  # 6: mixed_message + silence
    result = score_coding(dialogue, {6: ["mixed_message"], 4: []}, reveal=False, numbers=[4, 6])
    partial = next(u for u in result.utterances if u.number == 6)
    assert partial.status == "partial" and "Silence" not in partial.message and "silence" not in partial.message
    blank = next(u for u in result.utterances if u.number == 4)
    assert blank.status == "blank" and "indirect" not in blank.message.lower()


def test_assessment_dialogue_without_key_cannot_be_scored() -> None:
    dialogue = DialogueLibrary.load(keys_dir=False).by_set(DialogueSet.ASSESSMENT)[0]
    with pytest.raises(ValueError, match="instructor key not available"):
        score_coding(dialogue, {1: OK})


def test_loose_input_is_normalised() -> None:
    coding, notes = normalise_coding({"2": "Hostile, global-complaint", 3: {"silence", "ok"}, 4: None, 5: ["angry"],
                                      99: "ok", "x": "ok"}, 8)
    assert coding[2] == ("hostile", "global_complaint")
    assert coding[3] == ("silence", "ok")  # sets follow taxonomy order
    assert 4 not in coding and coding[5] == ()
    assert len(notes) == 3 and any("'angry'" in n for n in notes)


def test_unknown_code_is_wrong_not_blank(keyed: DialogueLibrary) -> None:
    result = score_coding(keyed.get("dp-05"), {4: ["angry"]}, numbers=[4, 5])
    assert [u.status for u in result.utterances] == ["wrong", "blank"]
    assert any("'angry'" in n for n in result.notes)


def test_result_serialises(keyed: DialogueLibrary) -> None:
    result = score_coding(keyed.get("dp-02"), {1: "ok"})
    data = json.loads(json.dumps(result.to_dict()))
    assert data["points"] == result.points and len(data["utterances"]) == 11 and data["per_code"]
    assert "Score:" in result.as_text()


def test_numbers_must_be_valid(keyed: DialogueLibrary) -> None:
    with pytest.raises(ValueError):
        score_coding(keyed.get("dp-02"), {}, numbers=[40])
