"""The case's own other words for each evidence item, read from the rest of the case.

An evidence item says "He misses the school orchestra he conducted, the staff room and the jazz quartet"; the case's
model formulation tells the same fact to the patient as "your orchestra, the staff room, the quartet, your music",
its vignette as "the Thursday rehearsals of the jazz quartet in which he played saxophone", its timeline as "Last
rehearsal with the jazz quartet". A trainee writing to the patient uses words like these ("you gave up your orchestra
and your music"), not the item's.

:func:`with_context` reads the case's vignette, timeline events and model formulation piece by piece (a sentence cut
at its commas, semicolons and colons) and gives a piece to the item whose words it holds most, when that item clearly
leads and the piece holds a distinctive word of the item's, not only a name (weighted overlap of the item's terms,
the weights :mod:`~ipt_training.scoring.evidence` gives them: rare words count more, a word several items share
less); a short piece of a list ("your music") goes with the piece before it.
The words such a piece adds are the item's *context words*. They only ever back up the item's own words: a sentence of
an answer cites the item when it holds a distinctive word of the item's own and one of its context words
(:meth:`~ipt_training.scoring.evidence.DerivedEvidence.cited`), never on context words alone, never in a list.

Left out of the context words: dates and names, the words of any item, the words of the case's symptoms (the onset is
not evidence), the case's words its rationale quotes to set a reading aside (a referral's "a loner, shy by nature",
the deficits trap: :func:`set_aside_quotes`), the words of the clinical vocabulary (goals, strategies, areas: "talk",
"role", "mourn") and words common in the library's vignettes and model formulations ("together", "everything").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

import yaml

from ipt_training.scoring.evidence import _WHO_KEYS, DerivedEvidence, Term, sentence_terms
from ipt_training.text.normalize import clauses, sentences

#: A piece gives its words to the item with this much of its weight at least ...
_ALIGN_MIN = 2.0
#: ... and at least this many times the weight of the next item.
_ALIGN_LEAD = 2.0
#: A piece this short with no word of any item continues the list of the piece before it ("your music").
_LIST_PIECE_WORDS = 4
#: Share of the library's texts (vignettes and model formulations) above which a word is too common to tell a fact.
_COMMON_SHARE = 0.1
#: Everyday words that a small library of case texts holds rarely but that tell no fact of a case.
_EVERYDAY_TEXT = """
everyone everybody everything anything anyone anybody someone somebody something nothing nobody perhaps maybe
especially including include includes included known know knows knew seen see sees saw watch watched put puts matter
matters used use uses read reads half clear busy pay paid place term point points help helps helped love loves loved
rest guy guys whole sure real hard able best right kind sort bit lot stay stays stayed spend spends spent twice once
later early late night nights morning mornings evening evenings afternoon today yesterday tomorrow always usually
often sometimes never ever almost quite really very simply even still just partly mostly certainly clearly probably
enough together apart around every each different same own another mean means meant answer answers question
questions word words name names cause causes important follow follows wonder exactly example minute minutes wait
notice noticed glad inside nowhere afterwards afterward turn turns walk walks reach option options express forget
beginning beginnings upset thing things way ways idea ideas fact facts reason reasons
"""
_EVERYDAY = frozenset(_EVERYDAY_TEXT.split())
#: Where a sentence's parts end (a list goes on across commas only: "the school says: 'withdrawn, a loner'" starts a
#: list of its own after the colon).
_PART_RE = re.compile(r"[;:()\u2013\u2014]")


@cache
def _library_texts() -> tuple[frozenset[str], ...]:
    """The words of each of the packaged cases' texts (vignettes, model formulations)."""
    from ipt_training.cases.library import packaged_cases_dir

    texts: list[frozenset[str]] = []
    for path in sorted(packaged_cases_dir().rglob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        reference = data.get("reference")
        formulation = reference.get("formulation", "") if isinstance(reference, dict) else ""
        texts += [frozenset(w for clause in clauses(str(text)) for w in clause)
                  for text in (data.get("vignette", ""), formulation) if text]
    return tuple(texts)


@cache
def common_in_library(cues: tuple[str, ...]) -> bool:
    """Whether a term (its matcher cues: words, or stems ending in ``*``) is in many of the library's texts."""
    texts = _library_texts()
    words = frozenset(c for c in cues if not c.endswith("*"))
    stems = tuple(c[:-1] for c in cues if c.endswith("*"))
    found = sum(1 for text in texts if not words.isdisjoint(text) or (stems and any(w.startswith(stems) for w in text)))
    return found > _COMMON_SHARE * max(1, len(texts))


@cache
def _keys(words: frozenset[str]) -> frozenset[str]:
    """The evidence keys of ``words`` ("perhaps" is ``word:perhap``, as an item's term would be)."""
    return frozenset(t.key for w in words for t in sentence_terms(w))


def _plain(term: Term, plain: frozenset[str]) -> bool:
    """Whether a term is a word of the clinical vocabulary or an everyday word (any of its forms)."""
    return term.key in _keys(plain) or term.key in _keys(_EVERYDAY)


#: A sentence of the reference's rationale that sets a reading aside ("The school's 'loner, shy by nature' is the
#: withdrawal-not-deficits trap", "... so it is not grief"), and the words it quotes.
_SET_ASIDE_RE = re.compile(r"\btrap\b|misread|\bnot\b|n't\b", re.IGNORECASE)
_QUOTED_RE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def set_aside_quotes(rationale: str) -> list[str]:
    """The case's words that its rationale quotes to set a reading aside (a referral's "withdrawn, a loner, shy by
    nature" as the deficits trap): they tell the trap, never an item, so they are no context words of any item."""
    return [q for s in sentences(rationale) if _SET_ASIDE_RE.search(s) for q in _QUOTED_RE.findall(s)]


def _about(terms: list[Term], weights: dict[str, float], own: frozenset[str], people: frozenset[str]) -> bool:
    """Whether a piece's terms tell what an item is about, not only who: a word of the item's own or of full weight
    (as an answer's words must be to cite the item beside its context words:
    :meth:`~ipt_training.scoring.evidence.DerivedEvidence.cited`), a name that is no person of the case ("Mwalimu",
    what the town called her), or a person of the item's beside another word of it ("the arguments with Lakshmi"; not
    "His wife Lakshmi" nor "with his consent, with Lakshmi, and started an antidepressant")."""
    keys = [t.key for t in terms if t.key in weights]
    named = [k for k in keys if k.startswith("name:")]
    return (any(k.startswith("word:") and (weights[k] >= 1.0 or k in own) for k in keys)
            or any(k[5:] not in people and weights[k] >= 1.0 for k in named)
            or bool(named and any(k.startswith("word:") for k in keys)))


def _pieces(text: str) -> list[list[str]]:
    """The parts of the sentences of a text (cut at semicolons, colons, brackets and dashes), each as its pieces (cut
    at commas)."""
    return [[p for p in part.split(",") if p.strip()]
            for s in sentences(" ".join(text.split())) for part in _PART_RE.split(s)]


def with_context(derived: DerivedEvidence, context: Iterable[str], *, names: frozenset[str],
                 skip: frozenset[str], left_out: Iterable[str] = (), plain: frozenset[str] = frozenset(),
                 people: frozenset[str] = frozenset()) -> DerivedEvidence:
    """``derived`` with each item's context words from ``context`` (the case's vignette, timeline events and model
    formulation). ``names``/``skip``: the case's names and the patient's; ``left_out``: texts whose words are never
    context words (the symptoms); ``plain``: words of the clinical vocabulary, never context words either;
    ``people``: the names of the case's people, which say who, not what happened."""
    items = {i: w for i, w in derived.items.items() if i != derived.timeline_id}
    if not items:
        return derived
    taken = {k for weights in derived.items.values() for k in weights}
    banned = {t.key for text in left_out for t in sentence_terms(text, names, skip)}
    found: dict[str, dict[str, Term]] = {}
    for text in context:
        for sentence in _pieces(text):
            last = ""
            for piece in sentence:
                terms = [t for t in sentence_terms(piece, names, skip) if not t.dated]
                # a piece is about an item where it holds a distinctive word of the item's (a name says who, not what
                # happened: "with his consent, with Lakshmi, and started an antidepressant" tells no quarrel)
                scores = sorted(((sum(weights.get(t.key, 0.0) for t in terms), i) for i, weights in items.items()),
                                reverse=True)
                best, second = scores[0], scores[1] if len(scores) > 1 else (0.0, "")
                if (best[0] >= _ALIGN_MIN and best[0] >= _ALIGN_LEAD * second[0]
                        and _about(terms, items[best[1]], derived.own.get(best[1], frozenset()), people)):
                    owner = last = best[1]
                elif best[0] == 0 and last and len(piece.split()) <= _LIST_PIECE_WORDS:
                    owner = last
                else:
                    last = ""
                    continue
                for t in terms:
                    if (t.key.startswith("word:") and "-" not in t.key and t.key not in taken and t.key not in banned
                            and t.key not in _WHO_KEYS and not _plain(t, plain) and not common_in_library(t.cues)):
                        found.setdefault(owner, {}).setdefault(t.key, t)
    if not found:
        return derived
    cues = dict(derived.cues)
    for terms_of in found.values():
        for t in terms_of.values():
            cues.setdefault(f"term:{t.key}", list(t.cues))
    extra = {i: frozenset(terms_of) for i, terms_of in found.items()}
    return replace(derived, cues=cues, extra=extra)
