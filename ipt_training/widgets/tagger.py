"""Communication tagger: code each utterance of a reconstructed dialogue, then check against the reference."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as widgets

from ipt_training.communication.coding import CodingResult, score_coding
from ipt_training.communication.taxonomy import CODES, PROBLEMS, code_definition, code_label, code_name
from ipt_training.communication.transcript import Dialogue
from ipt_training.widgets.freshness import FeedbackFreshness, watch_answer
from ipt_training.widgets.render import MARK_MISSING, MARK_RIGHT, MARK_WRONG, html_table, paragraph, status_region

PRIMARY_OPTIONS: list[tuple[str, str]] = [("Choose a code…", ""), *((code_label(c), c) for c in CODES)]
SECOND_OPTIONS: list[tuple[str, str]] = [("No second code", ""), *((code_label(c), c) for c in CODES)]
NO_KEY_MESSAGE = ("Reference codes are not available here, so this dialogue cannot be checked now. "
                  "Your codes are kept in the menus for your assignment.")
NOTHING_CODED = "You have not coded any utterance yet. Choose a code for each utterance, then press Check."
_MARKS = {"correct": MARK_RIGHT, "partial": "± partly right", "wrong": MARK_WRONG, "blank": MARK_MISSING}


def legend_html() -> str:
    """Every code with its definition, marking the teaching extensions."""
    rows = [[code_label(c), code_definition(c), "" if c not in PROBLEMS else PROBLEMS[c].provenance] for c in CODES]
    return html_table("Communication codes", ["Code", "Definition", "Source"], rows)


def utterance_html(number: int, dialogue: Dialogue, index: int) -> str:
    """One utterance: number, speaker, words and the reported tone or behaviour."""
    utterance = dialogue.utterances[index]
    speaker = dialogue.speaker(utterance.speaker)
    who = "patient" if speaker.is_patient else speaker.relationship
    nonverbal = f' <i>[{escape(utterance.nonverbal)}]</i>' if utterance.nonverbal else ""
    return (f"<p><b>{number}. {escape(speaker.name)}</b> ({escape(who)}): "
            f"&ldquo;{escape(utterance.text)}&rdquo;{nonverbal}</p>")


def result_html(result: CodingResult) -> str:
    """Score line, agreement figures and a per-utterance table (text marks, not colour alone)."""
    attempted = any(u.trainee for u in result.utterances)
    side_by_side = result.revealed and attempted  # practice: the reference coding next to yours, after an attempt
    rows = [[str(u.number), ", ".join(code_name(c) for c in u.trainee) or "",
             *([", ".join(code_name(c) for c in u.reference)] if side_by_side else []), _MARKS[u.status], u.message]
            for u in result.utterances]
    if not attempted:  # no score, percentage or kappa for menus nobody touched (as the quiz and phase sorter)
        summary = paragraph(NOTHING_CODED)
    else:
        unanswered = sum(not u.trainee for u in result.utterances)
        rest = f" {unanswered} of {len(result.utterances)} utterances not coded yet." if unanswered else ""
        summary = paragraph(f"Score: {result.points:g} / {result.max_points:g}. Exact matches: "
                            f"{result.accuracy:.0%} of utterances; Cohen's kappa on primary codes: "
                            f"{result.kappa:.2f}.{rest}")
    notes = "".join(paragraph(n) for n in result.notes)
    headers = ["Utterance", "Your codes", *(["Reference codes"] if side_by_side else []), "Result", "Feedback"]
    table = html_table("Coding feedback", headers, rows)
    return status_region(summary + notes + table)


@dataclass
class Tagger:
    """Two menus per utterance (main code, optional second code), a Check button and a feedback area."""

    dialogue: Dialogue
    reveal: bool
    primary: dict[int, widgets.Dropdown]
    secondary: dict[int, widgets.Dropdown]
    check_button: widgets.Button
    feedback: widgets.HTML
    widget: widgets.VBox
    freshness: FeedbackFreshness | None = None

    def coding(self) -> dict[int, list[str]]:
        """The trainee's answers ``{number: [codes]}``, main code first; unanswered utterances are left out."""
        answers: dict[int, list[str]] = {}
        for number, dropdown in self.primary.items():
            codes = [c for c in (dropdown.value, self.secondary[number].value) if c]
            if codes:
                answers[number] = list(dict.fromkeys(codes))
        return answers

    def check(self, _button: object = None) -> CodingResult | None:
        """Score the menus and show the feedback; ``None`` when the reference is not available."""
        if not self.dialogue.is_coded:
            self.feedback.value = status_region(paragraph(NO_KEY_MESSAGE))
            return None
        result = score_coding(self.dialogue, self.coding(), reveal=self.reveal)
        self.feedback.value = result_html(result)
        if self.freshness is not None:
            self.freshness.checked()
        return result

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def tagger_widget(dialogue: Dialogue, reveal: bool = True) -> Tagger:
    """Build the tagger for ``dialogue``; ``reveal=False`` gives assessment feedback that hides the key."""
    primary: dict[int, widgets.Dropdown] = {}
    secondary: dict[int, widgets.Dropdown] = {}
    rows: list[widgets.Widget] = []
    for index, utterance in enumerate(dialogue.utterances):
        number = index + 1
        name = dialogue.speaker(utterance.speaker).name
        primary[number] = widgets.Dropdown(options=PRIMARY_OPTIONS, value="", description=f"Code {number}",
                                           tooltip=f"Main communication code for utterance {number} ({name})",
                                           layout=widgets.Layout(width="30em"))
        secondary[number] = widgets.Dropdown(options=SECOND_OPTIONS, value="", description=f"Also {number}",
                                             tooltip=f"Optional second code for utterance {number} ({name})",
                                             layout=widgets.Layout(width="30em"))
        rows.append(widgets.VBox([widgets.HTML(utterance_html(number, dialogue, index)),
                                  widgets.HBox([primary[number], secondary[number]])]))
    button = widgets.Button(description="Check", button_style="primary", icon="check",
                            tooltip="Check your codes against the reference")
    feedback = widgets.HTML()
    tagger = Tagger(dialogue, reveal, primary, secondary, button, feedback, widgets.VBox())
    button.on_click(tagger.check)
    tagger.freshness = watch_answer(feedback, [*primary.values(), *secondary.values()], tagger.coding)
    intro = widgets.HTML(
        f"<h4>{escape(dialogue.title)}</h4><p>{escape(dialogue.context)}</p>"
        "<p>Choose a code for every utterance (a second code only if two problems are clearly present; "
        "choose the clear-communication code when there is no problem), then press <b>Check</b>.</p>"
    )
    legend = widgets.Accordion(children=[widgets.HTML(legend_html())], titles=("Code definitions",))
    tagger.widget = widgets.VBox([intro, legend, *rows, button, feedback])
    tagger.widget.add_class("ipt-communication-tagger")
    return tagger
