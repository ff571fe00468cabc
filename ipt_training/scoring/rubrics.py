"""The two formulation rubrics, *supervision note* and *patient formulation*, and how each splits 10 points."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rubric:
    """Points per criterion. ``evidence`` includes ``link`` and, when the key has a dispute, ``stage``."""

    name: str
    area: float
    evidence: float
    link: float
    stage: float
    goals: float
    strategies: float
    sick_role: float = 0.0
    contract: float = 0.0
    agreement: float = 0.0

    @property
    def patient_elements(self) -> bool:
        return self.sick_role + self.contract + self.agreement > 0


SUPERVISION = Rubric("supervision", area=3.0, evidence=3.0, link=1.0, stage=1.0, goals=2.0, strategies=2.0)
PATIENT = Rubric("patient", area=3.0, evidence=2.0, link=1.0, stage=0.5, goals=1.5, strategies=1.5,
                 sick_role=1.0, contract=0.5, agreement=0.5)
RUBRICS: dict[str, Rubric] = {r.name: r for r in (SUPERVISION, PATIENT)}


def rubric_named(name: str) -> Rubric:
    """The rubric called ``name``; a clear error for any other name."""
    try:
        return RUBRICS[name]
    except KeyError:
        raise ValueError(f"unknown rubric {name!r}; use one of: {', '.join(RUBRICS)}") from None
