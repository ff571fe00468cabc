"""Timeline of dated life events against symptom onset (the initial-phase link between mood and events)."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

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
_LEVELS = (1.0, -1.0, 2.0, -2.0, 1.5, -1.5)


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
    for i, event in enumerate(events):
        when, level = parse_date(event.date), _LEVELS[i % len(_LEVELS)]
        colour = KIND_COLOURS[event.kind]
        ax.vlines(when, 0, level, color=colour, linewidth=1)
        ax.plot(when, 0, marker=KIND_MARKERS[event.kind], color=colour, markersize=9, markeredgecolor="black",
                linestyle="none")
        label = f"{when:%b %Y}\n" + "\n".join(textwrap.wrap(event.event, 24))
        ax.text(when, level, label, ha="center", va="bottom" if level > 0 else "top", fontsize=8,
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": colour})
    ax.axvline(onset, color=ONSET_COLOUR, linestyle="--", linewidth=2.5)
    ax.text(onset, 2.9, f" Symptom onset ({onset:%b %Y})", color=ONSET_COLOUR, fontsize=9, fontweight="bold",
            ha="left", va="top")
    dates = [parse_date(e.date) for e in events] + [onset]
    pad = dt.timedelta(days=45)
    ax.set_xlim(min(dates) - pad, max(dates) + pad)
    ax.set_ylim(-3.0, 3.0)
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
