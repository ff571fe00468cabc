"""Score a trainee's interpersonal formulation against a reference, criterion by criterion.

Rubric (10 points):

=====================  ===================  =========================================================
criterion              points               earned by
=====================  ===================  =========================================================
problem_area           3                    committing to the reference focus (partial credit for a
                                            swapped primary/secondary or a defensible alternative)
dispute_stage          1 (dispute cases)    naming the reference stage of the dispute
evidence_timeline      3 (2 with a stage)   citing the case evidence, plus 1 for tying onset in time
                                            to the key event
goals                  2                    naming the goals of the reference focus
strategies             2                    naming strategies that fit the reference focus
=====================  ===================  =========================================================

Naming every area, or goals and strategies from three or more areas, is keyword stuffing and
earns little. Negated mentions ("this is not grief") never count as a commitment.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ipt_training.cases.model import Case, EvidenceItem, ReferenceFormulation
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring import feedback
from ipt_training.scoring.lexicon import (
    AREA_CUES,
    FOCUS_MARKERS,
    GOALS,
    PATIENT_CUES,
    PRIMARY_MARKERS,
    SECONDARY_MARKERS,
    STAGE_CUES,
    STRATEGIES,
    STRONG,
    TEMPORAL_LINK_CUES,
    Concept,
)
from ipt_training.scoring.patient import PatientElements, read_patient_elements
from ipt_training.scoring.report import CriterionResult, FormulationAnswer, FormulationReport
from ipt_training.scoring.rubrics import Rubric, rubric_named
from ipt_training.text.matcher import Clauses, Match, PhraseMatcher, build_matcher
from ipt_training.text.normalize import clauses

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
    for stage, phrases in STAGE_CUES.items():
        cues[f"stage:{stage.value}"] = list(phrases)
    for prefix, concepts in (("goal", GOALS), ("strategy", STRATEGIES)):
        for concept in concepts.values():
            cues[f"{prefix}:{concept.id}"] = list(concept.cues)
    for element, phrases in PATIENT_CUES.items():
        cues[f"patient:{element}"] = list(phrases)
    return cues


_TEMPORAL_WORDS = frozenset(c for c in TEMPORAL_LINK_CUES if " " not in c and not c.endswith("*"))
_TEMPORAL_PREFIXES = tuple(c[:-1] for c in TEMPORAL_LINK_CUES if " " not in c and c.endswith("*"))
_TEMPORAL_PHRASES = tuple(f" {c} " for c in TEMPORAL_LINK_CUES if " " in c)


def _temporal(tokens: list[str]) -> bool:
    """Whether a clause contains a word that ties events in time ("after", "since", "weeks", "triggered"...)."""
    if not _TEMPORAL_WORDS.isdisjoint(tokens) or any(t.startswith(_TEMPORAL_PREFIXES) for t in tokens):
        return True
    joined = f" {' '.join(tokens)} "
    return any(phrase in joined for phrase in _TEMPORAL_PHRASES)


_MATCHERS: dict[int, tuple[ReferenceFormulation, PhraseMatcher]] = {}


def _matcher_for(reference: ReferenceFormulation) -> PhraseMatcher:
    """One matcher for the clinical vocabulary plus this reference's evidence cues (one pass over the text).

    Cached per reference object, since a grading run scores many answers against few references.
    """
    cached = _MATCHERS.get(id(reference))
    if cached is not None and cached[0] is reference:
        return cached[1]
    evidence: list[EvidenceItem] = list(reference.key_evidence)
    cues = {**_domain_cues(), **{f"evidence:{item.id}": item.cues for item in evidence},
            "timeline": reference.timeline_link.cues}
    matcher = build_matcher(cues)
    if len(_MATCHERS) > 1024:
        _MATCHERS.clear()
    _MATCHERS[id(reference)] = (reference, matcher)
    return matcher


@dataclass
class _AreaReading:
    """What the text says about each problem area."""

    asserted: dict[ProblemArea, float]
    negated: set[ProblemArea]
    primary_marked: set[ProblemArea]
    secondary_marked: set[ProblemArea]
    first_position: dict[ProblemArea, tuple[int, int]]
    strong_asserted: set[ProblemArea]


def _near(tokens: list[str], start: int, end: int, words: frozenset[str]) -> bool:
    """Whether a marker word (``"primary"``, or a prefix such as ``"formulat*"``) is within a few tokens."""
    window = tokens[max(0, start - _MARKER_WINDOW):end + 1 + _MARKER_WINDOW]
    if not words.isdisjoint(window):
        return True
    prefixes = _marker_prefixes(words)
    return bool(prefixes) and any(t.startswith(prefixes) for t in window)


@cache
def _marker_prefixes(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(w[:-1] for w in words if w.endswith("*"))


def _read_areas(matches: list[Match], prepared: Clauses) -> _AreaReading:
    asserted: dict[ProblemArea, float] = defaultdict(float)
    negated: set[ProblemArea] = set()
    primary_marked: set[ProblemArea] = set()
    secondary_marked: set[ProblemArea] = set()
    first: dict[ProblemArea, tuple[int, int]] = {}
    strong: set[ProblemArea] = set()
    # Longest match wins where cues overlap ("role dispute" inside "role disputes").
    seen_spans: set[tuple[int, int, str]] = set()
    for m in matches:
        if not m.concept.startswith("area:"):
            continue
        area = ProblemArea(m.concept[5:])
        key = (m.clause, m.end, area.value)
        if key in seen_spans:
            continue
        seen_spans.add(key)
        tokens = prepared[m.clause]
        if m.negated:
            negated.add(area)
            continue
        weight = m.weight
        if weight < STRONG and _near(tokens, m.start, m.end, FOCUS_MARKERS):
            weight = STRONG
        asserted[area] += weight
        if weight >= STRONG:
            strong.add(area)
        first.setdefault(area, (m.clause, m.start))
        if _near(tokens, m.start, m.end, SECONDARY_MARKERS):
            secondary_marked.add(area)
        elif _near(tokens, m.start, m.end, PRIMARY_MARKERS):
            primary_marked.add(area)
    return _AreaReading(dict(asserted), negated, primary_marked, secondary_marked, first, strong)


@dataclass
class _AreaDecision:
    primary: ProblemArea | None
    secondary: ProblemArea | None
    committed: list[ProblemArea]
    stuffing: bool
    contradiction: bool
    margin: float


def _decide_areas(answer: FormulationAnswer, reading: _AreaReading) -> _AreaDecision:
    committed = sorted(
        (a for a, w in reading.asserted.items() if (w >= _ASSERT_THRESHOLD and a not in reading.negated)
         or (a in reading.negated and w >= 2 * _ASSERT_THRESHOLD)),
        key=lambda a: (-(a in reading.primary_marked), reading.first_position[a]),
    )
    contradiction = False
    if answer.primary_area is not None:
        primary: ProblemArea | None = answer.primary_area
        secondary = answer.secondary_area
        if primary in reading.negated and primary not in reading.strong_asserted:
            contradiction = True
        others_marked = reading.primary_marked - {primary, secondary}
        if others_marked & set(committed):
            contradiction = True
        listed = {primary, secondary} - {None}
        extra = [a for a in committed if a not in listed and a not in reading.secondary_marked]
        stuffing = len(listed | set(committed)) >= 3 and len(extra) >= 2
    else:
        primary = committed[0] if committed else None
        secondary_candidates = [a for a in committed[1:] if a in reading.secondary_marked] or committed[1:2]
        secondary = secondary_candidates[0] if secondary_candidates else None
        # An area both asserted outright and rejected is self-contradiction.
        contradiction = any(a in reading.negated and a in reading.strong_asserted for a in committed[:1])
        unmarked = [a for a in committed[1:] if a not in reading.secondary_marked]
        stuffing = len(committed) >= 3 and (not reading.primary_marked or len(unmarked) >= 2)
        stuffing = stuffing or len(committed) == 4
    weights = sorted((reading.asserted.get(a, 0.0) for a in committed), reverse=True)
    margin = (weights[0] - weights[1]) / weights[0] if len(weights) > 1 and weights[0] else 1.0
    return _AreaDecision(primary, secondary, committed, stuffing, contradiction, margin)


def _area_points(decision: _AreaDecision, reference: ReferenceFormulation) -> float:
    if decision.primary is None or decision.stuffing:
        return 0.0
    ref_primary, ref_secondary = reference.primary_area, reference.secondary_area
    alternatives = {alt.area: alt.credit for alt in reference.acceptable_alternatives}
    if decision.primary == ref_primary:
        points = AREA_POINTS
        extra = decision.secondary
        if extra is not None and extra != ref_secondary and extra not in alternatives:
            points -= 1.0
    elif decision.primary == ref_secondary:
        points = 2.0 if decision.secondary == ref_primary else 1.5
    elif decision.primary in alternatives:
        points = AREA_POINTS * alternatives[decision.primary]
        if decision.secondary == ref_primary:
            points = max(points, 2.0)
    elif decision.secondary == ref_primary:
        points = 1.0
    else:
        points = 0.0
    if decision.contradiction:
        points /= 2
    return _half(points)


def _half(points: float) -> float:
    """Round to the nearest half point, as a human marker would."""
    return math.floor(points * 2 + 0.5) / 2


def _concepts_found(matches: list[Match], prefix: str, table: dict[str, Concept]) -> set[str]:
    size = len(prefix)
    return {m.concept[size:] for m in matches
            if not m.negated and m.concept.startswith(prefix) and m.concept[size:] in table}


def _off_focus_areas(found: set[str], table: dict[str, Concept], allowed: set[ProblemArea]) -> set[ProblemArea]:
    return {table[c].area for c in found if table[c].area is not None and table[c].area not in allowed}


def _coverage_points(found: set[str], expected: list[str], max_points: float, share: float) -> tuple[float, int, int]:
    need = max(1, math.ceil(len(expected) * share))
    hit = len(found & set(expected))
    return _half(max_points * min(1.0, hit / need)), hit, need


def _timeline_linked(ev_matches: list[Match], prepared: Clauses) -> bool:
    """A cue of the key event in the same clause as, or next to, a word that ties it to the onset in time."""
    event_clauses = {m.clause for m in ev_matches if m.concept == "timeline"}
    return any(0 <= c + d < len(prepared) and _temporal(prepared[c + d]) for c in event_clauses for d in (-1, 0, 1))


def _stage_read(answer: FormulationAnswer, matches: list[Match]) -> DisputeStage | None:
    if answer.dispute_stage is not None:
        return answer.dispute_stage
    stages = {DisputeStage(m.concept[6:]) for m in matches if m.concept.startswith("stage:") and not m.negated}
    return next(iter(stages)) if len(stages) == 1 else None


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
    raw = clauses(answer.text)
    prepared, matches = _matcher_for(reference).find_prepared(raw)
    ev_matches = [m for m in matches if m.concept.startswith("evidence:") or m.concept == "timeline"]
    reading = _read_areas(matches, prepared)
    decision = _decide_areas(answer, reading)
    has_dispute = ProblemArea.ROLE_DISPUTE in reference.areas
    flags: list[str] = []
    if not raw:
        flags.append("empty_answer")
    if decision.stuffing:
        flags.append("keyword_stuffing")
    if decision.contradiction:
        flags.append("self_contradiction")
    if decision.primary is None and raw:
        flags.append("no_commitment")

    criteria: list[CriterionResult] = []
    area_pts = _half(_area_points(decision, reference) * plan.area / AREA_POINTS)
    criteria.append(CriterionResult(
        "problem_area", "Problem area", area_pts, plan.area,
        feedback.area_feedback(decision.primary, decision.secondary, reference, area_pts, plan.area,
                               stuffing=decision.stuffing, contradiction=decision.contradiction, reveal=reveal),
    ))

    stage = _stage_read(answer, matches)
    chose_dispute = ProblemArea.ROLE_DISPUTE in (decision.primary, decision.secondary)
    stage_right = has_dispute and chose_dispute and stage == reference.dispute_stage
    stage_pts = plan.stage if stage_right else 0.0
    coverage_max = plan.evidence - plan.link - (plan.stage if has_dispute else 0.0)
    cited = {m.concept[9:] for m in ev_matches if m.concept.startswith("evidence:")}
    evidence_ids = [item.id for item in reference.key_evidence]
    ev_pts, _, _ = _coverage_points(cited, evidence_ids, coverage_max, 0.75)
    linked = _timeline_linked(ev_matches, prepared)
    missed_hints = [item.hint for item in reference.key_evidence if item.id not in cited]
    evidence_text = feedback.evidence_feedback(len(cited & set(evidence_ids)), len(evidence_ids), linked,
                                               missed_hints, reference.timeline_link.hint, reveal=reveal)
    stage_text = feedback.stage_feedback(stage, reference, stage_right, chose_dispute, reveal=reveal)
    criteria.append(CriterionResult(
        "evidence_timeline", "Evidence, timeline link and dispute stage",
        _half(ev_pts + (plan.link if linked else 0.0) + stage_pts), plan.evidence, f"{evidence_text} {stage_text}",
    ))

    allowed = {*reference.areas, *(alt.area for alt in reference.acceptable_alternatives)}
    goals_found = _concepts_found(matches, "goal:", GOALS)
    strategies_found = _concepts_found(matches, "strategy:", STRATEGIES)
    off_areas = _off_focus_areas(goals_found, GOALS, allowed) | _off_focus_areas(strategies_found, STRATEGIES, allowed)
    spread_stuffing = len({*(GOALS[g].area for g in goals_found), *(STRATEGIES[s].area for s in strategies_found)}
                          - {None}) >= 3
    penalty = 0.25 if (spread_stuffing or decision.stuffing) else (0.5 if len(off_areas) >= 2 else 1.0)
    if spread_stuffing and "keyword_stuffing" not in flags:
        flags.append("keyword_stuffing")

    goal_pts, goal_hit, goal_need = _coverage_points(goals_found, reference.goals, plan.goals, 2 / 3)
    goal_pts = _half(goal_pts * penalty)
    criteria.append(CriterionResult(
        "goals", "Goals", goal_pts, plan.goals,
        feedback.concept_feedback("goals", goal_hit, goal_need, reference.goals, goals_found, GOALS,
                                  decision.primary, penalty < 1, reveal=reveal),
    ))
    strat_pts, strat_hit, strat_need = _coverage_points(strategies_found, reference.strategies, plan.strategies,
                                                        0.5)
    strat_pts = _half(strat_pts * penalty)
    criteria.append(CriterionResult(
        "strategies", "Strategies", strat_pts, plan.strategies,
        feedback.concept_feedback("strategies", strat_hit, strat_need, reference.strategies, strategies_found,
                                  STRATEGIES, decision.primary, penalty < 1, reveal=reveal),
    ))
    if plan.patient_elements:
        criteria.extend(_patient_criteria(plan, read_patient_elements(answer.text, prepared, matches)))

    confidence = _confidence(answer, raw, reading, decision)
    timeline_id = reference.timeline_link.id
    all_ids = [*evidence_ids, timeline_id]
    timeline_cited = any(m.concept == "timeline" for m in ev_matches)
    hit_ids = cited | ({timeline_id} if timeline_cited else set())
    return FormulationReport(
        tuple(criteria), decision.primary, decision.secondary, stage, confidence, tuple(flags),
        evidence_cited=tuple(i for i in all_ids if i in hit_ids),
        evidence_missed=tuple(i for i in all_ids if i not in hit_ids),
        rubric=plan.name,
    )


def _patient_criteria(plan: Rubric, elements: PatientElements) -> list[CriterionResult]:
    """Diagnosis and sick role, the time-limited contract, the invitation to agree (patient rubric only)."""
    sick = _half(plan.sick_role / 2 * (elements.diagnosis + elements.sick_role))
    return [
        CriterionResult("sick_role", "Diagnosis and sick role", sick, plan.sick_role,
                        feedback.sick_role_feedback(elements.diagnosis, elements.sick_role)),
        CriterionResult("contract", "Time-limited contract", plan.contract if elements.contract else 0.0,
                        plan.contract, feedback.contract_feedback(elements.contract)),
        CriterionResult("agreement", "Invitation to agree", plan.agreement if elements.agreement else 0.0,
                        plan.agreement, feedback.agreement_feedback(elements.agreement)),
    ]


def _confidence(answer: FormulationAnswer, raw: Clauses, reading: _AreaReading, decision: _AreaDecision) -> float:
    """How sure the scorer is of its reading (1 = sure); low values go to the instructor's review queue."""
    words = sum(len(c) for c in raw)
    factors = [1.0]
    if decision.primary is None:
        factors.append(0.9 if words < 5 else 0.5)
    if answer.primary_area is None and decision.primary is not None:
        factors.append(0.95 if decision.primary in reading.strong_asserted else 0.6)
        if decision.margin < 0.34:
            factors.append(0.6)
    if decision.contradiction:
        factors.append(0.5)
    if decision.stuffing:
        factors.append(0.7)
    if 0 < words < 30:
        factors.append(0.75)
    return min(factors)
