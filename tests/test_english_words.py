"""Typo repair leaves correctly spelt English words alone and still repairs misspellings (ipt_training.text.english).

Every sentence here is invented for the test; none is taken from a benchmark answer.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.text.english import is_english, same_word
from ipt_training.text.matcher import build_matcher

#: A matcher with cue words that correctly spelt words resemble.
MATCHER = build_matcher({
    "death": ["death", "loss*"], "dispute": ["dispute*"], "lonely": ["lonely", "isolat*"], "mastery": ["master*"],
    "affect": ["feeling*"], "complicated": ["complicated bereave*"], "start": ["start*"], "saying": ["saying"],
    "grief": ["grief", "griev*"], "transition": ["transition*"], "expectations": ["expectations"],
    "carers": ["carri*"],
})


def prepared(text: str) -> list[str]:
    return [t for clause in MATCHER.prepare(text) for t in clause]


@pytest.mark.parametrize("text, kept, concept", [
    ("The dispatcher at the depot rang twice", "dispatcher", "dispute"),
    ("the depth of her sadness surprised him", "depth", "death"),
    ("they had a lovely holiday in May", "lovely", "lonely"),
    ("what matters most to him now", "matters", "mastery"),
    ("feeding the baby at night tires her", "feeding", "affect"),
    ("an uncomplicated bereavement in 2015", "uncomplicated", "complicated"),
    ("Stuart, his neighbour, drives him to clinic", "stuart", "start"),
    ("she is saving for a flat of her own", "saving", "saying"),
])
def test_a_correctly_spelt_word_is_not_repaired_into_a_cue_word(text: str, kept: str, concept: str) -> None:
    assert kept in prepared(text)
    assert concept not in {m.concept for m in MATCHER.find(text)}


@pytest.mark.parametrize("text, repaired", [
    ("her greif has not eased", "grief"),
    ("a transtion into retirement", "transition"),
    ("the dispuet with her sister", "dispute"),
    ("he feels lonly since the move", "lonely"),
    ("she felt a deep sens of loss and greiving", "griev"),
])
def test_a_misspelt_word_is_still_repaired(text: str, repaired: str) -> None:
    assert repaired in prepared(text)


def test_a_word_is_still_read_as_another_form_of_a_cue_word() -> None:
    # "deaths" is a form of "death", "expectation" of "expectations", "carrying" of "carri*", "grief" of "griev*"
    assert prepared("two deaths in one year") == ["two", "death", "in", "one", "year"]
    assert "expectations" in prepared("his expectation of her")
    assert "carri" in prepared("carrying the whole household")
    only_prefix = build_matcher({"grief": ["griev*"]})
    assert only_prefix.prepare("her grief")[0] == ["her", "griev"]


def test_the_word_list_knows_words_and_names_and_not_typos() -> None:
    for word in ("depth", "lovely", "matters", "uncomplicated", "stuart", "behaviour", "behavior", "colour"):
        assert is_english(word), word
    for word in ("greif", "transtion", "dispuet", "lonly", "depresion", "comunication", "febuary"):
        assert not is_english(word), word


def test_forms_of_one_word_and_different_words() -> None:
    for word, other in (("deaths", "death"), ("exploring", "explore"), ("carrying", "carri"), ("grief", "griev"),
                        ("expectation", "expectations"), ("contribution", "contributing"), ("salary", "salari"),
                        ("lifelong", "life-long")):
        assert same_word(word, other), (word, other)
    for word, other in (("depth", "death"), ("lovely", "lonely"), ("matters", "master"), ("career", "carer"),
                        ("gradual", "graduat"), ("activation", "activit"), ("stuart", "start"), ("thinks", "things")):
        assert not same_word(word, other), (word, other)


_P01 = ("Role transition: kidney failure and dialysis since January took her teaching and her dance group, and the "
        "low mood began in March, after these changes. She stopped answering Rosario's calls. Goals: help her mourn "
        "the woman she was and form a realistic view of life on dialysis, and work out what {} to her now. "
        "Strategies: explore the losses and the new role, encourage affect, rebuild contact with Rosario and the "
        "dance group.")


def test_what_matters_to_her_earns_no_mastery_goal_and_a_misspelt_mastery_still_does(library) -> None:
    case = library.get("p-01")  # the goals of its transition: mourn the old role, a realistic new one, mastery
    plain = points(score(case, _P01.format("is important")), "goals")
    assert points(score(case, _P01.format("matters")), "goals") == plain
    assert points(score(case, _P01.format("mastery")), "goals") > plain
    assert points(score(case, _P01.format("mastrey")), "goals") > plain
