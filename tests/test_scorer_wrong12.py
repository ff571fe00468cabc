"""The onset tied to another event than the key one (round 12, wrong12): no link point for it.

An answer that argues another focus, or turns from the right one, ties the onset to the event of that focus ("his
mood dropped six months into the new post", "the onset follows the quarrel with his daughter"). Its sentence holds
the onset, a word of time and often the date the case's own link gives, so the link reader found a link there;
examiners give no link point for an onset tied to the wrong event. These tests hold the mechanism
(:mod:`ipt_training.scoring.onset_elsewhere`) with answers that must lose the point and answers that must keep it: a
wrong area whose onset is still tied to the key event, right areas that reject or weigh another area, an honest
secondary. The answers of ``tests/data/wrong12/`` are invented (none comes from a benchmark set) and marked as an
examiner would, against study-half cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ipt_training.domain import ProblemArea
from ipt_training.scoring.onset_elsewhere import tied_elsewhere
from ipt_training.scoring.onset_link import denies_link
from ipt_training.text.matcher import Match

_DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(_DATA))

from score_marked import load  # noqa: E402

sys.path.insert(0, str(_DATA.parent.parent / "benchmarks"))
from scorer_agreement import expert_points, score_all  # noqa: E402


def _event(area: str, clause: int, negated: bool = False) -> Match:
    return Match(f"event:{area}", clause, 0, 1, negated, 1.0)


GRIEF = ProblemArea.GRIEF


def test_a_tie_to_another_areas_event_alone_is_elsewhere() -> None:
    assert tied_elsewhere([{2, 3}], [_event("role_transition", 3)], GRIEF, set()) == {ProblemArea.ROLE_TRANSITION}


def test_a_tie_that_also_names_the_key_event_is_not_elsewhere() -> None:
    assert not tied_elsewhere([{2, 3}], [_event("role_transition", 3), _event("grief", 2)], GRIEF, set())
    assert not tied_elsewhere([{2, 3}], [_event("role_transition", 3)], GRIEF, {2})  # key named by its own words


def test_a_second_tie_to_the_key_event_keeps_the_link() -> None:
    assert not tied_elsewhere([{1}, {5}], [_event("role_dispute", 1), _event("grief", 5)], GRIEF, set())


def test_a_tie_that_names_the_key_event_only_to_deny_it_does_not_keep_the_link() -> None:
    events = [_event("role_transition", 1), _event("grief", 4)]
    assert tied_elsewhere([{1}, {4, 5}], events, GRIEF, set(), denied={5}) == {ProblemArea.ROLE_TRANSITION}
    assert not tied_elsewhere([{1}, {4, 5}], events, GRIEF, set())


def test_no_event_or_a_denied_one_is_not_elsewhere() -> None:
    assert not tied_elsewhere([{2}], [], GRIEF, set())
    assert not tied_elsewhere([{2}], [_event("role_transition", 2, negated=True)], GRIEF, set())
    assert not tied_elsewhere([], [_event("role_transition", 2)], GRIEF, set())


@pytest.mark.parametrize("clause", ["i do not think the death set this off",
                                    "his brother death did not set off the episode"])
def test_denials_of_a_cause_in_plain_words(clause: str) -> None:
    assert denies_link(clause.split())


@pytest.mark.parametrize("clause", ["she set off for the lake road the day after the funeral",
                                    "his colleagues the drivers do not invite him any more",
                                    "it is not clear when she set up the shop"])
def test_no_denial_without_a_negated_cause(clause: str) -> None:
    assert not denies_link(clause.split())


@pytest.fixture(scope="module")
def scored() -> dict[str, object]:
    items, cases = load(_DATA / "wrong12" / "answers-a.yaml")
    return {s.item["id"]: s for s in score_all(items, cases)}


def _link(s: object) -> bool:
    return s.case.reference.timeline_link.id in s.report.evidence_cited  # type: ignore[attr-defined]


@pytest.mark.parametrize("answer_id", ["w12a02", "w12a18"])
def test_wrong_area_with_the_onset_tied_to_its_own_event_earns_no_link(scored: dict, answer_id: str) -> None:
    s = scored[answer_id]
    assert not _link(s)
    # (w12a18 still earns its two items, stated only to dismiss the death: examiners give one at most)
    assert s.report.criterion("evidence_timeline").points <= expert_points(s.item["expert"], "evidence_timeline") + 1


def test_wrong_area_with_the_onset_tied_to_the_key_event_keeps_the_link(scored: dict) -> None:
    s = scored["w12a06"]  # grief argued, but "two months after he moved out of the flat": the key event
    assert _link(s)
    assert s.report.criterion("evidence_timeline").points == expert_points(s.item["expert"], "evidence_timeline")


@pytest.mark.parametrize("answer_id", ["w12a12", "w12a13", "w12a14", "w12a15", "w12a16"])
def test_right_areas_that_reject_or_weigh_another_keep_the_link(scored: dict, answer_id: str) -> None:
    s = scored[answer_id]
    assert _link(s)
    assert s.report.criterion("problem_area").points == 3
    assert s.report.criterion("evidence_timeline").points >= expert_points(s.item["expert"], "evidence_timeline")


# The items that rule out an event of the focus an answer argues (items_against.py).

def _finder(table: dict[str, tuple[str, bool]]):  # type: ignore[no-untyped-def]
    """An event reader that finds ``word`` as an event of ``area`` (denied or not), for the item sentences below."""
    def find(read: list[list[str]]) -> list[Match]:
        return [Match(f"event:{area}", c, k, k, negated, 1.0) for c, tokens in enumerate(read)
                for k, t in enumerate(tokens) for word, (area, negated) in table.items() if t == word]
    return find


def _onset(tokens: list[str]) -> bool:
    return "mood" in tokens or "depression" in tokens


def test_an_item_that_places_another_event_after_the_onset_rules_it_out() -> None:
    from ipt_training.scoring.items_against import against, item_areas
    texts = {"move_after": "The move in June came long after his low mood began.",
             "alone": "He has lived alone since he was 21.",
             "no_death": "Nobody close to him has died.",
             "quarrel_with_dead": "He quarrelled with his brother the week before he drowned."}
    find = _finder({"move": ("role_transition", False), "died": ("grief", True),
                    "quarrelled": ("role_dispute", False), "drowned": ("grief", False)})
    areas = item_areas(texts, find, _onset)
    deficits = ProblemArea.INTERPERSONAL_DEFICITS
    assert against(areas, ProblemArea.ROLE_TRANSITION, deficits) == {"move_after"}
    assert against(areas, GRIEF, deficits) == {"no_death"}  # a death denied is ruled out
    # a quarrel told as part of the story of a death, without the onset, rules nothing out
    assert "quarrel_with_dead" not in areas
    assert against(areas, deficits, deficits) == frozenset()  # the key's own focus keeps every item


def test_an_item_that_names_the_keys_own_event_too_is_not_against() -> None:
    from ipt_training.scoring.items_against import against
    areas = {"conflict_follows_move": frozenset({ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION})}
    assert against(areas, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION) == frozenset()


def test_right_focus_that_ties_the_onset_to_another_event_and_plans_for_it_earns_no_link(scored: dict) -> None:
    """Grief named, then "I would tie the onset to the move and work on that change": no link point, and the plan
    to tie the onset to the move is no plan to link the onset to the key event."""
    s = scored["w12a09"]
    assert s.report.criterion("problem_area").points == 3  # the header's focus is kept
    assert not _link(s)
    assert "link symptom onset" not in s.report.criterion("strategies").feedback.lower() or (
        s.report.criterion("strategies").points <= 0.5)


def test_plan_serving_the_tied_event_decides_for_a_right_focus() -> None:
    from ipt_training.scoring.formulation import _planned_for
    transition = frozenset({ProblemArea.ROLE_TRANSITION})
    assert _planned_for(transition, {ProblemArea.ROLE_TRANSITION: 1.0}, GRIEF)
    assert _planned_for(transition, {ProblemArea.ROLE_TRANSITION: 1.0, GRIEF: 1.0}, GRIEF)
    # the key's plan leads, or the tied event's focus has no plan: the answer keeps the key's focus
    assert not _planned_for(transition, {ProblemArea.ROLE_TRANSITION: 0.5, GRIEF: 1.5}, GRIEF)
    assert not _planned_for(transition, {GRIEF: 1.0}, GRIEF)
    assert not _planned_for(transition, {}, GRIEF)


@pytest.fixture(scope="module")
def scored_c() -> dict[str, object]:
    items, cases = load(_DATA / "wrong12" / "answers-c.yaml")
    return {s.item["id"]: s for s in score_all(items, cases)}


def test_an_honest_secondary_keeps_the_link(scored_c: dict) -> None:
    # (w12c06, the onset told as "his withdrawal began", is read as no onset on main before this round as well)
    s = scored_c["w12c05"]
    assert _link(s)
    assert s.report.criterion("problem_area").points == 3


def test_a_right_focus_keeps_the_items_that_rule_out_other_events(scored_c: dict) -> None:
    s = scored_c["w12c03"]  # deficits, with the app contact and the new manager ruled out as the case does
    assert {"app_contact_minor", "no_death_no_change"} <= set(s.report.evidence_cited)
    assert s.report.criterion("evidence_timeline").points == 3


@pytest.mark.parametrize("clause", ["her death is important background",
                                    "it happened a year before and he coped",
                                    "he functioned well through 2024"])
def test_an_event_set_aside_as_background_is_dismissed(clause: str) -> None:
    from ipt_training.scoring.onset_elsewhere import dismissed
    assert dismissed(clause.split())


@pytest.mark.parametrize("clause", ["her symptoms began two months after his death",
                                    "since the funeral she has not coped at work"])
def test_a_tie_or_a_symptom_is_not_dismissed(clause: str) -> None:
    from ipt_training.scoring.onset_elsewhere import dismissed
    assert not dismissed(clause.split())


def test_an_item_that_says_another_event_went_well_or_was_mourned_rules_it_out() -> None:
    from ipt_training.scoring.items_against import against, item_areas
    texts = {"move_good": "The move to the new house was long planned, went smoothly and she loves the house.",
             "mourned": "Her mother's death in 2019 was mourned at the time with the community.",
             "unmourned": "He has not mourned his wife, who died in March.",
             "move_plain": "They moved to the new house in April."}
    find = _finder({"move": ("role_transition", False), "moved": ("role_transition", False),
                    "death": ("grief", False), "died": ("grief", False)})
    areas = item_areas(texts, find, _onset)
    transition = ProblemArea.ROLE_TRANSITION
    assert against(areas, transition, GRIEF) == {"move_good"}
    assert against(areas, GRIEF, transition) == {"mourned"}  # "not mourned" and a plain move rule nothing out
