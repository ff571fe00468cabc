"""Graders for the communication_analysis assignment: coding a dialogue and rewriting utterances."""

from __future__ import annotations

from typing import Any

from ipt_training.grading.graders.items import Namespace, Ready, answer_and_key, finish
from ipt_training.grading.trusted.answers import is_blank


def _dialogue(dialogue_id: str) -> Any:
    from ipt_training.communication.library import load_dialogue
    from ipt_training.grading.trusted.keys import keys_dir

    dialogue = load_dialogue(dialogue_id, keys_dir=keys_dir())
    if not dialogue.is_coded:
        raise LookupError(f"the instructor key for dialogue {dialogue_id} was not found; grading runs in the "
                          "instructor's course directory")
    return dialogue


def grade_coding(dialogue_id: str, namespace: Namespace, name: str, points: float) -> float:
    """A trainee's coding ``{utterance number: code}`` of a reconstructed dialogue, with explained feedback."""
    from ipt_training.communication.coding import score_coding

    title = f"Coding of dialogue {dialogue_id}"
    ready = answer_and_key(namespace, name, title, points, lambda: _dialogue(dialogue_id))
    if not isinstance(ready, Ready):
        return ready
    coding = ready.answer
    if not isinstance(coding, dict):
        return finish(0, points, [f"`{name}` should be a dictionary {{utterance number: code}}."], title)
    if is_blank(coding):
        return finish(0, points, ["Not coded yet: give every utterance a code from the list (or \"ok\"). For each one "
                                  "ask whether the speaker says directly what they feel and want, whether tone and "
                                  "behaviour match the words, and whether they stay in the conversation."], title)
    try:
        result = score_coding(ready.key, coding, reveal=False, max_points=points)
    except ValueError as exc:
        return finish(0, points, [str(exc)], title)
    lines = list(result.notes) + [u.message for u in result.utterances if u.message]
    return finish(result.points, points, lines, title)


def grade_rewrite(dialogue_id: str, number: int, namespace: Namespace, name: str, points: float) -> float:
    """A trainee's rewrite of one problem utterance, scored on the rewrite rubric."""
    from ipt_training.communication.rewrite import score_utterance_rewrite

    title = f"Rewrite of utterance {number}"
    ready = answer_and_key(namespace, name, title, points, lambda: _dialogue(dialogue_id))
    if not isinstance(ready, Ready):
        return ready
    text = ready.answer
    if not isinstance(text, str):
        return finish(0, points, [f"`{name}` should be text in quotes."], title)
    from ipt_training.grading.graders.checks import without_placeholder

    if not without_placeholder(text).strip():
        return finish(0, points, ["Not answered yet: replace the placeholder with what the speaker could have said "
                                  "instead."], title)
    try:
        result = score_utterance_rewrite(ready.key, number, text, max_points=points, reveal=False)
    except ValueError as exc:
        return finish(0, points, [str(exc)], title)
    lines = [f"{c.label} ({c.points:g}/{c.max_points:g}): {c.feedback}" for c in result.criteria]
    if "generic" in result.flags:  # half the points at most; a short honest rewrite can read like this
        from ipt_training.grading.graders.items import flag_for_review

        lines.append(flag_for_review("the rewrite says nothing of its moment, only a feeling, a need or a "
                                     "question (half the points at most)"))
    return finish(result.total, points, lines, title)
