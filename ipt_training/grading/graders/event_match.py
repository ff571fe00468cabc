"""Match a trainee's timeline rows and onset event to the expert's life events by their content words.

A row matches an expert event when they share at least two content words (stop words dropped, word forms and
a few everyday synonyms folded together: "sold" = "sells", "widowed" = "husband died"), and those shared words
are a fair part of the row. So "Ron died" and "Farm sold, moved to the village" match, and a row of "the", "her"
or "a" matches nothing. :func:`life_event_kinds` names the kinds of life event a text speaks of, so an onset
event that lists every kind of event can be told from one that names the event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ipt_training.text.normalize import to_ascii_lower

#: English function words and words every event description shares; they never make two events alike.
STOP_WORDS: frozenset[str] = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "itself", "just", "later", "may", "me", "more", "most", "much", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "within", "would", "you", "your", "yours", "yourself", "month", "months", "year", "years", "time", "times",
    "event", "events", "life", "patient", "thing", "things", "one", "two", "three", "first", "new", "old", "get",
    "got", "gets", "getting",
})

#: Word forms and everyday synonyms folded into one canonical token (a word may stand for two, "widowed").
SYNONYMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("die", "dies", "died", "dying", "death", "dead", "deceased", "passed", "passing", "funeral",
                     "bereaved", "bereavement"), ("die",)),
    **dict.fromkeys(("widow", "widowed", "widower"), ("die", "spouse")),
    **dict.fromkeys(("husband", "wife", "spouse", "partner"), ("spouse",)),
    **dict.fromkeys(("sell", "sells", "sold", "selling", "sale"), ("sell",)),
    **dict.fromkeys(("move", "moves", "moved", "moving", "relocate", "relocates", "relocated", "relocating",
                     "relocation"), ("move",)),
    **dict.fromkeys(("drive", "drives", "drove", "driven", "driving", "driver", "licence", "license"), ("drive",)),
    **dict.fromkeys(("stop", "stops", "stopped", "stopping", "quit", "quits", "quitting", "gave", "give", "gives",
                     "giving", "cease", "ceased", "ceases"), ("stop",)),
    **dict.fromkeys(("eye", "eyes", "eyesight", "sight", "vision", "blind", "blindness"), ("eye",)),
    "macular": ("macular", "eye"),
    **dict.fromkeys(("mourn", "mourns", "mourned", "mourning", "grieve", "grieves", "grieved", "grieving", "grief"),
                    ("mourn",)),
    **dict.fromkeys(("mother", "mum", "mom", "mam"), ("mother",)),
    **dict.fromkeys(("father", "dad", "papa"), ("father",)),
    **dict.fromkeys(("job", "jobs", "work", "employment", "post", "position"), ("job",)),
    **dict.fromkeys(("retire", "retires", "retired", "retiring", "retirement"), ("retire",)),
    **dict.fromkeys(("marry", "married", "marries", "marriage", "wedding", "wed"), ("marry",)),
    **dict.fromkeys(("divorce", "divorced", "divorces", "divorcing"), ("divorce",)),
    **dict.fromkeys(("separate", "separated", "separates", "separation", "split"), ("separate",)),
    **dict.fromkeys(("kept", "keeps", "keep", "keeping"), ("keep",)),
}

_SUFFIXES = ("ing", "ed", "es", "s")
_MIN_SHARED = 2
_ROW_SHARE = 1 / 3


def _stem(word: str) -> str:
    """A crude stem: "mourns", "running" and "villages" -> "mourn", "run", "villag"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed") and len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # "stopped" -> "stop", "running" -> "run"
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The content words of ``text``, folded (no stop words, numbers or single letters)."""
    words: set[str] = set()
    for word in re.findall(r"[a-z]+", to_ascii_lower(text)):
        if len(word) < 2 or word in STOP_WORDS:
            continue
        words.update(SYNONYMS.get(word, (_stem(word),)))
    return frozenset(words)


def shared_words(row_text: str, event_text: str) -> frozenset[str]:
    return content_words(row_text) & content_words(event_text)


def same_event(row_text: str, event_text: str) -> bool:
    """Whether a trainee's row describes the expert event (see the module docstring)."""
    row, event = content_words(row_text), content_words(event_text)
    shared = row & event
    return len(shared) >= min(_MIN_SHARED, len(event)) > 0 and len(shared) >= _ROW_SHARE * len(row)


#: Kinds of life event, each with cues in :mod:`ipt_training.text.matcher` syntax.
LIFE_EVENT_KINDS: dict[str, tuple[str, ...]] = {
    "a death": ("death", "die*", "died", "dead", "passed away", "bereave*", "widow*", "funeral"),
    "a move": ("move*", "moving", "relocat*", "leaving home", "left home", "new house", "new home"),
    "a sale": ("sell*", "sold", "sale"),
    "retirement": ("retire*",),
    "a change of job": ("job", "promot*", "redundan*", "fired", "laid off", "unemploy*", "new role"),
    "a separation": ("divorc*", "separat*", "break up", "broke up", "split up"),
    "a dispute": ("argument*", "argue*", "dispute*", "conflict*", "quarrel*", "fight*"),
    "a marriage": ("marri*", "marry", "wedding", "engaged"),
    "a birth": ("birth", "baby", "pregnan*", "born"),
    "an illness": ("illness", "diagnos*", "cancer", "surgery", "disease", "injur*", "stroke", "heart attack"),
    "stopping driving": ("driving", "drive", "licence", "license"),
}


@lru_cache(maxsize=1)
def _kind_matcher():  # type: ignore[no-untyped-def]
    from ipt_training.text.matcher import build_matcher

    return build_matcher(LIFE_EVENT_KINDS)


def life_event_kinds(text: str) -> set[str]:
    """The kinds of life event ``text`` speaks of (negated mentions, "not the death", left out)."""
    return {m.concept for m in _kind_matcher().find(text) if not m.negated}


def kinds_of(texts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found |= life_event_kinds(text)
    return found
