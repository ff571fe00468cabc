"""Evidence stated in the plain words of its kind ("she avoids anything of his"): invented reference and answers."""

from __future__ import annotations

import pytest

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.gist import item_kinds, kinds_of


def _reference(evidence: list[dict]) -> ReferenceFormulation:
    return ReferenceFormulation.model_validate({
        "primary_area": "grief",
        "key_evidence": evidence,
        "timeline_link": {"id": "onset_after_death", "hint": "When did it start?",
                          "text": "His symptoms began in June, two months after his wife Marisol died."},
        "goals": ["grief.mourn", "grief.reinvest"],
        "strategies": ["general.link_onset", "grief.reconstruct"],
        "rationale": "The death of his wife two months before the onset, with mourning put off.",
        "formulation": "You have depression, a treatable illness. It began two months after Marisol died.",
    })


REFERENCE = _reference([
    {"id": "death", "hint": "Whose loss?", "text": "His wife Marisol died of a heart attack in April."},
    {"id": "no_tears", "hint": "How did he mourn?",
     "text": "He organised the wake and did not cry, saying somebody had to be strong for the children."},
    {"id": "reminders", "hint": "What does he do with her things?",
     "text": "Her sewing room has stayed locked and he has not been to the cemetery since the burial."},
    {"id": "calm", "hint": "How does he speak of the marriage?",
     "text": "He is not angry with the doctors and speaks of the marriage warmly."},
])


def test_the_kind_of_an_item_is_read_from_its_sentence_and_a_negated_phrase_is_not_its_kind():
    kinds = item_kinds({item.id: item.text for item in REFERENCE.key_evidence})
    assert kinds["no_tears"] == {"no_mourning"}
    assert kinds["reminders"] == {"avoids"}
    assert "calm" not in kinds  # "is not angry" states no mixed feelings
    assert kinds_of("She has not opened his boxes.") == {"avoids"}


@pytest.mark.parametrize(("text", "item"), [
    ("Grief: Marisol died in April. He never let himself cry; he was busy being the strong one for the kids.",
     "no_tears"),
    ("Grief. Since Marisol died he avoids everything that reminds him of her.", "reminders"),
    ("Your wife Marisol died in April and you have kept away from anything of hers since then.", "reminders"),
])
def test_an_answer_stating_the_kind_of_fact_in_its_own_words_cites_the_item(text, item):
    assert item in score_formulation(text, REFERENCE).evidence_cited


@pytest.mark.parametrize(("text", "reference"), [
    # the kind alone, in a sentence about nothing of this patient
    ("Grief. Bereaved people often avoid reminders of the person who died.", REFERENCE),
    # an angry answer does not cite an item that says he is NOT angry
    ("Grief. Marisol died in April and he is angry with himself.", REFERENCE),
    # a kind two items share needs the item's own words
    ("Grief. Marisol died in April and he avoids things.", _reference([
        {"id": "death", "hint": "Whose loss?", "text": "His wife Marisol died of a heart attack in April."},
        {"id": "room", "hint": "Her room?", "text": "He avoids her sewing room."},
        {"id": "grave", "hint": "The grave?", "text": "He avoids the cemetery."},
    ])),
])
def test_a_kind_of_fact_does_not_cite_what_the_answer_does_not_say_of_this_patient(text, reference):
    cited = set(score_formulation(text, reference).evidence_cited)
    assert not cited & {"reminders", "calm", "room", "grave"}


FIVE_ITEMS = _reference([
    {"id": "death", "hint": "Whose loss?", "text": "His wife Marisol died of a heart attack in April."},
    {"id": "no_tears", "hint": "How did he mourn?", "text": "He organised the wake and never cried."},
    {"id": "reminders", "hint": "Her things?", "text": "Her sewing room has stayed locked since the burial."},
    {"id": "choir", "hint": "What did they share?", "text": "He left the parish choir they sang in together."},
    {"id": "daughter", "hint": "Who worries?", "text": "His daughter Lucia phones daily and he cuts her short."},
])


def test_three_pieces_of_evidence_make_a_full_case_however_many_the_key_lists():
    three = score_formulation("Grief. Marisol died of a heart attack in April. He organised the wake and never "
                              "cried. He keeps her sewing room locked.", FIVE_ITEMS)
    two = score_formulation("Grief. Marisol died of a heart attack in April. He organised the wake and never "
                            "cried.", FIVE_ITEMS)
    assert len(set(three.evidence_cited) - {"onset_after_death"}) == 3
    assert three.criterion("evidence_timeline").points == 2.0  # all the evidence points but the link's
    assert two.criterion("evidence_timeline").points == 1.5  # two of three: 1.33, to the half point


@pytest.mark.parametrize("text", [
    "Grief. His wife was killed in April.",
    "Grief. His wife passed in April.",
])
def test_plain_words_for_a_death_cite_the_death(text):
    assert "death" in score_formulation(text, REFERENCE).evidence_cited


def test_a_death_word_alone_cites_no_death():
    assert "death" not in score_formulation("Grief. Nobody was killed.", REFERENCE).evidence_cited


DISPUTE = ReferenceFormulation.model_validate({
    "primary_area": "role_dispute",
    "dispute_stage": "renegotiation",
    "key_evidence": [
        {"id": "loan", "hint": "What happened?", "text": "In May Kofi lent their savings to his brother Yaw."},
        {"id": "talking", "hint": "Where do they stand?", "text": "They still talk it over with the pastor."},
    ],
    "timeline_link": {"id": "onset_after_loan", "hint": "When?", "text": "Her mood fell in July, after the loan."},
    "goals": ["dispute.identify", "dispute.plan"],
    "strategies": ["dispute.expectations"],
    "rationale": "An open disagreement about money, still negotiated.",
    "formulation": "You have depression. It began after Kofi lent the savings; you both still talk about it.",
})


def test_a_dispute_still_talked_about_is_cited_in_other_words_and_wanting_different_things_is_not():
    assert "talking" in score_formulation("Role dispute with Kofi about the loan to Yaw. They are both still "
                                          "trying to sort it out.", DISPUTE).evidence_cited
    assert "talking" not in score_formulation("Role dispute with Kofi about the loan to Yaw. They both want "
                                              "different things.", DISPUTE).evidence_cited
