"""Attacks F6 and F8 of issue 12 through the real serial autograde path, with honest trainees in the same batch.

F6: trainee HTML/JavaScript (markdown cells, ``text/html``, ``image/svg+xml`` and ``application/javascript``
outputs, ``javascript:`` links) must be inert in the autograded notebook the formgrader renders and in the feedback
page, and reported. F8: a timeline of stop words with every kind of life event as the onset event must not earn
the timeline's points. Honest trainees (some with plain HTML tables and markdown notes) keep their scores and get
no spurious problems. Every answer a grader flags for review (the gamed timeline, an inventory with everyone in
every ring) is in the report's review queue with the grader's reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

pytestmark = pytest.mark.slow

FOUNDATIONS, TIMELINE = "ipt_foundations", "inventory_and_timeline"
MARKER = "xss-probe"
ATTACK_MARKDOWN = (f"My notes <script id='{MARKER}-md'>fetch('/api/contents/source/keys/items/x.yaml')</script> "
                   f"[see this](javascript:alert('{MARKER}-link')) <img src=x onerror=\"alert('{MARKER}-img')\">")
ATTACK_OUTPUTS = (
    "from IPython.display import HTML, SVG, Javascript, display\n"
    f"display(HTML(\"<img src=x id='{MARKER}-out' onerror=\\\"alert('{MARKER}-onerror')\\\">\"))\n"
    f"display(Javascript(\"alert('{MARKER}-js')\"))\n"
    f"display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(\"{MARKER}-svg\")</script></svg>'))\n"
)
HONEST_HTML = ("import pandas as pd\n"
               "pd.DataFrame({'phase': ['initial', 'middle', 'final'], 'sessions': ['1-3', '4-12', '13-16']})")
HONEST_MARKDOWN = ("## My notes\n\n| phase | sessions |\n|---|---|\n| initial | 1-3 |\n\n"
                   "**Onset = May**, see the vignette.")
STOP_WORDS = ["the", "a", "her", "his", "of", "to", "and", "in", "she", "he", "with", "from", "on"]
SHOTGUN = ("a death, a move, moving house, selling the house, selling the farm, retirement, a promotion, a new job, "
           "losing a job, divorce, separation, an argument, a marriage, a birth, an illness, a diagnosis, leaving "
           "home, stopping driving, losing friends, moving away")
GAMED_TIMELINE = (
    "import pandas as pd\n"
    f"words = {STOP_WORDS!r}\n"
    "timeline = pd.DataFrame([{'date': f'{y}-{m:02d}', 'event': w} for y in range(2010, 2027)\n"
    "                         for m in range(1, 13) for w in words], columns=['date', 'event'])\n"
    "onset_month = '2025-05'\n"
    f"onset_event = {SHOTGUN!r}\n")
PEOPLE = ["Graham", "Ron", "Maureen", "Women's Institute friends", "Sina"]
EVERY_RING_INVENTORY = (
    "inventory = pd.DataFrame([{'name': n, 'relationship': 'someone', 'closeness': r}\n"
    f"                          for n in {PEOPLE!r} for r in ('inner', 'middle', 'outer')],\n"
    "                         columns=['name', 'relationship', 'closeness'])\n")
SHORT_TIMELINE = (
    "timeline = pd.DataFrame([{'date': '2012-08', 'event': 'Widowed (Ron)'},\n"
    "                         {'date': '2025-01', 'event': 'Gave up driving - eyesight'},\n"
    "                         {'date': '2025-03', 'event': 'Farm sold, moved to ret. village'}],\n"
    "                        columns=['date', 'event'])\n"
    "onset_month = '2025-05'\n"
    "onset_event = 'The move to the village'\n")


@dataclass
class Batch:
    course: Course
    results: dict[str, GradeResult]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Batch:
    course = build_course(repo, tmp_path_factory.mktemp("attacks"))
    results: dict[str, GradeResult] = {}
    release = course.root / "release"
    sol = solution_answers(course.source_dir / FOUNDATIONS / f"{FOUNDATIONS}.ipynb")
    honest = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                           SubmissionPlan(answers=sol, extra_cells_after={"q1_answer": [HONEST_HTML]}))
    honest.cells.insert(1, nbformat.v4.new_markdown_cell(HONEST_MARKDOWN))
    attack = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                           SubmissionPlan(answers=sol, extra_cells_after={"q1_answer": [ATTACK_OUTPUTS]}))
    attack.cells.insert(1, nbformat.v4.new_markdown_cell(ATTACK_MARKDOWN))
    plain = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb", SubmissionPlan(answers=sol))
    for student, nb in (("aaron_html", attack), ("good_tables", honest), ("good_plain", plain)):
        submit(course.root, student, FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": nb})
    results.update({r.student: r for r in course.autograde(FOUNDATIONS)})

    tsol = solution_answers(course.source_dir / TIMELINE / f"{TIMELINE}.ipynb")
    notebook = release / TIMELINE / f"{TIMELINE}.ipynb"
    plans = {
        "aaron_timeline": SubmissionPlan(answers={**tsol, "timeline_answer": GAMED_TIMELINE}),
        "aaron_inventory": SubmissionPlan(answers={**tsol, "inventory_answer": EVERY_RING_INVENTORY}),
        "good_solution": SubmissionPlan(answers=tsol),
        "good_short": SubmissionPlan(answers={**tsol, "timeline_answer": SHORT_TIMELINE}),
    }
    for student, plan in plans.items():
        submit(course.root, student, TIMELINE, {f"{TIMELINE}.ipynb": fill_notebook(notebook, plan)})
    results.update({f"{r.student}/{TIMELINE}": r for r in course.autograde(TIMELINE)})
    return Batch(course, results)


class _Live(HTMLParser):
    """Active things on a page that carry the probe marker: scripts, event handlers, script links, inline SVG."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag = tag
        for name, value in attrs:
            value = value or ""
            if MARKER in value and (name.startswith("on") or name == "id"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and value.strip().lower().startswith(("javascript", "data:text/html")):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self._tag in ("script", "svg") and MARKER in data:
            self.found.append(f"<{self._tag}>{data[:80]}")

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""


def _live(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    return parser.found


def _formgrader_page(notebook: Path) -> str:
    """The page nbgrader's formgrader serves for a submission (its exporter and 'formgrade' template)."""
    import nbgrader.server_extensions.formgrader.handlers as handlers
    from nbconvert.exporters import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    resources = {"assignment_id": FOUNDATIONS, "notebook_id": FOUNDATIONS, "submission_id": "x", "index": 0,
                 "total": 1, "base_url": "/", "student": "aaron_html", "last_name": "", "first_name": "",
                 "notebook_path": "/x"}
    html, _ = HTMLExporter(config=config).from_filename(str(notebook), resources=resources)
    return html


def test_the_attack_reaches_neither_the_formgrader_nor_the_feedback(batch: Batch) -> None:
    result = batch.results["aaron_html"]
    assert result.ok and result.score == 16, result.problems  # its answers are graded as usual
    notebook = batch.course.root / "autograded" / "aaron_html" / FOUNDATIONS / f"{FOUNDATIONS}.ipynb"
    formgrader = _formgrader_page(notebook)
    feedback = result.feedback[0].read_text(encoding="utf-8")
    for page in (formgrader, feedback):
        assert MARKER in page  # the trainee's text is shown, as text
        assert _live(page) == []
    kinds = {key for cell in nbformat.read(notebook, as_version=4).cells for output in cell.get("outputs", [])
             for key in output.get("data", {})}
    assert not kinds & {"application/javascript", "image/svg+xml"}, kinds


def test_the_attack_is_reported_in_plain_words(batch: Batch) -> None:
    problems = " | ".join(batch.results["aaron_html"].problems)
    assert "held HTML or JavaScript that could run in a browser" in problems
    assert "cell 2" in problems and "Review this submission" in problems


def test_honest_html_and_markdown_keep_their_scores_and_raise_nothing(batch: Batch) -> None:
    for student in ("good_tables", "good_plain"):
        result = batch.results[student]
        assert result.ok and result.score == 16 and not result.problems, (student, result.problems)
    feedback = batch.results["good_tables"].feedback[0].read_text(encoding="utf-8")
    assert "<table" in feedback and "initial" in feedback and "<strong>Onset = May</strong>" in feedback


def test_the_gamed_timeline_does_not_earn_the_timeline(batch: Batch) -> None:
    result = batch.results[f"aaron_timeline/{TIMELINE}"]
    assert result.ok and result.score == 6 + 1.5, result.problems  # the solution's inventory, the onset month
    problems = " | ".join(result.problems)
    assert "timeline_test: flagged for review: 2,652 timeline rows" in problems
    html = result.feedback[0].read_text(encoding="utf-8")
    assert "Timeline: 1.5 / 6" in html and "0 of the 3 key life events" in html


def test_honest_timelines_keep_full_marks_in_the_same_batch(batch: Batch) -> None:
    for student in ("good_solution", "good_short"):
        result = batch.results[f"{student}/{TIMELINE}"]
        assert result.ok and result.score == 12 and not result.problems, (student, result.problems)



def test_every_review_flag_reaches_the_review_queue(batch: Batch) -> None:
    """What the autograde summary flags for review (any grader, any assignment) is in report/review_queue.csv."""
    import csv

    from typer.testing import CliRunner

    from ipt_training.cli import app

    root = batch.course.root
    reported = CliRunner().invoke(app, ["report", "--course", str(root)])
    assert reported.exit_code == 0, reported.output
    with (root / "report" / "review_queue.csv").open(newline="", encoding="utf-8") as handle:
        queued = {(row["student"], row["item"]): row["reasons"] for row in csv.DictReader(handle)}
    flagged = {}
    for result in batch.results.values():
        for problem in result.problems:
            where, _, reason = problem.partition(": flagged for review: ")  # "<notebook>: <item>: flagged ..."
            if reason:
                flagged[(result.student, where.rpartition(": ")[2])] = reason
    assert set(flagged) == {("aaron_timeline", "timeline_test"), ("aaron_inventory", "inventory_test")}, flagged
    for key, reason in flagged.items():
        assert f"flagged by the grader: {reason}" in queued.get(key, ""), (key, queued.get(key))
    assert "2,652 timeline rows" in queued[("aaron_timeline", "timeline_test")]
    assert "people placed in several rings; 15 inventory rows" in queued[("aaron_inventory", "inventory_test")]
    honest = {k: v for k, v in queued.items() if k[0].startswith("good_") and "flagged" in v}
    assert not honest, honest
