"""Timeline of dated life events against symptom onset (the initial-phase link between mood and events)."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

if TYPE_CHECKING:
    from matplotlib.text import Text

from ipt_training.cases.model import Case, EventKind, TimelineEvent
from ipt_training.widgets.render import figure_png, html_table

KIND_COLOURS: dict[EventKind, str] = {
    EventKind.DEATH: "#222222",
    EventKind.CONFLICT: "#d1495b",
    EventKind.CHANGE: "#1b6ca8",
    EventKind.LOSS: "#7b4ea3",
    EventKind.SYMPTOM: "#edae49",
    EventKind.OTHER: "#8d99ae",
}
KIND_MARKERS: dict[EventKind, str] = {
    EventKind.DEATH: "s", EventKind.CONFLICT: "^", EventKind.CHANGE: "o",
    EventKind.LOSS: "D", EventKind.SYMPTOM: "v", EventKind.OTHER: "P",
}
ONSET_COLOUR = "#c1121f"

#: Heights tried for an event's label, nearest the axis first: above and below, then further out.
_LEVELS = tuple(sign * level for level in (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0) for sign in (1, -1))
_ONSET_LABEL = 0.5  # height (data units) kept free under the top for the "Symptom onset" label


def parse_date(text: str) -> dt.date:
    """``YYYY-MM`` (taken as the first of the month) or ``YYYY-MM-DD``."""
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def months_between(start: str, end: str) -> int:
    """Whole calendar months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    a, b = parse_date(start), parse_date(end)
    return (b.year - a.year) * 12 + b.month - a.month


def relation_to_onset(event: TimelineEvent, onset: str) -> str:
    """'3 months before onset', 'at onset' or '1 month after onset'."""
    months = months_between(event.date, onset)
    if months == 0:
        return "at onset"
    unit = "month" if abs(months) == 1 else "months"
    return f"{abs(months)} {unit} {'before' if months > 0 else 'after'} onset"


def _place_labels(labels: list[Text], dates: list[dt.date], ax: Axes) -> float:
    """Put each label at the nearest height where its box overlaps no label placed before it (dense timelines hid
    the key event: in p-03 "Eleni dies in the nursing home" lay under the symptom box), with room above them all
    for the onset label; the figure grows taller when the labels need more room, so text keeps its size. Returns
    the top of the y-axis."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    if not labels:
        return 3.0
    renderer = FigureCanvasAgg(fig).get_renderer()
    origin = ax.transData.transform((mdates.date2num(dates[0]), 0.0))
    unit = ax.transData.transform((mdates.date2num(dates[0]) + 1.0, 1.0)) - origin  # pixels per day, per y unit
    boxes: list[tuple[float, float, float, float]] = []  # x0, x1, y0, y1 in data units (days, levels)
    sizes = []
    for label in labels:
        extent = label.get_window_extent(renderer)
        sizes.append(((extent.width + 12) / unit[0], (extent.height + 8) / unit[1]))
    for label, when, (width, height) in zip(labels, dates, sizes, strict=True):
        x = mdates.date2num(when)
        best: tuple[float, float] | None = None  # (overlap, level)
        for level in _LEVELS:
            y0, y1 = (level, level + height) if level > 0 else (level - height, level)
            box = (x - width / 2, x + width / 2, y0, y1)
            clash = sum(_overlap(box, other) for other in boxes)
            if best is None or clash < best[0] - 1e-9:
                best = (clash, level)
            if clash == 0:
                break
        assert best is not None
        level = best[1]
        label.set_position((x, level))
        label.set_verticalalignment("bottom" if level > 0 else "top")
        y0, y1 = (level, level + height) if level > 0 else (level - height, level)
        boxes.append((x - width / 2, x + width / 2, y0, y1))
    top = max([3.0, *(b[3] + _ONSET_LABEL for b in boxes)])
    bottom = min([-3.0, *(b[2] - 0.2 for b in boxes)])
    if top - bottom > 6.0:  # keep the pixels per unit: the labels were measured at this scale
        width_in, height_in = fig.get_size_inches()
        fig.set_size_inches(width_in, height_in * (top - bottom) / 6.0)
    ax.set_ylim(bottom, top)
    return top


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Area two boxes (x0, x1, y0, y1) share (0 when apart)."""
    width = min(a[1], b[1]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[2], b[2])
    return width * height if width > 0 and height > 0 else 0.0


def plot_timeline(case: Case, ax: Axes | None = None, show_symptoms: bool = True) -> Figure:
    """Plot the case's dated events on a time axis, coloured by kind, with symptom onset clearly marked."""
    if ax is None:
        fig = Figure(figsize=(10, 4.8))
        ax = fig.add_subplot()
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    events = sorted((e for e in case.timeline if show_symptoms or e.kind is not EventKind.SYMPTOM),
                    key=lambda e: parse_date(e.date))
    onset = parse_date(case.symptom_onset)
    ax.axhline(0, color="#555555", linewidth=1)
    dates = [parse_date(e.date) for e in events] + [onset]
    pad = dt.timedelta(days=45)
    ax.set_xlim(min(dates) - pad, max(dates) + pad)
    ax.set_ylim(-3.0, 3.0)
    labels: list[Text] = []
    for event in events:
        when, colour = parse_date(event.date), KIND_COLOURS[event.kind]
        ax.plot(when, 0, marker=KIND_MARKERS[event.kind], color=colour, markersize=9, markeredgecolor="black",
                linestyle="none", zorder=3)
        label = f"{when:%b %Y}\n" + "\n".join(textwrap.wrap(event.event, 24))
        labels.append(ax.text(when, 1.0, label, ha="center", va="bottom", fontsize=8,
                              bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": colour}))
    top = _place_labels(labels, [parse_date(e.date) for e in events], ax)
    for event, label in zip(events, labels, strict=True):
        level = label.get_position()[1]
        ax.vlines(parse_date(event.date), 0, level, color=KIND_COLOURS[event.kind], linewidth=1, zorder=1)
    ax.axvline(onset, color=ONSET_COLOUR, linestyle="--", linewidth=2.5)
    ax.text(onset, top - 0.1, f" Symptom onset ({onset:%b %Y})", color=ONSET_COLOUR, fontsize=9, fontweight="bold",
            ha="left", va="top")
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.yaxis.set_visible(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    kinds = list(dict.fromkeys(e.kind for e in events))
    handles = [Line2D([], [], marker=KIND_MARKERS[k], color=KIND_COLOURS[k], markeredgecolor="black",
                      linestyle="none", label=k.value) for k in kinds]
    handles.append(Line2D([], [], color=ONSET_COLOUR, linestyle="--", linewidth=2.5, label="symptom onset"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(handles), fontsize=8,
              frameon=False)
    ax.set_title(f"Timeline: {case.patient.name}", fontsize=11)
    return fig


def timeline_rows(case: Case, show_symptoms: bool = True) -> list[list[str]]:
    """Text equivalent of the plot: date, kind, event and its relation to onset."""
    events = sorted(case.timeline, key=lambda e: parse_date(e.date))
    return [[e.date, e.kind.value, e.event, relation_to_onset(e, case.symptom_onset)]
            for e in events if show_symptoms or e.kind is not EventKind.SYMPTOM]


@dataclass
class TimelineView:
    """The plot, a text table of the same events, and a checkbox to hide symptom events."""

    case: Case
    show_symptoms: widgets.Checkbox
    image: widgets.Image
    table: widgets.HTML
    widget: widgets.VBox

    def redraw(self, _change: object = None) -> None:
        show = self.show_symptoms.value
        self.image.value = figure_png(plot_timeline(self.case, show_symptoms=show))
        self.table.value = html_table(f"Events and symptom onset ({self.case.symptom_onset})",
                                      ["Date", "Kind", "Event", "Relation to onset"],
                                      timeline_rows(self.case, show_symptoms=show))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def timeline_widget(case: Case) -> TimelineView:
    """Timeline plot plus its table; the checkbox shows or hides the symptom events."""
    checkbox = widgets.Checkbox(value=True, description="Show symptom events",
                                tooltip="Include the events that describe symptoms, not life events")
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
    view = TimelineView(case, checkbox, image, widgets.HTML(), widgets.VBox())
    view.widget = widgets.VBox([widgets.HTML(f"<h4>Timeline: {escape(case.patient.name)}</h4>"), checkbox, image,
                                view.table])
    checkbox.observe(view.redraw, names="value")
    view.redraw()
    return view
