"""Adaptive practice order against a random order, on simulated trainees with known weak areas.

Run: python benchmarks/adaptive_practice.py [--learners 200] [--seed 1]

Each simulated trainee has two weak problem areas (not yet learned) and two strong ones, and some weak rubric
skills. On a case they answer the area right with probability 0.9 if they know it and 0.2 if not; a trap case
costs a known area 0.25 of that chance until the trap itself is learned; every attempt teaches an unknown skill
exercised by the case with probability 0.25 (feedback after each attempt). Practice stops when the course's
learner model (BKT) reports mastery of all four areas, or after 150 attempts. The figure is how many attempts
that takes with ``next_case`` against picking an unseen case at random (then any case at random).
Target (issue 14): the adaptive order needs at least 1.5 times fewer attempts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.domain import ProblemArea
from ipt_training.practice.learner import LearnerModel
from ipt_training.practice.recommend import next_case
from ipt_training.practice.record import Attempt
from ipt_training.practice.skills import area_skill

LIMIT = 150
LEARN = 0.25
CRITERIA = ("evidence_timeline", "goals", "strategies", "dispute_stage")


class SimulatedTrainee:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        weak = set(rng.sample(list(ProblemArea), 2))
        self.known: dict[str, bool] = {area_skill(a): a not in weak for a in ProblemArea}
        self.known.update({f"criterion:{c}": rng.random() < 0.5 for c in CRITERIA})

    def _knows(self, skill: str) -> bool:
        return self.known.setdefault(skill, False)

    def attempt(self, case: Case, at: datetime) -> Attempt:
        reference = case.reference
        assert reference is not None
        area = area_skill(reference.primary_area)
        chance = 0.9 if self._knows(area) else 0.2
        if any(not self._knows(f"trap:{t}") for t in case.traps) and self._knows(area):
            chance -= 0.25
        area_right = self.rng.random() < chance
        criteria = {"problem_area": (3.0 if area_right else 0.0, 3.0)}
        for name in CRITERIA:
            if name == "dispute_stage" and reference.dispute_stage is None:
                continue
            right = self.rng.random() < (0.85 if self._knows(f"criterion:{name}") else 0.3)
            criteria[name] = (2.0 if right else 0.5, 2.0)
        for skill in [area, *(f"trap:{t}" for t in case.traps), *(f"criterion:{c}" for c in criteria)]:
            if skill.startswith("criterion:problem_area"):
                continue
            if not self._knows(skill) and self.rng.random() < LEARN:
                self.known[skill] = True
        total = sum(p for p, _ in criteria.values())
        return Attempt(case.id, reference.primary_area.value, tuple(case.traps), criteria, total,
                       sum(m for _, m in criteria.values()), at=at)


Picker = Callable[[Sequence[Case], list[Attempt], random.Random, datetime], Case]


def adaptive(cases: Sequence[Case], attempts: list[Attempt], _rng: random.Random, now: datetime) -> Case:
    recommendation = next_case(cases, attempts, now=now)
    assert recommendation is not None
    return recommendation.case


def random_order(cases: Sequence[Case], attempts: list[Attempt], rng: random.Random, _now: datetime) -> Case:
    seen = {a.case_id for a in attempts}
    unseen = [c for c in cases if c.id not in seen]
    return rng.choice(unseen or list(cases))


def attempts_to_mastery(cases: Sequence[Case], pick: Picker, seed: int) -> int:
    rng = random.Random(seed)
    trainee = SimulatedTrainee(random.Random(seed * 7919 + 1))
    attempts: list[Attempt] = []
    model = LearnerModel()
    clock = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
    while len(attempts) < LIMIT:
        clock += timedelta(hours=6)  # about four practice attempts a day
        attempt = trainee.attempt(pick(cases, attempts, rng, clock), clock)
        attempts.append(attempt)
        model.observe(attempt.observations())
        if all(model.mastered(area_skill(a)) for a in ProblemArea):
            break
    return len(attempts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cases = [c for c in CaseLibrary.load(keys_dir=False) if c.reference is not None]
    per_area = {a.value: sum(c.reference.primary_area is a for c in cases if c.reference) for a in ProblemArea}
    print(f"Practice cases: {len(cases)} ({per_area}); simulated trainees: {args.learners}, two weak areas each")
    results = {}
    for name, picker in (("adaptive", adaptive), ("random", random_order)):
        start = time.perf_counter()
        counts = [attempts_to_mastery(cases, picker, args.seed * 100_003 + i) for i in range(args.learners)]
        results[name] = counts
        capped = sum(c >= LIMIT for c in counts)
        print(f"{name:>8}: mean {statistics.mean(counts):.1f} attempts to mastery of all four areas, median "
              f"{statistics.median(counts):.0f}, {capped} hit the {LIMIT}-attempt limit "
              f"({time.perf_counter() - start:.1f} s)")
    ratio = statistics.mean(results["random"]) / statistics.mean(results["adaptive"])
    print(f"Random order needs {ratio:.2f}x the attempts of the adaptive order (target >= 1.5)")


if __name__ == "__main__":
    main()
