"""Scripted-session options are lines a therapist could say to the patient, not instructions to the trainee.

The player prints the chosen option as "Therapist: ...", so "Tell him the treatment is failing" or "Explain what
IPT offers" reads wrongly there. An option is an instruction when it opens with a verb telling the trainee what to
do and either speaks of the patient in the third person ("Tell him ...", "Give her ...") or addresses nobody
(no I, we, you, let's). A silence may be written as a stage direction in brackets: "(Say nothing and carry on.)".
"""

from __future__ import annotations

import re

import pytest

from ipt_training.session_script import Option, load_script, scripts_dir

SCRIPTS = [load_script(path.stem) for path in sorted(scripts_dir().glob("*.yaml"))]
INSTRUCTION_VERBS = {
    "acknowledge", "add", "agree", "ask", "assess", "challenge", "choose", "continue", "decide", "discuss",
    "encourage", "explain", "express", "extend", "give", "ignore", "interpret", "name", "note", "offer", "point",
    "present", "recommend", "refer", "reassure", "review", "say", "spend", "start", "suggest", "summarise", "tell",
}
_SPEAKS = re.compile(r"\b(i|i'm|i'd|i'll|i've|me|my|we|we'll|we'd|we've|us|our|let's|you|you're|you've|you'd|"
                     r"you'll|your|yours|yourself)\b", re.I)
_THIRD_PERSON = re.compile(r"^\w+\s+(him|her|them|the patient)\b", re.I)


def is_instruction(option: Option) -> bool:
    """Whether the option tells the trainee what to do instead of giving the therapist's words."""
    text = option.text.strip()
    if text.startswith("(") and text.endswith(")"):
        return False  # a stage direction for silence, shown as such
    first = re.match(r"[A-Za-z']+", text)
    if first is None or first.group(0).lower() not in INSTRUCTION_VERBS:
        return False
    return _THIRD_PERSON.match(text) is not None or _SPEAKS.search(text) is None


def test_the_check_tells_an_instruction_from_an_utterance() -> None:
    def opt(text: str) -> Option:
        return Option(text=text, feedback="feedback text")

    assert is_instruction(opt("Tell him the treatment is failing because he is not trying hard enough."))
    assert is_instruction(opt("Explain what IPT offers and ask whether that fits her wishes."))
    assert is_instruction(opt("Extend to forty sessions without review."))
    assert not is_instruction(opt("Tell me about Mareike's personality. Is she always this demanding?"))
    assert not is_instruction(opt("Let's talk about the options: medication or a different treatment."))
    assert not is_instruction(opt("(Say nothing about it and carry on.)"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.id)
def test_every_option_is_something_a_therapist_says(script) -> None:
    instructions = [f"{d.id}: {o.text}" for d in script.decisions for o in d.options if is_instruction(o)]
    assert instructions == [], "rewrite as the therapist's own words:\n" + "\n".join(instructions)
