"""Whether an answer can be read as reasoning at all: English prose, not a bare word list, not the vignette.

Credit follows reasoning, so three kinds of answer are flagged, scored low and sent to review:

* **not English** (``not_english``): almost none of the words are English function words ("the", "of", "is"),
  which every English sentence, even a clumsy one, is full of;
* **a bare list** (``list_without_reasoning``): many words, very few function words, and no sentence that
  states a choice or ties an event to the onset ("grief, Kwabena, stroke, choir, mourning, reinvestment");
  or an answer cut into many short items by separators ("grief / Halina / anniversary / mourning / ...") with
  hardly a sentence among them;
* **pasted vignette** (``pasted_vignette``): a large share (30 %) of the answer's four-word sequences are copied
  from the case (answers that reason, quotes and all, stay under 20 %);
* **scrambled words** (``scrambled_words``): the words of sentences in an order no sentence has, a determiner or
  preposition followed by a word that never follows one ("the of", "her to was"): a good answer or the vignette with
  its words shuffled escapes the copy checks and still names every cue. It is read as a list with no sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse, pairwise, repeat

from ipt_training.scoring.fragments import MONTH_NAMES, TIES, VERBS, read_item, unframed
from ipt_training.text.normalize import QUESTION, QUOTE, clauses

_FUNCTION_WORDS_TEXT = """
a an the of to in on at for from with by about after before since as and or but so if because that
this these those is are was were be been being has have had do does did will would can could should
may might must he she it they we you i his her its their our your him them us me my not no there
here which who what when where how than then also into over under between while until
"""
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION_WORDS_TEXT.split())
#: Frequent function words of other languages trainees write in (Spanish, Portuguese, French, Italian, German,
#: Dutch): an answer full of these and empty of English ones is not English.
_FOREIGN_FUNCTION_WORDS_TEXT = """
el la los las de del que y en un una es por con para su al se lo le les des est et du une il elle ce
und der die das ist nicht ein eine mit zu den von sie er auch o os da em nao na no che di e per non
een het van niet ook zijn
"""
FOREIGN_FUNCTION_WORDS: frozenset[str] = frozenset(_FOREIGN_FUNCTION_WORDS_TEXT.split())
_FOREIGN_ONLY = FOREIGN_FUNCTION_WORDS - FUNCTION_WORDS
_MIN_WORDS = 8
_FOREIGN_SHARE = 0.1
_ASCII_LETTER_SHARE = 0.5
_LIST_SHARE = 0.12
_LIST_MIN_WORDS = 12
_NGRAM = 4
_PASTED_SHARE = 0.3
_PASTED_MIN_WORDS = 30
#: A list: at least eight items cut by ``,``, `` / ``, ``;``, `` - ``, bullets or line breaks (not hard-wrapped
#: lines), fewer than a tenth of them saying something (:func:`~ipt_training.scoring.fragments.says_something`:
#: clinical notes in shorthand have a quarter or more).
_SEPARATOR_RE = re.compile(r",|\s/\s|;|\.\s(?=[A-Z])|\n(?![ \t]*[a-z(\"'])|\s-\s|^\s*[-*\u2022]", re.MULTILINE)
#: The same separators, written to start with the character class of their first characters, so the regular
#: expression engine skips to those (spaces and marks) at C speed instead of trying every alternative at every
#: character: each alternative above reads that character back with a look-behind, in the same order, and "at the
#: start of a line" is "not after a character other than a line break".
_FAST_SEPARATOR_RE = re.compile(
    r"[\s;,.*\u2022-](?:(?<=,)|(?<=\s)/\s|(?<=;)|(?<=\.)\s(?=[A-Z])|(?<=\n)(?![ \t]*[a-z(\"'])|(?<=\s)-\s"
    r"|(?<![^\n][\s\S])(?:(?<=[-*\u2022])|(?<=\s)\s*[-*\u2022]))")
#: Runs of ``_NGRAM`` or more vignette words in a mask: written as a literal prefix (``\x01`` repeated), which the
#: regular expression engine looks for at C speed, instead of a repeat tried at every byte.
_RUN_RE = re.compile(b"\x01" * (_NGRAM - 1) + b"\x01+")
_LIST_MIN_ITEMS = 8
#: A short list: from three words to forty, three items or more, none of which says anything (no verb, no tie):
#: "Grief. Kwabena. Mourning, reinvestment." is as bare as a long list, and is marked like one (about 3.5 of 10);
#: so is "There was a death. There was grief. Mourning.", whose frames say only that each word exists.
_SHORT_LIST_MIN_WORDS = 3
_SHORT_LIST_MAX_WORDS = 40
_SHORT_LIST_MIN_ITEMS = 3
#: The most words an item of a short list has on average (prose has sentences of ten words and more).
_SHORT_ITEM_WORDS = 3.5
#: Words that make an item say something (:func:`~ipt_training.scoring.fragments.read_item`), an empty frame's
#: copulas aside ("There was a death"): an answer with one of them is no short list.
_SAYING = (VERBS | TIES) - {"is", "are", "was", "were"}
_MARKS_TO_SPACES = str.maketrans({c: " " for c in ",.;:/!?()[]\"\n-"})
#: An item's words and numbers, for its date (:func:`_dated`).
_DATED_WORD_RE = re.compile(r"[a-z]+|\d+")
_LIST_SENTENCE_SHARE = 0.1
#: A list with a few items that say something ("had to be strong", "not cried": the case's own words) is still a
#: list unless a sentence or the onset's link ties it together: read as list-like, not as itemised.
_LISTED_SENTENCE_SHARE = 0.25
_ITEMISED_MAX_SHARE = 0.3
#: The tokens that mark quotes and questions (:func:`~ipt_training.text.normalize.clauses`), not words.
_MARKS = frozenset({QUOTE, QUESTION})
#: Word order no English sentence has: a determiner followed by a function word ("the of", "a was"), a preposition
#: by another or by a verb ("of to", "with is"). Words that also are nouns after a determiner ("the will", "in May",
#: "the then manager", "a not uncommon") are left out. Prose has at most one such pair in twenty determiners and
#: prepositions (one in eighteen in the worst of the case library's texts), the same words shuffled one in three
#: (one in eleven at the luckiest of 180 shuffles: a lucky shuffle, or words arranged with care, still passes).
_DETERMINERS_TEXT = "the a an my your their our its his"
_PREPOSITIONS_TEXT = "of to from with by for at"
_NOT_AFTER_PREPOSITION_TEXT = "of to from with by for is are was were would could should does did"
_NOT_AFTER_DETERMINER_TEXT = """
the a an in on at about as and or but if because be been has have had do he she it they we you i him them us me
which when where how than into
"""
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
_HEADS = _DETERMINERS | _PREPOSITIONS
_NOT_AFTER_PREPOSITION = frozenset(_NOT_AFTER_PREPOSITION_TEXT.split())
#: Every word that may not follow a preposition may not follow a determiner either (_scrambled relies on it).
_NOT_AFTER_DETERMINER = _NOT_AFTER_PREPOSITION | frozenset(_NOT_AFTER_DETERMINER_TEXT.split())
_SCRAMBLED_SHARE = 0.12
_SCRAMBLED_MIN_HEADS = 12
_SCRAMBLED_MIN_PAIRS = 2


@dataclass(frozen=True, slots=True)
class Style:
    """How readable the answer is as reasoning."""

    words: int
    function_share: float
    #: the share of the answer's four-word sequences copied from the vignette, when it may reach the threshold of
    #: :attr:`pasted` (else 0.0: a bound on it, counted first, is below)
    pasted_share: float
    foreign_share: float = 0.0
    other_script: bool = False
    #: the answer itself, cut into items (``/``, ``;``, bullets, line breaks) only when a list is in question
    text: str = ""
    #: words in an order no sentence has (see ``_SCRAMBLED_SHARE``): read as a list with no sentences
    scrambled: bool = False
    #: the readings below, worked out once (the scorer asks for them several times)
    _not_english: bool = field(default=False, init=False, repr=False, compare=False)
    _itemised: bool = field(default=False, init=False, repr=False, compare=False)
    _listed: bool = field(default=False, init=False, repr=False, compare=False)
    _link_shown: bool = field(default=True, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        not_english = self.other_script or (self.words >= _MIN_WORDS and self.foreign_share >= _FOREIGN_SHARE
                                             and self.foreign_share > self.function_share)
        object.__setattr__(self, "_not_english", not_english)
        # Prose is full of function words; a list of items is not.
        items, saying, tying, tied = (_items(self.text) if not not_english and self.words >= _LIST_MIN_WORDS
                                      and self.function_share < _ITEMISED_MAX_SHARE else (1, 1.0, 1.0, True))
        listed = items >= _LIST_MIN_ITEMS and tying < _LISTED_SENTENCE_SHARE
        # a short answer of a few items none of which says anything ("Grief. Kwabena. Mourning, reinvestment.") is
        # a list however few its words
        short = (not not_english and _SHORT_LIST_MIN_WORDS <= self.words < _SHORT_LIST_MAX_WORDS
                 and _short_items(self.text, self.words) and _says_nothing(self.text))
        listed = listed or short
        # a list read as one by its items only (its function words are those of its case quotes: "had to be
        # strong") shows an onset link only in an item that ties time or cause, not in a plan's "link onset"
        object.__setattr__(self, "_link_shown", not listed or tied or self.function_share < _LIST_SHARE)
        object.__setattr__(self, "_itemised", not not_english and (
            self.scrambled or short or (items >= _LIST_MIN_ITEMS and saying < _LIST_SENTENCE_SHARE)))
        object.__setattr__(self, "_listed", listed)

    @property
    def not_english(self) -> bool:
        return self._not_english

    @property
    def list_like(self) -> bool:
        if self.words < _LIST_MIN_WORDS or self._not_english:
            return self._itemised and not self._not_english  # a short list (see _SHORT_LIST_MIN_WORDS)
        return self.function_share < _LIST_SHARE or self._itemised or self._listed

    @property
    def link_shown(self) -> bool:
        """Whether an onset link read in a list-like answer can be the answer's own: always, unless the answer is a
        list by its items alone and none of them ties two things in time or cause."""
        return self._link_shown

    @property
    def itemised(self) -> bool:
        """Cut into many items by separators with (almost) no sentence among them: a list even when an item names
        an area or says "onset after the move"."""
        return self._itemised

    @property
    def pasted(self) -> bool:
        return self.pasted_share >= _PASTED_SHARE


def _ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + _NGRAM]) for i in range(len(tokens) - _NGRAM + 1)}


def _ordered_ngrams(tokens: Sequence[str | None]) -> list[tuple[str | None, ...]]:
    return list(zip(*[tokens[i:] for i in range(_NGRAM)], strict=False))


@lru_cache(maxsize=256)
def _vignette_ngrams(vignette: str) -> frozenset[tuple[str, ...]]:
    return frozenset(gram for clause in clauses(vignette) for gram in _ngrams(clause))


#: What a word is, one bit each, so that one look-up per word of the answer gives every count below: an English
#: function word, a function word of another language only, a word of the vignette, a determiner or preposition
#: (a head of :func:`_scrambled`), a word that may follow no determiner.
_ENGLISH, _FOREIGN, _VIGNETTE, _HEAD, _NOT_AFTER_HEAD = 1, 2, 4, 8, 16


#: A table of kinds: a word's bits (the ``None`` between clauses, looked up as well, has none).
_Kinds = dict[str | None, int]


def _kinds(*words_of: tuple[int, frozenset[str]]) -> _Kinds:
    """Each word of the ``(bit, words)`` pairs, with the bits of every set it is in."""
    kinds: _Kinds = {}
    for bit, words in words_of:
        for word in words:
            kinds[word] = kinds.get(word, 0) | bit
    return kinds


#: The end of a line shorter than a hard-wrapped line of prose (a list's line).
_SHORT_LINE_RE = re.compile(r"^(.{1,49})\n(?=.)", re.MULTILINE)
_WORD_KINDS = _kinds((_ENGLISH, FUNCTION_WORDS), (_FOREIGN, _FOREIGN_ONLY), (_HEAD, _HEADS),
                     (_NOT_AFTER_HEAD, _NOT_AFTER_DETERMINER))
#: For each bit, the table that turns a kind byte into 1 (the bit is set) or 0, for ``bytes.translate``.
_HAS = {bit: bytes(1 if kind & bit else 0 for kind in range(256))
        for bit in (_ENGLISH, _FOREIGN, _VIGNETTE, _HEAD, _NOT_AFTER_HEAD)}


@lru_cache(maxsize=256)
def _word_kinds(vignette: str) -> _Kinds:
    """:data:`_WORD_KINDS` with the words of ``vignette`` marked as well."""
    kinds: _Kinds = dict.fromkeys((t for clause in clauses(vignette) for t in clause), _VIGNETTE)
    for word, kind in _WORD_KINDS.items():
        kinds[word] = kinds.get(word, 0) | kind
    return kinds


def _pasted_share(flat: list[str | None], mask: bytes, total: int, vignette: str) -> float:
    """The share of the answer's ``total`` four-word sequences (within a clause) that occur in the vignette.

    ``flat``: the answer's words, ``None`` after each clause; ``mask``: one byte per item of ``flat`` (1: a word of
    the vignette). A copied sequence lies inside a run of vignette words, so only sequences inside runs are looked
    up.
    """
    source = _vignette_ngrams(vignette)
    hits = 0
    for run in _RUN_RE.finditer(mask):
        hits += sum(map(source.__contains__, _ordered_ngrams(flat[run.start():run.end()])))
    return hits / total


def copied_clauses(raw: list[list[str]], vignette: str) -> frozenset[int]:
    """The clauses of an answer (indices into ``raw``) that are mostly the vignette's own words in its own order:
    at least half of their four-word sequences occur in the vignette. A clause too short to have one is not judged."""
    source = _vignette_ngrams(vignette)
    copied = []
    for index, clause in enumerate(raw):
        grams = _ordered_ngrams(clause)
        if grams and 2 * sum(map(source.__contains__, grams)) >= len(grams):
            copied.append(index)
    return frozenset(copied)


def read_style(text: str, raw: list[list[str]], vignette: str | None = None) -> Style:
    """Measure ``raw`` (the clauses of ``text``) as English reasoning, and against ``vignette``."""
    other_script = False
    if not text.isascii():
        letters = [c for c in text if c.isalpha()]
        other_script = len(letters) >= 40 and sum(c.isascii() for c in letters) / len(letters) < _ASCII_LETTER_SHARE
    # One pass over the clauses: their words in a row, None after each clause (quote and question marks left out).
    flat: list[str | None] = []
    for clause in raw:
        flat += clause
        flat.append(None)
    marked = QUOTE in flat or QUESTION in flat
    if marked:
        flat = list(filterfalse(_MARKS.__contains__, flat))
    words = len(flat) - len(raw)
    if not words:
        return Style(0, 0.0, 0.0, 0.0, other_script)
    against = vignette if vignette and words >= _PASTED_MIN_WORDS else ""  # the vignette, when it is to be compared
    # One byte per word of what it is (bits of _WORD_KINDS): the counts below are then taken in C.
    kinds = bytes(map((_word_kinds(against) if against else _WORD_KINDS).get, flat, repeat(0)))
    share = kinds.translate(_HAS[_ENGLISH]).count(1) / words
    foreign = kinds.translate(_HAS[_FOREIGN]).count(1) / words
    pasted = 0.0
    if against:
        # Cheap first: the four-word sequences inside runs of vignette words (within a clause, counted at C speed)
        # bound the copied ones from above.
        mask = kinds.translate(_HAS[_VIGNETTE])
        runs = _RUN_RE.findall(mask)
        if runs:
            lengths = [len(c) - c.count(QUOTE) - c.count(QUESTION) for c in raw] if marked else map(len, raw)
            total = sum(n - _NGRAM + 1 for n in lengths if n >= _NGRAM)
            if sum(map(len, runs)) - (_NGRAM - 1) * len(runs) >= _PASTED_SHARE * total:
                pasted = _pasted_share(flat, mask, total, against)
    return Style(words, share, pasted, foreign, other_script, text, _scrambled(flat, kinds))


def _scrambled(flat: list[str | None], kinds: bytes) -> bool:
    """Whether the words (``None`` between clauses) are in an order no sentence has (``_SCRAMBLED_SHARE``);
    ``kinds``: a byte per word, its bits of :data:`_WORD_KINDS`."""
    heads = kinds.translate(_HAS[_HEAD])  # one byte per word, 1 for a determiner or preposition
    count = heads.count(1)
    if count < _SCRAMBLED_MIN_HEADS:
        return False
    # A head followed by a word that may follow no determiner (the wider set): few, then looked at one by one.
    follows = int.from_bytes(kinds.translate(_HAS[_NOT_AFTER_HEAD]), "big") << 8
    pairs = (int.from_bytes(heads, "big") & follows).to_bytes(len(flat), "big")
    bad, at = 0, pairs.find(1)
    while at >= 0:
        bad += flat[at] in _DETERMINERS or flat[at + 1] in _NOT_AFTER_PREPOSITION
        at = pairs.find(1, at + 1)
    return bad >= max(_SCRAMBLED_MIN_PAIRS, _SCRAMBLED_SHARE * count)


#: A plan's heading in a note ("Goals:", "G:", "Strategies:", "Plan:", "Tx:", "S:"), read back from its colon.
_PLAN_HEADING_RE = re.compile(r"(?<![\w'])(?:goals?|g|s|strat\w*|plan|tx|treatment|interventions?|techniques?)"
                              r"[ \t]*$", re.IGNORECASE)


def _plan_start(text: str) -> int:
    """Where the first plan heading of ``text`` starts (its word), or -1 (found from the colons, which are few)."""
    colon = text.find(":")
    while colon >= 0:
        heading = _PLAN_HEADING_RE.search(text, max(0, colon - 20), colon)
        if heading is not None:
            return heading.start()
        colon = text.find(":", colon + 1)
    return -1
#: Brackets with a few commas inside (at most three: a list wrapped in brackets is cut all the same).
_BRACKETS_RE = re.compile(r"\((?:[^(),]*,){1,3}[^(),]*\)")


def _bracketed(match: re.Match[str]) -> str:
    return match.group().replace(",", " ")


def _short_items(text: str, words: int) -> bool:
    """A cheap first look (counted at C speed): whether ``text`` may be cut into short items, a few words each, as a
    list is and prose is not."""
    cuts = text.count(",") + text.count(".") + text.count("/") + text.count(";") + text.count(" - ") + text.count("\n")
    if cuts + 1 < _SHORT_LIST_MIN_ITEMS or words > _SHORT_ITEM_WORDS * (cuts + 1):
        return False
    # a verb or a tie anywhere is an item that says something (an empty frame's "was" aside)
    said = frozenset(text.lower().translate(_MARKS_TO_SPACES).split())
    return _SAYING.isdisjoint(said)


def _says_nothing(text: str) -> bool:
    """Whether ``text`` is cut into ``_SHORT_LIST_MIN_ITEMS`` items or more none of which says anything or ties two
    things (:func:`~ipt_training.scoring.fragments.read_item`)."""
    items = [piece for piece in _FAST_SEPARATOR_RE.split(text) if piece.strip()]
    return len(items) >= _SHORT_LIST_MIN_ITEMS and not any(
        read_item(unframed(item)) != (0, False) or _dated(item) for item in items)


def _dated(item: str) -> bool:
    """Whether ``item`` dates an event ("redundancy Jan", "onset March", "death 10/2023"): a month, or two numbers
    in a row, beside a word of what happened; a date alone ("January 2025") dates nothing."""
    words = _DATED_WORD_RE.findall(item.lower())
    dated = any(w in MONTH_NAMES for w in words) or any(a.isdigit() and b.isdigit() for a, b in pairwise(words))
    return dated and any(len(w) > 2 and not w.isdigit() and w not in MONTH_NAMES for w in words)


def _items(text: str) -> tuple[int, float, float, bool]:
    """How many items separators cut ``text`` into, the share of them that say something (a sentence, a verb: see
    :func:`~ipt_training.scoring.fragments.says_something`), the share that say something or tie two things
    ("onset after the move"), and whether any item ties two things in time or cause."""
    cuts = (text.count(",") + text.count("/") + text.count(";") + text.count("\n") + text.count(" - ")
             + text.count(". "))
    if cuts + 1 < _LIST_MIN_ITEMS:
        return 1, 1.0, 1.0, True  # too few separators to be a list: not worth splitting
    if "\n" in text:
        # a short line is an item even when the next one starts in lower case ("grief\nKwabena\nstroke\nchoir");
        # a line of prose hard-wrapped at a width runs on into the next
        text = _SHORT_LINE_RE.sub(r"\1;\n", text)
    plan = _plan_start(text) if ":" in text else 0
    if plan > 0:
        # a plan under its heading is a list in any note ("Goals: mourn, reinvest"): the items that must say
        # something are the formulation's, before it
        text = text[:plan]
    if "(" in text:
        # a claim with its evidence in brackets is one item ("isolation (alone since 25, no partner)")
        text = _BRACKETS_RE.sub(_bracketed, text)
    items = [piece for piece in _FAST_SEPARATOR_RE.split(text) if piece.strip()]
    read = list(map(read_item, items))
    said = [level for level, _ in read]
    return (len(items), said.count(2) / len(items), (len(said) - said.count(0)) / len(items),
            any(tied for _, tied in read))
