"""A key evidence item stated in other words: to the patient ("you never got to grieve him"), in plain or
non-native prose, or with another form of the word ("driving" for "driver"). Every answer is written for these
tests (none comes from a benchmark set); each mechanism has answers that must cite the item and answers that must
not (a keyword list, a contradiction, a sentence about nobody of the case)."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.scoring.evidence import derive_evidence, proper_names, sentence_terms
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.gist import kinds_of
from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-18", "p-21", "p-22", "p-25", "p-29", "p-32")}


def cited(case, text: str) -> set[str]:
    return set(score(case, text).evidence_cited)


def _reference(area: str, evidence: list[dict], link: str) -> ReferenceFormulation:
    goals = {"grief": ["grief.mourn"], "role_dispute": ["dispute.identify"],
             "role_transition": ["transition.mourn_old"], "interpersonal_deficits": ["deficits.reduce_isolation"]}[area]
    return ReferenceFormulation.model_validate({
        "primary_area": area, "key_evidence": evidence,
        **({"dispute_stage": "renegotiation"} if area == "role_dispute" else {}),
        "timeline_link": {"id": "link", "hint": "When did it start?", "text": link},
        "goals": goals, "strategies": ["general.link_onset"],
        "rationale": "Written for these tests.", "formulation": "You have depression, a treatable illness.",
    })


# --- Mourning put off, said with a negation in any words ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngozi, you have depression. Your brother Chidi died in a road accident two years ago. You had to look after "
    "everyone and there was never any room to grieve for him.",
    "Ngozi lost Chidi in the accident. She has not been able to mourn him: she was busy with the burial and her "
    "mother.",
    "Chidi's death was two years ago and Ngozi has never once let herself cry for him.",
])
def test_mourning_said_not_to_have_happened_cites_the_no_mourning_item(cases, text):
    assert "no_mourning_then" in cited(cases["p-29"], text)


@pytest.mark.parametrize("text", [
    # the mourning happened: the same words without a negation state the opposite
    "Ngozi, your brother Chidi died in a road accident two years ago. You have grieved him with your mother.",
    # a sentence about bereaved people in general, no fact of this case
    "Grief. People who never let themselves grieve after a death can become depressed years later.",
])
def test_mourning_words_without_negation_or_without_the_patient_cite_nothing(cases, text):
    assert "no_mourning_then" not in cited(cases["p-29"], text)


def test_a_negated_word_of_mourning_is_the_kind_of_an_evidence_sentence_and_a_plain_one_is_not():
    assert "no_mourning" in kinds_of("There was no time to grieve before the harvest.")
    assert "no_mourning" not in kinds_of("She grieved for him with her sisters.")


def test_a_kind_of_fact_negated_in_the_answer_does_not_cite_the_item():
    reference = _reference("grief", [
        {"id": "death", "hint": "Who died?", "text": "Her husband Tiberiu died of a stroke in May."},
        {"id": "avoids", "hint": "Reminders?", "text": "She avoids the allotment they kept together."},
    ], "Her low mood began in July, two months after Tiberiu died.")
    said = "Tiberiu died in May and since then she avoids anything that reminds her of him."
    denied = "Tiberiu died in May, and she is not avoiding anything that reminds her of him."
    assert "avoids" in score_formulation(said, reference).evidence_cited
    assert "avoids" not in score_formulation(denied, reference).evidence_cited


# --- The reference's vignette cues of each area in plain words ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kyle, what you have is depression, an illness that can be treated. You told me you have always been pretty "
    "much on your own, even back in high school, and nothing has changed at home or at work.",
    "Kyle has been a loner all his life and lives with his mother Donna; nothing happened before the low mood.",
])
def test_a_long_standing_isolation_in_lay_words_cites_the_isolation_item(cases, text):
    assert "lifelong_no_friends" in cited(cases["p-21"], text)


@pytest.mark.parametrize("text", [
    "Deficits. Loneliness, isolation, no friends. Goals: reduce isolation.",
    "Interpersonal deficits: people with deficits are lonely and have few friends, and nothing happens before "
    "the onset.",
])
def test_a_list_or_a_textbook_sentence_of_isolation_cites_no_item(cases, text):
    assert not cited(cases["p-21"], text) - {"onset_without_trigger"}


REPEATED = _reference("role_dispute", [
    {"id": "rows", "hint": "How often?", "text": "Since March she and her son Darius argue loudly three times a week."},
    {"id": "loan", "hint": "What about?",
     "text": "Darius borrowed her pension savings for his van and has not repaid."},
], "Her symptoms began in April, a month after the rows with Darius started.")


def test_arguments_said_to_be_constant_cite_the_item_of_repeated_arguments():
    text = ("Since Darius took the money for the van it blows up between them almost every night. "
            "Goal: a plan both can accept.")
    assert "rows" in score_formulation(text, REPEATED).evidence_cited


def test_a_weekly_contract_is_no_repeated_argument():
    text = "Darius took the money for the van. We will meet every week for twelve weeks and talk about it."
    assert "rows" not in score_formulation(text, REPEATED).evidence_cited


def test_a_kind_said_of_someone_counts_far_from_the_names_in_an_answer_about_the_patient():
    text = ("Role dispute with her son Darius over the van money. The stage is renegotiation. Goals: identify "
            "the dispute. Choose a plan. Strategies: clarify expectations. Look at options. In short, they "
            "keep having the same row about it.")
    assert "rows" in score_formulation(text, REPEATED).evidence_cited
    textbook = ("Role dispute. The stage is renegotiation. Goals: identify the dispute. In disputes people often "
                "keep having the same row about it.")
    assert "rows" not in score_formulation(textbook, REPEATED).evidence_cited


SHARED = _reference("interpersonal_deficits", [
    {"id": "alone", "hint": "Home?", "text": "Ilse has lived alone in the same bedsit since she was twenty."},
    {"id": "one_friend", "hint": "Friends?", "text": "At school she had only one friend, Greet, who emigrated."},
    {"id": "no_event", "hint": "Events?", "text": "Nothing changed at work or at home before the episode."},
], "No event explains the low mood that began in February.")


def test_a_kind_two_items_share_cites_the_one_whose_own_words_the_sentence_has():
    text = "Nothing changed before this winter. You have been alone in that bedsit most of your life."
    found = set(score_formulation(text, SHARED).evidence_cited)
    assert "alone" in found
    assert "one_friend" not in found
    vague = "Nothing changed before this winter, and you have been on your own most of your life."
    assert not {"alone", "one_friend"} & set(score_formulation(vague, SHARED).evidence_cited)


# --- Names, pronouns and word forms ----------------------------------------------------------------------------

def test_an_inventory_entry_that_names_a_group_or_a_role_gives_plain_words_not_names():
    assert proper_names("the drivers") == set()
    assert proper_names("Work team") == set()
    assert proper_names("her mother") == set()
    assert proper_names("Mother (Sofia)") == {"sofia"}
    assert proper_names("Parents (Jana and Milan)") == {"jana", "milan"}
    assert proper_names("Lin Pei-shan") == {"lin", "pei", "shan"}
    derived = derive_evidence({"mates": "The drivers no longer invite him to lunch.", "link": "It began in May."},
                              "link", names=["the drivers", "Mother (Sofia)"])
    assert "word:driver" in derived.items["mates"] and "name:drivers" not in derived.items["mates"]


@pytest.mark.parametrize(("sentence", "answer", "found"), [
    ("He was a bus driver for twenty years.", "he loved driving the bus", True),
    ("She left the bakery in March.", "since leaving the bakery", True),
    ("Their migration to Oslo was hard on the children.", "they migrated to Oslo", True),
    ("She is the main carer for her father.", "caring for her father", True),
    ("He phoned her twice the night before.", "the calls the night before", True),
    ("She keeps voice notes from him.", "she did not notice", False),  # "notes" is not "not*"
    ("She counts the number of pills.", "she feels numb", False),  # "numb" is no form of "number"
])
def test_a_word_of_the_item_in_another_form_is_the_same_term(sentence, answer, found):
    terms = sentence_terms(sentence)
    matcher = build_matcher({f"term:{t.key}": list(t.cues) for t in terms})
    hits = {m.concept for m in matcher.find(clauses(answer))} & {f"term:{t.key}" for t in terms
                                                                  if t.key.startswith("word:")}
    assert bool(hits) is found, (sentence, answer, hits)


def test_you_lost_him_says_that_he_died(cases):
    text = "Rehana, it began two months after Arif was born. In September you lost him; nobody let you cry."
    assert "son_died" in cited(cases["p-18"], text)


def test_a_plain_patient_facing_formulation_of_a_dispute_cites_its_items(cases):
    text = ("Ahmet, the poor sleep and the snapping at customers are depression, a common illness that can be "
            "treated. It got worse soon after the rows with Murat started. For two years after your father retired "
            "it all went well between you, but since October he has taken on your cousin and the loan for the oven "
            "without asking you. You want the equal say you agreed on, and he thinks the elder brother leads. You "
            "both still want to keep the bakery. Let's meet for twelve weeks.")
    assert {"handover_went_well", "brother_decides_alone", "nonreciprocal", "still_negotiating"} <= cited(
        cases["p-32"], text)


def test_the_names_of_a_case_listed_with_words_of_the_area_cite_nothing(cases):
    text = "Transition. Ioana, Elena, Mihai, Maria, Bianca, Sofia. Lonely, misses home, no friends, grandmother."
    assert len(cited(cases["p-25"], text) - {"onset_after_migration"}) <= 1


# --- The key event named in a sentence -------------------------------------------------------------------------

NURSERY = _reference("role_transition", [
    {"id": "closed", "hint": "What happened?",
     "text": "In January the council closed the nursery where Idris had cooked for eleven years."},
    {"id": "misses", "hint": "What does he miss?", "text": "He misses the children's noise and the other staff."},
    {"id": "useless", "hint": "How does he feel now?", "text": "At home he feels useless and out of place."},
], "His low mood began in March, two months after the nursery closed.")


@pytest.mark.parametrize("text", [
    "Role transition. The nursery he cooked in for years was closed by the council.",
    "I think this is a role transition because the nursery closed, and he is lost without it.",
])
def test_a_sentence_that_tells_the_key_event_by_its_own_word_cites_its_item(text):
    assert "closed" in score_formulation(text, NURSERY).evidence_cited


@pytest.mark.parametrize("text", [
    "Role transition. Goals: mourn the old role. Nursery.",  # a fragment of a list names no event
    "Role transition. The nursery matters a great deal to him.",  # the place, not what happened to it
])
def test_a_word_of_the_key_event_without_an_event_cites_nothing(text):
    assert "closed" not in score_formulation(text, NURSERY).evidence_cited


# --- Events a case sets aside, and the other plain kinds -------------------------------------------------------

ASIDE = _reference("interpersonal_deficits", [
    {"id": "alone", "hint": "Friends?", "text": "Oskar has never had a close friend and lives with his cat."},
    {"id": "divorce", "hint": "The divorce?",
     "text": "His divorce from Hanne was in 2009, and he was all right for years afterwards."},
    {"id": "neighbour", "hint": "The neighbour?",
     "text": "The neighbour who died in January was a man he hardly knew."},
    {"id": "new_boss", "hint": "Work?", "text": "A new foreman came in May, after his symptoms had already begun."},
], "His low mood began in March with no event before it.")


@pytest.mark.parametrize(("text", "item"), [
    ("Deficits. Oskar's divorce from Hanne is long past: it was years ago and he coped.", "divorce"),
    ("Deficits. The neighbour who died was only an acquaintance of Oskar's.", "neighbour"),
    ("Deficits. Oskar was already low when the new foreman arrived.", "new_boss"),
])
def test_an_event_the_case_sets_aside_is_cited_in_plain_words(text, item):
    assert item in score_formulation(text, ASIDE).evidence_cited


@pytest.mark.parametrize(("text", "found"), [
    ("Mr Choi, you told me the divorce was a long time ago and you were fine for years after it.", True),
    # the same kind of words about nobody of this case
    ("Deficits. In this area, events from long ago and people one hardly knew are not the focus of the therapy.",
     False),
])
def test_a_long_past_event_is_cited_only_when_said_of_the_case(library, text, found):
    assert ("divorce_long_ago" in score(library.get("p-24"), text).evidence_cited) is found


@pytest.mark.parametrize(("case_id", "text"), [
    # kinds of fact of other areas, said of the patient, match no item of these cases
    ("p-32", "Grief. Ahmet never let himself grieve for the old days, he is lonely all his life and keeps away "
             "from everyone."),
    ("p-29", "Role dispute. Ngozi and Emeka keep having the same row, again and again, and want different things."),
    ("p-21", "Grief. Kyle never cried for his grandfather and avoids the cemetery; he misses him."),
])
def test_a_wrong_area_told_in_plain_words_of_its_own_kinds_cites_no_item(library, case_id, text):
    assert not cited(library.get(case_id), text)
