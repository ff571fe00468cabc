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
shop"). Words that events of two kinds share tell neither. Only events dated in the weeks and months before the onset
(or in its month) count (reference 3.0.1): by the case's own dates, a later event did not set the episode off, and
one more than a year before it ("her retirement six years earlier") is history, unless it is the key event itself
(an anniversary reaction).

The key event itself (the event of the months the timeline link names) is told by the link's own words; the first
clause that names it and speaks of the onset is an event of the area its kind argues for, counted once: an answer
that says the episode began "a few weeks after he cut off his sister" argues from the break with her, whatever it
calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, pairwise
from typing import cast

from ipt_training.cases.model import Case, EventKind, ReferenceFormulation
from ipt_training.domain import ProblemArea
from ipt_training.scoring.evidence import STOP_WORDS, event_words
from ipt_training.scoring.onset_link import MONTH_WORDS, timing_for
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
#: This many of the case's events told is the story retold (:func:`retold`).
_STORY = 3
#: How long before the onset an event may have set it off, in months (reference 3.0.1: "weeks and months before").
_WINDOW = 12
#: The most words a case's table of words (:attr:`CaseEvents.known`) keeps: answers can contain any junk.
_KNOWN_SIZE = 65536


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
    #: Every prefix at once, for one ``str.startswith`` test before the walk that finds which (most words have none).
    starts: tuple[str, ...] = ()
    #: Each word looked up before -> its key, or ``None`` (:meth:`key`): the case's table of the words of answers, as
    #: the matcher keeps one, emptied when it grows past :data:`_KNOWN_SIZE` words.
    known: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def key(self, token: str) -> str | None:
        if token in STOP_WORDS:
            return None  # "even" is not "evenings"
        key = self.forms.get(token)
        if key is None and token.startswith(self.starts):
            key = next(k for prefix, k in self.prefixes if token.startswith(prefix))
        return key

    def keyed(self, tokens: list[str]) -> list[tuple[int, str]]:
        """The position and key of each of ``tokens`` that has a key (:meth:`key`), each word's key looked up in
        :attr:`known` (worked out the first time the case meets the word) and the keyed ones kept, in C."""
        known = self.known
        try:
            keys = list(map(known.__getitem__, tokens))
        except KeyError:
            if len(known) > _KNOWN_SIZE:
                known.clear()
            for token in tokens:
                if token not in known:
                    known[token] = self.key(token)
            keys = list(map(known.__getitem__, tokens))
        # (a key is never empty: the words without one, None, are the only ones left out)
        return cast("list[tuple[int, str]]", list(compress(enumerate(keys), keys)))


@per_case
def case_events(reference: ReferenceFormulation, case: Case | None = None) -> CaseEvents:
    """The case timeline's events of a kind that argues for an area, each with the words that tell it."""
    if case is None:
        return CaseEvents()
    names = [case.patient.name, *(p.name for p in case.inventory)]
    onset = month_index(case.symptom_onset)
    timing = timing_for(reference, case)
    key_months = set() if timing is None else timing.events
    # only what happened in the months before the onset (or in its month) can have set the episode off: a later event
    # ("the exam he failed two months after his mood dropped") is a consequence or a distractor, and one years before
    # ("retired in 2018", onset 2025) is history, by the case's own dates; the key event always counts
    told = [(_AREA_OF_KIND[e.kind], event_words(e.event, names)) for e in case.timeline if e.kind in _AREA_OF_KIND
            and (onset is None or (month := month_index(e.date)) is None or month in key_months
                 or onset - _WINDOW <= month <= onset)]
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
    return CaseEvents(tuple(events), forms, tuple(prefixes), tuple(prefix for prefix, _ in prefixes))


def case_event_matches(prepared: Clauses, told: CaseEvents) -> list[Match]:
    """``event:<area>`` matches for the clauses that tell one of the case's events by two of its words; none when
    the answer retells the case's story (:func:`retold`)."""
    if not told.events:
        return []
    found: list[Match] = []
    told_at: dict[int, list[int]] = {}  # each event told -> the clauses that tell it
    for c, tokens in enumerate(prepared):
        keyed = told.keyed(tokens)
        if len(keyed) < _MIN_WORDS:
            continue
        for e, event in enumerate(told.events):
            hits = [k for k, key in keyed if key in event.keys]
            if len({tokens[k] for k in hits}) < _MIN_WORDS:
                continue
            first = hits[0]
            denied = not _DENIALS.isdisjoint(tokens[max(0, first - _DENIAL_REACH):first])
            found.append(Match(f"event:{event.area.value}", c, first, hits[-1], denied, 1.0))
            told_at.setdefault(e, []).append(c)  # denied or not: "since October they have not spoken" tells
            # the event of their silence, and a story told in the negative is the story still
    return [] if retold(prepared, told_at) else found


def retold(prepared: Clauses, told_at: dict[int, list[int]]) -> bool:
    """Whether the answer retells the case's story rather than argues from one of its events: it tells three or
    more of the case's events (the timeline, not a choice among it), or ties each of two or more to the onset with
    a tie of its own ("Moses married again. Since then you have felt low. Florence confronted him. Since then you
    have felt low."), or says twice that the episode began after what it just told: an episode said to begin at
    every event is tied to none. ``told_at``: each event told -> the
    clauses that tell it."""
    if len(told_at) >= _STORY or (told_at and len(_ties_back(prepared)) >= 2):
        return True
    if len(told_at) < 2:
        return False
    ties = []
    for clauses_ in told_at.values():
        tie = next((t for c in clauses_ for t in (c, c + 1) if t < len(prepared) and onset_said(prepared[t])), None)
        if tie is None:
            return False  # an event told without a tie of its own: the answer ties the onset to the others
        ties.append(tie)
    return len(set(ties)) == len(ties)


#: A tie that points back to what was just told ("since then", "after that", "from then on").
_BACK_RELATIONS = frozenset({"since", "after", "from", "following"})
_BACK_OBJECTS = frozenset({"then", "that", "this", "which"})


def _ties_back(prepared: Clauses) -> list[int]:
    """The clauses that say the episode began after whatever the clause before told ("Since then you have felt
    low"): two of them, after two different things, put the onset at two different times."""
    return [c for c, tokens in enumerate(prepared) if c and any(
        a in _BACK_RELATIONS and b in _BACK_OBJECTS for a, b in pairwise(tokens))
        and onset_said(tokens)]


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


def key_event_matches(prepared: Clauses, clauses_: set[int], area: ProblemArea | None,
                      told: CaseEvents | None = None) -> list[Match]:
    """One ``event:<area>`` match for the first clause that names the key event (the timeline link's own words)
    and speaks of the onset: the event the answer ties the episode to, counted once however often it is named.
    With the case's events (``told``), a clause that dates the onset by its month and tells nothing of any of them
    ("since November you have been feeling low") names the onset's month, not the event."""
    if area is None:
        return []
    tied = next((c for c in sorted(clauses_) if onset_said(prepared[c]) and not (
        told is not None and told.events and not MONTH_WORDS.isdisjoint(prepared[c])
        and all(told.key(t) is None for t in prepared[c]))), None)
    return [] if tied is None else [Match(f"event:{area.value}", tied, 0, 0, False, 1.0)]
