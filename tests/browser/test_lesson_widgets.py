"""Real browser: the widgets of the newer lessons render and respond in JupyterLab (one screenshot each).

Behaviour is tested without a browser in ``tests/test_lesson_material.py``, ``tests/test_widgets_compare.py`` and
``tests/test_widgets_practice.py``; this proves the front end shows them. Screenshots go to
``artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from test_jupyterlab import (  # the JupyterLab server fixture and page helpers are shared
    ARTIFACTS,
    LabServer,
    _browser,
    _open_notebook,
    _raw_python_outputs,
    _run_all,
    _screenshot_on_failure,
    _wait_until_idle,
    lab,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
__all__ = ["lab"]


def _session(lab: LabServer, name: str, steps) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            with _screenshot_on_failure(page, name):
                steps(page, lab)
        finally:
            browser.close()


def _best_and_weaker_position(script: str) -> tuple[int, int]:
    """Where the player shows the best line of the script's first decision, and a weaker one (lines are shuffled)."""
    from ipt_training.session_script import load_script
    from ipt_training.widgets.script_player import display_orders

    loaded = load_script(script)
    decision = loaded.decisions[0]
    order = display_orders(loaded)[decision.id]
    best = order.index(decision.options.index(decision.best))
    return best, (best + 1) % len(order)


def test_scripted_session_gives_feedback_on_a_chosen_line(lab: LabServer) -> None:
    def steps(page: Page, lab: LabServer) -> None:
        from playwright.sync_api import expect

        _open_notebook(page, lab, "08_first_sessions.ipynb")
        player = page.locator(".ipt-script-player")
        _run_all(page, player)
        _wait_until_idle(page)
        player.scroll_into_view_if_needed()
        best, weaker = _best_and_weaker_position("first_sessions")
        player.get_by_role("radio").nth(weaker).check(force=True)  # a weaker line first
        player.get_by_role("button", name="Check").click()
        expect(player).to_contain_text("not quite", timeout=30_000)
        player.get_by_role("radio").nth(best).check(force=True)
        player.get_by_role("button", name="Check").click()
        expect(player).to_contain_text("correct", timeout=30_000)
        player.get_by_role("button", name="Continue").click()
        expect(player).to_contain_text("sick role", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "5-lesson08-script-player.png"))
        assert not _raw_python_outputs(page), _raw_python_outputs(page)

    _session(lab, "lesson08", steps)


def test_case_picker_opens_inventory_and_timeline_practice(lab: LabServer) -> None:
    def steps(page: Page, lab: LabServer) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        from playwright.sync_api import expect

        _open_notebook(page, lab, "07_worked_formulation.ipynb")
        picker = page.locator(".ipt-case-picker")
        _run_all(page, picker)
        _wait_until_idle(page)
        picker.scroll_into_view_if_needed()
        picker.get_by_label("Exercise").select_option(label="Interpersonal inventory")
        picker.get_by_role("button", name="Open").click()
        inventory = picker.locator(".ipt-inventory-practice")
        expect(inventory).to_be_visible(timeout=30_000)
        inventory.locator("select").first.select_option(index=1)
        inventory.get_by_role("button", name="Check").click()
        expect(inventory).to_contain_text("placed as in the case", timeout=30_000)
        inventory.get_by_role("table").last.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "6-lesson07-inventory-practice.png"))

        picker.get_by_label("Exercise").select_option(label="Timeline")
        question = picker.get_by_text("Which event is linked in time to the onset")
        for _ in range(3):  # on a busy machine the first click can land before the menu change is synced
            page.wait_for_timeout(1000)
            picker.get_by_role("button", name="Open").click()
            try:  # wait for this click's result before clicking again (a second Open redraws the exercise)
                question.wait_for(timeout=15_000)
                break
            except PlaywrightTimeout:
                pass
        expect(question).to_be_visible(timeout=30_000)
        _wait_until_idle(page)
        question.scroll_into_view_if_needed()
        picker.get_by_role("radio").first.locator("xpath=..").click()  # the option's label
        picker.get_by_role("button", name="Check").click()
        expect(picker.get_by_role("status").last).to_contain_text("onset", timeout=30_000)
        picker.get_by_role("button", name="Check").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "7-lesson07-timeline-practice.png"))
        assert not _raw_python_outputs(page), _raw_python_outputs(page)

    _session(lab, "lesson07", steps)


def test_practice_session_next_case_and_dashboard(lab: LabServer) -> None:
    def steps(page: Page, lab: LabServer) -> None:
        from playwright.sync_api import expect

        _open_notebook(page, lab, "practice.ipynb")
        session = page.locator(".ipt-practice-session")
        _run_all(page, page.locator(".ipt-progress-dashboard"))
        _wait_until_idle(page)
        session.scroll_into_view_if_needed()
        session.get_by_role("button", name="Next case").click()
        builder = session.locator(".ipt-formulation-builder")
        expect(builder).to_be_visible(timeout=30_000)
        expect(session).to_contain_text("Picked for", timeout=30_000)
        builder.get_by_label("Formulation", exact=True).fill(
            "You have depression, a treatable illness and not your fault. I think the focus is a role transition.")
        builder.get_by_role("button", name="Check").click()
        expect(builder).to_contain_text("Model formulation", timeout=30_000)
        expect(builder.get_by_role("table", name="Key evidence in this case")).to_contain_text("Timeline link")
        page.screenshot(path=str(ARTIFACTS / "8-practice-session.png"))
        # A second Check of the same case (the model answer is on screen now) is feedback only, and says so.
        builder.get_by_label("Primary area").select_option(label="Role transition")
        builder.get_by_label("Secondary area").select_option(label="Role transition")
        builder.get_by_label("Dispute stage").select_option(label="Impasse")
        note = builder.locator(".ipt-choices-note")
        expect(note).to_contain_text("The secondary area is the same as the primary area", timeout=30_000)
        expect(note).to_contain_text("A dispute stage applies only to a role dispute")
        builder.get_by_role("button", name="Check").click()
        expect(builder).to_contain_text("only your first attempt at a case counts", timeout=30_000)
        note.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "8b-practice-second-check.png"))
        builder.get_by_label("Secondary area").select_option(label="None (one area is usually enough)")
        builder.get_by_label("Primary area").select_option(label="Role dispute")
        expect(note).to_have_text("", timeout=30_000)
        dashboard = page.locator(".ipt-progress-dashboard")
        dashboard.scroll_into_view_if_needed()
        expect(dashboard).to_contain_text("Your skills")
        page.screenshot(path=str(ARTIFACTS / "9-practice-dashboard.png"))
        assert not _raw_python_outputs(page), _raw_python_outputs(page)

    _session(lab, "practice", steps)
