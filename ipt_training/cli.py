"""The ``ipt-course`` command line: case library, scoring, and the nbgrader course workflow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="IPT course tools: case library, formulation scoring, nbgrader workflow.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
cases_app = typer.Typer(help="Browse and validate the case library.", no_args_is_help=True)
app.add_typer(cases_app, name="cases")
practice_app = typer.Typer(help="Your adaptive practice record (kept on this computer).", no_args_is_help=True)
app.add_typer(practice_app, name="practice")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of a table.")]
CaseDirs = Annotated[list[Path] | None, typer.Option(
    "--dir", help="An instructor case folder to use besides the packaged cases and the course setting "
                  "c.IPTCourse.case_dirs (repeatable).")]


def _print_version(value: bool) -> None:
    """``--version``: the package's version and which build of the scorer runs (pure Python or compiled)."""
    if value:
        from ipt_training import __version__
        from ipt_training.build_info import scorer_build

        typer.echo(f"ipt-course {__version__} (scorer: {scorer_build()})")
        raise typer.Exit()


@app.callback()
def _start(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print the version and whether the scorer runs as pure Python or compiled, then exit.")] = False) -> None:
    """IPT course tools: case library, formulation scoring, nbgrader workflow."""
    from ipt_training.runtime import prepare_process

    prepare_process()  # works when called by path from a venv that is not activated; known noise filtered


def _console():
    from rich.console import Console

    return Console()


def _case_dirs(extra: list[Path] | None) -> list[Path]:
    """The course's configured case folders plus ``--dir`` folders; exits with the problem when one is wrong."""
    from ipt_training.cases.loader import CaseFileError
    from ipt_training.cases.settings import course_case_dirs

    for folder in extra or []:
        if not folder.is_dir():
            typer.echo(f"{folder}: no such folder (--dir)", err=True)
            raise typer.Exit(2)
    try:
        configured = course_case_dirs()
    except CaseFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    return [*configured, *(extra or [])]


def _library(extra: list[Path] | None, keys: Path | bool = True):
    """The case library with instructor folders; every file problem is printed and the command exits 1."""
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.cases.loader import CaseFileError

    try:
        return CaseLibrary.load(keys_dir=keys, extra_dirs=_case_dirs(extra))
    except CaseFileError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        typer.echo("fix the case files above (`ipt-course cases validate` lists the same problems)", err=True)
        raise typer.Exit(1) from None


@cases_app.command("list")
def cases_list(as_json: JsonFlag = False,
               keys: Annotated[Path | None, typer.Option(help="Instructor key directory (source/keys).")] = None,
               case_dirs: CaseDirs = None) -> None:
    """List every case with its set and, where the reference is available, its problem area."""
    library = _library(case_dirs, keys if keys else True)
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "set": c.set.value,
            "difficulty": c.difficulty,
            "patient": f"{c.patient.name}, {c.patient.age}",
            "primary_area": c.reference.primary_area.value if c.reference else None,
            "secondary_area": (c.reference.secondary_area.value
                               if c.reference and c.reference.secondary_area else None),
            "dispute_stage": c.reference.dispute_stage.value if c.reference and c.reference.dispute_stage else None,
            "traps": list(c.traps),
            "reference_available": c.reference is not None,
            "file": str(library.sources[c.id]),
        }
        for c in library
    ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} cases" + ("" if library.keys_dir else " (assessment keys not available)"))
    for column in ("id", "set", "difficulty", "patient", "primary_area", "traps"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["id"], row["set"], row["difficulty"], row["patient"], row["primary_area"] or "hidden",
                      ", ".join(row["traps"]))
    _console().print(table)


@cases_app.command("show")
def cases_show(case_id: Annotated[str, typer.Argument(help="Case id, e.g. p-05.")],
               reference: Annotated[bool, typer.Option(help="Also print the reference (if available).")] = False,
               as_json: JsonFlag = False, case_dirs: CaseDirs = None) -> None:
    """Show a case: vignette, timeline and interpersonal inventory."""
    library = _library(case_dirs)
    try:
        case = library.get(case_id)
    except KeyError as exc:
        typer.echo(f"{exc.args[0]}. A case of your own is found in the course directory (its folders named in "
                   "c.IPTCourse.case_dirs of nbgrader_config.py) or with --dir PATH", err=True)
        raise typer.Exit(2) from None
    if not reference:
        case = case.without_reference()
    if as_json:
        typer.echo(case.model_dump_json(indent=2))
        return
    from ipt_training.cases.render import case_as_text

    typer.echo(case_as_text(case))


@cases_app.command("validate")
def cases_validate(path: Annotated[Path | None, typer.Argument(help="Case file, key file or folder (default: the "
                                                                    "packaged cases and every instructor folder).")]
                   = None,
                   case_dirs: CaseDirs = None) -> None:
    """Validate case files; print every problem as file:line: field: message.

    Without PATH: the packaged cases, every instructor folder and the course's key files (source/keys/cases).
    Case ids must be unique across the packaged cases and every instructor folder.
    """
    from ipt_training.cases.library import find_keys_dir, packaged_cases_dir, yaml_files
    from ipt_training.cases.validation import validate_files

    folders = [packaged_cases_dir(), *_case_dirs(case_dirs)]
    keys = find_keys_dir()
    targets = [path] if path else folders + ([keys / "cases"] if keys and (keys / "cases").is_dir() else [])
    for target in targets:
        if not target.exists():
            typer.echo(f"{target}: no such file or folder", err=True)
            raise typer.Exit(2)
    problems = [p for found in validate_files(yaml_files(targets), folders).values() for p in found]
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"OK: {', '.join(str(t) for t in targets)} valid")


@cases_app.command("check")
def cases_check(paths: Annotated[list[Path] | None, typer.Argument(
                    help="Case files, key files or folders (default: the instructor folders of the course).")] = None,
                case_dirs: CaseDirs = None, as_json: JsonFlag = False) -> None:
    """Validate, then score each model formulation (patient rubric) and the sample answers in the files.

    Shows per answer the total, the points per criterion and which evidence items were matched or missed.
    Exits 1 when a file is invalid, a model formulation scores below 9 / 10 or a sample misses its expectation.
    """
    from ipt_training.cases.check import check_paths
    from ipt_training.cases.library import packaged_cases_dir

    folders = _case_dirs(case_dirs)
    paths = paths or folders
    if not paths:
        typer.echo("name a case file or folder to check, or set c.IPTCourse.case_dirs in the course's "
                   "nbgrader_config.py (docs/authoring-cases.md)", err=True)
        raise typer.Exit(2)
    for target in paths:
        if not target.exists():
            typer.echo(f"{target}: no such file or folder", err=True)
            raise typer.Exit(2)
    checks = check_paths(paths, others=[packaged_cases_dir(), *folders], extra_dirs=folders)
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in checks], indent=2))
    else:
        from ipt_training.cases.check_report import render_checks

        render_checks(checks, _console())
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("concepts")
def concepts(as_json: JsonFlag = False,
             markdown: Annotated[bool, typer.Option("--markdown", help="Print the Markdown tables used in "
                                                                      "docs/authoring-cases.md.")] = False) -> None:
    """List the goal and strategy ids a case reference may use, with their area and meaning."""
    from ipt_training.cases.concepts import concept_rows, concepts_markdown

    if as_json:
        typer.echo(json.dumps(concept_rows(), indent=2))
        return
    if markdown:
        typer.echo(concepts_markdown(), nl=False)
        return
    from rich.table import Table

    table = Table(title="Goal and strategy ids for a case reference (goals: / strategies:)")
    for column in ("kind", "id", "area", "meaning"):
        table.add_column(column)
    for row in concept_rows():
        table.add_row(row["kind"], row["id"], row["area"] or "any area", row["label"])
    _console().print(table)


@app.command("score", help=(
    "Score a formulation answer against a reference and print per-criterion feedback.\n\n"
    "The answer is scored as the graded assignment scores it: with the case (its names and vignette) when the "
    "reference is a case file or a key whose case is in the library."))
def score(reference: Annotated[Path, typer.Option(help="Case file with a reference, or an instructor key file.")],
          answer: Annotated[Path, typer.Option(help="Answer: .txt (free text) or .yaml/.json with text and "
                                                    "primary_area, secondary_area, dispute_stage.")],
          reveal: Annotated[bool, typer.Option(help="Feedback may name the reference focus (practice use).")] = False,
          rubric: Annotated[str, typer.Option(help="supervision (a note to a supervisor, the graded assignment) or "
                                                   "patient (the formulation as said to the patient, lesson 3).")]
          = "supervision",
          as_json: JsonFlag = False) -> None:
    """Score a formulation answer against a reference and print per-criterion feedback.

    The answer is scored as the graded assignment scores it: with the case (its names and vignette) when the
    reference is a case file or a key whose case is in the library.
    """
    from ipt_training.cases.loader import CaseFileError
    from ipt_training.scoring.answers import load_answer_file, load_case_and_reference
    from ipt_training.scoring.formulation import score_formulation
    from ipt_training.scoring.rubrics import RUBRICS

    if rubric not in RUBRICS:
        typer.echo(f"error: unknown rubric {rubric!r}; use one of: {', '.join(RUBRICS)}", err=True)
        raise typer.Exit(2)
    try:
        case, ref = load_case_and_reference(reference)
        ans = load_answer_file(answer)
    except (CaseFileError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    report = score_formulation(ans, ref, reveal=reveal, rubric=rubric, case=case)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        typer.echo(report.as_text())


CourseOption = Annotated[Path | None, typer.Option("--course", help="Course directory (default: found from the "
                                                                   "current directory).")]


def _course(path: Path | None, db_url: str | None = None):
    from ipt_training.grading.workflow.course import Course, CourseError, find_course_root

    try:
        return Course(path.resolve() if path else find_course_root(), db_url=db_url)
    except CourseError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("release")
def release(assignments: Annotated[list[str] | None, typer.Argument(help="Assignments (default: all).")] = None,
            course: CourseOption = None,
            exchange: Annotated[bool, typer.Option("--exchange", help="Then put them in nbgrader's exchange for "
                                                   "trainees to fetch (course hub).")] = False,
            due: Annotated[str | None, typer.Option(help="With --exchange: due date, UTC, as "
                                                         "'YYYY-MM-DD HH:MM'; later submissions are marked late.")]
            = None,
            force: Annotated[bool, typer.Option("--force", help="With --exchange: replace a copy already in the "
                                                "exchange.")] = False) -> None:
    """Generate release/ from source/ with nbgrader, then check it holds no answer key.

    With --exchange, the checked assignments are then released to trainees through nbgrader's exchange.
    """
    from ipt_training.grading.trusted.leaks import find_leaks
    from ipt_training.grading.workflow.course import CourseError

    target = _course(course)
    try:
        errors = target.release(assignments)
    except CourseError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    for name, message in errors.items():
        typer.echo(f"{name}: release failed: {message}", err=True)
    leaks = find_leaks(target.root / "release", target.root)
    for leak in leaks:
        typer.echo(f"LEAK: {leak}", err=True)
    if errors or leaks:
        raise typer.Exit(1)
    typer.echo(f"released {', '.join(assignments or target.assignments())} into {target.root / 'release'}")
    if exchange:
        _release_to_exchange(target, assignments or target.assignments(), due, force)
    elif due or force:
        typer.echo("note: --due and --force are only used with --exchange", err=True)


def _release_to_exchange(target, assignments: list[str], due: str | None, force: bool = False) -> None:
    from datetime import datetime

    from ipt_training.grading.workflow.exchange import ExchangeError, release_to_exchange

    try:
        when = datetime.strptime(due, "%Y-%m-%d %H:%M") if due else None
    except ValueError:
        typer.echo(f"error: due date {due!r} is not of the form 'YYYY-MM-DD HH:MM' (UTC)", err=True)
        raise typer.Exit(2) from None
    for assignment in assignments:
        try:
            folder = release_to_exchange(target, assignment, when, replace=force)
        except ExchangeError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{assignment}: trainees can now fetch it (exchange: {folder})"
                   + (f", due {due} UTC" if due else ""))


@app.command("collect")
def collect(assignment: Annotated[str, typer.Argument(help="Assignment to collect.")],
            course: CourseOption = None) -> None:
    """Collect trainees' submissions of ASSIGNMENT from nbgrader's exchange into submitted/, then list who
    submitted on time, who was late and who is missing (from the gradebook's list of trainees).

    A newer submission replaces an older one. A submission put in the exchange under another trainee's name, or
    holding links, named pipes, devices or more data than the caps, is refused and listed; the others are
    collected. Times are those the exchange saw, not those written in the submission.
    """
    from ipt_training.grading.workflow.course import CourseError
    from ipt_training.grading.workflow.exchange import collect as collect_submissions
    from ipt_training.grading.workflow.roster import print_roster, roster

    target = _course(course)
    try:
        outcome = collect_submissions(target, assignment)
    except CourseError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    from ipt_training.grading.trusted.printable import printable

    for refusal in outcome.refused:  # the messages quote folder and file names the trainees chose
        typer.echo(f"refused: {printable(refusal.message)}", err=True)
    for warning in outcome.warnings:
        typer.echo(f"warning: {printable(warning)}", err=True)
    rows = roster(target, assignment, outcome.refused)
    print_roster(rows, assignment)
    typer.echo(f"next: ipt-course autograde {assignment} --jobs 2")


@app.command("feedback")
def feedback(assignment: Annotated[str, typer.Argument(help="Assignment whose feedback to list or release.")],
             course: CourseOption = None,
             release_it: Annotated[bool, typer.Option("--release", help="Put the feedback in nbgrader's exchange "
                                                      "so each trainee can fetch their own.")] = False) -> None:
    """List the feedback written by autograde for ASSIGNMENT; with --release, release it to trainees."""
    from ipt_training.grading.workflow.exchange import ExchangeError, release_feedback

    target = _course(course)
    folder = target.root / "feedback"
    ready = sorted(p.name for p in folder.iterdir() if any((p / assignment).glob("*.html"))) \
        if folder.is_dir() else []
    if not release_it:
        typer.echo(f"feedback ready for {len(ready)} trainee(s): {', '.join(ready) or 'none'}")
        submitted = target.root / "submitted"
        by_hand = [t for t in ready if not (submitted / t / assignment / "submission_secret.txt").is_file()]
        if len(by_hand) < len(ready):
            typer.echo(f"release it with: ipt-course feedback {assignment} --release")
        if by_hand:  # copied into submitted/ by hand: nbgrader's exchange has nowhere to send their feedback
            typer.echo(f"not through the exchange, so give each their page yourself: {', '.join(by_hand)} "
                       f"(feedback/<trainee>/{assignment}/)")
        return
    try:
        outcome = release_feedback(target, assignment)
    except ExchangeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    released = outcome.released
    if released:
        typer.echo(f"feedback released for {len(released)} trainee(s): {', '.join(released)}; each fetches their "
                   "own (Assignments tab, 'Fetch Feedback')")
    else:  # every trainee with feedback failed (no feedback at all is an ExchangeError above)
        typer.echo(f"feedback of {assignment} released for no trainee; why, for each:")
    for trainee, why in outcome.failed:
        typer.echo(f"not released for {trainee}: {why}", err=True)
    if outcome.failed:
        raise typer.Exit(1)


@app.command("autograde")
def autograde(assignment: Annotated[str, typer.Argument(help="Assignment to grade.")],
              student: Annotated[list[str] | None, typer.Option(help="Only these trainees (repeatable).")] = None,
              course: CourseOption = None,
              db_url: Annotated[str | None, typer.Option(help="Gradebook URL (default from nbgrader_config.py).")]
              = None,
              jobs: Annotated[int, typer.Option("--jobs", "-j", min=1,
                                                help="Submissions graded at a time, each in its own process; "
                                                     "this process alone writes the gradebook.")] = 1) -> None:
    """Autograde every submission of ASSIGNMENT, write feedback, and print a summary table.

    Exits 1 when any submission failed to grade or had problems to review (they are listed); the others are
    graded all the same.
    """
    from rich.console import Console

    from ipt_training.grading.sandbox.kernel import SandboxUnavailable, probe_sandbox
    from ipt_training.grading.workflow.course import CourseError
    from ipt_training.grading.workflow.summary import grade_with_progress, print_summary, sandbox_line

    target = _course(course, db_url)
    err = Console(stderr=True)
    try:
        err.print(sandbox_line(probe_sandbox(config=target.config())), markup=False, highlight=False)
    except SandboxUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        results = grade_with_progress(target, assignment, student, console=err, jobs=jobs)
    except CourseError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    print_summary(results)
    if any(not r.ok or r.problems for r in results):
        raise typer.Exit(1)


@app.command("demo")
def demo(directory: Annotated[Path | None, typer.Option("--dir", help="Build the demo course here (default: a new "
                                                                   "private temporary folder, left in place).")] = None,
         course: CourseOption = None) -> None:
    """Instructor demo: build a demo course, release it, grade a simulated cohort, print results."""
    from ipt_training.grading.workflow.demo import run_demo

    run_demo(_course(course).root, directory)


@app.command("report")
def report(course: CourseOption = None,
           out: Annotated[Path | None, typer.Option("--out", help="Report folder (default: <course>/report).")]
           = None,
           db_url: Annotated[str | None, typer.Option(help="Gradebook URL (default from nbgrader_config.py).")]
           = None,
           calibration: Annotated[Path | None, typer.Option(help="Instructor scores CSV: student,assignment,item,"
                                                                  "score[,area].")] = None,
           practice: Annotated[Path | None, typer.Option(help="Folder of trainees' exported practice records "
                                                               "(*.json) to fold into the report.")] = None) -> None:
    """Instructor report: grades for the LMS, item statistics, problem-area confusion, review queue."""
    from ipt_training.analytics.calibration import CalibrationError
    from ipt_training.analytics.report import write_report

    target = _course(course, db_url)
    try:
        index = write_report(target, out or target.root / "report", calibration_csv=calibration,
                             practice_dir=practice)
    except (CalibrationError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"report written to {index}")


@practice_app.command("show")
def practice_show() -> None:
    """Print your mastery estimates and what to practise next."""
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.practice.learner import LearnerModel
    from ipt_training.practice.recommend import next_case
    from ipt_training.practice.record import PracticeRecord
    from ipt_training.widgets.practice import skill_rows

    with PracticeRecord() as record:
        attempts = record.attempts()
        typer.echo(f"Practice record: {record.path} ({len(attempts)} attempts)")
    model = LearnerModel.from_attempts(a.observations() for a in attempts)
    for skill, estimate, state, count in skill_rows(model):
        typer.echo(f"  {skill:<55} {estimate:>5}  {state} ({count})")
    recommendation = next_case(CaseLibrary.load(keys_dir=False), attempts)
    if recommendation is not None:
        typer.echo(f"Next case: {recommendation.case.id} ({recommendation.case.title}). {recommendation.reason}")


@practice_app.command("export")
def practice_export(out: Annotated[Path, typer.Option("--out", help="JSON file to write.")]
                    = Path("ipt-practice-record.json"),
                    trainee: Annotated[str | None, typer.Option(help="Your name as your supervisor knows it.")]
                    = None) -> None:
    """Export your practice record as a JSON file for a supervisor or instructor."""
    from ipt_training.practice.record import PracticeRecord

    with PracticeRecord() as record:
        path = record.export(out, trainee=trainee)
        typer.echo(f"{len(record)} attempts written to {path}")


def reflow(text: str) -> str:
    """A docstring with each paragraph on one line: typer's help keeps the line breaks of a docstring, which
    breaks sentences in the middle of the terminal."""
    import inspect

    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


for _app in (app, cases_app, practice_app):
    for _command in _app.registered_commands:
        if _command.help is None and _command.callback is not None and _command.callback.__doc__:
            _command.help = reflow(_command.callback.__doc__)


def main() -> None:
    """Console entry: run the command; an unexpected failure is reported as one line with its real cause."""
    import os
    import sys

    try:
        app()
    except Exception as exc:
        if os.environ.get("IPT_DEBUG"):
            raise
        from ipt_training.failures import failure_message

        typer.echo(f"error: {failure_message(exc)} (set IPT_DEBUG=1 to see the traceback)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
