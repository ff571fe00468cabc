"""The words of one answer, gathered once: a table each reader asks instead of walking the clauses again.

The scorer's readers (the areas, the plan, the claims, the link in time) each look for a few words of their own
("not", "secondary", "because") before they read a clause closely. Walking every clause for every reader repeats
the same walk; this table holds the answer's words once, so a reader asks whether the answer has any of its words
at all, and which clauses hold them, and reads only those clauses (none, for most readers of most answers).

The table belongs to one answer and goes with it: nothing is kept from one answer to the next.
"""

from __future__ import annotations

from itertools import compress
from operator import not_

from ipt_training.text.features import bit_of, clause_bits, features

Clauses = list[list[str]]


class AnswerWords:
    """The clauses of one answer (as the matcher prepared them) and the words in them."""

    __slots__ = ("_bits", "_known", "_sets", "clauses", "derived", "found", "variants", "vocabulary")

    def __init__(self, clauses: Clauses, vocabulary: frozenset[str] | None = None) -> None:
        self.clauses = clauses
        #: every word of the answer (``vocabulary``, when the caller has gathered them already)
        self.vocabulary: frozenset[str] = frozenset().union(*clauses) if vocabulary is None else vocabulary
        self._sets: list[frozenset[str]] | None = None
        #: each clause's word features (:mod:`ipt_training.text.features`), read when first asked, and how many sets
        #: had a bit then
        self._bits: list[int] | None = None
        self._known = 0
        #: what a reader derives from these clauses once for several callers (keyed by the reader's name)
        self.derived: dict[str, tuple[int, ...]] = {}
        #: what a reader finds named in these clauses once for several callers (concept ids, keyed by the reader's
        #: name; the callers read it and never change it)
        self.found: dict[str, set[str]] = {}
        #: the words of the answer that are other forms of the plain-words plan frames' words, with the form the
        #: frames list (:mod:`ipt_training.scoring.plain_plan`; made when first asked)
        self.variants: dict[str, str] | None = None

    def has_any(self, words: frozenset[str]) -> bool:
        """Whether any of ``words`` is in the answer."""
        return not words.isdisjoint(self.vocabulary)

    def with_any(self, words: frozenset[str]) -> list[int]:
        """The clauses (in text order) that hold at least one of ``words``."""
        vocabulary = self.vocabulary
        if words.isdisjoint(vocabulary):
            return []  # most readers of most answers: one look-up per word, nothing made
        bit = bit_of(words, features() if self._bits is None else self._known)
        if bit is not None:  # a named set: one AND per clause (on machine integers in the compiled build)
            bits = self._bits
            if bits is None:
                self._known = features()
                bits = self._bits = clause_bits(self.clauses)
            return [c for c, held in enumerate(bits) if held & bit]
        sets = self._sets
        if sets is None:
            sets = self._sets = list(map(frozenset, self.clauses))
        return list(compress(range(len(sets)), map(not_, map(words.isdisjoint, sets))))  # the loop runs in C
