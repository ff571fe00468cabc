"""Answers entered in a widget, saved next to the notebook so they survive a re-run from scratch.

nbgrader's autograder re-executes a submission in a fresh kernel, so widget state is lost. The
formulation builder in an assignment therefore writes each answer to ``ipt_answers.json`` in the
notebook's folder; that file is submitted with the notebook, and the graders read it for any answer
variable the trainee left as ``None``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ANSWERS_FILE = "ipt_answers.json"
ANSWERS_MAX_BYTES = 2 * 1024 * 1024  # a real file is a few KB; a larger one is not read (grading reads this file)
FIELDS = ("primary_area", "secondary_area", "dispute_stage", "formulation")


def _path(folder: Path | None) -> Path:
    return (folder or Path.cwd()) / ANSWERS_FILE


def load_all(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Every saved answer; an unreadable or damaged file counts as no saved answers.

    Any parse failure counts as damage: the file is the trainee's (a notebook may even write it at run time), and
    JSON nested thousands deep raises RecursionError, a huge one MemoryError.
    """
    from ipt_training.grading.trusted.files import read_text_limited

    try:  # a regular file of limited size only: the grader reads it from a trainee's folder
        data = json.loads(read_text_limited(_path(folder), ANSWERS_MAX_BYTES))
    except (OSError, ValueError, RecursionError, MemoryError):  # ValueError: not UTF-8 text or not JSON
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def save(key: str, values: dict[str, Any], folder: Path | None = None) -> Path:
    """Save one answer (``primary_area``, ``secondary_area``, ``dispute_stage``, ``formulation``) under ``key``."""
    answers = load_all(folder)
    answers[key] = {field: values.get(field) for field in FIELDS}
    path = _path(folder)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(answers, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


def with_saved(key: str, values: dict[str, Any], folder: Path | None = None) -> dict[str, Any]:
    """``values`` (by field) with every ``None`` replaced by the saved answer for ``key`` (if any)."""
    named = {f"{field}_{key}": values.get(field) for field in FIELDS}
    graded, _ = graded_values(named, folder)
    return {field: graded[f"{field}_{key}"] for field in FIELDS}


def _field_and_key(name: str) -> tuple[str, str] | None:
    for field in FIELDS:
        if name.startswith(field + "_") and len(name) > len(field) + 1:
            return field, name[len(field) + 1:]
    return None


def graded_values(values: Mapping[str, Any], folder: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """The answers a grader scores, from the answer variables it read (``values``, by name): every formulation
    variable (``primary_area_<key>``, ``secondary_area_<key>``, ``dispute_stage_<key>``, ``formulation_<key>``)
    left as ``None`` takes the saved answer of ``<key>`` from ``ipt_answers.json`` in ``folder`` (default: the
    current folder). Returns the values and the names taken from the saved answers.

    The one place where variables and the builder's saved answers are merged: the graders, the visible checks,
    the trusted re-scoring (which stores the result with the graded cell) and the analytics all use it.
    """
    graded = dict(values)
    filled: list[str] = []
    saved: dict[str, dict[str, Any]] | None = None
    for name, value in values.items():
        parts = _field_and_key(name)
        if value is not None or parts is None:
            continue
        saved = load_all(folder) if saved is None else saved
        field, key = parts
        entry = saved.get(key, {})
        if entry.get(field) is not None:
            graded[name] = entry[field]
            filled.append(name)
    return graded, filled
