"""Round 9 (plan9): the plan said in everyday words, read against the case's own model formulation.

Every answer here is our own, written against library cases (p-34: a grandmother's silent dispute with her
daughter-in-law over Leo; p-01: a teacher's move to Tucson); none comes from a benchmark set. Answers that must gain
and answers that must not: a story sentence with the model's words, another area chosen, a bare list, words far
apart, one phrase read as several items.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import _matcher_for, _model_key, _people
from ipt_training.scoring.model_plan import content_stem, key_concepts, stem
from ipt_training.scoring.plain_plan import plan_sentences


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-34", "p-01")}


def _credited(case, text: str, chosen: set[ProblemArea]) -> set[str]:
    matcher, _ = _matcher_for(case.reference, case)
    prepared, _ = matcher.find_prepared([c for c in _clauses(text)])
    return key_concepts(_model_key(case.reference, case), prepared, plan_sentences(prepared), chosen,
                        _people(case.reference, case))


def _clauses(text: str) -> list[list[str]]:
    from ipt_training.scoring.normalize import clean_answer

    return clean_answer(text).clauses


_OPENING = ("Mrs Zhao, what you have is depression, an illness that can be treated and is not your fault. It began in "
            "August 2024, two months after you and Jessica stopped talking about how Leo should be brought up. Since "
            "then the two of you are polite and say nothing, and I think this quarrel with Jessica is what keeps you "
            "low. ")
_READY = ("Over twelve weeks we will rehearse here how you could put one specific question about Leo's meals to her, "
          "one thing at a time. ")
_CLOSING = "Is that all right?"


def test_word_forms_join_one_word():
    assert stem("expects") == stem("expected") == stem("expectations") == "expect"
    assert stem("left") == stem("leaving") == "leave"
    assert content_stem("the") == "" and content_stem("sessions") == "" and content_stem("transition") == ""


def test_the_model_items_hold_the_case_words_but_no_names_or_area_labels(cases):
    key = _model_key(cases["p-34"].reference, cases["p-34"])
    items = {item.concept: item.weights for item in key.items}
    assert {"rais", "question", "meal", "rehears"} <= set(items["strategy:general.role_play"])
    every = set().union(*map(set, items.values()))
    assert every.isdisjoint({"jessica", "leo", "wei", "zhao", "dispute", "role", "transition"})


def test_a_plan_in_the_model_words_names_its_item(cases):
    case = cases["p-34"]
    assert "strategy:general.role_play" in _credited(case, _OPENING + _READY + _CLOSING, {ProblemArea.ROLE_DISPUTE})
    with_plan = score(case, _OPENING + _READY + _CLOSING)
    # the same words told as what happened are no plan
    story = score(case, _OPENING + "Last month Jessica raised the question of Leo's meals with you. " + _CLOSING)
    assert with_plan.detected_primary is story.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(with_plan, "strategies") > points(story, "strategies")
    assert not _credited(case, _OPENING + "Last month Jessica raised the question of Leo's meals with you. ",
                         {ProblemArea.ROLE_DISPUTE})


def test_another_area_chosen_earns_nothing_from_the_model(cases):
    case = cases["p-34"]
    text = _OPENING.replace("this quarrel with Jessica", "the change of her role as a grandmother") + _READY
    assert _credited(case, text, {ProblemArea.ROLE_DISPUTE})
    assert not _credited(case, text, {ProblemArea.ROLE_TRANSITION})
    assert not _credited(case, text, set())  # no commitment: nothing


def test_a_bare_list_of_the_model_words_names_nothing(cases):
    text = "Jessica. Leo. Meals, question, raise, specific, options, expects, rehearse. Twelve sessions."
    assert not _credited(cases["p-34"], text, {ProblemArea.ROLE_DISPUTE})


def test_words_far_apart_name_nothing(cases):
    text = ("We will think first about your sleep and your mood, and when you feel stronger about the other options "
            "you have.")
    assert "strategy:dispute.options" in _credited(cases["p-34"], "We will think through your options.",
                                                     {ProblemArea.ROLE_DISPUTE})
    assert "strategy:dispute.options" not in _credited(cases["p-34"], text, {ProblemArea.ROLE_DISPUTE})


def test_one_phrase_names_one_goal_and_one_strategy_at_most(cases):
    case = cases["p-01"]
    items = {item.concept: set(item.weights) for item in _model_key(case.reference, case).items}
    # the model's "talk about what you have lost" serves several of its concepts
    assert sum(1 for words in items.values() if {"lose"} <= words) >= 2
    found = _credited(case, "In our sessions we will talk about everything you lost when you moved.",
                      {ProblemArea.ROLE_TRANSITION})
    assert sum(1 for c in found if c.startswith("strategy:")) <= 1
    assert sum(1 for c in found if c.startswith("goal:")) <= 1
