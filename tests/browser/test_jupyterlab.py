"""Real browser: a JupyterLab server, Debian's chromium driven by Playwright, as a trainee and an instructor see it.

Proves that the widgets render and respond in a real front end (their behaviour is tested in
``tests/test_widgets_*.py``), that text typed into the assignment's formulation builder survives a kernel restart,
and that no output area shows a raw Python value. Lessons and the released assignment are copied to a temporary
folder so that autosave never writes into the repository. A small graded cohort (the instructor demo cut down to
one assignment) is built after the lab tests; its feedback page and cohort report are opened too.
Screenshots go to ``artifacts/screenshots/`` (gitignored): look at them after a change to what trainees or
instructors see.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, Playwright

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LESSON = "03_problem_areas.ipynb"
ANSWER = ("You have major depression, a common and treatable illness that is not your fault. It began about two "
          "months after the move to Winnipeg, when you lost your team and your futsal friends. We call this a role "
          "transition.")
ASSIGNMENT = "problem_area_formulation"
TYPED = ("Her low mood began about two months after she took on the ward manager post, with new duties, "
         "a new manager and less time with her family.")
SERVER_START_TIMEOUT = 90
RUN_ALL_TIMEOUT_MS = 180_000
DEMO_TIMEOUT = 360
DEMO_ENV = "IPT_BROWSER_DEMO_DIR"
#: What a raw Python value looks like when it reaches an output area.
RAW_PYTHON = re.compile(
    r"<(?:ProblemArea|DisputeStage|Phase|Closeness|EventKind)\.|\b(?:FormulationAnswer|FormulationReport|Case|"
    r"CriterionResult|CodingResult|QuizResult)\(|\('[a-z_]+',\s*'[a-z_]+'|object at 0x|Traceback \(most recent|"
    r"^\s*(?:True|False|None)\s*$"
)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found: install it with `apt-get install -y chromium` (never `playwright install`)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    log: Path


def _quiet_settings(settings_dir: Path) -> None:
    """User settings that stop JupyterLab asking about news and update checks (the toast) and which kernel to
    start (the dialog can otherwise pop up in the middle of a run on a busy machine)."""
    folder = settings_dir / "@jupyterlab" / "apputils-extension"
    folder.mkdir(parents=True)
    (folder / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    tracker = settings_dir / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"autoStartDefaultKernel": True}))


def _wait_until_up(url: str, token: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


def _jupyter_path() -> str:
    """``JUPYTER_PATH`` plus the base interpreter's share folder: a virtualenv made with system site packages
    finds ipywidgets' front-end extension (without it the widgets show as plain text) and nbconvert's templates
    (without them no feedback HTML) there."""
    extra = str(Path(sys.base_prefix) / "share" / "jupyter")
    return os.pathsep.join(p for p in (os.environ.get("JUPYTER_PATH", ""), extra) if p)


@dataclass
class Demo:
    folder: Path
    process: subprocess.Popen[bytes] | None
    log: Path

    def wait(self) -> Path:
        """The finished demo course (feedback/, report/); fails with the demo's own output if it did not finish."""
        if self.process is None:
            return self.folder
        try:
            code = self.process.wait(timeout=DEMO_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"the graded cohort took more than {DEMO_TIMEOUT}s:\n{self.log.read_text()[-3000:]}")
        if code != 0:
            pytest.fail(f"the graded cohort exited with {code}:\n{self.log.read_text()[-3000:]}")
        return self.folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """A graded cohort (``graded_cohort.py``: the demo cut down to one assignment, about a minute and a half).

    ``IPT_BROWSER_DEMO_DIR`` names a finished ``ipt-course demo --dir`` course to reuse instead (local runs).
    """
    _require_chromium()
    reuse = os.environ.get(DEMO_ENV)
    if reuse:
        yield Demo(Path(reuse), None, Path(reuse) / "demo.log")
        return
    base = tmp_path_factory.mktemp("demo")
    log = base / "demo.log"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "JUPYTER_PATH": _jupyter_path()}
    command = [sys.executable, str(Path(__file__).with_name("graded_cohort.py")), str(REPO), str(base / "course"),
               ASSIGNMENT]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=base)
    try:
        yield Demo(base / "course", process, log)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    _require_chromium()
    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    shutil.copytree(REPO / "course", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(REPO / "release" / ASSIGNMENT, root / ASSIGNMENT)
    settings = base / "settings"
    _quiet_settings(settings)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base / "ws"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "JUPYTER_PATH": _jupyter_path()}
    port, token = _free_port(), secrets.token_hex(16)
    log = base / "jupyter.log"
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, token, process, log)
        yield LabServer(url, token, root, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _dismiss_dialogs(page: Page) -> None:
    """Accept a kernel-selection dialog and close a news toast if either shows up."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.locator(".jp-mod-accept").first.click()
        dialog.first.wait_for(state="detached", timeout=10_000)
    toast_no = page.locator(".jp-toast-button", has_text="No")
    if toast_no.count() and toast_no.first.is_visible():
        toast_no.first.click()


def _open_notebook(page: Page, lab: LabServer, path: str) -> None:
    page.goto(f"{lab.url}/lab/tree/{path}?reset&token={lab.token}")  # reset: only this notebook open
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    _dismiss_dialogs(page)
    from playwright.sync_api import expect

    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']:visible")).to_be_visible(timeout=60_000)


def _menu(page: Page, menu: str, item: str) -> None:
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.get_by_role("menuitem", name=item).first.click()


def _run_all(page: Page, until: Locator) -> None:
    """Run every cell until ``until`` shows; on a busy machine a run can be cut short (a kernel dialog, a click
    before the notebook is ready), so try again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(3):
        _dismiss_dialogs(page)
        _menu(page, "Run", "Run All Cells")
        try:
            until.wait_for(timeout=RUN_ALL_TIMEOUT_MS // 3)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    pytest.fail("Run All Cells never got as far as the widget")


def _wait_until_idle(page: Page) -> None:
    from playwright.sync_api import expect

    page.wait_for_timeout(500)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']:visible")).to_be_visible(
        timeout=RUN_ALL_TIMEOUT_MS)


def _raw_python_outputs(page: Page) -> list[str]:
    """Text of every output area (and every line in it) that looks like a raw Python value."""
    found = []
    for text in page.locator(".jp-OutputArea-output").all_inner_texts():
        if RAW_PYTHON.search(text) or any(RAW_PYTHON.search(line) for line in text.splitlines()):
            found.append(text[:300])
    return found


def _browser(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@contextmanager
def _screenshot_on_failure(page: Page, name: str) -> Iterator[None]:
    """Keep a picture of the page when a step fails (``artifacts/screenshots/failed-NAME.png``)."""
    try:
        yield
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / f"failed-{name}.png"), full_page=True)
        raise


def test_raw_python_pattern_is_not_vacuous() -> None:
    raw = ["FormulationAnswer(text='', primary_area=<ProblemArea.ROLE_TRANSITION: 'role_transition'>)", "True",
           "should be one of ('grief', 'role_dispute')", "<ipt_training.x.Y object at 0x7f>"]
    assert all(RAW_PYTHON.search(text) for text in raw)
    clean = ["Primary area: Role transition", "True to her word", "Attacks ('you always', 'you never')",
             "Formulation a is well-formed."]
    assert not any(RAW_PYTHON.search(text) for text in clean)


def test_lesson3_builder_gives_feedback_and_shows_no_python_values(lab: LabServer) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            with _screenshot_on_failure(page, "lesson03"):
                _lesson3_steps(page, lab)
        finally:
            browser.close()


def _lesson3_steps(page: Page, lab: LabServer) -> None:
    from playwright.sync_api import expect

    _open_notebook(page, lab, LESSON)
    builder = page.locator(".ipt-formulation-builder")
    _run_all(page, builder)
    _wait_until_idle(page)
    builder.scroll_into_view_if_needed()
    builder.get_by_label("Primary area").select_option(label="Role transition")
    builder.get_by_label("Formulation", exact=True).fill(ANSWER)
    expect(builder).to_contain_text("Saved automatically at", timeout=30_000)
    builder.get_by_role("button", name="Check").click()

    table = builder.get_by_role("table", name="Feedback on your formulation")
    expect(table).to_be_visible(timeout=30_000)
    expect(table).to_contain_text("Problem area")
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "1-lesson03-formulation-builder.png"))
    assert not _raw_python_outputs(page), _raw_python_outputs(page)
    # An edit after Check: the old feedback is marked as about the earlier answer until Check is pressed again.
    builder.get_by_label("Primary area").select_option(label="Grief (complicated bereavement)")
    expect(builder).to_contain_text("You have changed your answer since this feedback", timeout=30_000)
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "1b-lesson03-feedback-after-an-edit.png"))
    builder.get_by_role("button", name="Check").click()
    expect(table).to_contain_text("grief (complicated bereavement)", timeout=30_000)
    expect(builder).not_to_contain_text("You have changed your answer since this feedback")


def test_assignment_builder_text_survives_a_kernel_restart(lab: LabServer) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            with _screenshot_on_failure(page, "assignment"):
                _assignment_steps(page, lab)
        finally:
            browser.close()


def _assignment_steps(page: Page, lab: LabServer) -> None:
    from playwright.sync_api import expect

    _open_notebook(page, lab, f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    first = page.locator(".ipt-formulation-builder").first
    _run_all(page, first)
    _wait_until_idle(page)
    first.scroll_into_view_if_needed()
    expect(first).to_contain_text("Saved automatically")
    first.get_by_label("Primary area").select_option(label="Role transition")
    box = first.get_by_label("Formulation", exact=True)
    box.fill(TYPED[:40])
    box.press_sequentially(TYPED[40:], delay=5)
    expect(first).to_contain_text("Saved automatically at", timeout=30_000)
    page.wait_for_timeout(1500)  # the last keystrokes reach the kernel

    _menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_timeout(2000)
    _dismiss_dialogs(page)
    again = page.locator(".ipt-formulation-builder").first
    expect(again).to_be_visible(timeout=RUN_ALL_TIMEOUT_MS)
    _wait_until_idle(page)
    again.scroll_into_view_if_needed()
    expect(again.get_by_label("Formulation", exact=True)).to_have_value(TYPED, timeout=30_000)
    expect(again.get_by_label("Primary area")).to_have_value("Role transition")
    page.screenshot(path=str(ARTIFACTS / "2-assignment-after-kernel-restart.png"))
    saved = json.loads((lab.root / ASSIGNMENT / "ipt_answers.json").read_text(encoding="utf-8"))
    assert saved["a"]["formulation"] == TYPED
    assert not _raw_python_outputs(page), _raw_python_outputs(page)


def _markdown_table_padding(browser: Browser, page_file: Path) -> float:
    """Right padding (px) of a cell of a table written in a trainee's markdown cell, as the feedback page styles it.

    The table is put into the page's first rendered markdown cell (the page's policy forbids scripts, so the
    context bypasses it for this one measurement); the page's own CSS decides the padding.
    """
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        return float(page.evaluate(
            """() => {
                const cell = document.querySelector('div.text_cell_render');
                cell.insertAdjacentHTML('beforeend',
                    '<table><tr><th>Person</th><th>Closeness</th></tr><tr><td>Ana</td><td>close</td></tr></table>');
                return parseFloat(getComputedStyle(cell.querySelector('table td')).paddingRight);
            }"""
        ))
    finally:
        context.close()


def test_feedback_page_and_report_render(demo: Demo) -> None:
    from playwright.sync_api import sync_playwright

    folder = demo.wait()
    feedback = sorted((folder / "feedback").rglob(f"{ASSIGNMENT}.html"))
    report = folder / "report" / "index.html"
    assert feedback and report.is_file(), sorted(p.name for p in folder.iterdir())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(feedback[0].as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(ARTIFACTS / "3-feedback-page.png"))
            page.get_by_text(re.compile(r"Problem area \(\d")).first.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "3b-feedback-first-case.png"))
            shown = page.locator("body").inner_text()
            assert "Traceback (most recent" not in shown and not re.search(r"<(?:ProblemArea|DisputeStage)\.", shown)
            assert _markdown_table_padding(browser, feedback[0]) > 4, "table cells in trainees' notes touch"
            # the explanation under each item's score is several long sentences: prose, not a monospaced code dump
            explanation = page.locator("div.code_cell:has(.ipt-test-cell) div.output_text pre").first
            assert "Problem area (" in explanation.inner_text()
            font = explanation.evaluate("e => getComputedStyle(e).fontFamily")
            assert "mono" not in font.lower() and "courier" not in font.lower(), font
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(ARTIFACTS / "4-report.png"))
            page.screenshot(path=str(ARTIFACTS / "4b-report-full-page.png"), full_page=True)
            assert "Traceback (most recent" not in page.locator("body").inner_text()
        finally:
            browser.close()
