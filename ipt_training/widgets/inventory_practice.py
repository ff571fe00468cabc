"""Inventory practice: place each person in the closeness circle from the vignette, then compare with the case."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import ipywidgets as widgets

from ipt_training.cases.model import Case, Closeness
from ipt_training.widgets.compare import inventory_feedback_html
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.inventory import RING_LABELS, RING_OUTER, plot_closeness_circle
from ipt_training.widgets.render import figure_png, paragraph, status_region, vignette_html

UNPLACED = ""
PLACE_OPTIONS = [("Place this person…", UNPLACED), *((RING_LABELS[r], r.value) for r in RING_OUTER)]


@dataclass
class InventoryPractice:
    """One closeness menu per person; *Check* compares the placements with the case's inventory."""

    case: Case
    placements: dict[str, widgets.Dropdown]
    check_button: widgets.Button
    feedback: widgets.HTML
    comparison: widgets.HBox
    widget: widgets.VBox
    attempted: bool = False
    freshness: FeedbackFreshness | None = None
    _images: list[widgets.Image] = field(default_factory=list)

    def chosen(self) -> dict[str, Closeness | None]:
        return {name: Closeness(d.value) if d.value else None for name, d in self.placements.items()}

    def check(self, _button: object = None) -> str:
        chosen = self.chosen()
        if self.freshness is not None:
            self.freshness.reset()
        if not any(chosen.values()):
            self.feedback.value = status_region(paragraph(
                "Place at least one person in a circle, then press Check."))
            self.comparison.children = ()  # circles drawn for an earlier attempt would no longer match
            return self.feedback.value
        self.attempted = True
        self.feedback.value = status_region(inventory_feedback_html(self.case, chosen))
        if self.freshness is not None:
            self.freshness.checked()
        placed = [p.model_copy(update={"closeness": chosen[p.name]}) for p in self.case.inventory if chosen[p.name]]
        yours = widgets.Image(value=figure_png(plot_closeness_circle(placed, patient_label="Your circle")),
                              format="png", layout=widgets.Layout(width="48%"))
        case_circle = widgets.Image(value=figure_png(plot_closeness_circle(self.case.inventory,
                                                                           patient_label="The case")),
                                    format="png", layout=widgets.Layout(width="48%"))
        self.comparison.children = (yours, case_circle)
        return self.feedback.value

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def inventory_practice(case: Case, with_vignette: bool = True) -> InventoryPractice:
    """Read the vignette, place each person, press Check: your circle appears beside the case's circle."""
    menus: dict[str, widgets.Dropdown] = {}
    rows: list[widgets.Widget] = []
    for person in case.inventory:
        menu = widgets.Dropdown(options=PLACE_OPTIONS, value=UNPLACED, description=person.name,
                                tooltip=f"How close is {person.name} ({person.relationship}) to {case.patient.name}?",
                                style={"description_width": "9em"},
                                layout=widgets.Layout(width="32em", flex="0 0 auto"))
        menus[person.name] = menu
        relationship = widgets.HTML(f"<div style='padding:4px 0 0 8px;line-height:1.4'>"
                                    f"{escape(person.relationship)}</div>",
                                    layout=widgets.Layout(flex="1 1 0%", min_width="8em"))
        rows.append(widgets.HBox([menu, relationship]))
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Compare your placements with the case")
    practice = InventoryPractice(case, menus, button, widgets.HTML(), widgets.HBox(), widgets.VBox())
    button.on_click(practice.check)
    practice.freshness = watch_answer(practice.feedback, menus.values(), practice.chosen)
    header = [widgets.HTML(vignette_html(case))] if with_vignette else []
    practice.widget = widgets.VBox([
        *header, widgets.HTML("<h4>Your closeness circle</h4>"
                              "<p>From the vignette, place each person in the inner, middle or outer circle.</p>"),
        *rows, button, practice.feedback, practice.comparison,
    ], layout=widgets.Layout(max_width="60em"))
    practice.widget.add_class("ipt-inventory-practice")
    return practice
