"""Pick the next practice case: a due trap review first, else an unseen case aimed at the weakest skill.

The reason shown to the trainee never names the case's problem area or trap before the attempt (that would
give the answer away); it names the skill being practised in general terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ipt_training.cases.model import Case
from ipt_training.practice.learner import LearnerModel
from ipt_training.practice.record import Attempt
from ipt_training.practice.review import due_traps
from ipt_training.practice.skills import TRACKED_CRITERIA, area_skill, criterion_skill, trap_skill

_DIFFICULTY_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The case to practise next and a trainee-facing reason."""

    case: Case
    reason: str
    target_skill: str


def case_skills(case: Case) -> list[str]:
    """Skills a case exercises (needs its reference)."""
    assert case.reference is not None
    skills = [area_skill(case.reference.primary_area), *(trap_skill(t) for t in case.traps)]
    criteria = [c for c in TRACKED_CRITERIA if c != "dispute_stage" or case.reference.dispute_stage is not None]
    return skills + [criterion_skill(c) for c in criteria]


def _need(case: Case, model: LearnerModel) -> float:
    """How much the trainee needs this case: the gap to mastery of its area, traps and criteria."""
    reference = case.reference
    assert reference is not None
    gaps = [1 - model.estimate(area_skill(reference.primary_area))]
    gaps += [1 - model.estimate(trap_skill(t)) for t in case.traps]
    area_gap = max(gaps)
    criteria_gap = sum(1 - model.estimate(s) for s in case_skills(case) if s.startswith("criterion:"))
    return 2 * area_gap + criteria_gap / len(TRACKED_CRITERIA)


def _difficulty_fit(case: Case, model: LearnerModel) -> float:
    """0 for a case at the right level, negative further away: easy cases while an area is far from mastered."""
    assert case.reference is not None
    level = model.estimate(area_skill(case.reference.primary_area))
    wanted = 0 if level < 0.5 else (1 if level < 0.8 else 2)
    return -abs(_DIFFICULTY_ORDER.get(case.difficulty, 1) - wanted)


def _rank(case: Case, target: str, model: LearnerModel) -> tuple[float, ...]:
    """Higher is better. For an area, clear cases at the right level come before trap cases (traps are
    practised once the area itself is sound); otherwise the case with the most to teach wins."""
    if target.startswith("area:") and not model.mastered(target):
        return (_difficulty_fit(case, model), -len(case.traps), _need(case, model))
    return (_need(case, model), _difficulty_fit(case, model))


def target_skill(pool: Sequence[Case], model: LearnerModel) -> str:
    """The skill to practise next: the least mastered problem area, else the weakest trap or criterion."""
    areas = {area_skill(c.reference.primary_area) for c in pool if c.reference is not None}
    open_areas = [s for s in areas if not model.mastered(s)]
    if open_areas:
        return model.weakest(open_areas)[0]
    others = {s for c in pool for s in case_skills(c) if not s.startswith("area:")}
    return model.weakest(others)[0] if others else model.weakest(areas)[0]


def next_case(cases: Iterable[Case], attempts: Sequence[Attempt], *, now: datetime | None = None,
              model: LearnerModel | None = None) -> Recommendation | None:
    """The next case to practise, or None when there is no practice case with a reference.

    Order of preference: an unseen case with a trap that is due for spaced review; else a case that exercises
    the weakest skill, unseen if one is left, otherwise the one seen longest ago.
    """
    pool = [c for c in cases if c.reference is not None]
    if not pool:
        return None
    learner = model or LearnerModel.from_attempts(a.observations() for a in attempts)
    seen_at: dict[str, int] = {a.case_id: i for i, a in enumerate(attempts)}

    def freshest(group: list[Case]) -> list[Case]:
        unseen = [c for c in group if c.id not in seen_at]
        if unseen:
            return unseen
        oldest = min(seen_at[c.id] for c in group)
        return [c for c in group if seen_at[c.id] == oldest]

    for trap in due_traps(attempts, now):
        # Review with a case the trainee has not seen: answering a remembered vignette again tests memory.
        fresh = [c for c in pool if trap in c.traps and c.id not in seen_at]
        if fresh:
            return Recommendation(min(fresh, key=lambda c: c.id),
                                  "Review: a new case with a pitfall you met before, spaced so that it sticks.",
                                  trap_skill(trap))
    target = target_skill(pool, learner)
    group = [c for c in pool if target in case_skills(c)] or pool
    best = max(freshest(group), key=lambda c: _rank(c, target, learner))
    return Recommendation(best, _reason(target, learner, fresh=best.id not in seen_at), target)


def _reason(skill: str, model: LearnerModel, *, fresh: bool) -> str:
    estimate = round(model.estimate(skill) * 100)
    kind = skill.partition(":")[0]
    if kind == "criterion":
        from ipt_training.practice.skills import skill_label

        what = skill_label(skill).lower()
    elif kind == "trap":
        what = "spotting a common pitfall in choosing the focus"
    else:
        what = "choosing the problem area in a kind of case you have not yet mastered"
    again = "" if fresh else " You have seen every case that fits, so this one comes back for another try."
    return f"Picked for {what} (your current estimate: {estimate}%).{again}"
