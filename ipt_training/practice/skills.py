"""Skills the course tracks, and how one scored practice attempt becomes observations of them.

A skill is a string ``kind:name``:

* ``area:<problem area>`` -- choosing the right focus on a case whose reference is that area;
* ``criterion:<rubric criterion>`` -- earning most of a rubric criterion (evidence, goals, strategies, stage);
* ``trap:<trap>`` -- not falling into a case's trap (choosing the right area on a trap case).

An observation is *correct* when the trainee earned at least :data:`CORRECT_FRACTION` of the criterion's
points (the area criterion for area and trap skills).
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.domain import ProblemArea

#: Share of a criterion's points that counts as getting it right.
CORRECT_FRACTION = 0.75
AREA_CRITERION = "problem_area"
#: Rubric criteria tracked as skills of their own (the area is tracked per problem area instead).
TRACKED_CRITERIA = ("evidence_timeline", "goals", "strategies", "dispute_stage")


@dataclass(frozen=True, slots=True)
class Observation:
    """One piece of evidence about one skill."""

    skill: str
    correct: bool


def area_skill(area: ProblemArea | str) -> str:
    return f"area:{ProblemArea(area).value}"


def trap_skill(trap: str) -> str:
    return f"trap:{trap}"


def criterion_skill(criterion: str) -> str:
    return f"criterion:{criterion}"


def observations(reference_area: ProblemArea | str, traps: list[str] | tuple[str, ...],
                 criteria: dict[str, tuple[float, float]]) -> list[Observation]:
    """Observations from one attempt: ``criteria`` maps criterion name to ``(points, max_points)``."""
    result: list[Observation] = []
    area_points = criteria.get(AREA_CRITERION)
    if area_points is not None:
        area_right = _correct(*area_points)
        result.append(Observation(area_skill(reference_area), area_right))
        result.extend(Observation(trap_skill(trap), area_right) for trap in traps)
    for name in TRACKED_CRITERIA:
        if name in criteria:
            result.append(Observation(criterion_skill(name), _correct(*criteria[name])))
    return result


def _correct(points: float, max_points: float) -> bool:
    return max_points > 0 and points / max_points >= CORRECT_FRACTION - 1e-9


#: Plain names for the case library's trap tags (``docs/authoring-cases.md``); an unknown tag is spelled out.
TRAP_LABELS = {
    "delayed-grief": "a grief reaction that was put off and surfaces later",
    "dispute-vs-transition-timing": "telling a dispute from a transition by what came first",
    "distant-transition-not-linked": "a life change too long before the onset to explain it",
    "hidden-grief": "a death the patient does not bring up first",
    "impasse-vs-dissolution": "telling an impasse from a dissolution",
    "minor-event-not-significant": "a minor event offered as the cause",
    "non-death-loss": "a loss that is not a death",
    "old-death-mourned": "an old death that has already been mourned",
    "withdrawal-not-deficits": "withdrawal that is a symptom of the episode, not deficits",
}


def trap_label(trap: str) -> str:
    """A trainee-facing name for a trap tag, in lower case (``"a minor event offered as the cause"``)."""
    return TRAP_LABELS.get(trap, trap.replace("-", " ").replace("_", " "))


def skill_label(skill: str) -> str:
    """A trainee-facing name for a skill."""
    kind, _, name = skill.partition(":")
    if kind == "area":
        return f"Recognising {ProblemArea(name).label.lower()}"
    if kind == "trap":
        return f"Avoiding the trap: {trap_label(name)}"
    labels = {"evidence_timeline": "Citing evidence and the timeline link", "goals": "Naming fitting goals",
              "strategies": "Naming fitting strategies", "dispute_stage": "Staging a role dispute"}
    return labels.get(name, name.replace("_", " ").capitalize())
