"""The instructor demo: a throw-away course, a released assignment set, a simulated cohort, graded."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit
from ipt_training.grading.workflow.summary import grade_with_progress, print_summary

COHORT_FILE = Path("source") / "keys" / "demo" / "cohort.yaml"


def build_course(course_root: Path, target: Path) -> Course:
    """Copy the course's config and source (with keys) into ``target`` and release every assignment."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(course_root / "nbgrader_config.py", target / "nbgrader_config.py")
    shutil.copytree(course_root / "source", target / "source", dirs_exist_ok=True)
    course = Course(target)
    errors = course.release()
    if errors:
        raise RuntimeError(f"release failed: {errors}")
    return course


def plan_for(trainee: dict[str, Any], assignment: str, notebook: Path) -> SubmissionPlan:
    """The answers a simulated trainee gives in one notebook."""
    answers: dict[str, str] = {}
    if trainee.get("base") == "solution":
        answers.update(solution_answers(notebook))
    answers.update(trainee.get("answers", {}).get(assignment, {}))
    return SubmissionPlan(answers=answers)


def simulate_cohort(course: Course, cohort: list[dict[str, Any]], assignments: list[str] | None = None) -> None:
    """Write one submission per trainee and assignment (default: every assignment) into ``submitted/``."""
    for assignment in course.assignments() if assignments is None else assignments:
        for trainee in cohort:
            notebooks = {}
            for source_nb in sorted((course.source_dir / assignment).glob("*.ipynb")):
                release_nb = course.root / "release" / assignment / source_nb.name
                notebooks[source_nb.name] = fill_notebook(release_nb, plan_for(trainee, assignment, source_nb))
            submit(course.root, trainee["id"], assignment, notebooks)


def run_demo(course_root: Path, directory: Path | None = None, console: Console | None = None) -> Path:
    """Run the whole instructor workflow and print the results; returns the demo course directory."""
    console = console or Console()
    started = time.perf_counter()
    target = directory or Path(tempfile.mkdtemp(prefix="ipt-demo-"))
    console.print(f"[bold]1. Building a throw-away course in {target}[/bold]")
    course = build_course(course_root, target)
    console.print(f"   released: {', '.join(course.assignments())}")
    cohort = yaml.safe_load((course_root / COHORT_FILE).read_text(encoding="utf-8"))["trainees"]
    console.print(f"[bold]2. Simulating {len(cohort)} trainee submissions of mixed quality[/bold]")
    simulate_cohort(course, cohort)
    console.print("[bold]3. Autograding and writing feedback[/bold]")
    results = []
    for assignment in course.assignments():
        results += grade_with_progress(course, assignment, console=console)
    print_summary(results, console)
    console.print(f"Feedback for each trainee: {target / 'feedback'}")
    from ipt_training.analytics.report import write_report

    console.print(f"[bold]4. Instructor report[/bold]: {write_report(course, target / 'report')}")
    console.print(f"Demo finished in {time.perf_counter() - started:.0f} s.")
    return target
