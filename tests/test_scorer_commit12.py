"""What an answer commits to (round 12, commit12): the lean that settles a differential, the lines of a list of
candidates, a note's query beside its focus.

Examiners mark what an answer commits to, not what it mentions. These tests hold each mechanism with answers that
must gain (a later first-person lean over a candidate stated first, a note that marks one area and queries or
crosses out the others, a secondary only said possible) and answers that must not (a list announced as possible
foci with no choice, a stuffing answer naming every area, a rejection, a lean to the wrong area). The answers in
``tests/data/commit12/`` are invented (none comes from a benchmark set), marked as an examiner would, and run
against study-half cases; batch 2 was written after the first fix and run once.
"""

from __future__ import annotations

import pytest
from scoring_helpers import area_read, marked_items, marked_params

_ITEMS = marked_items("commit12")


@pytest.mark.parametrize("item", marked_params(_ITEMS))
def test_marked_answer_area(item: dict) -> None:
    """The area read and its points are the examiner's (points within the range a careful examiner would give)."""
    area, points = area_read(item)
    assert area == item["area"]
    assert item["area_min"] <= points <= item["area_max"]


def test_marks_cover_both_directions() -> None:
    """The material holds answers that must earn area credit and answers that must earn none."""
    assert any(item["area_min"] >= 2.5 for item in _ITEMS)
    assert sum(item["area"] == "none" for item in _ITEMS) >= 8


_N09 = "formulation_dev_n/n-09"


def _n09(text: str) -> tuple[str, float]:
    return area_read({"case": _N09, "text": text})


def test_later_lean_ranks_a_candidate_stated_first() -> None:
    """A candidate stated first ("is a clear role transition") gives way to the writer's later lean; the same lean
    in the other direction picks the other area; a stated focus with a lean to a secondary keeps the focus."""
    assert _n09("The rows with Eetu look like a role dispute. His sleep went in March, two months after the "
                "redundancy in January. I'd lean towards a role transition.") == ("role_transition", 3.0)
    assert _n09("The redundancy in January is a clear role transition. But he only talks about the fights with "
                "Eetu, so I'll tentatively go with a role dispute.")[0] == "role_dispute"
    # the focus is claimed, the lean only adds a second area: the focus stays
    assert _n09("The focus is a role transition: the redundancy in January, low mood from March. I'd probably also "
                "look at the dispute with Eetu as a secondary focus.")[0] == "role_transition"


def test_list_of_possible_foci_commits_to_none() -> None:
    """Lines of a list announced as possible foci name candidates, not the focus; the same lines under a chosen
    label, or with the writer's own choice after them, commit."""
    assert _n09("Possible foci: (1) role transition - redundancy in January; (2) role dispute with Eetu - rows "
                "since spring. I'd talk these over with Markku.") == ("none", 0.0)
    assert _n09("Possible foci: (1) role transition - redundancy in January; (2) role dispute with Eetu - rows "
                "since spring. I'd go with the role transition, as the low mood began in March.") == (
        "role_transition", 3.0)


def test_note_queries_and_crosses() -> None:
    """A note's asked line beside its one stated area is a query; beside two stated areas it is one more item of a
    list (no choice); "x" after an area crosses it out."""
    assert _n09("RT - redundancy Jan, onset March / Eetu - dispute? / goals: mourn old role, new role") == (
        "role_transition", 3.0)
    assert _n09("grief (father), transition (redundancy), dispute? (Eetu), deficits unlikely.") == ("none", 0.0)
    assert _n09("Grief x. Dispute x. RT - redundancy Jan, onset March. Goals: mourn old role.") == (
        "role_transition", 3.0)
    # a cross is no commitment to what it crosses out
    assert _n09("Grief x. Dispute x. Deficits x.")[0] == "none"


def test_possible_secondary_costs_nothing() -> None:
    """A second area only said possible ("there may also be a dispute") is not a committed secondary focus; one
    stated as a second focus is ("the dispute with Eetu is the second focus")."""
    assert _n09("Mostly a role transition after the redundancy in January, though there may also be a dispute with "
                "Eetu. I'd take the transition as the main focus.") == ("role_transition", 3.0)
    assert _n09("The main focus is a role transition after the redundancy in January. The second focus is a role "
                "dispute with Eetu.")[1] < 3.0


def test_undecided_pair_with_a_plan_earns_half_of_the_better() -> None:
    """Two areas weighed, neither chosen: with IPT work planned all the same, half of the better reading; with no
    plan, or with only assessment planned, nothing; a pair that holds neither key area earns nothing either way."""
    assert _n09("It's either a role transition or a role dispute with Eetu, and I can see arguments for both. Goals "
                "might be to mourn the old role and to renegotiate with Eetu, using role play.") == (
        "role_transition", 1.5)
    assert _n09("It's either a role transition or a role dispute with Eetu, and I can see arguments for both. I'd "
                "need more information before picking one.") == ("none", 0.0)
    assert _n09("It's either grief for his father or a role dispute with Eetu, and I can see arguments for both. "
                "Goals might be to renegotiate with Eetu, using role play.")[1] == 0.0


def test_hedge_said_of_the_phrase_after_the_area() -> None:
    """"maybe" opening a phrase of its own ("maybe with the Eetu conflict as a sub-theme") does not hedge the area
    before it; a clause that calls an area possible ("grief for his father is possible") weighs it."""
    assert _n09("Could this be a dispute with Eetu? The low mood began in March, after the redundancy. Grief for his "
                "father is possible, but he talks about him easily. So I'd go with role transition, maybe with the "
                "Eetu conflict as a sub-theme.") == ("role_transition", 3.0)
    # the same answer with the decision itself hedged makes no choice between the three
    assert _n09("Could this be a dispute with Eetu? Grief for his father is possible. Maybe a role transition "
                "too.")[1] == 0.0
