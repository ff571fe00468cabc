"""Graders for the inventory_and_timeline assignment: a trainee's inventory and timeline vs the expert's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ipt_training.grading.graders.items import Namespace, Ready, answer_and_key, finish, flag_for_review

if TYPE_CHECKING:
    from ipt_training.cases.model import Person, TimelineEvent

_NAME_MATCH = 80
#: A timeline longer than this many rows (or this many per expert event) has its event credit scaled down.
_MIN_PLAUSIBLE_ROWS = 12
_ROWS_PER_EVENT = 3
#: An event that the timeline puts at more distinct months than this is a guess at its date, not credited.
_MAX_EVENT_MONTHS = 3
#: Inventory rows that name nobody in the case, beyond which the inventory's credit is scaled down.
_MIN_EXTRA_PEOPLE = 4


#: What each grader here compares an answer against, besides the reference: a trainee copy of a case an assignment
#: grades with it never holds these (``ipt-course release``, :mod:`ipt_training.grading.workflow.own_cases`).
EXPERT_FIELDS = {"grade_inventory": ("inventory",), "grade_timeline": ("timeline",)}


@cache
def packaged_cases() -> dict[str, Any]:
    """The cases installed with the package, by id (what every trainee can read)."""
    from ipt_training.cases.library import CaseLibrary

    return dict(CaseLibrary.load(keys_dir=False, extra_dirs=[]).cases)


def shipped_tables(case_id: str, fields: Sequence[str]) -> list[str]:
    """Those of the expert ``fields`` (``inventory``, ``timeline``) that the case file installed with the package holds
    for ``case_id``: every trainee can read them (``a-02`` to ``a-08`` show them for the formulation exercise)."""
    case = packaged_cases().get(case_id)
    return [f for f in fields if case is not None and getattr(case, f, None)]


def _shipped_flag(case_id: str, grader: str) -> list[str]:
    """A review flag when the expert table this grader compares with is in the trainees' own package."""
    shipped = shipped_tables(case_id, EXPERT_FIELDS[grader])
    return [f"the expert {' and '.join(shipped)} of case {case_id} ships with the course package every trainee has "
            "installed, so this answer may be copied from it"] if shipped else []


def _expert_case(case_id: str) -> Any:
    from ipt_training.grading.trusted.keys import graded_case

    # The case as the course holding the keys has it: never a case folder named by an ``nbgrader_config.py`` found
    # from the current folder, which is the trainee's own while the grading process re-scores (round 15).
    case = graded_case(case_id)
    if case is None:
        raise LookupError(f"no case {case_id} in the course of the instructor keys")
    if not case.inventory or not case.timeline:
        raise LookupError(f"no expert inventory or timeline for case {case_id} in the instructor keys")
    return case


def _rows(value: Any) -> list[dict[str, Any]] | None:
    """Rows from a pandas DataFrame or a list of dicts; ``None`` when it is neither."""
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return [{str(k).strip().lower(): v for k, v in row.items()} for row in value.to_dict("records")]
    if isinstance(value, Sequence) and not isinstance(value, str) and all(isinstance(r, dict) for r in value):
        return [{str(k).strip().lower(): v for k, v in r.items()} for r in value]
    return None


def _name_words(name: str) -> str:
    from ipt_training.grading.graders.event_match import STOP_WORDS

    return " ".join(w for w in re.findall(r"[a-z0-9']+", name.lower()) if w not in STOP_WORDS)


def _best(name: str, people: list[Person]) -> Person | None:
    """The expert's person a row names (stop words such as "the" or "her" never match anyone)."""
    from rapidfuzz import fuzz

    words = _name_words(name)
    if not words:
        return None
    scored = [(fuzz.token_set_ratio(words, _name_words(p.name)), p) for p in people]
    score, person = max(scored, key=lambda s: s[0], default=(0, None))
    return person if score >= _NAME_MATCH else None


def grade_inventory(case_id: str, namespace: Namespace, name: str, points: float) -> float:
    """Half the points for finding the important people, half for placing them in the right ring.

    A person given several rings earns no ring credit; an inventory with many more rows than people in the case
    has its credit scaled down and is flagged for review.
    """
    title = "Interpersonal inventory"
    ready = answer_and_key(namespace, name, title, points, lambda: _expert_case(case_id))
    if not isinstance(ready, Ready):
        return ready
    from ipt_training.cases.model import Closeness

    rings = [c.value for c in Closeness]
    rows = _rows(ready.answer)
    if rows == []:
        return finish(0, points, ["Your inventory has no rows yet: add one row for each person who matters in the "
                                  "case (name, relationship, closeness)."], title)
    if rows is None or "name" not in rows[0]:
        return finish(0, points, [f"`{name}` should be a DataFrame with columns name, relationship, closeness."],
                      title)
    expert = ready.key.inventory
    found: dict[str, set[str]] = {}
    unknown = []
    for row in rows:
        person = _best(str(row.get("name", "")), expert)
        if person is None:
            unknown.append(str(row.get("name", "")))
        else:
            found.setdefault(person.name, set()).add(str(row.get("closeness", "")).strip().lower())
    ring_credit = 0.0
    hedged = [p for p, chosen in found.items() if len(chosen) > 1]
    for person in expert:
        chosen = found.get(person.name, set())
        if len(chosen) == 1 and next(iter(chosen)) in rings:
            distance = abs(rings.index(next(iter(chosen))) - rings.index(person.closeness.value))
            ring_credit += 1.0 if distance == 0 else (0.5 if distance == 1 else 0.0)
    recall = len(found) / len(expert)
    placement = ring_credit / max(1, len(found))
    plausible = len(expert) + max(_MIN_EXTRA_PEOPLE, len(expert))
    share = min(1.0, plausible / len(rows))
    lines = [f"You included {len(found)} of the {len(expert)} people who matter in this case.",
             f"Closeness placement agreed with the expert inventory for {placement:.0%} of them "
             "(one ring away earns half)."]
    if unknown:
        lines.append(f"Not found in the vignette: {', '.join(unknown[:5])}. Use the names the patient gives.")
    if recall < 1:
        lines.append("Look again for people the patient has lost touch with or who have died: the inventory covers "
                     "past and present relationships.")
    review = []
    if hedged:
        lines.append("Some people are in more than one ring; place each person once.")
        review.append("people placed in several rings")
    if share < 1:
        lines.append(f"Your inventory has {len(rows):,} rows for a case with {len(expert)} important people, so its "
                     "credit was scaled down.")
        review.append(f"{len(rows):,} inventory rows")
    review += _shipped_flag(case_id, "grade_inventory")
    if review:
        lines.append(flag_for_review("; ".join(review)))
    return finish(share * points * (0.5 * recall + 0.5 * placement * recall), points, lines, title)


def _month(value: Any) -> int | None:
    text = str(value).strip()[:7]
    try:
        year, month = int(text[:4]), int(text[5:7])
    except ValueError:
        return None
    return year * 12 + month if 1 <= month <= 12 else None


def _timeline_rows(rows: list[dict[str, Any]]) -> list[tuple[int | None, str]]:
    return [(_month(r.get("date")), str(r.get("event", ""))) for r in rows]


def _event_hits(rows: list[tuple[int | None, str]], events: list[TimelineEvent]) -> tuple[int, list[str]]:
    """How many expert events a row names within a month of their date, and the events spread over many
    dates (the same event at more than three months: guessing the date, not credited)."""
    from ipt_training.grading.graders.event_match import same_event

    hits, spread = 0, []
    for event in events:
        expected = _month(event.date)
        months = {when for when, text in rows if when is not None and same_event(text, event.event)}
        if len(months) > _MAX_EVENT_MONTHS:
            spread.append(event.kind.value)
        elif expected is not None and any(abs(when - expected) <= 1 for when in months):
            hits += 1
    return hits, spread


def _link_verdict(link: Any, case: Any, events: list[TimelineEvent]) -> tuple[bool, list[str]]:
    """Whether the onset event names the linked event, and only it (kinds of event beyond it are not credited)."""
    from ipt_training.grading.graders.event_match import kinds_of, life_event_kinds, shared_words
    from ipt_training.text.matcher import build_matcher

    if not isinstance(link, str) or not case.reference:
        return False, []
    cues = build_matcher({"link": case.reference.timeline_link.cues})
    linked = [e.event for e in events if cues.find(e.event)]
    found = cues.find(link)
    named = any(not m.negated for m in found) or (not found and any(
        len(shared_words(link, event)) >= 2 for event in linked))  # in other words ("moving off the farm")
    if not named:
        return False, []
    others = sorted(life_event_kinds(link) - kinds_of(linked))
    return not others, others


def grade_timeline(case_id: str, namespace: Namespace, name: str, onset_name: str, link_name: str,
                   points: float) -> float:
    """Events dated within a month (half), the onset month (a quarter), the event linked to onset (a quarter).

    Events match on content words (:mod:`~ipt_training.grading.graders.event_match`); a timeline much longer than
    the case's has its event credit scaled down, an event put at many dates is not credited, and the onset link
    is credited only for one named event. Such answers are flagged for the instructor's review.
    """
    title = "Timeline"
    ready = answer_and_key(namespace, [name, onset_name, link_name], title, points, lambda: _expert_case(case_id))
    if not isinstance(ready, Ready):
        return ready
    value, onset, link = ready.values.values()
    rows = _rows(value)
    if rows == []:
        return finish(0, points, ["Your timeline has no rows yet: add the life events of the case with their month "
                                  "(date as YYYY-MM, event)."], title)
    if rows is None or "date" not in rows[0] or "event" not in rows[0]:
        return finish(0, points, [f"`{name}` should be a DataFrame with columns date (YYYY-MM) and event."], title)
    case = ready.key
    events = [e for e in case.timeline if e.kind.value != "symptom"]
    hits, spread = _event_hits(_timeline_rows(rows), events)
    plausible = max(_MIN_PLAUSIBLE_ROWS, _ROWS_PER_EVENT * len(case.timeline))
    share = min(1.0, plausible / len(rows))
    onset_ok = _month(onset) is not None and _month(onset) == _month(case.symptom_onset)
    link_ok, other_kinds = _link_verdict(link, case, events)
    lines = [f"{hits} of the {len(events)} key life events are on your timeline with the right month (±1).",
             "The onset month is right." if onset_ok else "Check when the symptoms began: the vignette dates it."]
    if other_kinds:
        lines.append(f"Your onset event also names {', '.join(other_kinds[:4])}: name the one event most closely "
                     "linked in time to the onset, not a list of possibilities.")
    else:
        lines.append("You named the event most closely linked to the onset." if link_ok else
                     "The event you linked to the onset is not the one closest before it in time; compare dates.")
    review = []
    if share < 1:
        lines.append(f"Your timeline has {len(rows):,} rows; a timeline lists the case's key events (at most about "
                     f"{plausible}), so the event credit was scaled down.")
        review.append(f"{len(rows):,} timeline rows")
    if spread:
        lines.append("The same event appears at many different dates: date each event once, from the vignette.")
        review.append("an event listed at many dates")
    if len(other_kinds) >= 2:
        review.append(f"onset event lists {len(other_kinds) + 1} kinds of event")
    review += _shipped_flag(case_id, "grade_timeline")
    if review:
        lines.append(flag_for_review("; ".join(review)))
    earned = points * (0.5 * share * hits / max(1, len(events)) + 0.25 * onset_ok + 0.25 * link_ok)
    return finish(earned, points, lines, title)
