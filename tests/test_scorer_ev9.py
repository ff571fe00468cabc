"""Evidence and the onset link told in the patient's words (round 9 of issue 11), read from what the case gives.

* an evidence item told in the case's other words for it: its vignette, timeline and model formulation say the same
  fact in words the item does not use ("the regulars who queued for your sourdough" where the item says "He misses
  the regulars"); such a word backs up a distinctive word of the item's own in a sentence, never alone, never in a
  list, never in a copied vignette, and only where the answer reads the case as the case does (not an answer
  arguing another focus);
* the onset said in the case's own words for its symptoms ("the restlessness set in") and in plain forms of sleep
  ("you have not slept properly since"); not by crying, which in a grief case is mourning held back.

The case and the answers are invented for these tests (none comes from a benchmark set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import points, score

from ipt_training.cases.loader import load_case_file
from ipt_training.domain import ProblemArea
from ipt_training.scoring.item_context import with_context
from ipt_training.scoring.onset_words import onset_told, onset_words
from ipt_training.text.normalize import clauses

_BAKER = """
id: x-91
title: "A bakery in Ghent"
set: practice
difficulty: intermediate
traps: [withdrawal-not-deficits]
patient:
  name: Pieter Claes
  age: 58
  gender: man
  background: "Baker in Ghent for thirty years; married to Liesbeth"
setting: "Community mental health centre, Ghent"
vignette: |
  Pieter, 58, ran a bakery in Ghent for thirty years. In January 2025 rheumatoid arthritis in both hands made
  kneading impossible and he closed the bakery. He misses the regulars who queued for his sourdough before
  dawn, the early shifts by the ovens and the two apprentices he trained. At home he feels useless; his wife
  Liesbeth does everything and he sits at the window. From March 2025 he has had sleeplessness and
  restlessness, has lost weight and has stopped going to the Sunday market. For twenty years he chaired the
  traders' association of his street and had many friends there. Nobody close to him has died.
symptom_onset: 2025-03
timeline:
  - {date: 2025-01, event: "Closes the bakery after rheumatoid arthritis makes kneading impossible", kind: change}
  - {date: 2025-03, event: "Sleeplessness, restlessness, weight loss; stops the Sunday market", kind: symptom}
inventory:
  - name: Liesbeth
    relationship: wife
    closeness: inner
    contact: "daily"
    expectations: "Wants him to rest"
    satisfactions: "Loving"
  - name: Traders' association
    relationship: friends from the street's traders
    closeness: middle
    contact: "rarely since January"
    expectations: "Friendship"
reference:
  primary_area: role_transition
  acceptable_alternatives: []
  key_evidence:
    - id: closure
      hint: "What changed in January 2025?"
      text: "In January 2025 he closed the bakery after rheumatoid arthritis made kneading impossible."
    - id: lost_regulars
      hint: "What does he miss?"
      text: "He misses the regulars, the early shifts and the apprentices he trained."
    - id: useless_home
      hint: "How does he feel at home?"
      text: "At home he feels useless and his wife Liesbeth does everything."
    - id: sociable_before
      hint: "Was he always alone?"
      text: "For twenty years he chaired the traders' association and had many friends."
  timeline_link:
    id: onset_after_closure
    hint: "When did the symptoms begin?"
    text: "His symptoms began in March 2025, two months after he closed the bakery."
  goals: [transition.mourn_old, transition.realistic_new, transition.mastery]
  strategies: [transition.feelings_about_change, transition.review_old_new, transition.new_skills,
               transition.new_support]
  rationale: "Written for these tests: a change of role forced by illness; he was sociable before."
  formulation: >-
    Pieter, what you have is depression, a common illness that can be treated. It began in March, two months
    after you had to close the bakery. You lost the shop, the people who queued for your sourdough and the boys
    you taught, and at home you feel you are no use. In IPT we call this a role transition. Over twelve weeks
    we will talk about what you have lost and what is still yours. Does that fit?
"""


@pytest.fixture(scope="module")
def baker(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("cases") / "x-91.yaml"
    path.write_text(_BAKER, encoding="utf-8")
    return load_case_file(path)


_OPENING = "Pieter, you have a depression; it is an illness, not a weakness. "
_CLOSED = "You had to close the bakery when the arthritis made kneading impossible. "
_AREA = "In IPT we call this a role transition. We will meet for twelve weeks. Does that fit?"
#: the regulars told with the case's other words for them (the vignette's and the model formulation's)
_REGULARS = "Your regulars queued in the dark for your sourdough, and now the shop is shut. "


def test_an_item_told_in_the_cases_other_words_for_it_is_cited(baker):
    read = score(baker, _OPENING + _CLOSED + _REGULARS + _AREA)
    assert "lost_regulars" in read.evidence_cited
    # the item's own word alone, or the case's other words alone, tell nothing of it
    own_only = score(baker, _OPENING + _CLOSED + "Your regulars are kind people who still wave at you. " + _AREA)
    assert "lost_regulars" not in own_only.evidence_cited
    other_only = score(baker, _OPENING + _CLOSED + "People queued in the dark for your sourdough. " + _AREA)
    assert "lost_regulars" not in other_only.evidence_cited


def test_the_cases_other_words_do_not_count_in_a_list_a_copy_or_for_another_focus(baker):
    listed = score(baker, "RT. Bakery closed. Regulars. Sourdough. Queue. Arthritis. Sleeplessness.")
    assert "lost_regulars" not in listed.evidence_cited
    # the same sentence in an answer that argues deficits: the fact retold as evidence of another focus
    deficits = score(baker, "This is interpersonal deficits: Pieter has always kept to himself. " + _REGULARS
                     + "Goals: reduce his isolation and help him form new relationships.")
    assert deficits.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert "lost_regulars" not in deficits.evidence_cited
    copied = score(baker, baker.vignette + " So a role transition.")
    assert "pasted_vignette" in copied.flags
    assert points(copied, "evidence_timeline") <= points(score(baker, baker.vignette.replace(
        "the regulars who queued for his sourdough before\n  dawn, ", "") + " So a role transition."),
        "evidence_timeline") + 0.5


def test_context_words_leave_out_symptoms_names_dates_the_clinical_vocabulary_and_other_items_words(baker):
    from ipt_training.scoring.formulation import _matcher_for

    _, derived = _matcher_for(baker.reference, baker)
    words = {w for item in derived.extra.values() for w in item}
    assert "word:sourdough" in derived.extra["lost_regulars"]
    assert not words & {"word:sleeplessnes", "word:restlessnes", "name:liesbeth", "month:mar", "word:transition",
                        "word:talk"}
    own = {k for weights in derived.items.values() for k in weights}
    assert not words & own
    # without the case (a reference alone) there is nothing to read the other words from
    assert with_context(derived, [], names=frozenset(), skip=frozenset()).extra == derived.extra


def test_the_onset_in_plain_forms_of_sleep_ties_the_key_event(baker):
    # (the diagnosis said in the sentence before would be the onset already: the link is told on its own here)
    linked = score(baker, _OPENING + _REGULARS + "You have not slept properly since the day you closed the bakery. "
                   + _AREA)
    assert "onset_after_closure" in linked.evidence_cited
    # two facts side by side are no link, in any words
    apart = score(baker, _OPENING + _REGULARS + "You closed the bakery in January. You have slept badly. " + _AREA)
    crying = score(baker, _OPENING + _REGULARS + "You have not cried since you closed the bakery. " + _AREA)
    assert "onset_after_closure" not in crying.evidence_cited
    assert "onset_after_closure" not in apart.evidence_cited


def test_the_onset_in_the_cases_own_words_for_its_symptoms(baker):
    text = _OPENING + _REGULARS + "The restlessness came after you closed the bakery. " + _AREA
    assert "onset_after_closure" in score(baker, text).evidence_cited
    # the same case with symptoms told in other words: "restlessness" is then no word of its onset
    timeline = [e.model_copy(update={"event": "Poor sleep, weight loss"}) if e.kind.value == "symptom" else e
                for e in baker.timeline]
    other = baker.model_copy(update={"timeline": timeline})
    assert "onset_after_closure" not in score(other, text).evidence_cited


def _told(text: str, baker) -> bool:
    return onset_told(clauses(text)[0], onset_words(baker.reference, baker))


def test_crying_and_the_cases_facts_are_no_onset(baker):
    assert _told("he has slept badly", baker)
    assert _told("the restlessness is new", baker)
    # not crying is mourning held back; a word of the case's facts ("market", "bakery") is a fact, not the onset
    assert not _told("he has not cried since", baker)
    assert not _told("he stopped the sunday market", baker)
    assert not _told("after the loss of the bakery", baker)


def test_the_onset_month_with_a_verb_of_beginning_is_the_onset(baker):
    # "it came on in March": the case's onset month, no other event of the case in it
    text = _OPENING + _REGULARS + "The heaviness came on in March, in the weeks after you closed the bakery. " + _AREA
    assert "onset_after_closure" in score(baker, text).evidence_cited
    # a quarrel that began then is no onset, and another month is not the onset's
    rows = _OPENING + _REGULARS + "The rows with Liesbeth started in March, after you closed the bakery. " + _AREA
    assert "onset_after_closure" not in score(baker, rows).evidence_cited
    june = _OPENING + _REGULARS + "The heaviness came on in June, in the weeks after you closed the bakery. " + _AREA
    assert "onset_after_closure" not in score(baker, june).evidence_cited


def test_the_cases_own_span_names_the_key_event_in_the_answers_words(baker):
    # "your last loaf" is no word of the case: the span from the closure to the onset (two months) names the event
    text = _OPENING + _REGULARS + "By March, eight weeks after your last loaf, you were waking at night. " + _AREA
    assert "onset_after_closure" in score(baker, text).evidence_cited
    # a span the case does not give, or a span pointing back ("later") to no event, names nothing
    wrong = _OPENING + _REGULARS + "By March, a year after your last loaf, you were waking at night. " + _AREA
    assert "onset_after_closure" not in score(baker, wrong).evidence_cited
    back = _OPENING + _REGULARS + "Eight weeks later, you were waking at night. " + _AREA
    assert "onset_after_closure" not in score(baker, back).evidence_cited


def test_a_verbs_third_person_is_the_verb():
    from ipt_training.scoring.evidence import sentence_terms
    from ipt_training.scoring.word_forms import third_person

    assert [third_person(v) for v in ("retire", "marry", "wish", "sell", "stay")] == [
        "retires", "marries", "wishes", "sells", "stays"]
    # the timeline's "Retires as principal" and the link's "after she retired" are one term
    assert {t.key for t in sentence_terms("Retires as principal")} & {t.key for t in sentence_terms("she retired")}
    # a short verb in -y has its -ied form: "Both are still trying" is found by "you both tried"
    assert any("tried" in t.cues for t in sentence_terms("Both are still trying"))


_FARM = """
id: x-92
title: "A dairy farm in Friesland"
set: practice
difficulty: intermediate
traps: [impasse]
patient:
  name: Sjoerd Hoekstra
  age: 49
  gender: man
  background: "Dairy farmer in Friesland; runs the farm with his brother Jelle"
setting: "General practice, Leeuwarden"
vignette: |
  Sjoerd, 49, runs the family dairy farm with his brother Jelle. In February 2025 Jelle sold forty cows to a
  neighbour without asking him. They had one shouting match in the milking parlour; since then the brothers
  leave each other notes on the tractor and do not mention the herd. From April 2025 he has slept badly and
  lost interest in the village band. He expects them to decide together as equal owners; Jelle says he does the
  books and may decide. Nobody close has died.
symptom_onset: 2025-04
timeline:
  - date: 2025-02
    event: "Jelle sells forty cows without asking; shouting match in the milking parlour"
    kind: conflict
  - {date: 2025-04, event: "Poor sleep, loss of interest in the band", kind: symptom}
inventory:
  - name: Jelle
    relationship: brother, co-owner of the farm
    closeness: inner
    contact: "daily, through notes"
    expectations: "To decide together"
  - name: Village band
    relationship: friends from the village brass band
    closeness: middle
    contact: "none since April"
    expectations: "Friendship"
reference:
  primary_area: role_dispute
  dispute_stage: impasse
  acceptable_alternatives: []
  key_evidence:
    - id: cows_sold
      hint: "What happened in February?"
      text: "In February 2025 Jelle sold forty cows to a neighbour without asking Sjoerd."
    - id: notes
      hint: "How do they talk now?"
      text: "Since the shouting match the brothers have stopped talking about the herd and leave notes on the tractor."
    - id: expectations
      hint: "What does each expect?"
      text: >-
        Sjoerd expects them to decide together as equal owners, while Jelle expects to decide because he does the
        books.
  timeline_link:
    id: onset_after_sale
    hint: "When did the symptoms begin?"
    text: "His symptoms began in April 2025, two months after Jelle sold the cows."
  goals: [dispute.identify, dispute.plan, dispute.resolve]
  strategies: [dispute.expectations, dispute.patterns, dispute.options]
  rationale: "Written for these tests: a dispute at an impasse."
  formulation: >-
    Sjoerd, you have depression, a common illness that can be treated. It began in April, two months after Jelle
    sold the cows without asking you. Since then you have stopped talking about it. In IPT we call this a role
    dispute at an impasse. Over twelve weeks we will look at what you each expect. Does that fit?
"""


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("cases") / "x-92.yaml"
    path.write_text(_FARM, encoding="utf-8")
    return load_case_file(path)


_SJOERD = "Sjoerd, you have a depression; it is an illness, not a weakness. "
_SOLD = ("In February Jelle sold forty cows to the neighbour without asking you, two months before you began to sleep "
         "badly. ")
#: the case's stage fact in the answer's words, with no word of a stage
_TRACTOR = "Since the row in the milking parlour, the two of you only leave notes on the tractor about the herd. "
_DISPUTE = "This is a role dispute between you and Jelle. Over twelve weeks we will look at what you each expect."


def test_the_stage_told_by_the_fact_the_case_states_it_with(farm):
    read = score(farm, _SJOERD + _SOLD + _TRACTOR + _DISPUTE)
    assert read.detected_primary is ProblemArea.ROLE_DISPUTE
    assert "notes" in read.evidence_cited
    assert "fits the case" in read.criterion("evidence_timeline").feedback
    without = score(farm, _SJOERD + _SOLD + "You and Jelle work the farm every day. " + _DISPUTE)
    assert points(read, "evidence_timeline") > points(without, "evidence_timeline")


def test_the_stage_fact_does_not_stage_another_focus_a_list_or_a_stage_named_otherwise(farm):
    other = score(farm, "Sjoerd has interpersonal deficits: he has always been shy. " + _TRACTOR
                  + "Goals: reduce his isolation and help him form new relationships.")
    assert "fits the case" not in other.criterion("evidence_timeline").feedback
    listed = score(farm, "Cows sold 2/25. Notes on the tractor. Herd. Jelle. Sx 4/25.")
    assert "fits the case" not in listed.criterion("evidence_timeline").feedback
    named = score(farm, _SJOERD + _SOLD + _TRACTOR + "This is a role dispute at the renegotiation stage between "
                  "you and Jelle. Over twelve weeks we will look at what you each expect.")
    assert "fits the case" not in named.criterion("evidence_timeline").feedback


def _farm_with_notes(farm, hint: str):
    notes = "Since the shouting match the brothers leave notes on the tractor and say only good morning."
    evidence = [e.model_copy(update={"text": notes, "hint": hint}) if e.id == "notes" else e
                for e in farm.reference.key_evidence]
    return farm.model_copy(update={"reference": farm.reference.model_copy(update={"key_evidence": evidence})})


def test_an_item_whose_hint_asks_for_the_stage_is_the_cases_stage_fact(farm):
    # the item's sentence has no words of a stage; its hint asks how they communicate now, as authors ask for a stage
    asked = score(_farm_with_notes(farm, "How do the brothers communicate now?"), _SJOERD + _SOLD + _TRACTOR + _DISPUTE)
    assert "notes" in asked.evidence_cited
    assert "fits the case" in asked.criterion("evidence_timeline").feedback
    # a hint that asks for something else makes the same fact no stage
    other = score(_farm_with_notes(farm, "Where are the notes left?"), _SJOERD + _SOLD + _TRACTOR + _DISPUTE)
    assert "notes" in other.evidence_cited
    assert "fits the case" not in other.criterion("evidence_timeline").feedback


#: The red team's listing (round 9, red9 increment 3): every word of p-23's vignette, in its order, in one sentence.
_P23_LISTED = ("The case is about referred, obstetric, midwife, pregnancy, cries, check, wrote, probably, hormonal, "
               "adjusting, psychologist, different, story, husband, spending, drinking, football, friends, money, "
               "aside, bigger, room, argued, weekend, wants, savings, works, deserves, weekends, sounds, mother, "
               "slept, badly, lost, weight, stopped, lunch, found, pregnant, planned, glad, worries, arguments, "
               "change, baby, promised, eight, midnight, want, stay, together, raise, subject, privately, threatened, "
               "thoughts, harming, asked, directly, friend, stall, needs, grow.")
_P23_TOLD = ("They both still raise the subject and want to stay together: he promised to be home by eight and came "
             "home at midnight.")


def test_the_stage_fact_counts_told_in_prose_not_among_the_cases_words_listed(library):
    opening = "Rosa has major depression. I think the focus is a role dispute with Julio. "
    listed = score(library.get("p-23"), opening + _P23_LISTED)
    told = score(library.get("p-23"), opening + _P23_TOLD)
    assert listed.detected_stage is None
    assert told.detected_stage is not None
    assert points(told, "evidence_timeline") > points(listed, "evidence_timeline")


def test_the_cases_words_listed_in_one_long_clause_tie_no_event_to_the_onset(library):
    from ipt_training.scoring.evidence import STOP_WORDS
    from ipt_training.scoring.readability import FUNCTION_WORDS

    case = library.get("p-36")
    words = list(dict.fromkeys(w for c in clauses(case.vignette) for w in c
                               if w.isalpha() and w not in FUNCTION_WORDS and w not in STOP_WORDS))
    listed = score(case, "I think the focus is a role transition. The case is about " + ", ".join(words) + ".")
    assert "onset_after_job_loss" not in listed.evidence_cited
    # a note's clauses are short, or hold a fifth of function words: its link still counts
    note = score(case, "PA: RT. Lost his job when the firm closed; onset two months after the job loss. Goals: mourn "
                 "the old role, master the new one.")
    assert "onset_after_job_loss" in note.evidence_cited
