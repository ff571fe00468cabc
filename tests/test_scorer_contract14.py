"""The time-limited contract said as "in twelve weeks we will ..." (a trainee's patient letter in Lesson 3's builder).

A trainee walking the builder wrote "In sixteen weeks we will work on ..." and got 0 of 0.5 for the contract while
"For the next fourteen weeks" earned it. "In N weeks" is the treatment's time when the plan follows it ("we will",
"of therapy"); it stays a time in the story when the story follows it ("in two weeks he lost his job").
"""

from __future__ import annotations

import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

_START = "You are depressed, and depression is a common illness that can be treated. "


def _contract_points(text: str) -> float:
    case = CaseLibrary.load().get("p-05")
    report = score_formulation(_START + text, case.reference, case=case, rubric="patient")
    return next(c.points for c in report.criteria if c.criterion == "contract")


@pytest.mark.parametrize("text", [
    "In twelve weeks we will work on what the change has meant for you.",
    "In 16 weeks we'll look at your new role together.",
    "In sixteen weeks of therapy we can find what the new job asks of you.",
    "For the next fourteen weeks we will meet once a week.",
])
def test_the_treatment_weeks_are_a_contract(text: str) -> None:
    assert _contract_points(text) == 0.5


@pytest.mark.parametrize("text", [
    "In two weeks he lost his job and in three weeks we moved house.",
    "In six months we were living apart.",
    "We will work on what the change has meant for you.",
])
def test_weeks_in_the_story_or_no_weeks_are_not(text: str) -> None:
    assert _contract_points(text) == 0.0
