"""Communication tagger widget: menus per utterance, Check button, explained feedback, hidden key on assessments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.taxonomy import CODES, code_name
from ipt_training.widgets.tagger import NO_KEY_MESSAGE, NOTHING_CODED, legend_html, tagger_widget, utterance_html

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"


@pytest.fixture(scope="module")
def keyed() -> DialogueLibrary:
    return DialogueLibrary.load(keys_dir=KEYS)


def test_one_labelled_pair_of_menus_per_utterance(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-01")
    tagger = tagger_widget(dialogue)
    assert sorted(tagger.primary) == sorted(tagger.secondary) == list(range(1, len(dialogue.utterances) + 1))
    for number, dropdown in tagger.primary.items():
        assert dropdown.description == f"Code {number}" and dropdown.value == ""
        assert f"utterance {number}" in dropdown.tooltip
        assert [value for _, value in dropdown.options][1:] == list(CODES)
        assert tagger.secondary[number].description == f"Also {number}"
    assert tagger.check_button.description == "Check"
    assert tagger.widget.children[-1] is tagger.feedback


def test_reference_answers_score_full_marks(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-04")
    tagger = tagger_widget(dialogue)
    for number, codes in dialogue.reference_codes().items():
        tagger.primary[number].value = codes[0]
        if len(codes) > 1:
            tagger.secondary[number].value = codes[1]
    tagger.check_button.click()
    html = tagger.feedback.value
    assert "Score: 10 / 10" in html and 'role="status"' in html and "✓ correct" in html


def test_wrong_answer_is_explained_with_the_reference(keyed: DialogueLibrary) -> None:
    tagger = tagger_widget(keyed.get("dp-05"))
    tagger.primary[2].value = "hostile"
    result = tagger.check()
    assert result is not None and result.utterances[1].status == "wrong"
    html = tagger.feedback.value
    assert "✗ not quite" in html and "– not answered" in html
    assert "Unnecessarily indirect verbal communication" in html


def test_assessment_feedback_hides_the_key(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("da-03")
    tagger = tagger_widget(dialogue, reveal=False)
    tagger.primary[2].value = "hostile"  # reference: indirect verbal communication
    tagger.primary[12].value = "mind_reading"  # correct
    tagger.check_button.click()
    row = tagger.feedback.value.split("<tr>")[3]  # header row, utterance 1, utterance 2
    assert "Hostile" in row and "look again" in row
    assert code_name("indirect_verbal") not in tagger.feedback.value


def test_dialogue_without_key_says_so(keyed: DialogueLibrary) -> None:
    uncoded = DialogueLibrary.load(keys_dir=False).get("da-02")
    tagger = tagger_widget(uncoded, reveal=False)
    tagger.primary[1].value = "ok"
    assert tagger.check() is None
    assert NO_KEY_MESSAGE in tagger.feedback.value
    assert tagger.coding() == {1: ["ok"]}


def test_same_code_twice_counts_once(keyed: DialogueLibrary) -> None:
    tagger = tagger_widget(keyed.get("dp-01"))
    tagger.primary[2].value = tagger.secondary[2].value = "silence"
    assert tagger.coding() == {2: ["silence"]}


def test_text_is_escaped_and_extensions_are_marked(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-01")
    first = dialogue.utterances[0].model_copy(update={"text": "<script>x</script>"})
    hostile = dialogue.model_copy(update={"utterances": [first, *dialogue.utterances[1:]]})
    assert "<script>" not in utterance_html(1, hostile, 0)
    legend = legend_html()
    assert "Teaching extension" in legend and "Classic list" in legend


def test_check_with_nothing_coded_gives_no_codes_away(keyed: DialogueLibrary) -> None:
    tagger = tagger_widget(keyed.get("dp-04"), reveal=True)
    result = tagger.check()
    assert result is not None and all(u.status == "blank" for u in result.utterances)
    html = tagger.feedback.value
    assert html.count("not coded yet") == len(tagger.primary)
    assert not [code for code in CODES if code_name(code) in html]


def test_check_with_nothing_coded_asks_for_codes_instead_of_a_score(keyed: DialogueLibrary) -> None:
    """As the quiz and the phase sorter do: no 'Score: 0 / 10 ... kappa 0.00' for menus nobody touched."""
    tagger = tagger_widget(keyed.get("dp-04"), reveal=True)
    tagger.check()
    assert NOTHING_CODED in tagger.feedback.value
    assert "Score:" not in tagger.feedback.value and "kappa" not in tagger.feedback.value
    tagger.primary[1].value = CODES[0]
    tagger.check()
    html = tagger.feedback.value
    assert NOTHING_CODED not in html and "Score: " in html and "kappa" in html
    assert f"{len(tagger.primary) - 1} of {len(tagger.primary)} utterances not coded yet." in html


def _row(html: str, number: int) -> str:
    return html.split("<tr>")[number + 1]  # the header row comes first


def test_a_misfitting_non_verbal_code_is_not_backed_by_the_quoted_behaviour(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-05")
    number = 2  # reference: indirect verbal; the account reports a flat tone and a gesture
    assert dialogue.reference_codes()[number] == ("indirect_verbal",) and dialogue.utterances[1].nonverbal
    tagger = tagger_widget(dialogue)
    tagger.primary[number].value = "indirect_nonverbal"
    tagger.check_button.click()
    row = _row(tagger.feedback.value, number)
    assert "does not fit here" in row
    assert "Note what the patient reported" not in row
    assert "is part of the picture, but it does not make this" in row
    assert "reads it as &#x27;Unnecessarily indirect verbal communication&#x27;" in row


def test_the_account_is_quoted_as_support_for_the_reference_code(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-05")
    number = 8  # reference: silence; she leaves the room
    tagger = tagger_widget(dialogue)
    tagger.primary[number].value = "hostile"
    tagger.check_button.click()
    row = _row(tagger.feedback.value, number)
    assert "She leaves the room" in row and "supports &#x27;Silence" in row


def test_clear_communication_is_never_argued_from_the_account(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-05")
    number = 11  # reference: ok; the account only says when it was said
    assert dialogue.reference_codes()[number] == ("ok",)
    tagger = tagger_widget(dialogue)
    tagger.primary[number].value = "indirect_nonverbal"
    tagger.check_button.click()
    row = _row(tagger.feedback.value, number)
    assert "does not fit here" in row and dialogue.utterances[number - 1].nonverbal.rstrip(".") not in row


def test_every_sentence_of_practice_feedback_starts_with_a_capital(keyed: DialogueLibrary) -> None:
    """An utterance with two reference codes read "...instead of raising the issue in words. the reference code
    is 'Silence: closing off communication'."; each part after the first is a sentence of its own."""
    from ipt_training.communication.coding import score_coding
    from ipt_training.communication.transcript import DialogueSet

    wrong = CODES[0]
    checked = 0
    for dialogue in keyed:
        if dialogue.set is not DialogueSet.PRACTICE or not dialogue.is_coded:
            continue
        answers = {n: [wrong] for n in range(1, len(dialogue.utterances) + 1)}
        for item in score_coding(dialogue, answers, reveal=True).utterances:
            assert not re.search(r"[.!?] [a-z]", item.message), item.message
            checked += 1
    assert checked > 50
