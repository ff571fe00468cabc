"""The case's own events, told in the answer's words, as the events an area is inferred from.

An answer that names no area argues for one through the events it ties to the episode
(:func:`~ipt_training.scoring.areas.infer_from_events`). The lexicon knows the common kinds of event ("died",
"retired", "argued"); a case brings its own ("Deniz born ...; he starts unpaid leave to care for her", "Maja hires
her son as café manager without asking"). Each dated event of the case's timeline says what kind it is (``death``,
``change``, ``loss``, ``conflict``), which is the area it argues for (a death is grief, a change or a loss other
than a death is a role transition, a conflict is a dispute; reference section 3). An answer's clause that tells the
event by two of its own words (stemmed and with the evidence synonyms, so "took unpaid leave" finds "starts unpaid
leave"; names, kin words, dates and words most vignettes share do not count, since they say who or when, not what
happened) is read as an event of that kind, unless a denial comes right before those words ("no argument about the
shop"). Words that events of two kinds share tell neither. Only events dated before the onset (or in its month)
count: by the case's own dates, a later event did not set the episode off.

The key event itself (the event of the months the timeline link names) is told by the link's own words; the first
clause that names it and speaks of the onset is an event of the area its kind argues for, counted once: an answer
that says the episode began "a few weeks after he cut off his sister" argues from the break with her, whatever it
calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ipt_training.cases.model import Case, EventKind, ReferenceFormulation
from ipt_training.domain import ProblemArea
from ipt_training.scoring.evidence import STOP_WORDS, event_words
from ipt_training.scoring.onset_link import timing_for
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.specificity import month_index
from ipt_training.scoring.time_link import onset_said
from ipt_training.text.matcher import Clauses, Match

_AREA_OF_KIND = {EventKind.DEATH: ProblemArea.GRIEF, EventKind.CHANGE: ProblemArea.ROLE_TRANSITION,
                 EventKind.LOSS: ProblemArea.ROLE_TRANSITION, EventKind.CONFLICT: ProblemArea.ROLE_DISPUTE}
_MIN_WORDS = 2
_MIN_STEM = 4
_DENIALS = frozenset({"no", "not", "never", "nobody", "without", "nor"})
_DENIAL_REACH = 3


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One dated event of the case: the area its kind argues for and the words (keys) that tell it."""

    area: ProblemArea
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class CaseEvents:
    """The case's events, and how an answer's word finds the key of an event word (its exact forms and prefixes)."""

    events: tuple[CaseEvent, ...] = ()
    forms: dict[str, str] = field(default_factory=dict)
    prefixes: tuple[tuple[str, str], ...] = ()

    def key(self, token: str) -> str | None:
        if token in STOP_WORDS:
            return None  # "even" is not "evenings"
        key = self.forms.get(token)
        if key is None:
            key = next((k for prefix, k in self.prefixes if token.startswith(prefix)), None)
        return key


@per_case
def case_events(reference: ReferenceFormulation, case: Case | None = None) -> CaseEvents:
    """The case timeline's events of a kind that argues for an area, each with the words that tell it."""
    if case is None:
        return CaseEvents()
    names = [case.patient.name, *(p.name for p in case.inventory)]
    onset = month_index(case.symptom_onset)
    # only what happened before the onset (or in its month) can have set the episode off: a later event ("the exam he
    # failed two months after his mood dropped") is a consequence or a distractor, by the case's own dates
    told = [(_AREA_OF_KIND[e.kind], event_words(e.event, names)) for e in case.timeline if e.kind in _AREA_OF_KIND
            and (onset is None or (month := month_index(e.date)) is None or month <= onset)]
    events = []
    forms: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for area, words in told:
        others = frozenset().union(*(w.keys() for a, w in told if a is not area))
        own = frozenset(words.keys() - others)
        if len(own) < _MIN_WORDS:
            continue
        events.append(CaseEvent(area, own))
        for key in own:
            if len(key) - len("word:") < _MIN_STEM:
                continue  # "tak" (takes), "del" (Viña del Mar): too short to tell an event
            for cue in words[key]:
                if cue.endswith("*"):
                    prefixes.append((cue[:-1], key))
                elif " " not in cue:
                    forms.setdefault(cue, key)
    return CaseEvents(tuple(events), forms, tuple(prefixes))


def case_event_matches(prepared: Clauses, told: CaseEvents) -> list[Match]:
    """``event:<area>`` matches for the clauses that tell one of the case's events by two of its words."""
    if not told.events:
        return []
    found: list[Match] = []
    for c, tokens in enumerate(prepared):
        keyed = [(k, key) for k, key in ((k, told.key(t)) for k, t in enumerate(tokens)) if key is not None]
        if len(keyed) < _MIN_WORDS:
            continue
        for event in told.events:
            hits = [k for k, key in keyed if key in event.keys]
            if len({tokens[k] for k in hits}) < _MIN_WORDS:
                continue
            first = hits[0]
            denied = not _DENIALS.isdisjoint(tokens[max(0, first - _DENIAL_REACH):first])
            found.append(Match(f"event:{event.area.value}", c, first, hits[-1], denied, 1.0))
    return found


@per_case
def key_event_area(reference: ReferenceFormulation, case: Case | None = None) -> ProblemArea | None:
    """The area the kind of the case's key event argues for (the events of the months the timeline link names), or
    ``None`` when the case dates no such event or its events there are of kinds that argue for different areas."""
    timing = timing_for(reference, case)
    if timing is None or case is None:
        return None
    areas = {_AREA_OF_KIND[e.kind] for e in case.timeline
             if e.kind in _AREA_OF_KIND and month_index(e.date) in timing.events}
    return areas.pop() if len(areas) == 1 else None


def key_event_matches(prepared: Clauses, clauses_: set[int], area: ProblemArea | None) -> list[Match]:
    """One ``event:<area>`` match for the first clause that names the key event (the timeline link's own words)
    and speaks of the onset: the event the answer ties the episode to, counted once however often it is named."""
    if area is None:
        return []
    tied = next((c for c in sorted(clauses_) if onset_said(prepared[c])), None)
    return [] if tied is None else [Match(f"event:{area.value}", tied, 0, 0, False, 1.0)]
