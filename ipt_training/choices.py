"""Whether a formulation's chosen areas and dispute stage agree with each other (never whether they are right).

Shared by the formulation builder (a note under its menus) and the assignment's visible check, so a trainee who
picks the same area twice, or stages a dispute without choosing one, hears it before submitting.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.domain import DisputeStage, ProblemArea


@dataclass(frozen=True)
class ChoiceNames:
    """How the three choices are named to the trainee (builder labels or answer variables)."""

    primary: str = "the primary area"
    secondary: str = "the secondary area"
    stage: str = "the dispute stage"


def choice_problems(primary: ProblemArea | None, secondary: ProblemArea | None, stage: DisputeStage | None,
                    names: ChoiceNames = ChoiceNames()) -> list[str]:
    """Plain sentences (without a final full stop) for each inconsistency; empty when the choices agree."""
    problems = []
    if secondary is not None and secondary is primary:
        problems.append(f"{names.secondary} is the same as {names.primary}: choose a different area or none")
    if stage is not None and ProblemArea.ROLE_DISPUTE not in (primary, secondary):
        problems.append(f"{names.stage} applies only to a role dispute: choose a role dispute as an area, or "
                        "leave the stage out")
    return problems
