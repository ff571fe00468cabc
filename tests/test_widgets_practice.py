"""The practice session and progress dashboard, driven through their callbacks (no browser)."""

from __future__ import annotations

import json
import threading

import pytest

from ipt_training.practice.record import REPEAT_NOTE, PracticeRecord, load_export
from ipt_training.widgets.formulation import formulation_builder
from ipt_training.widgets.practice import practice_session, progress_dashboard


@pytest.fixture
def record(tmp_path):
    with PracticeRecord(tmp_path / "practice.sqlite") as store:
        yield store


def test_next_case_loads_a_builder_and_check_records_one_attempt(record, library):
    session = practice_session(record, library)
    assert session.area.children == ()
    session.next_button.click()
    builder = session.builder
    assert builder is not None and session.area.children == (builder.widget,)
    assert session.reason.value  # a reason is shown
    builder.text.value = "I would choose grief as the focus; goals: help him mourn."
    builder.check_button.click()
    attempts = record.attempts()
    assert len(attempts) == 1
    assert attempts[0].case_id == builder.case.id
    assert attempts[0].criteria["problem_area"][1] == 3.0


def test_checking_the_same_case_again_is_feedback_only(record, library, tmp_path, monkeypatch):
    """Seven checks of one case (the model formulation shown after the first) read as 'mastered' before."""
    session = practice_session(record, library)
    session.next_button.click()
    builder = session.builder
    builder.primary.value = builder.case.reference.primary_area.value
    builder.text.value = "I would choose this focus; goals: work on it together over twelve weekly sessions."
    builder.check_button.click()
    assert REPEAT_NOTE not in builder.feedback.value
    for _ in range(3):
        builder.text.value += " Does that fit?"
        builder.check_button.click()
        assert REPEAT_NOTE in builder.feedback.value
    assert len(record) == 1
    monkeypatch.setenv("IPT_PRACTICE_DB", str(tmp_path / "own.sqlite"))  # a lesson's builder: the own record
    lesson = formulation_builder(builder.case, reveal=True)
    lesson.text.value = builder.text.value
    lesson.check()
    assert REPEAT_NOTE not in lesson.feedback.value
    lesson.check()
    assert REPEAT_NOTE in lesson.feedback.value
    with PracticeRecord(tmp_path / "own.sqlite") as own:
        assert len(own) == 1


def test_check_with_nothing_written_records_nothing(record, library):
    session = practice_session(record, library)
    session.next_button.click()
    session.builder.check_button.click()
    assert len(record) == 0


def test_the_next_case_after_an_attempt_is_a_different_case(record, library):
    session = practice_session(record, library)
    session.next_button.click()
    first = session.builder.case.id
    session.builder.text.value = "The focus is a role dispute at impasse with his son."
    session.builder.check_button.click()
    session.next_button.click()
    assert session.builder.case.id != first


def test_dashboard_shows_skills_and_exports_a_record_a_supervisor_can_read(record, library, tmp_path):
    empty = progress_dashboard(record)
    assert "0 practice attempt" in empty.table.value
    assert empty.plot.layout.display == "none"
    session = practice_session(record, library)
    session.next_button.click()
    session.builder.text.value = "Primary area: role transition after the move; mourn the old role."
    session.builder.check_button.click()
    dashboard = progress_dashboard(record)
    assert "1 practice attempt" in dashboard.table.value
    assert "Recognising" in dashboard.table.value and "not practised yet" in dashboard.table.value
    assert dashboard.plot.value[:4] == b"\x89PNG"
    path = dashboard.export(folder=tmp_path)
    assert path.name in dashboard.message.value
    trainee, attempts = load_export(path)
    assert len(attempts) == 1 and trainee
    assert "reference" not in json.loads(path.read_text())["attempts"][0]


def test_a_practice_check_in_any_lesson_builder_is_recorded(tmp_path, monkeypatch, library):
    monkeypatch.setenv("IPT_PRACTICE_DB", str(tmp_path / "lesson.sqlite"))
    case = next(c for c in library if c.reference is not None and c.set.value == "practice")
    builder = formulation_builder(case, reveal=True)
    builder.text.value = "The focus is a role transition."
    builder.check()
    assessment = formulation_builder(case, reveal=False)
    assessment.text.value = "The focus is grief."
    assessment.check()
    with PracticeRecord(tmp_path / "lesson.sqlite") as record:
        assert [a.case_id for a in record.attempts()] == [case.id]


def _click_on_another_thread(button) -> None:
    """ipykernel 7 runs widget callbacks on a different thread from the cell that built the widget."""
    errors: list[BaseException] = []

    def click() -> None:
        try:
            button.click()
        except BaseException as exc:  # re-raised on the test thread below
            errors.append(exc)

    worker = threading.Thread(target=click)
    worker.start()
    worker.join()
    if errors:
        raise errors[0]


def test_check_pressed_on_the_kernel_callback_thread_is_still_recorded(tmp_path, library):
    with PracticeRecord(tmp_path / "threads.sqlite") as record:
        session = practice_session(record, library)
        _click_on_another_thread(session.next_button)
        session.builder.text.value = "Primary area: role transition after the move; mourn the old role."
        _click_on_another_thread(session.builder.check_button)
        assert len(record) == 1


def test_dashboard_update_shows_attempts_made_after_it_was_drawn(record, library):
    dashboard = progress_dashboard(record)
    assert "0 practice attempt" in dashboard.table.value
    session = practice_session(record, library)
    session.next_button.click()
    session.builder.text.value = "Primary area: role transition after the move; mourn the old role."
    session.builder.check_button.click()
    assert "0 practice attempt" in dashboard.table.value  # drawn once, not live
    _click_on_another_thread(dashboard.update_button)
    assert "1 practice attempt" in dashboard.table.value
