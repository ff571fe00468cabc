"""A dispute stage named as one item of a keyword list ("role dispute, impasse, Karim, savings, ...").

The stage point is earned by naming the stage, as the list's "role dispute" names the area (reference glossary: each
stage is a named stage of a dispute), so a list's stage word keeps its point; the feedback says the list names it,
not that the answer staged the dispute. A list here is what a reader sees as one, whether or not the scorer's list
reading (readability, word_lists) took it for one: five items or more cut by commas, semicolons, slashes or lines,
two in three of them of three words or fewer, one of them the stage's name alone ("impasse", "impasse stage").
"""

from __future__ import annotations

import re

_CUTS = re.compile(r"[,;/\n]+")
_STAGE_NAMES = frozenset({"impasse", "renegotiation", "dissolution"})
_AROUND = frozenset({"stage", "at", "the", "an", "a", "-", "in"})
_MIN_ITEMS = 5
_SHORT = 3


def stage_listed(text: str) -> bool:
    """Whether ``text`` is a keyword list with a dispute stage's name as one of its items."""
    if sum(map(text.count, ",;/\n")) < _MIN_ITEMS - 1:
        return False  # (too few cuts for a list: most answers, at four counts of a character)
    items = [item.strip(" .:-*\t").split() for item in _CUTS.split(text.lower())]
    items = [item for item in items if item]
    if len(items) < _MIN_ITEMS or 3 * sum(len(item) <= _SHORT for item in items) < 2 * len(items):
        return False
    return any(len(item) <= _SHORT and not _STAGE_NAMES.isdisjoint(item) and set(item) <= _STAGE_NAMES | _AROUND
               for item in items)
