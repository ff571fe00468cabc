"""Real browser: a JupyterLab server, Debian's chromium driven by Playwright, lesson 3's formulation builder.

Proves that the widgets render and respond in a real front end (their behaviour is tested in
``tests/test_widgets_*.py``). Lessons are copied to a temporary folder so that autosave never writes outputs into
the repository. A screenshot goes to ``artifacts/`` (gitignored).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LESSON = "03_problem_areas.ipynb"
ANSWER = ("You have major depression, a common and treatable illness that is not your fault. It began about two "
          "months after the move to Winnipeg, when you lost your team and your futsal friends. We call this a role "
          "transition.")
SERVER_START_TIMEOUT = 90
RUN_ALL_TIMEOUT_MS = 180_000


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
    """User settings that stop JupyterLab asking about news and update checks (the toast)."""
    folder = settings_dir / "@jupyterlab" / "apputils-extension"
    folder.mkdir(parents=True)
    (folder / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))


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


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    _require_chromium()
    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    shutil.copytree(REPO / "course", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = base / "settings"
    _quiet_settings(settings)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base / "ws"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime")}
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
        page.keyboard.press("Enter")
        dialog.first.wait_for(state="detached", timeout=10_000)
    toast_no = page.locator(".jp-toast-button", has_text="No")
    if toast_no.count() and toast_no.first.is_visible():
        toast_no.first.click()


def test_formulation_builder_gives_feedback_in_jupyterlab(lab: LabServer) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{lab.url}/lab/tree/{LESSON}?token={lab.token}")
            page.locator(".jp-NotebookPanel").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1000)
            _dismiss_dialogs(page)
            expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_be_visible(
                timeout=60_000)

            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            _dismiss_dialogs(page)

            builder = page.locator(".ipt-formulation-builder")
            expect(builder).to_be_visible(timeout=RUN_ALL_TIMEOUT_MS)
            builder.scroll_into_view_if_needed()
            builder.get_by_label("Primary area").select_option(label="Role transition")
            builder.get_by_label("Formulation", exact=True).fill(ANSWER)
            builder.get_by_role("button", name="Check").click()

            table = builder.locator("table.ipt-feedback")
            expect(table).to_be_visible(timeout=30_000)
            expect(table).to_contain_text("Feedback on your formulation")
            expect(table).to_contain_text("Problem area")
            table.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "lesson03-formulation-builder.png"))
        finally:
            browser.close()
