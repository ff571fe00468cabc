"""Round 12 attack on the scorer: the holes round 11 left open, closed as mechanisms.

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* closes a differential with a conclusion word in front of a list: "No death, so not grief; so a role dispute, a
  role transition or interpersonal deficits." The conclusion ("so", "on balance", "therefore") made the first area
  of the list the writer's decision, so the list was no stuffing and the first area was chosen (the dispute with the
  full point on every dispute case). A conclusion word in front of a list of alternatives concludes nothing
  (``areas._alternatives``): the list is read as the same list without it.

* lists the vignette's words as evidence: "Evidence: marcelo, engineer, divorce, january, lawyer, papers, ...", thirty
  of its longer words under the right label, cited every item whose two words the list happened to hold (1.29 of 3
  evidence on average over the 48 library cases, more than an honest link sentence). A run of eight or more single
  words, one to an item, however parted (commas, full stops, lines, "and"), or fifteen words strung together with no
  mark between them, states no fact: its clauses cite no evidence, no dispute stage and no absence of an event
  (``word_lists``).

* ties the onset to every event of the timeline in turn: "He became low after X. He became low after Y. He became
  low after Z." The key event was among them, so the link was credited (2.04 of 3 evidence on average over the 48
  library cases, against 1.27 for the same events told as facts). Three or more events, each tied to the onset in a
  statement of its own, are the timeline walked through, not a link (``every_event``): the events still count as
  facts, the link does not.

* (phase 2, found while re-testing the generic plan) writes the area and its textbook plan in under twelve words:
  "Grief. Facilitate mourning; encouragement of affect; reconstruction." An answer with no fact of the case earns the
  textbook share (a quarter) of its goals and strategies, but that reading began at twelve words, so the shortest
  textbook answer kept the whole plan: 5.01 of 10 on average over 48 cases, against 3.77 for the same plan in a longer
  textbook answer. A short answer that states no fact and names nobody of the case is a textbook answer too.

* (phase 2) opens with "The primary problem area is ...": on five library cases whose vignette says "problem" ("found
  no problem"), the label's own word was a fact of the case, so a generic plan under it was read as about this
  patient (p-24: "We will talk about it, ..., reduce isolation, decide what to do" 6.5 of 10 with no flag, so it
  was never sent to review). The frame's words are course vocabulary (``specificity._FRAME_WORDS``); so are a plan's
  words that an inventory uses of someone ("co-worker", "helps with the children", "plays games with him"), which
  made "we will work on it" speak of someone of the case, so the generic plan escaped the textbook share.

Honest answers next to them keep their credit: "so a role dispute with Patricia", "so a role dispute, with the
transition as secondary", "on balance a role transition rather than a dispute or deficits"; a clinician's note whose
items are facts ("move to Winnipeg Mar 25 / left his team + futsal league / sx May, 2 mo after the move"); the
events told and one of them tied to the onset; a chain ("Her mood fell after X. It got worse after Y."); one sentence
that ties the onset to two or three events. Every answer here is our own, written for this file for library cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from attack_templates import area_label, cases_with_keys, pronoun, timeline_events
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary

# --- a list of areas after a conclusion word

_SO_LISTS = [
    "No death, so not grief; so a role dispute, a role transition or interpersonal deficits.",
    "Nobody died, so not grief; so interpersonal deficits, a role transition or a role dispute.",
    "No death, so not grief. So: role transition, role dispute or interpersonal deficits.",
    "On balance, a role dispute or a role transition or interpersonal deficits.",
    "Therefore a role dispute, a role transition, and interpersonal deficits.",
]


@pytest.mark.parametrize("text", _SO_LISTS)
def test_a_list_after_a_conclusion_word_chooses_nothing(library: CaseLibrary, text: str) -> None:
    for case in cases_with_keys(library):
        report = score(case, text)
        assert points(report, "problem_area") == 0, case.id
        assert "keyword_stuffing" in report.flags


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-19", "No death, so not grief; so a role dispute with Patricia."),
    ("p-19", "No death, so not grief; so a role dispute, with a role transition as secondary."),
    ("p-19", "So a role dispute and a role transition."),  # two foci, the first the primary
    ("p-05", "On balance, a role transition rather than a role dispute or interpersonal deficits."),
    ("p-05", "So: a role transition. Not a role dispute or interpersonal deficits."),
])
def test_a_conclusion_that_names_one_area_still_decides(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert points(report, "problem_area") == 3.0
    assert "keyword_stuffing" not in report.flags


# --- the vignette's words listed as evidence

def _vignette_words(case, count: int = 30) -> list[str]:
    """The vignette's first ``count`` distinct words of six letters or more, in its order (what the trainee copies)."""
    seen: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", case.vignette):
        if len(word) >= 6 and word.lower() not in seen:
            seen.append(word.lower())
    return seen[:count]


_LISTS = {
    "commas": lambda words: "Evidence: " + ", ".join(words) + ".",
    "spaces": lambda words: "Evidence: " + " ".join(words) + ".",
    "and": lambda words: "Evidence: " + " and ".join(words) + ".",
    "sentences of seven": lambda words: " ".join(f"Evidence: {', '.join(words[k:k + 7])}." for k in range(0, 28, 7)),
    "lines of four": lambda words: "\n" + "\n".join("- " + ", ".join(words[k:k + 4]) for k in range(0, 28, 4)),
}


@pytest.mark.parametrize("form", list(_LISTS))
def test_the_vignette_s_words_listed_cite_no_evidence(library: CaseLibrary, form: str) -> None:
    gained = []
    for case in cases_with_keys(library):
        label = area_label(case)
        listed = score(case, f"{label} {_LISTS[form](_vignette_words(case))}")
        gained.append(points(listed, "evidence_timeline") - points(score(case, label), "evidence_timeline"))
    assert max(gained) <= 1.0  # (before: up to 3.0, 1.1-1.5 on average)
    assert sum(gained) / len(gained) <= 0.2


@pytest.mark.parametrize(("case_id", "note"), [
    ("p-05", "RT / move to Winnipeg Mar 25 for Clara's post / left his team + futsal league / home contract work Apr / "
             "sx May, 2 mo after the move / mourn old role"),
    ("p-19", "RD, dissolution. Evidence: wife announced divorce Jan 25, says she has decided; moved to her sister's "
             "flat Mar; lawyer's papers Apr; he sends her messages nightly and wants couples therapy; sx from Feb."),
])
def test_a_note_of_facts_keeps_its_evidence(library: CaseLibrary, note: str, case_id: str) -> None:
    assert points(score(library.get(case_id), note), "evidence_timeline") == 3.0


def test_a_list_of_symptoms_beside_the_facts_takes_nothing_away(library: CaseLibrary) -> None:
    told = ("Amaru moved to Winnipeg in March 2025 for Clara's post and left his team and his futsal league; he became "
            "low in May, two months after the move. Role transition.")
    symptoms = " Symptoms: waking, appetite, interest, deadlines, guilt, hopelessness, tiredness, irritability."
    case = library.get("p-05")
    assert points(score(case, told + symptoms), "evidence_timeline") == points(score(case, told), "evidence_timeline")
    assert points(score(case, told), "evidence_timeline") == 3.0


# --- the onset tied to every event

_TIED = {
    "became low after": lambda case: " ".join(f"{pronoun(case)} became low after {e}." for e in timeline_events(case)),
    "since": lambda case: " ".join(f"Since {e}, {pronoun(case).lower()} has been low." for e in timeline_events(case)),
    "symptoms began after": lambda case: " ".join(f"Symptoms began after {e}." for e in timeline_events(case)),
}


@pytest.mark.parametrize("form", list(_TIED))
def test_the_onset_tied_to_every_event_earns_no_link(library: CaseLibrary, form: str) -> None:
    gained = []
    for case in cases_with_keys(library):
        label = area_label(case)
        tied = score(case, f"{label} {_TIED[form](case)}")
        told = score(case, f"{label} " + " ".join(f"{e[0].upper()}{e[1:]}." for e in timeline_events(case)))
        if len(timeline_events(case)) >= 3:
            assert _LINKED not in tied.criterion("evidence_timeline").feedback, case.id
        gained.append(points(tied, "evidence_timeline") - points(told, "evidence_timeline"))
    assert sum(gained) / len(gained) <= 0.1  # (before: 0.6-0.8 over the events told as facts)


@pytest.mark.parametrize(("case_id", "text"), [
    # the events told, one tied to the onset
    ("p-05", "Clara was offered a post in Winnipeg and they decided to move. In March 2025 they moved, and Amaru left "
             "his team and his futsal league. In April he started contract work from home. He became low in May, two "
             "months after the move. Role transition."),
    # a chain: the onset, then worsenings
    ("p-07", "Role transition. Gareth's mood fell in March 2025, two months after the mill closed and he was made "
             "redundant. It got worse after the arguments with Sian about housework began. It got worse again once "
             "retraining was pressed on him."),
    # one sentence that ties the onset to three events
    ("p-05", "Amaru became low in May 2025, two months after the move to Winnipeg, after he had left his team and "
             "futsal league and after he started contract work at home. Role transition."),
    # two events tied, in two sentences
    ("p-33", "Role transition to life with Parkinson's disease. His symptoms began in November 2024, two months after "
             "the diagnosis. He also became low after he had to stop driving."),
])
def test_a_link_with_its_chain_keeps_its_credit(library: CaseLibrary, case_id: str, text: str) -> None:
    assert _LINKED in score(library.get(case_id), text).criterion("evidence_timeline").feedback


# --- the textbook plan in under twelve words

_TINY = {"grief": "Grief. Facilitate mourning; encouragement of affect; reconstruction.",
         "role_dispute": "Role dispute. Renegotiate expectations; communication analysis; role play.",
         "role_transition": "Role transition. Mourn old role; master new role; social support.",
         "interpersonal_deficits": "Interpersonal deficits. Reduce isolation; role play; therapeutic relationship."}


def test_a_short_textbook_plan_earns_the_textbook_share(library: CaseLibrary) -> None:
    gained = []
    for case in cases_with_keys(library):
        tiny = score(case, _TINY[case.reference.primary_area.value])
        label = score(case, _TINY[case.reference.primary_area.value].split(". ")[0] + ".")
        gained.append(tiny.total - label.total)
        assert points(tiny, "goals") <= 1.0, case.id
    assert sum(gained) / len(gained) <= 0.8  # (before: 2.0 over the area named alone, at least 1 on 46 of 48)


@pytest.mark.parametrize("text", [
    "RT after the move to Winnipeg: mourn old role, master new role.",
    "RT: Winnipeg move, lost futsal. Mourn old role, master new.",
])
def test_a_short_note_with_a_fact_keeps_its_plan(library: CaseLibrary, text: str) -> None:
    report = score(library.get("p-05"), text)
    assert points(report, "goals") >= 1.5


# --- the words of the answer's frame are no fact of the case

@pytest.mark.parametrize("case_id", ["p-01", "p-03", "p-14", "p-24"])  # (p-10: a word of the plan is its fact)
def test_the_label_s_own_words_state_no_fact(library: CaseLibrary, case_id: str) -> None:
    case = library.get(case_id)
    label = area_label(case)
    report = score(case, f"{label} We will talk about it, look at it, work on it, practise it, reduce isolation, "
                         "decide what to do.")
    assert "no_case_facts" in report.flags  # (it goes to review)
    assert points(report, "evidence_timeline") == 0


@pytest.mark.parametrize("case_id", ["a-02", "a-06", "p-07", "p-18", "p-24", "p-31", "p-37"])
def test_a_plan_s_words_name_nobody_of_the_case(library: CaseLibrary, case_id: str) -> None:
    # their inventories say "works", "helps with the children", "plays games with him", "co-worker": a plan that
    # will "work on it", "help him" and "use role play" speaks of nobody, so with no fact it is a textbook answer
    case = library.get(case_id)
    label = area_label(case)
    plan = " We will work on it, help with it and use role play, reduce isolation and build support."
    report = score(case, label + plan)
    assert report.total - score(case, label).total <= 1.0


def test_a_fact_beside_the_label_still_counts(library: CaseLibrary) -> None:
    report = score(library.get("p-24"), "The primary problem area is interpersonal deficits. Mr Choi has been shy and "
                                        "solitary all his life and nothing happened before the onset in January "
                                        "2025. We will reduce isolation.")
    assert "no_case_facts" not in report.flags
    assert points(report, "goals") == 2.0


# --- batch 1, written before the fixes (tests/data/red12/batch1.yaml)

_BATCH1 = yaml.safe_load((Path(__file__).parent / "data" / "red12" / "batch1.yaml").read_text(encoding="utf-8"))
_LINKED = "You tied the onset"


#: Attacks the fixes do not catch.
_OPEN = {"e11-attack": "an event named only by words it shares with other events ('her father started work in Turin') "
                       "is no event the ties can tell apart"}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN[item["id"]], strict=True))
                                  if item["id"] in _OPEN else item for item in _BATCH1],
                         ids=[item["id"] for item in _BATCH1])
def test_the_first_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    _read_as_marked(library, item)


def _read_as_marked(library: CaseLibrary, item: dict) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    evidence = report.criterion("evidence_timeline")
    assert points(report, "problem_area") == item["area"]
    if "link" in item:
        assert (_LINKED in evidence.feedback) is item["link"]
    assert evidence.points <= item.get("evidence_max", 3.0)
    assert evidence.points >= item.get("evidence_min", 0.0)


# --- batch 2, written after the fixes and run once (tests/data/red12/batch2.yaml): 9 of 10 read as marked

_BATCH2 = yaml.safe_load((Path(__file__).parent / "data" / "red12" / "batch2.yaml").read_text(encoding="utf-8"))
_OPEN2 = {"b7-attack": "two events of the timeline tied to the onset, and a symptom: two ties are allowed (an honest "
                       "answer ties the onset to two parts of one change), so the link is credited, as on main"}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN2[item["id"]], strict=True))
                                  if item["id"] in _OPEN2 else item for item in _BATCH2],
                         ids=[item["id"] for item in _BATCH2])
def test_the_second_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    _read_as_marked(library, item)
