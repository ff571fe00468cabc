"""An onset tied to every event is tied to none.

The timeline link says which event the episode followed. "He became low after Clara was offered the post. He became
low after the move. He became low after he started contract work." ties the onset to each event of the timeline in
turn, so whichever is the key, it is among them: the answer has not said which one it was. Three or more of the
case's events, each tied to the onset in a statement of its own (a sentence to its full stop that says the onset and
ties it by "after", "since", "following", "when" or "once", or by a "since then" that points back to the sentence
before), are the timeline walked through, not a link.

A chain is a link: the onset after one event and a worsening after others ("Her mood fell after the move. It got
worse once the arguments began."), and one sentence that ties the onset to several events ("two months after the
diagnosis and a month after he stopped driving") is one statement: its first event counts. (An answer of the
development sets ties the onset to three events in one sentence, and its examiner credited the link.) But one
sentence whose ties name three or more events, each tie its own ("after X, after Y and after Z"), one of which the
timeline dates after the onset ("She became low after the separation, after Marek moved out, after the move to a
smaller flat and after the divorce was finalised", the divorce three months after the onset), ties the onset to an
event that cannot have set it off as readily as to the one that did: it walks the timeline too. (Events long before
the onset are left alone: an honest sentence names them as the background of the change.)

Nor does one sentence that says the onset and then ties it to three or more events of the year before it ("She
became low after the abnormal tests, after the diagnosis and after she cut her teaching") say which of them set it
off, when it says of none how long after it the episode began: it places the onset after the events, as dating them
does, and the link is implied (half its point). Said of the first ("two months after the diagnosis, after ... and
after ..."), the link is stated; so it is where the events come first and the onset after them ("After his first
seizure and the diagnosis he was moved to dispatch; his symptoms followed in May"). (Events of more than a year
before the onset are the background an honest sentence names; they are not counted.)

An event is named, after its tie, by a word of its own (a word no other event of the timeline has: "futsal",
"redundant", "died"; not names, kin words, dates or words most vignettes share).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import STOP_WORDS, event_words
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.specificity import month_index
from ipt_training.scoring.time_link import onset_said
from ipt_training.text.normalize import clauses

#: This many of the case's events tied to the onset, each in a statement of its own, are every event.
EVERY = 3
_MIN_STEM = 4
#: Words that tie the onset to the event after them, the time link's "in the aftermath of" and "on the heels of"
#: among them; "and then" ties it to what came before ("X, and then he became low"), as does a tie with nothing
#: after it ("he has been low ever after").
_TIES = frozenset({"after", "since", "following", "when", "once", "aftermath", "heels"})
_BACK = frozenset({"then", "that", "this", "which"})
_WORSE = ("worse", "deteriorat", "escalat", "intensif")
#: The words after a tie that name its event ("after | the mill closed and he was made redundant").
_NAMED_IN = 8
#: Months before the onset in which an event is its trigger, not its background.
_YEAR = 12
#: Words before a tie that say how long after it the episode began ("two months after", "shortly after").
_SPAN_WORDS = frozenset({"month", "months", "week", "weeks", "day", "days", "year", "years", "shortly", "soon",
                         "right", "just", "immediately", "straight", "directly"})


#: Feedback for an answer that ties the onset to several events at once, none of them by how long after.
CHAIN_FEEDBACK = ("The onset was placed after several events at once: say which of them the episode followed, and "
                  "how long after it began (e.g. 'the symptoms began two months after ...'), for the full point.")

#: Feedback for an answer that ties the onset to every event.
EVERY_EVENT_FEEDBACK = ("The onset was tied to one event after another, so the answer does not say which of them set "
                        "the episode off: a link names the event the episode followed, and how long after it began.")


@dataclass(frozen=True, slots=True)
class TimelineWords:
    """Each event of the timeline (symptoms aside) by the keys of its own words, and how a word finds its key."""

    events: tuple[frozenset[str], ...] = ()
    forms: dict[str, str] = field(default_factory=dict)
    prefixes: tuple[tuple[str, str], ...] = ()
    #: Every prefix at once, for one ``str.startswith`` test before the walk that finds which (most words have none).
    starts: tuple[str, ...] = ()
    #: the events dated after the onset: none of them set it off
    after_onset: frozenset[int] = frozenset()
    #: the events dated in the year before the onset (or its month): the months its trigger is looked for in
    recent: frozenset[int] = frozenset()

    def told(self, tokens: list[str]) -> set[int]:
        """The events ``tokens`` name by a word of their own."""
        keys = {self.forms.get(token) or (next(k for prefix, k in self.prefixes if token.startswith(prefix))
                                          if token.startswith(self.starts) else None)
                for token in tokens if token not in STOP_WORDS}
        return {e for e, own in enumerate(self.events) if not own.isdisjoint(keys)}


@per_case
def timeline_words(reference: ReferenceFormulation, case: Case | None = None) -> TimelineWords:
    """The words of each event of ``case``'s timeline that no other event has (``reference`` unused: cached per
    case)."""
    if case is None:
        return TimelineWords()
    names = [case.patient.name, *(p.name for p in case.inventory)]
    dated = [e for e in case.timeline if e.kind.value != "symptom"]
    told = [event_words(e.event, names) for e in dated]
    onset = month_index(case.symptom_onset)
    months = [month_index(e.date) for e in dated]
    after_onset = frozenset(k for k, month in enumerate(months) if onset is not None and month is not None
                            and month > onset)
    recent = frozenset(k for k, month in enumerate(months) if onset is not None and month is not None
                       and onset - _YEAR <= month <= onset)
    events: list[frozenset[str]] = []
    forms: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for words in told:
        others = frozenset().union(*(w.keys() for w in told if w is not words))
        own = frozenset(key for key in words.keys() - others if len(key) - len("word:") >= _MIN_STEM)
        events.append(own)
        for key in own:
            for cue in words[key]:
                if cue.endswith("*"):
                    prefixes.append((cue[:-1], key))
                elif " " not in cue:
                    forms.setdefault(cue, key)
    return TimelineWords(tuple(events), forms, tuple(prefixes), tuple(prefix for prefix, _ in prefixes), after_onset,
                         recent)


def _ties(tokens: list[str]) -> list[list[str]]:
    """The stretches of a clause that each follow a tie word ("after X", "since Y"), up to the next; for "and then"
    and a tie at the end ("ever after"), the stretch before it."""
    starts = [k for k, t in enumerate(tokens) if t in _TIES or (t == "then" and k and tokens[k - 1] == "and")]
    stretches = []
    for i, (k, end) in enumerate(zip(starts, [*starts[1:], len(tokens)], strict=False)):
        if tokens[k] == "then":
            stretches.append(tokens[:k])  # ("they agreed to separate after 16 years, and then he became low")
        elif end - k <= _BACKWARD:
            stretches.append(tokens[starts[i - 1] + 1 if i else 0:k])
        else:
            stretches.append(tokens[k + 1:end])
    return stretches


#: A tie with this few words after it ties what came before ("... ever after", "... soon after").
_BACKWARD = 1


_FULL_STOP_RE = re.compile(r"(?<=[.!?])\s+")


def _statements(prepared: list[list[str]], text: str) -> list[list[str]]:
    """The answer's sentences to their full stop, each its clauses' tokens run together ("after the funeral; Comfort
    hosted the relatives" is one statement); each clause on its own where the clauses of ``text`` cannot be matched
    up (a repeated clause read once)."""
    pieces = [clauses(piece, quotes=True) for piece in _FULL_STOP_RE.split(text)]
    if sum(len(piece) for piece in pieces) != len(prepared):
        return prepared
    statements: list[list[str]] = []
    at = 0
    for piece in pieces:
        statements.append([t for tokens in prepared[at:at + len(piece)] for t in tokens])
        at += len(piece)
    return statements


class Walk(Enum):
    """How the answer ties the onset to the timeline's events."""

    #: as a link (to one event, or a chain told as one)
    LINK = "link"
    #: to every event, each in a statement of its own, or in one with an event after the onset: no link
    EVERY = "every"
    #: in one sentence to three events of the year before the onset, none by how long after: the link implied
    CHAIN = "chain"


def read_walk(prepared: list[list[str]], text: str, timeline: TimelineWords) -> Walk:
    """How the answer (its clauses and its ``text``) ties the onset to the timeline's events (see the module's
    docstring). The clauses with a tie are found once, for both readings."""
    tying = [tokens for tokens in prepared if not _TIES.isdisjoint(tokens) or ("then" in tokens and "and" in tokens)]
    if not tying:
        return Walk.LINK
    if every_event_tied(prepared, text, timeline, tying):
        return Walk.EVERY
    return Walk.CHAIN if chain_tied(prepared, text, timeline, tying) else Walk.LINK


def every_event_tied(prepared: list[list[str]], text: str, timeline: TimelineWords,
                     tying: list[list[str]]) -> bool:
    """Whether the answer (its clauses, its ``text`` and the clauses with a tie) ties the onset to :data:`EVERY` or
    more of the timeline's events, each in a statement of its own."""
    if len([e for e in timeline.events if e]) < EVERY:
        return False
    if len(tying) < EVERY and not (timeline.after_onset and sum(
            tokens.count("after") + tokens.count("since") for tokens in tying if "after" in tokens) >= EVERY):
        return False  # (or three ties in fewer clauses: "after X, after Y and after Z")
    tied: set[int] = set()
    statements = _statements(prepared, text)
    for s, tokens in enumerate(statements):
        if ((_TIES.isdisjoint(tokens) and "then" not in tokens) or not onset_said(tokens)
                or any(t.startswith(_WORSE) for t in tokens)):
            continue  # (a worsening is a chain's next step, not another onset)
        ties = _ties(tokens)
        if s and any(t[:1] and t[0] in _BACK for t in ties):
            ties.append(statements[s - 1])  # "Since then he has been low": tied to what the sentence before told
        if len(ties) >= EVERY and timeline.after_onset:
            # the event each tie names, in the words right after it
            firsts = {min(events) for events in (timeline.told(t[:_NAMED_IN]) for t in ties) if events}
            if len(firsts) >= EVERY and not firsts.isdisjoint(timeline.after_onset):
                return True  # one sentence ties the onset to every event, one of which came after it
        named = next((events for events in (timeline.told(t) - tied for t in ties) if events), None)
        if named:
            tied.add(min(named))
    return len(tied) >= EVERY


def _spanned(tokens: list[str]) -> bool:
    """Whether the statement's first tie says how long after its event the episode began ("two months after X,
    after Y and after Z"; not "after X, after Y and after he went back to work a week after the burial", where the
    span is one of the events')."""
    k = next((k for k, t in enumerate(tokens) if t in _TIES), 0)
    return k > 0 and tokens[k - 1] in _SPAN_WORDS


def chain_tied(prepared: list[list[str]], text: str, timeline: TimelineWords, tying: list[list[str]]) -> bool:
    """Whether one sentence of the answer says the onset and then ties it to :data:`EVERY` or more events of the
    year before it ("She became low after X, after Y and after Z"), or ties it to each of them by a tie of its own
    and says it after them ("Since X, since Y and since Z, she has been low"), and says of none of them how long
    after it the episode began: the onset placed after the events, not tied to one of them. (Each tie's event is
    named in the words right after it, as :func:`every_event_tied` reads them.)"""
    if len(timeline.recent) < EVERY:
        return False
    if sum(tokens.count(tie) for tokens in tying for tie in _TIES) < EVERY:
        return False  # (three ties or more in the answer, before its sentences are looked at)
    for tokens in _statements(prepared, text):
        if sum(t in _TIES for t in tokens) < EVERY or _spanned(tokens) or any(t.startswith(_WORSE) for t in tokens):
            continue
        first = next(k for k, t in enumerate(tokens) if t in _TIES)
        if not onset_said(tokens):
            continue
        told = [timeline.told(stretch[:_NAMED_IN]) & timeline.recent for stretch in _ties(tokens)]
        if onset_said(tokens[:first]):
            # the onset said, then tied: "She became low after X, after Y and after Z"
            if len(set().union(*told)) >= EVERY:
                return True
        elif len({min(events) for events in told if events}) >= EVERY:
            # each event its own tie, the onset after them: "Since X, since Y and since Z, she has been low" (not
            # "After X and Y he was moved to Z; his symptoms followed": one tie, events told after it)
            return True
    return False
