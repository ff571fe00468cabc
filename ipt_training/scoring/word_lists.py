"""Words listed one by one: a run of single words states no fact of the case.

"Evidence: marcelo, engineer, divorce, january, lawyer, papers, cycling, renato, ..." names words of the vignette and
says nothing of who did what, or when: a fact takes words together ("divorce Jan 25", "stroke Oct 23", "didn't
cry"), as a clinician's note keeps them ("amputation Feb 2025 / bus driver 22 yrs / licence April"). So does the same
list strung together with no mark between its words ("comfort married kwabena stroke january hospital funeral
..."): fifteen words or more with no punctuation and hardly a function word are no sentence and no note. A clause
made mostly of such words cites no evidence, however many of the case's words it holds.
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
#: What parts items: punctuation, a line break, and the words that join a list ("marcelo and engineer and ...").
_ITEM_RE = re.compile(r"[,;/.!?:()\n]+|\s(?:and|or|&|\+)\s|\s-+\s")
_WORD_RE = re.compile(r"[a-z0-9]+")
_PART_RE = re.compile(r"[^a-z0-9-]+")
#: Any mark between words: a piece of text with none is strung together.
_MARK_RE = re.compile(r"[^\w\s'-]+")


def listed_words(text: str) -> frozenset[str]:
    """The words of ``text`` that stand alone as items of a run of :data:`RUN` or more single-word items (whatever
    parts them: commas, full stops, line breaks, "and"), or in a run of words strung together with no mark between
    them (:func:`~ipt_training.scoring.evidence.listing`)."""
    found: set[str] = set()
    for piece in _MARK_RE.split(text):
        words = _WORD_RE.findall(to_ascii_lower(piece))
        if listing(words):
            found.update(words)
    run: list[str] = []
    for item in [*_ITEM_RE.split(text), "end of the list"]:
        words = [word for word in item.split() if _WORD_RE.search(to_ascii_lower(word))]  # (not a bullet's "-")
        if len(words) == 1:
            run.append(words[0])
        elif words:
            if len(run) >= RUN:
                # the word as the clause has it ("well-baby", "unit", "can" and "not" for "cannot")
                found.update(t for word in run for t in (_PART_RE.sub("", to_ascii_lower(word)),
                                                        *_WORD_RE.findall(to_ascii_lower(word))))
            run = []
    return frozenset(found)


def word_list(tokens: list[str], listed: frozenset[str]) -> bool:
    """Whether a clause is mostly words listed one by one (``listed``: :func:`listed_words` of the answer), its
    function words ("and", "of") aside."""
    content = [t for t in tokens if t not in FUNCTION_WORDS]
    return bool(content) and sum(t in listed for t in content) >= _SHARE * len(content)
