"""Attacks F6 and F8 of issue 12 through the real serial autograde path, with honest trainees in the same batch.

F6: trainee HTML/JavaScript (markdown cells, ``text/html``, ``image/svg+xml`` and ``application/javascript``
outputs, ``javascript:`` links) must be inert in the autograded notebook the formgrader renders and in the feedback
page, and reported. F8: a timeline of stop words with every kind of life event as the onset event must not earn
the timeline's points. Honest trainees (some with plain HTML tables and markdown notes) keep their scores and get
no spurious problems. Every answer a grader flags for review (the gamed timeline, an inventory with everyone in
every ring) is in the report's review queue with the grader's reason.
"""

from __future__ import annotations

import ast
import re
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
#: Nothing may leave the page: every URL an attack names points here (a closed port; a request would still be seen).
PROBE_URL = "http://127.0.0.1:9"
MALICIOUS_SVG = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" '
                 f'height="60" onload="alert(\'{MARKER}-svg-onload\')"><script>alert("{MARKER}-svg")</script>'
                 f'<image href="{PROBE_URL}/{MARKER}-svg-image.png" width="40" height="40"/>'
                 f'<use xlink:href="{PROBE_URL}/{MARKER}-svg-use.svg#a"/>'
                 '<rect width="120" height="60" fill="#c33"/></svg>')
ATTACK_OUTPUTS = (
    "from IPython.display import HTML, SVG, Javascript, display\n"
    f"display(HTML(\"<img src=x id='{MARKER}-out' onerror=\\\"alert('{MARKER}-onerror')\\\">\"))\n"
    f"display(Javascript(\"alert('{MARKER}-js')\"))\n"
    f"display(SVG({MALICIOUS_SVG!r}))\n"
)
HONEST_HTML = ("import pandas as pd\n"
               "pd.DataFrame({'phase': ['initial', 'middle', 'final'], 'sessions': ['1-3', '4-12', '13-16']})")
#: A trainee's matplotlib figure drawn as SVG in the grading kernel (the inline backend's SVG format).
HONEST_FIGURE = ("%config InlineBackend.figure_formats = ['svg']\n"
                 "import matplotlib.pyplot as plt\n"
                 "plt.plot([1, 4, 8, 12, 16], [24, 21, 15, 11, 8], marker='o')\n"
                 "plt.title('PHQ-9 over the sessions'); plt.xlabel('session'); plt.show()\n")
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


#: Round 2: every cell the kernel ran (the test cells too), base64-encoded past the feedback's key redaction.
READ_THE_TESTS = ("import base64, linecache\n"
                  "ran = '\\n'.join(In) + '\\n'.join(''.join(v[2]) for v in list(linecache.cache.values()))\n"
                  "print('RAN', base64.b64encode(ran.encode()).decode())\n")


#: Round 2: bleach escapes ``<script>``, which then no longer starts a raw-HTML block, so the formgrader (nbconvert
#: renders the stored cell as markdown again) turned the markdown link inside it into a live ``javascript:`` link.
RERENDER_MARKDOWN = f"<script>\n[see my diagram](javascript:alert('{MARKER}-rerender'))\n</script>"
RERENDER_OUTPUT = ("from IPython.display import Markdown, display\n"
                   f"display(Markdown(\"<style>\\n[open](javascript:alert('{MARKER}-md-output'))\\n</style>\"))\n")
#: A 1x1 PNG, as JupyterLab stores an image pasted into a markdown cell (a cell attachment).
PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


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
                           SubmissionPlan(answers=sol, extra_cells_after={"q1_answer": [HONEST_HTML, HONEST_FIGURE]}))
    honest.cells.insert(1, nbformat.v4.new_markdown_cell(HONEST_MARKDOWN))
    attack = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                           SubmissionPlan(answers=sol, extra_cells_after={"q1_answer": [ATTACK_OUTPUTS]}))
    attack.cells.insert(1, nbformat.v4.new_markdown_cell(ATTACK_MARKDOWN))
    plain = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb", SubmissionPlan(answers=sol))
    history = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                            SubmissionPlan(answers=sol, extra_cells_after={"q8_test": [READ_THE_TESTS]}))
    rerender = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                             SubmissionPlan(answers=sol, extra_cells_after={"q1_answer": [RERENDER_OUTPUT]}))
    rerender.cells.insert(1, nbformat.v4.new_markdown_cell(RERENDER_MARKDOWN))
    screenshot = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb", SubmissionPlan(answers=sol))
    pasted = nbformat.v4.new_markdown_cell("My sketch of the phases:\n\n![phases.png](attachment:phases.png)")
    pasted["attachments"] = {"phases.png": {"image/png": PIXEL_PNG}}
    screenshot.cells.insert(1, pasted)
    # An answer cell deleted together with its test (two cells selected, one Delete): nbgrader stopped on it.
    pair = fill_notebook(release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb",
                         SubmissionPlan(answers=sol, delete_cells=["q2_answer", "q2_test"]))
    for student, nb in (("aaron_html", attack), ("good_tables", honest), ("good_plain", plain),
                        ("aaron_history", history), ("aaron_rerender", rerender), ("good_screenshot", screenshot),
                        ("carol_deleted_pair", pair)):
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
    assert '"Part 2: the timeline and the onset" (timeline_test): flagged for review: 2,652 timeline rows' in problems
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
            where, _, reason = problem.partition(": flagged for review: ")  # '<notebook>: "<title>" (<id>): ...'
            if reason:
                flagged[(result.student, where.rpartition("(")[2].rstrip(")"))] = reason
    assert set(flagged) == {("aaron_timeline", "timeline_test"), ("aaron_inventory", "inventory_test")}, flagged
    for key, reason in flagged.items():
        assert f"flagged by the grader: {reason}" in queued.get(key, ""), (key, queued.get(key))
    assert "2,652 timeline rows" in queued[("aaron_timeline", "timeline_test")]
    assert "people placed in several rings; 15 inventory rows" in queued[("aaron_inventory", "inventory_test")]
    honest = {k: v for k, v in queued.items() if k[0].startswith("good_")}
    assert not honest, honest
    # What sent a whole submission to review (its HTML and JavaScript made inert) is in the queue too.
    (problem,) = [p for p in batch.results["aaron_html"].problems if "Review this submission" in p]
    assert queued[("aaron_html", f"{FOUNDATIONS}.ipynb")] == problem


def _svg_images(html: str) -> list[str]:
    """The SVG documents shown as ``<img class="ipt-svg-figure" src="data:image/svg+xml;base64,...">``."""
    import base64
    import re

    tags = [tag for tag in re.findall(r"<img\b[^>]*>", html) if 'class="ipt-svg-figure"' in tag]
    found = [re.search(r'\bsrc="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', tag) for tag in tags]
    return [base64.b64decode(match[1]).decode("utf-8") if match else "(no SVG source)" for match in found]


def _autograded(student: str) -> Path:
    return Path(f"autograded/{student}/{FOUNDATIONS}/{FOUNDATIONS}.ipynb")


def test_an_honest_svg_figure_is_shown_as_an_image(batch: Batch) -> None:
    notebook = nbformat.read(batch.course.root / _autograded("good_tables"), as_version=4)
    data = [o.get("data", {}) for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not any("image/svg+xml" in d for d in data)  # the formgrader never gets SVG markup to put in its page
    figures = [svg for d in data for svg in _svg_images(d.get("text/html", ""))]
    assert len(figures) == 1 and "<svg" in figures[0] and "Matplotlib" in figures[0], figures
    page = batch.results["good_tables"].feedback[0].read_text(encoding="utf-8")
    assert _svg_images(page) == figures


def test_a_hostile_svg_is_kept_only_as_an_inert_image(batch: Batch) -> None:
    page = batch.results["aaron_html"].feedback[0].read_text(encoding="utf-8")
    (shown,) = _svg_images(page)  # as IPython's SVG display re-wrote it; shown as an image, in which nothing runs
    assert "<script>" in shown and "onload=" in shown and f'href="{PROBE_URL}/' in shown, shown
    assert _live(page) == []  # the code cell shows the SVG as escaped text; no element of it is in the page


def _listening_server(hits: list[str]):
    """An HTTP server on a free local port, in a thread, that notes every path asked for and answers 404."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Note(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            hits.append(self.path)
            self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Note)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
def test_feedback_pages_render_and_their_csp_blocks_scripts_and_remote_loads(batch: Batch, tmp_path: Path) -> None:
    """In chromium: the pages look as before (styles, tables, the SVG figure), nothing on them runs or loads; a
    script and a remote image put into the page behind the cleaning's back are blocked by the page's own CSP, and
    run and load once that policy is taken out (so the check can fail)."""
    import os

    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        message = f"{chromium} not found: install it with `apt-get install -y chromium` (never `playwright install`)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    shots = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    honest = batch.results["good_tables"].feedback[0]
    hostile = batch.results["aaron_html"].feedback[0]
    hits: list[str] = []  # what a listening server on this machine was asked for
    server = _listening_server(hits)
    listener = f"http://127.0.0.1:{server.server_port}"
    injected = ("<script>window.iptProbe = 'ran';</script>"
                f"<img id='probe-img' src='{listener}/{MARKER}-injected.png' width='20' height='20'>")
    text = hostile.read_text(encoding="utf-8")
    csp = text.split("<head>", 1)[1].split(">", 1)[0] + ">"
    assert 'http-equiv="Content-Security-Policy"' in csp and "content=\"default-src 'none';" in csp, csp
    with_policy, without_policy = tmp_path / "with_policy.html", tmp_path / "without_policy.html"
    with_policy.write_text(text.replace("<body>", "<body>" + injected, 1), encoding="utf-8")
    without_policy.write_text(with_policy.read_text(encoding="utf-8").replace(csp, "\n", 1), encoding="utf-8")

    def visit(browser, page_file: Path, shot: str | None = None) -> dict:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        seen = {"requests": [], "dialogs": [], "violations": []}
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("requestfailed", lambda r: seen["requests"].remove(r.url) if (r.failure or "").lower() == "csp"
                else None)  # refused by the policy before anything was sent (chromium names it, then says "csp")
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "(window.iptBlocked = window.iptBlocked || []).push(e.blockedURI));")
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        seen["probe"] = page.evaluate("window.iptProbe || null")
        seen["violations"] = page.evaluate("window.iptBlocked || []")
        seen["first_in_head"] = page.evaluate("document.head.firstElementChild.outerHTML")
        seen["heading"] = page.evaluate("getComputedStyle(document.querySelector('.panel-primary > .panel-heading'))"
                                        ".backgroundColor")
        seen["figures"] = page.evaluate("[...document.querySelectorAll('img.ipt-svg-figure')]"
                                        ".map(i => [i.naturalWidth, i.getBoundingClientRect().height])")
        seen["tables"] = page.locator("div.output_html table").count()
        if shot:
            page.locator("img.ipt-svg-figure").first.scroll_into_view_if_needed()
            page.screenshot(path=str(shots / shot))
        seen["remote"] = [u for u in seen["requests"] if not u.startswith(("file:", "data:"))]
        page.close()
        return seen

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        try:
            good = visit(browser, honest, "5-feedback-svg-figure.png")
            bad = visit(browser, hostile, "5b-feedback-hostile-svg.png")
            guarded = visit(browser, with_policy)
            guarded_hits = list(hits)
            unguarded = visit(browser, without_policy)
        finally:
            browser.close()
            server.shutdown()
    for seen in (good, bad):
        assert "Content-Security-Policy" in seen["first_in_head"]
        assert seen["heading"] not in ("", "rgba(0, 0, 0, 0)")  # inline styles apply: bootstrap's blue heading
        assert seen["figures"] and all(width > 0 and height > 0 for width, height in seen["figures"]), seen["figures"]
        assert not seen["dialogs"] and not seen["remote"] and seen["probe"] is None, seen
    assert good["tables"] >= 1  # the honest trainee's pandas table
    assert guarded["probe"] is None and not guarded["dialogs"] and not guarded["remote"] and not guarded_hits, guarded
    assert "inline" in guarded["violations"] and any(listener in v for v in guarded["violations"]), guarded
    assert unguarded["probe"] == "ran" and hits == [f"/{MARKER}-injected.png"], (unguarded, hits)


def test_the_kernel_never_receives_the_hidden_tests(batch: Batch) -> None:
    """Round 2: a cell after the tests read them from the kernel's history (``In``, ``linecache``) and printed them
    base64-encoded, which the feedback's redaction does not recognise: the page carried the hidden tests. The kernel
    now runs each test cell with its hidden part replaced by a record of the answers; the grading process scores
    from the whole test, kept in the graded notebook."""
    import base64
    import re

    result = batch.results["aaron_history"]
    assert result.ok and result.score == 16, result.problems
    page = result.feedback[0].read_text(encoding="utf-8")
    ran = base64.b64decode(re.search(r"RAN ([A-Za-z0-9+/=]+)", page)[1]).decode()
    assert "_record_answers(globals(), ['q8'])" in ran and "check_text(globals(), \"q8\"" in ran  # it read them
    assert "HIDDEN TESTS" not in ran and "q8_sick_role" not in ran and "grade_concepts" not in ran, ran[-800:]
    graded = nbformat.read(batch.course.root / _autograded("aaron_history"), as_version=4)
    (test,) = [c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q8_test"]
    assert "### BEGIN HIDDEN TESTS" in test.source and "q8_sick_role" in test.source  # what the grader scored from


def test_the_record_in_the_kernel_names_what_each_grader_reads(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """For every test cell of every assignment, the kernel's record names exactly the answers the hidden graders
    read (each grader publishes them first; inside the grading sandbox it stops there)."""
    import ipt_training.grading.graders.items as items
    from ipt_training.grading.trusted.rescore import kernel_source, parse_calls

    read: list[list[str]] = []
    monkeypatch.setattr(items, "record_answers", lambda namespace, names: read.append(list(names)))
    monkeypatch.setenv("IPT_GRADING_SANDBOX", "1")
    checked = 0
    for notebook in sorted((repo / "source").glob("*/*.ipynb")):
        for cell in nbformat.read(notebook, as_version=4).cells:
            if not cell.metadata.get("nbgrader", {}).get("grade"):
                continue
            kernel = kernel_source(cell.source)
            assert kernel is not None and "BEGIN HIDDEN" not in kernel, (notebook.name, cell.source)
            recorded = re.search(r"_record_answers\(globals\(\), (\[.*\])\)", kernel)[1]
            read.clear()
            for call in parse_calls(cell.source):
                if call.is_grader:
                    call.resolve()(*[{} if a.__class__.__name__ == "_Namespace" else a for a in call.args],
                                   **dict(call.kwargs))
            assert ast.literal_eval(recorded) == [n for names in read for n in names], (notebook.name, read)
            checked += 1
    assert checked == 16


def test_escaped_html_does_not_become_a_live_link_when_rendered_again(batch: Batch) -> None:
    result = batch.results["aaron_rerender"]
    assert result.ok and result.score == 16, result.problems
    assert "held HTML or JavaScript that could run in a browser" in " | ".join(result.problems)
    notebook = batch.course.root / _autograded("aaron_rerender")
    for page in (_formgrader_page(notebook), result.feedback[0].read_text(encoding="utf-8")):
        assert "see my diagram" in page and _live(page) == [], _live(page)


def test_a_pasted_image_is_graded_and_shown(batch: Batch) -> None:
    """Round 2: an image pasted into a markdown cell (a cell attachment) stopped the sanitizer, so nbgrader failed the
    whole submission ("autograde failed: ... NbGraderException"); the trainee was not graded."""
    result = batch.results["good_screenshot"]
    assert result.ok and result.score == 16 and not result.problems, result.problems
    image = f'src="data:image/png;base64,{PIXEL_PNG}"'
    assert image in result.feedback[0].read_text(encoding="utf-8")
    assert image in _formgrader_page(batch.course.root / _autograded("good_screenshot"))


def test_an_answer_deleted_with_its_test_costs_that_question_only(batch: Batch) -> None:
    """Round 2: nbgrader puts a deleted test back after the cell before it in the assignment and stopped with a
    KeyError when that was the deleted answer cell: the whole submission was not graded ("autograde failed: ...
    NbGraderException: Please see the the above traceback ...")."""
    result = batch.results["carol_deleted_pair"]
    assert result.ok and result.score == 16 - 2, result.problems
    said = " | ".join(result.problems)
    assert "test cell(s) deleted and restored for grading: q2_test" in said
    assert "answer cell(s) deleted: q2_answer" in said
    assert "Traceback" not in said and "NbGraderException" not in said
    graded = nbformat.read(batch.course.root / _autograded("carol_deleted_pair"), as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in graded.cells]
    assert ids.index("q2_question") < ids.index("q2_test") < ids.index("q3_question")  # back in its place
