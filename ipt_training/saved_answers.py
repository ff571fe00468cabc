"""Answers entered in a widget, saved next to the notebook so they survive a re-run from scratch.

nbgrader's autograder re-executes a submission in a fresh kernel, so widget state is lost. The
formulation builder in an assignment therefore writes each answer to ``ipt_answers.json`` in the
notebook's folder; that file is submitted with the notebook, and the graders read it for any answer
variable the trainee left as ``None``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ANSWERS_FILE = "ipt_answers.json"
FIELDS = ("primary_area", "secondary_area", "dispute_stage", "formulation")


def _path(folder: Path | None) -> Path:
    return (folder or Path.cwd()) / ANSWERS_FILE


def load_all(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Every saved answer; an unreadable or damaged file counts as no saved answers."""
    try:
        data = json.loads(_path(folder).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
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
    """``values`` with every ``None`` replaced by the saved answer for ``key`` (if any)."""
    saved = load_all(folder).get(key, {})
    return {field: saved.get(field) if values.get(field) is None else values.get(field) for field in FIELDS}
