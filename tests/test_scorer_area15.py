"""What an answer commits to (round 15, area15): a claim of the writer's own that the patient struggles to adapt to a
change chooses the transition in plain words, even after a copied vignette; a problem said of another area's event
after a copied vignette chooses that event, not the focus the copy implies.

Examiners of sets O-V give a copied vignette the area where a sentence of the writer's own commits to it ("She needs
help adjusting to the move.", "Probably adjustment to the move."), and nothing where the own sentence only gives a
cause, a need for support or a description. These tests hold each reading with answers that must gain (the claim in
a note, in non-native English, after a copy) and answers that must not (adapting done, a habit adjusted, a weighed or
asked clause, the claim copied from the vignette, a claim of another area's event). The answers in
``tests/data/area15/`` are invented (none comes from a benchmark set), marked as an examiner would, and run against
study-half cases; batch 2 was written after the first fix and run once.
"""

from __future__ import annotations

import pytest
from scoring_helpers import area_read, marked_items, marked_params

from ipt_training.scoring.stuck_work import ADAPTING_WORDS, MOURNING_WORDS, adapting_said, mourning_said
from ipt_training.text.words import AnswerWords

_ITEMS = marked_items("area15")


@pytest.mark.parametrize("item", marked_params(_ITEMS))
def test_marked_answer_area(item: dict) -> None:
    """The area read and its points are the examiner's (points within the range a careful examiner would give)."""
    area, points = area_read(item)
    assert area == item["area"]
    assert item["area_min"] <= points <= item["area_max"]


def test_marks_cover_both_directions() -> None:
    """The material holds answers that must earn area credit and answers that must earn none."""
    assert sum(item["area_min"] >= 2.5 for item in _ITEMS) >= 8
    assert sum(item["area_max"] == 0 for item in _ITEMS) >= 8


def _tokens(*clauses: str) -> list[list[str]]:
    return [clause.split() for clause in clauses]


def _said(*clauses: str, skip: tuple[int, ...] = ()) -> bool:
    prepared = _tokens(*clauses)
    return adapting_said(prepared, AnswerWords(prepared), skip)


def test_adapting_claims() -> None:
    """Struggling to adapt to something, in any form, is a claim; adapting done, a thing adjusted, a weighed or
    asked clause and a copied clause are not."""
    assert _said("she needs help adjusting to the move")
    assert _said("he has not adjusted to retirement and to the return home")
    assert _said("so adjustment to retirement return")
    assert _said("i think she has big difficulty to adapt to miami")
    assert _said("she is adjusting badly to the new school")
    assert _said("she has not settled into the village")
    assert _said("he has not adjusted well to the move")  # denied: a difficulty
    assert not _said("she has adjusted well to the unit itself")
    assert not _said("she adjusted to the unit")  # done, not denied
    assert not _said("she settled in quickly")
    assert not _said("needs help with adjusting her sleep and study habits")
    assert not _said("we will adjust expectations on both sides")
    assert not _said("i will settle on a dispute")
    assert not _said("maybe she is adjusting badly to the move ?")
    assert not _said("it could be adjustment to the move or a row with her mother")
    assert not _said("she needs help adjusting to the move", skip=(0,))  # the vignette's own sentence, copied
    assert not _said("she lost weight", "her grades dropped")
    assert ADAPTING_WORDS.isdisjoint({"change", "move", "transition"})


_S11 = "formulation_dev_q/s-11"
_L07 = "formulation_dev_t/l-07"
_VALENTINA = ("In August 2025 she and her mother, Yelitza, left Maracaibo to join her father, Gustavo, who has driven "
              "for a delivery company in Miami since 2023. At her new school she eats lunch alone in the library. "
              "Since October she has slept in class, her grades have dropped from A's to C's, she cries at night and "
              "has lost weight. ")
_JOSEPH = ("His wife Grace died in September 2023, three days after a stroke. He has not been to her grave since the "
           "burial, and the room where she sewed school uniforms for the village is locked. Since about August 2024 "
           "he wakes at three, has lost interest in the farm. For three years he has been in a court case with his "
           "neighbour Gachanja over a fence line. ")


def test_copied_vignette_with_own_adapting_claim_commits() -> None:
    """A copy of the vignette that ends in the writer's own claim of struggling to adapt chooses the transition; the
    same copy ending in a cause, a need for support, adapting done or a question chooses nothing."""
    assert area_read({"case": _S11, "text": _VALENTINA + "She needs help adjusting to the move."}) == (
        "role_transition", 3.0)
    assert area_read({"case": _S11, "text": _VALENTINA + "Probably adjustment to the move and the new school."}) == (
        "role_transition", 3.0)
    for ending in ("She is depressed because of the move.", "She needs support.",
                   "She has adjusted well to the new school.", "Maybe she is adjusting badly to the move?",
                   "Needs help with adjusting her sleep."):
        assert area_read({"case": _S11, "text": _VALENTINA + ending}) == ("none", 0.0), ending


def test_adapting_claim_in_an_answer_naming_no_area() -> None:
    """A note that names no area, tells the facts and concludes with adapting to the change chooses the transition;
    the same note concluding with a list of open possibilities does not."""
    assert area_read({"case": "formulation_dev_u/g-09", "text": (
        "Retired Sept 24, moved home Nov. Was \"Mr O\" on ward, now \"cash machine with legs\". Sleep bad since Feb. "
        "-> adjustment to retirement + return.")}) == ("role_transition", 3.0)
    assert area_read({"case": "formulation_dev_u/g-09", "text": (
        "Retired Sept 24, moved home Nov. Sleep bad since Feb. Could be adjustment to retirement, or the arguments "
        "with Funmilayo. Need more sessions.")})[1] == 0.0


def test_own_problem_of_another_event_after_a_copy() -> None:
    """After a copied bereavement, "the row with the neighbour is the problem" chooses the dispute in lay words,
    not the grief the copy implies; "his wife's death is the problem" keeps grief."""
    assert area_read({"case": _L07, "text": _JOSEPH + "The row with Gachanja over the fence is the problem."})[1] == 0.0
    assert area_read({"case": _L07, "text": _JOSEPH + "The death of his wife is the problem."}) == ("grief", 3.0)


def _mourned(*clauses: str, skip: tuple[int, ...] = ()) -> bool:
    prepared = _tokens(*clauses)
    return mourning_said(prepared, AnswerWords(prepared), skip)


def test_mourning_claims() -> None:
    """Mourning said as needed, not done or still going on is a claim; mourning done, a grieving described, a weighed
    clause and a copied clause are not."""
    assert _mourned("he needs to grieve for grace properly")
    assert _mourned("he has never mourned michiko and that is what we should work on")
    assert _mourned("she is still grieving")
    assert _mourned("he has not grieved")
    assert not _mourned("she grieved at the time and made her peace")
    assert not _mourned("he mourned her for a year")
    assert not _mourned("maybe he has not grieved ?")
    assert not _mourned("he needs to grieve for grace properly", skip=(0,))
    assert MOURNING_WORDS.isdisjoint(ADAPTING_WORDS)


def test_copied_bereavement_with_own_mourning_claim_commits() -> None:
    """A copy of a bereavement that ends in the writer's own claim that mourning is stuck chooses grief; ending in
    mourning done, or in a need for support, chooses nothing."""
    assert area_read({"case": _L07, "text": _JOSEPH + "He needs to grieve for Grace properly."}) == ("grief", 3.0)
    for ending in ("He grieved for Grace at the time.", "He needs support."):
        assert area_read({"case": _L07, "text": _JOSEPH + ending}) == ("none", 0.0), ending


def test_bracketed_aside_between_two_alternatives() -> None:
    """"Either X (an aside) or Y" weighs a pair as "either X or Y" does: with the work of both planned, half of the
    better reading; with the choice put off and no plan, nothing. A pair asked and then answered is a choice."""
    pair = "Either a role transition (the move from Maracaibo in August) or a role dispute with her mother; I can see "
    assert area_read({"case": _S11, "text": pair + "arguments for both. Goals might be to help her adjust to the new "
                   "school and to cut down the rows with her mother, using role play."}) == ("role_transition", 1.5)
    assert area_read({"case": _S11, "text": pair + "arguments for both. I'd need more information before picking "
                   "one."}) == ("none", 0.0)
    assert area_read({"case": _S11, "text": "A role transition (the move from Maracaibo in August), or a role dispute "
                   "with her mother? The transition, since the fights only began after the move. Goals: help her "
                   "adjust to the new school, mourn what she left."}) == ("role_transition", 3.0)
