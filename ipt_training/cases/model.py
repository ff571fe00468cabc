"""Typed case objects: vignette, timeline, interpersonal inventory and reference formulation."""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ipt_training.domain import DisputeStage, ProblemArea

_DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class CaseSet(str, Enum):
    """Practice references ship with the package; assessment references are instructor-only."""

    PRACTICE = "practice"
    ASSESSMENT = "assessment"


class Closeness(str, Enum):
    """Rings of the closeness circle."""

    INNER = "inner"
    MIDDLE = "middle"
    OUTER = "outer"


class EventKind(str, Enum):
    DEATH = "death"
    CONFLICT = "conflict"
    CHANGE = "change"
    LOSS = "loss"
    SYMPTOM = "symptom"
    OTHER = "other"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Patient(_Strict):
    name: str = Field(min_length=1)
    age: int = Field(ge=12, le=110)
    gender: str = Field(min_length=1)
    background: str = Field(min_length=1, description="Culture, occupation, living situation.")


class TimelineEvent(_Strict):
    date: str = Field(description="YYYY-MM or YYYY-MM-DD")
    event: str = Field(min_length=3)
    kind: EventKind

    @field_validator("date", mode="before")
    @classmethod
    def _date_format(cls, value: object) -> str:
        text = str(value)
        if not _DATE_RE.match(text):
            raise ValueError(f"date must look like YYYY-MM or YYYY-MM-DD, got {text!r}")
        return text


class Person(_Strict):
    """One row of the interpersonal inventory."""

    name: str = Field(min_length=1)
    relationship: str = Field(min_length=1)
    closeness: Closeness
    contact: str = Field(min_length=1, description="How often and how they are in touch.")
    expectations: str = Field(min_length=1)
    satisfactions: str = ""
    dissatisfactions: str = ""
    change_wished: str = ""
    recent_change: str = Field("", description="How the relationship changed around onset.")
    deceased: bool = False


class EvidenceItem(_Strict):
    """A piece of case evidence a good formulation cites.

    ``text`` states the evidence as a plain sentence (the scorer derives what to match from it);
    ``cues`` are optional hand-written matcher phrases added on top. At least one of the two is needed.
    """

    id: str
    hint: str = Field(min_length=3, description="Trainee-facing pointer that does not give the answer away.")
    text: str = Field("", description="The evidence as a plain sentence, e.g. 'Her father died in March.'")
    cues: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_text_or_cues(self) -> EvidenceItem:
        if not self.text.strip() and not self.cues:
            raise ValueError(f"evidence item {self.id!r} needs a plain-sentence 'text' or a list of 'cues'")
        return self


class AlternativeArea(_Strict):
    """A defensible alternative focus that earns partial credit."""

    area: ProblemArea
    credit: float = Field(gt=0, le=1)
    reason: str = Field(min_length=3)


class ReferenceFormulation(_Strict):
    """The expert answer for a case. Never shown verbatim to trainees on assessment cases."""

    primary_area: ProblemArea
    secondary_area: ProblemArea | None = None
    dispute_stage: DisputeStage | None = None
    acceptable_alternatives: list[AlternativeArea] = Field(default_factory=list)
    key_evidence: list[EvidenceItem] = Field(min_length=2)
    timeline_link: EvidenceItem
    goals: list[str] = Field(min_length=1, description="Goal concept ids from ipt_training.scoring.lexicon")
    strategies: list[str] = Field(min_length=1, description="Strategy concept ids from ipt_training.scoring.lexicon")
    rationale: str = Field(min_length=10, description="Why this area and not the others (instructor-facing).")
    formulation: str = Field(min_length=40, description="Model formulation as said to the patient.")

    @model_validator(mode="after")
    def _consistent(self) -> ReferenceFormulation:
        areas = {self.primary_area, self.secondary_area}
        if self.secondary_area == self.primary_area:
            raise ValueError("secondary_area must differ from primary_area")
        has_dispute = ProblemArea.ROLE_DISPUTE in areas
        if has_dispute and self.dispute_stage is None:
            raise ValueError("dispute_stage is required when a role dispute is the primary or secondary area")
        if not has_dispute and self.dispute_stage is not None:
            raise ValueError("dispute_stage is only allowed when a role dispute is the primary or secondary area")
        from ipt_training.scoring.lexicon import GOALS, STRATEGIES

        unknown = [g for g in self.goals if g not in GOALS] + [s for s in self.strategies if s not in STRATEGIES]
        if unknown:
            raise ValueError(f"unknown goal/strategy concept ids: {unknown}")
        return self

    @property
    def areas(self) -> tuple[ProblemArea, ...]:
        return (self.primary_area,) if self.secondary_area is None else (self.primary_area, self.secondary_area)


class Case(_Strict):
    """A case vignette with its inventory and timeline; ``reference`` is None when keys are not available."""

    id: str
    title: str = Field(min_length=3)
    set: CaseSet
    difficulty: str = Field(pattern="^(beginner|intermediate|advanced)$")
    traps: list[str] = Field(default_factory=list)
    patient: Patient
    setting: str = Field(min_length=3)
    vignette: str = Field(min_length=200)
    symptom_onset: str
    timeline: list[TimelineEvent] = Field(default_factory=list)
    inventory: list[Person] = Field(default_factory=list)
    reference: ReferenceFormulation | None = None

    @model_validator(mode="after")
    def _practice_cases_are_complete(self) -> Case:
        if self.set is CaseSet.PRACTICE and (len(self.timeline) < 2 or len(self.inventory) < 2):
            raise ValueError("practice cases need a timeline and an inventory with at least 2 entries each")
        return self

    @field_validator("id")
    @classmethod
    def _id_format(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("id must be lower-case words joined by hyphens, e.g. 'p-13'")
        return value

    @field_validator("symptom_onset", mode="before")
    @classmethod
    def _onset_format(cls, value: object) -> str:
        return TimelineEvent._date_format(value)

    @property
    def primary_area(self) -> ProblemArea | None:
        return None if self.reference is None else self.reference.primary_area

    def without_reference(self) -> Case:
        """A copy safe to show a trainee."""
        return self.model_copy(update={"reference": None})
