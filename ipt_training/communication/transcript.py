"""Dialogue transcripts: typed models and YAML loading with ``file:line: field: message`` errors.

A transcript is an interaction between the patient and a significant other, reconstructed in session as
close to word for word as possible. Utterances are numbered from 1 (as trainees see them); ``codes`` are
taxonomy ids, the first being the primary code. Assessment transcripts ship without codes; their codes
live in instructor key files (see :mod:`ipt_training.communication.library`).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipt_training.cases.loader import CaseFileError, _node_at, _read_yaml
from ipt_training.communication.taxonomy import CODES, OK, is_code
from ipt_training.domain import ProblemArea

if TYPE_CHECKING:
    import pandas as pd

_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"
Loc = tuple[Any, ...]


class DialogueFileError(CaseFileError):
    """A transcript or dialogue key file that cannot be loaded; ``problems`` lists ``file:line: field: message``."""


class LocatedProblems(ValueError):
    """Cross-field problems, each with the location of the offending field (used to report line numbers)."""

    def __init__(self, problems: list[tuple[Loc, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))


class DialogueSet(str, Enum):
    """Practice transcripts ship with codes; assessment codes are instructor-only."""

    PRACTICE = "practice"
    ASSESSMENT = "assessment"


def _check_code(code: str) -> str:
    if not is_code(code):
        raise ValueError(f"unknown code {code!r}; known codes: {', '.join(CODES)}")
    return code


Code = Annotated[str, AfterValidator(_check_code)]


def check_code_list(codes: list[str]) -> list[str]:
    """Codes of one utterance: no duplicates, and ``ok`` never combined with a problem."""
    if len(set(codes)) != len(codes):
        raise ValueError("a code is listed twice")
    if OK in codes and len(codes) > 1:
        raise ValueError("'ok' cannot be combined with problem codes")
    return codes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Speaker(_Strict):
    """A person in the dialogue; exactly one is the patient."""

    id: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    relationship: str = Field(min_length=1, description="'patient', or the other person's tie to the patient.")

    @property
    def is_patient(self) -> bool:
        return self.relationship == "patient"


class Utterance(_Strict):
    """One turn. ``codes`` is empty on assessment transcripts until the key is merged in."""

    speaker: str = Field(min_length=1)
    text: str = Field(min_length=1)
    nonverbal: str | None = Field(None, min_length=1, description="Tone or behaviour reported by the patient.")
    codes: Annotated[list[Code], AfterValidator(check_code_list)] = Field(default_factory=list)
    rewrite_target: bool = False

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    @property
    def primary_code(self) -> str | None:
        return self.codes[0] if self.codes else None


class Dialogue(_Strict):
    """A reconstructed interaction for communication analysis."""

    id: str = Field(min_length=3)
    title: str = Field(min_length=3)
    problem_area: ProblemArea
    set: DialogueSet
    context: str = Field(min_length=80)
    speakers: list[Speaker] = Field(min_length=2)
    utterances: list[Utterance] = Field(min_length=8, max_length=14)

    @field_validator("id")
    @classmethod
    def _id_format(cls, value: str) -> str:
        if not set(value) <= set(_ID_CHARS) or value.startswith("-") or value.endswith("-"):
            raise ValueError("id must be lower-case words joined by hyphens, e.g. 'dp-01'")
        return value

    @model_validator(mode="after")
    def _cross_checks(self) -> Dialogue:
        problems: list[tuple[Loc, str]] = []
        ids = [s.id for s in self.speakers]
        for i, speaker_id in enumerate(ids):
            if speaker_id in ids[:i]:
                problems.append((("speakers", i, "id"), f"duplicate speaker id {speaker_id!r}"))
        patients = [i for i, s in enumerate(self.speakers) if s.is_patient]
        if len(patients) != 1:
            problems.append((("speakers",),
                             f"exactly one speaker needs relationship 'patient' (found {len(patients)})"))
        by_id = {s.id: s for s in self.speakers}
        for i, u in enumerate(self.utterances):
            if u.speaker not in by_id:
                problems.append((("utterances", i, "speaker"),
                                 f"unknown speaker {u.speaker!r}; declared speakers: {', '.join(ids)}"))
            elif u.rewrite_target and not by_id[u.speaker].is_patient:
                problems.append((("utterances", i, "rewrite_target"), "only the patient's utterances can be rewritten"))
            if u.rewrite_target and u.codes == [OK]:
                problems.append((("utterances", i, "rewrite_target"), "an utterance coded 'ok' has nothing to rewrite"))
        coded = [bool(u.codes) for u in self.utterances]
        if any(coded) and not all(coded):
            for i, has_codes in enumerate(coded):
                if not has_codes:
                    problems.append((("utterances", i, "codes"), "every utterance needs codes once any has them"))
        if self.set is DialogueSet.PRACTICE and not any(coded):
            problems.append((("utterances",), "practice dialogues must code every utterance"))
        if problems:
            raise LocatedProblems(problems)
        return self

    @property
    def is_coded(self) -> bool:
        return all(u.codes for u in self.utterances)

    @property
    def patient(self) -> Speaker:
        return next(s for s in self.speakers if s.is_patient)

    def speaker(self, speaker_id: str) -> Speaker:
        return next(s for s in self.speakers if s.id == speaker_id)

    def utterance(self, number: int) -> Utterance:
        """Utterance by its 1-based number."""
        if not 1 <= number <= len(self.utterances):
            raise KeyError(f"{self.id} has utterances 1-{len(self.utterances)}, not {number}")
        return self.utterances[number - 1]

    def numbered(self) -> Iterator[tuple[int, Utterance]]:
        """``(number, utterance)`` pairs, numbered from 1."""
        return enumerate(self.utterances, start=1)

    @property
    def rewrite_targets(self) -> list[int]:
        return [n for n, u in self.numbered() if u.rewrite_target]

    def reference_codes(self) -> dict[int, tuple[str, ...]]:
        """The reference coding ``{number: codes}``; raises when the key has not been merged in."""
        if not self.is_coded:
            raise ValueError(f"dialogue {self.id!r} has no reference codes here (instructor key not available)")
        return {n: tuple(u.codes) for n, u in self.numbered()}

    def with_codes(self, codes: dict[int, list[str]]) -> Dialogue:
        """A copy with reference codes set from ``{number: codes}`` (every utterance must be covered)."""
        utterances = [u.model_copy(update={"codes": list(codes[n])}) for n, u in self.numbered()]
        return self.model_copy(update={"utterances": utterances})

    def without_codes(self) -> Dialogue:
        """A copy safe to show a trainee in an assessment."""
        return self.model_copy(update={"utterances": [u.model_copy(update={"codes": []}) for u in self.utterances]})

    def to_dataframe(self) -> pd.DataFrame:
        """One row per utterance: number, speaker, name, relationship, text, nonverbal, codes, primary, target."""
        import pandas as pd

        rows = [
            {
                "number": n,
                "speaker": u.speaker,
                "name": self.speaker(u.speaker).name,
                "relationship": self.speaker(u.speaker).relationship,
                "text": u.text,
                "nonverbal": u.nonverbal or "",
                "codes": ", ".join(u.codes),
                "primary_code": u.primary_code or "",
                "rewrite_target": u.rewrite_target,
            }
            for n, u in self.numbered()
        ]
        return pd.DataFrame(rows).set_index("number")


class DialogueKey(_Strict):
    """An instructor key: reference codes for an assessment dialogue, ``{number: [codes]}``."""

    dialogue_id: str = Field(min_length=3)
    codes: dict[int, Annotated[list[Code], AfterValidator(check_code_list)]] = Field(min_length=1)

    @field_validator("codes")
    @classmethod
    def _non_empty(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        empty = sorted(n for n, codes in value.items() if not codes)
        if empty:
            raise ValueError(f"utterances without codes: {empty}")
        return value

    def check_covers(self, dialogue: Dialogue) -> list[str]:
        """Problems with how this key matches ``dialogue`` (empty when it covers every utterance exactly)."""
        expected = set(range(1, len(dialogue.utterances) + 1))
        problems = []
        if missing := sorted(expected - set(self.codes)):
            problems.append(f"codes: no codes for utterances {missing}")
        if extra := sorted(set(self.codes) - expected):
            problems.append(f"codes: {dialogue.id} has {len(expected)} utterances; unexpected numbers {extra}")
        for number in dialogue.rewrite_targets:
            if self.codes.get(number) == [OK]:
                problems.append(f"codes.{number}: a rewrite target cannot be coded 'ok'")
        return problems


def _raise_located(path: Path, root: yaml.Node | None, exc: ValidationError, key_loc: bool = False) -> None:
    problems = []
    for error in exc.errors():
        located = (error.get("ctx") or {}).get("error")
        items = located.problems if isinstance(located, LocatedProblems) else [(tuple(error["loc"]), error["msg"])]
        for loc, msg in items:
            if key_loc:  # mapping keys are strings in the node tree but ints after validation
                loc = tuple(str(p) if i and loc[i - 1] == "codes" else p for i, p in enumerate(loc))
            node = _node_at(root, loc)
            line = node.start_mark.line + 1 if node is not None else 1
            field = ".".join(str(p) for p in loc) or "(top level)"
            problems.append(f"{path}:{line}: {field}: {msg.removeprefix('Value error, ')}")
    raise DialogueFileError(path, problems) from None


def _read(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        data, root = _read_yaml(path)
    except CaseFileError as exc:
        raise DialogueFileError(path, exc.problems) from None
    if not isinstance(data, dict):
        raise DialogueFileError(path, [f"{path}:1: expected a mapping of fields at the top level"])
    return data, root


def load_dialogue_file(path: Path) -> Dialogue:
    """Load and validate one transcript file."""
    data, root = _read(path)
    try:
        return Dialogue.model_validate(data)
    except ValidationError as exc:
        _raise_located(path, root, exc)
        raise  # pragma: no cover - _raise_located always raises


def load_dialogue_key_file(path: Path) -> DialogueKey:
    """Load an instructor key file: ``{dialogue_id: ..., codes: {number: [codes]}}``."""
    data, root = _read(path)
    try:
        return DialogueKey.model_validate(data)
    except ValidationError as exc:
        _raise_located(path, root, exc, key_loc=True)
        raise  # pragma: no cover
