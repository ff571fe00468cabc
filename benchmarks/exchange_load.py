"""Exchange load: N simulated trainees submit through nbgrader's exchange within a minute while the instructor
collects at the same time; then autograde (``--jobs``), release feedback and every trainee fetches theirs.

Run: python benchmarks/exchange_load.py [--trainees 100] [--window 60] [--jobs 2]

Simulated trainees are nbgrader's exchange API with one folder per trainee (``CourseDirectory.student_id`` names
them; one unix account for all, so collection's owner check is off here; tests/test_hub_e2e.py covers real
accounts). Submissions come from 8 worker processes at random moments in the window; the instructor collects
every few seconds meanwhile, then once more. Checks: every submission collected exactly once (never a second
copy, never an update), each trainee's own notebook in submitted/, one gradebook submission and one feedback page
per trainee, each trainee fetching their own feedback. Prints figures only.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ipt_foundations"
COURSE_ID = "ipt-course"


def _trainee_config(exchange: Path, student: str, folder: Path):
    from traitlets.config import Config

    config = Config()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.student_id = student
    config.CourseDirectory.root = str(folder)
    config.Exchange.root = str(exchange)
    config.Exchange.assignment_dir = str(folder)
    config.Exchange.cache = str(folder / ".nbgrader-cache")
    return config


def _run(app_class, config, assignment: str) -> None:
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    app = app_class(coursedir=coursedir, authenticator=Authenticator(config=config), config=config)
    app.start()


def fetch(exchange: str, student: str, folder: str) -> None:
    from nbgrader.exchange.default import ExchangeFetchAssignment

    _run(ExchangeFetchAssignment, _trainee_config(Path(exchange), student, Path(folder)), ASSIGNMENT)


def submit(exchange: str, student: str, folder: str, at: float, answers: dict[str, str]) -> float:
    """Fill the fetched notebook with ``answers`` and submit it at wall-clock time ``at``; returns how long the
    submit took."""
    import nbformat
    from nbgrader.exchange.default import ExchangeSubmit

    from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook

    notebook = Path(folder) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nbformat.write(fill_notebook(notebook, SubmissionPlan(answers=answers)), notebook)
    time.sleep(max(0.0, at - time.time()))
    started = time.monotonic()
    _run(ExchangeSubmit, _trainee_config(Path(exchange), student, Path(folder)), ASSIGNMENT)
    return time.monotonic() - started


def fetch_feedback(exchange: str, student: str, folder: str) -> list[str]:
    from nbgrader.exchange.default import ExchangeFetchFeedback

    _run(ExchangeFetchFeedback, _trainee_config(Path(exchange), student, Path(folder)), ASSIGNMENT)
    return [p.read_text(encoding="utf-8") for p in (Path(folder) / ASSIGNMENT / "feedback").glob("*/*.html")]


def build_course(target: Path, exchange: Path):
    from ipt_training.grading.workflow.course import Course

    target.mkdir(parents=True)
    shutil.copy2(REPO / "nbgrader_config.py", target)
    shutil.copytree(REPO / "source" / "keys", target / "source" / "keys")
    shutil.copytree(REPO / "source" / ASSIGNMENT, target / "source" / ASSIGNMENT)
    (target / "nbgrader_config_local.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        "c.ExchangeCollect.check_owner = False  # one unix account plays every trainee here\n")
    return Course(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=100)
    parser.add_argument("--window", type=float, default=60.0, help="seconds over which submissions arrive")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the course here")
    args = parser.parse_args()

    from ipt_training.grading.workflow.exchange import collect, release_feedback, release_to_exchange
    from ipt_training.grading.workflow.simulate import solution_answers
    from ipt_training.runtime import prepare_process

    prepare_process()  # alembic on PATH, nbconvert's templates found, as for ipt-course

    work = Path(tempfile.mkdtemp(prefix="ipt-exchange-load-"))
    exchange = work / "exchange"
    course = build_course(args.keep or work / "course", exchange)
    students = [f"trainee{n:03d}" for n in range(args.trainees)]
    markers = {s: f"marker-{s}-{random.getrandbits(48):012x}" for s in students}
    answers = solution_answers(course.source_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    ids = sorted(answers)

    t0 = time.monotonic()
    errors = course.release([ASSIGNMENT])
    assert not errors, errors
    with course.gradebook() as gb:
        for student in students:
            gb.update_or_create_student(student)
    release_to_exchange(course, ASSIGNMENT)
    print(f"release (generate + exchange) and {args.trainees} trainees in the gradebook: {time.monotonic() - t0:.1f} s")

    folders = {s: work / "trainees" / s for s in students}
    for folder in folders.values():
        folder.mkdir(parents=True)
    t0 = time.monotonic()
    with ProcessPoolExecutor(8) as pool:
        list(pool.map(fetch, [str(exchange)] * len(students), students, [str(f) for f in folders.values()]))
    print(f"{args.trainees} fetches: {time.monotonic() - t0:.1f} s")

    rng = random.Random(7)
    plans = {}
    for n, s in enumerate(students):
        chosen = ids if n % 3 else ids[: max(1, len(ids) // 2)]  # a third hand in half the answers
        plans[s] = {k: f"# {markers[s]}\n{answers[k]}" for k in chosen}
    delays = sorted(rng.uniform(0, args.window) for _ in students)

    collect_logs: list[str] = []
    collect_times: list[float] = []
    done = threading.Event()

    def instructor() -> None:
        while not done.is_set():
            started = time.monotonic()
            collect_logs.append(collect(course, ASSIGNMENT).log)
            collect_times.append(time.monotonic() - started)
            done.wait(3.0)

    collector = threading.Thread(target=instructor)
    t0 = time.monotonic()
    start = time.time() + 5.0  # workers start and import first
    with ProcessPoolExecutor(8) as pool:
        futures = [pool.submit(submit, str(exchange), s, str(folders[s]), start + d, plans[s]) for s, d in
                   zip(students, delays, strict=True)]
        collector.start()
        submit_times = [f.result() for f in futures]
    submit_span = time.monotonic() - t0 - 5.0
    done.set()
    collector.join()
    started = time.monotonic()
    collect_logs.append(collect(course, ASSIGNMENT).log)
    final_collect = time.monotonic() - started
    collect_times.append(final_collect)

    log = "\n".join(collect_logs)
    collected = re.findall(r"Collecting submission: (\S+) " + ASSIGNMENT, log)
    updated = re.findall(r"Updating submission: (\S+) " + ASSIGNMENT, log)
    inbound = list((exchange / COURSE_ID / "inbound").iterdir())
    lost = sorted(set(students) - set(collected))
    twice = sorted({s for s in collected if collected.count(s) > 1})
    wrong = [s for s in students
             if markers[s] not in (course.root / "submitted" / s / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()]
    print(f"{args.trainees} submissions in {submit_span:.1f} s (window {args.window:g} s; one submit "
          f"{min(submit_times):.2f}-{max(submit_times):.2f} s); in the exchange: {len(inbound)}")
    print(f"collect while submitting: {len(collect_times) - 1} runs, {min(collect_times):.2f}-"
          f"{max(collect_times):.2f} s each; final collect {final_collect:.2f} s")
    print(f"collected {len(collected)} (distinct {len(set(collected))}), lost {len(lost)}, collected twice "
          f"{len(twice)}, replaced {len(updated)}, wrong notebook {len(wrong)}")

    t0 = time.monotonic()
    results = course.autograde(ASSIGNMENT, jobs=args.jobs)
    grade_time = time.monotonic() - t0
    failed = [r.student for r in results if not r.ok]
    with course.gradebook() as gb:
        rows = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    full = sum(1 for r in results if r.ok and r.score == r.max_score)
    print(f"autograde --jobs {args.jobs}: {grade_time:.1f} s for {len(results)} ({grade_time / len(results):.2f} s "
          f"each); failed {len(failed)}; gradebook rows {len(rows)}; full marks {full}, part marks "
          f"{sum(1 for r in results if r.ok and r.score is not None and 0 < r.score < r.max_score)}")

    t0 = time.monotonic()
    released = release_feedback(course, ASSIGNMENT).released
    release_time = time.monotonic() - t0
    t0 = time.monotonic()
    with ProcessPoolExecutor(8) as pool:
        pages = list(pool.map(fetch_feedback, [str(exchange)] * len(students), students,
                              [str(f) for f in folders.values()]))
    fetch_time = time.monotonic() - t0
    seen = [set(re.findall(r"marker-trainee\d+-[0-9a-f]{12}", "".join(p))) for p in pages]
    own = sum(1 for s, p, found in zip(students, pages, seen, strict=True) if len(p) == 1 and markers[s] in found)
    foreign = sum(1 for s, found in zip(students, seen, strict=True) if found - {markers[s]})
    print(f"feedback: release {release_time:.1f} s for {len(released)} trainees; {len(students)} fetches "
          f"{fetch_time:.1f} s; own page {own}/{len(students)}, someone else's {foreign}")

    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: instructor process {self_mb:.0f} MB; largest child process (grading worker, kernel or "
          f"trainee worker) {child_mb:.0f} MB")
    ok = not lost and not twice and not updated and not wrong and not failed and len(rows) == len(students) \
        and own == len(students) and not foreign
    print("RESULT: " + ("every submission collected exactly once, graded, and its feedback returned to its trainee"
                        if ok else "PROBLEMS (see above)"))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
