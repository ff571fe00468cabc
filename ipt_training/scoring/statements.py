"""Which fragments of a list state a fact about the patient, and which only name something.

An examiner credits evidence in a list only where a fragment says something: "Lives alone.", "No close friends.",
"Father died 2/25.", "Low since the move." state facts; "Promotion.", "Clara, Tomasz.", "Delayed mourning.",
"Truck driver -> dispatch" name things and leave the reader to supply what happened. A fragment states when it has a
predicate: a verb (an auxiliary, a past tense, a verb followed by its particle or preposition), a denial of
something ("no close friends"), or a word that relates events in time or cause ("since", "after", "because"). An
event with its date states that it happened then ("death 10/2023", "stroke Oct 23", "row with Fernanda 05/2024"); a
date alone ("January 2025.") names a time and states nothing. Length alone is not a statement: items run together
with slashes or commas read as one long clause.
"""

from __future__ import annotations

import re

from ipt_training.scoring.fragments import MONTH_NAMES, unframed
from ipt_training.text.matcher import Clauses
from ipt_training.text.normalize import clauses

#: Auxiliaries, copulas and common irregular past tenses: a fragment with one of them says something happened or is.
_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "did", "do",
                    "got", "gets", "lost", "left", "quit", "fell", "began", "begun", "became", "met", "went", "took",
                    "gave", "told", "found", "made", "broke", "split", "sold", "came", "felt", "kept", "lives", "live",
                    "works", "stopped", "stays", "says", "said", "cannot", "can", "will", "feels", "wants", "misses",
                    "avoids", "refuses", "drinks", "cries", "sleeps", "blames", "argues", "argue", "fight", "fights"})
#: Words that relate two things in time or cause ("low since the move", "onset after the rift").
_RELATIONS = frozenset({"since", "after", "before", "because", "when", "following", "until", "ago", "later"})
_DENIALS = frozenset({"no", "not", "never", "nobody", "none", "nothing", "without"})
#: Particles and prepositions after a verb ("moved to Lisbon", "lives alone", "works nights" is a name).
_AFTER_VERB = frozenset({"to", "from", "in", "at", "out", "up", "away", "on", "off", "alone", "with", "back",
                         "down", "into", "abroad", "apart", "over"})
#: Area names: "not grief" rejects an area, it states nothing about the patient.
_AREA_WORDS = frozenset({"grief", "dispute", "transition", "deficits", "deficit", "rt", "rd", "pa", "id", "sensitivity",
                         "bereavement", "focus", "area"})


def _dated(tokens: list[str]) -> bool:
    """Whether ``tokens`` give a date (a month beside a number, "Feb 2024", or two numbers, "10/2023" read as "10",
    "2023") and a word of what happened then (not an area's name: "grief 2024" dates no event)."""
    numbers = [k for k, token in enumerate(tokens) if token.isdigit()]
    if not numbers:
        return False
    date = {k for k in numbers for j in (k - 1, k + 1) if 0 <= j < len(tokens)
            and (tokens[j].isdigit() or tokens[j] in MONTH_NAMES)}
    if not date:
        return False
    return any(len(token) > 2 and not token.isdigit() and token not in MONTH_NAMES and token not in _AREA_WORDS
               for token in tokens)


def states(tokens: list[str]) -> bool:
    """Whether a clause states something (see the module docstring)."""
    if len(tokens) < 2:
        return False
    if not _VERBS.isdisjoint(tokens) or not _RELATIONS.isdisjoint(tokens):
        return True
    if _dated(tokens):
        return True
    for k, token in enumerate(tokens):
        if token in _DENIALS and tokens[k + 1:k + 2] and tokens[k + 1] not in _AREA_WORDS:
            return True
        if token.endswith("ed") and len(token) > 3 and (k > 0 or (tokens[k + 1:k + 2] and tokens[1] in _AFTER_VERB)):
            return True
    return False


#: What separates the items of a list: slashes, semicolons, bullets, bars, line breaks, commas and full stops (not
#: inside a date or number: "2/25", "2.5 yrs").
_ITEM_SEPARATORS = re.compile(r"(?<!\d)/|/(?!\d)|[;\u2022|\n]|,(?!\d)|\.(?!\d)")


def stated_tokens(text: str, raw: Clauses) -> set[tuple[int, int]]:
    """The (clause, token) positions of ``raw`` (the answer's clauses, as the scorer read them) that lie in an item
    of the list ``text`` that states something. Items run together in one clause ("Winnipeg / Clara / onset after
    the move") are read one by one; when the items cannot be lined up with the clauses, whole clauses are read."""
    flat = [(c, k, token) for c, tokens in enumerate(raw) for k, token in enumerate(tokens)]
    items: list[tuple[str, bool]] = []
    for item in _ITEM_SEPARATORS.split(text):
        parts = clauses(item, quotes=True)
        # (a word in an empty frame, "There was a death", states only that it exists)
        bare = unframed(item)
        said = any(states(part) for part in (parts if bare == item else clauses(bare, quotes=True)))
        items += [(token, said) for part in parts for token in part]
    if [token for token, _ in items] != [token for _, _, token in flat]:
        return {(c, k) for c, k, _ in flat if states(raw[c])}
    return {(c, k) for (c, k, _), (_, said) in zip(flat, items, strict=True) if said}
