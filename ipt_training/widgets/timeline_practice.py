"""Timeline practice: which life event is linked to the onset of the episode? Checked against the case."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ipt_training.cases.model import Case
from ipt_training.widgets.compare import life_events, onset_event_feedback
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.render import (
    WRAPPING_RADIO_CLASS,
    WRAPPING_RADIO_STYLE,
    figure_png,
    html_table,
    status_region,
    vignette_html,
)
from ipt_training.widgets.timeline import plot_timeline

NONE_OF_THESE = -1


@dataclass
class TimelinePractice:
    case: Case
    choice: widgets.RadioButtons
    check_button: widgets.Button
    feedback: widgets.HTML
    plot: widgets.Image
    widget: widgets.VBox
    attempted: bool = False
    freshness: FeedbackFreshness | None = None

    def check(self, _button: object = None) -> str:
        events = life_events(self.case)
        value = self.choice.value
        chosen = events[value] if isinstance(value, int) and value >= 0 else None
        message = onset_event_feedback(self.case, chosen, none_chosen=value == NONE_OF_THESE)
        self.attempted = value is not None
        if self.attempted:
            self.plot.value = figure_png(plot_timeline(self.case))
            self.plot.layout.display = None
        self.feedback.value = status_region(message)
        if self.freshness is not None and self.attempted:
            self.freshness.checked()
        elif self.freshness is not None:
            self.freshness.reset()  # a prompt to choose first is not feedback on an answer
        return message

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def timeline_practice(case: Case, with_vignette: bool = True) -> TimelinePractice:
    """The case's life events and its symptom onset; choose the event linked to the onset (or none)."""
    events = life_events(case)
    rows = [[e.date, e.event] for e in events]
    options = [(f"{e.date}: {e.event}", i) for i, e in enumerate(events)]
    options.append(("None of these: no interpersonal event explains the onset", NONE_OF_THESE))
    choice = widgets.RadioButtons(options=options, value=None, layout=widgets.Layout(width="auto"))
    choice.add_class(WRAPPING_RADIO_CLASS)
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Check the event you linked to the onset")
    plot = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", display="none"))
    practice = TimelinePractice(case, choice, button, widgets.HTML(), plot, widgets.VBox())
    button.on_click(practice.check)
    practice.freshness = watch_answer(practice.feedback, (choice,), lambda: choice.value)
    header = [widgets.HTML(vignette_html(case))] if with_vignette else []
    practice.widget = widgets.VBox([
        *header,
        widgets.HTML(html_table(f"Life events (symptoms began {case.symptom_onset})", ["Date", "Event"], rows)
                     + "<p><b>Which event is linked in time to the onset of the episode?</b></p>"
                     + WRAPPING_RADIO_STYLE),
        choice, button, practice.feedback, plot,
    ], layout=widgets.Layout(max_width="60em"))
    practice.widget.add_class("ipt-timeline-practice")
    return practice
