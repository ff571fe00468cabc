"""Word features: each word set a reader asks of every answer gets a bit of its own, once per process.

A reader that looks for a few words of its own in each clause ("not", "secondary", "because") asks the same question
of every answer. Each such word set, named once with :func:`feature` where it is defined, is given a bit; every word
of it carries that bit in one table (:data:`WORD_BITS`, a word's bits together). An answer's clauses are then each
read once into an integer (:func:`clause_bits`), and "does this clause hold a word of the set" is one AND
(:class:`~ipt_training.text.words.AnswerWords`).

The table is built as the scorer's modules are imported and never changes for an answer: nothing of one answer is
kept. A set named after an answer's clauses were read (by a module imported later) has a bit those clauses were not
read for: :func:`bit_of` answers ``None`` for it below that answer's count of bits (:data:`FEATURES` then), and the
reader walks the clauses as before.
"""

from __future__ import annotations

from typing import Final

#: Each word of a named set, with the bits of the sets it is in.
WORD_BITS: Final[dict[str, int]] = {}
#: ``id`` of each named set -> its bit (the sets themselves are kept in :data:`_NAMED`, so no id is reused).
_BIT_OF: Final[dict[int, int]] = {}
_NAMED: Final[list[frozenset[str]]] = []
#: Bits past this many make integers that Python (and the compiled build) handle more slowly: a warning, not a limit.
FAST_BITS: Final = 62


def feature(words: frozenset[str]) -> frozenset[str]:
    """``words`` itself, given a bit of its own (a set named twice keeps its first bit)."""
    if id(words) not in _BIT_OF:
        bit = 1 << len(_NAMED)
        _BIT_OF[id(words)] = bit
        _NAMED.append(words)
        for word in words:
            WORD_BITS[word] = WORD_BITS.get(word, 0) | bit
    return words


def features() -> int:
    """How many sets have a bit now (an answer's clauses read now carry the bits of these)."""
    return len(_NAMED)


def bit_of(words: frozenset[str], known: int) -> int | None:
    """The bit of ``words``, if it is one of the first ``known`` sets named; else ``None``."""
    bit = _BIT_OF.get(id(words))
    if bit is None or bit >> known:
        return None
    return bit


def clause_bits(clauses: list[list[str]]) -> list[int]:
    """Each clause's words read into one integer: the bits of every named set that has a word in it."""
    table = WORD_BITS
    out: list[int] = []
    for tokens in clauses:
        bits = 0
        for token in tokens:
            if token in table:
                bits |= table[token]
        out.append(bits)
    return out
