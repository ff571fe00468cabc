"""Instructor answer keys: found in the course directory (``source/keys``), never in the package."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ipt_training.cases.library import KEYS_ENV, find_keys_dir
from ipt_training.cases.loader import load_reference_file
from ipt_training.cases.model import Case, ReferenceFormulation


class KeysNotFoundError(LookupError):
    """Raised where grading needs instructor keys that this environment does not have."""


_OVERRIDE: list[Path] = []


@contextmanager
def keys_from(folder: Path) -> Iterator[Path]:
    """Grade with the keys in ``folder`` (the grading process re-scores a course's notebooks from anywhere)."""
    _OVERRIDE.append(Path(folder))
    try:
        yield Path(folder)
    finally:
        _OVERRIDE.pop()


def keys_dir() -> Path:
    """The instructor key directory, or a clear error for a trainee's environment."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    found = find_keys_dir()
    if found is None:
        raise KeysNotFoundError(
            "Instructor answer keys were not found. Grading runs in the instructor's course directory "
            f"(with source/keys and nbgrader_config.py) or with {KEYS_ENV} set; trainees' copies cannot grade."
        )
    return found


@cache
def case_reference_in(folder: Path, case_id: str) -> ReferenceFormulation:
    """The reference of an assessment case from the key folder ``folder`` (``.../source/keys``)."""
    path = folder / "cases" / f"{case_id}.yaml"
    if not path.is_file():
        raise KeysNotFoundError(f"no key file for case {case_id!r} in {folder / 'cases'}")
    return load_reference_file(path)[1]


def case_reference(case_id: str) -> ReferenceFormulation:
    """The reference formulation of an assessment case."""
    return case_reference_in(keys_dir(), case_id)


@cache
def case_in(folder: Path, case_id: str, course: Path | None = None) -> Case | None:
    """The case ``case_id`` (vignette, names; instructor extras merged) with the keys in ``folder``, so an answer is
    scored with its case exactly as the benchmark and ``ipt-course cases check`` score it; ``None`` when the library
    has no such case or cannot be loaded (the answer is then scored without the case's names).

    The course's own case folders are those of ``course`` (the grading process's course directory), else of the
    course that holds these keys: never of the current folder, which is a trainee's while the grader re-scores."""
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.cases.loader import CaseFileError
    from ipt_training.cases.settings import course_case_dirs

    try:
        return CaseLibrary.load(keys_dir=folder, extra_dirs=course_case_dirs(course or folder)).cases.get(case_id)
    except (CaseFileError, OSError):
        return None


def graded_case(case_id: str) -> Case | None:
    """The case of an assessment item, as :func:`case_in` with this environment's keys and grading course."""
    from ipt_training.grading.trusted.course_root import grading_course_root

    return case_in(keys_dir(), case_id, grading_course_root())


@cache
def _item_keys(folder: Path, assignment: str) -> dict[str, Any]:
    path = folder / "items" / f"{assignment}.yaml"
    if not path.is_file():
        raise KeysNotFoundError(f"no item key file {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise KeysNotFoundError(f"{path}: expected a mapping of item ids")
    return data


def item_key(assignment: str, item_id: str) -> dict[str, Any]:
    """The key of one auto-graded item (``source/keys/items/<assignment>.yaml``)."""
    keys = _item_keys(keys_dir(), assignment)
    if item_id not in keys:
        raise KeysNotFoundError(f"no key for item {item_id!r} of {assignment}")
    return keys[item_id]


def case_extra(case_id: str) -> dict[str, Any]:
    """Extra key material stored beside a case reference (e.g. the expert inventory and timeline)."""
    path = keys_dir() / "cases" / f"{case_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return {k: v for k, v in (data or {}).items() if k not in {"case_id", "reference"}}
