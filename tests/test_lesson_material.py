"""Quiz banks, scripted sessions and the case/dialogue pickers used by the lessons."""

from __future__ import annotations

from html import escape

import pytest

from ipt_training.quizbank import QuizFileError, available, load_quiz, parse_quiz
from ipt_training.session_script import ScriptFileError, check_written_line, load_script, parse_script, scripts_dir
from ipt_training.widgets.case_picker import case_picker, dialogue_picker, filter_cases
from ipt_training.widgets.script_player import WRITE_OWN, script_player


@pytest.mark.parametrize("name", available())
def test_every_shipped_quiz_loads(name):
    questions = load_quiz(name)
    assert len(questions) >= 3
    assert all(len(q.explanation) > 20 for q in questions)


def test_quiz_file_errors_name_the_question_and_the_fix(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: a, prompt: p, options: [x, y], answer: 2, explanation: e}\n", encoding="utf-8")
    with pytest.raises(QuizFileError, match=r"bad.yaml, question 1: 'answer' must be the index \(0 to 1\)"):
        parse_quiz(bad)
    with pytest.raises(QuizFileError, match="no quiz called 'nope'"):
        load_quiz("nope")


@pytest.mark.parametrize("name", sorted(p.stem for p in scripts_dir().glob("*.yaml")))
def test_every_shipped_script_loads_and_plays_to_the_end_with_the_best_lines(name):
    script = load_script(name)
    player = script_player(script)
    for decision in script.decisions:
        assert player.current == decision
        player.choice.value = decision.options.index(decision.best)
        assert player.check()
        player.go_on()
    assert player.current is None and "End of the session" in player.feedback.value


def test_a_weaker_line_gets_its_feedback_and_no_way_on():
    player = script_player("first_sessions")
    decision = player.current
    wrong = next(i for i, o in enumerate(decision.options) if not o.best)
    player.choice.value = wrong
    assert not player.check()
    assert decision.options[wrong].feedback in player.feedback.value
    assert player.continue_button.layout.display == "none"


def test_nothing_chosen_gives_no_answer_away():
    player = script_player("first_sessions")
    assert not player.check()
    assert escape(player.current.best.text) not in player.feedback.value


def test_a_written_line_is_checked_for_each_element_and_negation_does_not_count():
    decision = load_script("first_sessions").decisions[0]
    full = check_written_line(decision, "This is depression: it is treatable, and it is not your fault.")
    assert full.complete
    partial = check_written_line(decision, "I don't think this is depression; you'll be fine.")
    assert "names depression" in partial.missing and not partial.complete


def test_a_written_line_missing_elements_shows_the_model_line():
    player = script_player("first_sessions")
    player.choice.value = WRITE_OWN
    player.own_line.value = "You are going through a hard time."
    assert player.check()  # the trainee may go on, having seen the model line
    assert "not yet" in player.feedback.value and escape(player.current.best.text) in player.feedback.value


def test_script_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: Bad one\nintroduction: too short\nsteps: []\n", encoding="utf-8")
    with pytest.raises(ScriptFileError, match=r"bad\.yaml"):
        parse_script(bad)


def test_every_practice_case_is_reachable_from_the_case_picker(library):
    picker = case_picker(library)
    practice = {c.id for c in library if c.reference is not None and c.set.value == "practice"}
    assert {value for _, value in picker.case.options} >= practice
    for exercise in ("Formulation builder", "Interpersonal inventory", "Timeline"):
        picker.exercise.value = exercise
        assert picker.open() is not None and picker.area_box.children


def test_a_formulation_written_in_the_picker_survives_opening_another_exercise(library, tmp_path, monkeypatch):
    """Lesson 7's picker built its formulation builder without saving: switching to the timeline and back (or a
    restart) lost the text."""
    monkeypatch.chdir(tmp_path)  # the answers file is written beside the notebook
    picker = case_picker(library)
    builder = picker.open()
    builder.primary.value = "grief"
    builder.text.value = "It began two months after the death of her husband."
    picker.exercise.value = "Timeline"
    picker.open()
    picker.exercise.value = "Formulation builder"
    again = case_picker(library).open()
    assert (again.primary.value, again.text.value) == ("grief", builder.text.value)
    picker.case.value = picker.case.options[1][1]
    assert picker.open().text.value == ""  # each case keeps its own answer


def test_filters_narrow_the_list_and_an_empty_result_says_so(library):
    picker = case_picker(library)
    picker.area.value = "grief"
    assert picker.case.options and all(
        library.get(value).reference.primary_area.value == "grief" for _, value in picker.case.options)
    trap = next(t for c in library for t in c.traps)
    assert all(trap in c.traps for c in filter_cases(list(library), trap=trap))
    picker.difficulty.value = "advanced"
    picker.trap.value = picker.trap.options[-1][1]
    if not picker.case.options:
        assert "No practice case matches" in picker.message.value


def test_every_practice_dialogue_is_reachable_and_opens_in_the_tagger():
    from ipt_training.communication.library import DialogueLibrary

    practice = {d.id for d in DialogueLibrary.load(keys_dir=False) if d.set.value == "practice"}
    picker = dialogue_picker()
    assert {value for _, value in picker.dialogue.options} == practice
    assert picker.open() is not None
