"""Fold trainees' exported practice records into the cohort report.

Trainees export their local practice record (``ipt-course practice export`` or *Export my record* in the
dashboard) and hand the JSON file to the instructor; ``ipt-course report --practice DIR`` reads every
``*.json`` in DIR. A file that cannot be read is reported by name and skipped; it never stops the report. The
file is the trainee's: only attempts the dashboard would have counted are counted (:func:`counted_attempts`), and
the others are said.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ipt_training.domain import ProblemArea
from ipt_training.practice.learner import LearnerModel
from ipt_training.practice.record import Attempt, RecordFileError, load_export
from ipt_training.practice.review import due_traps
from ipt_training.practice.skills import area_skill

COLUMNS = ["trainee", "attempts", "cases", "last_practice", *(f"mastery_{a.value}" for a in ProblemArea),
           "areas_mastered", "traps_due_for_review"]


def practice_cases() -> dict[str, str]:
    """The practice cases a trainee can attempt (the packaged ones, as the practice notebook loads them) and the
    reference area of each."""
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.cases.model import CaseSet

    return {case.id: case.reference.primary_area.value
            for case in CaseLibrary.load(keys_dir=False).by_set(CaseSet.PRACTICE) if case.reference is not None}


def counted_attempts(attempts: list[Attempt], cases: dict[str, str]) -> tuple[list[Attempt], dict[str, int]]:
    """The attempts the practice dashboard would have counted, and how many were left out for each reason.

    The record is the trainee's file: only the first attempt at a case and exercise counts (as
    :meth:`~ipt_training.practice.record.PracticeRecord.add_first` records them: after it the model formulation has
    been seen), and only attempts at one of the course's practice cases with that case's reference area.
    """
    kept: list[Attempt] = []
    seen: set[tuple[str, str]] = set()
    left_out = {"not a practice case of the course, or not its reference area": 0,
                "a repeat of a case already attempted (only the first attempt counts)": 0}
    reasons = list(left_out)
    for attempt in sorted(attempts, key=lambda a: a.at):
        if cases.get(attempt.case_id) != attempt.reference_area:
            left_out[reasons[0]] += 1
        elif (attempt.case_id, attempt.exercise) in seen:
            left_out[reasons[1]] += 1
        else:
            seen.add((attempt.case_id, attempt.exercise))
            kept.append(attempt)
    return kept, {reason: count for reason, count in left_out.items() if count}


def practice_table(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    """One row per exported record (mastery per area, 0-1) and the problems met while reading them."""
    rows: list[dict[str, object]] = []
    problems: list[str] = []
    files: dict[str, list[str]] = {}
    cases = practice_cases()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            trainee, every = load_export(path)
            attempts, left_out = counted_attempts(every, cases)
            row = _row(trainee, attempts)
        except RecordFileError as exc:
            problems.append(str(exc))
            continue
        except Exception:  # the file is the trainee's: whatever it holds, it costs its own row, never the report
            problems.append(f"{path.name}: the practice record could not be read (its contents are not what the "
                            "course exports)")
            continue
        files.setdefault(trainee, []).append(path.name)
        rows.append(row)
        if left_out:
            problems.append(f"{path.name}: {sum(left_out.values())} of {len(every)} attempts not counted ("
                            + "; ".join(f"{count} {reason}" for reason, count in left_out.items()) + ")")
    if not folder.is_dir():
        problems.append(f"{folder}: no such folder of exported practice records")
    # The name inside a record is whatever its file says: two files naming one trainee are both shown, and said.
    problems += [f"{', '.join(names)}: {len(names)} records name the same trainee, “{trainee}”; check who sent "
                 "each (the name is written in the file, by whoever exported it)"
                 for trainee, names in files.items() if len(names) > 1]
    return pd.DataFrame(rows, columns=COLUMNS), problems


def _row(trainee: str, attempts: list) -> dict[str, object]:
    """The table row of one trainee's record."""
    model = LearnerModel.from_attempts(a.observations() for a in attempts)
    row: dict[str, object] = {
        "trainee": trainee, "attempts": len(attempts), "cases": len({a.case_id for a in attempts}),
        "last_practice": max((a.at for a in attempts), default=None),
    }
    for area in ProblemArea:
        row[f"mastery_{area.value}"] = round(model.estimate(area_skill(area)), 2)
    row["areas_mastered"] = sum(model.mastered(area_skill(a)) for a in ProblemArea)
    row["traps_due_for_review"] = len(due_traps(attempts))
    return row
