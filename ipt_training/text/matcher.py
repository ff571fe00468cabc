"""Find concept phrases in free text, tolerant of typos, word order gaps and negation.

A *cue* is a short phrase such as ``"complicated bereave*"``: words must appear in order within a
clause, a trailing ``*`` marks a prefix, and up to ``max_gap`` other words may sit between two cue
words. Each match records whether it was negated ("this is *not* grief"), so scorers can tell a
commitment from a rejection. Both the formulation scorer and the communication-analysis rewrite
scorer use this one matcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ipt_training.text.english import is_english, same_word
from ipt_training.text.normalize import clauses

#: Words that negate a following cue in the same clause. Contractions arrive expanded ("don't", "dont" ->
#: "do not"; see :mod:`ipt_training.text.normalize`).
PRE_NEGATORS: frozenset[str] = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "exclude", "excluded", "excluding", "rule", "ruled",
     "rather", "instead", "unlikely", "isnt", "doesnt", "lack", "absent", "absence", "denies", "denied", "nothing",
     "nobody"}
)
#: Negating pronouns: they negate a cue only when they are its subject or quantify it directly ("nobody died",
#: "nothing suggests grief"), not when a verb of their own stands between ("nothing has replaced her company"
#: states that the loss is unreplaced; "he did nothing after her death" still speaks of a death).
PRONOUN_NEGATORS: frozenset[str] = frozenset({"nothing", "nobody"})
_PRONOUN_BRIDGE = frozenset({
    "has", "have", "had", "is", "was", "were", "are", "be", "been", "ever", "really", "actually", "else", "here",
    "to", "of", "in", "about", "like", "a", "an", "the", "that", "suggests", "suggest", "suggesting", "points",
    "point", "pointing", "indicates", "indicate", "indicating", "speaks", "supports", "his", "her", "their",
    "your", "my", "life",
})
#: Words that negate a preceding cue ("grief is ruled out", "a dispute does not fit", "was never the issue").
POST_NEGATORS: frozenset[str] = frozenset(
    {"not", "never", "ruled", "excluded", "unlikely", "rejected", "less", "doesnt", "isnt"}
)
#: Verbs after a cue that a post-negator can follow ("grief does not", "deficits do not apply", "would never").
_POST_AUXILIARIES = frozenset({"is", "was", "does", "did", "seems", "appears", "would", "do", "are", "were", "has",
                               "have", "had", "can", "could", "will", "should", "may", "might", "seem", "appear"})
#: Every word that can negate a cue: a clause without any of them needs no negation check.
_NEGATION_WORDS = PRE_NEGATORS | POST_NEGATORS | {"ruled", "excluded", "rejected", "out"}
#: Words that start a conclusion: a negation before one denies the premise, not what is concluded ("no death so
#: transition", "nothing suggests a dispute, therefore ..."); "not so much grief" keeps its negation.
_CONSEQUENCE = frozenset({"so", "therefore", "hence", "thus"})
_SO_DEGREE = frozenset({"much", "many", "far", "very", "clearly", "obviously", "sure", "simple", "simply",
                        "straightforward"})
_NEGATOR_NEXT = {"rather": "than", "instead": "of", "rule": "out", "ruled": "out"}
_LIST_WORDS = frozenset({"a", "an", "the", "or", "nor", "and", "any", "of"})
_CONJUNCTIONS = frozenset({"and", "or", "nor"})
_NEGATION_WINDOW = 4
_POST_WINDOW = 3
_MIN_TYPO_LEN = 5
_TOKEN_CACHE_SIZE = 100_000
#: A little under 0.8: rapidfuzz's cutoff turns away a similarity of exactly 0.8 (one edit in five letters, "greif"
#: for "grief"; two in ten, "copenhague"), which 0.8 was meant to let through.
_TYPO_SIMILARITY = 0.79

Clauses = list[list[str]]


@dataclass(frozen=True, slots=True)
class Cue:
    """One phrase that signals a concept."""

    concept: str
    words: tuple[str, ...]
    weight: float = 1.0
    #: (text, is_prefix) for each word after the first, precomputed for the hot loop
    rest: tuple[tuple[str, bool], ...] = ()
    #: exact (non-prefix) words after the first: all must be in a clause for the cue to match there
    required: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, concept: str, phrase: str, weight: float = 1.0) -> Cue:
        words = tuple(phrase.lower().split())
        rest = tuple((w[:-1], True) if w.endswith("*") else (w, False) for w in words[1:])
        return cls(concept, words, weight, rest, frozenset(w for w, prefix in rest if not prefix))


class Match(NamedTuple):
    """A cue found in the text: clause index, token span and whether it was negated.

    A named tuple rather than a dataclass: an answer yields dozens of matches and this is the hot path.
    """

    concept: str
    clause: int
    start: int
    end: int
    negated: bool
    weight: float


_NEGATED = itemgetter(4)  # Match.negated, read in C
_new_match = tuple.__new__  # Match(...) through its Python-level __new__ costs more than the hot path allows


class CueGroup(NamedTuple):
    """The cues that start with one word, indexed by their second word: at a position of the text only the cues
    whose second word follows within reach are tried (a word such as "the" starts dozens of cues)."""

    cues: tuple[Cue, ...]
    #: positions in ``cues`` of the one-word cues, which match wherever their word is
    always: tuple[int, ...]
    #: exact second word -> positions in ``cues``
    by_word: dict[str, tuple[int, ...]]
    #: (``" prefix"``, positions) for the cues whose second word is a prefix
    by_prefix: tuple[tuple[str, tuple[int, ...]], ...]
    #: whether any cue has a second word (else every cue is in ``always``)
    indexed: bool = False
    #: the exact second words: a clause without any of them (and no prefix cue) needs no look at the window
    seconds: frozenset[str] = frozenset()

    @classmethod
    def of(cls, cues: tuple[Cue, ...]) -> CueGroup:
        always: list[int] = []
        by_word: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}
        for k, cue in enumerate(cues):
            if not cue.rest:
                always.append(k)
            elif cue.rest[0][1]:
                by_prefix.setdefault(f" {cue.rest[0][0]}", []).append(k)
            else:
                by_word.setdefault(cue.rest[0][0], []).append(k)
        return cls(cues, tuple(always), {w: tuple(ks) for w, ks in by_word.items()},
                   tuple((probe, tuple(ks)) for probe, ks in by_prefix.items()), bool(by_word or by_prefix),
                   frozenset(by_word))

    def candidates(self, window: list[str]) -> tuple[int, ...]:
        """Positions (ascending) of the cues that may match when ``window`` follows the first word."""
        found = self.always
        merged = False
        by_word = self.by_word
        for word in window:
            hit = by_word.get(word)
            if hit is not None:
                merged = bool(found)
                found += hit
        if self.by_prefix:
            joined = " " + " ".join(window)
            for probe, hit in self.by_prefix:
                if probe in joined:
                    merged = bool(found)
                    found += hit
        return tuple(sorted(set(found))) if merged else found


#: What starts at a word, unpacked on the hot path: for each cue of its group (concept, weight, the further words or
#: ``None`` for a one-word cue, the exact further words), the positions of the one-word cues, the exact second
#: words that bring other cues into play (``None``: no cue has a second word; :data:`_ANY_SECOND`: some second word
#: is a prefix, so the window is always looked at), the group itself, and for each exact second word the cues to try
#: when it is the only second word within reach (what :meth:`CueGroup.candidates` gives then; empty where some second
#: word is a prefix), and where some second word is a prefix, those prefixes (else none).
_Start = tuple[tuple[tuple[str, float, "tuple[tuple[str, bool], ...] | None", frozenset[str]], ...], tuple[int, ...],
               "frozenset[str] | None", CueGroup, dict[str, tuple[int, ...]], "repeat[tuple[str, ...]]"]
_ANY_SECOND: frozenset[str] = frozenset({"\x00any"})
_NO_PREFIXES: repeat[tuple[str, ...]] = repeat(())


def _start(group: CueGroup) -> _Start:
    entries = tuple((cue.concept, cue.weight, cue.rest or None, cue.required) for cue in group.cues)
    seconds = None if not group.indexed else (_ANY_SECOND if group.by_prefix else group.seconds)
    if seconds is _ANY_SECOND:
        # The prefixes of the second words, repeated for ``map(str.startswith, window, ...)``.
        return entries, group.always, seconds, group, {}, repeat(tuple(probe[1:] for probe, _ in group.by_prefix))
    merged = {word: group.candidates([word]) for word in group.by_word}
    return entries, group.always, seconds, group, merged, _NO_PREFIXES


class PhraseMatcher:
    """Compiled set of cues. Build once, call :meth:`find` many times."""

    def __init__(self, cues: Iterable[Cue], max_gap: int = 2, protected: Iterable[str] = ()) -> None:
        self.cues = tuple(cues)
        self.max_gap = max_gap
        #: words that are never "repaired" into a cue word: the reader's own vocabulary ("leaning" is a hedge,
        #: not a misspelt "leaving")
        self._protected = frozenset(protected)
        self._exact_first: dict[str, list[Cue]] = {}
        self._prefix_first: list[tuple[str, Cue]] = []
        vocabulary: set[str] = set()
        prefixes: set[str] = set()
        for cue in self.cues:
            first = cue.words[0]
            if first.endswith("*"):
                self._prefix_first.append((first[:-1], cue))
            else:
                self._exact_first.setdefault(first, []).append(cue)
            for word in cue.words:
                if word.endswith("*"):
                    prefixes.add(word[:-1])
                else:
                    vocabulary.add(word)
        self._vocabulary = frozenset(vocabulary)
        self._prefixes = tuple(sorted(prefixes))
        self._typo_words = sorted(w for w in vocabulary if len(w) >= _MIN_TYPO_LEN)
        self._typo_prefixes = tuple(p for p in self._prefixes if len(p) >= _MIN_TYPO_LEN)
        self.repair = lru_cache(maxsize=65536)(self._repair)
        self.first_word_cues = lru_cache(maxsize=65536)(self._first_word_cues)
        #: raw token -> repaired token, and repaired token -> what starts there (``None``: no cue starts with it);
        #: plain dicts are the fastest caches on the hot path, emptied together when they grow past
        #: ``_TOKEN_CACHE_SIZE`` (answers can contain any junk). Every repaired token is a key of ``_starts``.
        self._repaired: dict[str, str] = {}
        self._starts: dict[str, _Start | None] = {}
        #: raw token -> what starts at the token it is repaired to (one look-up per word on the hot path), and the
        #: raw tokens that repair changes (a clause without any is its own repaired form)
        self._raw_starts: dict[str, _Start | None] = {}
        self._altered: set[str] = set()
        #: the raw tokens seen before at which no cue starts (after repair): an answer made of them has no match
        self._inert: set[str] = set()

    def _learn(self, raw_tokens: list[str]) -> None:
        """Repair the tokens not seen before and index the cues that start with what they become."""
        for token in raw_tokens:
            if token not in self._repaired:
                repaired = self._repaired[token] = self.repair(token)
                if repaired not in self._starts:
                    cues = self.first_word_cues(repaired)
                    self._starts[repaired] = _start(CueGroup.of(cues)) if cues else None
                self._raw_starts[token] = self._starts[repaired]
                if self._starts[repaired] is None:
                    self._inert.add(token)
                if repaired != token:
                    self._altered.add(token)

    def _first_word_cues(self, token: str) -> tuple[Cue, ...]:
        """Cues whose first word matches ``token`` (cached: the vocabulary of answers repeats)."""
        found = list(self._exact_first.get(token, ()))
        found += [cue for prefix, cue in self._prefix_first if token.startswith(prefix)]
        return tuple(found)

    def _known(self, token: str) -> bool:
        return token in self._vocabulary or token.startswith(self._prefixes)

    def _repair(self, token: str) -> str:
        """Map a misspelt token to the closest cue word (``"bereavment"`` -> ``"bereave"``); an English word only to
        another form of itself (``"deaths"`` -> ``"death"``, never ``"depth"`` -> ``"death"``)."""
        if len(token) < _MIN_TYPO_LEN or not token.isalpha() or self._known(token) or token in self._protected:
            return token
        english = is_english(token)  # a correctly spelt word is repaired only into another form of itself
        best = process.extractOne(
            token, self._typo_words, scorer=OSA.normalized_similarity, score_cutoff=_TYPO_SIMILARITY
        )
        if best is not None:
            return best[0] if not english or same_word(token, best[0]) else token
        for prefix in self._typo_prefixes:
            head = token[: len(prefix)]
            if head[:1] == prefix[:1] and OSA.normalized_similarity(head, prefix) >= _TYPO_SIMILARITY:
                return prefix if not english or same_word(token, prefix) else token
        return token

    def prepare(self, text: str | Clauses) -> Clauses:
        """Clauses of tokens with typos repaired toward this matcher's vocabulary."""
        raw = clauses(text) if isinstance(text, str) else text
        repair = self.repair
        return [[repair(t) for t in clause] for clause in raw]

    def find(self, text: str | Clauses) -> list[Match]:
        """All cue matches in ``text`` (a string, or un-repaired clauses from :func:`clauses`)."""
        return self.find_prepared(text)[1]

    def find_in(self, raw: Clauses, vocabulary: frozenset[str]) -> list[Match]:
        """The matches of :meth:`find` in ``raw`` (un-repaired clauses), whose words are ``vocabulary``: none, with no
        walk over the clauses, when no cue can match (most answers, for a matcher of a few cues): every word is one
        seen before, and at each that starts a cue, the cue's other exact words are not all in the answer (repair
        changing none of its words)."""
        if vocabulary <= self._inert:
            return []
        if (self._altered.isdisjoint(vocabulary) and vocabulary <= self._raw_starts.keys()
                and not self._may_match(vocabulary - self._inert, vocabulary)):
            return []
        return self.find_prepared(raw)[1]

    def _may_match(self, starters: frozenset[str], vocabulary: frozenset[str]) -> bool:
        """Whether a cue that starts at one of ``starters`` may match in clauses whose words are ``vocabulary``: a
        one-word cue does, a longer one only where each of its further words is there (a prefix: some word that
        starts with it)."""
        starts_of = self._raw_starts
        joined = ""  # the words, each after a space, made when a prefix is first looked for
        for token in starters:
            start = starts_of[token]
            assert start is not None  # (``starters`` are words at which a cue starts)
            for _, _, rest, required in start[0]:
                if rest is None:
                    return True
                if required <= vocabulary:
                    for word, prefix in rest:
                        if prefix:
                            joined = joined or " " + " ".join(vocabulary)
                            if f" {word}" not in joined:
                                break
                    else:
                        return True
        return False

    def unaltered(self, vocabulary: frozenset[str]) -> bool:
        """Whether repair changes none of ``vocabulary`` (the words of clauses :meth:`find_prepared` has read): the
        prepared clauses are then the raw ones, word for word."""
        return self._altered.isdisjoint(vocabulary)

    def find_prepared(self, text: str | Clauses) -> tuple[Clauses, list[Match]]:
        """The repaired clauses (as :meth:`prepare` gives) and all cue matches in them."""
        raw = clauses(text) if isinstance(text, str) else text
        repaired, starts_of, altered = self._repaired, self._raw_starts, self._altered
        if len(repaired) > _TOKEN_CACHE_SIZE:
            repaired.clear()
            starts_of.clear()
            self._starts.clear()
            altered.clear()
            self._inert.clear()
        prepared: Clauses = []
        matches: list[Match] = []
        add = matches.append
        reach = self.max_gap + 2
        for ci, raw_tokens in enumerate(raw):
            try:
                starts = list(map(starts_of.__getitem__, raw_tokens))
            except KeyError:
                self._learn(raw_tokens)
                starts = list(map(starts_of.__getitem__, raw_tokens))
            tokens = raw_tokens[:] if altered.isdisjoint(raw_tokens) else list(map(repaired.__getitem__, raw_tokens))
            prepared.append(tokens)
            if not any(starts):
                continue  # no cue starts in this clause
            present = set(tokens)
            negatable = not _NEGATION_WORDS.isdisjoint(present)
            for i in compress(range(len(starts)), starts):  # the positions where a cue starts
                start = starts[i]
                assert start is not None  # (compress keeps the positions where a cue starts)
                entries, always, seconds, group, merged, prefixes = start
                if seconds is None or (seconds is not _ANY_SECOND and seconds.isdisjoint(present)):
                    picks = always
                elif seconds is _ANY_SECOND:
                    window = tokens[i + 1:i + reach]
                    if group.seconds.isdisjoint(window) and not any(map(str.startswith, window, prefixes)):
                        picks = always  # no second word, exact or prefix, within reach
                    else:
                        picks = group.candidates(window)
                else:
                    hit = seconds.intersection(tokens[i + 1:i + reach])
                    if len(hit) == 1:
                        [word] = hit
                        picks = merged[word]  # one second word within reach: the usual case
                    else:
                        picks = group.candidates(tokens[i + 1:i + reach]) if hit else always
                for k in picks:
                    concept, weight, rest, required = entries[k]
                    if rest is None:  # a one-word cue
                        add(_new_match(Match, (concept, ci, i, i, negatable and is_negated(tokens, i, i), weight)))
                    elif required <= present:
                        end = _span_end(rest, tokens, i, reach)
                        if end >= 0:
                            add(_new_match(Match, (concept, ci, i, end,
                                                   negatable and is_negated(tokens, i, end), weight)))
        if any(map(_NEGATED, matches)):
            self._propagate_list_negation(matches, prepared)
        return prepared, matches

    @staticmethod
    def _propagate_list_negation(matches: list[Match], prepared: Clauses) -> None:
        """In "not grief, a dispute or deficits" the negation covers every item of the list, and in "grief,
        dispute and transition do not apply" a negation after the list covers the items before it.

        ``matches`` are in text order (by clause, then start), as :meth:`find_prepared` finds them. Only the
        matches next to a negated one can change, so each pass first looks at the negated matches (a few)."""
        last = len(matches) - 1
        for j in list(compress(range(last), map(_NEGATED, matches))):
            # The items that follow a negated one, joined to it by list words: "not grief, a dispute or deficits".
            previous = matches[j]
            while j < last:
                j += 1
                m = matches[j]
                if m.negated or m.clause != previous.clause:
                    break  # a negated match starts its own chain
                if m.start <= previous.end:
                    # a cue inside the negated one's words is no item after it: its own words decide ("no room for
                    # your own grief" negates the room, not the grief)
                    continue
                gap = prepared[m.clause][previous.end + 1:m.start]
                if len(gap) > 3 or not all(t in _LIST_WORDS for t in gap):
                    break
                previous = matches[j] = m._replace(negated=True)
        if not any(negated_after(prepared[m.clause], m.end) and not _CONJUNCTIONS.isdisjoint(
                prepared[m.clause][max(0, m.start - 3):m.start]) for m in compress(matches, map(_NEGATED, matches))):
            return  # no negation after a list joined by "and", "or" or "nor": the pass below would change nothing
        following: Match | None = None
        chained = False
        for i in range(len(matches) - 1, -1, -1):
            m = matches[i]
            if (following is not None and following.negated and not m.negated and chained
                    and (m.clause, m.start, m.end) == (following.clause, following.start, following.end)):
                matches[i] = m._replace(negated=True)  # another cue on the same words of the list
                continue
            if following is not None and following.clause == m.clause and m.end < following.start:
                tokens = prepared[m.clause]
                gap = tokens[m.end + 1:following.start]
                if (following.negated and not m.negated and len(gap) <= 3 and all(t in _LIST_WORDS for t in gap)
                        and (chained or not _CONJUNCTIONS.isdisjoint(gap))
                        and (chained or negated_after(tokens, following.end))):
                    m = matches[i] = m._replace(negated=True)
                    chained = True
                else:
                    chained = False
            if following is None or m.end < following.start or m.clause != following.clause:
                following = m


def _span_end(rest: tuple[tuple[str, bool], ...], tokens: list[str], start: int, reach: int) -> int:
    """Where a cue starting at ``tokens[start]`` ends: each of its further words (``rest``) the first within
    ``reach`` of the previous one; -1 when one is missing."""
    pos = start
    for word, prefix in rest:
        if prefix:
            for j in range(pos + 1, min(len(tokens), pos + reach)):
                if tokens[j].startswith(word):
                    break
            else:
                return -1
        else:
            try:
                j = tokens.index(word, pos + 1, pos + reach)  # the first within reach, found in C
            except ValueError:
                return -1
        pos = j
    return pos


def is_negated(tokens: list[str], start: int, end: int) -> bool:
    """Whether the span ``tokens[start:end+1]`` is negated by nearby words in its clause."""
    for k in range(start - 1, max(0, start - _NEGATION_WINDOW) - 1, -1):
        word = tokens[k]
        if word in _CONSEQUENCE and tokens[k + 1] not in _SO_DEGREE:
            return negated_after(tokens, end)  # "no death, so a transition": the negation stays with its premise
        if word in PRE_NEGATORS:
            if word in PRONOUN_NEGATORS:
                if all(t in _PRONOUN_BRIDGE for t in tokens[k + 1:start]):
                    return True
                continue
            needed = _NEGATOR_NEXT.get(word)
            if needed is None or (k + 1 < len(tokens) and tokens[k + 1] == needed):
                return True
    return negated_after(tokens, end)


def negated_after(tokens: list[str], end: int) -> bool:
    """Whether words right after ``tokens[end]`` negate it ("grief is not", "deficits do not apply", "ruled out")."""
    after = tokens[end + 1:end + 1 + _POST_WINDOW]
    if after and after[0] in _POST_AUXILIARIES:
        if any(t in POST_NEGATORS for t in after[1:]):
            return True
        # "deficits is also out", not "the conflict is out in the open"
        k = end + 1 + after.index("out") if "out" in after[1:] else -1
        return k > 0 and tokens[k + 1:k + 2] != ["in"]
    return bool(after) and after[0] in {"ruled", "excluded", "rejected"}


def build_matcher(concept_cues: Mapping[str, Iterable[str | tuple[str, float]]], max_gap: int = 2,
                  protected: Iterable[str] = ()) -> PhraseMatcher:
    """Build a matcher from ``{concept: [phrase, (phrase, weight), ...]}``; ``protected`` words are never taken for
    misspelt cue words."""
    cues: list[Cue] = []
    for concept, phrases in concept_cues.items():
        for item in phrases:
            phrase, weight = (item, 1.0) if isinstance(item, str) else item
            cues.append(Cue.parse(concept, phrase, weight))
    return PhraseMatcher(cues, max_gap=max_gap, protected=protected)
