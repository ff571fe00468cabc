"""The statement that nothing set the episode off, in the answer's own words (the deficits link, reference 3.4).

A note says "no trigger" or "no life event"; a formulation said to the patient tells the search and what it found:
"we looked for something that might have set it off, a death, a quarrel, a change, and there was nothing", "it
began without any one event causing it". Two general shapes are read here, beside the lexicon's phrases:

* a search and a find of nothing: a word of looking ("looked", "searched", "asked", "checked") and, later in
  the sentence or at the start of the next one (or of the one after the list of what was looked for: "...: a death,
  a quarrel, something new at work. There was nothing."), a word of nothing ("nothing", "none", "nobody");
* a cause denied: a word of denial ("no", "without", "never") shortly before a word of cause ("event", "trigger",
  "reason", "cause"), with no other phrase begun between them ("no clear trigger", "without any one event"):
  "there is no doubt the cause is the move" and "he never gave a reason for quitting" deny no cause, and "no
  reason to blame yourself" (a reason to do something) is the sick role, not the link;
* the events of the other areas denied by one "no" over their list ("there has been no death, dispute or change
  before the onset", "no deaths, quarrels or moves"): the list is read as the lexicon reads "no death, no dispute",
  when it names the events of two areas or more and holds nothing but them, a few words that say which ("life",
  "recent") and its "or", "and" or "nor".

A nothing that someone said or did ("she asked him to stay and he said nothing") is what happened, not what a
search found: the search must be for what set the episode off (a word of cause, change or beginning in the
sentence), and a nothing that is said, done or known is no find. Nobody is not nothing: "I asked who you could turn
to, and there was nobody" found no person, not no cause.
"""

from __future__ import annotations

from ipt_training.text.matcher import Clauses, Match

_SEARCH = frozenset({"look", "looked", "looking", "search", "searched", "searching", "ask", "asked", "asking", "check",
                     "checked", "checking", "explored", "exploring", "considered"})
_NOTHING = frozenset({"nothing", "none"})
#: "nothing but", "nothing else": the nothing-word qualifies what follows, not the search
_NOT_NOTHING_AFTER = frozenset({"but", "else", "more", "less", "wrong"})
#: a nothing that is said, done or known ("he said nothing"): what someone did, not what the search found
_NOT_NOTHING_BEFORE = frozenset({"said", "say", "says", "did", "do", "does", "knew", "know", "knows", "heard",
                                 "replied", "answered"})
#: What a search for a cause looks for: a word of cause, change or beginning ("what set it off", "anything that
#: happened or changed before you felt low", "what started it").
_SOUGHT = frozenset({"set", "sets", "trigger", "triggers", "triggered", "cause", "causes", "caused", "reason",
                     "reasons", "event", "events", "happened", "happen", "changed", "change", "changes", "started",
                     "start", "began", "begin", "behind", "explain", "explains", "brought", "precipitant", "death",
                     "loss", "quarrel", "argument", "row", "before", "going", "anything", "something", "led",
                     "preceded", "onset", "life"})
_DENY = frozenset({"no", "without", "never"})
#: Words between a denial and a cause that make the denial one of something else: a definite determiner or
#: pronoun starts another phrase ("no doubt the cause", "never gave a reason", "without telling him the reason"), as
#: do a few words of doubt or saying; words that say which cause ("no clear trigger", "without any one event", "no
#: significant life event") do not.
_OTHER_PHRASE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its", "my",
                           "your", "our", "him", "them", "me", "us", "doubt", "question", "wonder", "longer", "matter",
                           "gave", "give", "given", "giving", "told", "telling", "said", "saying", "need", "needed",
                           "know", "knew", "knowing", "for", "to"})
_CAUSE = frozenset({"event", "events", "trigger", "triggers", "reason", "reasons", "cause", "causes", "precipitant"})
_NEXT_START = 4
_DENY_REACH = 3


def _nothing_at(tokens: list[str], start: int = 0, stop: int | None = None) -> bool:
    end = len(tokens) if stop is None else min(stop, len(tokens))
    return any(tokens[k] in _NOTHING and tokens[k + 1:k + 2] not in ([w] for w in _NOT_NOTHING_AFTER)
               and (k == 0 or tokens[k - 1] not in _NOT_NOTHING_BEFORE) for k in range(start, end))


#: "to" before one of these is a preposition ("no cause to the episode"); before anything else, an infinitive ("no
#: reason to blame yourself"): a reason to do something, not the cause of the episode.
_NOUN_STARTS = frozenset({"the", "this", "that", "it", "your", "his", "her", "their", "my", "a", "an"})


def _to_do(tokens: list[str], k: int) -> bool:
    """Whether the cause word at ``k`` is a reason to do something ("no reason to blame yourself", "no reason for
    you to feel guilty")."""
    for j in range(k + 1, min(len(tokens) - 1, k + 4)):
        if tokens[j] == "to":
            return tokens[j + 1] not in _NOUN_STARTS
    return False


def _cause_denied(tokens: list[str]) -> bool:
    """A denial shortly before a word of cause, with no other phrase begun between them, and no reason to do
    something."""
    for k, t in enumerate(tokens):
        if t not in _CAUSE or _to_do(tokens, k):
            continue
        for d in range(max(0, k - _DENY_REACH), k):
            if tokens[d] in _DENY and _OTHER_PHRASE.isdisjoint(tokens[d + 1:k]):
                return True
    return False


#: The events of the three areas with an event, by area, as a list denied by one "no" names them.
_LISTED_EVENTS = {
    **dict.fromkeys(("death", "deaths", "bereavement", "bereavements", "loss", "losses"), "grief"),
    **dict.fromkeys(("dispute", "disputes", "conflict", "conflicts", "quarrel", "quarrels", "argument", "arguments",
                     "row", "rows", "fight", "fights", "disagreement", "disagreements"), "dispute"),
    **dict.fromkeys(("change", "changes", "move", "moves", "transition", "transitions"), "transition"),
}
#: Words a denied list of events may hold besides the events: its joins and the words that say which events.
_LIST_JOINS = frozenset({"or", "and", "nor", "any", "life", "recent", "major", "new", "big", "role", "other",
                         "interpersonal", "real", "significant"})
_LIST_AREAS = 2


def _events_denied(tokens: list[str]) -> bool:
    """One "no" over a list of events of two areas or more ("no death, dispute or life change"), the list holding
    nothing else (commas are gone from the clause: the words follow one another)."""
    for d, token in enumerate(tokens):
        if token != "no":
            continue
        areas: set[str] = set()
        for word in tokens[d + 1:]:
            area = _LISTED_EVENTS.get(word)
            if area is not None:
                areas.add(area)
            elif word not in _LIST_JOINS:
                break
        if len(areas) >= _LIST_AREAS:
            return True
    return False


def no_event_clauses(prepared: Clauses) -> list[Match]:
    """``absence`` matches (as the lexicon's phrases make them) for the clauses that say nothing set the episode off."""
    found: list[Match] = []
    for c, tokens in enumerate(prepared):
        said = _cause_denied(tokens) or ("no" in tokens and _events_denied(tokens))
        if not said:
            searched = [k for k, t in enumerate(tokens) if t in _SEARCH]
            following = prepared[c + 1] if c + 1 < len(prepared) else []
            if searched and not (_SOUGHT.isdisjoint(tokens) and _SOUGHT.isdisjoint(following[:_NEXT_START])):
                said = _nothing_at(tokens, searched[0] + 1) or _nothing_at(following, 0, _NEXT_START)
                if not said and following and not _SOUGHT.isdisjoint(following) and c + 2 < len(prepared):
                    # the search, then the list of what it looked for, then its find ("We searched for something
                    # that changed before this: a death, a quarrel, something new at work. There was nothing.")
                    said = _nothing_at(prepared[c + 2], 0, _NEXT_START)
        if said:
            found.append(Match("absence", c, 0, 0, False, 1.0))
    return found
