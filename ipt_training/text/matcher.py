"""Find concept phrases in free text, tolerant of typos, word order gaps and negation.

A *cue* is a short phrase such as ``"complicated bereave*"``: words must appear in order within a
clause, a trailing ``*`` marks a prefix, and up to ``max_gap`` other words may sit between two cue
words. Each match records whether it was negated ("this is *not* grief"), so scorers can tell a
commitment from a rejection. Both the formulation scorer and the communication-analysis rewrite
scorer use this one matcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ipt_training.text.normalize import clauses

#: Words that negate a following cue in the same clause.
PRE_NEGATORS: frozenset[str] = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "exclude", "excluded", "excluding", "rule", "ruled",
     "rather", "instead", "unlikely", "isnt", "doesnt", "lack", "absent", "absence", "denies", "denied"}
)
#: Words that negate a preceding cue ("grief is ruled out", "a dispute does not fit").
POST_NEGATORS: frozenset[str] = frozenset(
    {"not", "ruled", "excluded", "unlikely", "rejected", "less", "doesnt", "isnt"}
)
_NEGATOR_NEXT = {"rather": "than", "instead": "of", "rule": "out", "ruled": "out"}
_LIST_WORDS = frozenset({"a", "an", "the", "or", "nor", "and", "any", "of"})
_NEGATION_WINDOW = 4
_POST_WINDOW = 3
_MIN_TYPO_LEN = 5
_TYPO_SIMILARITY = 0.8

Clauses = list[list[str]]


@dataclass(frozen=True, slots=True)
class Cue:
    """One phrase that signals a concept."""

    concept: str
    words: tuple[str, ...]
    weight: float = 1.0

    @classmethod
    def parse(cls, concept: str, phrase: str, weight: float = 1.0) -> Cue:
        return cls(concept, tuple(phrase.lower().split()), weight)


@dataclass(frozen=True, slots=True)
class Match:
    """A cue found in the text: clause index, token span and whether it was negated."""

    concept: str
    clause: int
    start: int
    end: int
    negated: bool
    weight: float


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


class PhraseMatcher:
    """Compiled set of cues. Build once, call :meth:`find` many times."""

    def __init__(self, cues: Iterable[Cue], max_gap: int = 2) -> None:
        self.cues = tuple(cues)
        self.max_gap = max_gap
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

    def _known(self, token: str) -> bool:
        return token in self._vocabulary or token.startswith(self._prefixes)

    def _repair(self, token: str) -> str:
        """Map a misspelt token to the closest cue word (``"bereavment"`` -> ``"bereave"``)."""
        if len(token) < _MIN_TYPO_LEN or not token.isalpha() or self._known(token):
            return token
        best = process.extractOne(
            token, self._typo_words, scorer=Levenshtein.normalized_similarity, score_cutoff=_TYPO_SIMILARITY
        )
        if best is not None:
            return best[0]
        for prefix in self._typo_prefixes:
            head = token[: len(prefix)]
            if head[:1] == prefix[:1] and Levenshtein.normalized_similarity(head, prefix) >= _TYPO_SIMILARITY:
                return prefix
        return token

    def prepare(self, text: str | Clauses) -> Clauses:
        """Clauses of tokens with typos repaired toward this matcher's vocabulary."""
        raw = clauses(text) if isinstance(text, str) else text
        repair = self.repair
        return [[repair(t) for t in clause] for clause in raw]

    def find(self, text: str | Clauses) -> list[Match]:
        """All cue matches in ``text`` (a string, or un-repaired clauses from :func:`clauses`)."""
        prepared = self.prepare(text)
        matches: list[Match] = []
        exact_first, prefix_first = self._exact_first, self._prefix_first
        for ci, tokens in enumerate(prepared):
            for i, token in enumerate(tokens):
                for cue in exact_first.get(token, ()):
                    self._try(cue, tokens, ci, i, matches)
                for prefix, cue in prefix_first:
                    if token.startswith(prefix):
                        self._try(cue, tokens, ci, i, matches)
        if any(m.negated for m in matches):
            self._propagate_list_negation(matches, prepared)
        return matches

    @staticmethod
    def _propagate_list_negation(matches: list[Match], prepared: Clauses) -> None:
        """In "not grief, a dispute or deficits" the negation covers every item of the list."""
        previous: Match | None = None
        for i in sorted(range(len(matches)), key=lambda k: (matches[k].clause, matches[k].start)):
            m = matches[i]
            if previous is not None and previous.clause == m.clause and previous.negated and not m.negated:
                gap = prepared[m.clause][previous.end + 1:m.start]
                if len(gap) <= 3 and all(t in _LIST_WORDS for t in gap):
                    m = matches[i] = replace(m, negated=True)
            previous = m

    def _try(self, cue: Cue, tokens: list[str], ci: int, start: int, out: list[Match]) -> None:
        pos = start
        for word in cue.words[1:]:
            limit = min(len(tokens), pos + 2 + self.max_gap)
            for j in range(pos + 1, limit):
                if _word_matches(word, tokens[j]):
                    pos = j
                    break
            else:
                return
        out.append(Match(cue.concept, ci, start, pos, is_negated(tokens, start, pos), cue.weight))


def is_negated(tokens: list[str], start: int, end: int) -> bool:
    """Whether the span ``tokens[start:end+1]`` is negated by nearby words in its clause."""
    for k in range(max(0, start - _NEGATION_WINDOW), start):
        word = tokens[k]
        if word in PRE_NEGATORS:
            needed = _NEGATOR_NEXT.get(word)
            if needed is None or (k + 1 < len(tokens) and tokens[k + 1] == needed):
                return True
    after = tokens[end + 1:end + 1 + _POST_WINDOW]
    if after and after[0] in {"is", "was", "does", "did", "seems", "appears", "would"}:
        return any(t in POST_NEGATORS for t in after[1:])
    return bool(after) and after[0] in {"ruled", "excluded", "rejected"}


def build_matcher(concept_cues: Mapping[str, Iterable[str | tuple[str, float]]], max_gap: int = 2) -> PhraseMatcher:
    """Build a matcher from ``{concept: [phrase, (phrase, weight), ...]}``."""
    cues: list[Cue] = []
    for concept, phrases in concept_cues.items():
        for item in phrases:
            phrase, weight = (item, 1.0) if isinstance(item, str) else item
            cues.append(Cue.parse(concept, phrase, weight))
    return PhraseMatcher(cues, max_gap=max_gap)
