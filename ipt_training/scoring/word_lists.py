"""Words listed one by one: a run of single words states no fact of the case.

"Evidence: marcelo, engineer, divorce, january, lawyer, papers, cycling, renato, ..." names words of the vignette and
says nothing of who did what, or when: a fact takes words together ("divorce Jan 25", "stroke Oct 23", "didn't
cry"), as a clinician's note keeps them ("amputation Feb 2025 / bus driver 22 yrs / licence April"). So does the same
list strung together with no mark between its words ("comfort married kwabena stroke january hospital funeral
..."): fifteen words or more with no punctuation and hardly a function word are no sentence and no note. A clause
made mostly of such words cites no evidence, however many of the case's words it holds. A word in an empty frame
is a single word too: "There was marcelo. There was engineer. There was divorce. ..." (or "It was ...", "Also ...")
puts each word in a sentence that says only that it existed.
"""

from __future__ import annotations

import re

from ipt_training.scoring.evidence import listing
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.text.normalize import to_ascii_lower

#: This many single words in a row, one to an item, is a list of words.
RUN = 8
#: A clause this much made of them is the list (a heading or a label before it does not make it a sentence).
_SHARE = 0.6
#: What parts items: punctuation and line breaks, and the words that join a list ("marcelo and engineer and ...",
#: "a - b - c"). (The text is read as UTF-8 bytes, whose marks are ASCII: one pass at C speed.)
_ITEM_MARKS = bytes.maketrans(b",;/.!?:()[]\n", b"\0" * 12)
_JOINS = (b" and ", b" or ", b" & ", b" + ", b" - ", b" -- ")
_BULLETS = frozenset({b"-", b"--", b"*", b"+"})
#: Words that frame a single word and say nothing of it ("There was divorce.", "It was january.", "Also lawyer").
_FRAME = frozenset({b"there", b"was", b"were", b"is", b"are", b"it", b"a", b"an", b"the", b"also", b"some"})
_FRAME |= frozenset(w.capitalize() for w in _FRAME) | frozenset(w.upper() for w in _FRAME)
_FRAMED = 4  # ("There was a divorce")
#: Every mark between words: a piece of text with none is strung together (a list from 15 words on, as ``listing``
#: reads it).
_MARKS = bytes(c for c in range(33, 127) if not chr(c).isalnum() and chr(c) not in "'-") + b"\n"
_ANY_MARK = bytes.maketrans(_MARKS, b"\0" * len(_MARKS))
_STRUNG = 15
_WORD_RE = re.compile(r"[a-z0-9]+")
_PART_RE = re.compile(r"[^a-z0-9-]+")


def listed_words(text: str) -> frozenset[str]:
    """The words of ``text`` that stand alone as items of a run of :data:`RUN` or more single-word items (whatever
    parts them: commas, full stops, line breaks, "and"), or in a run of words strung together with no mark between
    them (:func:`~ipt_training.scoring.evidence.listing`)."""
    found: set[str] = set()
    raw = text.encode()
    for piece in raw.translate(_ANY_MARK).split(b"\0"):
        if piece.count(b" ") >= _STRUNG - 1:
            words = _WORD_RE.findall(to_ascii_lower(piece.decode()))
            if listing(words):
                found.update(words)
    parted = raw.translate(_ITEM_MARKS)
    for join in _JOINS:
        if join in parted:
            parted = parted.replace(join, b"\0")
    run: list[bytes] = []
    for item in [*parted.split(b"\0"), b"end of the list"]:
        words = item.split()
        if len(words) > 1 and words[0] in _BULLETS:
            words = words[1:]  # (a bullet's "-")
        if words and words[0] in _FRAME and len(words) <= _FRAMED:
            framed = [w for w in words if w not in _FRAME]
            if len(framed) == 1:
                words = framed  # "There was divorce": the word alone
        if len(words) == 1:
            run.append(words[0])
        elif words:
            if len(run) >= RUN:
                # the word as the clause has it ("well-baby", "unit", "can" and "not" for "cannot")
                for word in (to_ascii_lower(w.decode()) for w in run):
                    found.add(_PART_RE.sub("", word))
                    found.update(_WORD_RE.findall(word))
            run = []
    return frozenset(found)


def word_list(tokens: list[str], listed: frozenset[str]) -> bool:
    """Whether a clause is mostly words listed one by one (``listed``: :func:`listed_words` of the answer), its
    function words ("and", "of") aside."""
    content = [t for t in tokens if t not in FUNCTION_WORDS]
    return bool(content) and sum(t in listed for t in content) >= _SHARE * len(content)
