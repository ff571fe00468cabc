"""Interpersonal inventory: the closeness-circle plot and an editor that redraws it on every change."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from ipt_training.cases.model import Case, Closeness, Person
from ipt_training.widgets.render import figure_png, html_table

if TYPE_CHECKING:
    from matplotlib.text import Text

#: Outer radius of each ring; the patient sits inside ``CENTRE_RADIUS``.
CENTRE_RADIUS = 0.6
RING_OUTER: dict[Closeness, float] = {Closeness.INNER: 1.6, Closeness.MIDDLE: 2.6, Closeness.OUTER: 3.6}
RING_COLOURS: dict[Closeness, str] = {Closeness.INNER: "#1b6ca8", Closeness.MIDDLE: "#2a9d8f",
                                      Closeness.OUTER: "#8d99ae"}
RING_LABELS: dict[Closeness, str] = {Closeness.INNER: "Inner circle (closest)", Closeness.MIDDLE: "Middle circle",
                                     Closeness.OUTER: "Outer circle (less close)"}
DECEASED_MARK = "†"
_LABEL_STYLE = {"description_width": "7em"}


def _ring_inner(ring: Closeness) -> float:
    order = list(RING_OUTER)
    index = order.index(ring)
    return CENTRE_RADIUS if index == 0 else RING_OUTER[order[index - 1]]


def person_label(person: Person) -> str:
    """Short label: name, deceased mark and relationship, wrapped for the plot."""
    name = f"{person.name} {DECEASED_MARK}" if person.deceased else person.name
    return name + "\n" + "\n".join(textwrap.wrap(f"({person.relationship})", 18))


def closeness_positions(people: Sequence[Person]) -> list[tuple[Person, float, float]]:
    """(person, x, y) for each person: evenly spread around the middle of their ring, rings offset from each other."""
    placed: list[tuple[Person, float, float]] = []
    for ring_index, ring in enumerate(RING_OUTER):
        members = [p for p in people if p.closeness is ring]
        radius = (_ring_inner(ring) + RING_OUTER[ring]) / 2
        for i, person in enumerate(members):
            angle = math.pi / 2 + (ring_index + 1) * 0.55 + 2 * math.pi * i / max(len(members), 1)
            placed.append((person, radius * math.cos(angle), radius * math.sin(angle)))
    return placed


def plot_closeness_circle(people: Iterable[Person], ax: Axes | None = None, patient_label: str = "Patient") -> Figure:
    """Draw the closeness circle: patient at the centre, three rings, people placed by closeness, deceased marked †."""
    people = list(people)
    if ax is None:
        fig = Figure(figsize=(7, 7))
        ax = fig.add_subplot()
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    for ring in reversed(list(RING_OUTER)):
        ax.add_patch(Circle((0, 0), RING_OUTER[ring], facecolor=RING_COLOURS[ring], alpha=0.12,
                            edgecolor=RING_COLOURS[ring], linewidth=1.5))
        ax.text(0, RING_OUTER[ring] - 0.12, RING_LABELS[ring].split(" (")[0], ha="center", va="top", fontsize=8,
                color=RING_COLOURS[ring], fontweight="bold")
    ax.add_patch(Circle((0, 0), CENTRE_RADIUS, facecolor="white", edgecolor="black", linewidth=1.5))
    ax.text(0, 0, "\n".join(textwrap.wrap(patient_label, 9)), ha="center", va="center", fontsize=8,
            fontweight="bold")
    labels: list[Text] = []
    for person, x, y in closeness_positions(people):
        colour = RING_COLOURS[person.closeness]
        if person.deceased:
            ax.plot(x, y, marker="o", markersize=11, markerfacecolor="white", markeredgecolor="black",
                    linestyle="none")
            ax.plot(x, y, marker="x", markersize=7, color="black", linestyle="none")
        else:
            ax.plot(x, y, marker="o", markersize=11, color=colour, markeredgecolor="black", linestyle="none")
        ha = "left" if x >= 0 else "right"
        offset = 0.18 if x >= 0 else -0.18
        labels.append(ax.text(x + offset, y, person_label(person), ha=ha, va="center", fontsize=8,
                              bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.8,
                                    "edgecolor": "none"}))
    legend = [Line2D([], [], marker="o", linestyle="none", markersize=9, color=RING_COLOURS[r],
                     markeredgecolor="black", label=RING_LABELS[r]) for r in RING_OUTER]
    legend.append(Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor="white",
                         markeredgecolor="black", label=f"{DECEASED_MARK} deceased"))
    ax.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=8, frameon=False)
    limit = RING_OUTER[Closeness.OUTER] + 1.3
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-RING_OUTER[Closeness.OUTER] - 0.2, RING_OUTER[Closeness.OUTER] + 0.2)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Closeness circle", fontsize=11)
    separate_labels(labels, ax)
    return fig


def separate_labels(labels: Sequence[Text], ax: Axes, rounds: int = 60) -> None:
    """Move labels apart vertically until no two overlap: one person per ring can sit at the same height as one of
    the next ring ("Rosa (sister in Lima)" ran into "Tomasz (former team colleague ...)" once Clara left the inner
    circle). Each step pushes an overlapping pair apart by half their overlap each, in the axes' data units."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    renderer = FigureCanvasAgg(fig).get_renderer() if not hasattr(fig.canvas, "get_renderer") \
        else fig.canvas.get_renderer()
    ax.apply_aspect()  # the box an equal aspect gives the axes at draw time, so pixels are measured as drawn
    for _ in range(rounds):
        boxes = [label.get_window_extent(renderer) for label in labels]
        moved = False
        for i, first in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                second = boxes[j]
                if not first.overlaps(second):
                    continue
                pixels_per_unit = abs(ax.transData.transform((0, 1))[1] - ax.transData.transform((0, 0))[1])
                gap = (min(first.y1, second.y1) - max(first.y0, second.y0) + 2) / 2 / pixels_per_unit
                upper, lower = (labels[i], labels[j]) if first.y0 + first.y1 >= second.y0 + second.y1 \
                    else (labels[j], labels[i])
                for label, sign in ((upper, 1), (lower, -1)):
                    x, y = label.get_position()
                    label.set_position((x, y + sign * gap))
                moved = True
                break
            if moved:
                break
        if not moved:
            return


def closeness_summary(people: Iterable[Person]) -> str:
    """Plain-text equivalent of the circle (a text alternative for screen readers), one line per ring."""
    people = list(people)
    lines = []
    for ring in RING_OUTER:
        names = [f"{p.name} ({p.relationship}{', deceased' if p.deceased else ''})"
                 for p in people if p.closeness is ring]
        lines.append(f"{RING_LABELS[ring]}: {', '.join(names) if names else 'nobody'}")
    return "\n".join(lines)


@dataclass
class InventoryEditor:
    """Inventory rows (closeness and expectations per person) plus a closeness circle that follows the edits."""

    case: Case
    closeness: list[widgets.Dropdown] = field(default_factory=list)
    expectations: list[widgets.Textarea] = field(default_factory=list)
    image: widgets.Image = field(default_factory=lambda: widgets.Image(format="png"))
    summary: widgets.HTML = field(default_factory=widgets.HTML)
    widget: widgets.VBox = field(default_factory=widgets.VBox)

    def people(self) -> list[Person]:
        """The inventory as currently edited."""
        return [
            person.model_copy(update={"closeness": Closeness(dropdown.value), "expectations": text.value})
            for person, dropdown, text in zip(self.case.inventory, self.closeness, self.expectations, strict=True)
        ]

    def redraw(self, _change: object = None) -> None:
        """Redraw the circle and its text alternative from the current rows."""
        people = self.people()
        self.image.value = figure_png(plot_closeness_circle(people, patient_label=self.case.patient.name))
        rows = [[line.split(": ", 1)[0], line.split(": ", 1)[1]] for line in closeness_summary(people).splitlines()]
        self.summary.value = html_table("Who is in which circle", ["Circle", "People"], rows)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def inventory_editor(case: Case) -> InventoryEditor:
    """Build the inventory editor for ``case``: one row per person, circle redrawn on every change."""
    editor = InventoryEditor(case)
    options = [(RING_LABELS[r], r.value) for r in RING_OUTER]
    rows: list[widgets.Widget] = []
    for person in case.inventory:
        heading = widgets.HTML(
            f"<b>{escape(person.name)}</b>{' ' + DECEASED_MARK + ' (deceased)' if person.deceased else ''}"
            f" &mdash; {escape(person.relationship)}; contact: {escape(person.contact)}"
        )
        dropdown = widgets.Dropdown(options=options, value=person.closeness.value, description="Closeness",
                                    tooltip=f"How close is {person.name} to {case.patient.name}?", style=_LABEL_STYLE)
        text = widgets.Textarea(value=person.expectations, description="Expectations",
                                tooltip=f"What {case.patient.name} and {person.name} expect of each other",
                                style=_LABEL_STYLE,
                                layout=widgets.Layout(width="95%", height="4em"))
        dropdown.observe(editor.redraw, names="value")
        text.observe(editor.redraw, names="value")
        editor.closeness.append(dropdown)
        editor.expectations.append(text)
        rows.append(widgets.VBox([heading, dropdown, text],
                                 layout=widgets.Layout(border="1px solid #ccc", padding="4px", margin="2px 0")))
    editor.redraw()
    table = widgets.VBox(rows, layout=widgets.Layout(width="50%"))
    picture = widgets.VBox([editor.image, editor.summary], layout=widgets.Layout(width="50%"))
    editor.widget = widgets.VBox([
        widgets.HTML(f"<h4>Interpersonal inventory: {escape(case.patient.name)}</h4>"
                     "<p>Move people between circles or edit the expectations; the circle is redrawn.</p>"),
        widgets.HBox([table, picture]),
    ])
    return editor
