"""Graders for the communication_analysis assignment: coding a dialogue and rewriting utterances."""

from __future__ import annotations

from typing import Any

from ipt_training.grading.graders.items import MISSING, Namespace, finish, missing_answer, recorded_for_later


def _dialogue(dialogue_id: str) -> Any:
    from ipt_training.communication.library import load_dialogue
    from ipt_training.grading.trusted.keys import keys_dir

    dialogue = load_dialogue(dialogue_id, keys_dir=keys_dir())
    if not dialogue.is_coded:
        raise LookupError(f"the instructor key for dialogue {dialogue_id!r} was not found; grading runs in the "
                          "instructor's course directory")
    return dialogue


def grade_coding(dialogue_id: str, namespace: Namespace, name: str, points: float) -> float:
    """A trainee's coding ``{utterance number: code}`` of a reconstructed dialogue, with explained feedback."""
    from ipt_training.communication.coding import score_coding

    title = f"Coding of dialogue {dialogue_id}"
    if recorded_for_later(namespace, [name], title):
        return 0.0
    coding = namespace.get(name, MISSING)
    if coding is MISSING:
        return missing_answer(name, title, points)
    if not isinstance(coding, dict):
        return finish(0, points, [f"`{name}` should be a dictionary {{utterance number: code}}."], title)
    try:
        result = score_coding(_dialogue(dialogue_id), coding, reveal=False, max_points=points)
    except (LookupError, ValueError) as exc:
        return finish(0, points, [str(exc)], title)
    lines = list(result.notes) + [u.message for u in result.utterances if u.message]
    return finish(result.points, points, lines, title)


def grade_rewrite(dialogue_id: str, number: int, namespace: Namespace, name: str, points: float) -> float:
    """A trainee's rewrite of one problem utterance, scored on the rewrite rubric."""
    from ipt_training.communication.rewrite import score_utterance_rewrite

    title = f"Rewrite of utterance {number}"
    if recorded_for_later(namespace, [name], title):
        return 0.0
    text = namespace.get(name, MISSING)
    if text is MISSING:
        return missing_answer(name, title, points)
    if not isinstance(text, str):
        return finish(0, points, [f"`{name}` should be text in quotes."], title)
    try:
        result = score_utterance_rewrite(_dialogue(dialogue_id), number, text, max_points=points,
                                         reveal=False)
    except (LookupError, ValueError) as exc:
        return finish(0, points, [str(exc)], title)
    lines = [f"{c.label} ({c.points:g}/{c.max_points:g}): {c.feedback}" for c in result.criteria]
    return finish(result.total, points, lines, title)
