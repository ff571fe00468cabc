"""A small graded sample course for trying the analytics (instructor notebook, docs): real release and autograde."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Sequence
from pathlib import Path

import yaml

from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.demo import COHORT_FILE, simulate_cohort

SAMPLE_ASSIGNMENTS = ("ipt_foundations", "problem_area_formulation")
SAMPLE_TRAINEES = ("amara", "chiara", "dmitri", "farid")


def sample_course(target: Path, course_root: Path | None = None, assignments: Sequence[str] = SAMPLE_ASSIGNMENTS,
                  trainees: Sequence[str] = SAMPLE_TRAINEES, db_url: str | None = None) -> Course:
    """Copy config, keys and ``assignments`` into ``target``; release, simulate ``trainees`` of the demo cohort
    (``source/keys/demo/cohort.yaml``) and autograde them. Returns the graded :class:`Course`."""
    from ipt_training.grading.workflow.course import find_course_root

    root = course_root or find_course_root()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "nbgrader_config.py", target / "nbgrader_config.py")
    for folder in ("keys", *assignments):
        shutil.copytree(root / "source" / folder, target / "source" / folder, dirs_exist_ok=True)
    course = Course(target, db_url=db_url)
    errors = course.release()
    if errors:
        raise RuntimeError(f"release failed: {errors}")
    cohort = yaml.safe_load((root / COHORT_FILE).read_text(encoding="utf-8"))["trainees"]
    simulate_cohort(course, [t for t in cohort if t["id"] in set(trainees)])
    with warnings.catch_warnings():
        # nbgrader 0.9.6's add_submission triggers an SQLAlchemy 2.x autoflush warning inside nbgrader.
        warnings.filterwarnings("ignore", message="Object of type", category=Warning, module="nbgrader")
        for assignment in course.assignments():
            course.autograde(assignment)
    return course
