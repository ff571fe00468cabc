"""Score a trainee's interpersonal formulation against a reference, criterion by criterion.

Two rubrics of 10 points each, chosen per exercise (``rubric=``):

* ``"supervision"``: a note to a supervisor (the graded ``problem_area_formulation`` assignment);
* ``"patient"``: the formulation as said to the patient (lesson 3's builder), which adds the elements of
  section 6 of the course reference that a note leaves out.

=================  ===========  =======  ==================================================================
criterion          supervision  patient  earned by
=================  ===========  =======  ==================================================================
problem_area       3            3        committing to the reference focus (partial credit for a swapped
                                         primary/secondary or a defensible alternative)
evidence_timeline  3            2        citing the case evidence (3/4 of the items, 3 at most, for full), tying
                                         the onset in time to the key event (1), and, when the key involves
                                         a role dispute, the stage (1 supervision, 0.5 patient) out of the
                                         same total, so the criteria look the same whatever the key is
goals              2            1.5      the goals of the reference focus, each a share (two of three:
                                         1.5 of 2, as examiners mark them)
strategies         2            1.5      strategies that fit the reference focus (half of them, at least
                                         three, or all where fewer are listed)
sick_role          -            1        naming the diagnosis (0.5) and giving the sick role (0.5)
contract           -            0.5      a time-limited contract (number of sessions or weeks)
agreement          -            0.5      asking for the patient's view ("Does that fit how you see it?")
=================  ===========  =======  ==================================================================

Why this split for the patient rubric: the area and the link between onset and events remain the core of
a formulation (5 of 10, as in a note); a formulation said to the patient names goals and strategies in plain
words and fewer of them, so they carry 3 instead of 4; the three section-6 elements a note leaves out carry
the remaining 2, the sick role most since it is a treatment in itself.

How the answer is read (each step in its own module, every point with a plain-language sentence):
:mod:`~ipt_training.scoring.areas` tells a committed choice from a mention, a quotation or a rejection and
reports "no commitment"; :mod:`~ipt_training.scoring.concepts` credits goals and strategies for the area they
serve in context, finds stuffing and inconsistent plans; :mod:`~ipt_training.scoring.evidence` derives what to
match from evidence written as plain sentences; :mod:`~ipt_training.scoring.readability` sends bare lists,
pasted vignettes and answers not in English to review; :mod:`~ipt_training.scoring.patient` reads the
section-6 elements. Against gaming: :mod:`~ipt_training.scoring.normalize` removes hidden and look-alike
characters, reads a repeated clause once and flags padded answers; :mod:`~ipt_training.scoring.specificity`
credits evidence and the timeline link only next to a fact of the case (a name, date, span of time or detail, not
IPT vocabulary) and sends answers with no or few facts of the patient to review.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from itertools import chain

from ipt_training.cases.model import Case, EvidenceItem, ReferenceFormulation
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring import feedback
from ipt_training.scoring.areas import (
    AreaDecision,
    Reading,
    decide_areas,
    infer_from_events,
    lost_person_matches,
    possibilities_only,
    read_areas,
    settled_later,
    stage_choice_matches,
    undecided_pair,
)
from ipt_training.scoring.case_events import case_event_matches, case_events, key_event_area, key_event_matches
from ipt_training.scoring.case_plan_words import case_plan_words
from ipt_training.scoring.cause_people import key_people, person_caused, relation_words
from ipt_training.scoring.claims import (
    Conflict,
    cause_possible,
    claims_apart,
    commitment_quotes,
    link_contradictions,
    own_link_denied,
    read_conflict,
)
from ipt_training.scoring.concepts import before_techniques, outside_techniques, read_concepts, techniques_planned
from ipt_training.scoring.event_told import names_nothing, says_what
from ipt_training.scoring.every_event import CHAIN_FEEDBACK, EVERY_EVENT_FEEDBACK, Walk, read_walk, timeline_words
from ipt_training.scoring.evidence import (
    PROSE_SHARE,
    STOP_WORDS,
    DerivedEvidence,
    case_acronyms,
    derive_evidence,
    listing,
    names_in,
    proper_names,
)
from ipt_training.scoring.gist import said_of_someone
from ipt_training.scoring.item_context import set_aside_quotes, with_context
from ipt_training.scoring.items_against import against, item_areas
from ipt_training.scoring.lexicon import (
    ABSENCE_OF_EVENT_CUES,
    AREA_CUES,
    EVENT_CUES,
    GOALS,
    NON_IPT_TECHNIQUES,
    PATIENT_CUES,
    STAGE_CUES,
    STRATEGIES,
    TEMPORAL_LINK_CUES,
    Concept,
    reader_words,
    second_person,
)
from ipt_training.scoring.listed_stage import stage_listed
from ipt_training.scoring.model_plan import EMPTY_KEY, PlanKey, build_key, concept_area, key_concepts, story_clauses
from ipt_training.scoring.name_date_lists import has_dates, name_date_lists, name_words
from ipt_training.scoring.no_event import no_event_clauses
from ipt_training.scoring.normalize import clean_answer
from ipt_training.scoring.onset_elsewhere import dismissed, onset_ties, tied_elsewhere
from ipt_training.scoring.onset_link import (
    OnsetTiming,
    dated_link,
    dates_apart,
    denies_link,
    key_dated,
    key_event_texts,
    later_span_clauses,
    link_denied,
    span_clauses,
    span_event_told,
    timing_for,
    told_back,
)
from ipt_training.scoring.onset_words import onset_told, onset_told_anywhere, onset_words
from ipt_training.scoring.own_focus import own_problem_clauses
from ipt_training.scoring.patient import PatientElements, read_patient_elements
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.plain_plan import (
    KIN_WORDS,
    MOURNING,
    contingent,
    ending_clauses,
    hurried_clauses,
    mourning_planned,
    person_mourned,
    plain_plan_concepts,
    plain_plan_votes,
    plan_and_items,
    plan_sentences,
)
from ipt_training.scoring.plain_plan import VOTE as PLAN_VOTE
from ipt_training.scoring.readability import FUNCTION_WORDS, Style, copied_clauses, read_style
from ipt_training.scoring.readings import plan_for_rejected, stage_label_matches, stage_names, two_formulations
from ipt_training.scoring.relation_names import relation_names
from ipt_training.scoring.report import CriterionResult, FormulationAnswer, FormulationReport
from ipt_training.scoring.retelling import own_claims, told_in_sequence
from ipt_training.scoring.rubrics import Rubric, rubric_named
from ipt_training.scoring.sentence_map import sentence_ids, turn_opened
from ipt_training.scoring.specificity import (
    ADDRESSED,
    COPIED_FEEDBACK,
    DATED_ONLY_FEEDBACK,
    FEW_FACTS_FEEDBACK,
    MONTHS,
    NO_FACTS_FEEDBACK,
    ONE_SENTENCE_FACTS_FEEDBACK,
    TEXTBOOK_SHARE,
    TEXTBOOK_WORDS,
    FactReading,
    copied_formulation,
    facts_for,
    month_index,
    read_facts,
    textbook_feedback,
)
from ipt_training.scoring.stage_words import described_stages, habitual_silence, hope_held, plan_work, pursued_alone
from ipt_training.scoring.statements import stated_tokens
from ipt_training.scoring.stuck_work import ADAPTING_WORDS, MOURNING_WORDS, adapting_said, mourning_said
from ipt_training.scoring.time_link import (
    anniversary_clauses,
    link_words,
    long_standing,
    old_before_onset,
    onset_said,
    related,
    stated_link,
)
from ipt_training.scoring.turns import (
    LAY_TURN_WORDS,
    lay_rankings,
    named_main_second,
    turned_across,
    turned_in_lay_words,
)
from ipt_training.scoring.word_lists import listed_words, word_list
from ipt_training.scoring.wrong_death import DEATH_WORDS, WRONG_DEATH_FEEDBACK, living_and_dead, wrong_deaths
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses, Match, PhraseMatcher, build_matcher
from ipt_training.text.normalize import clauses, to_ascii_lower
from ipt_training.text.words import AnswerWords

AREA_POINTS = 3.0
STAGE_POINTS = 1.0
GOAL_POINTS = 2.0
STRATEGY_POINTS = 2.0
TOTAL_POINTS = 10.0
_ASSERT_THRESHOLD = 2.0
_MARKER_WINDOW = 6


@cache
def _domain_cues() -> dict[str, list[str | tuple[str, float]]]:
    cues: dict[str, list[str | tuple[str, float]]] = {}
    for area, phrases in AREA_CUES.items():
        cues[f"area:{area.value}"] = list(phrases)
    for stage, stage_phrases in STAGE_CUES.items():
        cues[f"stage:{stage.value}"] = list(stage_phrases)
    for prefix, concepts in (("goal", GOALS), ("strategy", STRATEGIES)):
        for concept in concepts.values():
            spoken = [second_person(c) for c in concept.cues]
            cues[f"{prefix}:{concept.id}"] = list(dict.fromkeys([*concept.cues, *(c for c in spoken if c)]))
    return cues


@cache
def _technique_cues() -> dict[str, list[str | tuple[str, float]]]:
    """The techniques of other therapies (CBT), read so that they earn nothing (lexicon ``NON_IPT_TECHNIQUES``)."""
    return {f"technique:{c.id}": list(c.cues) for c in NON_IPT_TECHNIQUES.values()}


@cache
def _domain_words() -> frozenset[str]:
    """The words of the clinical vocabulary (areas, stages, goals, strategies): no word of one case's facts."""
    phrases = (c if isinstance(c, str) else c[0] for cues in _domain_cues().values() for c in cues)
    return frozenset(w.rstrip("*") for phrase in phrases for w in phrase.split())


@cache
def _side_matcher(kind: str) -> PhraseMatcher:
    """Vocabulary read only when needed (a second, small pass): events, patient elements."""
    if kind == "event":
        # Events as a note tells them ("lost his wife") and as said to the patient ("lost your wife").
        events = {f"event:{area.value}": list(dict.fromkeys([*phrases, *_to_patient(phrases)]))
                  for area, phrases in EVENT_CUES.items()}
        return build_matcher({**events, "absence": list(ABSENCE_OF_EVENT_CUES)}, protected=reader_words())
    return build_matcher({f"patient:{element}": phrases for element, phrases in PATIENT_CUES.items()})


@per_case
def _technique_matcher(reference: ReferenceFormulation, case: Case | None = None) -> PhraseMatcher:
    """The techniques of other therapies in a matcher of their own, read on the answer's words as written: their
    words ("exposure therap*", "record*", "challeng*") in the clinical matcher made misspelt IPT words look known to
    its typo repair ("theraputic relationship" was no longer read as the therapeutic relationship)."""
    return build_matcher(_technique_cues(), protected=reader_words() | _case_words(case))


#: Past verbs of the event vocabulary and the plain form a non-native writer puts in their place ("since she move to
#: Miami", "he lose his job", "she leave home"): the same event told (an infinitive or a modal before the plain form,
#: "she wants to move to Perth", is not, :func:`_events`).
_PLAIN_FORMS = {"moved": "move", "lost": "lose", "left": "leave", "gave": "give", "came": "come", "passed": "pass"}
_BASE_VERBS = frozenset(_PLAIN_FORMS.values())
#: Words before a plain verb that make it an infinitive, a modal's or an imperative's, not a past told.
_NOT_PAST = frozenset({"to", "will", "would", "may", "might", "could", "should", "can", "must", "shall", "not", "ll",
                       "d", "lets", "let", "help", "helps", "helping", "cannot", "never", "if", "unless"})


def _plain_forms(phrases: list[str]) -> list[str]:
    """The event phrases that open with a past verb, with that verb in its plain form ("moved to" -> "move to")."""
    return [f"{_PLAIN_FORMS[first]} {rest}" for first, _, rest in (p.partition(" ") for p in phrases)
            if first in _PLAIN_FORMS and rest]


@per_case
def _event_matcher(reference: ReferenceFormulation, case: Case | None = None) -> PhraseMatcher:
    """The event vocabulary with the case's own words left as they are: typo repair must not read a word the case
    itself uses as a cue it resembles ("the crash" of Tomás's motorbike is no "clash"); past verbs also in their plain
    form, as non-native writers tell the past ("since she move to Miami")."""
    events = {f"event:{area.value}": list(dict.fromkeys([*phrases, *_to_patient(phrases), *_plain_forms(phrases)]))
              for area, phrases in EVENT_CUES.items()}
    return build_matcher({**events, "absence": list(ABSENCE_OF_EVENT_CUES)},
                         protected=reader_words() | _case_words(case))


#: Titles in a name ("Mr", "Auntie"): not the name a loss is said of.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "uncle", "aunt", "auntie", "grandma", "grandpa", "granny",
                     "nana", "sister", "brother", "father", "mother"})


def _patient_name(case: Case | None) -> frozenset[str]:
    """The words of the patient's name, as the answer's words are written (lower case, ASCII)."""
    return frozenset(to_ascii_lower(case.patient.name).split()) if case is not None else frozenset()


@per_case
def _the_dead(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The words of the names of the people the case's inventory marks as dead ("Lai-ying"), and the word of kin
    their entry gives ("father" for "Yerlan, father, died March 2025"): "the loss of her father" is his death (none
    without the case); worked out once per case."""
    if case is None:
        return frozenset()
    dead = [p for p in case.inventory if p.deceased]
    relationships = tuple(p.relationship for p in dead)
    return _name_words(tuple(p.name for p in dead)) | _kin_words(relationships) | _role_words(relationships)


#: Where the head of an inventory relationship ends ("twin brother and work partner, died ...": "twin brother").
_ROLE_END = re.compile(r",|;|\(|\b(?:and|since|from|who|of|in|at|with|died|dies)\b")


@cache
def _role_words(relationships: tuple[str, ...]) -> frozenset[str]:
    """The words of what the dead were to the patient, as their inventory entry begins ("twin brother", "mentor",
    "best friend"): "since you lost your twin" is the death, as "your brother" is."""
    return frozenset(w for text in relationships for c in clauses(_ROLE_END.split(text.lower(), maxsplit=1)[0])
                     for w in c if w.isalpha() and len(w) > 2 and w not in STOP_WORDS and w not in _ROLE_ADJECTIVES)


#: Words before the role that say which one, not what ("younger brother", "best friend", "late husband").
_ROLE_ADJECTIVES = frozenset({"best", "younger", "older", "elder", "eldest", "late", "former", "only", "close",
                              "closest", "old", "dear", "beloved", "little", "big"})


@cache
def _kin_words(relationships: tuple[str, ...]) -> frozenset[str]:
    kin = frozenset(w for text in relationships for c in clauses(text) for w in c if w in KIN_WORDS)
    return kin.union(*(_KIN_NAMES.get(w, ()) for w in kin))


#: What a patient calls their kin ("since we buried your dad" is the father's death).
_KIN_NAMES: dict[str, tuple[str, ...]] = {
    "father": ("dad", "papa", "daddy"), "mother": ("mum", "mom", "mama", "mummy"),
    "grandmother": ("grandma", "granny", "nan", "nana", "gran"), "grandfather": ("grandpa", "grandad", "granddad"),
    "husband": ("hubby",), "wife": ("missus",)}


@cache
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for name in names for c in clauses(name) for w in c if w not in _TITLES and len(w) > 1)


def _events(raw: Clauses, prepared: Clauses, words: AnswerWords, reference: ReferenceFormulation,
            case: Case | None, dead: frozenset[str]) -> list[Match]:
    """The events the answer tells, as the lexicon knows them and, with the case, as the case's own: a death told by
    the name of the dead (``dead``, :func:`_the_dead`: "since you lost Lai-ying"), a dated event of the timeline told
    in the answer's words ("since Deniz came along and you took unpaid leave")."""
    events = (_side_matcher("event") if case is None else _event_matcher(reference, case)).find(raw)
    if case is not None:
        if words.has_any(_BASE_VERBS):
            # a plain verb after "to" or a modal is no past event ("she wants to move to Perth", "he may lose his job")
            events = [m for m in events if m.start == 0 or raw[m.clause][m.start] not in _BASE_VERBS
                      or raw[m.clause][m.start - 1] not in _NOT_PAST]
        events += lost_person_matches(prepared, words, dead)
        events += case_event_matches(prepared, case_events(reference, case))
    return events


def _to_patient(phrases: list[str]) -> list[str]:
    """Event phrases with a possessive, as said to the patient ("lost his wife" -> "lost your wife"); "lost him"
    stays as it is ("lost you" would find "lost and how you")."""
    spoken = (second_person(p) for p in phrases)
    return [p for p in spoken if p and "your" in p.split()]


_TEMPORAL_WORDS = frozenset(c for c in TEMPORAL_LINK_CUES if " " not in c and not c.endswith("*"))
_TEMPORAL_PREFIXES = tuple(c[:-1] for c in TEMPORAL_LINK_CUES if " " not in c and c.endswith("*"))
_TEMPORAL_PHRASES = tuple(f" {c} " for c in TEMPORAL_LINK_CUES if " " in c)


_TEMPORAL_RE = re.compile(
    " (?:" + "|".join([re.escape(w) + " " for w in sorted(_TEMPORAL_WORDS)]
                      + [re.escape(p) for p in _TEMPORAL_PREFIXES]
                      + [re.escape(p.strip()) + " " for p in _TEMPORAL_PHRASES]) + ")")


def _areas_told(events: list[Match], named: list[Match] | None = None) -> dict[int, set[ProblemArea]]:
    """The areas of the case's events each clause tells (not denied); with ``named`` (area matches), also the areas
    each clause names, in any words ("the disagreement with Emi")."""
    told: dict[int, set[ProblemArea]] = {}
    for m in events:
        if m.concept.startswith("event:") and not m.negated:
            told.setdefault(m.clause, set()).add(ProblemArea(m.concept[6:]))
    for m in named or ():
        if not m.negated:
            told.setdefault(m.clause, set()).add(ProblemArea(m.concept[5:]))
    return told


def _temporal(tokens: list[str]) -> bool:
    """Whether a clause contains a word that ties events in time ("after", "since", "weeks", "triggered"...)."""
    return _TEMPORAL_RE.search(f" {' '.join(tokens)} ") is not None


_Compiled = tuple[PhraseMatcher, DerivedEvidence]


@per_case
def _matcher_for(reference: ReferenceFormulation, case: Case | None = None) -> _Compiled:
    """One matcher for the clinical vocabulary plus this reference's evidence (one pass over the text).

    Evidence written as plain sentences is turned into terms (:mod:`ipt_training.scoring.evidence`), with the
    case's names when ``case`` is given; hand-written cues are added as they are. Cached per reference (and
    case) object, since a grading run scores many answers against few references.
    """
    items: list[EvidenceItem] = [*reference.key_evidence, reference.timeline_link]
    derived = derive_evidence(
        {item.id: item.text for item in items}, reference.timeline_link.id,
        names=[p.name for p in case.inventory] if case else (),
        skip=[case.patient.name] if case else (), link_event=key_event_texts(case, reference),
        acronyms=case_acronyms([case.vignette, *(e.event for e in case.timeline)]) if case else frozenset(),
        relations=relation_names((p.name, p.relationship) for p in case.inventory) if case else None)
    if case is not None:
        # the case's other words for each item: its vignette, its timeline and its model formulation
        derived = with_context(
            derived, [case.vignette, *(e.event for e in case.timeline if e.kind.value != "symptom"),
                      reference.formulation],
            names=frozenset({n for p in case.inventory for n in proper_names(p.name)}
                            | {n for item in items for n in names_in(item.text)}),
            skip=frozenset(to_ascii_lower(w) for w in case.patient.name.split()),
            left_out=[*(e.event for e in case.timeline if e.kind.value == "symptom"),
                      *set_aside_quotes(reference.rationale)], plain=_domain_words(),
            people=frozenset({n for p in case.inventory for n in proper_names(p.name)}))
    cues: dict[str, Iterable[str | tuple[str, float]]] = {**_domain_cues(), **derived.cues,
            **{f"evidence:{item.id}": item.cues for item in reference.key_evidence if item.cues},
            "timeline": reference.timeline_link.cues}
    if reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
        cues["absence"] = list(ABSENCE_OF_EVENT_CUES)
    return build_matcher(cues, protected=reader_words() | _case_words(case)), derived


@per_case
def _stage_items(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The evidence items of a dispute case whose sentence states its stage, and no other ("Both are still trying:
    they wrote a weekly schedule together", "Since March they no longer talk about it"), read as an answer is, or whose
    hint asks for the stage and whose sentence reads as no other ("How do the brothers communicate now?")."""
    if reference.dispute_stage is None:
        return frozenset()
    matcher, _ = _matcher_for(reference, case)
    found: set[str] = set()
    for item in reference.key_evidence:
        prepared, matches = matcher.find_prepared(clauses(item.text))
        stages = {_STAGE_OF[m.concept] for m in [*matches, *described_stages(prepared)]
                  if m.concept in _STAGE_OF and not m.negated}
        if stages == {reference.dispute_stage} or (not stages and _STAGE_HINT_RE.search(item.hint.lower())):
            found.add(item.id)
    return frozenset(found)


@per_case
def _absence_items(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The evidence items of a deficits case that state or ask for the absence of an event before the onset ("There
    have been no deaths, no conflicts and no changes"; "Is there a death, conflict or change near the onset?"): what
    an answer that showed no event explains the onset has shown, whether or not it was cited."""
    if reference.primary_area is not ProblemArea.INTERPERSONAL_DEFICITS:
        return frozenset()
    matcher, _ = _matcher_for(reference, case)
    found: set[str] = set()
    for item in reference.key_evidence:
        for text in (item.text, item.hint):
            prepared, matches = matcher.find_prepared(clauses(text))
            kinds = {kind for kind, words in _EVENT_KINDS.items() if not words.isdisjoint(chain(*prepared))}
            if (len(kinds) >= 2 or _SEARCH_HINT_RE.search(text.lower()) or no_event_clauses(prepared)
                    or any(m.concept == "absence" and not m.negated for m in matches)):
                found.add(item.id)
    return frozenset(found)


#: The three kinds of event a deficits case has none of (reference 3.4): an item naming two of them is the search
#: for one ("no deaths, disagreements or changes"; "Is there a death, conflict or change near the onset?").
_EVENT_KINDS = {
    "death": frozenset({"death", "deaths", "died", "dead", "bereavement"}),
    "dispute": frozenset({"conflict", "conflicts", "quarrel", "quarrels", "disagreement", "disagreements", "dispute",
                          "disputes", "argument", "arguments", "break-up", "breakup"}),
    "change": frozenset({"change", "changes", "changed", "move", "moved"}),
}
#: A hint that asks what happened before the onset ("What changed just before the symptoms?").
_SEARCH_HINT_RE = re.compile(r"\bwhat (?:changed|happened)\b[^?]*\bbefore\b")


def _stage_fact(reference: ReferenceFormulation, case: Case | None) -> str:
    """The case's sentence that shows its dispute's stage (the first of :func:`_stage_items` in the key's order), or
    "" where none states it."""
    items = _stage_items(reference, case)
    return next((item.text for item in reference.key_evidence if item.id in items and item.text), "")


def _prose(tokens: list[str]) -> bool:
    """Whether a clause reads as prose rather than a list of words (:data:`~ipt_training.scoring.evidence.PROSE_SHARE`
    of function words at least)."""
    return len(tokens) >= 4 and sum(t in FUNCTION_WORDS for t in tokens) >= PROSE_SHARE * len(tokens)


#: A hint that asks for the stage of the dispute, as case authors write them ("Are they still trying to sort it out?",
#: "How do the brothers communicate now?", "Where does the relationship stand now?", "... the stage of the conflict?").
_STAGE_HINT_RE = re.compile(r"\bstill (?:trying|talking|negotiating)\b|\bstage\b|\bstand now\b"
                            r"|\bhow do(?:es)? .{0,40}\b(?:communicate|handle|deal with)\b.{0,40}\b(?:now|since)\b")


#: First words of an inventory entry that make it a group or a description, not a person's name ("The other
#: drivers", "Under-12 rugby team").
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "other", "old", "new", "former", "under",
                        "local", "some", "several", "all", "two", "three", "work", "church", "team"})


@cache
def _people_of(names: tuple[str, ...]) -> frozenset[str]:
    """The first names of ``names`` as the answer's words are written (lower case, ASCII: "Paweł", "Tomás" are the
    answer's "pawel", "tomas")."""
    firsts = (name.replace("-", " ").split()[:1] for name in names)
    return frozenset(to_ascii_lower(w) for first in firsts for w in first
                     if w[:1].isupper() and w.isalpha() and w.lower() not in _NOT_NAMES)


@per_case
def _people(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The case's people by their names, lower case ("carmen"; the patient too), for what a phrase of the plan
    is about and whose state a sentence reports."""
    if case is None:
        return frozenset()
    # A group or a role in the inventory ("Choir friends", "Depot colleagues") names nobody: a word the case's own
    # text writes in lower case ("she stopped singing in the choir") is a common noun, not a person's name.
    common = frozenset(_LOWER_WORD_RE.findall(" ".join([case.vignette, *(e.event for e in case.timeline)])))
    return _people_of((case.patient.name, *(p.name for p in case.inventory))) - common


@per_case
def _model_key(reference: ReferenceFormulation, case: Case | None = None) -> PlanKey:
    """The items of the plan of the case's own model formulation (:mod:`~ipt_training.scoring.model_plan`)."""
    if not reference.formulation:
        return EMPTY_KEY
    matcher, _ = _matcher_for(reference, case)
    return build_key(reference.formulation, matcher.find_prepared, area=reference.primary_area,
                     expected=[*(f"goal:{g}" for g in reference.goals),
                               *(f"strategy:{s}" for s in reference.strategies)],
                     people=_people(reference, case), dead=_the_dead(reference, case),
                     story=" ".join([case.vignette, *(e.event for e in case.timeline)]) if case is not None else "",
                     vocabulary=_domain_words())


_LOWER_WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _case_words(case: Case | None) -> frozenset[str]:
    """The words of the case's own text (vignette, timeline, inventory): spelt correctly there, an answer that uses
    them means them ("carer", "nights"), so typo repair leaves them alone."""
    if case is None:
        return frozenset()
    texts = [case.vignette, case.setting, *(e.event for e in case.timeline),
             *(f"{p.relationship} {p.contact} {p.expectations} {p.recent_change}" for p in case.inventory)]
    return frozenset(t for clause in clauses(" ".join(texts)) for t in clause if t.isalpha())


_MIN_FACT_WORDS = 12
_GAMED_CONFIDENCE = 0.4


def _reading_points(primary: ProblemArea | None, secondary: ProblemArea | None,
                    reference: ReferenceFormulation) -> float:
    """Area points for one reading of the answer (a primary and an optional secondary area)."""
    ref_primary, ref_secondary = reference.primary_area, reference.secondary_area
    alternatives = {alt.area: alt.credit for alt in reference.acceptable_alternatives}
    if primary == ref_primary:
        points = AREA_POINTS
        if secondary is not None and secondary != ref_secondary and secondary not in alternatives:
            points -= 1.0
    elif primary in alternatives:
        # The author's credit for this focus holds, lower or higher than the key's secondary area would earn.
        points = AREA_POINTS * alternatives[primary]
        if secondary == ref_primary:
            points = max(points, 2.0)
    elif primary == ref_secondary:
        points = 2.0 if secondary == ref_primary else 1.5
    elif secondary == ref_primary:
        points = 1.0
    else:
        points = 0.0
    return points


def _area_points(decision: AreaDecision, reference: ReferenceFormulation) -> float:
    """Points for the area; a self-contradicting answer earns half of the better of the readings it gives."""
    if decision.primary is None or decision.stuffing:
        return 0.0
    points = _reading_points(decision.primary, decision.secondary, reference)
    if decision.contradiction:
        others = [_reading_points(a, None, reference) for a in decision.alternatives]
        points = max([points, *others]) / 2
    if decision.unranked:
        # the case's own two foci, named as equally important: right but unranked, so short of full credit only by
        # the choice of which comes first (once, on the area; the plan for either is the case's)
        points = max(points, _reading_points(decision.secondary, decision.primary, reference)) - _UNRANKED_LOSS
    elif decision.undecided:
        # two areas weighed, neither chosen, and a plan made all the same: half of the better of the two
        points = max(points, *(_reading_points(a, None, reference) for a in decision.alternatives)) / 2
    elif decision.tentative:
        points /= 2  # it leans towards the area but leaves the choice open
    return _half(points)


#: How many clauses before a span "later" the event it counts from may be told.
_LATER_REACH = 2
#: How many clauses before a span of the case's own the event it counts from may be named (as the time link's).
_SPAN_REACH = 6

#: What naming the case's two foci as equally important, with neither first, costs on the area.
_UNRANKED_LOSS = 1.0


def _plan_votes(plan: list[Match], prepared: Clauses, words: AnswerWords) -> dict[ProblemArea, float]:
    """Areas the answer's plan serves, from its plan sentences: one vote per goal or strategy specific to an area,
    in the lexicon's words or in plain ones ("help her mourn him", "what each of them really wants")."""
    sentences = set(plan_sentences(prepared, words))
    votes = plain_plan_votes(prepared, words)
    for concept in {m.concept for m in plan if not m.negated and m.clause in sentences}:
        kind, _, cid = concept.partition(":")
        area = (GOALS if kind == "goal" else STRATEGIES)[cid].area
        if area is not None:
            votes[area] = votes.get(area, 0.0) + PLAN_VOTE
    return votes


#: Goals that are no IPT work on a focus (relief of symptoms is every treatment's).
_NO_FOCUS_WORK = frozenset({"goal:general.symptom_relief"})


def _plans_work(plan: list[Match], prepared: Clauses, words: AnswerWords) -> bool:
    """Whether the answer's plan sentences name IPT work, of an area or of any focus ("renegotiate things with Jenny",
    "communication analysis of the morning rows"), not only assessment or symptom relief."""
    if _plan_votes(plan, prepared, words):
        return True
    sentences = set(plan_sentences(prepared, words))
    return any(not m.negated and m.clause in sentences and m.concept not in _NO_FOCUS_WORK for m in plan)


def _proposed_work(own: Clauses, words: AnswerWords, strategies: list[Match], plain: set[str]) -> frozenset[str]:
    """The strategies a formulation told to the patient proposes in its plan sentences ("we'll talk about what the
    school gave you"), not those it reports ("you told me you talk about her"); none when the formulation is not
    said to the patient (at least one clause in two of its own speaks to "you": a letter, a feedback session, not a
    note that quotes the patient once). ``own``: the answer's clauses, those copied from the vignette left empty;
    ``words``: the table of words of all its clauses."""
    if not words.has_any(ADDRESSED):
        return frozenset()  # no clause speaks to "you" (most notes)
    written = len(own) - own.count([])
    if not written or sum(1 for c in words.with_any(ADDRESSED) if own[c]) * _ADDRESSED_SHARE < written:
        return frozenset()
    planned = set(plan_sentences(words.clauses, words))
    return frozenset({m.concept.partition(":")[2] for m in strategies
                      if m.clause in planned and own[m.clause] and not m.negated}
                     | {c.partition(":")[2] for c in plain if c.startswith("strategy:")})


#: A formulation told to the patient: at least one clause in this many speaks to "you".
_ADDRESSED_SHARE = 2


def _own_claim(prepared: Clauses, words: AnswerWords, copied: frozenset[int], primary: ProblemArea | None,
               told: Callable[[], dict[int, set[ProblemArea]]], sentences: Callable[[], list[int] | None]) -> bool:
    """Whether an answer that copies the vignette (``copied``: the clauses copied) says in a clause of its own what
    the problem is, or that the inner work of the focus read is stuck or still to be done: adapting to a change for
    the transition, mourning for grief (stuck_work.py). A problem said of an event of another area than the focus
    read from the whole copy ("The row with the neighbour is the problem." after a copied bereavement) or naming
    another area ("The disagreement with his daughter is the problem.") chooses that other area, not the focus read:
    no claim for it. ``told``: each clause's areas of the events it tells and the areas it names; ``sentences``: the
    sentence of each clause."""
    claims = own_problem_clauses(prepared, copied)
    if claims:
        areas, sentence_of = told(), sentences()
        for c in claims:
            # (the areas told in the claim's sentence: a clause break may cut "the disagreement with / Emi ...")
            said = set().union(*(areas.get(k, ()) for k in ((c,) if sentence_of is None else (
                k for k, s in enumerate(sentence_of) if s == sentence_of[c]))))
            if not said or primary in said:
                return True
    if primary not in (ProblemArea.ROLE_TRANSITION, ProblemArea.GRIEF):
        return False
    adapting = words.has_any(ADAPTING_WORDS) and adapting_said(prepared, words, copied)
    mourning = words.has_any(MOURNING_WORDS) and mourning_said(prepared, words, copied)
    # (both inner works said stuck, "He struggles to adapt to the change and his mourning is stuck", claim both
    # areas' and so choose neither: after a copy, either claim would confirm whichever focus the copy implies)
    return (adapting if primary is ProblemArea.ROLE_TRANSITION else mourning) and not (adapting and mourning)


def _readings(decision: AreaDecision) -> tuple[ProblemArea, ...]:
    """The areas a self-contradicting answer commits to in different places (empty when it does not)."""
    if not decision.contradiction or decision.primary is None:
        return ()
    return tuple(dict.fromkeys([decision.primary, *decision.alternatives]))


def _halve_reading(area: float, results: list[CriterionResult]) -> list[CriterionResult]:
    """The better reading of a two-formulation answer at half: ``results`` (evidence, goals, strategies at their
    full points for that reading) halved so that, with the ``area`` points already halved, the total is half of the
    reading's total rounded down to a half point, as an examiner marks it ("half of 7 is 3.5"; "half of 6.5, rounded
    down, is 3"). Each criterion is first halved and rounded down; the half points the total still allows go to the
    criteria that lost a quarter, in the rubric's order."""
    halves = [math.floor(r.points) / 2 for r in results]  # half of a half-point mark, rounded down to a half point
    lost = [i for i, r in enumerate(results) if r.points != math.floor(r.points)]
    spare = math.floor((area + sum(r.points for r in results) / 2) * 2) / 2 - area - sum(halves)
    for i in lost[:max(0, int(spare * 2))]:
        halves[i] += 0.5
    # (a criterion whose half point halves to none says so, rather than "at half" beside 0 points)
    return [replace(r, points=h) if h or not r.points else
            replace(r, points=h, feedback=r.feedback.replace(feedback.TWO_READINGS_HALF,
                                                             feedback.TWO_READINGS_NONE_LEFT))
            for r, h in zip(results, halves, strict=True)]


def _half(points: float) -> float:
    """Round to the nearest half point, as a human marker would."""
    return math.floor(points * 2 + 0.5) / 2


def _off_focus_areas(found: set[str], table: dict[str, Concept], allowed: set[ProblemArea]) -> set[ProblemArea]:
    return {area for area in (table[c].area for c in found) if area is not None and area not in allowed}


#: What the facts named in a list that chooses no focus earn at most (the examiners' token for a keyword list).
_UNCOMMITTED_LIST_EVIDENCE = 0.5
#: Three pieces of key evidence make a full case for the focus, however many the reference lists (the examiners'
#: rubric: "3 of the key evidence items or more = full").
_FULL_EVIDENCE = 3


def _coverage_points(found: set[str], expected: list[str], max_points: float, share: float,
                     most: int | None = None) -> tuple[float, int, int]:
    need = max(1, math.ceil(len(expected) * share))
    if most is not None:
        need = min(need, most)
    hit = len(found & set(expected))
    return _half(max_points * min(1.0, hit / need)), hit, need


#: Three strategies that fit make a full plan (all of them where the reference lists fewer): with four listed, two
#: are half a plan, as the examiners mark it (half a point each), not all of it.
_FULL_STRATEGIES = 3


def _concepts_needed(listed: int, share: float, most: int | None) -> int:
    """How many of the ``listed`` reference goals or strategies earn full credit: ``share`` of them, at least
    ``most`` (or all of them where fewer are listed), so that a plan that names part of a short list is not credited
    as a full one."""
    need = max(1, math.ceil(listed * share))
    return need if most is None else max(need, min(listed, most))


def _timeline_linked(event_clauses: set[int], prepared: Clauses,
                     onset: Callable[[list[str]], bool] = onset_said) -> bool:
    """A cue of the key event (in ``event_clauses``) next to a word tying it in time to the onset, with the onset
    itself mentioned.

    "Symptoms began two months after the move" links; "a life change after the divorce" does not.
    """
    if not event_clauses:
        return False
    around = {c: _around(c, prepared) for c in event_clauses}
    near = set().union(*around.values())
    temporal = {c for c in near if _temporal(prepared[c])}
    if not temporal:
        return False
    onsets = {c for c in near if onset(prepared[c])}
    return any(span & temporal and span & onsets for span in around.values())


def _argues_other(decision: AreaDecision, reference: ReferenceFormulation, implicit: bool) -> bool:
    """Whether the answer argues a focus of its own other than the key's primary and the alternatives its author
    accepts (not one inferred from its reasoning, nor one of two readings: there the reading may be the scorer's)."""
    return (decision.primary is not None and not implicit and not decision.contradiction and not decision.stuffing
            and decision.primary is not reference.primary_area
            and decision.primary not in {alt.area for alt in reference.acceptable_alternatives})


_LINK_ONSET = "strategy:general.link_onset"


def _planned_for(areas: frozenset[ProblemArea], votes: dict[ProblemArea, float], key: ProblemArea) -> bool:
    """Whether the answer's plan serves one of ``areas`` at least as much as the key's focus (``votes``: the areas its
    goals and strategies serve, :func:`_plan_votes`)."""
    return any(votes.get(a, 0.0) > 0 and votes.get(a, 0.0) >= votes.get(key, 0.0) for a in areas)


@per_case
def _item_areas(reference: ReferenceFormulation, case: Case | None = None) -> dict[str, frozenset[ProblemArea]]:
    """The areas of the events each key item names (items_against.py), read once per case."""
    matcher = _side_matcher("event") if case is None else _event_matcher(reference, case)
    told = case_events(reference, case)

    def find(read: Clauses) -> list[Match]:
        return matcher.find(read) + case_event_matches(read, told)

    symptoms = onset_words(reference, case)
    return item_areas({item.id: item.text for item in reference.key_evidence}, find,
                      lambda tokens: onset_told(tokens, symptoms))


def _related(tokens: list[str]) -> bool:
    return related(tokens, _temporal)


def _key_clauses(derived: DerivedEvidence, terms: list[Match], prepared: Clauses, anniversary: set[int],
                 timing: OnsetTiming | None, onset: Callable[[list[str]], bool]) -> set[int]:
    """The clauses that name the key event: by the words of its item's own or of the link's account of it, by an
    anniversary where the link is one, or by its date (not in a clause that dates the onset: an anniversary's month
    is the onset's own)."""
    # (the words by which the link and the key item both tell the event; the key item's own words only where they
    # share none, since an item about reminders of a death has words of other things: "house" finds "household")
    words = (derived.key_words | {k for k in derived.key_event if not k.startswith("name:")}
             or derived.own.get(derived.key_item, frozenset()))
    named = {m.clause for m in terms if m.concept[5:] in words}
    dated = {c for c in key_dated(timing, prepared) if not onset(prepared[c])} if timing is not None else set()
    return named | anniversary | dated


def _around(c: int, prepared: Clauses) -> set[int]:
    """Clause ``c`` and its neighbours on each side; from a clause of a sentence, passing over one date of one or two
    words to a sentence beyond it (a date in brackets: "a failed mediation (October) preceded the onset" is one
    sentence). Fragments of a list ("Tunde, brother, 2024") stay fragments."""
    span = {k for k in (c - 1, c, c + 1) if 0 <= k < len(prepared)}
    if len(prepared[c]) > _ASIDE_WORDS:
        for aside in (c - 1, c + 1):
            beyond = 2 * aside - c
            if (0 <= beyond < len(prepared) and 0 < len(prepared[aside]) <= _ASIDE_WORDS
                    and len(prepared[beyond]) > _ASIDE_WORDS and all(map(_dated_word, prepared[aside]))):
                span.add(beyond)
    return span


_ASIDE_WORDS = 2
_GRIEF_EVENT = f"event:{ProblemArea.GRIEF.value}"
RETOLD_FEEDBACK = ("The answer tells the case back (events, people and symptoms one after another) but names no "
                   "problem area and makes no claim of its own: it does not say what set the depression off, what "
                   "the problem is or what the work would be, so no focus was chosen and the area earns no credit. "
                   "Say which focus you would work on and why.")
#: (said of a copied vignette: the case restated in the vignette's words, not the answer's own)
COPIED_OUT_FEEDBACK = ("The answer restates the case, much of it in the vignette's words, but names no problem area, "
                       "so no focus was chosen and the area earns no credit. Say which focus you would work on and "
                       "why.")
_CONFLICT_WORDS = feature(frozenset({
    "row", "rows", "rowing", "argue", "argues", "argued", "arguing", "argument", "arguments", "dispute", "disputes",
    "conflict", "conflicts", "quarrel", "quarrels", "fight", "fights", "fighting", "tension", "tensions",
    "disagreement", "disagreements", "clash", "clashes",
}))
_DENIALS = frozenset({"no", "not", "nor", "without", "never"})


def _speaks_of_conflict(prepared: Clauses, words: AnswerWords) -> bool:
    """Whether the answer speaks of a conflict ("the rows with Funmi belong to the change"), not only to deny one
    ("no current conflicts", "a loss, a row, a move - there wasn't anything")."""
    for c in words.with_any(_CONFLICT_WORDS):  # most clauses: no word of conflict, no word-by-word walk
        tokens = prepared[c]
        for k, token in enumerate(tokens):
            if token in _CONFLICT_WORDS and _DENIALS.isdisjoint(tokens[:k]) and (
                    c + 1 == len(prepared) or _DENIALS.isdisjoint(prepared[c + 1])):
                return True
    return False


_MONTH_WORDS = frozenset(m for full in MONTHS for m in (full, full[:3]))


def _dated_word(token: str) -> bool:
    """A word of a date in brackets: a month ("October", "Oct") or a number ("2024", "5/25")."""
    return token in _MONTH_WORDS or token[:1].isdigit()


_KINDS = ("area", "stage", "goal", "strategy", "evidence", "timeline", "term", "event", "absence", "patient",
          "technique")


_KIND_OF: dict[str, str] = {}


def _by_kind(matches: list[Match]) -> dict[str, list[Match]]:
    """Matches grouped by the kind of concept (the part of its name before ``:``), in text order."""
    kinds: dict[str, list[Match]] = {kind: [] for kind in _KINDS}
    kind_of = _KIND_OF
    try:
        for m in matches:
            kinds[kind_of[m[0]]].append(m)  # m[0]: the concept; every concept seen before (the usual case)
        return kinds
    except KeyError:
        kinds = {kind: [] for kind in _KINDS}
    for m in matches:
        kind = kind_of.get(m.concept)
        if kind is None:
            if len(kind_of) > 100_000:
                kind_of.clear()
            kind = kind_of[m.concept] = m.concept.partition(":")[0]
        kinds[kind].append(m)
    return kinds


_STAGE_OF = {f"stage:{s.value}": s for s in DisputeStage}
_STAGE_WORDS = ("impass", "dissol", "renegot", "re-negot")


#: Words a statement that nothing set the episode off, or that its problems are old, cannot do without.
_NO_EVENT_WORDS = frozenset({"no", "not", "nothing", "never", "none", "without", "neither", "nor", "always",
                             "lifelong", "life-long", "long-standing", "longstanding", "years", "decades", "ago",
                             "earlier", "any"})


def _stage_ranking(matches: list[Match]) -> list[tuple[DisputeStage, set[int]]]:
    """The stages the answer's stage matches describe, each with its clauses: the one described in the most
    clauses first, then the earliest."""
    clauses_of: dict[DisputeStage, set[int]] = {}
    for m in matches:
        if not m.negated:
            clauses_of.setdefault(_STAGE_OF[m.concept], set()).add(m.clause)
    return sorted(clauses_of.items(), key=lambda item: (-len(item[1]), min(item[1])))


def _stage_read(answer: FormulationAnswer, ranked: list[tuple[DisputeStage, set[int]]]) -> DisputeStage | None:
    """The stage chosen in the field, or the one the answer describes (``ranked``, :func:`_stage_ranking`)."""
    if answer.dispute_stage is not None:
        return answer.dispute_stage
    # A description may touch several stages ("still trying to talk him round ... the partnership is really
    # over"): the stage described in the most sentences is the answer's reading; a tie is none.
    if not ranked or (len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1])):
        return None
    return ranked[0][0]


def _tied_stages(answer: FormulationAnswer, ranked: list[tuple[DisputeStage, set[int]]]) -> tuple[DisputeStage, ...]:
    """The two stages an answer describes equally often, when its description ties (:func:`_stage_read` reads no
    stage then): "he walked out and the matter is closed" beside "she still hopes to talk it through"."""
    if answer.dispute_stage is not None:
        return ()
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return (ranked[0][0], ranked[1][0])
    return ()


def score_formulation(
    answer: FormulationAnswer | str, reference: ReferenceFormulation, *, reveal: bool = False,
    rubric: str = "supervision", case: Case | None = None,
) -> FormulationReport:
    """Score ``answer`` against ``reference`` with the ``"supervision"`` or the ``"patient"`` rubric.

    ``reveal=True`` (practice cases) lets feedback name the reference focus and point to missed
    evidence; with ``reveal=False`` (assessment) feedback explains rules and the trainee's own
    choices without giving away the key, and the criteria and their wording are the same whatever
    the key is. ``case`` (optional) lets evidence written as plain sentences match the case's names.
    """
    plan = rubric_named(rubric)
    if isinstance(answer, str):
        answer = FormulationAnswer(text=answer)
    cleaned = clean_answer(answer.text)
    if cleaned.text != answer.text:
        answer = replace(answer, text=cleaned.text)
    raw = cleaned.clauses
    matcher, derived = _matcher_for(reference, case)
    prepared, matches = matcher.find_prepared(raw)
    # the answer's words, gathered once for every reader below (the raw ones, when repair changed none)
    words = AnswerWords(prepared, cleaned.vocabulary if matcher.unaltered(cleaned.vocabulary) else None)
    kinds = _by_kind(matches)
    kinds["technique"] = _technique_matcher(reference, case).find_in(raw, cleaned.vocabulary)
    if kinds["technique"]:
        # another therapy's technique is no IPT goal or strategy, whatever IPT cue word is inside its phrase
        kinds["goal"] = outside_techniques(kinds["goal"], kinds["technique"], prepared)
        kinds["strategy"] = outside_techniques(kinds["strategy"], kinds["technique"], prepared)
    # Evidence counts only next to a fact of this case (a name, date or detail), not for IPT words alone.
    # "Key people: Amaru, Clara. Key dates: January 2025, March 2025.": the case's names and dates listed state no fact,
    # cite no item and date no event (the key event's month beside the onset's is no link)
    named_dated = (name_date_lists(prepared, name_words(reference, case))
                   if case is not None and has_dates(cleaned.vocabulary) else frozenset())
    # "Her daughter died of a stroke in January 2025" where the husband died: a death told of someone the case has
    # alive states no fact, cites no item and dates no event (wrong_death.py; read only where a death word is)
    living, dead_words = living_and_dead(reference, case)
    wrong_dead = (wrong_deaths(prepared, living, dead_words)
                  if living and not DEATH_WORDS.isdisjoint(cleaned.vocabulary) else set())
    if wrong_dead:
        named_dated = named_dated | wrong_dead
        for kind in ("evidence", "timeline", "term"):
            kinds[kind] = [m for m in kinds[kind] if m.clause not in wrong_dead]
    unlisted = [[] if c in named_dated else tokens for c, tokens in enumerate(prepared)] if named_dated else prepared
    facts = read_facts(facts_for(reference, case), unlisted)
    if cleaned.words >= TEXTBOOK_WORDS and facts.kin_only():
        facts = facts.who_only_reading()  # "her manager" put into a textbook paragraph is the paragraph still
    # A name or a list of names put in front of a textbook paragraph is the paragraph still: it names who, not what
    # happened or when, so it has no evidence and its goals and strategies earn the textbook share.
    # A date or a number put into the area's textbook list is the list still: it says when, not what happened. (Only
    # with the case's own story to read: the reference alone knows too few of its words to tell a plain account of
    # the event, "the marriage ended in September", from none.)
    dated_only = case is not None and facts.when_only()
    if dated_only:
        facts = FactReading((), frozenset(), facts.prepared, facts.facts)
    named = facts.who_only()
    no_facts = not facts.stated and cleaned.words >= _MIN_FACT_WORDS and not named
    # about the area, not about the patient: a paragraph with no fact of the case, or a shorter answer with none that
    # speaks of nobody at all (not "he has always been a loner": a plain account of this patient)
    textbook = not facts.stated and (cleaned.words >= TEXTBOOK_WORDS
                                     or ((no_facts or (not named and cleaned.words < _MIN_FACT_WORDS))
                                         and case is not None and not facts.speaks_of_someone()))
    thin = facts.thin(cleaned.words) or (named and cleaned.words >= _MIN_FACT_WORDS)  # it goes to review
    for kind in ("evidence", "timeline", "term"):
        # (a kind of fact said of someone, "they keep having the same fight", counts wherever it is in an answer about
        # this patient)
        kinds[kind] = [m for m in kinds[kind] if m.clause in facts.near
                       or (facts.stated and said_of_someone(m.concept, prepared[m.clause]))]
    if reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
        # the search told in the answer's own words ("we looked for what set it off and there was nothing")
        kinds["absence"] += no_event_clauses(prepared)
    if not facts.stated:
        kinds["absence"] = []  # "nothing happened before the onset" needs this patient's story somewhere
    single = listed_words(cleaned.text)
    lists = {c for c, tokens in enumerate(prepared) if word_list(tokens, single)} if single else set()
    lists |= named_dated
    if lists:
        # a run of single words ("Evidence: marcelo, engineer, divorce, january, ...") states no fact of the case: it
        # cites no item, stages no dispute and says nothing of what came before the onset; an item of several words
        # among them keeps what it says ("stroke death 01/2025" in "Grief / Kwabena - stroke death 01/2025 / Ama /
        # Grace / choir / ...")
        for kind in ("evidence", "timeline", "term", "stage", "absence"):
            kinds[kind] = [m for m in kinds[kind] if m.clause not in lists or prepared[m.clause][m.start] not in single]
    # An answer whose only words of the key event are empty event words or the area's name ("there was a conflict",
    # "Role dispute."; each in a clause that says nothing else that happened) names no event (event_told.py); where
    # the event is told elsewhere, "the conflict" points back to it ("... the dispute with Sameer ... Onset January
    # 2025 during the months of conflict").
    def event_named(found: list[Match]) -> list[Match]:
        return [m for m in found if not names_nothing(prepared[m.clause][m.start:m.end + 1], prepared[m.clause],
                                                      facts.facts, reference, case)]

    key_told = bool(event_named(kinds["timeline"])) if kinds["timeline"] else False
    by_context: set[str] = set()  # items stated only in the case's other words for them (counted below)
    link_clauses: set[int] = set()
    if derived.items:
        terms = kinds["term"]
        # (not in the case's words listed one after another in one long clause: no event is told there)
        link_clauses = {c for c in derived.timeline_clauses(terms) if not listing(prepared[c])}
        key_told = key_told or bool(link_clauses and derived.timeline_clauses(event_named(terms)))
    ev_matches = kinds["evidence"] + (kinds["timeline"] if key_told else [])
    if derived.items:
        link_clauses = link_clauses if key_told else set()
        if reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
            # The deficits link says that no event explains the onset, or that the problems are old: a sentence
            # with words of the case's link but none of absence or of long ago ("he links his low mood to the
            # divorce") says the opposite.
            link_clauses = {c for c in link_clauses if not _NO_EVENT_WORDS.isdisjoint(prepared[c])}
        ev_matches += [Match("timeline", c, 0, 0, False, 1.0) for c in link_clauses]
        ev_matches += [Match(f"evidence:{i}", 0, 0, 0, False, 1.0) for i in derived.cited(terms, unlisted, by_context)
                       if i != reference.timeline_link.id]
    if reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
        # With no acute event, the link is the statement that nothing happened before the onset.
        ev_matches += [m._replace(concept="timeline") for m in kinds["absence"]]
    kinds["area"] += stage_choice_matches(prepared, kinds["area"])  # "So dissolution.": the dispute, by its stage
    reading = read_areas(kinds["area"], kinds["goal"] + kinds["strategy"], prepared, words)
    # a secondary area ticked the same as the primary adds nothing (the builder notes it; the answer is not two foci)
    field_secondary = None if answer.secondary_area is answer.primary_area else answer.secondary_area
    decision = decide_areas(answer.primary_area, field_secondary, reading)
    evenly = decision.unranked  # two foci named as equally important
    if evenly and {decision.primary, decision.secondary} != {reference.primary_area, reference.secondary_area}:
        # two areas weighed the same that are not the case's pair: the first is marked at half, as a lean
        decision = replace(decision, secondary=None, unranked=False)
    if (decision.primary is None or (not decision.explicit and not decision.tentative and decision.secondary is None
                                     and reading.best.get(decision.primary) is Reading.HEDGED)) and (
            not decision.stuffing and answer.primary_area is None and (
            pair := undecided_pair(reading, prepared, words)) is not None and _plans_work(
            kinds["goal"] + kinds["strategy"], prepared, words)):
        # "Hard to decide between a role transition and a dispute ... for now I would help her adjust and cut down
        # the rows": no choice, but the answer goes on with the work of the pair; the first named stands for it
        decision = replace(decision, primary=pair[0], alternatives=(pair[1],), tentative=True, undecided=True)
    if (decision.primary is not None and answer.primary_area is None and not decision.explicit
            and decision.secondary is None and not decision.stuffing and not decision.contradiction
            and reading.best.get(decision.primary) is Reading.HEDGED and len(reading.best) == 1):
        # "The calls are turning into fights, so a dispute crossed my mind. But they began with the move. On
        # reflection the move itself is the focus for me": the one area named was weighed, and the writer's own
        # later statement of the focus, the problem or the cause in lay words settles the choice
        settled = settled_later(prepared, words, reading.order[decision.primary][0], _the_dead(reference, case))
        if settled is not None and settled is not decision.primary:
            decision = replace(decision, primary=settled, alternatives=(decision.primary,))
    across = False  # a turn from one focus to another said across clauses (turns.py)
    # The sentence of each clause and the clauses a turning word opened: cut from the text once, when first asked
    # (by the turns read across clauses, the turns in lay words, the link in time).
    sentence_map: list[list[int] | None] = []
    turn_map: list[list[bool] | None] = []

    def sentences_of() -> list[int] | None:
        if not sentence_map:
            sentence_map.append(sentence_ids(cleaned.text, len(prepared)))
        return sentence_map[0]

    def turns_of() -> list[bool] | None:
        if not turn_map:
            turn_map.append(turn_opened(cleaned.text, len(prepared)))
        return turn_map[0]

    lay_at: dict[ProblemArea, tuple[int, int]] = {}  # where a turn said in lay words commits (quoted below)
    if (decision.secondary is not None and field_secondary is None and not decision.contradiction
            and decision.primary is not None and named_main_second(reading, decision.primary, decision.secondary)):
        # "Role dispute ... But the retirement is a role transition too, and I would treat it as the main focus",
        # "Starting university looks like a transition, but ... deficits is the focus": the area a sentence names
        # the focus is the primary, not the secondary
        decision = replace(decision, primary=decision.secondary, secondary=decision.primary)
    if decision.primary is not None and not decision.contradiction and not decision.stuffing and len(reading.best) >= 2:
        pair = turned_across(reading, prepared, sentences_of, turns_of)
        if pair is not None:
            across = True
            decision = replace(decision, contradiction=True, secondary=None,
                               alternatives=tuple(a for a in pair if a is not decision.primary))
    implicit = False
    retold = False  # an area the events would imply, in an answer that only tells the case back
    symptoms = onset_words(reference, case)

    def onset(tokens: list[str]) -> bool:
        return onset_told(tokens, symptoms)  # the onset in clinical words or the case's own for its symptoms

    dead = _the_dead(reference, case)
    told: list[list[Match]] = []  # the events the answer tells, read once when first asked

    def events_told() -> list[Match]:
        if not told:
            told.append(_events(raw, prepared, words, reference, case, dead))
        return told[0]

    if decision.primary is None and not decision.stuffing and not reading.deferred and not possibilities_only(
            reading, words):
        # (two areas each only said possible leave the choice open: the reasoning does not pick the better for them)
        events = events_told()
        votes = _plan_votes(kinds["goal"] + kinds["strategy"], prepared, words)
        death_told = any(m.concept == _GRIEF_EVENT and not m.negated for m in events)
        # the case's dead named where the plan is said ("we will talk about your brother and the accident")
        dead_planned = bool(dead) and any(not dead.isdisjoint(prepared[c]) for c in plan_sentences(prepared, words))
        if facts.stated and not death_told and not dead_planned and not (dead and words.has_any(dead)):
            # Grief's work is about someone who died: grief's words in the plan of an answer that tells this
            # patient's story, tells of no death and names none of the case's dead ("what the principal's office
            # meant to you", "who you might get back in touch with") are about the change, not a bereavement, and
            # vote for no grief.
            votes.pop(ProblemArea.GRIEF, None)
        if not death_told and mourning_planned(prepared, words):
            # a plan that mourns ("let you say how sad you are about it") in an answer that tells no death mourns
            # what the change took: one vote for the transition; one that mourns one of the case's dead, named in
            # the plan ("give the sadness you put off about your brother a place"), mourns him: one for grief
            mourned = ProblemArea.GRIEF if dead_planned else ProblemArea.ROLE_TRANSITION
            votes[mourned] = votes.get(mourned, 0.0) + PLAN_VOTE
        elif death_told and not dead_planned and person_mourned(prepared, words):
            # in an answer that tells a death, a plan to cry or grieve for someone ("she needs to be able to cry for
            # him") mourns the dead: one vote for grief
            votes[ProblemArea.GRIEF] = votes.get(ProblemArea.GRIEF, 0.0) + PLAN_VOTE
        # the cause given by a person of the case's key event ("because his brother makes decisions over his head")
        caused = key_event_area(reference, case) if case is not None else None
        if caused is not None and person_caused(prepared, words, key_people(reference, case),
                                                {m.clause for m in events if m.concept.startswith("event:")},
                                                _people(reference, case) | relation_words(reference, case)):
            votes[caused] = votes.get(caused, 0.0) + 1.0
        inferred = infer_from_events(events, prepared, votes, words, dead)
        if inferred is None and case is not None:
            # The key event the answer ties the onset to, named by the timeline link's own words, settles a tie
            # between areas its reasoning already argues for (the break with his sister, against a plan that also
            # speaks of sadness); alone it makes no choice ("it is stress at work; since you became supervisor you
            # have not slept" chooses no focus).
            key = key_event_matches(prepared, link_clauses, key_event_area(reference, case),
                                    case_events(reference, case))
            if key and (key[0].concept[6:] in {a.value for a in votes}
                        or any(m.concept == key[0].concept and not m.negated for m in events)):
                inferred = infer_from_events(events + key, prepared, votes, words, dead)
        if (inferred is not None or any(m.concept.startswith("event:") and not m.negated for m in events)) and (
                told_in_sequence(prepared) and not own_claims(prepared, onset, plan_sentences(prepared, words),
                                                              _patient_name(case))):
            # The case told back, events and symptoms one after another, with no claim of its own about the cause,
            # the problem or the work: the reader drew the conclusion, not the answer (retelling.py).
            retold = True
        elif inferred is not None:
            decision = replace(decision, primary=inferred)
            implicit = True
    if (decision.primary is None and not decision.stuffing and not reading.deferred
            and words.has_any(ADAPTING_WORDS) and not possibilities_only(reading, words)
            and adapting_said(prepared, words)
            and not (words.has_any(MOURNING_WORDS) and mourning_said(prepared, words))):
        # No area named or read from the events, but a claim of the answer's own that the patient struggles to
        # adapt to a change ("She needs help adjusting to the move.", "-> adjustment to retirement + return"):
        # the transition, chosen in plain words (reference 3.3); a claim, so no retelling either (stuck_work.py);
        # not beside a claim that mourning is stuck, which claims grief's work as well
        decision = replace(decision, primary=ProblemArea.ROLE_TRANSITION)
        implicit, retold = True, False
    if (decision.primary is not None and not decision.contradiction and not decision.stuffing
            and words.has_any(LAY_TURN_WORDS)):
        # Two foci said in lay words, the later reached by a turn ("The main problem is losing the mill ... The main
        # problem, really, is his marriage"), or a named focus turned from that way: two readings (turns.py).
        named_at = None if implicit else reading.order.get(decision.primary)
        lay_pair = turned_in_lay_words(
            None if named_at is None else (named_at[0], decision.primary), prepared, lambda: _areas_told(events_told()),
            sentences_of, turns_of)
        if (lay_pair is not None and named_at is not None and lay_pair[0] is decision.primary
                and answer.primary_area is None and reading.best[decision.primary] < Reading.ASSERTED):
            # the one area named was only weighed ("At first I thought the main problem was grief, but nobody has
            # died: the real problem is the big change in your life"): the focus the turn ranks is the choice
            decision = replace(decision, primary=lay_pair[-1], secondary=None)
            implicit = True
        elif lay_pair is not None:
            # quoted where the turn is said: the last focus ranked in lay words, after the first one (or the name)
            ranks = lay_rankings(prepared, -1 if named_at is None else named_at[0])
            if ranks:
                lay_at = {lay_pair[-1]: ranks[-1]} if named_at is not None or len(ranks) < 2 else {
                    lay_pair[0]: ranks[0], lay_pair[-1]: ranks[-1]}
            across = True
            decision = replace(decision, contradiction=True, secondary=None,
                               alternatives=tuple(a for a in lay_pair if a is not decision.primary))
    split = two_formulations(decision, reading, kinds["goal"] + kinds["strategy"], prepared,
                             from_text=answer.primary_area is None) or plan_for_rejected(
        decision, reading, kinds["goal"] + kinds["strategy"], prepared)
    # Two stages named as the stage of the dispute ("stage impasse ... so this is dissolution") are two readings of
    # the dispute, each with its own plan.
    # A stage named inside a condition ("if it later moves to dissolution, we would ...") plans for a change of stage
    # (reference 3.2): a contingency, not a second reading, and not the stage the answer names now.
    if kinds["stage"]:
        kinds["stage"] = [m for m in plan_work(kinds["stage"], prepared, set(plan_sentences(prepared, words)))
                          if not habitual_silence(prepared[m.clause], m.start)
                          and not hope_held(prepared[m.clause], m.end)]
    firm = [m for m in kinds["stage"] if not contingent(prepared[m.clause], m.start)]
    if firm and len(firm) < len(kinds["stage"]):
        kinds["stage"] = firm
    label_matches = stage_label_matches(kinds["stage"], prepared)
    staged = list(dict.fromkeys(stage for stage, _ in label_matches))  # each stage named, once, in text order
    labels = staged
    if split is None and len(staged) >= 2 and ProblemArea.ROLE_DISPUTE in (decision.primary, decision.secondary):
        split = replace(decision, contradiction=True)
    else:
        staged = []
    if split is None and cleaned.repeated and decision.primary is not None:
        # One formulation written twice with a different area (its plan repeated, so read once): two readings.
        others = [a for a in reading.at_least(Reading.ASSERTED) if a is not decision.primary
                  and a not in reading.secondary_marked and a not in reading.rejected]
        if others or decision.contradiction:
            split = replace(decision, contradiction=True, secondary=None,
                            alternatives=tuple(dict.fromkeys([*others, *decision.alternatives])))
    conflict = None
    if split is None and decision.contradiction and claims_apart(
            decision, kinds["goal"] + kinds["strategy"], stage_names(kinds["stage"], prepared), prepared, words):
        split = replace(decision, secondary=None)  # a claim only one area makes, and a plan of the other's own
    if split is None:
        # Claims that belong to another area than the one chosen (its stage, a long-standing account of the onset,
        # a plan of its own) make a second formulation as well.
        conflict = read_conflict(decision, reading, kinds["goal"] + kinds["strategy"],
                                 [m for _, m in label_matches], prepared,
                                 marked_secondary=field_secondary, bereaved=ProblemArea.GRIEF in reference.areas
                                 or (case is not None and any(e.kind == "death" for e in case.timeline)), words=words,
                                 # an event of another area said to set the episode off (read only where the answer
                                 # speaks of a cause)
                                 events=events_told() if cause_possible(decision, reading, words) else None,
                                 onset=month_index(case.symptom_onset) if case is not None else None)
        if conflict is not None and conflict.other is None:
            split = replace(decision, contradiction=True)
        elif conflict is not None and conflict.other is not None:
            split = replace(decision, contradiction=True, alternatives=(conflict.other, *decision.alternatives),
                            secondary=None if decision.secondary is conflict.other else decision.secondary)
    if split is not None:
        decision = split
    has_dispute = ProblemArea.ROLE_DISPUTE in reference.areas
    # An answer that names the key event only to deny it set off the episode ("more than a year before the onset,
    # so I don't think it is the trigger") makes no link.
    event_clauses = {m.clause for m in ev_matches if m.concept == "timeline"}
    # The link said in one sentence, or in two where one points back to the other (not two facts side by side).
    anniversary = anniversary_clauses(prepared, link_words(reference)) & facts.near
    timing = timing_for(reference, case)
    onset_seen: list[bool] = []  # whether the answer's clauses speak of the onset at all, read once when first asked

    def anywhere(read: Clauses) -> bool:
        if read is not prepared:
            return onset_told_anywhere(read, symptoms)
        if not onset_seen:
            onset_seen.append(onset_told_anywhere(prepared, symptoms))
        return onset_seen[0]

    def link_said(read: Clauses, events: set[int]) -> bool:
        said = stated_link(read, events | anniversary, sentences_of, _temporal, onset, anywhere)
        if said is None:
            said = _timeline_linked(events, read, onset)  # sentences not told apart: clauses side by side
        return said and not link_denied(read, events)

    linked = link_said(prepared, event_clauses) or (
        reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS
        and (any(not m.negated for m in kinds["absence"])
             # the deficits link is also the statement that the isolation is old ("a lifelong loner"), said of
             # this patient: beside a fact of the case, or to the patient ("how alone you have been for years")
             or any(long_standing(tokens) and old_before_onset(tokens) for c, tokens in enumerate(prepared)
                    if c in facts.near or not ADDRESSED.isdisjoint(tokens))))
    if split is None and decision.primary is not None and not decision.stuffing and len(event_clauses) >= 2:
        # The key event said to have set the episode off and, elsewhere, not to have: the answer argues against its
        # own link (a second reading, like "nobody died" beside grief).
        untriggered = link_contradictions(prepared, event_clauses, decision.primary)
        if not untriggered and reference.primary_area is not ProblemArea.INTERPERSONAL_DEFICITS:
            # (the key event argues for the key's area, unless the case's dated events say which it is)
            untriggered = own_link_denied(prepared, event_clauses, decision.primary,
                                          key_event_area(reference, case) or reference.primary_area,
                                          link_said)
        if untriggered:
            conflict = Conflict(decision.primary, None, tuple(untriggered))
            decision = split = replace(decision, contradiction=True)
    span_told = False  # the key event told in the answer's words where its span from the onset is stated
    key_named: set[int] = set()  # clauses that name the key event by its date
    if not linked and timing is not None:
        # The link stated by the case's dates or by the span between event and onset ("sx 5/25", "two months later");
        # the key event's own date names it where the clause says what happened ("became supervisor in September
        # 2024. Two months after, ..."), not in dates and the timeline's kind words ("a change in June 2024")
        case_words = facts_for(reference, case)
        key_named = {c for c in key_dated(timing, unlisted) if says_what(unlisted[c], case_words, reference, case)}
        dated_events = event_clauses | key_named
        sentences = sentences_of()
        linked = bool(dated_events) and dated_link(
            timing, unlisted, dated_events, onset,
            *([] if sentences is None else [lambda i, j: sentences[i] == sentences[j]]))
        # the case's own span from the key event, told beside the onset, names the event in the answer's words; told
        # after "after" ("a couple of months after you had to leave the flat"), the words are the key event's own
        # (and the event is told there, in the clause before, or named in the clauses before it: "two months after
        # the conflict" and nothing else says when, not what happened)
        spanned = [] if linked else [c for c in span_clauses(timing, prepared, onset) if any(
            says_what(unlisted[k], case_words, reference, case) for k in range(max(0, c - 1), c + 1))
                                     or any(c - _SPAN_REACH <= e <= c for e in dated_events)]
        linked = linked or bool(spanned)
        span_told = any(span_event_told(prepared[c]) for c in spanned)
        key_area = None if linked or case is None or decision.primary is None else (
            key_event_area(reference, case) or reference.primary_area)
        if key_area is not None and decision.primary is key_area:
            # the span "later" than an event of the key's kind told just before it ("the move took away his work ...,
            # and three months later he was depressed"), in an answer that reads the case as that kind of event's
            # (what came before the span is the story it argues, not another's)
            later = list(later_span_clauses(timing, prepared, onset))  # (most answers have none: events read after)
            told_at = {m.clause for m in events_told() if m.concept == f"event:{key_area.value}" and not m.negated
                       and m.clause not in wrong_dead} if later else set()
            linked = any(c - k in told_at for c in later for k in range(_LATER_REACH + 1))
    if not linked and event_clauses:
        # the onset, then the story turned back to the key event before it ("It began in November. In the months
        # before, ...; then he paid the deposit")
        linked = told_back(prepared, event_clauses, onset, timing.spans() if timing is not None else ())
    # The key event and the onset each dated, apart, with nothing said of how they are tied: the link implied (half).
    implied = (not linked and timing is not None and dates_apart(timing, unlisted, event_clauses, onset, key_named)
               and not link_denied(prepared, event_clauses) and not any(map(denies_link, prepared)))
    if ((linked or implied) and case is not None and reference.primary_area is not ProblemArea.INTERPERSONAL_DEFICITS
            and decision.primary is not None and not implicit and not decision.contradiction):
        # An answer that argues another focus ties the onset to that focus's event ("six months into the new post",
        # "it follows the quarrel"): however well its sentence matches the link's words or date, the onset is tied to
        # the wrong event (onset_elsewhere.py). So does an answer with the case's focus that then ties the onset to
        # another event and plans the work of that event's focus ("... so the onset is best linked to her aunt's
        # death. I would help her mourn"). (Not where the answer keeps the case's focus and its plan: an answer that
        # names another event beside the onset mostly names the key event too, in words this reader does not know;
        # nor where the focus was inferred from the reasoning or is one of two readings: the reading may be the
        # scorer's, not the answer's.)
        ties = onset_ties(prepared, onset, _related, sentences_of)
        tied = (tied_elsewhere(ties, events_told(), key_event_area(reference, case) or reference.primary_area,
                              _key_clauses(derived, kinds["term"], prepared, anniversary, timing, onset),
                              {c for c in set().union(*ties) if denies_link(prepared[c]) or dismissed(prepared[c])})
        if ties else frozenset())
        if tied and (_argues_other(decision, reference, implicit)
                     or _planned_for(tied, _plan_votes(kinds["goal"] + kinds["strategy"], prepared, words),
                                     reference.primary_area)):
            linked = implied = False
            # ... and a plan to "tie the onset" to that event ties it to the wrong one too
            kinds["strategy"] = [m for m in kinds["strategy"] if m.concept != _LINK_ONSET]
    # "He became low after X. He became low after Y. He became low after Z.": a link said to every event is no link
    # ... and "She became low after X, after Y and after Z", all in the months before the onset, none said of how long
    # after, places the onset after the events and leaves which one set it off open (half the link, as dating them)
    walk = read_walk(prepared, cleaned.text, timeline_words(reference, case)) if linked else Walk.LINK
    walked, chained = walk is Walk.EVERY, walk is Walk.CHAIN
    linked = linked and not walked and not chained and not dated_only
    # (an answer whose only facts are dates, "Role dispute. September 2024, then onset November 2024.", dates the key
    # event without telling it: no link, stated or implied)
    implied = (implied or chained) and not walked and not dated_only
    style = read_style(answer.text, raw, case.vignette if case is not None else None)
    list_linked = linked and style.link_shown  # a link a list shows, not one read from "link onset"
    bare_list = answer.primary_area is None and (
        (not decision.explicit and not list_linked and style.list_like) or style.itemised)
    # A list that names one area only still commits to it ("RT. Promotion. Mourn old role, mastery."), and so does
    # one that chooses an area explicitly ("PA: role dispute - impasse. ... Mother 2021 = resolved grief"); one that
    # names several without choosing has chosen none of them.
    uncommitted_list = bare_list and (decision.primary is None or decision.stuffing or (
        not decision.explicit and not set(reading.listed) <= {decision.primary}))
    # The area chosen in the field beside a list does not make the list reasoning: its goals, strategies and
    # evidence are held to the list rule all the same (only the area is the field's).
    plan_list = bare_list or (answer.primary_area is not None and (style.itemised or (
        not list_linked and style.list_like and not reading.at_least(Reading.CHOSEN))))
    flags: list[str] = []
    if not raw:
        flags.append("empty_answer")
    if decision.stuffing:
        flags.append("keyword_stuffing")
    if decision.contradiction:
        flags.append("self_contradiction")
    if (decision.primary is None or uncommitted_list) and raw:
        flags.append("no_commitment")
    if implicit:
        flags.append("area_from_reasoning")
    if retold:
        flags.append("retelling")
    if style.not_english:
        flags.append("not_english")
    if plan_list:
        flags.append("list_without_reasoning")
    if style.pasted:
        flags.append("pasted_vignette")
    if style.scrambled:
        flags.append("scrambled_words")
    # Another case's model formulation with the names changed: its facts and plan are another patient's.
    copied = copied_formulation(prepared, reference) if cleaned.words >= TEXTBOOK_WORDS else None
    if copied:
        flags.append("copied_formulation")
    flags += cleaned.flags
    if cleaned.pointer and not cleaned.refers_elsewhere and (no_facts or thin or textbook):
        flags.append("refers_elsewhere")  # a pointer in front of a paragraph about the area, not the patient
    if no_facts:
        flags.append("no_case_facts")
    if thin:
        flags.append("few_case_facts")

    # A self-contradicting answer is marked on the better of its readings (the area closest to the key).
    readings = _readings(decision)
    # The text itself commits to one area and then to another ("This is a role transition ... But I think the real
    # focus is grief for his father"), with no plan of its own for one of them: still two readings of the case, and the
    # rubric marks the better one at half on every criterion; so is an area asserted and then denied. (A field choice
    # the text does not share, with a text that keeps to one area, is the area's contradiction only.)
    turned = (split is None and bool(readings) and not decision.stuffing
              and (across or decide_areas(None, None, reading).contradiction))
    denied = len(readings) == 1  # one area asserted and then denied (quoted so below)
    if turned and not decision.alternatives and decision.secondary is not None:
        # An area asserted and then denied, with another kept beside it ("Problem area: grief ... Grief does not fit,
        # nobody died. There is also a role transition ..."): that other area is the answer's second reading, and its
        # plan is marked as the better reading at half, not first halved as another area's plan and then again.
        decision = replace(decision, secondary=None, alternatives=(decision.secondary,))
        readings = _readings(decision)
    better = max(readings, key=lambda a: _reading_points(a, None, reference)) if readings else None
    criteria: list[CriterionResult] = []
    # The case copied out, with an area only implied by its events, restates the vignette and chooses nothing.
    # (unless a sentence of its own says what the problem is: "So the problem is the retirement.")
    # (nor unless one of its own says the inner work of the focus read is stuck: "She needs help adjusting to the
    # move." for a transition, "He needs to grieve for her properly." for grief; stuck_work.py)
    copied_out = implicit and style.pasted and not (case is not None and _own_claim(
        prepared, words, copied_clauses(raw, case.vignette), decision.primary,
        lambda: _areas_told(events_told(), kinds["area"]), sentences_of))
    if copied_out and "no_commitment" not in flags:
        flags.append("no_commitment")
    area_pts = (0.0 if uncommitted_list or copied_out
                else _half(_area_points(decision, reference) * plan.area / AREA_POINTS))
    # The reading marked fits the key on its own (its credit was halved for a second reading, not for its focus).
    area_fits = (_reading_points(better, None, reference) if better is not None
                 else _reading_points(decision.primary, decision.secondary, reference)) >= AREA_POINTS
    # the two statements of a self-contradiction, quoted in the answer's words (none for a list of claims, quoted by
    # the conflict's own feedback, or two stages of one dispute)
    quotes = (commitment_quotes(reading, readings[:1] if denied else readings, prepared, cleaned.text, lay_at)
              if conflict is None and (split is not None or turned) and not staged else None)
    scope = feedback.halved_on(plan.patient_elements)
    # A list that commits to an area earns evidence only where a fragment states it ("Lives alone", "Father died
    # 2/25"); facts only named ("Promotion. Clara.") do not show what happened. (A list that commits to nothing keeps
    # half of what it names, below.)
    listed = plan_list and not style.pasted and not copied and not uncommitted_list
    # A copied vignette restates the case's facts, and they count; which event set the episode off, and when, is the
    # reading a copy does not do, so its sentences earn no link point.
    # A list that chooses no focus (or several areas' keywords with none chosen) shows the case was read, not which
    # event set the episode off: an onset beside an event in it is not a stated link (its facts earn a token below).
    unlinked_list = not copied and not listed and not style.pasted and (
        plan_list or (style.list_like and decision.stuffing and decision.primary is None))
    link_credit = list_linked and not (style.pasted and not copied) and not unlinked_list
    # (the implied link as the stated one is credited: not from a pasted vignette, a list that chose nothing, a list)
    half_link = (implied and not link_credit and not (style.pasted and not copied) and not unlinked_list
                 and not listed and not decision.stuffing)
    # (a list naming three areas or more is told so: that it chose none of them says more than that it is a list)
    area_text = (feedback.LIST_FEEDBACK if uncommitted_list and not decision.stuffing else
                 COPIED_OUT_FEEDBACK if copied_out else
                 RETOLD_FEEDBACK if retold and decision.primary is None else
                 feedback.area_feedback(decision.primary, decision.secondary, reference, area_pts, plan.area,
                                        stuffing=decision.stuffing, contradiction=decision.contradiction,
                                        reveal=reveal, readings=readings,
                                        better_fits=area_fits, two_stages=bool(staged),
                                        deferred=reading.deferred and not decision.stuffing,
                                        # reasoning for another area, never named: the claims' feedback quotes it
                                        other_named=conflict is None or conflict.other is None
                                        or any(c.kind == "focus" for c in conflict.claims),
                                        inferred=implicit,
                                        halved=scope if split is not None or turned else None,
                                        quoted=quotes is not None,
                                        tentative=decision.tentative,
                                        evenly=("pair" if decision.unranked else "first") if evenly else "",
                                        unshown=no_facts or (dated_only and not named),
                                        # (the case's link is the answer's only where the answer makes it)
                                        shown="stated" if link_credit else "implied" if half_link else "",
                                        named_areas=frozenset(reading.best) | frozenset(reading.rejected)
                                        if implicit else frozenset(reading.best) if decision.stuffing
                                        else frozenset()))
    if conflict is not None:
        flags.append("conflicting_claims")
        area_text = f"{area_text} {conflict.feedback(cleaned.text)}"
    elif quotes is not None:
        area_text = f"{area_text} {feedback.two_statements_feedback(*quotes, denied=denied, scope=scope)}"
    if decision.unranked and not uncommitted_list:
        area_text += (" The answer names two foci as equally important without saying which is primary, so it loses"
                      " one point of the area credit: IPT works on one focus, at most two, with one of them first.")
    elif evenly and decision.tentative and not uncommitted_list:
        area_text += (" The answer names two foci as equally important without saying which is primary; only the"
                      " first is marked, at half of the area credit: say which focus you would work on.")
    elif decision.tentative and not uncommitted_list:
        area_text += (" The answer leans towards this focus but leaves the choice open, so it earns half of the"
                      " area credit: say which focus you would work on.")
    if "refers_elsewhere" in flags:
        area_text = f"{cleaned.pointer_feedback} {area_text}"
    criteria.append(CriterionResult("problem_area", "Problem area", area_pts, plan.area, area_text))

    if has_dispute and not labels and not style.pasted and not any(
            prepared[m.clause][m.start].startswith(_STAGE_WORDS) for m in kinds["stage"] if not m.negated):
        # the stage in plain words ("they stopped discussing it"), where the answer names none by its name (a stage
        # it names is its staging, and a copied vignette describes the case, not the trainee's reading of it)
        kinds["stage"] += [m for m in described_stages(prepared) if not contingent(prepared[m.clause], m.start)
                           and m.clause not in lists]
    # one of them still trying beside the other's decision to end is a dissolution seen from the side being left
    kinds["stage"] = pursued_alone(kinds["stage"], prepared)
    # (the stage matches stay as they are from here on: the ranking serves the stage read and the tie below)
    ranked_stages = _stage_ranking(kinds["stage"]) if answer.dispute_stage is None else []
    stage = described = _stage_read(answer, ranked_stages)
    if stage is None and len(labels) == 1:
        # A stage named as the stage beats a tie between descriptions; descriptions that point as much elsewhere
        # leave the dispute not yet clearly identified (no goal credit for that below).
        stage = labels[0]
    if stage is None and not labels:
        # Stage names the answer weighs without choosing ("impasse, or rather dissolution"): named, not none.
        labels = list(dict.fromkeys(_STAGE_OF[m.concept] for m in kinds["stage"] if not m.negated
                                    and prepared[m.clause][m.start].startswith(_STAGE_WORDS)))
    chose_dispute = ProblemArea.ROLE_DISPUTE in (decision.primary, decision.secondary, better)
    if (stage is None and not labels and not kinds["stage"] and chose_dispute and not style.pasted
            and case is not None):
        # The stage told by the fact the case itself states it with ("since March they only leave each other notes"):
        # an answer that chose the dispute, describes no stage of its own and tells that fact in a sentence describes
        # the case's stage.
        told_items = {m.concept[9:] for m in ev_matches if m.concept.startswith("evidence:")}
        stage_told = told_items & _stage_items(reference, case)
        # (told in prose: the case's words listed one after another, "about referred, obstetric, ..., promised",
        # hold the stage fact's words without telling it)
        keys = {k for item in stage_told for k in derived.items.get(item, {})}
        if any(_prose(prepared[m.clause]) for m in kinds["term"] if m.concept[5:] in keys):
            stage = reference.dispute_stage
    # A list that chooses no focus has not chosen the dispute either: a stage word in it is a keyword, not a staging.
    stage_right = has_dispute and chose_dispute and stage == reference.dispute_stage and not uncommitted_list
    stage_pts = plan.stage if stage_right else 0.0
    # A key whose dispute is only secondary: an answer that keeps to the key's primary area alone and handles the
    # conflict within it (reference section 3.0: one focus preferred) has no stage to name, so none is reserved.
    # Naming that conflict as a secondary focus without a stage must not cost more than leaving it out: the stage
    # point is reserved only once the answer stages it (a wrong stage then costs it).
    unstaged_secondary = (decision.secondary is ProblemArea.ROLE_DISPUTE and stage is None and not labels
                          and reference.dispute_stage is not None)
    one_focus = (decision.primary is reference.primary_area and reference.primary_area is not ProblemArea.ROLE_DISPUTE
                 and (decision.secondary is None or unstaged_secondary))
    coverage_max = plan.evidence - plan.link - (plan.stage if has_dispute and not one_focus else 0.0)
    cited = {m.concept[9:] for m in ev_matches if m.concept.startswith("evidence:")}
    if area_fits and decision.primary is not None and not style.pasted:
        # An item told in the case's other words for it ("you gave up your orchestra and your music") counts where
        # the answer reads the case as the case does; an answer arguing another focus retells the same facts as
        # evidence of that focus, and a copied vignette has the vignette's words without telling anything.
        cited |= by_context
    evidence_ids = [item.id for item in reference.key_evidence]
    if _argues_other(decision, reference, implicit) and decision.primary is not None:
        # the items that rule out an event of the focus the answer argues, told as that focus's cause
        # (items_against.py)
        cited -= against(_item_areas(reference, case), decision.primary, reference.primary_area)
    if listed:
        stated = stated_tokens(answer.text, raw)

        def said(m: Match) -> bool:
            # a cue is stated where any of its words lies in an item that states something ("father / stroke
            # Oct 23": the stroke dated in its own item)
            return any((m.clause, k) in stated for k in range(m.start, m.end + 1))

        cited = {m.concept[9:] for m in kinds["evidence"] if said(m)}
        if derived.items:
            cited |= derived.cited([m for m in kinds["term"] if said(m)]) - {reference.timeline_link.id}
    ev_pts, _, _ = _coverage_points(cited, evidence_ids, coverage_max, 0.75, most=_FULL_EVIDENCE)
    if link_credit and not listed and derived.key_item and (
            span_told or derived.key_event_named(kinds["term"], event_clauses)):
        cited.add(derived.key_item)  # the onset tied to the key event names the event ("two months after the loan")
        ev_pts, _, _ = _coverage_points(cited, evidence_ids, coverage_max, 0.75, most=_FULL_EVIDENCE)
    # (where the answer showed that no event explains the onset, a hint asking whether there is one would contradict
    # the sentence that says so)
    shown = _absence_items(reference, case) if link_credit and reveal else frozenset()
    missed_hints = [item.hint for item in reference.key_evidence if item.id not in cited and item.id not in shown]
    deficits = ProblemArea.INTERPERSONAL_DEFICITS
    evidence_text = feedback.evidence_feedback(len(cited & set(evidence_ids)), len(evidence_ids), link_credit,
                                               missed_hints, reference.timeline_link.hint, reveal=reveal,
                                               deficits_key=reference.primary_area is deficits,
                                               deficits_chosen=decision.primary is deficits,
                                               full=ev_pts >= coverage_max,
                                               # (a copied vignette that names no area has chosen none)
                                               no_choice=decision.primary is None or uncommitted_list or copied_out,
                                               implied=half_link, chosen_fits=area_fits)
    # Without a dispute chosen, only a stage named by its name is a staging (M4: "the last stage of fatherhood is
    # over", "his son has stopped speaking to him" describe, and stage no dispute the answer chose).
    staged_named = stage if chose_dispute or labels or answer.dispute_stage is not None else None
    stage_text = feedback.stage_feedback(staged_named, reference, stage_right, chose_dispute, reveal=reveal,
                                         named=labels, fits=area_fits,
                                         # (a stage word that is an item of a keyword list is named, not argued)
                                         listed=answer.dispute_stage is None and staged_named is not None
                                         and (plan_list or stage_listed(answer.text)),
                                         unstaged_secondary=unstaged_secondary and one_focus,
                                         # (no praise for one focus where the answer gives two formulations)
                                         one_focus=decision.primary is not None and decision.secondary is None
                                         and not uncommitted_list and not copied_out and split is None
                                         and not turned
                                         # (an area read from an answer that weighs several as possibilities)
                                         and not (implicit and sum(r is Reading.HEDGED
                                                                   for r in reading.best.values()) >= 2),
                                         tied=_tied_stages(answer, ranked_stages) if not labels else (),
                                         # a conflict the answer speaks of (not one it denies, nor a dispute it
                                         # only mentions: "this is not grief, a dispute or deficits"), or the
                                         # case's own
                                         conflict=(reading.best.get(ProblemArea.ROLE_DISPUTE, Reading.REJECTED)
                                                   >= Reading.HEDGED
                                                   and ProblemArea.ROLE_DISPUTE not in reading.rejected)
                                         or _speaks_of_conflict(prepared, words) or bool(reveal and has_dispute))
    if half_link:
        evidence_text += " " + (CHAIN_FEEDBACK if chained else feedback.IMPLIED_LINK_FEEDBACK)
    evidence_pts = ev_pts + (plan.link if link_credit else plan.link / 2 if half_link else 0.0)
    if copied:
        evidence_pts /= 4
        evidence_text += " " + COPIED_FEEDBACK.format(case=copied)
    elif listed:
        evidence_text += " " + feedback.LISTED_EVIDENCE_FEEDBACK
    elif style.pasted:
        evidence_text += " " + feedback.PASTED_FEEDBACK
    elif unlinked_list:
        # Facts listed without a sentence or a choice are not yet evidence for a focus; a list that chooses no focus
        # shows the case was read, not what its facts are evidence for: they earn a token at most, as its goal and
        # strategy keywords do.
        evidence_pts = min(evidence_pts / 2, _UNCOMMITTED_LIST_EVIDENCE)
        evidence_text += " " + feedback.HALF_LISTED_EVIDENCE_FEEDBACK
    if walked:
        evidence_text += " " + EVERY_EVENT_FEEDBACK
    if wrong_dead:
        evidence_text += " " + WRONG_DEATH_FEEDBACK
    if (no_facts and not wrong_dead) or thin:
        evidence_text += " " + (NO_FACTS_FEEDBACK if no_facts and not dated_only else DATED_ONLY_FEEDBACK if no_facts
                                 else ONE_SENTENCE_FACTS_FEEDBACK if facts.stated and facts.in_one_clause()
                                 else FEW_FACTS_FEEDBACK)
    if cleaned.flags:
        evidence_text += " " + cleaned.feedback
    if (stage_pts or link_credit or half_link) and not copied and not unlinked_list and split is None and (
            not turned and evidence_pts + stage_pts < plan.evidence):
        # points from the link or the stage beside a count of items: say what each part earned, so that "0 of 4
        # items" beside 1 point adds up (the half point of a link the dates imply is the link's)
        parts = feedback.evidence_parts(ev_pts, plan.link if link_credit else plan.link / 2 if half_link else 0.0,
                                        stage_pts,
                                        has_dispute and not one_focus)
        stage_text = f"{stage_text} {parts}".strip()
    criteria.append(CriterionResult(
        "evidence_timeline", "Evidence, timeline link and dispute stage",
        _half(evidence_pts + stage_pts), plan.evidence, f"{evidence_text} {stage_text}".strip(),
    ))

    allowed = {*reference.areas, *(alt.area for alt in reference.acceptable_alternatives)}
    chosen = {better} if better is not None else {a for a in (decision.primary, decision.secondary) if a is not None}
    # A vignette copied into the answer states the case, not a plan: its sentences name no goal or strategy, however
    # many of the plan's words the case's own account happens to use ("she has not cried", "her friends").
    plan_clauses = prepared
    plan_linked = linked  # the link the answer states in its own sentences, which its plan may build on
    if style.pasted and case is not None and (copied_in := copied_clauses(raw, case.vignette)):
        kinds["goal"] = [m for m in kinds["goal"] if m.clause not in copied_in]
        kinds["strategy"] = [m for m in kinds["strategy"] if m.clause not in copied_in]
        plan_clauses = [[] if index in copied_in else clause for index, clause in enumerate(prepared)]
        # a link stated in the copied sentences is the case's account, not the trainee's
        anniversary -= set(copied_in)
        plan_linked = linked and (link_said(plan_clauses, event_clauses - set(copied_in)) or (
            reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS
            and any(not m.negated and m.clause not in copied_in for m in kinds["absence"])))
    # Ending the relationship resolves a dispute only in dissolution (reference 3.2); in another stage a plan that
    # points toward it steers the outcome, and earns neither a resolution nor a plan of action.
    dissolution = DisputeStage.DISSOLUTION in (stage, reference.dispute_stage) or DisputeStage.DISSOLUTION in labels
    steering = (ending_clauses(prepared, kinds["goal"], words) if not dissolution and ProblemArea.ROLE_DISPUTE in chosen
                else set())
    if steering:
        kinds["goal"] = [m for m in kinds["goal"] if m.clause not in steering or m.concept not in _ENDED_GOALS]
    # A plan to keep only the happy memories or move on quickly skips mourning (reference 3.1), in any words.
    hurried = hurried_clauses(prepared, words) if not _MOURNED.isdisjoint(chosen) else set()
    if hurried:
        kinds["goal"] = [m for m in kinds["goal"] if m.clause not in hurried or m.concept not in MOURNING]
        kinds["strategy"] = [m for m in kinds["strategy"] if m.clause not in hurried or m.concept not in MOURNING]
    if ((decision.primary is None or copied_out) and not decision.stuffing and not plan_list and not style.list_like
            and (kinds["goal"] or kinds["strategy"]) and not plan_and_items(prepared, words)):
        # An answer in sentences that chooses no area (or copies the case out) and proposes no work anywhere (no plan
        # word, no offer, no heading) tells the case: "he arranged the funeral and did not cry" is what happened, not
        # a plan to go over the death. (A list of terms or of every area's plan names its plan, and earns the token
        # such lists earn.)
        kinds["goal"], kinds["strategy"] = [], []
    people = _people(reference, case)
    model_key = _model_key(reference, case)
    # The case's story listed word by word in a plan sentence ("we will talk about wife, divorce, marriage, alone,
    # decided") plans no work: its clauses are read by the lexicon only, not in plain words or the model's.
    # (an answer that chose no area has no plan read below, whatever its clauses list)
    story = story_clauses(plan_clauses, model_key, people) if chosen else set()
    plan_read = [[] if index in story else clause for index, clause in enumerate(plan_clauses)] if story else (
        plan_clauses)
    if kinds["technique"]:
        # another therapy's technique and what it is used for plan no IPT work in plain words either ("we will use
        # thought records to look honestly at what he lost"); its cue words inside are dropped above
        plan_read = before_techniques(plan_read, kinds["technique"])
    # (one table of words for the clauses the plan readers read: both readers below share it, and what it works out)
    plan_words = words if plan_read is prepared else AnswerWords(plan_read)
    plain = plain_plan_concepts(plan_read, chosen, ending=dissolution, words=plan_words, people=people, dead=dead,
                                own=case_plan_words(reference, case).words)
    # the plan in the words of the case's own model letter ("weigh up what you could do")
    plain |= {c for c in key_concepts(model_key, plan_read, plan_sentences(plan_read, plan_words), chosen, people)
              if concept_area(c) in chosen or concept_area(c) is None}
    # the techniques of other therapies the plan proposes (thought records, activity scheduling, ...)
    other_therapy = (techniques_planned(kinds["technique"], plan_sentences(prepared, words)) if kinds["technique"]
                     else [])
    concepts = read_concepts(kinds["goal"], kinds["strategy"], expected_goals=reference.goals,
                             expected_strategies=reference.strategies, chosen=chosen,
                             linked=plan_linked and not copied_out,  # the link a copy states is the case's, not a plan
                             # a copy that names no focus has identified no dispute, whatever stage its words suggest
                             stage_named=stage_right and described is not None and cleaned.words >= _MIN_FACT_WORDS
                             and not copied_out, prepared=prepared, people=people,
                             # the plan in plain words ("let him be sad about losing the restaurant"), for the area
                             # the answer chose
                             plain=plain,
                             # said to the patient, the work proposed in the plan's sentences implies its aims
                             proposed=_proposed_work(plan_clauses, words, kinds["strategy"], plain),
                             borrowed=len(other_therapy))
    if decision.primary is reference.primary_area and reference.secondary_area is not None:
        # An answer on the key's primary focus that plans for the key's own secondary focus follows the case's one
        # formulation (M1: "see the new role realistically" in a dispute whose key names the transition as secondary)
        secondary = reference.secondary_area
        concepts.inconsistent -= {c for c in concepts.inconsistent
                                  if (GOALS[c] if c in GOALS else STRATEGIES[c]).area is secondary}
    off_areas = concepts.drawn_on - allowed - chosen
    # Two formulations (each area with a plan of its own): the answer earns half of the better one on every
    # criterion, not only on the area.
    two_readings = split is not None or turned
    if two_readings:
        flags.append("two_readings")
        note = (feedback.stage_conflict_feedback(staged, advise=feedback.NAME_ONE_STAGE not in stage_text)
                if staged else feedback.two_readings_evidence(scope))
        criteria[-1] = replace(criteria[-1], feedback=f"{criteria[-1].feedback} {note}")
    stuffed = concepts.stuffing or decision.stuffing
    penalty = _LISTED if (stuffed or plan_list) else (0.5 if len(off_areas) >= 2 else 1.0)
    if concepts.stuffing and "keyword_stuffing" not in flags:
        flags.append("keyword_stuffing")
    if concepts.inconsistent:
        flags.append("inconsistent_plan")
    # In the areas' own order, so the feedback reads the same in every grading process (sets follow the hash seed)
    # (the phrases are quoted wherever the feedback says the plan mixes areas, so the trainee sees which they were)
    # (stuffing that names the areas, with a plan of a phrase or so for each, is told the phrases of each area it
    # draws on at all: those phrases are what was read as the mix)
    stuffing_phrases = ({a: concepts.phrases(a, prepared) for a in ProblemArea
                         if a in concepts.drawn_on or (decision.stuffing and len(concepts.drawn_on) < 2)}
                        if stuffed or len(off_areas) >= 2 else {})
    # A relationship that is ending staged as one still to be negotiated plans for the wrong work (reference 3.2:
    # dissolution is ended and mourned, not renegotiated), so its dispute goals and strategies earn half, and the
    # feedback says what the stage calls for. (Renegotiation and impasse both work toward negotiation; a plan that
    # ends a relationship still alive is the steering rule above.)
    off_stage = (has_dispute and chose_dispute and stage is not None and not stage_right
                 and reference.dispute_stage is DisputeStage.DISSOLUTION)
    for kind, found, expected, table, max_points, share in (
            ("goals", concepts.goals, reference.goals, GOALS, plan.goals, 1.0),
            ("strategies", concepts.strategies, reference.strategies, STRATEGIES, plan.strategies, 0.5)):
        need = _concepts_needed(len(expected), share, most=None if kind == "goals" else _FULL_STRATEGIES)
        hits = [c for c in expected if c in found]
        staged_off = [c for c in hits if off_stage and table[c].area is ProblemArea.ROLE_DISPUTE]
        credit = sum(0.5 if c in concepts.inconsistent or c in staged_off else 1.0 for c in hits)
        points = _half(max_points * min(1.0, credit / need))
        # Stuffing and a bare list earn at most a token, whatever they name (the examiners: "at most 0.5 each").
        points = min(points, LIST_CAP) if penalty == _LISTED else _half(points * penalty)
        text = feedback.concept_feedback(kind, len(hits), need, expected, found, table, decision.primary,
                                         penalty < 1, reveal=reveal, stuffing_phrases=stuffing_phrases,
                                         inconsistent=[c for c in hits if c in concepts.inconsistent],
                                         inconsistent_words=concepts.inconsistent_words,
                                         mixed=stuffed or len(off_areas) >= 2,
                                         # (a halving explained below: none where nothing is left to halve)
                                         halved=(two_readings and points > 0) or bool(staged_off),
                                         area_full=area_pts >= plan.area or (area_fits and not uncommitted_list))
        if kind == "goals":
            text += _plan_warnings(steering, hurried)
        elif stage is not None and chose_dispute and "dispute.stage" in expected and "dispute.stage" not in found:
            # the stage is staged but not assessed in the plan: the hint points to the stage the case's facts show,
            # never to confirming with the patient a stage the answer got wrong (feedback.establish_stage_hint)
            text = text.replace(STRATEGIES["dispute.stage"].label, feedback.establish_stage_hint(
                stage, reference.dispute_stage, right=stage_right, reveal=reveal,
                fact=_stage_fact(reference, case) if reveal and not stage_right else "",
                described=not any(prepared[m.clause][m.start].startswith(_STAGE_WORDS) and not m.negated
                                  for m in kinds["stage"])))
        if kind == "strategies" and reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
            # a deficits case has no event to link the onset to (reference 3.4): its key's link strategy is the
            # search that finds none
            text = text.replace(STRATEGIES["general.link_onset"].label, feedback.DEFICITS_LINK)
        if kind == "strategies" and other_therapy:
            text += " " + feedback.non_ipt_feedback(other_therapy)
        # (off the stage: the answer named a stage and the key, a dispute, has one)
        if staged_off and penalty == 1.0 and stage is not None and reference.dispute_stage is not None:
            text += " " + feedback.off_stage_feedback(kind, stage, reference.dispute_stage, reveal=reveal)
        elif (off_stage and kind == "goals" and not hits and reveal and stage is not None
              and reference.dispute_stage is not None):
            # a plan for the stage it named, none of it the key's: say what the key's stage calls for
            text += " " + feedback.wrong_stage_plan_feedback(stage, reference.dispute_stage)
        if (textbook or copied) and points:
            why = (f"The {kind} were written for another patient, so they earn a quarter of their credit." if copied
                   else textbook_feedback(kind, few=named))
            points, text = _half(points * TEXTBOOK_SHARE), f"{text} {why}"
            if not points:
                text += " A quarter of what they name rounds to 0 points here."
        if two_readings and points:
            text = f"{text} {feedback.TWO_READINGS_HALF}"
        criteria.append(CriterionResult(kind, kind.capitalize(), points, max_points, text))
    if two_readings:
        criteria[1:] = _halve_reading(criteria[0].points, criteria[1:])
    if plan.patient_elements:
        criteria.extend(_patient_criteria(plan, read_patient_elements(answer.text, prepared,
                                                                            _side_matcher("patient").find(raw)),
                                          listed=plan_list or decision.stuffing))

    confidence = _confidence(answer, raw, decision, implicit, style, plan_list or retold)
    # (an answer that commits to no focus, or names every area, with few fact words of the case stays with the
    # instructor, whichever of the case's people it names: a list of them beside the areas is no account)
    few_words = (decision.primary is None or decision.stuffing) and facts.thin(cleaned.words, story=False)
    if no_facts or thin or few_words or cleaned.flags or copied or "refers_elsewhere" in flags:
        confidence = min(confidence, _GAMED_CONFIDENCE)
    timeline_id = reference.timeline_link.id
    all_ids = [*evidence_ids, timeline_id]
    # One truth for the points, the feedback and the report: the link is cited when it earned its point.
    hit_ids = cited | ({timeline_id} if link_credit else set())
    # A bare list names areas without choosing one: it is reported as no commitment (the instructor's confusion
    # matrix would otherwise count the first area listed as the trainee's choice).
    detected = (None, None) if uncommitted_list or copied_out else (decision.primary, decision.secondary)
    return FormulationReport(
        tuple(criteria), *detected, stage, confidence, tuple(flags),
        evidence_cited=tuple(i for i in all_ids if i in hit_ids),
        evidence_missed=tuple(i for i in all_ids if i not in hit_ids),
        rubric=plan.name,
    )


#: Goals or strategies of keyword stuffing or a bare list: a token at most (:data:`LIST_CAP` points)
_LISTED = 0.25
LIST_CAP = 0.5

_ENDED_GOALS = frozenset({"goal:dispute.resolve", "goal:dispute.plan"})
_MOURNED = frozenset({ProblemArea.GRIEF, ProblemArea.ROLE_TRANSITION})


def _plan_warnings(steering: set[int], hurried: set[int]) -> str:
    """Feedback on a plan that steers a dispute toward ending or skips mourning (reference 3.1, 3.2)."""
    text = f" {feedback.STEERING_FEEDBACK}" if steering else ""
    return f"{text} {feedback.HURRIED_MOURNING_FEEDBACK}" if hurried else text


def _patient_criteria(plan: Rubric, elements: PatientElements, listed: bool = False) -> list[CriterionResult]:
    """Diagnosis and sick role, the time-limited contract, the invitation to agree (patient rubric only).

    A list of terms ("depression, sick role, 12 sessions") names the diagnosis and the sick role without giving them
    to the patient: like a listed plan, it earns a token (:data:`LIST_CAP`) at most.
    """
    sick = _half(plan.sick_role / 2 * (elements.diagnosis + elements.sick_role))
    sick_text = feedback.sick_role_feedback(elements.diagnosis, elements.sick_role, elements.illness)
    if listed and sick > LIST_CAP:
        sick, sick_text = LIST_CAP, f"{sick_text} {feedback.LISTED_SICK_ROLE}"
    return [
        CriterionResult("sick_role", "Diagnosis and sick role", sick, plan.sick_role, sick_text),
        CriterionResult("contract", "Time-limited contract", plan.contract if elements.contract else 0.0,
                        plan.contract, feedback.contract_feedback(elements.contract)),
        CriterionResult("agreement", "Invitation to agree", plan.agreement if elements.agreement else 0.0,
                        plan.agreement, feedback.agreement_feedback(elements.agreement)),
    ]


def _confidence(answer: FormulationAnswer, raw: Clauses, decision: AreaDecision, implicit: bool, style: Style,
                bare_list: bool) -> float:
    """How sure the scorer is of its reading (1 = sure); low values go to the instructor's review queue."""
    words = sum(map(len, raw))
    factors = [1.0]
    if decision.primary is None:
        factors.append(0.9 if words < 5 else 0.5)
    if answer.primary_area is None and decision.primary is not None:
        factors.append(0.95 if decision.explicit else (0.6 if implicit else 0.75))
    if decision.contradiction:
        factors.append(0.5)
    if decision.tentative:
        factors.append(0.6)
    if decision.stuffing:
        factors.append(0.7)
    if style.not_english:
        factors.append(0.3)
    if bare_list or style.pasted:
        factors.append(0.4)
    if 0 < words < 30:
        factors.append(0.75)
    return min(factors)
