"""Round 13 attack on the scorer: the holes round 12 left open, closed as mechanisms.

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* walks through the areas: "I started with grief. I moved to a role dispute. I ended at a role transition.
  Interpersonal deficits?" chose the role dispute on all 48 library cases: "moved to" read as a change of mind (the
  decision) and "ended at" as nothing. A walk decides only where it says it ended ("ended at", "landed on", "finally
  settled on"), its verbs of changing are steps, and one that names another area after its end, or never says
  where it ended, lists the areas (``walk``). The honest walks next to them lost their area before: "I started with
  grief, but nobody has died. I moved to a transition, but ... I ended at a role dispute with Patricia" chose the
  transition, and "I finally settled on a role transition" committed to nothing.

* ties the onset to every event in one sentence: "He became low after X, after Y and after Z" earned the link
  (1.96 of 3 evidence over the 48 cases, against 1.27 for the events told as facts), since a sentence counted its
  first event only. One sentence whose ties name three or more events, one of which the timeline dates after the
  onset, ties it to an event that cannot have set it off: no link (``every_event``). A sentence that ties it to three
  events before the onset keeps the link (an answer of the check half does so, and its examiner credited it; a rule
  that also counted events over a year before the onset cost that answer its link).

* lists the vignette's words as "There was X." sentences: thirty of them under the right label cited 1.00 of 3
  evidence on average. A word in an empty frame ("There was", "It was", "Also") is a single word, and a run of them
  is a list of words (``word_lists``).

* writes the textbook's generic plan under the label on a deficits case: on p-10 "The primary problem area is
  interpersonal deficits. We will talk about it, ..., reduce isolation, decide what to do." earned 5.0 of 10 with no
  flag (+2 over the label; the other deficits cases keep the textbook quarter, flagged no_case_facts): the inventory
  names Ellie a "course-mate in problem classes", and the head of a relationship names someone whatever its words,
  so the frame's "problem" was a person of the case. The answer's own frame words ("problem") name nobody
  (``specificity._facts``).

* (phase 2) walks the timeline in the time link's new ties (ev13): "In the aftermath of X, he became low. In the
  aftermath of Y, ...", "on the heels of", "X, and then he became low": the time link read them, the every-event
  reader did not, so the link round 12 took from "after" came back (1.85-2.06 of 3 evidence, the honest guess of the
  key link 1.92). The every-event reader's ties are the time link's (``every_event``).

Every answer here is our own, written for this file for library cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from attack_templates import area_label, cases_with_keys, pronoun, timeline_events
from scoring_helpers import points, score

from ipt_training.cases.library import CaseLibrary

_LINKED = "You tied the onset"


# --- a walk through the areas

_WALKS = [
    "I started with grief. I moved to a role dispute. I ended at a role transition. Interpersonal deficits?",
    "I started with grief. I moved to a role dispute. Then a role transition. Then interpersonal deficits.",
    "I started with grief. I moved to a role dispute. I moved to a role transition. I moved to interpersonal "
    "deficits.",
    "I began at interpersonal deficits. I went on to grief. I switched to a role dispute. I moved to a role "
    "transition.",
]


@pytest.mark.parametrize("text", _WALKS)
def test_a_walk_that_does_not_say_where_it_ended_chooses_nothing(library: CaseLibrary, text: str) -> None:
    for case in cases_with_keys(library):
        assert points(score(case, text), "problem_area") == 0, case.id  # (before: the dispute, +3 on its cases)


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-05", "I started with grief. I moved to a role dispute. I ended at a role transition."),
    ("p-05", "I started with grief. I switched to a role dispute. I ended up with a role transition."),
    ("p-05", "I started with grief. I moved to a role dispute. I landed on a role transition."),
    ("p-19", "I started with grief. I moved to a role transition. I finally settled on a role dispute."),
    ("p-19", "Grief first, then I moved to a role transition, and in the end I came down on a role dispute."),
])
def test_a_walk_commits_to_the_area_it_says_it_ended_at(library: CaseLibrary, case_id: str, text: str) -> None:
    assert points(score(library.get(case_id), text), "problem_area") == 3.0


def test_a_walk_ended_at_another_area_does_not_choose_the_case_s(library: CaseLibrary) -> None:
    # the step the walk passed through is not its choice: on a dispute case, a walk that ended at the transition
    # earns the transition's (partial) credit, not the dispute's
    report = score(library.get("p-19"), "I started with grief. I moved to a role dispute. I ended at a role "
                                        "transition.")
    assert points(report, "problem_area") < 3.0


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-05", "I first thought of a role dispute with Clara, but I have changed it to a role transition: the move to "
             "Winnipeg in March 2025."),  # one change of mind is the decision
    ("p-05", "I've switched to a role transition after the move to Winnipeg."),
    ("p-05", "I ended at a role transition: the move to Winnipeg. The tension with Clara is secondary."),
])
def test_one_change_of_mind_still_decides(library: CaseLibrary, case_id: str, text: str) -> None:
    assert points(score(library.get(case_id), text), "problem_area") == 3.0


# --- the onset tied to every event in one sentence

def _one_sentence(case) -> str:
    events = timeline_events(case)
    return f"{pronoun(case)} became low " + ", ".join(f"after {e}" for e in events[:-1]) + f" and after {events[-1]}."


def test_one_sentence_that_ties_the_onset_to_every_event_earns_no_link(library: CaseLibrary) -> None:
    gained = []
    for case in cases_with_keys(library):
        if len(timeline_events(case)) < 2:
            continue
        tied = score(case, f"{area_label(case)} {_one_sentence(case)}")
        told = score(case, f"{area_label(case)} " + " ".join(f"{e[0].upper()}{e[1:]}." for e in timeline_events(case)))
        gained.append(points(tied, "evidence_timeline") - points(told, "evidence_timeline"))
    assert sum(gained) / len(gained) <= 0.3  # (before: 0.69 over the events told as facts, +1 or +2 on 36 of 48)


@pytest.mark.parametrize(("case_id", "text", "linked"), [
    # one of the events came after the onset (the divorce was finalised in February 2025, the onset November 2024)
    ("p-11", "Role transition. She became low after Agnieszka and Marek decided to separate, after Marek moved out, "
             "after she moved with the children to a smaller flat and after the divorce was finalised.", False),
    ("a-02", "Role transition. She became low after she applied for the ward manager post, after she was promoted to "
             "ward manager and after the matron suggested she see occupational health.", False),
    # an event of eleven years before is the background of the change, not a trigger claimed: the link stands
    ("a-02", "Role transition. She became low after eleven years as a staff nurse on the surgical ward, after she "
             "applied for the ward manager post and after she was promoted to ward manager.", True),
    # three events of the months before the onset, dated: the link stands
    ("p-11", "Role transition. She became low in November 2024, after the separation in April, after Marek moved out "
             "in June and after the move to a smaller flat in September.", True),
    ("p-05", "Amaru became low in May 2025, two months after the move to Winnipeg, after he had left his team and "
             "futsal league and after he started contract work at home. Role transition.", True),
    # the key event alone, beside the others told as facts
    ("a-02", "Role transition. She started as a staff nurse in 2014 and applied for the ward manager post in November "
             "2024. She became low in April 2025, two months after she was promoted to ward manager.", True),
])
def test_a_tie_to_events_that_cannot_have_set_it_off_is_no_link(library: CaseLibrary, case_id: str, text: str,
                                                                 linked: bool) -> None:
    assert (_LINKED in score(library.get(case_id), text).criterion("evidence_timeline").feedback) is linked


# --- phase 2: ev13's new ties ("in the aftermath of", "on the heels of", "and then") to every event

def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


_NEW_TIES = {
    "aftermath": lambda case: " ".join(f"In the aftermath of {e}, {pronoun(case).lower()} became low."
                                       for e in timeline_events(case)),
    "heels": lambda case: " ".join(f"{pronoun(case)} became low on the heels of {e}." for e in timeline_events(case)),
    "and then": lambda case: " ".join(f"{_cap(e)}, and then {pronoun(case).lower()} became low."
                                      for e in timeline_events(case)),
}


@pytest.mark.parametrize("form", list(_NEW_TIES))
def test_the_time_link_s_new_ties_to_every_event_earn_no_link(library: CaseLibrary, form: str) -> None:
    gained = []
    for case in cases_with_keys(library):
        tied = score(case, f"{area_label(case)} {_NEW_TIES[form](case)}")
        told = score(case, f"{area_label(case)} " + " ".join(f"{_cap(e)}." for e in timeline_events(case)))
        if len(timeline_events(case)) >= 3:
            assert _LINKED not in tied.criterion("evidence_timeline").feedback, case.id
        gained.append(points(tied, "evidence_timeline") - points(told, "evidence_timeline"))
    assert sum(gained) / len(gained) <= 0.2  # (on main after ev13: 0.58-0.79, above the honest key link's 0.65)


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-05", "Role transition. Amaru moved to Winnipeg in March 2025 and left his team and his futsal league. In the "
             "aftermath of the move he became low, in May."),
    ("p-07", "Role transition. The mill closed in January 2025 and Gareth was made redundant, and then his mood fell "
             "in March."),
    ("p-13", "Grief. Comfort became low in March 2025, on the heels of Kwabena's death from a stroke in January."),
])
def test_one_event_tied_in_the_new_words_keeps_its_link(library: CaseLibrary, case_id: str, text: str) -> None:
    assert _LINKED in score(library.get(case_id), text).criterion("evidence_timeline").feedback


# --- "There was X." for the vignette's words

def _vignette_words(case, count: int = 30) -> list[str]:
    seen: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", case.vignette):
        if len(word) >= 6 and word.lower() not in seen:
            seen.append(word.lower())
    return seen[:count]


@pytest.mark.parametrize("frame", ["There was {}.", "It was {}.", "Also {}."])
def test_words_in_an_empty_frame_cite_no_evidence(library: CaseLibrary, frame: str) -> None:
    gained = []
    for case in cases_with_keys(library):
        framed = " ".join(frame.format(w) for w in _vignette_words(case))
        gained.append(points(score(case, f"{area_label(case)} {framed}"), "evidence_timeline"))
    assert sum(gained) / len(gained) <= 0.2  # (before: 1.00 of 3 with "There was")


@pytest.mark.parametrize(("case_id", "framed", "plain"), [
    ("p-13", "Grief. There was a death in January 2025: her husband Kwabena died of a stroke. There was no time to "
             "grieve: she hosted the relatives for a week. Her low mood began in March.",
     "Grief. Her husband Kwabena died of a stroke in January 2025. She had no time to grieve: she hosted the "
     "relatives for a week. Her low mood began in March."),
    ("p-05", "RT. There was the move to Winnipeg in March 2025 for Clara's post. He left his team and futsal league. "
             "Low from May, two months after the move.",
     "RT. He moved to Winnipeg in March 2025 for Clara's post. He left his team and futsal league. Low from May, "
     "two months after the move."),
])
def test_a_fact_told_with_there_was_keeps_its_evidence(library: CaseLibrary, case_id: str, framed: str,
                                                       plain: str) -> None:
    case = library.get(case_id)
    assert points(score(case, framed), "evidence_timeline") == points(score(case, plain), "evidence_timeline") > 0


# --- the frame's words are no person of the case

_GENERIC = " We will talk about it, look at it, work on it, practise it, reduce isolation, decide what to do."


def test_the_frame_s_problem_is_nobody_of_the_case(library: CaseLibrary) -> None:
    gained = []
    for case in cases_with_keys(library):
        report = score(case, area_label(case) + _GENERIC)
        assert "no_case_facts" in report.flags, case.id  # (before: not on p-10, 5.0 of 10)
        gained.append(report.total - score(case, area_label(case)).total)
    assert max(gained) <= 1.0  # the textbook quarter at most (before: +2 on p-10)


def test_the_problem_classes_of_the_case_are_still_a_fact(library: CaseLibrary) -> None:
    report = score(library.get("p-10"), "Interpersonal deficits. Tariq spoke to Ellie only in problem classes and "
                                        "has never had a close friend. Goal: reduce isolation.")
    assert "no_case_facts" not in report.flags
    assert points(report, "goals") >= 1.0


# --- batch 1, written before the fixes (tests/data/red13/batch1.yaml)

_BATCH1 = yaml.safe_load((Path(__file__).parent / "data" / "red13" / "batch1.yaml").read_text(encoding="utf-8"))

#: Answers of the batch the fixes do not read as marked.
_OPEN = {
    "v2-attack": "the vignette's words in pairs: a pair is how a note states a fact ('wife died', 'futsal league'), "
                 "so the pairs are left to the evidence readers (1.29 of 3 over the 48 cases, the events told 1.27)",
    "v4-honest": "'There was a death in January 2025 ... there was low mood from March': the onset told as a "
                 "thing that existed is not read as tied to the death (the evidence readers', not a list's)",
    "g4-honest": "'Goal: less isolation - accept Mr Park's invitation to the fishing club, more contact with his "
                 "son' is read as one goal of two (the goal readers')",
}


def _read_as_marked(library: CaseLibrary, item: dict) -> None:
    report = score(library.get(item["case_id"]), item["text"])
    evidence = report.criterion("evidence_timeline")
    assert points(report, "problem_area") == item["area"]
    if "link" in item:
        assert (_LINKED in evidence.feedback) is item["link"]
    assert item.get("evidence_min", 0.0) <= evidence.points <= item.get("evidence_max", 3.0)
    assert item.get("goals_min", 0.0) <= points(report, "goals") <= item.get("goals_max", 2.0)


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN[item["id"]], strict=True))
                                  if item["id"] in _OPEN else item for item in _BATCH1],
                         ids=[item["id"] for item in _BATCH1])
def test_the_first_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    _read_as_marked(library, item)


# --- batch 2, written after the phase-1 fixes and run once (tests/data/red13/batch2.yaml): 10 of 10 read as marked
# (6 of 10 on d07f2c8)

_BATCH2 = yaml.safe_load((Path(__file__).parent / "data" / "red13" / "batch2.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", _BATCH2, ids=[item["id"] for item in _BATCH2])
def test_the_second_batch_is_read_as_marked(library: CaseLibrary, item: dict) -> None:
    _read_as_marked(library, item)
