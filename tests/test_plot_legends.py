"""Legends and labels of the cohort progress figure and the practice mastery dashboard never sit on the data, and
the confusion heat map's colour bar is as tall as the map: each figure is drawn with the Agg renderer and the boxes
of what it drew are compared."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ipt_training.analytics.plots import confusion_figure, progress_figure
from ipt_training.domain import ProblemArea
from ipt_training.practice.learner import LearnerModel
from ipt_training.practice.skills import Observation, area_skill
from ipt_training.widgets.practice import plot_mastery

ASSIGNMENTS = ["ipt_foundations", "problem_area_formulation", "inventory_and_timeline", "communication_analysis"]
#: The demo cohort's trainees (``ipt-course demo``); a larger cohort is drawn without names.
DEMO = ["excellent", "good", "web_errors", "keyword_stuffing", "half_done", "blank"]


def _totals(students: int) -> pd.DataFrame:
    names = DEMO[:students] if students <= len(DEMO) else [f"t{s:03d}" for s in range(students)]
    rows = [{"assignment": a, "position": p, "student": names[s], "score": (7 * s + 3 * p) % 20,
             "max_score": 20, "submitted": (s + p) % 5 != 0}
            for s in range(students) for p, a in enumerate(ASSIGNMENTS)]
    return pd.DataFrame(rows)


def _mastery_model() -> LearnerModel:
    areas = list(ProblemArea)
    return LearnerModel.from_attempts([[Observation(area_skill(areas[i % 4]), i % 4 < 2 or i % 3 == 0)]
                                       for i in range(14)])


def _drawn(figure: Figure) -> Axes:
    FigureCanvasAgg(figure)  # the PNG the widget and the report show is drawn by Agg
    figure.canvas.draw()
    return figure.axes[0]


def _legend_clear_of_the_data(ax: Axes) -> bool:
    renderer = ax.figure.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    return not legend.overlaps(ax.get_window_extent(renderer))


def _inside_the_figure(ax: Axes, artist) -> bool:
    renderer = ax.figure.canvas.get_renderer()
    box, page = artist.get_window_extent(renderer), ax.figure.bbox
    return page.x0 <= box.x0 and box.x1 <= page.x1 + 0.5 and page.y0 <= box.y0 and box.y1 <= page.y1 + 0.5


@pytest.mark.parametrize("students", [6, 30])
def test_the_progress_legend_sits_beside_the_lines_and_stays_on_the_page(students: int) -> None:
    ax = _drawn(progress_figure(_totals(students)))
    assert _legend_clear_of_the_data(ax)
    assert _inside_the_figure(ax, ax.get_legend())


def test_the_progress_assignment_labels_do_not_run_into_each_other() -> None:
    ax = _drawn(progress_figure(_totals(6)))
    renderer = ax.figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in ax.get_xticklabels() if label.get_text()]
    assert len(boxes) == len(ASSIGNMENTS)
    assert all(left.x1 < right.x0 for left, right in itertools.pairwise(boxes))


def test_the_mastery_legend_and_threshold_label_sit_beside_the_lines() -> None:
    ax = _drawn(plot_mastery(_mastery_model()))
    assert _legend_clear_of_the_data(ax)
    assert _inside_the_figure(ax, ax.get_legend())
    renderer = ax.figure.canvas.get_renderer()
    label = next(t for t in ax.texts if t.get_text() == "mastered")
    assert not label.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))
    assert not label.get_window_extent(renderer).overlaps(ax.get_legend().get_window_extent(renderer))


def test_a_legend_inside_the_axes_would_be_caught() -> None:
    ax = _drawn(plot_mastery(_mastery_model()))
    ax.legend(loc="lower right")
    ax.figure.canvas.draw()
    assert not _legend_clear_of_the_data(ax)


def test_the_confusion_colour_bar_is_as_tall_as_the_heat_map() -> None:
    areas = [area.value for area in ProblemArea]
    matrix = pd.DataFrame([[2, 1, 0, 0, 1], [0, 2, 0, 0, 2], [0, 0, 1, 1, 2], [0, 0, 0, 0, 0]], index=areas,
                          columns=[*areas, "none"])
    ax = _drawn(confusion_figure(matrix))
    renderer = ax.figure.canvas.get_renderer()
    heat_map = ax.images[0].get_window_extent(renderer)
    colour_bar = ax.figure.axes[1].get_window_extent(renderer)
    assert abs(heat_map.height - colour_bar.height) <= 0.05 * colour_bar.height, (heat_map, colour_bar)


def test_an_area_not_practised_yet_has_no_point_on_the_mastery_plot() -> None:
    """The table says 'not practised yet' for such an area; the plot must not show the prior as a measured point."""
    transition = area_skill(ProblemArea.ROLE_TRANSITION)
    model = LearnerModel.from_attempts([[Observation(transition, True)], [Observation(transition, False)]])
    lines = {line.get_label(): line for line in _drawn(plot_mastery(model)).get_lines() if line.get_label()[0] != "_"}
    drawn = {label: [y for y in line.get_ydata() if y == y] for label, line in lines.items()}  # y == y: not NaN
    assert drawn["Role transition"] == [pytest.approx(y) for y in (model.history[0][transition],
                                                                   model.history[1][transition])]
    unpractised = [label for label in drawn if label.endswith("(not practised yet)")]
    assert len(unpractised) == 3 and all(drawn[label] == [] for label in unpractised)
