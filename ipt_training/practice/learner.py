"""Mastery estimates per skill with Bayesian Knowledge Tracing (BKT).

BKT (Corbett & Anderson, 1995) models each skill as a hidden state, *learned* or *not yet learned*.
Before practice a skill is learned with probability ``p_init``; each practice opportunity may teach it
(``p_learn``); a trainee who has learned it still slips (``p_slip``), and one who has not may guess right
(``p_guess``). After every observation the estimate is updated with Bayes' rule and then by the chance of
learning from the attempt. A skill counts as mastered at :data:`MASTERY` (0.95, the usual BKT threshold).

The parameters are fixed, documented defaults rather than fitted: a single trainee's record is far too small
to fit them, and fixed values keep the estimate explainable. With them, three right answers in a row on a
new skill reach mastery, and a wrong answer on a mastered skill drops it below the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ipt_training.practice.skills import Observation

MASTERY = 0.95


@dataclass(frozen=True, slots=True)
class BKTParams:
    """The four BKT parameters (probabilities)."""

    p_init: float = 0.2
    p_learn: float = 0.15
    p_guess: float = 0.2
    p_slip: float = 0.1


DEFAULT_PARAMS = BKTParams()


def update(p_known: float, correct: bool, params: BKTParams = DEFAULT_PARAMS) -> float:
    """The probability a skill is learned after one observation."""
    if correct:
        evidence = p_known * (1 - params.p_slip)
        posterior = evidence / (evidence + (1 - p_known) * params.p_guess)
    else:
        evidence = p_known * params.p_slip
        posterior = evidence / (evidence + (1 - p_known) * (1 - params.p_guess))
    return posterior + (1 - posterior) * params.p_learn


@dataclass
class LearnerModel:
    """Mastery per skill, plus its history after each attempt (for the progress plot)."""

    params: BKTParams = DEFAULT_PARAMS
    mastery: dict[str, float] = field(default_factory=dict)
    history: list[dict[str, float]] = field(default_factory=list)
    observed: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_attempts(cls, attempts: Iterable[Iterable[Observation]],
                      params: BKTParams = DEFAULT_PARAMS) -> LearnerModel:
        """Replay attempts in order; each attempt is the observations it produced."""
        model = cls(params)
        for attempt in attempts:
            model.observe(attempt)
        return model

    def observe(self, observations: Iterable[Observation]) -> None:
        for obs in observations:
            self.mastery[obs.skill] = update(self.estimate(obs.skill), obs.correct, self.params)
            self.observed[obs.skill] = self.observed.get(obs.skill, 0) + 1
        self.history.append(dict(self.mastery))

    def estimate(self, skill: str) -> float:
        """Current probability the skill is learned (``p_init`` when never observed)."""
        return self.mastery.get(skill, self.params.p_init)

    def mastered(self, skill: str) -> bool:
        return self.estimate(skill) >= MASTERY

    def weakest(self, skills: Iterable[str]) -> list[str]:
        """``skills`` ordered from least to most mastered."""
        return sorted(skills, key=lambda s: (self.estimate(s), s))
