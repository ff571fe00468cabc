"""Timeline plot against symptom onset, its text table, and the small widget."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case, TimelineEvent
from ipt_training.widgets.timeline import (
    ONSET_COLOUR,
    parse_date,
    plot_timeline,
    relation_to_onset,
    timeline_rows,
    timeline_widget,
)


@pytest.fixture(scope="module")
def case() -> Case:
    return CaseLibrary.load(keys_dir=False).get("p-05")


def test_dates_with_and_without_day() -> None:
    assert parse_date("2025-03") == dt.date(2025, 3, 1)
    assert parse_date("2025-03-17") == dt.date(2025, 3, 17)


@pytest.mark.parametrize(("date", "expected"), [("2025-03", "2 months before onset"), ("2025-05", "at onset"),
                                                ("2025-06-20", "1 month after onset")])
def test_relation_to_onset(date: str, expected: str) -> None:
    assert relation_to_onset(TimelineEvent(date=date, event="something", kind="change"), "2025-05") == expected


def test_plot_marks_onset_and_labels_every_event(case: Case) -> None:
    fig = plot_timeline(case)
    ax = fig.axes[0]
    onset_lines = [line for line in ax.get_lines() if line.get_color() == ONSET_COLOUR]
    assert onset_lines, "the onset line must be drawn"
    onset = parse_date(case.symptom_onset)
    assert onset_lines[0].get_xdata()[0] in (onset, mdates.date2num(onset))
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "Symptom onset" in texts
    for event in case.timeline:
        assert event.event.split()[0] in texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "symptom onset" in legend


def test_rows_can_hide_symptom_events(case: Case) -> None:
    all_rows = timeline_rows(case)
    life_events = timeline_rows(case, show_symptoms=False)
    assert len(life_events) < len(all_rows)
    assert all(row[1] != "symptom" for row in life_events)


def test_widget_redraws_when_symptoms_are_hidden(case: Case) -> None:
    view = timeline_widget(case)
    before, table = bytes(view.image.value), view.table.value
    view.show_symptoms.value = False
    assert bytes(view.image.value) != before
    assert view.table.value != table and "symptom</td>" not in view.table.value
    assert view.show_symptoms.description
