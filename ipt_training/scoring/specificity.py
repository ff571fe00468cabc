"""Which sentences of an answer say something about *this* patient, not only about the problem area.

Evidence and the timeline link are credited only where the answer states a fact of the case. A textbook paragraph
for the right area ("Goals: mourn the loss... The depression began after the death.") cites nothing, however many
IPT words it uses; "your low mood began after Silvia died in October" or "W died 10/24" does.

The facts of a case (:class:`CaseFacts`) are read from the case itself when it is known (vignette, patient,
timeline and interpersonal inventory), otherwise from the reference's evidence sentences, cues, rationale and
model formulation. They are:

* **people and places**: the names of the patient and of everyone in the inventory, capitalised words inside the
  vignette's sentences, and the inventory's relationship words ("husband", "manager", "son"), so that an answer
  addressed to the patient ("your husband") keeps its credit. The people's names say who, not what happened or
  when: a clause with a name and nothing else of the case states no fact, so a textbook paragraph with the
  patient's name in every sentence, or with the inventory's names in front, is still a textbook paragraph;
* **dates**: the case's years ("2025"), the months of its timeline ("March", "mar") and short numeric dates as
  notes write them ("3/25" for March 2025);
* **details**: content words of the case that no formulation of an area would use anyway: words of the course's
  IPT vocabulary (area, stage, goal, strategy, event, link and patient-element cues), function words and words
  found in most of the packaged vignettes ("work", "sleep") are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain, pairwise

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.domain import ProblemArea
from ipt_training.scoring import lexicon
from ipt_training.scoring.evidence import STOP_WORDS, names_in
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.text.features import feature
from ipt_training.text.normalize import clauses, to_ascii_lower

#: The month names, in calendar order (the dating readers of the scorer share them).
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
#: Month words that are also ordinary English words are read as months only next to a year or after "in",
#: "around", "from"... ("around May", "may 25").
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "jun", "jan", "aug", "sept"})
_SUFFIXES = ("ments", "ment", "ings", "ing", "edly", "ies", "ed", "es", "s", "e", "y")
_INFLECTIONS = ("", "s", "es", "ed", "ing", "e", "er", "ers", "y", "ies", "ment", "ments")
#: Words found in more than this share of the packaged vignettes describe depression or daily life in general.
_COMMON_SHARE = 0.4
#: Words found in at least this share of the packaged model formulations are the course's clinical prose.
_MODEL_SHARE = 0.2
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam"})
#: Symptoms of depression and its assessment: in every case, so they say nothing about this one.
_DEPRESSION_TEXT = """
sleep slept sleeping insomnia appetite weight concentrate concentration concentrating energy tired tiredness
fatigue worthless worthlessness guilt guilty hopeless hopelessness helpless interest interests pleasure suicidal
suicide thoughts crying cries tearful irritable irritability anhedonia agitation slowed denies denied previous
history assessment assessed referred referral diagnosis medication antidepressant
"""
_DEPRESSION_WORDS = frozenset(_DEPRESSION_TEXT.split())
#: Words of the transition cues that describe adjusting to any change, not which change it was.
_ADJUSTING_WORDS = frozenset({"adapting", "adjusting", "settling", "becoming", "defined", "losing", "left",
                              "identity"})
_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _forms(word: str) -> set[str]:
    """The word and its common inflections, so that an exact look-up finds "promised" from "promise"."""
    stem = _stem(word)
    return {word, *(stem + ending for ending in _INFLECTIONS)}


def _cue_words(phrases: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for phrase in phrases:
        for clause in clauses(phrase.replace("*", "")):
            words.update(clause)
    return words


def _all_cues() -> list[str]:
    cues: list[str] = []
    for table in (lexicon.AREA_CUES, lexicon.STAGE_CUES, lexicon.EVENT_CUES, lexicon.PATIENT_CUES):
        for phrases in table.values():
            cues += [c if isinstance(c, str) else c[0] for c in phrases]
    for concepts in (lexicon.GOALS, lexicon.STRATEGIES):
        cues += [cue for concept in concepts.values() for cue in concept.cues]
    return [*cues, *lexicon.TEMPORAL_LINK_CUES, *lexicon.ABSENCE_OF_EVENT_CUES]


@cache
def ipt_prefixes() -> tuple[str, ...]:
    """Word beginnings of the clinical vocabulary's prefix cues ("renegotiat*", "bereave*"): any word starting with
    one is vocabulary, whatever its ending ("renegotiation", "bereavement")."""
    changes = _cue_words(lexicon.EVENT_CUES[ProblemArea.ROLE_TRANSITION])
    prefixes = {word[:-1] for cue in _all_cues() for word in cue.split() if word.endswith("*") and len(word) > 5}
    return tuple(sorted(p for p in prefixes if p not in changes))


#: Length of the word sequences compared with other cases' model formulations, and the share of an answer's
#: sequences that makes it a copy of one (names swapped or not).
_COPY_NGRAM = 4
COPIED_SHARE = 0.3


@cache
def _model_ngrams() -> dict[tuple[str, ...], str]:
    """Four-word sequences of the packaged cases' model formulations that trainees can read (practice cases), each
    with the one case whose formulation holds it; sequences of two or more formulations (the course's shared
    phrasing: "does that fit how you see it") are left out."""
    from ipt_training.cases.library import CaseLibrary

    owner: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for case in CaseLibrary.load(keys_dir=False):
        if case.reference is None:
            continue
        for gram in {g for c in clauses(case.reference.formulation) for g in _grams(c)}:
            if owner.setdefault(gram, case.id) != case.id:
                shared.add(gram)
    return {gram: case_id for gram, case_id in owner.items() if gram not in shared}


def _grams(clause: list[str]) -> Iterable[tuple[str, ...]]:
    return zip(*(clause[i:] for i in range(_COPY_NGRAM)), strict=False)


def copied_formulation(prepared: list[list[str]], reference: ReferenceFormulation) -> str | None:
    """The id of another case whose model formulation makes up :data:`COPIED_SHARE` or more of the answer's
    four-word sequences (a model formulation copied with the names swapped), else ``None``."""
    grams = _model_ngrams()
    # The sequences starting at every other word (a copy holds them all, and this halves the work).
    total = sum((len(c) - _COPY_NGRAM) // 2 + 1 for c in prepared if len(c) >= _COPY_NGRAM)
    need = COPIED_SHARE * total
    if 2 * total < TEXTBOOK_WORDS:
        return None
    starts = [zip(c[::2], c[1::2], c[2::2], c[3::2], strict=False) for c in prepared if len(c) >= _COPY_NGRAM]
    if sum(map(grams.__contains__, chain.from_iterable(starts))) < need:
        return None  # the usual case: no other formulation comes near (counted in C)
    found = [g for c in prepared if len(c) >= _COPY_NGRAM
             for g in zip(c[::2], c[1::2], c[2::2], c[3::2], strict=False) if g in grams]
    own = {g for c in clauses(reference.formulation) for g in _grams(c)}  # the case's own wording is no copy
    counts = Counter(grams[g] for g in found if g not in own)
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    return best if count >= need else None


@cache
def _shared_model_words() -> frozenset[str]:
    """Words that the model formulations and rationales of many packaged cases share (the course's clinical prose:
    "twelve weekly sessions", "psychotherapy"): no fact of any one case."""
    from ipt_training.cases.library import CaseLibrary

    references = [case.reference for case in CaseLibrary.load(keys_dir=False) if case.reference is not None]
    counts: Counter[str] = Counter()
    for reference in references:
        counts.update({t for text in (reference.formulation, reference.rationale) for c in clauses(text) for t in c})
    return frozenset(w for w, n in counts.items() if n >= max(3, len(references) * _MODEL_SHARE))


#: The words of an answer's frame ("the primary problem area is ..."): a vignette that says "found no problem" does not
#: make them a fact of its case.
_FRAME_WORDS = frozenset({"problem", "problems"})


@cache
def ipt_vocabulary() -> frozenset[str]:
    """Every word (and its inflections) of the scorer's clinical vocabulary: words any formulation may use.

    The events that signal a transition (a move, a birth, a retirement) are the exception: which change it was is
    a fact of the case, so those words stay out unless the core vocabulary (areas, stages, goals, the patient's
    elements, links in time) uses them too. A death defines grief and a conflict a dispute, so their words are in.
    """
    core: list[str] = []
    for area_cues in lexicon.AREA_CUES.values():
        core += [c if isinstance(c, str) else c[0] for c in area_cues]
    for stage_cues in lexicon.STAGE_CUES.values():
        core += list(stage_cues)
    for concept in lexicon.GOALS.values():
        core += [*concept.cues, concept.label]
    for area, event_cues in lexicon.EVENT_CUES.items():
        if area is not ProblemArea.ROLE_TRANSITION:
            core += list(event_cues)
    for patient_cues in lexicon.PATIENT_CUES.values():
        core += list(patient_cues)
    core += [*lexicon.TEMPORAL_LINK_CUES, *lexicon.ABSENCE_OF_EVENT_CUES, *lexicon.CAUSAL_WORDS]
    core_words = (_cue_words(core) | set(lexicon.CHOICE_MARKERS) | set(STOP_WORDS) | set(FUNCTION_WORDS)
                  | _DEPRESSION_WORDS | _FRAME_WORDS)
    strategies = _cue_words([p for concept in lexicon.STRATEGIES.values() for p in (*concept.cues, concept.label)])
    changes = _cue_words(lexicon.EVENT_CUES[ProblemArea.ROLE_TRANSITION]) - core_words - _ADJUSTING_WORDS
    words = core_words | (strategies - changes)
    return frozenset(form for word in words for form in _forms(word)) - changes


def _common(word: str) -> bool:
    from ipt_training.scoring.evidence import _stem as evidence_stem
    from ipt_training.scoring.evidence import _vignette_frequency

    total, counts = _vignette_frequency()
    return counts.get(evidence_stem(word), 0) / total > _COMMON_SHARE


_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
                 "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50"}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
          "year": "year", "years": "year"}
#: Clinical shorthand for a span: "3/12" is three months, "6/52" six weeks.
_FRACTION_UNITS = {"12": "month", "52": "week"}
#: Words before an ambiguous month word that make it a date ("around May", "from May").
_MONTH_LEADS = frozenset({"in", "around", "from", "since", "by", "until", "till", "early", "late", "mid", "of", "end",
                          "before", "after", "last", "this", "that"})


def _number(token: str) -> str | None:
    return token if token.isdigit() else _NUMBER_WORDS.get(token)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """Words, dates and spans of time that only an answer about this case would contain."""

    #: names, relationship words, details, years and unambiguous month words (with their inflections)
    words: frozenset[str]
    #: two-digit years of the case ("25"), for numeric dates such as "3/25"
    short_years: frozenset[str] = frozenset()
    #: ambiguous month words of the case ("may"), counted only next to a year or after "in", "around"...
    ambiguous_months: frozenset[str] = frozenset()
    #: spans of time of the case as (number, unit): ("2", "month") for "two months after the move"
    spans: frozenset[tuple[str, str]] = frozenset()
    #: the names of the people of the case (a subset of ``words``): a name alone says nothing of what happened
    names: frozenset[str] = frozenset()
    #: the names of the patient and of the people in the inventory: a clause naming only them says who, not what
    #: happened or when (a name put in front of every sentence, a list of the inventory's names); a relationship
    #: word ("your husband") is a fact of the case, since an answer said to the patient has no names
    who: frozenset[str] = frozenset()
    #: the inventory's relationship descriptions as clauses of tokens ("husband", "nurse on the ward, close friend
    #: for ten years"): one copied after a name ("Tunde (husband)"), or one of three words or more on its own, says
    #: who someone is, not what happened (a kin word alone, "husband", is how notes name the person: a fact)
    roles: frozenset[tuple[str, ...]] = frozenset()
    #: the relationship words of the inventory ("husband", "manager") with their inflections: facts of the case,
    #: but a paragraph whose only facts they are says who, not what happened (see :meth:`FactReading.kin_only`)
    kin: frozenset[str] = frozenset()

    #: the words of what happened in the case's timeline, common ones included ("dies", "moved", "retired"), with
    #: their inflections and plain synonyms ("died", "passed"): beside a person of the case ("after Odile died") or
    #: said to the patient ("since you moved") they state what happened
    events: frozenset[str] = frozenset()
    #: who an event word is said of to state a fact: the people of the inventory (not the patient, whose name an
    #: answer can put into any textbook sentence) and the patient addressed as "you"
    actors: frozenset[str] = frozenset()

    #: tokens that may start a date or span (the slow check runs only for clauses holding one)
    triggers: frozenset[str] = frozenset()
    #: ``words`` without ``who``: the details, dates and places that say what happened and when
    what: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        triggers = self.short_years | self.ambiguous_months | frozenset(_UNITS) | frozenset(_FRACTION_UNITS)
        object.__setattr__(self, "triggers", triggers)
        object.__setattr__(self, "what", self.words - self.who)

    def happened(self, clause: list[str]) -> bool:
        """Whether a clause tells what happened to someone of the case in the words of its timeline: the name of a
        person of the inventory, or "you", beside an event word ("after Odile died", "since you moved")."""
        return not self.events.isdisjoint(clause) and not self.actors.isdisjoint(clause)

    def specific(self, clause: list[str]) -> bool:
        """Whether one clause (tokens) states something of this case: what happened or when (a name or a
        relationship word alone does not)."""
        if not self.what.isdisjoint(clause):
            return True
        if self.triggers.isdisjoint(clause):
            return False
        for i in range(1, len(clause)):
            before, token = clause[i - 1], clause[i]
            if token in self.short_years and before.isdigit() and 1 <= int(before) <= 12:
                return True
            if before in self.ambiguous_months and (token in self.short_years or token in self.words):
                return True
            if token in self.ambiguous_months and before in _MONTH_LEADS:
                return True
            unit = _UNITS.get(token) or (_FRACTION_UNITS.get(token) if before.isdigit() else None)
            if unit is not None and (_number(before), unit) in self.spans:
                return True
        return False


def month_index(date: str) -> int | None:
    """The month of a ``YYYY-MM`` or ``YYYY-MM-DD`` date as year * 12 + month - 1 (months count in one number), or
    ``None`` for anything else."""
    year, _, rest = date.partition("-")
    if not (year.isdigit() and rest[:2].isdigit() and 1 <= int(rest[:2]) <= 12):
        return None
    return int(year) * 12 + int(rest[:2]) - 1


def _spans(texts: Iterable[str], onset: str | None, dates: Iterable[str]) -> set[tuple[str, str]]:
    """Spans of time the case states ("three days", "eight years") and those from its events to the onset."""
    spans: set[tuple[str, str]] = set()
    for text in texts:
        for clause in clauses(text):
            for before, token in pairwise(clause):
                number = _number(before)
                if number is not None and token in _UNITS:
                    spans.add((number, _UNITS[token]))
    start = month_index(onset) if onset else None
    for date in dates:
        month = month_index(date)
        if start is None or month is None or not 0 < start - month <= 36:
            continue
        months = start - month
        spans.add((str(months), "month"))
        weeks = round(months * 4.33)
        spans.update((str(w), "week") for w in (weeks - 1, weeks, weeks + 1))
        if months % 12 == 0:
            spans.add((str(months // 12), "year"))
    return spans


def _dates(texts: Iterable[str], timeline_dates: Iterable[str]) -> tuple[set[str], set[str], set[str]]:
    """Years, short years and month words of the case."""
    years: set[str] = set()
    months: set[str] = set()
    for date in timeline_dates:
        year, _, rest = date.partition("-")
        years.add(year)
        if rest[:2].isdigit() and 1 <= int(rest[:2]) <= 12:
            months.add(MONTHS[int(rest[:2]) - 1])
    for text in texts:
        years.update(_YEAR_RE.findall(text))
        lowered = text.lower()
        months.update(m for m in MONTHS if re.search(rf"\b{m}\b", lowered) and m != "may")
    month_words = set(months) | {m[:3] for m in months} | ({"sept"} if "september" in months else set())
    return years, {y[2:] for y in years}, month_words


def _role_words(relationships: Iterable[str]) -> set[str]:
    """The content words of the inventory's relationships ("finance director, her manager for eight years")."""
    skip = set(FUNCTION_WORDS) | set(STOP_WORDS) | set(MONTHS)
    return {w for r in relationships for clause in clauses(r) for w in clause
            if w not in skip and not w.isdigit() and len(w) > 2}


def _facts(people: Iterable[str], relationships: Iterable[str], texts: Iterable[str],
           timeline_dates: Iterable[str], onset: str | None = None) -> CaseFacts:
    texts = [t for t in texts if t]
    generic = ipt_vocabulary()
    names: set[str] = set()
    for name in people:
        # "Wambui and Kamau": the names are facts, the words joining them are not.
        names.update(w for w in to_ascii_lower(name).replace(".", " ").split()
                     if len(w) > 2 and w not in _TITLES and w not in FUNCTION_WORDS and w not in STOP_WORDS)
    people_names = set(names)
    for text in texts:
        names.update(n for n in names_in(text) if n not in generic)
    words: set[str] = set(names)
    # The head of a relationship names the person ("father" of "father (died February 2025)"); the rest is detail.
    heads = [re.split(r"[,;(]", r)[0] for r in relationships]
    kin = {part for r in heads for clause in clauses(r) for w in clause for part in {w, *w.split("-")}}
    # (nor the words of an answer's own frame: "problem" of "course-mate in problem classes" is not the "problem" of
    # "the primary problem area is ...")
    kin -= set(FUNCTION_WORDS) | set(STOP_WORDS) | set(lexicon.CHOICE_MARKERS) | _FRAME_WORDS
    words.update(w for w in kin if not w.isdigit())
    details = {w for text in texts for clause in clauses(text) for w in clause}
    prefixes, shared = ipt_prefixes(), _shared_model_words()
    words.update(w for w in details if len(w) > 3 and not w.isdigit() and w not in generic and w not in shared
                 and not w.startswith(prefixes) and not _common(w))
    timeline_dates = list(timeline_dates)
    years, short_years, months = _dates(texts, timeline_dates)
    unambiguous = months - _AMBIGUOUS_MONTHS
    forms = {form for word in words if not word.isdigit() for form in _forms(word) if form not in generic}
    # Who someone is; a relationship that dates an event ("father (died February 2025)") tells what happened too.
    roles = {tuple(clause) for r in relationships for clause in clauses(r)
             if not any(w.isdigit() or w in MONTHS for w in clause)}
    return CaseFacts(frozenset(forms | words | years | unambiguous), frozenset(short_years),
                     frozenset(months & _AMBIGUOUS_MONTHS), frozenset(_spans(texts, onset, timeline_dates)),
                     frozenset(names), frozenset(people_names), frozenset(roles),
                     # The head of a relationship always names someone ("her husband", "his father"); the rest of
                     # it only when not a word of the clinical vocabulary ("plays games with him", "helps with the
                     # children" and "co-worker" do not make "role play", "help" and "work on" someone of the case).
                     frozenset({form for word in kin for form in _forms(word)}
                               | {form for word in _role_words(relationships) - kin for form in _forms(word)
                                  if form not in generic}))


def case_facts(case: Case) -> CaseFacts:
    """The facts of a case from its vignette, patient, timeline and inventory."""
    people = [case.patient.name, *(p.name for p in case.inventory)]
    relationships = [p.relationship for p in case.inventory]
    texts = [case.vignette, case.patient.background, *(e.event for e in case.timeline)]
    for p in case.inventory:
        texts += [p.contact, p.expectations, p.satisfactions, p.dissatisfactions, p.change_wished, p.recent_change]
    facts = _facts(people, relationships, texts, [e.date for e in case.timeline], case.symptom_onset)
    events = _event_words(e.event for e in case.timeline if e.kind.value not in ("symptom", "other"))
    patient = set(to_ascii_lower(case.patient.name).replace(".", " ").split())
    actors = {w for p in case.inventory for w in to_ascii_lower(p.name).replace(".", " ").split()
              if len(w) > 2 and w not in patient and w not in _TITLES and w not in FUNCTION_WORDS
              and w not in STOP_WORDS} | ADDRESSED
    return replace(facts, events=frozenset(events - facts.who - ADDRESSED), actors=frozenset(actors))


#: How an answer said to the patient names the patient (what a clause says of "you" is said of this patient).
ADDRESSED = feature(frozenset({"you", "your"}))


def _event_words(events: Iterable[str]) -> set[str]:
    """The content words of the timeline's events, with their inflections and plain synonyms."""
    from ipt_training.scoring.evidence import SYNONYM_GROUPS

    groups = {word: group for group in SYNONYM_GROUPS for word in group}
    skip = set(FUNCTION_WORDS) | set(STOP_WORDS) | set(MONTHS) | set(ipt_vocabulary())
    found: set[str] = set()
    for clause in chain.from_iterable(clauses(e) for e in events):
        for word in clause:
            if len(word) > 2 and not word.isdigit() and word not in skip:
                found.update(groups.get(word, ()) or _forms(word))
    if "died" in found:
        found |= {"lost", "lose", "losing", "loss"}  # "since you lost Astrid"
    return found


def reference_facts(reference: ReferenceFormulation) -> CaseFacts:
    """The facts of a case known only from its reference (evidence sentences and cues, rationale, formulation)."""
    items = [*reference.key_evidence, reference.timeline_link]
    texts = [reference.rationale, reference.formulation, *(i.text for i in items), *(c for i in items for c in i.cues)]
    return _facts([], [], [t.replace("*", "") for t in texts], [])


#: A paragraph this long with no fact of the patient is a description of the area: its goals and strategies are
#: not yet a plan for this patient and earn this share of their points (at most 0.5 of 2, as for a keyword list),
#: and an answer this long with few facts is read as thin (see :data:`THIN_FACTS`).
TEXTBOOK_WORDS = 30
TEXTBOOK_SHARE = 0.25
#: A relationship word that is an answer's only fact, put into this many clauses, is padding (see
#: :meth:`FactReading.kin_only`).
_KIN_REPEATS = 3
#: How many clauses before and after a fact still count as speaking of it.
REACH = 3
#: An answer of a paragraph or more naming at most this many facts of the case, or stating all of them in one clause,
#: is thin (a name or a list of names put in front of a textbook paragraph): it goes to review.
THIN_FACTS = 2


#: Words by which an answer speaks of the patient or someone in the patient's life.
_PERSONS = frozenset({"he", "she", "him", "her", "his", "hers", "you", "your", "they", "them", "their"})


def _dated(word: str) -> bool:
    """Whether a fact word of the case says when or how much (a year, a month, a number, a score), not what."""
    return word in MONTHS or any(ch.isdigit() for ch in word)


@dataclass(frozen=True, slots=True)
class FactReading:
    """Where an answer states facts of the case."""

    #: clauses that state a fact
    stated: tuple[int, ...]
    #: those clauses and the ones within :data:`REACH` of them
    near: frozenset[int]
    #: the answer's clauses and the case's facts, to count the facts on demand
    prepared: list[list[str]]
    facts: CaseFacts
    #: read as stating no fact because its only facts are relationship words (:meth:`kin_only`)
    kin_named: bool = False

    @property
    def count(self) -> int:
        """How many different facts the answer states (fact words; a clause with only a date or span counts one)."""
        words = self.facts.what
        found: set[str] = set()
        dated = 0
        for i in self.stated:
            hit = words.intersection(self.prepared[i])
            found |= hit
            dated += not hit
        return len(found) + dated

    def who_only(self) -> bool:
        """Whether the answer names people of the case but states nothing of what happened to them or when: a name
        put in front of a paragraph, or a list of the inventory's names."""
        who = self.facts.who
        return not self.stated and (self.kin_named or any(not who.isdisjoint(clause) for clause in self.prepared))

    def kin_only(self) -> bool:
        """Whether the answer's only fact is one relationship word put into three sentences or more ("..., says
        her manager"): who, not what happened or when. (One mention, "her father died this year", is a fact.)"""
        kin, what = self.facts.kin, self.facts.what
        if len(self.stated) < _KIN_REPEATS or not kin:
            return False
        hits = [what.intersection(self.prepared[i]) for i in self.stated]
        return all(hit and hit <= kin for hit in hits) and len({_stem(w) for hit in hits for w in hit}) == 1

    def when_only(self) -> bool:
        """Whether the answer's facts say only when (a date, a number, a score) and the answer speaks of nobody: no
        person of the case by name or relationship, no "he", "she" or "you". A date or "PHQ-9 16" put into the
        area's textbook list names nothing that happened to this patient, as a name put in front of it names
        nobody's story. (One word of what happened, "after the move", "the marriage ended", is a fact.)"""
        if not self.stated:
            return False
        facts = self.facts
        if any(not _dated(w) for i in self.stated for w in facts.what.intersection(self.prepared[i])):
            return False
        return not self.speaks_of_someone()

    def speaks_of_someone(self) -> bool:
        """Whether the answer speaks of a person: someone of the case by name or relationship, or "he", "she",
        "you" (a plain account of this patient, "he has always been a loner", names no fact word of the case)."""
        person = self.facts.who | self.facts.names | self.facts.kin | _PERSONS
        return any(not person.isdisjoint(clause) for clause in self.prepared)

    def who_only_reading(self) -> FactReading:
        """The same answer read as stating no fact (its relationship words say who, not what happened)."""
        return FactReading((), frozenset(), self.prepared, self.facts, kin_named=True)

    def thin(self, words: int, *, story: bool = True) -> bool:
        """A paragraph (``words`` long) that tells one or two facts of the patient's story, or all of them in one
        clause. The story is which people, what happened and when: the people of the inventory it names count with
        its facts, and the clauses that name them or tell an event of the timeline with the clauses that state a
        fact ("Patrícia told you she wanted a divorce ... with the arrangements for Lucas and Bia first"). Without
        ``story``, only the fact words and their clauses count (the reading before round 12)."""
        if not self.stated or words < TEXTBOOK_WORDS:
            return False
        if not story:
            return len(self.stated) == 1 or self.count <= THIN_FACTS
        actors = self.facts.actors - ADDRESSED
        people = {w for clause in self.prepared for w in clause if w in actors}
        return len(self._told(actors)) == 1 or self.count + len(people) <= THIN_FACTS

    def _told(self, actors: frozenset[str]) -> set[int]:
        """The clauses that state a fact, name a person of the inventory or tell an event of the timeline."""
        return set(self.stated) | {i for i, clause in enumerate(self.prepared)
                                   if not actors.isdisjoint(clause) or not self.facts.events.isdisjoint(clause)}

    def in_one_clause(self) -> bool:
        """Whether the people, events and facts of the case the answer names all stand in one clause (a thin answer
        may tell the rest of its story in plain words: "he gave away the money ... They don't speak now")."""
        return len(self._told(self.facts.actors - ADDRESSED)) == 1


def _copied_role(facts: CaseFacts, prepared: list[list[str]], i: int) -> bool:
    """Whether clause ``i`` only copies a relationship of the inventory: at length, or after a person's name."""
    tokens, who = prepared[i], facts.who
    start = 0
    while start < len(tokens) and tokens[start] in who:  # "Tunde, husband": the name, then the relationship
        start += 1
    role = tuple(tokens[start:])
    if role not in facts.roles:
        return False
    return len(role) >= 3 or start > 0 or (i > 0 and bool(prepared[i - 1]) and prepared[i - 1][-1] in who)


def read_facts(facts: CaseFacts, prepared: list[list[str]]) -> FactReading:
    """The clauses of ``prepared`` that state a fact of the case (what happened or when) and those near one."""
    what, triggers, specific, events, actors = facts.what, facts.triggers, facts.specific, facts.events, facts.actors
    # Most clauses of an answer about the case hold a detail: one walk over them costs less than asking the table of
    # words four times (valgrind: 37k instructions per answer more through the table). (A list, not a generator:
    # and what :meth:`CaseFacts.happened` asks, asked in place.)
    stated = tuple([i for i, clause in enumerate(prepared)
                    if (not what.isdisjoint(clause) or (not triggers.isdisjoint(clause) and specific(clause))
                        or (not events.isdisjoint(clause) and not actors.isdisjoint(clause)))
                    and not _copied_role(facts, prepared, i)])
    near: set[int] = set()
    for i in stated:
        near.update(range(i - REACH, i + REACH + 1))
    return FactReading(stated, frozenset(near), prepared, facts)


@per_case
def facts_for(reference: ReferenceFormulation, case: Case | None) -> CaseFacts:
    """The case's facts (from the case when known, else from the reference), cached per object."""
    return case_facts(case) if case is not None else reference_facts(reference)


#: Feedback when an answer names only one or two facts of the patient in a paragraph or more.
FEW_FACTS_FEEDBACK = ("The answer says little about this patient's own story (which people, what happened, and "
                      "when), so evidence counts only where a sentence itself states a fact of the case. Tie each "
                      "point to a fact of the case. In a graded assignment, an answer like this is sent to your "
                      "instructor for review.")
#: Feedback when the names, events and facts of the case an answer names all stand in one sentence (the rest of its
#: story, if any, told in words that are no fact of this case to the scorer).
ONE_SENTENCE_FACTS_FEEDBACK = ("The case's own names, dates and particular words appear in only one sentence of the "
                               "answer, so little of it could be checked against the case: tie each point to a fact "
                               "of the case (who, what happened, when). In a graded assignment, an answer like this "
                               "is sent to your instructor for review.")
#: Feedback when much of an answer is another case's model formulation (``{case}``: that case's id).
COPIED_FEEDBACK = ("Much of the answer repeats the model formulation of another case ({case}), with its facts and "
                   "plan written for another patient; only a quarter of the evidence points were credited, and the "
                   "goals and strategies a quarter of theirs. In a graded assignment, an answer like this is sent "
                   "to your instructor for review.")
#: Feedback when an answer states no fact of the patient at all.
#: (the case's own words that every account of an area uses, "working from home", "lifelong isolation", "no death",
#: are no fact of this patient to the scorer: the sentence says so, not that the answer names nothing of the story)
NO_FACTS_FEEDBACK = ("Beyond words any account of the problem area would use, the answer names no person, event, "
                     "date or detail of this patient's story, so it reads as a description of the problem area in "
                     "general; evidence counts only when it is this patient's. In a graded assignment, an answer "
                     "like this is sent to your instructor for review.")



#: Feedback when an answer's only facts of the patient are dates or numbers (see :meth:`FactReading.when_only`).
DATED_ONLY_FEEDBACK = ("The answer names no person or event of this patient's story, only a date or a number, so "
                       "it reads as a description of the problem area in general; evidence counts only when it says "
                       "what happened to this patient. In a graded assignment, an answer like this is sent to your "
                       "instructor for review.")


def textbook_feedback(kind: str, few: bool = False) -> str:
    """Why the goals or strategies of an answer that states nothing of what happened to the patient earn a
    quarter (``few``: it names people of the case, but only their names or who they are)."""
    # (the answer names the people, not the goals or strategies themselves: a goal line may name nobody)
    if few:
        return (f"The answer names people of this case but nothing of what happened to them or when, so its {kind} "
                "describe the problem area in general, not a plan for this patient, and earn a quarter of their "
                "credit.")
    return (f"The {kind} are not tied to this patient's story (no person, event, date or detail of the case beyond "
            "words any account of the area would use), so they describe the problem area in general, not a plan "
            "for this patient, and earn a quarter of their credit.")
