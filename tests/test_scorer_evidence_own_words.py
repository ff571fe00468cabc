"""Evidence said in everyday words, and keyword lists that state nothing (invented reference and answers).

* A person's name beside a word that only one evidence item of the case has ("after Odile died") cites that item,
  however common the word is in vignettes; a name beside a word that says only who someone is ("her sister Odile")
  does not.
* The -ing form of an item's word that ends in e ("caring" for "care") finds the item; two words that most vignettes
  share ("family", "friends") are not an item.
* A death said as losing the person ("you lost Silvia"), no event said to the patient ("we looked for something that
  set it off and did not find anything") and a span in lay words ("a couple of months after") are read.
* A list that chooses no focus earns a token for the facts it names, not half of them, and no dispute stage.
"""

from __future__ import annotations

import pytest

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.scoring.evidence import derive_evidence
from ipt_training.scoring.formulation import score_formulation


def _reference(area: str, evidence: list[dict], link: str, **extra: object) -> ReferenceFormulation:
    return ReferenceFormulation.model_validate({
        "primary_area": area,
        "key_evidence": evidence,
        "timeline_link": {"id": "link", "hint": "When did it start?", "text": link},
        "goals": ["grief.mourn", "grief.reinvest"] if area == "grief" else ["dispute.identify", "dispute.plan"],
        "strategies": ["general.link_onset"],
        "rationale": "Invented for a test.",
        "formulation": "You have depression, a treatable illness.",
        **extra,
    })


GRIEF = _reference("grief", [
    {"id": "death", "hint": "Whose loss?", "text": "Her mother Odile died of a stroke in May."},
    {"id": "guilt", "hint": "What does she regret?",
     "text": "She feels guilty that she told Odile to stop fussing about her headaches."},
    {"id": "avoids", "hint": "What does she stay away from?",
     "text": "She has not been back to the bakery she ran with Odile."},
], "Her low mood began in July, two months after Odile's stroke.")


@pytest.mark.parametrize("text", [
    "Grief is the focus. Your low mood began in July, a couple of months after Odile died.",
    "I'd work on grief: it all started after Odile died, and she has not let herself cry since.",
])
def test_a_name_beside_the_word_only_the_death_item_has_cites_the_death(text):
    assert "death" in score_formulation(text, GRIEF).evidence_cited


@pytest.mark.parametrize("text", [
    "Grief is the focus. Her mother Odile will be part of the work.",  # who, not what happened
    "Grief is the focus. We will talk about Odile and the bakery.",  # the avoidance item's word, not the death's
])
def test_a_name_beside_a_word_of_who_she_is_or_of_another_item_does_not_cite_the_death(text):
    assert "death" not in score_formulation(text, GRIEF).evidence_cited


def test_the_own_words_of_an_item_leave_out_words_other_items_share_and_words_of_who():
    derived = derive_evidence({"death": "Her mother Odile died in May.",
                               "avoids": "She avoids the flat where Odile died.",
                               "work": "She went back to the office a week after the funeral.",
                               "link": "Low since June."}, "link", names=["Odile"])
    assert "word:death" not in derived.own["death"]  # both items say "died"
    assert "word:mother" not in derived.own["death"]  # who, not what happened
    assert "word:office" in derived.own["work"]


CARER = _reference("role_transition", [
    {"id": "gave_up", "hint": "What did he give up?",
     "text": "He left his bakery to care for his wife full time after her fall."},
    {"id": "misses", "hint": "What does he miss?", "text": "He misses his customers and the early starts."},
], "His low mood began in March, two months after he gave up the bakery.",
    goals=["transition.mourn_old", "transition.mastery"])


def test_the_ing_form_of_a_word_ending_in_e_finds_the_item():
    assert "gave_up" in score_formulation("Role transition. He is now caring full time at home.", CARER).evidence_cited
    # the same sentence without the item's word: one word of the item ("full") is not the item
    assert "gave_up" not in score_formulation("Role transition. He is now at home full time.", CARER).evidence_cited


DISPUTE = _reference("role_dispute", [
    {"id": "rows", "hint": "What do they argue about?",
     "text": "Since January she and her brother Anton argue every week about selling their mother's house."},
    {"id": "still_talking", "hint": "Are they still negotiating?",
     "text": "They still talk on Sundays and both want to settle it."},
    {"id": "expectations", "hint": "What does each expect?",
     "text": "Anton expects to keep the house; she expects it to be sold and the money shared."},
], "Her low mood began in March, two months after the arguments with Anton started.",
    dispute_stage="renegotiation")

_UNCOMMITTED_LIST = ("dispute / transition / Anton / argue weekly since Jan / mother's house / sell vs keep / "
                     "still talk Sundays / onset March / renegotiation / communication analysis")


def _evidence(text: str) -> float:
    return score_formulation(text, DISPUTE).criterion("evidence_timeline").points


def test_a_list_that_chooses_no_focus_earns_a_token_for_its_facts_and_no_stage():
    report = score_formulation(_UNCOMMITTED_LIST, DISPUTE)
    assert "no_commitment" in report.flags
    evidence = report.criterion("evidence_timeline")
    assert evidence.points == 0.5, evidence.feedback
    assert "half a point at most" in evidence.feedback


def test_the_same_facts_in_sentences_with_a_choice_keep_their_evidence_and_stage():
    prose = ("I would work on the role dispute with her brother Anton. Since January they argue every week about "
             "selling their mother's house: Anton expects to keep it, she expects it sold and the money shared. "
             "They still talk on Sundays and both want to settle it, so this is renegotiation. Her low mood began "
             "in March, two months after the arguments started.")
    assert _evidence(prose) >= 2.5
    assert _evidence(prose) > _evidence(_UNCOMMITTED_LIST)


# --- The facts of a case said to the patient, in lay words -------------------------------------------------------

WIDOW = _reference("grief", [
    {"id": "death", "hint": "Whose loss?", "text": "Her wife Silvia died suddenly of a stroke in October."},
    {"id": "studio", "hint": "What does she avoid?", "text": "She keeps Silvia's pottery studio locked."},
    {"id": "retired", "hint": "What else changed?", "text": "She retired from teaching in December."},
], "Her low mood began in January, three months after Silvia died.")


@pytest.mark.parametrize("text", [
    "Grief. You lost Silvia in October, and it has been hard to carry on.",
    "I'd work on grief: since she lost her wife in October she has not let herself be sad.",
])
def test_losing_a_person_is_said_of_a_death(text):
    assert "death" in score_formulation(text, WIDOW).evidence_cited


@pytest.mark.parametrize("text", [
    "Grief. She lost contact with her wife's family and lost her job too.",  # not a death
    "Grief. She lost her way after she retired from teaching.",
])
def test_losing_contact_or_a_job_is_not_a_death(text):
    assert "death" not in score_formulation(text, WIDOW).evidence_cited


LONER = _reference("interpersonal_deficits", [
    {"id": "alone", "hint": "How does he live?", "text": "He has lived alone in a bedsit for twenty years."},
    {"id": "nothing_changed", "hint": "What came before the onset?",
     "text": "Nobody close to him has died and nothing changed at work or at home before the episode."},
    {"id": "club", "hint": "What did he try?", "text": "He joined a chess club in 2022 and left after one evening."},
], "His low mood crept in over the winter of 2024 with no event before it, on top of lifelong isolation.",
    goals=["deficits.reduce_isolation", "deficits.new_relationships"])


def test_no_event_said_to_the_patient_cites_the_item_that_nothing_changed():
    text = ("Dermot, this is depression, a common illness. We looked for something that might have set it off and "
            "did not find anything; you have lived alone in the bedsit for twenty years. Let us work on that.")
    assert "nothing_changed" in score_formulation(text, LONER).evidence_cited


def test_no_event_said_of_the_area_in_general_is_not_the_patients():
    text = ("Interpersonal deficits. In deficits, often nothing has happened before the onset; the isolation itself "
            "is the problem, and the work is on relationships.")
    assert "nothing_changed" not in score_formulation(text, LONER).evidence_cited


MOVER = _reference("role_transition", [
    {"id": "moved", "hint": "What changed?", "text": "The family moved to a flat in Leeds in March."},
    {"id": "friends", "hint": "What did she have before?", "text": "In Porto she had friends and family nearby."},
], "Her low mood began in May, two months after the move.", goals=["transition.mourn_old", "transition.mastery"])


def test_two_words_that_most_vignettes_share_do_not_make_an_item():
    # "family" and "friends" are in most vignettes: together they say nothing about this patient's move
    assert "friends" not in score_formulation("Role transition. Family and friends matter to her.",
                                              MOVER).evidence_cited
    assert "friends" in score_formulation("Role transition. In Porto she had her friends nearby.",
                                          MOVER).evidence_cited


@pytest.mark.parametrize(("later", "linked"), [
    ("A couple of months later her sleep went.", True),
    ("A few months later her sleep went.", True),  # about three months: within a month of the case's two
    ("A couple of years later her sleep went.", False),  # not the case's span
    ("Her sleep went at some point.", False),  # no span at all
])
def test_a_span_said_in_lay_words_states_the_link(later, linked):
    from tests.test_scorer_onset_link import CASE

    text = f"Grief. Astrid died of cancer. Ingrid organised the funeral and went back to work. {later}"
    report = score_formulation(text, CASE.reference, case=CASE)
    assert ("onset_after_death" in report.evidence_cited) is linked


@pytest.mark.parametrize(("text", "stated"), [
    ("Grief. It all began after Astrid died; I would help her mourn.", True),  # a person of the case and her event
    ("Grief. It all began after you lost Astrid; we will talk about her.", True),
    ("Grief. It all began after a death; I would help her mourn.", False),  # whose death?
    ("Grief. Astrid matters; I would help her mourn.", False),  # a name says who, not what happened
])
def test_a_person_of_the_case_beside_the_word_of_her_event_states_a_fact(text, stated):
    from tests.test_scorer_onset_link import CASE

    report = score_formulation(text, CASE.reference, case=CASE)
    assert ("sister_died" in report.evidence_cited) is stated


# --- The key event named by the link ------------------------------------------------------------------------------

LOAN = _reference("role_dispute", [
    {"id": "loan", "hint": "What did she find out?",
     "text": "In February she found out that Tom had lent their savings to his cousin."},
    {"id": "rows", "hint": "How do they argue?", "text": "They argue loudly about money twice a week."},
    {"id": "pastor", "hint": "Are they still trying?", "text": "They still talk and went to the pastor together."},
], "Her symptoms began in April, two months after she found out about the savings lent to his cousin.",
    dispute_stage="renegotiation")


def test_the_onset_tied_to_the_key_event_names_the_event():
    # one word of the event's item ("the savings") would not cite it; tied to the onset, it names the event
    text = "Role dispute with her husband. Her mood dropped two months after the savings went."
    report = score_formulation(text, LOAN)
    assert {"loan", "link"} <= set(report.evidence_cited)


@pytest.mark.parametrize("text", [
    "Role dispute with her husband. The savings matter to her, and she is low.",  # not tied to the onset
    "Role dispute with her husband. Her mood dropped two months after the rows began.",  # another event, no link
])
def test_the_key_event_word_without_the_link_does_not_cite_the_event(text):
    assert "loan" not in score_formulation(text, LOAN).evidence_cited


_STUFFED_LIST = ("Role dispute, role transition, interpersonal deficits. Keywords: non-reciprocal expectations, "
                 "impasse, communication analysis, role play, mourning old role, social skills, Anton, mother's house, "
                 "arguments since January, onset March.")
_UNDECIDED_PROSE = ("I cannot decide between a role dispute and a role transition yet. She and her brother Anton have "
                    "argued every week since January about selling their mother's house, and her low mood began in "
                    "March, two months after the arguments started. They still talk on Sundays. I would want to "
                    "know more before choosing a focus.")


def test_a_keyword_list_of_several_areas_earns_no_link_for_a_date_beside_an_event():
    """Trainer review 7: 'onset March' among a list's keywords is not a stated link, and the list chooses no area."""
    report = score_formulation(_STUFFED_LIST, DISPUTE)
    assert {"keyword_stuffing", "no_commitment"} <= set(report.flags)
    evidence = report.criterion("evidence_timeline")
    assert evidence.points <= 0.5, evidence.feedback
    assert "half a point at most" in evidence.feedback


def test_an_undecided_answer_in_sentences_keeps_the_evidence_it_states():
    report = score_formulation(_UNDECIDED_PROSE, DISPUTE)
    assert report.detected_primary is None
    assert report.criterion("evidence_timeline").points >= 1.5


def test_the_feedback_of_such_a_list_claims_no_link():
    report = score_formulation(_STUFFED_LIST, DISPUTE)
    assert "You tied the onset" not in report.criterion("evidence_timeline").feedback
    assert DISPUTE.timeline_link.id not in report.evidence_cited
