"""Play a scripted session: dialogue unfolds step by step; at each decision the trainee picks or writes the
therapist's next line and gets feedback before the session continues."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape

import ipywidgets as widgets

from ipt_training.session_script import Decision, SessionScript, Step, check_written_line, load_script
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.render import MARK_RIGHT, MARK_WRONG, TEXT_STYLE, paragraph, status_region

WRITE_OWN = -1
LETTERS = "ABCDEFGH"
_SPEAKER_STYLE = {"therapist": "#1b6ca8", "patient": "#7b4ea3", "narrator": "#555555"}


def step_html(step: Step) -> str:
    parts = []
    for line in step.lines:
        who = "" if line.speaker == "narrator" else f"<b>{line.speaker.capitalize()}:</b> "
        style = "font-style:italic;" if line.speaker == "narrator" else ""
        parts.append(f'<p style="margin:4px 0;{style}color:{_SPEAKER_STYLE[line.speaker]}">{who}'
                     f"{escape(line.text)}</p>")
        if line.note:
            parts.append(f'<p style="margin:0 0 6px 2em;font-size:0.9em;color:#444">Why: {escape(line.note)}</p>')
    return "".join(parts)


def display_orders(script: SessionScript) -> dict[str, list[int]]:
    """Per decision, the option indices in the order they are shown. Scripts are written with the best line first;
    here the best line lands on each letter about equally often within a script, in an order that is the same
    for every trainee and every run (seeded with the script's and the decisions' ids)."""
    decisions = script.decisions
    slots = [number % len(decision.options) for number, decision in enumerate(decisions)]
    random.Random(f"ipt-script:{script.id}").shuffle(slots)
    orders = {}
    for decision, slot in zip(decisions, slots, strict=True):
        best = decision.options.index(decision.best)
        others = [i for i in range(len(decision.options)) if i != best]
        random.Random(f"ipt-script:{script.id}:{decision.id}").shuffle(others)
        position = slot % len(decision.options)
        orders[decision.id] = [*others[:position], best, *others[position:]]
    return orders


def decision_feedback(decision: Decision, chosen: int | None, written: str = "") -> tuple[str, bool]:
    """Feedback HTML for a choice (an option index, or WRITE_OWN with ``written``) and whether to go on."""
    if chosen is None:
        return paragraph("Choose a line (or write your own), then press Check."), False
    if chosen == WRITE_OWN:
        if not written.strip():
            return paragraph("Write the line you would say, then press Check."), False
        check = check_written_line(decision, written)
        rows = [f"<li>{MARK_RIGHT.split()[0]} {escape(label)}</li>" for label in check.present]
        rows += [f"<li>{MARK_WRONG.split()[0]} not yet: {escape(label)}</li>" for label in check.missing]
        verdict = ("Your line does everything this moment needs." if check.complete
                   else "Compare it with the line an experienced IPT therapist might use:")
        model = "" if check.complete else paragraph(f"“{decision.best.text}”") + paragraph(decision.best.feedback)
        return f"<ul>{''.join(rows)}</ul>{paragraph(verdict)}{model}", True
    option = decision.options[chosen]
    if option.best:
        return paragraph(f"{MARK_RIGHT}. {option.feedback}"), True
    return paragraph(f"{MARK_WRONG}. {option.feedback} Try another line."), False


@dataclass
class ScriptPlayer:
    """The session so far, the current decision's controls and feedback."""

    script: SessionScript
    transcript: widgets.HTML
    choice: widgets.RadioButtons
    own_line: widgets.Textarea
    check_button: widgets.Button
    continue_button: widgets.Button
    feedback: widgets.HTML
    widget: widgets.VBox
    position: int = 0
    shown: list[str] = field(default_factory=list)
    freshness: FeedbackFreshness | None = None

    @property
    def current(self) -> Decision | None:
        if self.position >= len(self.script.steps):
            return None
        return self.script.steps[self.position].decision

    def _show_until_decision(self) -> None:
        while self.position < len(self.script.steps):
            step = self.script.steps[self.position]
            self.shown.append(step_html(step))
            if step.decision is not None:
                break
            self.position += 1
        self.transcript.value = f'<div style="{TEXT_STYLE}">{"".join(self.shown)}</div>'
        decision = self.current
        if decision is None:
            self.choice.layout.display = self.own_line.layout.display = "none"
            self.check_button.layout.display = self.continue_button.layout.display = "none"
            self.feedback.value = status_region(paragraph("End of the session. Well done."))
            return
        # Long lines are listed as text (they wrap); the radio buttons carry their letters.
        order = display_orders(self.script)[decision.id]
        options = [(f"Line {LETTERS[position]}", index) for position, index in enumerate(order)]
        if decision.elements:
            options.append(("I'll write my own line", WRITE_OWN))
        self.choice.options = options
        self.choice.value = None
        self.choice.description = ""
        self.own_line.value = ""
        self.own_line.layout.display = "none"
        self.continue_button.layout.display = "none"
        listed = "".join(f"<li>{escape(decision.options[index].text)}</li>" for index in order)
        self.shown.append(f"<p><b>{escape(decision.prompt)}</b></p><ol type=\"A\">{listed}</ol>")
        self.transcript.value = f'<div style="{TEXT_STYLE}">{"".join(self.shown)}</div>'

    def check(self, _button: object = None) -> bool:
        decision = self.current
        if decision is None:
            return False
        html, go_on = decision_feedback(decision, self.choice.value, self.own_line.value)
        self.feedback.value = status_region(html)
        self.continue_button.layout.display = None if go_on else "none"
        if self.freshness is not None and self.choice.value is not None:
            self.freshness.checked()
        elif self.freshness is not None:
            self.freshness.reset()  # a prompt to choose first is not feedback on a line
        return go_on

    def go_on(self, _button: object = None) -> None:
        decision = self.current
        if decision is not None:
            said = self.own_line.value.strip() if self.choice.value == WRITE_OWN else decision.best.text
            self.shown.append(f'<p style="margin:4px 0;color:{_SPEAKER_STYLE["therapist"]}"><b>Therapist:</b> '
                              f"{escape(said)}</p>")
        self.position += 1
        self.feedback.value = ""
        if self.freshness is not None:
            self.freshness.reset()
        self._show_until_decision()

    def _toggle_own(self, change: dict) -> None:
        self.own_line.layout.display = None if change["new"] == WRITE_OWN else "none"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def script_player(script: SessionScript | str) -> ScriptPlayer:
    """The player for ``script`` (a :class:`SessionScript` or the name of a shipped script)."""
    loaded = load_script(script) if isinstance(script, str) else script
    choice = widgets.RadioButtons(options=[], value=None, layout=widgets.Layout(width="auto"))
    own = widgets.Textarea(placeholder="Write what you would say to the patient…",
                           layout=widgets.Layout(width="95%", height="6em", display="none"))
    check = widgets.Button(description="Check", button_style="primary", icon="check",
                           tooltip="Get feedback on this line")
    go = widgets.Button(description="Continue", icon="forward", tooltip="Continue the session",
                        layout=widgets.Layout(display="none"))
    player = ScriptPlayer(loaded, widgets.HTML(), choice, own, check, go, widgets.HTML(), widgets.VBox())
    check.on_click(player.check)
    go.on_click(player.go_on)
    choice.observe(player._toggle_own, names="value")
    player.freshness = watch_answer(player.feedback, (choice, own),
                                    lambda: (player.position, choice.value, own.value.strip()))
    player.widget = widgets.VBox([
        widgets.HTML(f"<h4>{escape(loaded.title)}</h4>{paragraph(loaded.introduction)}"),
        player.transcript, choice, own, widgets.HBox([check, go]), player.feedback,
    ], layout=widgets.Layout(max_width="60em"))
    player.widget.add_class("ipt-script-player")
    player._show_until_decision()
    return player
