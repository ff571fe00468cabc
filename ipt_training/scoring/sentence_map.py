"""Which of an answer's clauses belong to one sentence.

The scorer reads an answer clause by clause (:func:`ipt_training.text.normalize.clauses` ends a clause at a colon,
a bracket or a contrastive word as well as at a full stop). Some readings need the sentence: the link in time
between an event and the onset is stated in one ("It started in May (two months after the diagnosis)"), while an
event told in one sentence and the onset in the next is only told side by side.

A sentence ends at ``.``, ``!``, ``?`` or ``;`` before a space, and at a line break before a capital letter or a
heading unless the line before it is long (hard-wrapped prose: "started in\\nFebruary" is one sentence).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ipt_training.text.normalize import clauses

_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])\s+")
#: A line of a note or a list is short; hard-wrapped prose runs on past this many characters.
_WRAPPED_LINE = 60


def _cuts(text: str) -> list[int]:
    """Where ``text`` is cut into rough sentences: after ``.!?;`` before a space, and at a line break before a
    capital letter after a short line (a line of a note or a list; a long line is hard-wrapped prose)."""
    cuts = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    start = 0
    for line in text.split("\n")[:-1]:
        end = start + len(line)
        if len(line.strip()) < _WRAPPED_LINE and text[end + 1:end + 2].isupper():
            cuts.append(end + 1)
        start = end + 1
    return sorted(set(cuts))


def _pieces(text: str) -> list[str]:
    """``text`` cut into rough sentences (see :func:`_cuts`)."""
    bounds = [0, *_cuts(text), len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def sentence_ids(text: str, count: int) -> list[int] | None:
    """The sentence number of each of the ``count`` clauses of ``text`` (as :func:`clauses` with quotes reads
    them), or ``None`` when the sentences cannot be told apart the way the clauses were cut (a repeated clause read
    once, an odd character): the caller then reads clauses as it did before."""
    ids: list[int] = []
    for number, piece in enumerate(_pieces(text)):
        ids += [number] * len(clauses(piece, quotes=True))
    return ids if len(ids) == count else None


#: Words that turn against what was said before and end a clause there ("..., but ...", "However, ..."); the clause
#: reader leaves them out. ("although" and "though" concede before the main clause: they weigh, not turn.)
_TURNING_RE = re.compile(r"\b(?:but|however)\b")
#: A token no answer writes, put where a turning word stood so that the clause it opens keeps a trace of it.
TURN_MARK = "zzturnzz"


def turn_opened(text: str, count: int) -> list[bool] | None:
    """Whether each of the ``count`` clauses of ``text`` (as :func:`clauses` with quotes reads them) was opened by
    "but" or "however", or ``None`` when the clauses cannot be matched up (a repeated clause read once)."""
    marked = [tokens for tokens in clauses(_TURNING_RE.sub(f"; {TURN_MARK} ", text.lower()), quotes=True)
              if tokens != [TURN_MARK]]  # (a turning word that ended its clause opens none)
    if len(marked) != count:
        return None
    return [tokens[:1] == [TURN_MARK] for tokens in marked]
