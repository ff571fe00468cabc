"""Evidence written as plain sentences: what the scorer derives from them, and what it does not accept."""

from __future__ import annotations

import pytest

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.scoring.evidence import derive_evidence, sentence_terms
from ipt_training.scoring.formulation import score_formulation

REFERENCE = ReferenceFormulation.model_validate({
    "primary_area": "grief",
    "key_evidence": [
        {"id": "death", "hint": "Whose loss?",
         "text": "Her father Tomas died in March and she went back to work two days after the funeral."},
        {"id": "avoidance", "hint": "How has she dealt with it?",
         "text": "She has never visited the grave and changes the subject when her brother mentions him."},
        {"id": "sociable_before", "hint": "What was she like before?",
         "text": "Before his death she sang in a choir and saw her friends every week."},
    ],
    "timeline_link": {"id": "onset_after_death", "hint": "When did it start?",
                      "text": "Her symptoms began in May, two months after her father died."},
    "goals": ["grief.mourn", "grief.reinvest"],
    "strategies": ["general.link_onset", "grief.events_of_death", "grief.reconstruct"],
    "rationale": "The death of her father two months before onset, with mourning avoided.",
    "formulation": "You have depression, a common and treatable illness. It began two months after your father "
                   "died; we call this grief.",
})


def test_terms_drop_common_words_and_keep_names_dates_and_synonyms():
    keys = {t.key for t in sentence_terms("Her father Tomas died in March and she went back to work.")}
    assert {"name:tomas", "word:father", "word:death", "month:mar"} <= keys
    assert not {k for k in keys if k.endswith((":her", ":went", ":and", ":back"))}


def test_an_answer_in_other_words_cites_the_items():
    report = score_formulation("Grief: her dad Tomas passed in march and she was back at work 2 days after the "
                               "funeral. She has not visited his grave. Her mood dropped two months after he "
                               "died.", REFERENCE)
    assert set(report.evidence_cited) >= {"death", "avoidance", "onset_after_death"}
    assert report.evidence_missed == ("sociable_before",)
    assert report.criterion("evidence_timeline").points >= 2.5


def test_typos_still_cite():
    report = score_formulation("Grief after her fathr died; she never vistied the grave since the funreal.",
                               REFERENCE)
    assert {"death", "avoidance"} <= set(report.evidence_cited)


@pytest.mark.parametrize("text", [
    "Role transition: she started a new job and moved flat.",
    "Her brother is supportive.",  # one ordinary word of an item is not the item
    "",
])
def test_unrelated_answers_cite_nothing_that_they_do_not_say(text):
    report = score_formulation(text, REFERENCE)
    assert "death" not in report.evidence_cited
    assert "avoidance" not in report.evidence_cited


def test_the_timeline_link_needs_the_event_tied_to_the_onset():
    linked = score_formulation("Grief. Her symptoms began two months after her father died.", REFERENCE)
    unlinked = score_formulation("Grief. Her father died. She has symptoms.", REFERENCE)
    assert linked.criterion("evidence_timeline").points > unlinked.criterion("evidence_timeline").points


def test_hand_written_cues_still_add_to_the_sentence():
    with_cue = REFERENCE.model_copy(update={"key_evidence": [
        REFERENCE.key_evidence[0],
        REFERENCE.key_evidence[1].model_copy(update={"cues": ["cemetery"]}),
        REFERENCE.key_evidence[2]]})
    text = "Grief: she stays away from the cemetery."
    assert "avoidance" not in score_formulation(text, REFERENCE).evidence_cited
    assert "avoidance" in score_formulation(text, with_cue).evidence_cited


def test_case_names_count_as_names_and_the_patient_name_does_not(library):
    case = library.get("p-13")
    derived = derive_evidence({"a": "Ama visits her mother Comfort on Sundays.", "b": "Comfort stopped the choir."},
                              "b", names=[p.name for p in case.inventory], skip=[case.patient.name])
    assert "name:comfort" not in derived.items["a"]
    assert derived.items["a"].get("name:ama") == 2.0
