"""Plain-text rendering of dialogues and of the code list, for notebooks and terminals."""

from __future__ import annotations

import textwrap

from ipt_training.communication.taxonomy import PROBLEMS


def dialogue_as_text(dialogue_id: str, width: int = 100) -> str:
    """The context and numbered utterances of a dialogue, never its reference codes."""
    from ipt_training.communication.library import load_dialogue

    dialogue = load_dialogue(dialogue_id, keys_dir=False).without_codes()
    names = {s.id: s.name for s in dialogue.speakers}
    lines = [f"{dialogue.id}: {dialogue.title}", ""]
    lines += [*textwrap.wrap(" ".join(dialogue.context.split()), width), ""]
    for number, utterance in dialogue.numbered():
        mark = "  [rewrite]" if utterance.rewrite_target else ""
        lines.append(f"{number:>2}. {names[utterance.speaker]}: \"{utterance.text}\"{mark}")
        if utterance.nonverbal:
            lines.append(f"    ({utterance.nonverbal})")
    return "\n".join(lines)


def codes_as_text() -> str:
    """The communication-problem codes with their definitions, plus ``ok`` for utterances that are fine."""
    lines = ["Codes (use the id):", "  ok: no communication problem in this utterance"]
    for problem in PROBLEMS.values():
        tag = "" if problem.classic else " [teaching extension]"
        lines.append(f"  {problem.id}: {problem.name}{tag}. {problem.definition}")
    return "\n".join(lines)


def show_dialogue(dialogue_id: str) -> None:
    print(dialogue_as_text(dialogue_id))


def show_codes() -> None:
    print(codes_as_text())
