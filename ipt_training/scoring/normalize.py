"""Put an answer's text in a canonical form before it is scored, and notice answers padded to game the scorer.

* **Hidden and look-alike characters** neither help nor hurt: the text is NFKC-normalised (full-width letters,
  ligatures), format characters (zero-width spaces and joiners, soft hyphens, direction marks) are removed,
  every kind of space becomes a plain space, line and paragraph separators a line break, and Cyrillic or Greek
  letters that look like Latin ones are read as Latin in a text written mostly in Latin letters (in a text in
  another script, only inside words that also hold Latin letters).
* **Repetition**: a clause (a sentence or part of one, four words or more) that occurs again is read once, so a
  paragraph pasted thirty times counts once; when repeats add up to :data:`_REPEATED_WORDS` words the answer is
  flagged ``repeated_text``.
* **Length**: an answer many times longer than any formulation (:data:`OVERLONG_WORDS`) is flagged ``overlong``.

Both flags lower the scorer's confidence, so the answer goes to the instructor's review queue.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ipt_training.text.normalize import clauses

#: Formulations run from a line to about 250 words; this is several times the longest honest answer.
OVERLONG_WORDS = 600
#: Repeated sentences count as padding once they add this many words.
_REPEATED_WORDS = 15
_MIN_CLAUSE_WORDS = 4

_CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_CONFUSABLE_CHARS = frozenset(chr(k) for k in _CONFUSABLES)
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n", "\r\n": "\n", "\r": "\n", "\x0b": "\n",
                "\x0c": "\n"}

#: Feedback sentences for the flags of this module.
REPEATED_FEEDBACK = ("Some sentences of the answer appear more than once; each was read once. In a graded "
                     "assignment, an answer like this is sent to your instructor for review.")
OVERLONG_FEEDBACK = (f"The answer is far longer than a formulation (more than {OVERLONG_WORDS} words); write the "
                     "focus, the evidence and the plan in a paragraph or two. In a graded assignment, an answer "
                     "like this is sent to your instructor for review.")


@dataclass(frozen=True, slots=True)
class CleanText:
    """The answer as it will be scored, and what cleaning it found."""

    text: str
    #: the clauses to score (:func:`ipt_training.text.normalize.clauses`, quotes kept), repeats left out
    clauses: list[list[str]]
    repeated_words: int = 0
    words: int = 0

    @property
    def repeated(self) -> bool:
        return self.repeated_words >= _REPEATED_WORDS

    @property
    def overlong(self) -> bool:
        return self.words > OVERLONG_WORDS

    @property
    def flags(self) -> tuple[str, ...]:
        return (("repeated_text",) if self.repeated else ()) + (("overlong",) if self.overlong else ())

    @property
    def feedback(self) -> str:
        return " ".join(text for flag, text in (("repeated_text", REPEATED_FEEDBACK), ("overlong", OVERLONG_FEEDBACK))
                        if flag in self.flags)


def _latinise(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_CONFUSABLES) if not _CONFUSABLE_CHARS.isdisjoint(word) else word


def canonical_characters(text: str) -> str:
    """NFKC, no format or control characters, plain spaces and line breaks, Latin look-alikes as Latin."""
    if text.isascii():
        if "\r" in text or "\x0b" in text or "\x0c" in text:
            for old, new in _LINE_BREAKS.items():
                text = text.replace(old, new)
        return text
    text = unicodedata.normalize("NFKC", text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf" or (category == "Cc" and ch not in "\n\t"):
            continue
        out.append(" " if category == "Zs" else ch)
    text = "".join(out)
    if not _CONFUSABLE_CHARS.isdisjoint(text):
        latin = sum(c.isascii() for c in text if c.isalpha())
        if 2 * latin > sum(c.isalpha() for c in text):
            text = text.translate(_CONFUSABLES)  # a Latin text: look-alikes anywhere are Latin letters
        else:
            text = _LATINISE_RE.sub(_latinise, text)  # another script: only inside words with Latin letters
    return text


#: A word mixing Latin letters with look-alikes from other scripts.
_LATINISE_RE = re.compile(r"[^\W\d_]*[A-Za-z][^\W\d_]*")


def _distinct_clauses(raw: list[list[str]]) -> tuple[list[list[str]], int]:
    """The clauses with every repeat of a clause of a few words or more left out; the words left out."""
    seen: set[tuple[str, ...]] = set()
    kept: list[list[str]] = []
    removed = 0
    for clause in raw:
        if len(clause) >= _MIN_CLAUSE_WORDS:
            key = tuple(clause)
            if key in seen:
                removed += len(clause)
                continue
            seen.add(key)
        kept.append(clause)
    return kept, removed


def clean_answer(text: str) -> CleanText:
    """The answer ready to score: canonical characters, its clauses with each repeated one read once."""
    text = canonical_characters(text)
    raw = clauses(text, quotes=True)
    removed = 0
    if len(set(map(tuple, raw))) < len(raw):  # some clause repeats (often a short one: "goals", "no death")
        raw, removed = _distinct_clauses(raw)
    return CleanText(text, raw, removed, sum(map(len, raw)))
