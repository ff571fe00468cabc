"""The statement that nothing set the episode off, in the answer's own words (the deficits link, reference 3.4).

A note says "no trigger" or "no life event"; a formulation said to the patient tells the search and what it found:
"we looked for something that might have set it off, a death, a quarrel, a change, and there was nothing", "it
began without any one event causing it". Two general shapes are read here, beside the lexicon's phrases:

* a search and a find of nothing: a word of looking ("looked", "searched", "asked", "checked") and, later in
  the sentence or at the start of the next one, a word of nothing ("nothing", "none", "nobody");
* a cause denied: a word of denial ("no", "without", "never") shortly before a word of cause ("event", "trigger",
  "reason", "cause").
"""

from __future__ import annotations

from ipt_training.text.matcher import Clauses, Match

_SEARCH = frozenset({"look", "looked", "looking", "search", "searched", "searching", "ask", "asked", "asking", "check",
                     "checked", "checking", "explored", "exploring", "considered"})
_NOTHING = frozenset({"nothing", "none", "nobody"})
#: "nothing but", "nothing else": the nothing-word qualifies what follows, not the search
_NOT_NOTHING_AFTER = frozenset({"but", "else", "more", "less", "wrong"})
_DENY = frozenset({"no", "without", "never"})
_CAUSE = frozenset({"event", "events", "trigger", "triggers", "reason", "reasons", "cause", "causes", "precipitant"})
_NEXT_START = 4
_DENY_REACH = 3


def _nothing_at(tokens: list[str], start: int = 0, stop: int | None = None) -> bool:
    end = len(tokens) if stop is None else min(stop, len(tokens))
    return any(tokens[k] in _NOTHING and tokens[k + 1:k + 2] not in ([w] for w in _NOT_NOTHING_AFTER)
               for k in range(start, end))


def _cause_denied(tokens: list[str]) -> bool:
    return any(t in _CAUSE and not _DENY.isdisjoint(tokens[max(0, k - _DENY_REACH):k]) for k, t in enumerate(tokens))


def no_event_clauses(prepared: Clauses) -> list[Match]:
    """``absence`` matches (as the lexicon's phrases make them) for the clauses that say nothing set the episode off."""
    found: list[Match] = []
    for c, tokens in enumerate(prepared):
        said = _cause_denied(tokens)
        if not said:
            searched = [k for k, t in enumerate(tokens) if t in _SEARCH]
            if searched:
                following = prepared[c + 1] if c + 1 < len(prepared) else []
                said = _nothing_at(tokens, searched[0] + 1) or _nothing_at(following, 0, _NEXT_START)
        if said:
            found.append(Match("absence", c, 0, 0, False, 1.0))
    return found
