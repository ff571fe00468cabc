"""Whether a word is English, so that typo repair leaves correctly spelt words alone.

The matcher repairs a word it does not know toward the closest cue word ("greif" -> "grief", "transtion" ->
"transition"). A correctly spelt English word is no typo: "depth" is not "death", "lovely" not "lonely", "matters"
not "master", "Stuart" not "start". :func:`is_english` tells such words; :func:`same_word` lets a repair through
when it only changes the form of the word ("deaths" -> "death", "expectation" -> "expectations"), which is what a
cue's other form would have found.

The word list (``english_words.txt``, with its notice in ``english_words.LICENSE``) is the union of Debian's
``wamerican`` and ``wbritish`` lists (SCOWL), words of five letters or more only (typo repair leaves shorter words
alone), one line per first letter and length. It is read on the first question, not at import, and kept as those
332 lines (about 0.7 MB) rather than as a set of 70,000 strings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: Repair leaves words shorter than this alone, so the list holds no shorter word.
MIN_LENGTH = 5


@cache
def _lines() -> dict[tuple[str, int], str]:
    """(first letter, length) -> " word word ... " for the words of that letter and length."""
    text = Path(__file__).with_name("english_words.txt").read_text(encoding="ascii")
    return {(line[0], line.find(" ") if " " in line else len(line)): f" {line} " for line in text.splitlines() if line}


def is_english(word: str) -> bool:
    """Whether ``word`` (lower-case ASCII letters, five or more) is a correctly spelt English word or name."""
    line = _lines().get((word[:1], len(word)))
    return line is not None and f" {word} " in line


#: Endings that make another form of the same word, longest first.
_ENDINGS = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ed", "es", "ly", "s")


def _root(word: str) -> str:
    """A key shared by the forms of one word: one ending off, then a final "e" and a doubled last letter, and a final
    "y" read as "i" and "f" as "v" ("carrying", "carried" -> "carri"; "grief", "grieve" -> "griev")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    if word.endswith("y"):
        word = word[:-1] + "i"
    elif word.endswith("f"):
        word = word[:-1] + "v"
    return word


def same_word(word: str, other: str) -> bool:
    """Whether ``word`` and ``other`` (a word, or the prefix a cue ends in) are forms of one word ("deaths" and
    "death", "carrying" and "carri", "grief" and "griev", "lifelong" and "life-long"), not two words ("depth" and
    "death")."""
    return word == other or _root(word) == _root(other.replace("-", ""))
