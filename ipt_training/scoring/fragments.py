"""Whether the items of an answer are fragments (names, labels, concepts) or say something (a verb, a tie).

A list is a list whatever cuts it: commas, semicolons, slashes, line breaks, bullets or `` - ``. What tells a list
from a note is not the separator but its items: "grief, Kwabena, stroke, choir, mourning" names things, "wife died
03/25, onset 2 months after the move, avoids the grave" says what happened and how it ties to the onset. An item
*says something* when it has six words or more (a sentence), a verb ("died", "avoids", "was", "lost", "moved to")
or an arrow of inference ("->", "="); it says a little with a tie of time or cause only ("onset after the move").
A participle before its noun ("delayed grief", "complicated bereavement") names a thing and is no verb; a plan's
bare verbs ("mourn", "reconstruct relationship", "encourage affect") are the concepts of a plan, not a statement
about the patient, and are not read as verbs either.
"""

from __future__ import annotations

import re

from ipt_training.scoring.word_forms import IRREGULAR_GROUPS

_WORD_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+|->|=>|=")
_SENTENCE_WORDS = 6
_AUXILIARIES_TEXT = """
is are was were be been being am has have had do does did will would can could should may might must
"""
_PAST_TEXT = """
died said felt began begun became told went gone came took taken made got saw seen knew known thought kept stopped
fought sold wrote
"""
#: Third-person verbs a note writes without a subject ("avoids grave", "feels nagged"); a plural noun in -s is not
#: among them.
_PRESENT_TEXT = """
avoids feels says wants denies reports misses blames refuses lives works drinks sleeps thinks believes cries keeps
visits calls hears sees knows goes describes complains struggles worries fears hides speaks talks stays needs wishes
"""
_TIES_TEXT = """
after since because following before until when so therefore thus hence due led triggered near around within during
later ago earlier prior
"""
#: Arrows and equals signs of a note: "move -> low mood", "archive move = distractor".
_ARROWS = frozenset(("->", "=>", "="))
VERBS: frozenset[str] = frozenset(
    _AUXILIARIES_TEXT.split() + _PAST_TEXT.split() + _PRESENT_TEXT.split()
    + [form for group in IRREGULAR_GROUPS for form in group[1:] if not form.endswith(("ing", "s"))])
TIES: frozenset[str] = frozenset(_TIES_TEXT.split())
#: Words in -ed that are no past tense ("hundred", "bed").
_NOT_PAST_TEXT = "bed red shed seed feed need speed weed breed hundred sacred kindred naked wicked"
_NOT_PAST = frozenset(_NOT_PAST_TEXT.split())
#: Words after which a word in -ed is a verb ("moved to", "bullied at school", "stopped the choir").
_FOLLOWS_VERB_TEXT = "to at in on by from with for of into out up off the a an his her their him them it"
_FOLLOWS_VERB = frozenset(_FOLLOWS_VERB_TEXT.split())


def _past(words: list[str], at: int) -> bool:
    """Whether ``words[at]``, a word in -ed, is a verb: followed by a function word, a number or a name ("moved to
    Winnipeg", "bullied at school"), or ending an item after another word ("market avoided", "not cried"); before a
    noun it names a kind of thing ("delayed grief")."""
    word = words[at].lower()
    if word in _NOT_PAST or len(word) < 5:
        return False
    if at + 1 < len(words):
        following = words[at + 1]
        return following.isdigit() or following[0].isupper() or following.lower() in _FOLLOWS_VERB
    return at > 0 and not words[at - 1].lower().endswith("ly")


def read_item(item: str) -> tuple[int, bool]:
    """How much a list item says: 2 with six words or more or a verb (an arrow of inference counts as one), 1 with a
    tie of time or cause only ("onset after the move"), 0 for a fragment (see the module docstring); and whether it
    ties two things in time, cause or inference ("onset 2 months after the move", "move -> low mood"): a list's
    onset link is read from such an item, not from a plan's words ("link onset")."""
    words = _WORD_RE.findall(item)
    said, tied = 0, False
    for at, word in enumerate(words):
        lower = word.lower()
        if lower in TIES or word in _ARROWS:
            said, tied = max(said, 1), True
        if lower in VERBS or word in _ARROWS or (lower.endswith("ed") and _past(words, at)):
            said = 2
    if len(words) >= _SENTENCE_WORDS:
        said = 2
    return said, tied


_MONTHS_TEXT = "january february march april may june july august september october november december"
#: Month names in full and shortened ("march", "mar", "sept"): an item with one beside an event dates it.
MONTH_NAMES: frozenset[str] = frozenset(
    [*_MONTHS_TEXT.split(), *(m[:3] for m in _MONTHS_TEXT.split()), "sept"])
#: An empty frame before a word ("There was a death", "It was grief", "Also the choir"): it says only that the word
#: exists, and the item is the word.
_FRAME_RE = re.compile(r"^\s*(?:there\s+(?:was|were|is|are)|it\s+(?:was|is)|also)\s+(?:(?:a|an|the|some)\s+)?",
                       re.IGNORECASE)


def unframed(item: str) -> str:
    """``item`` without an empty frame before it ("There was a death" -> "death")."""
    return _FRAME_RE.sub("", item, count=1)


def says_something(item: str) -> int:
    """How much a list item says (:func:`read_item`): 2, 1 or 0."""
    return read_item(item)[0]
