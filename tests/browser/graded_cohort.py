"""A small graded cohort for the browser test: the demo's pipeline cut down to one assignment and three trainees.

``python graded_cohort.py REPO TARGET ASSIGNMENT`` builds a throw-away course in TARGET from REPO (config, source and
keys), submits the demo cohort's first three trainees for ASSIGNMENT, autogrades them with the real nbgrader
(feedback HTML included) and writes the instructor report, the same steps as ``ipt-course demo`` in about a third of
the time. Run as a separate process so that the browser tests can go on meanwhile.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ipt_training.analytics.report import write_report
from ipt_training.grading.workflow.demo import COHORT_FILE, build_course, simulate_cohort
from ipt_training.grading.workflow.summary import grade_with_progress, print_summary

TRAINEES = 3


def main(repo: Path, target: Path, assignment: str) -> None:
    course = build_course(repo, target)
    cohort = yaml.safe_load((repo / COHORT_FILE).read_text(encoding="utf-8"))["trainees"][:TRAINEES]
    simulate_cohort(course, cohort, [assignment])
    results = grade_with_progress(course, assignment)
    print_summary(results)
    print(write_report(course, target / "report"))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
