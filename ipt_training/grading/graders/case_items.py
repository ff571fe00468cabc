"""Graders for the inventory_and_timeline assignment: a trainee's inventory and timeline vs the expert's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ipt_training.grading.graders.items import Namespace, Ready, answer_and_key, finish

if TYPE_CHECKING:
    from ipt_training.cases.model import Person, TimelineEvent

_NAME_MATCH = 80
_EVENT_MATCH = 55


def _expert_case(case_id: str) -> Any:
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.grading.trusted.keys import keys_dir

    case = CaseLibrary.load(keys_dir=keys_dir()).get(case_id)
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


def _best(name: str, people: list[Person]) -> Person | None:
    from rapidfuzz import fuzz

    scored = [(fuzz.token_set_ratio(name.lower(), p.name.lower()), p) for p in people]
    score, person = max(scored, key=lambda s: s[0], default=(0, None))
    return person if score >= _NAME_MATCH else None


def grade_inventory(case_id: str, namespace: Namespace, name: str, points: float) -> float:
    """Half the points for finding the important people, half for placing them in the right ring."""
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
    found: dict[str, str] = {}
    unknown = []
    for row in rows:
        person = _best(str(row.get("name", "")), expert)
        if person is None:
            unknown.append(str(row.get("name", "")))
        else:
            found[person.name] = str(row.get("closeness", "")).strip().lower()
    ring_credit = 0.0
    for person in expert:
        chosen = found.get(person.name)
        if chosen in rings:
            distance = abs(rings.index(chosen) - rings.index(person.closeness.value))
            ring_credit += 1.0 if distance == 0 else (0.5 if distance == 1 else 0.0)
    recall = len(found) / len(expert)
    placement = ring_credit / max(1, len(found))
    lines = [f"You included {len(found)} of the {len(expert)} people who matter in this case.",
             f"Closeness placement agreed with the expert inventory for {placement:.0%} of them "
             "(one ring away earns half)."]
    if unknown:
        lines.append(f"Not found in the vignette: {', '.join(unknown[:5])}. Use the names the patient gives.")
    if recall < 1:
        lines.append("Look again for people the patient has lost touch with or who have died: the inventory covers "
                     "past and present relationships.")
    return finish(points * (0.5 * recall + 0.5 * placement * recall), points, lines, title)


def _month(value: Any) -> int | None:
    text = str(value).strip()[:7]
    try:
        year, month = int(text[:4]), int(text[5:7])
    except ValueError:
        return None
    return year * 12 + month if 1 <= month <= 12 else None


def _matches(row: dict[str, Any], event: TimelineEvent) -> bool:
    when, expected = _month(row.get("date")), _month(event.date)
    close_in_time = when is not None and expected is not None and abs(when - expected) <= 1
    from rapidfuzz import fuzz

    similarity = fuzz.token_set_ratio(str(row.get("event", "")).lower(), event.event.lower())
    return close_in_time and similarity >= _EVENT_MATCH


def grade_timeline(case_id: str, namespace: Namespace, name: str, onset_name: str, link_name: str,
                   points: float) -> float:
    """Events dated within a month (half), the onset month (a quarter), the event linked to onset (a quarter)."""
    from ipt_training.text.matcher import build_matcher

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
    hits = sum(any(_matches(r, e) for r in rows) for e in events)
    onset_ok = _month(onset) is not None and _month(onset) == _month(case.symptom_onset)
    cues = build_matcher({"link": case.reference.timeline_link.cues}) if case.reference else None
    link_ok = bool(isinstance(link, str) and cues and cues.find(link))
    lines = [f"{hits} of the {len(events)} key life events are on your timeline with the right month (±1).",
             "The onset month is right." if onset_ok else "Check when the symptoms began: the vignette dates it.",
             "You named the event most closely linked to the onset." if link_ok else
             "The event you linked to the onset is not the one closest before it in time; compare dates."]
    earned = points * (0.5 * hits / max(1, len(events)) + 0.25 * onset_ok + 0.25 * link_ok)
    return finish(earned, points, lines, title)
