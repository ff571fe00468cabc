"""The onset told by the case's own words for its symptoms.

A letter says "when you stopped touring to look after Ji-ho, the flatness set in within two months" or "you have
not slept properly since the family meeting"; the case's timeline says "Poor sleep, flatness, loss of interest in
music begin". The clinical words of an onset ("symptoms", "low mood", "depression") are read everywhere by
:func:`~ipt_training.scoring.time_link.onset_said`; this module adds, per case, the distinctive words of the
case's symptom events that name a state ("flatness", "irritability", "exhaustion"), found in all their forms (the
evidence terms of :mod:`~ipt_training.scoring.evidence`), and plain forms of sleep and weight in a symptom's sense,
of the patient ("she has hardly slept", "you have slept badly", "has lost weight"; not "Sipho has slept in the spare
room", "she carried the weight of the funeral", nor another person of the case as the subject: "Sipho has hardly
slept").

A word of the symptoms that is also a word of the case's facts (an evidence item, the timeline's other events, the
inventory: "stops the quartet") tells a fact, not the onset, and is left out; so are names, dates and words most
texts in the library share (:func:`~ipt_training.scoring.item_context.common_in_library`: "poor", "loss", "early"),
which say nothing of a symptom by themselves ("after the loss of his brother").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import names_in, proper_names, sentence_terms
from ipt_training.scoring.item_context import common_in_library
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.specificity import MONTHS, month_index
from ipt_training.scoring.time_link import ONSET_PATTERN
from ipt_training.text.normalize import clauses, to_ascii_lower

#: Endings of the nouns that name a state ("flatness", "irritability", "exhaustion", "insomnia"): the symptoms of a
#: symptom event, where its other words tell what the patient stopped doing ("stops choir") or when.
_STATE_ENDINGS = ("ness", "ity", "ion", "ia")
#: Stems of sleeping too much, which the onset's prefix "sleep" misses ("oversleeping").
_PLAIN_STEMS = ("oversleep",)
#: Forms of sleeping and of weight that the onset's prefixes ("sleep", "appetite") miss, each with the word that makes
#: it a symptom: sleep lost or changed ("has not slept properly", "slept badly", "slept until noon"), weight lost or
#: gained ("lost weight", "put on a lot of weight", "her weight dropped"). Alone they tell where someone slept or what
#: weighed on them ("she slept at her sister's", "the weight of the family"), not the onset. Crying is not one: "she
#: has not cried" is mourning held back, not the onset; nor is where or how long someone "slept in" ("he has slept in
#: late" on a free morning).
_SLEPT = ("(?:not|never|barely|hardly|scarcely|rarely|seldom) (?:[a-z]+ )?slept"
          "|slept (?:(?!in |at |on )[a-z]+ )?(?:badly|poorly|little|fitfully|restlessly|lightly|late|till|until|all|"
          "more|less|too|only|hours)")
_WEIGHT = ("(?:lost|lose|loses|losing|gained|gain|gains|gaining|put on|puts on|putting on|dropped|shed) "
           "(?:[a-z]+ ){0,3}weight|weight (?:loss|gain|dropped|fell|went|has)")
#: Words between the subject of a symptom and its verb ("she has also hardly slept").
_BETWEEN = ("has|have|had|is|was|were|be|been|also|still|really|only|just|since|then|already|now|and|but|so|even|"
            "ever|both|recently|suddenly|gradually")

#: Verbs of beginning: beside the onset's month, they tell the onset ("it came on in April").
_STARTS = frozenset({"began", "begun", "begins", "begin", "started", "starts", "start", "came", "come", "comes",
                     "set", "crept", "developed", "appeared", "emerged", "arrived", "hit"})
#: Words that lead a month named as a date ("in may", "since may", "by may"), where "may" alone is a verb.
_MONTH_LEADS = "in|since|from|by|around|early|late|mid|last|this|until|of|before|after|during"
#: A quarrel that began is no onset ("the rows started in April").
_QUARREL = "argu|row |rows |fight|quarrel|conflict|disput|tension|disagree|clash|shout"

#: The words without which no form of :data:`_SLEPT` or :data:`_WEIGHT` matches (each of their alternatives holds
#: one: tests/test_scorer_perf13.py), so that a clause with neither skips their pattern.
_SYMPTOM_WORDS = ("slept", "weight")


@dataclass(frozen=True, slots=True)
class OnsetWords:
    """The case's words for its symptoms, as patterns over a clause's words joined by spaces (one clause, or several
    joined by line breaks, which no pattern matches): the clinical words of an onset with the case's exact words
    and stems (``said``), sleep and weight in a symptom's sense (``symptom``), and the onset's month with a verb of
    beginning (``month``, with the words it needs, ``month_words``). One alternation of all of them matches where
    one of them does; apart, each runs at the speed of its own first characters, and the last two only where their
    words are (most clauses have none)."""

    said: re.Pattern[str]
    symptom: re.Pattern[str]
    month: re.Pattern[str] | None = None
    month_words: tuple[str, ...] = ()

    def search(self, text: str) -> bool:
        """Whether some clause of ``text`` speaks of the onset."""
        return (self.said.search(text) is not None
                or (any(map(text.__contains__, _SYMPTOM_WORDS)) and self.symptom.search(text) is not None)
                or (self.month is not None and any(map(text.__contains__, self.month_words))
                    and self.month.search(text) is not None))


@per_case
def onset_words(reference: ReferenceFormulation, case: Case | None = None) -> OnsetWords:
    """The case's words for its symptoms (the plain forms alone without a case)."""
    if case is None:
        return _pattern(frozenset(), _PLAIN_STEMS)
    names = frozenset({n for p in case.inventory for n in proper_names(p.name)} | names_in(case.vignette))
    skip = frozenset(to_ascii_lower(w) for w in case.patient.name.split())
    facts = [item.text for item in reference.key_evidence] + [
        e.event for e in case.timeline if e.kind.value != "symptom"] + [
        f"{p.name} {p.relationship} {p.contact} {p.expectations} {p.recent_change}" for p in case.inventory]
    taken = {t.key for text in facts for t in sentence_terms(text, names, skip)}
    words: set[str] = set()
    stems: list[str] = list(_PLAIN_STEMS)
    for event in case.timeline:
        if event.kind.value != "symptom":
            continue
        states = " ".join(w for c in clauses(event.event) for w in c if w.endswith(_STATE_ENDINGS))
        for term in sentence_terms(states, names, skip):
            if term.key.startswith("word:") and term.key not in taken and not common_in_library(term.cues):
                stems += [c[:-1] for c in term.cues if c.endswith("*")]
                words.update(c for c in term.cues if not c.endswith("*") and " " not in c)
    # the others of the case by name, whose sleep or weight is no symptom of the patient's ("Sipho has hardly slept")
    others = frozenset(n for p in case.inventory for n in proper_names(p.name)) - skip
    return _pattern(frozenset(words), tuple(stems), _onset_month(case), others)


def _onset_month(case: Case) -> int | None:
    """The month of the year (0-11) of the case's onset, when no event of the case but its symptoms falls in it."""
    onset = month_index(case.symptom_onset)
    if onset is None or any(month_index(e.date) == onset for e in case.timeline if e.kind.value != "symptom"):
        return None
    return onset % 12


def _pattern(words: frozenset[str], stems: tuple[str, ...], month: int | None = None,
             others: frozenset[str] = frozenset()) -> OnsetWords:
    exact = "|".join(sorted(map(re.escape, words)))
    begun = "|".join(sorted(map(re.escape, set(stems))))
    # the clinical words of an onset and the case's own
    said = ONSET_PATTERN + (f"| (?:{exact}) " if exact else "") + (f"| (?:{begun})" if begun else "")
    # sleep and weight in a symptom's sense, the subject (the word before the words between, or none) no other person
    # of the case by name
    subject = "|".join([*sorted(map(re.escape, others)), _BETWEEN])
    symptom = f"(?:^ |(?<= )(?!(?:{subject}) )[a-z]+ )(?:(?:{_BETWEEN}) ){{0,4}}(?:{_SLEPT}|{_WEIGHT}) "
    if month is None:
        return OnsetWords(re.compile(said, re.MULTILINE), re.compile(symptom, re.MULTILINE))
    # the onset's month with a verb of beginning, no quarrel beginning ("it came on in April", "the heaviness started
    # in April"; not "the rows started in April"), in one clause (a line of the joined text)
    name = MONTHS[month]
    forms = [name, name[:3], *(["sept"] if name == "september" else [])]
    told = f" (?:{_MONTH_LEADS}) may " if name == "may" else f" (?:{'|'.join(forms)}) "
    dated = f"^(?=[^\\n]*{told})(?=[^\\n]* (?:{'|'.join(sorted(_STARTS))}) )(?![^\\n]* (?:{_QUARREL}))"
    return OnsetWords(re.compile(said, re.MULTILINE), re.compile(symptom, re.MULTILINE),
                      re.compile(dated, re.MULTILINE), (" may ",) if name == "may" else tuple(f" {f} " for f in forms))


def onset_told(tokens: list[str], words: OnsetWords) -> bool:
    """Whether a clause speaks of the onset in clinical words (:func:`~ipt_training.scoring.time_link.onset_said`)
    or in the case's own words for its symptoms (:func:`onset_words`)."""
    return words.search(f" {' '.join(tokens)} ")


def onset_told_anywhere(prepared: list[list[str]], words: OnsetWords) -> bool:
    """Whether any clause speaks of the onset (:func:`onset_told` of each), in one search: the clauses are joined by
    line breaks, which no part of the pattern matches."""
    return words.search("\n".join([f" {' '.join(tokens)} " for tokens in prepared]))
