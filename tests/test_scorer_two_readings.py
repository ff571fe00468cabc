"""Two formulations in one answer, and typo repair that leaves real words alone. All answers are written for these
tests (none comes from a benchmark set)."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.scoring.lexicon import reader_words
from ipt_training.text.matcher import build_matcher

TRANSITION = ("Primary area: role transition. Amaru began waking at 4 a.m. about two months after the move to "
              "Winnipeg; he lost the inspection team he led and his Sunday futsal league. Goals: mourn the old role "
              "and gain mastery of the new one. Strategies: explore his feelings about the move and build a new "
              "support network.")


@pytest.fixture(scope="module")
def amaru(library):
    return library.get("p-05")


def test_two_formulations_earn_half_of_the_better_one_on_every_criterion(amaru):
    coherent = score(amaru, TRANSITION)
    both = score(amaru, TRANSITION + " On reflection the real problem is a role dispute with Clara, who took the "
                                     "post without asking him, so we should work on renegotiating what each of them "
                                     "expects.")
    assert "two_readings" in both.flags and "two_readings" not in coherent.flags
    assert coherent.total >= 8
    assert both.total <= coherent.total / 2 + 1
    for name in ("evidence_timeline", "goals", "strategies"):
        assert both.criterion(name).points <= coherent.criterion(name).points / 2 + 0.5
    text = both.criterion("problem_area").feedback + both.criterion("evidence_timeline").feedback
    assert "role transition in one place and to role dispute in another" in text
    assert "two formulations" in text


def test_two_areas_asserted_each_with_its_own_plan_are_two_formulations(amaru):
    report = score(amaru, "This is grief: Amaru mourns Toronto as if someone had died, and he has been low since "
                          "two months after the move. We should help him mourn. Looking again, this is a role "
                          "transition after the move to Winnipeg, and the goals are to mourn the old role and build "
                          "mastery of the new one.")
    assert "two_readings" in report.flags
    assert report.total <= 5


def test_a_secondary_focus_with_its_own_plan_is_one_formulation(amaru):
    report = score(amaru, TRANSITION + " Secondary focus: some tension with Clara about the move; we will work on "
                                       "what each of them expects later on.")
    assert "two_readings" not in report.flags
    assert report.total >= 8.5


def test_a_label_that_contradicts_a_single_argument_is_half_of_the_better_reading(amaru):
    """The text names one area and then says 'really' another: half of the better reading on every criterion, the
    rubric's convention since set G (until round 9 the scorer halved only the area, as the gold set's examiner did)."""
    label_only = score(amaru, "This is a role dispute. Amaru began waking at 4 a.m. about two months after the "
                              "move to Winnipeg; he lost the inspection team he led and his Sunday futsal league. "
                              "But really this is a role transition: goals are to mourn the old role and gain "
                              "mastery of the new one; strategies: explore his feelings about the move and build a "
                              "new support network.")
    assert "two_readings" in label_only.flags
    assert label_only.criterion("goals").points <= 1.0 and label_only.total <= 5
    feedback = label_only.criterion("problem_area").feedback
    assert "'This is a role dispute'" in feedback and "really this is a role transition" in feedback


@pytest.mark.parametrize("word", ["should", "mother", "carer", "morning", "identity", "nights", "taking"])
def test_typo_repair_leaves_everyday_words_alone(word):
    matcher = build_matcher({"x": ["shouting", "other", "career", "mourning", "identify", "fights", "talking"]},
                            protected=reader_words())
    assert matcher.prepare(f"we {word} see")[0][1] == word


def test_typo_repair_still_mends_a_misspelt_cue():
    matcher = build_matcher({"x": ["mourning"]}, protected=reader_words())
    assert matcher.prepare("help him with mournning")[0][-1] == "mourning"


def test_words_of_the_case_itself_are_not_taken_for_typos(amaru):
    # "futsal" is in Amaru's vignette; a cue word close to it must not swallow it.
    from ipt_training.scoring.formulation import _matcher_for
    matcher, _ = _matcher_for(amaru.reference, amaru)
    assert "futsal" in matcher.prepare("he gave up futsal")[0]


@pytest.fixture(scope="module")
def jonas(library):
    return library.get("p-14")


JONAS_FACTS = ("Jonas and Mareike have argued most evenings since December about when to try for a baby, and his "
               "sleep went about two months later. ")


def test_a_dispute_staged_two_ways_with_a_plan_for_each_is_two_formulations(jonas):
    one = score(jonas, "PA: role dispute with Mareike, stage renegotiation. " + JONAS_FACTS + "I would clarify what "
                       "each of them expects and use communication analysis of their evening rows.")
    two = score(jonas, "PA: role dispute with Mareike, stage renegotiation. " + JONAS_FACTS + "She has told him "
                       "she would rethink the relationship, so this is dissolution. I would clarify what each of "
                       "them expects, and also help him plan how to leave.")
    assert "two_readings" in two.flags and "two_readings" not in one.flags
    assert two.total <= one.total / 2 + 1
    assert "renegotiation in one place and as dissolution in another" in two.criterion("evidence_timeline").feedback


@pytest.mark.parametrize("text", ["I am not sure whether it is at impasse or dissolution; I'd call it renegotiation.",
                                  "This is past impasse: they are in renegotiation."])
def test_stages_weighed_or_ruled_out_are_not_two_readings(jonas, text):
    report = score(jonas, "PA: role dispute with Mareike. " + JONAS_FACTS + text + " I would clarify what each "
                          "of them expects.")
    assert "two_readings" not in report.flags


def test_one_plan_with_goals_of_both_areas_the_text_commits_to_is_two_formulations(library):
    sander = library.get("p-08")
    report = score(sander, "PA: interpersonal deficits, he has always been alone and nothing changed before the "
                           "episode. However, the real focus is grief for Bram, who moved away. Goals: mourn Bram, "
                           "and reduce his isolation.")
    assert "two_readings" in report.flags
    single = score(sander, "PA: interpersonal deficits, he has always been alone and nothing changed before the "
                           "episode. Goals: reduce his isolation and help him form new relationships.")
    assert "two_readings" not in single.flags
