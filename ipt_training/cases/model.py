"""Typed case objects: vignette, timeline, interpersonal inventory and reference formulation."""

from __future__ import annotations

import calendar
import re
from difflib import get_close_matches
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ipt_training.domain import DisputeStage, ProblemArea

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: Words that on their own would match almost any answer.
_FUNCTION_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "was",
                             "he", "she", "they", "her", "his", "it", "that", "this", "be", "has", "had", "have"})
_MIN_PREFIX = 3


class FieldProblem(ValueError):
    """A validation problem about a sub-field of the model that raises it.

    ``loc`` is appended to the location pydantic reports, so the message points at the exact field and line.
    """

    def __init__(self, loc: tuple[str | int, ...], message: str, more: tuple[FieldProblem, ...] = ()) -> None:
        self.loc = loc
        self.message = message
        #: further problems found by the same check (e.g. every bad cue of a list, not only the first)
        self.more = more
        super().__init__(message)

    @classmethod
    def raise_all(cls, problems: list[FieldProblem]) -> None:
        """Raise every problem at once (nothing when the list is empty)."""
        if problems:
            first, *rest = problems
            raise cls(first.loc, first.message, tuple(rest))


def check_date(value: object) -> str:
    """A ``YYYY-MM`` or ``YYYY-MM-DD`` string for a real calendar month or day, or a plain-language error."""
    text = str(value).strip()
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM or YYYY-MM-DD (e.g. 2025-03 or 2025-03-14)")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {match[2]}; months run from 01 to 12")
    if match[3] is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= int(match[3]) <= days:
            raise ValueError(f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {days} days")
    return text


def cue_problem(phrase: str) -> str | None:
    """Why a hand-written matcher cue could never match (or would match anything), or ``None`` when it is usable."""
    from ipt_training.text.normalize import clauses

    words = phrase.lower().split()
    if not words:
        return "this cue is empty; write a word or short phrase from the case, e.g. 'moved*'"
    for word in words:
        base = word[:-1] if word.endswith("*") else word
        if not base.strip("*"):
            return (f"'{phrase}': a '*' on its own would match every word; put it at the end of a word "
                    "('bereave*' matches bereaved, bereavement)")
        if "*" in base:
            return f"'{phrase}': '*' may only end a word ('relocat*'), not sit inside it"
        if word.endswith("*") and len(base) < _MIN_PREFIX:
            return f"'{phrase}': '{word}' is too short a prefix and would match many unrelated words"
        read_as = [t for clause in clauses(base) for t in clause]
        if read_as != [base]:
            if not read_as:
                return (f"'{phrase}': '{word}' can never match, because answers are split at it "
                        "(punctuation and words such as 'but', 'however' end a clause)")
            return (f"'{phrase}': '{word}' can never match as written; answers are read as "
                    f"'{' '.join(read_as)}', so write that instead")
    if all(w.rstrip("*") in _FUNCTION_WORDS for w in words):
        return f"'{phrase}' would match almost any answer; use words specific to this case"
    return None


def _suggest(value: str, valid: list[str]) -> str:
    close = get_close_matches(value, valid, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
        return check_date(value)


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

    id: str = Field(min_length=1)
    hint: str = Field(min_length=3, description="Trainee-facing pointer that does not give the answer away.")
    text: str = Field("", description="The evidence as a plain sentence, e.g. 'Her father died in March.'")
    cues: list[str] = Field(default_factory=list)

    @field_validator("cues")
    @classmethod
    def _usable_cues(cls, cues: list[str]) -> list[str]:
        problems = [(i, cue_problem(cue)) for i, cue in enumerate(cues)]
        FieldProblem.raise_all([FieldProblem((i,), problem) for i, problem in problems if problem])
        return cues

    @model_validator(mode="after")
    def _has_text_or_cues(self) -> EvidenceItem:
        if not self.text.strip() and not self.cues:
            raise FieldProblem(("text",), f"evidence item '{self.id}' needs 'text:', the evidence as a plain "
                                          "sentence (e.g. 'He moved to Winnipeg seven months ago.'), or 'cues:'")
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

    @field_validator("key_evidence")
    @classmethod
    def _unique_evidence_ids(cls, items: list[EvidenceItem]) -> list[EvidenceItem]:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                raise FieldProblem((i, "id"), f"evidence id '{item.id}' is already used by "
                                              f"key_evidence[{seen[item.id]}]; give each evidence item its own id")
            seen[item.id] = i
        return items

    @field_validator("goals")
    @classmethod
    def _known_goals(cls, ids: list[str]) -> list[str]:
        return _known_concepts(ids, "goal")

    @field_validator("strategies")
    @classmethod
    def _known_strategies(cls, ids: list[str]) -> list[str]:
        return _known_concepts(ids, "strategy")

    @model_validator(mode="after")
    def _evidence_can_be_found(self) -> ReferenceFormulation:
        """A plain sentence without cues must hold at least one word the scorer can look for in an answer."""
        from ipt_training.scoring.evidence import sentence_terms

        problems: list[FieldProblem] = []
        items = [(("key_evidence", i), item, False) for i, item in enumerate(self.key_evidence)]
        for loc, item, event_only in [*items, (("timeline_link",), self.timeline_link, True)]:
            if item.cues or not item.text.strip() or sentence_terms(item.text, event_only=event_only):
                continue
            what = "the event, the person or the place in the case's own words"
            if event_only:
                what = "the event the onset follows (dates alone are not enough)"
            if event_only and self.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
                what = ("what came before the onset; with no event (interpersonal deficits) say so in words, e.g. "
                        "'The symptoms began in March with no clear trigger.' (dates alone are not enough)")
            problems.append(FieldProblem((*loc, "text"), f"'{item.text.strip()}' has no word the scorer can look for "
                                                         f"in an answer (common words carry no weight); name {what}"))
        FieldProblem.raise_all(problems)
        return self

    @model_validator(mode="after")
    def _consistent(self) -> ReferenceFormulation:
        areas = {self.primary_area, self.secondary_area}
        if self.secondary_area == self.primary_area:
            raise FieldProblem(("secondary_area",), "secondary_area must differ from primary_area; "
                                                    "leave it out when there is only one focus")
        has_dispute = ProblemArea.ROLE_DISPUTE in areas
        if has_dispute and self.dispute_stage is None:
            raise FieldProblem(("dispute_stage",), "dispute_stage is required when a role dispute is the primary or "
                                                   "secondary area; add 'dispute_stage: renegotiation', 'impasse' "
                                                   "or 'dissolution'")
        if not has_dispute and self.dispute_stage is not None:
            raise FieldProblem(("dispute_stage",), "dispute_stage is only allowed when a role dispute is the primary "
                                                   "or secondary area; remove it")
        for i, alternative in enumerate(self.acceptable_alternatives):
            if alternative.area is self.primary_area:
                raise FieldProblem(("acceptable_alternatives", i, "area"),
                                   f"'{alternative.area.value}' is already the primary area; an alternative must be "
                                   "another area")
        if self.timeline_link.id in {item.id for item in self.key_evidence}:
            raise FieldProblem(("timeline_link", "id"), f"'{self.timeline_link.id}' is also a key_evidence id; "
                                                        "give the timeline link its own id")
        return self

    @property
    def areas(self) -> tuple[ProblemArea, ...]:
        return (self.primary_area,) if self.secondary_area is None else (self.primary_area, self.secondary_area)


def _known_concepts(ids: list[str], kind: Literal["goal", "strategy"]) -> list[str]:
    """Check goal or strategy ids against the scorer's lexicon; the error lists the valid ids."""
    from ipt_training.scoring.lexicon import GOALS, STRATEGIES

    valid, other = (GOALS, STRATEGIES) if kind == "goal" else (STRATEGIES, GOALS)
    field = "goals" if kind == "goal" else "strategies"
    seen: set[str] = set()
    problems: list[FieldProblem] = []
    for i, concept_id in enumerate(ids):
        if concept_id in seen:
            problems.append(FieldProblem((i,), f"'{concept_id}' is listed twice; remove one"))
        elif concept_id in other:
            where = "strategies" if kind == "goal" else "goals"
            problems.append(FieldProblem((i,), f"'{concept_id}' is a {'strategy' if kind == 'goal' else 'goal'} id, "
                                               f"not a {kind} id; move it to '{where}:'"))
        elif concept_id not in valid:
            problems.append(FieldProblem((i,), f"unknown {kind} id '{concept_id}'{_suggest(concept_id, list(valid))}. "
                                               f"Valid {kind} ids: {', '.join(valid)} (`ipt-course concepts` lists "
                                               f"them with their meaning; {field} may only use these)"))
        seen.add(concept_id)
    FieldProblem.raise_all(problems)
    return ids


class SampleAnswer(_Strict):
    """An instructor's sample answer and the result it should get; used by ``ipt-course cases check`` only.

    Samples are instructor material: they are removed from every trainee-facing copy of a case.
    """

    name: str = Field("", description="Short label shown in the check table, e.g. 'good, plain language'.")
    text: str = Field(min_length=1)
    primary_area: ProblemArea | None = None
    secondary_area: ProblemArea | None = None
    dispute_stage: DisputeStage | None = None
    rubric: str = Field("supervision", description="'supervision' (supervision note) or 'patient' (patient "
                                                   "formulation)")
    expect_min: float | None = Field(None, ge=0, le=10)
    expect_max: float | None = Field(None, ge=0, le=10)
    expect_area: ProblemArea | Literal["none"] | None = None

    @field_validator("rubric")
    @classmethod
    def _known_rubric(cls, name: str) -> str:
        from ipt_training.scoring.rubrics import RUBRICS

        if name not in RUBRICS:
            raise ValueError(f"'{name}' is not a rubric; use one of: {', '.join(RUBRICS)}")
        return name

    @model_validator(mode="after")
    def _expects_something(self) -> SampleAnswer:
        if self.expect_min is None and self.expect_max is None and self.expect_area is None:
            raise FieldProblem(("expect_min",), "a sample needs an expectation: expect_min, expect_max and/or "
                                                "expect_area (the area the scorer should read, or 'none')")
        if self.expect_min is not None and self.expect_max is not None and self.expect_min > self.expect_max:
            raise FieldProblem(("expect_max",), f"expect_max ({self.expect_max:g}) is below expect_min "
                                                f"({self.expect_min:g})")
        return self


class Case(_Strict):
    """A case vignette with its inventory and timeline; ``reference`` is None when keys are not available."""

    id: str
    title: str = Field(min_length=3)
    set: CaseSet
    difficulty: Literal["beginner", "intermediate", "advanced"]
    traps: list[str] = Field(default_factory=list)
    patient: Patient
    setting: str = Field(min_length=3)
    vignette: str = Field(min_length=200)
    symptom_onset: str
    timeline: list[TimelineEvent] = Field(default_factory=list)
    inventory: list[Person] = Field(default_factory=list)
    reference: ReferenceFormulation | None = None
    samples: list[SampleAnswer] = Field(default_factory=list, description="Instructor-only sample answers.")

    @model_validator(mode="after")
    def _practice_cases_are_complete(self) -> Case:
        if self.set is not CaseSet.PRACTICE:
            return self
        if self.reference is None:
            raise FieldProblem(("reference",), "a practice case needs a 'reference:' block (trainees get feedback "
                                               "from it); a case without one is 'set: assessment', with its key in "
                                               "source/keys/cases/")
        for field in ("timeline", "inventory"):
            if len(getattr(self, field)) < 2:
                raise FieldProblem((field,), f"a practice case needs a {field} with at least 2 entries")
        return self

    @field_validator("id")
    @classmethod
    def _id_format(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError(f"'{value}' is not a case id: use lower-case letters and digits joined by hyphens, "
                             "e.g. 'clinic-07' (the file name should match)")
        return value

    @field_validator("symptom_onset", mode="before")
    @classmethod
    def _onset_format(cls, value: object) -> str:
        return check_date(value)

    @property
    def primary_area(self) -> ProblemArea | None:
        return None if self.reference is None else self.reference.primary_area

    def without_reference(self) -> Case:
        """A copy safe to show a trainee: no reference and no instructor sample answers."""
        return self.model_copy(update={"reference": None, "samples": []})
