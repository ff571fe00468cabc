"""How long ``write_report`` takes, and how much memory it peaks at, for a simulated cohort of 100 trainees.

Run: python benchmarks/report_scale.py [--trainees 100] [--seed 7] [--keep DIR]

The cohort is simulated without executing 100 x 2 notebooks: each trainee's answer cells are drawn at
random from the demo cohort (solution, partly wrong, keyword stuffing, untouched release); the item
graders the hidden tests would call are run in-process on the literal answer values; the grades go into
the gradebook through nbgrader's ``Gradebook`` API (``add_student``, ``add_submission``, ``find_grade``)
and the printed feedback into ``autograded/<student>/<assignment>/*.ipynb``, as autograde leaves them.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import io
import os
import random
import shutil
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path
from typing import Any

import nbformat
import yaml

from ipt_training.analytics.gradebook import answer_variables
from ipt_training.grading.workflow.course import Course, find_course_root
from ipt_training.grading.workflow.demo import COHORT_FILE
from ipt_training.grading.workflow.simulate import solution_answers

ASSIGNMENTS = ("ipt_foundations", "problem_area_formulation")


def _call_grader(source: str, namespace: dict[str, Any]) -> tuple[float, str]:
    """Run the grader call of a grade cell's hidden test on ``namespace``; returns (points, printed text)."""
    from ipt_training.grading.graders import items

    call = next(node.value for node in ast.parse(source).body
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", "") == "_grade")
    grader_name = next(alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
                       for alias in node.names if alias.asname == "_grade")
    args = [namespace if isinstance(a, ast.Call) else ast.literal_eval(a) for a in call.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        points = getattr(items, grader_name)(*args, **kwargs)
    return float(points), printed.getvalue()


def simulate(course: Course, trainees: int, seed: int) -> None:
    """Write ``trainees`` simulated submissions straight into the gradebook and ``autograded/``."""
    rng = random.Random(seed)
    templates = yaml.safe_load((course.root / COHORT_FILE).read_text(encoding="utf-8"))["trainees"]
    cache: dict[tuple[str, str], tuple[float, str]] = {}
    with course.gradebook() as gb, warnings.catch_warnings():
        # nbgrader 0.9.6's add_submission triggers an SQLAlchemy 2.x autoflush warning inside nbgrader.
        warnings.filterwarnings("ignore", message="Object of type")
        for assignment in ASSIGNMENTS:
            for source_nb in sorted((course.source_dir / assignment).glob("*.ipynb")):
                solution = solution_answers(source_nb)
                release = nbformat.read(course.root / "release" / assignment / source_nb.name, as_version=4)
                autograded = nbformat.read(source_nb, as_version=4)  # hidden tests are in the source version
                for i in range(trainees):
                    student = f"t{i:03d}"
                    if assignment == ASSIGNMENTS[0]:
                        gb.update_or_create_student(student)
                    nb = copy.deepcopy(release)
                    for cell in nb.cells:
                        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
                        if cell.metadata.get("nbgrader", {}).get("solution"):
                            template = rng.choice(templates)
                            answer = template.get("answers", {}).get(assignment, {}).get(grade_id)
                            if answer is None and template.get("base") == "solution":
                                answer = solution[grade_id]
                            if answer is not None:
                                cell.source = answer
                    namespace: dict[str, Any] = {}
                    for cell in nb.cells:
                        if cell.metadata.get("nbgrader", {}).get("solution"):
                            namespace.update(answer_variables(cell.source))
                    gb.add_submission(assignment, student)
                    for cell, test in zip(nb.cells, autograded.cells, strict=True):
                        meta = cell.metadata.get("nbgrader", {})
                        if not meta.get("grade"):
                            continue
                        cell.source = test.source
                        key = (meta["grade_id"], repr(sorted(namespace.items())))
                        if key not in cache:
                            cache[key] = _call_grader(test.source, namespace)
                        points, printed = cache[key]
                        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=printed),
                                        nbformat.v4.new_output("execute_result", data={"text/plain": repr(points)},
                                                               execution_count=1)]
                        grade = gb.find_grade(meta["grade_id"], source_nb.stem, assignment, student)
                        grade.auto_score = points
                        grade.needs_manual_grade = False
                    gb.db.commit()
                    target = course.root / "autograded" / student / assignment
                    target.mkdir(parents=True, exist_ok=True)
                    nbformat.write(nb, target / source_nb.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Build the course here and keep it (default: a temp folder).")
    args = parser.parse_args()

    repo = find_course_root(Path(__file__).resolve().parent)
    root = args.keep or Path(tempfile.mkdtemp(prefix="ipt-report-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", *ASSIGNMENTS):
        shutil.copytree(repo / "source" / folder, root / "source" / folder, dirs_exist_ok=True)
    os.environ["IPT_COURSE_KEYS"] = str(root / "source" / "keys")  # the graders read the instructor keys
    course = Course(root)
    errors = course.release(list(ASSIGNMENTS))
    if errors:
        raise SystemExit(f"release failed: {errors}")

    started = time.perf_counter()
    simulate(course, args.trainees, args.seed)
    simulated = time.perf_counter() - started
    print(f"Simulated {args.trainees} trainees x {len(ASSIGNMENTS)} assignments in {simulated:.1f} s: grades written "
          "directly through nbgrader's Gradebook API (no notebooks executed); item graders run in-process.")

    from ipt_training.analytics.report import write_report

    tracemalloc.start()
    started = time.perf_counter()
    index = write_report(course, root / "report")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    write_report(course, root / "report")
    untraced = time.perf_counter() - started
    print(f"write_report: {untraced:.2f} s ({elapsed:.2f} s under tracemalloc), "
          f"peak traced memory {peak / 2**20:.1f} MiB")
    print(f"report: {index}")
    if args.keep is None:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
