"""Whether an answer that copies the vignette says, in a sentence of its own, what the problem is.

A copied vignette states the case's facts; an area implied by them is the reader's conclusion, not the answer's
(``copied_out``). An answer that quotes the case and then, in its own words, names the event it takes as the problem
("So the problem is the retirement.", "I think the move is the main thing.") has drawn that conclusion itself, in
lay words: its focus is read from its events as for any plain-language answer. A description added to the copy
("So, depression with social isolation.") names no problem and chooses nothing.
"""

from __future__ import annotations

from collections.abc import Collection

from ipt_training.text.matcher import Clauses

#: Nouns of a claim about what the problem is ("the problem", "the main thing", "the focus").
_PROBLEM_NOUNS = frozenset({"problem", "issue", "thing", "focus", "trouble", "difficulty", "matter", "cause"})
_COPULAS = frozenset({"is", "was", "s"})
_NEGATIONS = frozenset({"not", "no", "never", "nt"})


def own_problem_clauses(prepared: Clauses, copied: Collection[int]) -> list[int]:
    """The clauses of ``prepared`` not among ``copied`` (the vignette's own) that say what the problem is: a problem
    noun and a copula in one clause, not denied ("the move is not the problem" names none)."""
    return [c for c, tokens in enumerate(prepared)
            if c not in copied and not _PROBLEM_NOUNS.isdisjoint(tokens) and not _COPULAS.isdisjoint(tokens)
            and _NEGATIONS.isdisjoint(tokens)]


def own_problem_said(prepared: Clauses, copied: Collection[int]) -> bool:
    """Whether a clause of ``prepared`` not among ``copied`` says what the problem is (:func:`own_problem_clauses`)."""
    return bool(own_problem_clauses(prepared, copied))
