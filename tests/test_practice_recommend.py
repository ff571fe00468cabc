"""The next-case recommender: which cases must and must not be recommended."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.domain import ProblemArea
from ipt_training.practice.recommend import next_case
from ipt_training.practice.record import Attempt

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
AREAS = [a.value for a in ProblemArea]


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [c for c in CaseLibrary.load(keys_dir=False) if c.reference is not None]


def attempt_on(case: Case, right: bool, at: datetime) -> Attempt:
    assert case.reference is not None
    criteria = {"problem_area": (3.0 if right else 0.0, 3.0), "evidence_timeline": (3.0, 3.0),
                "goals": (2.0, 2.0), "strategies": (2.0, 2.0)}
    return Attempt(case.id, case.reference.primary_area.value, tuple(case.traps), criteria,
                   sum(p for p, _ in criteria.values()), 10.0, at=at)


def history(cases: list[Case], right_areas: set[str], rounds: int = 3) -> list[Attempt]:
    """Every area practised ``rounds`` times on trap-free cases: right in ``right_areas``, wrong elsewhere."""
    out: list[Attempt] = []
    at = T0
    for area in AREAS:
        plain = [c for c in cases if c.reference and c.reference.primary_area.value == area and not c.traps]
        for i in range(rounds):
            at += timedelta(minutes=10)
            out.append(attempt_on(plain[i % len(plain)], area in right_areas, at))
    return out


def test_a_new_trainee_gets_a_case_without_traps(cases):
    rec = next_case(cases, [], now=T0)
    assert rec is not None and rec.case.traps == []


def test_the_weak_area_is_recommended_and_mastered_areas_are_not(cases):
    attempts = history(cases, right_areas={"grief", "role_transition", "interpersonal_deficits"})
    rec = next_case(cases, attempts, now=attempts[-1].at)
    assert rec is not None
    assert rec.case.reference.primary_area is ProblemArea.ROLE_DISPUTE
    assert rec.target_skill == "area:role_dispute"


def test_an_unseen_case_is_preferred_over_one_already_done(cases):
    attempts = history(cases, right_areas={"grief", "role_transition", "interpersonal_deficits"}, rounds=1)
    seen = {a.case_id for a in attempts}
    rec = next_case(cases, attempts, now=attempts[-1].at)
    assert rec is not None and rec.case.id not in seen


def test_the_reason_never_names_the_area_or_trap_before_the_attempt(cases):
    attempts = history(cases, right_areas={"grief"})
    rec = next_case(cases, attempts, now=attempts[-1].at)
    assert rec is not None
    words = ("grief", "dispute", "transition", "deficit", "bereave", "death", "conflict", "isolation")
    assert not any(w in rec.reason.lower() for w in words)


def test_a_due_trap_review_comes_first_with_a_new_case_with_that_trap(cases):
    trap_cases: dict[str, list[Case]] = {}
    for case in cases:
        for trap in case.traps:
            trap_cases.setdefault(trap, []).append(case)
    trap, with_trap = next((t, cs) for t, cs in trap_cases.items() if len(cs) >= 2)
    attempts = history(cases, right_areas=set(AREAS))
    attempts.append(attempt_on(with_trap[0], right=False, at=attempts[-1].at + timedelta(minutes=5)))
    soon = next_case(cases, attempts, now=attempts[-1].at + timedelta(minutes=10))
    assert soon is not None and soon.target_skill != f"trap:{trap}"  # not yet due
    later = next_case(cases, attempts, now=attempts[-1].at + timedelta(days=2))
    assert later is not None and later.target_skill == f"trap:{trap}"
    assert trap in later.case.traps and later.case.id != with_trap[0].id


def test_cases_without_a_reference_are_never_recommended(cases):
    stripped = [c.without_reference() for c in cases]
    assert next_case(stripped, [], now=T0) is None
    mixed = [*stripped[:5], cases[6]]
    rec = next_case(mixed, [], now=T0)
    assert rec is not None and rec.case.id == cases[6].id
