"""Feedback that no longer matches the answer on screen says so.

A trainee who changes an answer after pressing *Check* must not read the old feedback (its score, "You chose role
dispute", the old text beside the model answer) as feedback on the new answer. Each practice widget watches its
own controls with a :class:`FeedbackFreshness`: after an edit the old feedback stays readable under a note that it
is about the earlier answer; going back to the checked answer removes the note, and the next *Check* replaces both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ipywidgets as widgets

from ipt_training.widgets.render import paragraph, status_region

STALE_NOTE = ("You have changed your answer since this feedback, so it is about your earlier answer. "
              "Press Check again for feedback on your answer as it is now.")
STALE_CLASS = "ipt-stale-feedback"


def stale_html(feedback_html: str) -> str:
    """The note, then the old feedback set apart (greyed, with a bar at its side) so it is not read as current."""
    note = ('<div style="border-left:4px solid #b26a00;background:#fff4e5;padding:2px 10px;margin:4px 0">'
            f"{paragraph(STALE_NOTE)}</div>")
    return (status_region(note) + f'<div class="{STALE_CLASS}" style="opacity:0.7;border-left:4px solid #ccc;'
            f'padding-left:8px">{feedback_html}</div>')


@dataclass
class FeedbackFreshness:
    """Remembers the answer that the shown feedback is about and marks the feedback when the answer changes.

    ``snapshot`` returns the answer as a comparable value. Call :meth:`checked` after *Check* has written feedback
    on the current answer, :meth:`reset` when it wrote something that is not feedback on an answer (a prompt to
    answer first).
    """

    feedback: widgets.HTML
    snapshot: Callable[[], object]
    _checked: object = None
    _fresh_html: str | None = None
    _active: bool = False

    def checked(self) -> None:
        self._checked, self._fresh_html, self._active = self.snapshot(), None, True

    def reset(self) -> None:
        self._checked, self._fresh_html, self._active = None, None, False

    @property
    def stale(self) -> bool:
        """True while the feedback on screen is about an answer other than the current one."""
        return self._active and self.snapshot() != self._checked

    def update(self, _change: object = None) -> None:
        if not self._active:
            return
        if self._fresh_html is None:  # read lazily: callers may add to the feedback after Check (a practice note)
            self._fresh_html = self.feedback.value
        self.feedback.value = stale_html(self._fresh_html) if self.stale else self._fresh_html


def watch_answer(feedback: widgets.HTML, controls: Iterable[widgets.ValueWidget],
                 snapshot: Callable[[], object]) -> FeedbackFreshness:
    """A :class:`FeedbackFreshness` updated whenever one of ``controls`` changes value."""
    freshness = FeedbackFreshness(feedback, snapshot)
    for control in controls:
        control.observe(freshness.update, names="value")
    return freshness
