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


def _overlapping_boxes(case: Case, show_symptoms: bool = True) -> list[tuple[str, str]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = plot_timeline(case, show_symptoms=show_symptoms)
    renderer = FigureCanvasAgg(fig).get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text().strip()]
    for text in texts:
        text.draw(renderer)  # places the box around each label
    boxes = [(t.get_bbox_patch() or t).get_window_extent(renderer) for t in texts]
    return [(texts[i].get_text().split("\n")[-1], texts[j].get_text().split("\n")[-1])
            for i in range(len(texts)) for j in range(i + 1, len(texts)) if boxes[i].overlaps(boxes[j])]


def test_the_key_event_of_a_dense_timeline_is_not_hidden() -> None:
    """p-03 in JupyterLab: the death ("Eleni dies in the nursing home", the event the grief focus rests on) lay
    under the symptom box, and the February and April conflicts ran into each other."""
    assert _overlapping_boxes(CaseLibrary.load().get("p-03")) == []


def test_no_library_timeline_has_overlapping_labels() -> None:
    for case in CaseLibrary.load().cases.values():
        assert _overlapping_boxes(case) == [], case.id
        assert _overlapping_boxes(case, show_symptoms=False) == [], case.id
