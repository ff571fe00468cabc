"""The link in time between the key event and the onset, read against the case's own dates.

The scorer's first reading of the timeline link wants the event, a word that ties it in time ("after", "since")
and the onset within a sentence or so of each other. Trainees also state the link in two ways that reading misses,
and both can be checked against the case's timeline:

* **a dated sequence**: the event and the onset each given their date, close together ("Father died Feb 2025,
  symptoms from April"; "Dx epilepsy 3/25 ... sx 5/25"). The dates must be the case's: the month of the key event
  (the timeline event the reference's timeline link describes) and the month of the onset;
* **the span between them**: "two months later the sleeplessness began", "about five weeks into his leave he began
  sleeping badly", "onset 3/12 after": a span of time that matches the case's span from the key event to the onset,
  stated with the onset, the event named in the sentences just before.

A wrong event does not pass: its date or its span is not the key event's ("the onset followed the move by a
month" in a case whose death came three months before the onset).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import sentence_terms
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.specificity import MONTHS, month_index
from ipt_training.scoring.time_link import onset_entry
from ipt_training.text.normalize import clauses

_MONTH_OF = {**{m: i for i, m in enumerate(MONTHS)}, **{m[:3]: i for i, m in enumerate(MONTHS)}, "sept": 8}
#: Every word that names a month, in full or abbreviated ("march", "mar", "sept").
MONTH_WORDS = frozenset(_MONTH_OF)
#: Month words that are ordinary words too ("may", "mar"): dates only after these or before a year.
_AMBIGUOUS = frozenset({"may", "mar", "jun", "jan", "aug"})
_LEADS = frozenset({"in", "around", "from", "since", "by", "until", "till", "early", "late", "mid", "of", "end",
                    "before", "after", "last", "this", "that", "on"})
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "couple": 2, "few": 3, "several": 3, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
#: Numbers said in lay words, which may take "of" before the unit ("a couple of months").
_LAY_NUMBERS = frozenset({"couple", "few"})
#: Units of a span, in months; "3/12" is three months and "5/52" five weeks in clinical shorthand.
_UNITS = {"day": 1 / 30, "days": 1 / 30, "week": 12 / 52, "weeks": 12 / 52, "wk": 12 / 52, "wks": 12 / 52,
          "month": 1.0, "months": 1.0, "mo": 1.0, "mos": 1.0, "mths": 1.0, "mth": 1.0, "year": 12.0, "years": 12.0,
          "yr": 12.0, "yrs": 12.0}
_FRACTIONS = {"12": 1.0, "52": 12 / 52}
_UNIT_WORDS = frozenset(_UNITS) | frozenset(_FRACTIONS)
_TIME_WORDS = MONTH_WORDS | _UNIT_WORDS
#: Words that relate a span to an event ("two months after", "later", "into his leave", "within").
_RELATIONS = frozenset({"after", "later", "into", "within", "following", "since", "afterwards", "on", "from",
                        "earlier"})
#: Relations by which a span points back from the onset said just before ("It started in December. Three months
#: earlier Ewa proposed the second shop."): the clause names the event, the clause before it the onset.
_BACKWARD = frozenset({"earlier"})
#: How many clauses before the span the event may be named ("In November he sold ... Symptoms from January,
#: two months after the change"); the span itself must be the case's.
_SPAN_REACH = 6
#: How many clauses apart a dated event and a dated onset may be (a sentence and the next).
_SEQUENCE_REACH = 1
#: Weight of a distinctive word (:mod:`~ipt_training.scoring.evidence`).
_DISTINCT = 2.0


@dataclass(frozen=True, slots=True)
class OnsetTiming:
    """The months (year * 12 + month) of the onset and of the key event, and the months between them."""

    onset: int
    events: frozenset[int]
    #: the months of the case's other events (not the key event's): a date of one of them may name either
    others: frozenset[int] = frozenset()
    #: the months of further events the link names by the span it states for them ("two months after the move and
    #: four after the fall": the move's month, where its words tied the link to the fall): a span from them is the
    #: link's too
    spanned: frozenset[int] = frozenset()

    def spans(self) -> frozenset[int]:
        return frozenset(self.onset - e for e in self.events | self.spanned)


def onset_timing(case: Case | None, reference: ReferenceFormulation) -> OnsetTiming | None:
    """The case's onset and the dates of the timeline events its timeline link describes (up to three years
    before the onset): by its words, or by the span before the onset it states for them; ``None`` when the case
    gives no such date."""
    if case is None:
        return None
    onset = month_index(case.symptom_onset)
    if onset is None:
        return None
    own = {t.key for t in sentence_terms(reference.timeline_link.text, event_only=True)
           if t.key.startswith(("word:", "name:"))}
    names = frozenset(p.name.lower() for p in case.inventory)
    overlap: dict[int, int] = {}
    named: set[int] = set()
    seen: set[int] = set()
    # The spans the link itself states ("two months after the move and four months after the fall"): each names the
    # event of the case dated that long before the onset, whatever the words of its sentence.
    stated = {onset - round(span) for clause in clauses(reference.timeline_link.text) for span in _span_months(clause)}
    spanned: set[int] = set()
    for event in case.timeline:
        month = month_index(event.date)
        if month is None or event.kind.value == "symptom":
            continue
        seen.add(month)
        if not 0 < onset - month <= 36 or event.kind.value == "other":
            continue
        if month in stated:
            spanned.add(month)
        terms = [t for t in sentence_terms(event.event, names, event_only=True) if t.key in own]
        if terms:
            # a distinctive word of the link counts double: a shared name alone is a weak tie
            distinct = sum(t.key.startswith("word:") and t.weight >= _DISTINCT for t in terms)
            overlap[month] = max(len(terms) + distinct, overlap.get(month, 0))
            named |= {month} if distinct else set()
    # The events the link's sentence describes best ("after Astrid died": her death, not her diagnosis), and any
    # other it names by a distinctive word ("a month after he left the tanker round").
    best = max(overlap.values(), default=0)
    events = frozenset(month for month, tie in overlap.items() if tie == best or month in named)
    if not events:
        return None
    return OnsetTiming(onset, events, frozenset(seen) - events - spanned, frozenset(spanned) - events)


def _dates(tokens: list[str]) -> Iterable[tuple[int, int | None]]:
    """(month 0-11, year or None) of each date in a clause: "feb 2025", "april", "3 25" (for 3/25), "02 26"."""
    for i, token in enumerate(tokens):
        month = _MONTH_OF.get(token)
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        year = _year(after)
        if month is not None:
            if token in _AMBIGUOUS and year is None and (i == 0 or tokens[i - 1] not in _LEADS):
                continue
            yield month, year
        elif token.isdigit() and len(token) <= 2 and 1 <= int(token) <= 12 and year is not None and \
                after not in _FRACTIONS:
            yield int(token) - 1, year


def _year(token: str) -> int | None:
    if token.isdigit() and len(token) == 4 and token[:2] in ("19", "20"):
        return int(token)
    if token.isdigit() and len(token) == 2:
        return 2000 + int(token)
    return None


def _dated(tokens: list[str], when: int) -> bool:
    month, year = when % 12, when // 12
    return any(m == month and (y is None or y == year) for m, y in _dates(tokens))


def _span_months(tokens: list[str], related: bool = False) -> Iterable[float]:
    """Spans of time a clause states, in months, when a relation word ties them to something ("two months
    after", "five weeks into", "3/12 later", "a year after"), or ``related`` by the caller ("ten months before")."""
    if not related and _RELATIONS.isdisjoint(tokens):
        return
    for i in range(1, len(tokens)):
        before, token = tokens[i - 1], tokens[i]
        if before == "of" and i >= 2 and tokens[i - 2] in _LAY_NUMBERS:
            before = tokens[i - 2]  # "a couple of months", "a few of weeks"
        number = int(before) if before.isdigit() and len(before) <= 2 else _NUMBERS.get(before)
        if number is None and token in _ONE_UNIT and _next_unit(tokens, i):
            number = 1  # "the month after", "the following month": a span of one month
        if number is None:
            continue
        unit = _UNITS.get(token) or (_FRACTIONS.get(token) if before.isdigit() else None)
        if unit is not None:
            yield number * unit


#: Units said without a number, one of them meant: "(in February,) the month after", "the following week".
_ONE_UNIT = frozenset({"day", "week", "month", "year"})


def _next_unit(tokens: list[str], i: int) -> bool:
    """Whether the unit at ``i`` is the one after something, said without a number: "the month after" (at the end of
    its clause, or before what it follows), "the following month"."""
    before = tokens[i - 1]
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (before == "the" and after in ("after", "later")) or (
        before == "following" and i >= 2 and tokens[i - 2] == "the")


def _close(stated: float, actual: int) -> bool:
    """A stated span fits the case's (in months) within a month, or a fifth of it."""
    return abs(stated - actual) <= max(1.0, 0.2 * actual)


def key_dated(timing: OnsetTiming, prepared: list[list[str]]) -> set[int]:
    """Clauses dated with the key event's month when no other event of the case shares it ("he became supervisor in
    September 2024"): the date names the event, in whatever words the answer tells it."""
    own = timing.events - timing.others
    if not own:
        return set()
    return {i for i, c in enumerate(prepared) if not _TIME_WORDS.isdisjoint(c) or any(map(str.isdigit, c))
            if any(_dated_year(c, e) for e in own)}


def _dated_year(tokens: list[str], when: int) -> bool:
    """A date with its year ("March 2025", "3/25"), which leaves no doubt which month it is."""
    month, year = when % 12, when // 12
    return any(m == month and y == year for m, y in _dates(tokens))


def dates_apart(timing: OnsetTiming, prepared: list[list[str]], event_clauses: set[int],
                onset_said: Callable[[list[str]], bool], key_named: set[int]) -> bool:
    """Whether the answer dates the key event (told where its date stands, or dated with the key event's own month and
    year in a clause of ``key_named``, :func:`key_dated`'s that say what happened) and, elsewhere, the onset, without
    saying how the two are tied ("Her brother died in February 2025. ... From April 2025 she has woken at four"): the
    link implied, which examiners credit at half. Both dates must be the case's own, the event's before the onset's."""
    timed = [i for i, c in enumerate(prepared) if not _TIME_WORDS.isdisjoint(c) or any(map(str.isdigit, c))]
    if len(timed) < 2:
        return False
    last = len(prepared) - 1
    onset_dated = {i for i in timed if _dated(prepared[i], timing.onset)
                   and any(onset_said(prepared[j]) for j in range(max(0, i - 1), min(last, i + 1) + 1))}
    if not onset_dated:
        return False
    return any(i not in onset_dated and ({i - 1, i, i + 1} & event_clauses or i in key_named)
               and any(_dated(prepared[i], e) for e in timing.events) and i < max(onset_dated) for i in timed)


def _in_sequence(i: int, j: int) -> bool:
    return abs(i - j) <= _SEQUENCE_REACH


#: Verbs of beginning: beside a span of the case's own (event to onset) tied to the key event, they date the onset,
#: unless what began is a quarrel ("the arguments only started in May, two months after the birth").
_BEGAN = frozenset({"began", "begun", "begins", "started", "starts", "developed", "appeared", "emerged"})
_QUARRELS = frozenset({"argument", "arguments", "argue", "arguing", "row", "rows", "rowing", "fight", "fights",
                       "fighting", "quarrel", "quarrels", "conflict", "conflicts", "tension", "tensions", "dispute",
                       "disputes", "disagreement", "disagreements", "clash", "clashes", "shouting"})


def dated_link(timing: OnsetTiming, prepared: list[list[str]], event_clauses: set[int],
               onset_said: Callable[[list[str]], bool], together: Callable[[int, int], bool] = _in_sequence) -> bool:
    """Whether the answer states the link by dates or by the span between the key event and the onset; the dated
    event and the dated onset must be ``together`` (in one sentence: set side by side in two, they are two facts)."""
    # Only clauses with a month word, a number or a unit can date anything (most clauses of most answers).
    timed = [i for i, c in enumerate(prepared)
             if not _TIME_WORDS.isdisjoint(c) or any(map(str.isdigit, c))]
    if not timed:
        return False
    last = len(prepared) - 1
    onset_dated = [i for i in timed if _dated(prepared[i], timing.onset)
                   and any(onset_said(prepared[j]) for j in range(max(0, i - 1), min(last, i + 1) + 1))]
    if onset_dated:
        events_dated = [i for i in timed if {i - 1, i, i + 1} & event_clauses
                        and any(_dated(prepared[i], e) for e in timing.events)]
        if any(abs(i - j) <= _SEQUENCE_REACH and together(i, j) for i in onset_dated for j in events_dated):
            return True
        # a note's dated entries: "1/25 grandkids -> boarding school ... Sx 3/25" (the event's own date, its year
        # given, and the onset's entry, wherever each stands in the note)
        if any(onset_entry(prepared[i]) for i in onset_dated) and any(
                any(_dated_year(prepared[j], e) for e in timing.events) for j in events_dated):
            return True
    spans = timing.spans()
    for i in timed:
        clause = prepared[i]
        if _RELATIONS.isdisjoint(clause) or _UNIT_WORDS.isdisjoint(clause):
            continue
        if not any(_close(s, actual) for s in _span_months(clause) for actual in spans) or denies_link(clause):
            continue  # (a span said to deny the tie: "her death was a year before the onset, so not the trigger")
        # the span tied to the key event dates what began then ("the temper is new and began about two months after
        # Yerlan's stroke"): a verb of beginning is the onset there, whatever the answer calls the symptoms
        near_onset = (onset_said(clause) or (i < last and onset_said(prepared[i + 1]))
                      or (not _BEGAN.isdisjoint(clause) and _QUARRELS.isdisjoint(clause))
                      or (i > 0 and not _BACKWARD.isdisjoint(clause) and onset_said(prepared[i - 1])))
        if near_onset and any(i - _SPAN_REACH <= c <= i + 1 for c in event_clauses):
            return True
    return False


#: Relations by which a span points forward from an event the clause names ("eight weeks after your farewell",
#: "two months into his leave"); "later" points back to whatever was said before and is left to :func:`dated_link`.
_FORWARD = frozenset({"after", "into", "following"})


def span_link(timing: OnsetTiming, prepared: list[list[str]], onset_said: Callable[[list[str]], bool]) -> bool:
    """Whether a clause tells the onset with the case's own span from the key event ("by February, eight weeks after
    your farewell from the school, you were waking early"): the span names the event, in whatever words the answer
    tells it, when the span fits the key event better than any other event of the case."""
    return next(span_clauses(timing, prepared, onset_said), None) is not None


def span_clauses(timing: OnsetTiming, prepared: list[list[str]],
                 onset_said: Callable[[list[str]], bool]) -> Iterator[int]:
    """The clauses that tell the onset with the case's own span from the key event (see :func:`span_link`)."""
    for c, clause in enumerate(prepared):
        if _FORWARD.isdisjoint(clause) or _UNIT_WORDS.isdisjoint(clause) or not onset_said(clause):
            continue
        for span in _span_months(clause):
            key = min((abs(span - actual) for actual in timing.spans()), default=float("inf"))
            other = min((abs(span - (timing.onset - o)) for o in timing.others), default=float("inf"))
            if key < other and any(_close(span, actual) for actual in timing.spans()):
                yield c
                break


#: A span that points back from the onset to what was told just before ("... and three months later he was
#: depressed"): which event it counts from, the clauses before it say (the caller's check).
_LATER_WORDS = frozenset({"later", "afterwards", "on"})


def later_span_clauses(timing: OnsetTiming, prepared: list[list[str]],
                       onset_said: Callable[[list[str]], bool]) -> Iterator[int]:
    """The clauses that tell the onset a span "later" than something told before, the span the case's own from the
    key event and fitting it better than any other event of the case ("three months later he was depressed")."""
    for c, clause in enumerate(prepared):
        if _LATER_WORDS.isdisjoint(clause) or _UNIT_WORDS.isdisjoint(clause) or not onset_said(clause):
            continue
        for k, token in enumerate(clause[1:-1], start=1):
            if token not in _UNIT_WORDS or clause[k + 1] not in _LATER_WORDS:
                continue
            for span in _span_months(clause[:k + 1], related=True):
                key = min((abs(span - actual) for actual in timing.spans()), default=float("inf"))
                other = min((abs(span - (timing.onset - o)) for o in timing.others), default=float("inf"))
                if key < other and any(_close(span, actual) for actual in timing.spans()):
                    yield c
                    break


#: Words after which a span's clause tells the event itself ("two months after you had to leave the flat").
_EVENT_AFTER = frozenset({"after", "following"})
#: The fewest words of an event told after them ("after you moved" is two, "after that" one: a pointer).
_EVENT_WORDS = 2


def span_event_told(clause: list[str]) -> bool:
    """Whether a clause that states the key event's span tells the event in its own words after "after" ("it
    started a couple of months after you had to leave Ottakring"), not only a pointer ("two months after that") or
    nothing ("three months later he was low")."""
    for k, token in enumerate(clause):
        if token in _EVENT_AFTER:
            told = [t for t in clause[k + 1:] if t not in _EVENT_FILLERS]
            if len(told) >= _EVENT_WORDS:
                return True
    return False


_EVENT_FILLERS = frozenset({"that", "this", "it", "then", "the", "a", "an"})


#: Words that turn a story back from the onset to what came before it ("It began in November. In the months before,
#: you and Hossam argued ...; then he paid the deposit").
_BACK_WORDS = frozenset({"before", "earlier", "previously", "beforehand"})
_BACK_OPENING = 6


def told_back(prepared: list[list[str]], event_clauses: set[int], onset_said: Callable[[list[str]], bool],
              spans: Iterable[int] = ()) -> bool:
    """Whether the answer dates the onset and then turns back to the key event before it ("It began in November.
    In the months before, you and Hossam argued about Cairo; then he paid the deposit without you"): right after the
    dated onset, a clause opening with "before" or "earlier" names the key event, or the clause after it goes on
    ("then", "and") to name it; not denied there or next, and no span but the case's (``spans``, in months)."""
    last = len(prepared) - 1
    for i, clause in enumerate(prepared[:-1]):
        # (the onset dated or begun: "It began in November", "your sleep went in December", not "you have depression")
        if (_TIME_WORDS.isdisjoint(clause) and _BEGAN.isdisjoint(clause)) or not onset_said(clause):
            continue
        j = i + 1
        if _BACK_WORDS.isdisjoint(prepared[j][:_BACK_OPENING]):
            continue
        told = j in event_clauses or (
            j < last and j + 1 in event_clauses and prepared[j + 1][:1] in (["then"], ["and"]))
        denied = any(denies_link(prepared[k]) for k in range(j, min(last, j + 1) + 1))
        wrong_span = any(not any(_close(s, actual) for actual in spans)
                         for s in _span_months(prepared[j], related=True))
        if told and not denied and not wrong_span:
            return True
    return False


@per_case
def timing_for(reference: ReferenceFormulation, case: Case | None) -> OnsetTiming | None:
    """:func:`onset_timing`, cached per reference and case object (a grading run scores many answers per case)."""
    return onset_timing(case, reference)


_NEGATORS = frozenset({"not", "no", "never", "nor", "hardly", "unlikely", "doubt"})
#: Words for what an event does to the onset ("the trigger", "linked", "what caused it", "explains").
_CAUSE_PREFIXES = ("trigger", "caus", "link", "relat", "explain", "precipitat", "behind", "respons")
#: Words that deny a tie in time or cause on their own ("a coincidence", "unrelated", "too long ago").
_DENIALS = frozenset({"coincidence", "coincidental", "unrelated", "unconnected", "irrelevant"})


def denies_link(clause: list[str]) -> bool:
    """Whether a clause denies that an event is tied to the onset ("I don't think it is the trigger", "not
    linked", "a coincidence", "too long before the onset")."""
    if not _DENIALS.isdisjoint(clause):
        return True
    if "too" in clause and not {"long", "early", "late", "far"}.isdisjoint(clause):
        return True
    if _NEGATORS.isdisjoint(clause):
        return False
    # "I don't think the death set this off" (the verb and its particle, a pronoun at most between them)
    return any(word.startswith(_CAUSE_PREFIXES) for word in clause) or any(
        word == "set" and "off" in clause[k + 1:k + 3] for k, word in enumerate(clause))


def link_denied(prepared: list[list[str]], event_clauses: set[int]) -> bool:
    """Whether every sentence that names the key event, with the clause after it, denies it is tied to the onset
    ("His brother's death was more than a year before the onset, so I don't think it is the trigger")."""
    last = len(prepared) - 1
    return bool(event_clauses) and all(
        any(denies_link(prepared[j]) for j in range(c, min(last, c + 1) + 1)) for c in event_clauses)


def key_event_texts(case: Case | None, reference: ReferenceFormulation) -> list[str]:
    """The timeline's own words for the key event ("Otieno lends the savings to his cousin" for a link written as
    "two months after she discovered the loan"): the events of the key event's months."""
    timing = timing_for(reference, case)
    if timing is None or case is None:
        return []
    return [event.event for event in case.timeline if month_index(event.date) in timing.events
            and event.kind.value not in ("symptom", "other")]
