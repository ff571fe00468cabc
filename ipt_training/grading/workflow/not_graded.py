"""Submissions autograde did not grade, with the reasons it gave, kept in the instructor's course directory.

``Course.autograde`` writes one record per submission it could not grade (refused up front: links, pipes, an
oversized or damaged notebook; or stopped) to ``not_graded/<trainee>/<assignment>.json`` and removes it once the
submission is graded. The report reads these records, never the trainee's files, to list them for review.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_training.grading.workflow.course import GradeResult

FOLDER = "not_graded"
PREFIX = "not graded: "


def _path(root: Path, student: str, assignment: str) -> Path | None:
    if any(not name or name in (".", "..") or "/" in name or "\\" in name for name in (student, assignment)):
        return None
    return root / FOLDER / student / f"{assignment}.json"


def record_outcomes(root: Path, results: Iterable[GradeResult]) -> None:
    """Store the reasons of each failed ``GradeResult``; forget the record of each graded one."""
    for result in results:
        path = _path(root, result.student, result.assignment)
        if path is None:
            continue
        if result.ok:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        reasons = [p if p.startswith(PREFIX) else PREFIX + p for p in result.problems]
        path.write_text(json.dumps({"student": result.student, "assignment": result.assignment,
                                    "reasons": reasons or [PREFIX + "grading failed"]}), encoding="utf-8")


def read_not_graded(root: Path) -> list[tuple[str, str, str]]:
    """(trainee, assignment, reason) for every stored submission autograde did not grade."""
    rows: list[tuple[str, str, str]] = []
    for path in sorted((root / FOLDER).glob("*/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rows += [(str(data["student"]), str(data["assignment"]), str(reason)) for reason in data["reasons"]]
        except (OSError, ValueError, KeyError, TypeError):  # a damaged record must not stop the report
            continue
    return rows
