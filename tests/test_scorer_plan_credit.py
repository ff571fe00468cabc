"""How a plan is credited against the reference strategies: part of a short list is part of a plan, one phrase is
one item, and a general technique named inside a phrase of another area still counts where the case expects it.

The answers are invented for these tests; each mechanism has answers that must gain and answers that must not.
"""

from __future__ import annotations

import pytest
from scoring_helpers import score


@pytest.fixture(scope="module")
def cases(library):
    # p-23: a role dispute whose reference lists four strategies (stage, expectations, communication analysis,
    # role play); p-01: a role transition whose reference lists five (link, feelings about the change, review of
    # old and new, new support, encouragement of affect).
    return {cid: library.get(cid) for cid in ("p-01", "p-14", "p-23")}


def strategies(cases, case_id: str, text: str) -> float:
    report = score(cases[case_id], text)
    return next(c for c in report.criteria if c.criterion == "strategies").points


DISPUTE = ("Role dispute with Julio, renegotiation stage: they still argue every weekend about his drinking and the "
           "savings, and both want it settled. Her low mood began in November 2024, two months after the weekend "
           "arguments started. Goals: identify the dispute, resolve it by changing expectations. ")
TRANSITION = ("Role transition: Marisol lost her full-time teaching and her dance group after the kidney failure and "
              "dialysis began in January 2025; her low mood began in March. Nobody died, and she was sociable until "
              "last year. Goals: mourn the old role, see the new one realistically, regain mastery. ")


def test_two_of_four_strategies_are_part_of_a_plan_not_all_of_it(cases):
    two = strategies(cases, "p-23", DISPUTE + "Strategies: clarify each one's expectations; communication analysis "
                                              "of a recent row.")
    three = strategies(cases, "p-23", DISPUTE + "Strategies: clarify each one's expectations; communication analysis "
                                                "of a recent row; role play what she wants to say to Julio.")
    assert two < 2.0  # must not gain: half of the reference strategies is not a full plan
    assert two >= 1.0
    assert three == 2.0  # three strategies that fit make a full plan


def test_a_longer_reference_list_still_needs_three_strategies(cases):
    # p-14 lists five strategies: three of them were, and still are, a full plan.
    text = ("Role dispute with his partner at renegotiation: they argue most evenings about the baby and both want "
            "to sort it out; his low mood began a few months after the arguments started. Goals: identify the "
            "dispute and resolve it. Strategies: clarify expectations; communication analysis of their arguments; "
            "role play what he wants to say.")
    assert strategies(cases, "p-14", text) == 2.0


def test_a_technique_inside_a_phrase_of_another_area_counts_where_the_case_expects_it(cases):
    alone = strategies(cases, "p-23", DISPUTE + "Strategies: clarify each one's expectations.")
    rehearsed = strategies(cases, "p-23", DISPUTE + "Strategies: clarify each one's expectations; practise those "
                                                    "conversations with her in session.")
    # "practise those conversations" is social-skills practice in a deficits plan and role play in this one
    assert rehearsed > alone


def test_one_phrase_is_one_item_of_the_plan(cases):
    # "how she feels about it" could be the feelings about the change or the encouragement of affect: one of them
    once = strategies(cases, "p-01", TRANSITION + "I will link her low mood to the dialysis and explore how she "
                                                  "feels about it.")
    # a second phrase of its own names the second item
    twice = strategies(cases, "p-01", TRANSITION + "I will link her low mood to the dialysis, explore how she feels "
                                                   "about it and help her express her anger.")
    assert once < 2.0  # must not gain: one phrase, two items
    assert twice == 2.0


STUFFED = ("Rosa: dispute with Julio + transition to motherhood + grief + deficits (she stopped going to her "
           "mother's). Use every IPT strategy: mourning, reinvestment, mastery, reduce isolation, new relationships, "
           "clarify expectations with Julio")


def test_stuffing_earns_a_token_for_what_it_names_and_never_more(cases):
    one = score(cases["p-23"], STUFFED + ".")
    every = score(cases["p-23"], STUFFED + ", communication analysis, role play, establish the stage.")
    assert "keyword_stuffing" in one.flags and "keyword_stuffing" in every.flags
    # one strategy of the case among the list earns the token (a quarter of its 0.5 no longer rounds to nothing)
    assert one.criterion("strategies").points == 0.5
    # must not gain: naming every strategy of the case in the list earns the same token
    assert every.criterion("strategies").points == 0.5


def _plan_points(report) -> tuple[float, float]:
    points = {c.criterion: c.points for c in report.criteria}
    return points["goals"], points["strategies"]


def _graded_cases(library):
    return [library.get(case_id) for case_id in library.cases if library.get(case_id).reference is not None]


def test_a_pasted_vignette_names_no_goal_or_strategy(library) -> None:
    """The case's own account uses words of the plan ('she has not cried', 'her friends', the conflict's stage), but
    a copy of it plans nothing: on every case of the library it earns no goal or strategy credit (it scored up to
    2 + 1.5 of 4 on some), while the facts it restates still count as evidence."""
    for case in _graded_cases(library):
        report = score(case, case.vignette)
        assert "pasted_vignette" in report.flags, case.id
        assert _plan_points(report) == (0.0, 0.0), case.id
        assert next(c.points for c in report.criteria if c.criterion == "evidence_timeline") > 0, case.id


def test_a_plan_written_after_a_pasted_vignette_keeps_its_credit(library) -> None:
    """Only the copied sentences are set aside: the case's model formulation written after the pasted vignette
    earns the goals and strategies it earns on its own."""
    for case in _graded_cases(library):
        alone = _plan_points(score(case, case.reference.formulation))
        after_copy = score(case, f"{case.vignette}\n\n{case.reference.formulation}")
        assert "pasted_vignette" in after_copy.flags, case.id
        assert _plan_points(after_copy) == alone, case.id
        assert alone[0] > 0 and alone[1] > 0, case.id
