"""The onset tied to another event than the key one: no link point for it (reference 3.0.1).

The timeline link is earned by tying the onset of the episode in time to the event that set it off. An answer that
argues another focus ties the onset to that focus's event ("his low mood started six months into the new post",
"the onset follows the quarrel with his daughter"); its sentence still holds the onset and a word of time, and
often the date the case's own link gives, but the event it ties the onset to is the wrong one, and examiners give
no link point for it. So is a sentence that says the onset is "best linked" to another event after a right focus.

Read here: where the answer states the onset with a tie in time (the onset clause, and the clauses beside it in its
sentence), which events those clauses name. The onset is tied elsewhere when some tie names an event of another
area than the key event's and no tie names the key event (by the key item's own words, an event of its area, an
anniversary where the link is one, or its date). An answer that names both, or names none, keeps what the link
reader found.
"""

from __future__ import annotations

from collections.abc import Callable, Set

from ipt_training.domain import ProblemArea
from ipt_training.text.matcher import Clauses, Match

#: How far from the onset clause an event still belongs to its tie (the clause before and the one after, in one
#: sentence: "the depression came in February, half a year after he became deputy head").
_REACH = 1


#: Words that set an event aside as the trigger in an answer that argues another focus ("Efua's death is important
#: background, but it happened almost a year before the onset and he functioned well", "he seems to have coped").
_DISMISSALS = frozenset({"background", "coped", "functioned", "functioning"})


_NEGATORS = frozenset({"not", "never", "no", "hardly", "barely"})


def dismissed(tokens: list[str]) -> bool:
    """Whether a clause sets an event aside as what set the episode off, beyond a denied link: it calls it background
    or says the patient coped with it (not "she has not coped since")."""
    return any(t in _DISMISSALS and _NEGATORS.isdisjoint(tokens[max(0, k - 2):k]) for k, t in enumerate(tokens))


def onset_ties(prepared: Clauses, onset: Callable[[list[str]], bool], related: Callable[[list[str]], bool],
               sentences: Callable[[], list[int] | None]) -> list[set[int]]:
    """The clauses around each clause that states the onset with a word tying it in time or cause: the onset clause
    and its neighbours in its sentence (all neighbours when the sentences cannot be told apart)."""
    ties: list[set[int]] = []
    ids: list[int] | None = None
    asked = False
    for c, tokens in enumerate(prepared):
        if not onset(tokens):
            continue
        if not asked:
            ids, asked = sentences(), True
        near = {n for n in range(c - _REACH, c + _REACH + 1) if 0 <= n < len(prepared)
                and (ids is None or ids[n] == ids[c])}
        if any(related(prepared[n]) for n in near):
            ties.append(near)
    return ties


def tied_elsewhere(ties: list[set[int]], events: list[Match], key_area: ProblemArea,
                   key_clauses: Set[int], denied: Set[int] = frozenset()) -> frozenset[ProblemArea]:
    """The areas of the events the answer ties the onset to when it ties it only to events of other areas than
    ``key_area`` (empty otherwise): some tie names one (an ``event:<area>`` match not denied) and no tie names the
    key event (``key_clauses``, or an event of its area), other than to deny it set the episode off (``denied``:
    clauses that deny a link, "I don't think the death set this off")."""
    if not ties:
        return frozenset()
    other: dict[int, set[ProblemArea]] = {}
    key = set(key_clauses)
    for m in events:
        if not m.concept.startswith("event:") or m.negated:
            continue
        if m.concept[6:] == key_area.value:
            key.add(m.clause)
        else:
            other.setdefault(m.clause, set()).add(ProblemArea(m.concept[6:]))
    if not other or any(tie & key and not tie & denied for tie in ties):
        return frozenset()
    return frozenset(a for tie in ties for c in tie for a in other.get(c, ()))
