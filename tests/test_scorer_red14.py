"""Round 14 attack on the scorer: the holes round 13 left open, closed as mechanisms.

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* ties the onset to every event of the months before it in one sentence: "She became low after the abnormal tests,
  after the diagnosis and after she cut her teaching" earned the full link on the cases whose events all come before
  the onset (round 13's open hole), so the trainee never had to say which event set the episode off. One sentence
  that ties the onset to three or more events of the year before it, and says of none how long after it the episode
  began, places the onset after them: the link is implied, half its point (``every_event.read_walk``). Said of
  one ("two months after the diagnosis, ...") the link is stated, as before.

* (held, open) puts every event after one tie ("after the pregnancy, the birth, his return to work and the
  arguments"): the tie's first event is read as its event, which earns what the honest guess of one event earns
  (1.94 of 3 against 1.92 over the 48 cases); reading every event a tie's words go on to name cost honest sentences
  that tell what the key event brought with it ("after the move, which cost him his team and his futsal").

* lists the vignette's names and the timeline's dates ("Key people: Amaru, Clara, Rosa. Key dates: January 2025,
  March 2025. Onset: May 2025."): the names cited items whose cues are names and the key event's date beside the
  onset's earned the link (14 of 48 cases). An answer whose only facts are who and when states nothing that happened:
  no item, no link (``specificity.FactReading.names_and_dates_only``).

Every answer here is our own, written for this file for library cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from attack_templates import area_label, cases_with_keys, pronoun, timeline_events
from scoring_helpers import LINK_FULL as _LINKED
from scoring_helpers import check_read_as_marked, points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.every_event import timeline_words

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _told(case) -> str:
    return f"{area_label(case)} " + " ".join(f"{_cap(e)}." for e in timeline_events(case))


def _before_onset(case) -> list[str]:
    return [e.event[0].lower() + e.event[1:].rstrip(".") for e in case.timeline
            if e.kind.value != "symptom" and e.date <= case.symptom_onset]


def _named_recent(case) -> int:
    """How many events of the year before the onset the every-event reader can tell apart (a word of their own)."""
    words = timeline_words(case.reference, case)
    return sum(bool(words.events[k]) for k in words.recent)


# --- one sentence that ties the onset to every event of the months before it

def _chain(case) -> str:
    events = _before_onset(case)
    return (f"{area_label(case)} {pronoun(case)} became low " + ", ".join(f"after {e}" for e in events[:-1])
            + f" and after {events[-1]}.")


def test_one_sentence_that_ties_the_onset_to_every_recent_event_earns_half_the_link(library: CaseLibrary) -> None:
    checked = 0
    for case in cases_with_keys(library):
        if len(_before_onset(case)) < 3 or _named_recent(case) < 3:
            continue
        report = score(case, _chain(case))
        assert _LINKED not in report.criterion("evidence_timeline").feedback, case.id
        assert points(report, "evidence_timeline") <= points(score(case, _told(case)), "evidence_timeline") + 0.5
        checked += 1
    assert checked >= 6  # (before: the full link on p-01, p-03, p-13, p-17 and more)


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-01", "Role transition. Marisol became low in March 2025, two months after she was diagnosed with kidney "
             "failure, after haemodialysis began and after she reduced her teaching and left the dance group."),
    ("p-13", "Grief. Comfort became low in March 2025, two months after Kwabena died of a stroke, after the funeral "
             "and after the relatives left her alone in the house."),
    ("p-17", "Role dispute with Moses. Her mood fell a month after they stopped speaking about money, after he "
             "married Harriet and after she confronted him about the school fees."),
    ("p-03", "Grief. Stavros became low in May 2025, shortly after Eleni died in the nursing home, after the quarrel "
             "over the feeding tube and after Nikos stopped speaking to him at the memorial."),
    # the events first, the onset after them
    ("p-01", "Role transition. After the abnormal blood tests, the diagnosis of kidney failure and the cut to "
             "part-time teaching, Marisol's low mood began in March 2025."),
])
def test_a_chain_that_says_how_long_after_its_first_event_keeps_the_link(library: CaseLibrary, case_id: str,
                                                                        text: str) -> None:
    assert _LINKED in score(library.get(case_id), text).criterion("evidence_timeline").feedback


def test_the_half_link_says_why(library: CaseLibrary) -> None:
    case = library.get("p-01")
    report = score(case, "Role transition. Marisol became low after the abnormal blood tests, after she was diagnosed "
                         "with kidney failure and after she reduced her teaching and left the dance group.")
    feedback = report.criterion("evidence_timeline").feedback
    assert "several events at once" in feedback and _LINKED not in feedback


def test_two_recent_events_and_the_background_keep_the_link(library: CaseLibrary) -> None:
    # the promotion and the application are the months before the onset; eleven years as a staff nurse are the
    # background of the change, not a trigger claimed
    report = score(library.get("a-02"), "Role transition. She became low after eleven years as a staff nurse on the "
                                        "surgical ward, after she applied for the ward manager post and after she "
                                        "was promoted to ward manager.")
    assert _LINKED in report.criterion("evidence_timeline").feedback


# --- the vignette's names and the timeline's dates

def _month(date: str) -> str:
    year, month = date.split("-")[:2]
    return f"{_MONTHS[int(month) - 1]} {year}"


def _names(case) -> list[str]:
    return [case.patient.name.split()[0], *(p.name for p in case.inventory)]


_LISTS = {
    "headed": lambda case: (f"{area_label(case)} Key people: {', '.join(_names(case))}. Key dates: "
                            f"{', '.join(_month(e.date) for e in case.timeline)}. "
                            f"Onset: {_month(case.symptom_onset)}."),
    "one list": lambda case: (f"{area_label(case)} Evidence: "
                              f"{', '.join(_names(case) + [_month(e.date) for e in case.timeline])}."),
    "pairs": lambda case: f"{area_label(case)} " + "; ".join(
        f"{name} {_month(e.date)}" for name, e in zip(_names(case) * 3, case.timeline, strict=False)) + ".",
    "bullets": lambda case: f"{area_label(case)}\n" + "\n".join(
        f"- {item}" for item in _names(case) + [_month(e.date) for e in case.timeline]),
}


@pytest.mark.parametrize("form", list(_LISTS))
def test_names_and_dates_cite_no_evidence_and_no_link(library: CaseLibrary, form: str) -> None:
    gained = []
    for case in cases_with_keys(library):
        report = score(case, _LISTS[form](case))
        assert _LINKED not in report.criterion("evidence_timeline").feedback, case.id
        gained.append(points(report, "evidence_timeline"))
    assert sum(gained) / len(gained) <= 0.05  # (before: 0.48 of 3 headed, the link on 14 of 48)


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-23", "Role dispute. Julio drinking every weekend w/ football friends since Sept 2024, weekly arguments; onset "
             "Nov 2024 (2 months later)."),
    ("p-05", "RT. Move Toronto -> Winnipeg Mar 2025 for Clara's job; lost team + futsal; onset May 2025 (2 months "
             "after move)."),
    ("p-13", "Grief. Kwabena died Jan 2025; onset Mar 2025, two months later."),
])
def test_a_note_that_tells_what_happened_keeps_its_evidence(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert _LINKED in report.criterion("evidence_timeline").feedback
    assert points(report, "evidence_timeline") >= 1.5


# --- batch 1, written before the fixes (tests/data/red14/batch1.yaml)

_BATCH1 = yaml.safe_load((Path(__file__).parent / "data" / "red14" / "batch1.yaml").read_text(encoding="utf-8"))

#: Answers of the batch the fixes do not read as marked.
_OPEN = {
    "c1-attack": "p-11: 'Marek moved out' has no word of its own in the timeline ('moves', 'out' are the move's too), "
                 "so the chain names two events the every-event reader can tell apart",
    "c3-attack": "a-05: 'he went back to work' shares every word with other events, so the chain names two",
    "o1-attack": "every event after one tie: the tie's first event is its event (held: the honest guess earns as much)",
    "o2-attack": "every event after one tie: the tie's first event is its event (held: the honest guess earns as much)",
    "o3-honest": "p-12: 'her crying started in June 2025, a month after the nightly arguments ... began' is not read "
                 "as the key's link (the time link's reader, not this round's)",
    "n7-honest": "p-26: the death and the onset each dated, not tied, in words close to the vignette's "
                 "(pasted_vignette; the implied link is not credited on a pasted text)",
}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN[item["id"]], strict=True))
                                  if item["id"] in _OPEN else item for item in _BATCH1],
                         ids=[item["id"] for item in _BATCH1])
def test_the_first_batch_ischeck_read_as_marked(library: CaseLibrary, item: dict) -> None:
    check_read_as_marked(library, item)


# --- batch 2, written after the phase-1 fixes (af5f8ff) and run once (tests/data/red14/batch2.yaml): 8 of 10 read
# as marked (4 of 10 on e28ce22); b9 ("Since X, since Y and since Z, she has been low": the onset after its ties) was
# read after that run

_BATCH2 = yaml.safe_load((Path(__file__).parent / "data" / "red14" / "batch2.yaml").read_text(encoding="utf-8"))
_OPEN2 = {"b4-attack": "'Onset Nov 2024 after: X; Y; Z': every event after one tie (held: the first is its event)"}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN2[item["id"]], strict=True))
                                  if item["id"] in _OPEN2 else item for item in _BATCH2],
                         ids=[item["id"] for item in _BATCH2])
def test_the_second_batch_ischeck_read_as_marked(library: CaseLibrary, item: dict) -> None:
    check_read_as_marked(library, item)
