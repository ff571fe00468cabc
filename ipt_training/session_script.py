"""Scripted therapy sessions with decision points, kept as data in ``ipt_training/data/scripts/``.

A script is a sequence of steps. Each step shows some lines of dialogue (with an optional teaching note) and
may end with a *decision*: the trainee picks the therapist's next line from options, or writes their own. Every
option carries feedback; exactly one is the best. A written line is checked for the *elements* a good line
contains (each a label and matcher cues, see :mod:`ipt_training.text.matcher`), so the trainee learns what
their own words did and did not do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ipt_training.text.matcher import build_matcher


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Line(_Strict):
    speaker: Literal["therapist", "patient", "narrator"]
    text: str = Field(min_length=1)
    note: str = Field("", description="Teaching note shown under the line (why the therapist said it).")


class Option(_Strict):
    text: str = Field(min_length=3)
    best: bool = False
    feedback: str = Field(min_length=10)


class Element(_Strict):
    """Something a good written line does, e.g. 'names depression as an illness'."""

    label: str = Field(min_length=3)
    cues: list[str] = Field(min_length=1)


class Decision(_Strict):
    id: str
    prompt: str = Field(min_length=5)
    options: list[Option] = Field(min_length=2)
    elements: list[Element] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_best(self) -> Decision:
        if sum(o.best for o in self.options) != 1:
            raise ValueError(f"decision {self.id!r} needs exactly one option marked best: true")
        return self

    @property
    def best(self) -> Option:
        return next(o for o in self.options if o.best)


class Step(_Strict):
    lines: list[Line] = Field(default_factory=list)
    decision: Decision | None = None


class SessionScript(_Strict):
    id: str
    title: str = Field(min_length=3)
    introduction: str = Field(min_length=20)
    steps: list[Step] = Field(min_length=1)

    @property
    def decisions(self) -> list[Decision]:
        return [s.decision for s in self.steps if s.decision is not None]


class ScriptFileError(ValueError):
    """A script file that cannot be used; the message names the file and the field."""


def scripts_dir() -> Path:
    return Path(str(resources.files("ipt_training") / "data" / "scripts"))


def parse_script(path: Path) -> SessionScript:
    try:
        return SessionScript.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ScriptFileError(f"{path.name}: {problems}") from None


@cache
def load_script(name: str) -> SessionScript:
    path = scripts_dir() / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in scripts_dir().glob("*.yaml")))
        raise ScriptFileError(f"no session script called {name!r}; available: {known}")
    return parse_script(path)


@dataclass(frozen=True, slots=True)
class WrittenLineCheck:
    """Which elements a trainee's own line contains."""

    present: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def check_written_line(decision: Decision, text: str) -> WrittenLineCheck:
    """Check a written therapist line for the decision's elements (negated mentions do not count)."""
    if not decision.elements:
        return WrittenLineCheck((), ())
    matcher = build_matcher({e.label: e.cues for e in decision.elements})
    found = {m.concept for m in matcher.find(text) if not m.negated}
    present = tuple(e.label for e in decision.elements if e.label in found)
    missing = tuple(e.label for e in decision.elements if e.label not in found)
    return WrittenLineCheck(present, missing)
