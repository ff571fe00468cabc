"""The senior trainer's review of round 9 (findings C3, H1, H2): credit the new readings gave for words, not work.

* H1: sleep and weight tell the onset in a symptom's sense, of the patient ("she has hardly slept and has lost
  weight"), not in any sense ("Sipho has slept in the spare room", "she carried the weight of the funeral") nor of
  another person of the case ("Sipho has hardly slept");
* H2: a piece of the case's text gives its words to an evidence item only where it tells what the item is about, not
  only who is in it ("His wife Lakshmi", "with Lakshmi, and started an antidepressant"), and a list goes on across
  commas only ('the school says: "withdrawn, a loner"'); the words the rationale quotes to set a reading aside (the
  referral's "a loner, shy by nature") are no item's other words;
* C3: the model letter's plan is a key to the answer's plan only where the answer proposes that work: not where it
  refuses it ("I would not talk about what she has lost"), ...

The answers the trainer marked come from the review (its text is ours to use, the marks are the trainer's, or the
old scorer's where the trainer found it right, within half a point); the others are invented here.
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.scoring.formulation import _matcher_for
from ipt_training.scoring.onset_words import onset_told, onset_words
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-01", "p-03", "p-04", "p-05", "p-12", "p-13", "p-15", "p-25",
                                              "p-31", "p-36")}


def _note(case, text):
    return score(case, text, rubric="supervision", reveal=True)


def _told(case, text: str) -> bool:
    words = onset_words(case.reference, case)
    return any(onset_told(tokens, words) for tokens in clauses(text))


# --- H1: sleep and weight in a symptom's sense, of the patient ------------------------------------------------------

_ONSET_IDIOMS = [
    # (case, the trainer's answer, the trainer's mark, the onset item): no onset stated anywhere
    ("p-12", "Role dispute with Sipho, renegotiation. Since the arguments started in May, Sipho has slept in the spare "
             "room and kept his Saturday football, although they agreed to share night feeds. Both still want a fair "
             "arrangement. Goals: identify the dispute, plan, resolve. Strategies: expectations, communication "
             "analysis, role play.", 8, "onset_after_arguments"),
    ("p-13", "Grief. After Kwabena died in January she carried the weight of the funeral and forty relatives on her "
             "own; she had to be strong for everyone and has not cried. She keeps his room closed. Goals: mourn and "
             "reinvest. Strategies: reconstruct the relationship including the loan, go over the death, forbidden "
             "feelings.", 9, "onset_after_death"),
    ("p-03", "Grief. After Eleni died in March he has slept in the armchair and will not move her things or go to the "
             "grave; he says he killed her. Secondary dispute with Nikos at impasse. Goals: mourn, reinvest, reopen "
             "contact with Nikos. Strategies: reconstruct the marriage, her last weeks and the decision, guilt.", 8.5,
             "onset_after_death"),
    ("p-05", "Role transition. Since the move to Winnipeg Clara has carried the weight of the new job and he has slept "
             "in late; he lost his team and futsal friends. Goals: mourn the old role, realistic new, mastery. "
             "Strategies: feelings about the change, review old and new, new support.", 9, "onset_after_move"),
]


@pytest.mark.parametrize(("cid", "text", "mark", "onset"), _ONSET_IDIOMS)
def test_sleep_and_weight_in_another_sense_link_no_onset(cases, cid, text, mark, onset):
    report = _note(cases[cid], text)
    assert onset not in report.evidence_cited
    assert abs(report.total - mark) <= 0.5


def test_sleep_and_weight_as_symptoms_of_the_patient_tell_the_onset(cases):
    grief = cases["p-13"]
    # kept from the new reading: the symptoms said in plain words, with the death before them, link the onset
    kept = _note(grief, "Grief. Since Kwabena died in January she has hardly slept and has lost weight. She had to "
                        "be strong for everyone and has not cried. Goals: mourn and reinvest. Strategies: reconstruct "
                        "the relationship including the loan, go over the death, forbidden feelings.")
    assert "onset_after_death" in kept.evidence_cited
    assert kept.total >= 9.5
    for said in ("she has hardly slept", "you have slept badly since", "has lost weight", "weight loss since March",
                 "she slept very little in February", "Hardly slept since the funeral"):
        assert _told(grief, said), said
    dispute = cases["p-12"]
    for other in ("Sipho has slept in the spare room", "Sipho has hardly slept", "she carried the weight of it",
                  "Sipho has lost weight", "he has slept in the armchair"):
        assert not _told(dispute, other), other


# --- H2: the case's other words for an item ---------------------------------------------------------------------


def test_a_piece_that_names_only_who_gives_no_item_its_words(cases):
    _, derived = _matcher_for(cases["p-36"].reference, cases["p-36"])
    arguments = derived.extra.get("arguments_after_onset", frozenset())
    assert not {"word:antidepressant", "word:analysi", "word:bill", "word:teacher", "word:tutor"} & arguments
    # a retelling of the treatment beside a word of the item's timing cites nothing
    report = _note(cases["p-36"], "Karthik: role transition after the job loss. Since his mood started to fall, the "
                                  "psychiatrist has him on an antidepressant and he sends applications all day. "
                                  "Goals: mourn the old role, realistic new, mastery. Strategies: feelings, review "
                                  "old and new, decision analysis.")
    assert "arguments_after_onset" not in report.evidence_cited
    assert abs(report.total - 5.5) <= 0.5


def test_the_referrals_trap_words_back_up_no_item(cases):
    _, derived = _matcher_for(cases["p-25"].reference, cases["p-25"])
    learnt = set().union(*derived.extra.values())
    assert not {"word:loner", "word:shy", "word:nature", "word:withdrawn"} & learnt
    # the case's other words for an item still back up its own ones where the piece tells the fact
    _, karthik = _matcher_for(cases["p-36"].reference, cases["p-36"])
    assert "word:software" in karthik.extra.get("job_loss", frozenset())
