"""Rewrite scorer: good vs bad rewrites, negation, garbage and copies, and a fuzz test for bounds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.rewrite import score_rewrite, score_utterance_rewrite
from ipt_training.communication.taxonomy import PROBLEMS

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"
ORIGINAL = "You don't support me at all."


def test_a_good_rewrite_scores_full_marks() -> None:
    result = score_rewrite("I feel alone with the housework. Could you bath the twins on Tuesdays and Thursdays? "
                           "What do you think?", ORIGINAL, "global_complaint")
    assert result.total == result.max_total == 10
    assert all(c.points == c.max_points and c.feedback for c in result.criteria)
    assert not result.flags


def test_a_hostile_rewrite_scores_low() -> None:
    result = score_rewrite("You never help, you're so selfish and lazy.", ORIGINAL, "global_complaint")
    assert result.total <= 1
    assert result.criterion("no_blame").points == 0


def test_a_vague_request_does_not_fix_a_global_complaint() -> None:
    result = score_rewrite("I need more support from you.", ORIGINAL, "global_complaint")
    assert result.criterion("explicit_request").points == 2
    assert result.criterion("problem_fixed").points == 1
    assert "concrete" in result.criterion("problem_fixed").feedback


def test_a_wish_is_half_a_request() -> None:
    result = score_rewrite("I wish you'd help more on Saturdays.", "Must be nice to have Saturdays off.",
                           "indirect_verbal")
    assert result.criterion("explicit_request").points == 1


def test_denied_feeling_is_not_a_named_feeling() -> None:
    denied = score_rewrite("I'm not angry. Can we talk tonight?", "Nothing. Go. Have fun.", "mixed_message")
    assert denied.criterion("feeling_named").points == 0
    named = score_rewrite("I'm not angry, I'm hurt. Can we talk tonight?", "Nothing. Go. Have fun.", "mixed_message")
    assert named.criterion("feeling_named").points == 2
    assert named.criterion("problem_fixed").points == 2


def test_not_feeling_heard_names_a_feeling() -> None:
    result = score_rewrite("I don't feel heard. Could we talk after dinner tonight?", "Forget it.", "silence")
    assert result.criterion("feeling_named").points == 2 and result.total == 10


def test_a_thought_dressed_as_a_feeling_gets_one_point() -> None:
    result = score_rewrite("I feel like you never listen to me.", ORIGINAL, "global_complaint")
    assert result.criterion("feeling_named").points == 1
    assert result.criterion("no_blame").points <= 1


def test_feeling_words_aimed_at_the_other_person_are_insults() -> None:
    own = score_rewrite("I felt stupid at the bakery. Could you come with me on Saturday?", ORIGINAL,
                        "global_complaint")
    assert own.criterion("feeling_named").points == 2 and own.criterion("no_blame").points == 2
    aimed = score_rewrite("You are stupid. Could you come with me on Saturday?", ORIGINAL, "global_complaint")
    assert aimed.criterion("no_blame").points == 0


def test_shutting_down_does_not_fix_silence() -> None:
    result = score_rewrite("Whatever. Talk to the realtor, I don't care.", "Thursday I have conferences.", "silence")
    assert result.criterion("problem_fixed").points == 0 and result.total <= 2


def test_over_accommodation_fixed_by_saying_no() -> None:
    result = score_rewrite("I can't take Henderson this week: I'm worried about Friday's deadlines. Could we move it "
                           "to next week?", "Sure, no problem.", "over_accommodation")
    assert result.criterion("problem_fixed").points == 2 and result.total == 10


def test_checking_understanding_fixes_an_assumption() -> None:
    result = score_rewrite("When you asked me, did you mean you want me on the team?", "You don't have to ask me "
                           "just to be nice.", "assumed_understood")
    assert result.criterion("problem_fixed").points == 2 and result.criterion("invitation").points == 2


@pytest.mark.parametrize("garbage", ["", "   ", "asdf qwer zxcv", "!!!???", "ok", "12345 67890", "lol"])
def test_garbage_scores_zero(garbage: str) -> None:
    assert score_rewrite(garbage, ORIGINAL, "global_complaint").total == 0


def test_copying_the_original_scores_zero() -> None:
    result = score_rewrite("You don't support me at all!", ORIGINAL, "global_complaint")
    assert result.total == 0 and result.flags == ("copied_original",)


def test_points_scale_to_five() -> None:
    result = score_rewrite("I feel alone. Could you cook on Fridays? What do you think?", ORIGINAL,
                           "global_complaint", max_points=5)
    assert result.max_total == 5 and result.total == 5
    assert all(c.max_points == 1 for c in result.criteria)


def test_unknown_problem_code_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown problem codes"):
        score_rewrite("Could you help?", ORIGINAL, "sarcasm")


def test_scoring_a_dialogue_utterance_uses_its_codes() -> None:
    library = DialogueLibrary.load(keys_dir=KEYS)
    result = score_utterance_rewrite(library.get("dp-05"), 12, "I'm exhausted. Could you do bedtime on "
                                     "Tuesdays? What do you think?")
    assert result.problems == ("indirect_nonverbal", "indirect_verbal") and result.total == 10
    assert json.loads(json.dumps(result.to_dict()))["total"] == 10
    uncoded = DialogueLibrary.load(keys_dir=False).get("da-02")
    with pytest.raises(ValueError, match="key not available"):
        score_utterance_rewrite(uncoded, 2, "Could I come on Saturday?")


@pytest.mark.parametrize("rewrite", ["I'm exhausted. Could you do bedtime on Tuesdays? What do you think?",
                                     "You never help.", "Whatever."])
def test_assessment_feedback_does_not_name_the_reference_codes(rewrite: str) -> None:
    from ipt_training.communication.taxonomy import code_name

    utterance_codes = ("hostile", "global_complaint")
    hidden = score_rewrite(rewrite, ORIGINAL, utterance_codes, reveal=False)
    shown = score_rewrite(rewrite, ORIGINAL, utterance_codes)
    feedback = " ".join(c.feedback for c in hidden.criteria).lower()
    for code in utterance_codes:
        assert code_name(code).lower() not in feedback and code.replace("_", " ") not in feedback
    assert hidden.total == shown.total  # the same score, only the wording differs
    if shown.features.substantive:
        assert any(code_name(c) in shown.criterion("problem_fixed").feedback for c in utterance_codes)


def test_grade_rewrite_hides_the_codes_of_an_assessment_utterance() -> None:
    from contextlib import redirect_stdout
    from io import StringIO

    from ipt_training.communication.taxonomy import code_name
    from ipt_training.grading.graders.dialogue_items import grade_rewrite
    from ipt_training.grading.trusted.keys import keys_from

    library = DialogueLibrary.load(keys_dir=KEYS)
    codes = library.get("da-01").utterance(6).codes
    out = StringIO()
    with keys_from(KEYS), redirect_stdout(out):
        points = grade_rewrite("da-01", 6, {"rewrite_6": "I feel hurt. Could we talk tonight?"}, "rewrite_6",
                               points=2)
    assert 0 < points <= 2 and "Rewrite of utterance 6" in out.getvalue()
    assert codes and all(code_name(c).lower() not in out.getvalue().lower() for c in codes)


WORDS = st.sampled_from(["I", "feel", "not", "hurt", "angry", "could", "you", "please", "never", "always", "?", ".",
                         ",", "n't", "whatever", "Saturday", "what", "do", "think", "fine", "sorry", "stupid",
                         "frustated", "talk", "we", "can", "but", "!"])


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), st.lists(WORDS, max_size=50).map(" ".join)),
       original=st.text(max_size=80), problem=st.sampled_from(sorted(PROBLEMS)),
       max_points=st.sampled_from([5.0, 10.0]))
def test_any_input_scores_within_bounds(text: str, original: str, problem: str, max_points: float) -> None:
    result = score_rewrite(text, original, problem, max_points=max_points)
    assert 0 <= result.total <= result.max_total == max_points
    for criterion in result.criteria:
        assert 0 <= criterion.points <= criterion.max_points
        assert criterion.feedback
