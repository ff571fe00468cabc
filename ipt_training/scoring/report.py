"""Typed results of scoring: one :class:`CriterionResult` per rubric criterion, gathered in a report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ipt_training.domain import DisputeStage, ProblemArea


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """Points earned on one rubric criterion, with a plain-language explanation."""

    criterion: str
    label: str
    points: float
    max_points: float
    feedback: str

    @property
    def fraction(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0


class ScoredCriteria:
    """Total, maximum and lookup for any result made of :class:`CriterionResult` rows."""

    __slots__ = ()
    criteria: tuple[CriterionResult, ...]

    @property
    def total(self) -> float:
        return round(sum(c.points for c in self.criteria), 2)

    @property
    def max_total(self) -> float:
        return round(sum(c.max_points for c in self.criteria), 2)

    def criterion(self, name: str) -> CriterionResult:
        for result in self.criteria:
            if result.criterion == name:
                return result
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class FormulationAnswer:
    """A trainee's formulation: optional structured choices plus free text."""

    text: str = ""
    primary_area: ProblemArea | None = None
    secondary_area: ProblemArea | None = None
    dispute_stage: DisputeStage | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormulationAnswer:
        """Build from plain data (JSON, YAML, widget values); unknown or blank choices become ``None``."""

        def pick(enum: type[ProblemArea] | type[DisputeStage], key: str) -> Any:
            value = data.get(key)
            if value in (None, "", "none", "None"):
                return None
            # the value ("role_dispute"), or the label the builder shows ("Grief (complicated bereavement)",
            # "Role dispute", "role-dispute"): the words before a bracket, or the other name in it
            text = str(value).strip().lower()
            name, _, other = text.partition("(")
            for candidate in (text, name, other.rstrip(")")):
                words = "_".join(candidate.replace("-", " ").split())
                try:
                    return enum(_OTHER_NAMES.get(words, words))
                except ValueError:
                    continue
            return None

        return cls(
            text=str(data.get("text") or data.get("formulation") or ""),
            primary_area=pick(ProblemArea, "primary_area"),
            secondary_area=pick(ProblemArea, "secondary_area"),
            dispute_stage=pick(DisputeStage, "dispute_stage"),
        )


#: Other names of the problem areas (the reference, section 1: names vary) and plurals, as a trainee may type them.
_OTHER_NAMES = {"complicated_bereavement": "grief", "role_disputes": "role_dispute",
                "interpersonal_dispute": "role_dispute", "interpersonal_disputes": "role_dispute",
                "role_transitions": "role_transition", "interpersonal_sensitivity": "interpersonal_deficits"}


@dataclass(frozen=True, slots=True)
class FormulationReport(ScoredCriteria):
    """The scored formulation: per-criterion results, the total and what the scorer read from the answer."""

    criteria: tuple[CriterionResult, ...]
    detected_primary: ProblemArea | None
    detected_secondary: ProblemArea | None
    detected_stage: DisputeStage | None
    confidence: float
    flags: tuple[str, ...] = field(default_factory=tuple)
    #: ids of the reference's key evidence items (and its timeline link) the answer cites, in reference order
    evidence_cited: tuple[str, ...] = field(default_factory=tuple)
    #: ids of the reference's key evidence items (and its timeline link) the answer does not cite
    evidence_missed: tuple[str, ...] = field(default_factory=tuple)
    #: the rubric the answer was scored with: ``"supervision"`` or ``"patient"``
    rubric: str = "supervision"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (documented in the README)."""
        return {
            "total": self.total,
            "max_total": self.max_total,
            "criteria": [asdict(c) for c in self.criteria],
            "detected": {
                "primary_area": self.detected_primary.value if self.detected_primary else None,
                "secondary_area": self.detected_secondary.value if self.detected_secondary else None,
                "dispute_stage": self.detected_stage.value if self.detected_stage else None,
            },
            "confidence": round(self.confidence, 3),
            "flags": list(self.flags),
            "rubric": self.rubric,
            "evidence_cited": list(self.evidence_cited),
            "evidence_missed": list(self.evidence_missed),
        }

    def as_text(self) -> str:
        """Human-readable report, one line per criterion."""
        lines = [f"Total: {self.total:g} / {self.max_total:g}"]
        for c in self.criteria:
            lines.append(f"- {c.label}: {c.points:g}/{c.max_points:g}. {c.feedback}")
        return "\n".join(lines)
