"""The inventory_and_timeline graders against honest answers (full marks, however they are worded) and gamed ones.

Attack F8 (issue 12): a timeline of stop words at every month and an onset event listing every kind of life event
earned 6/6. The graders run in the grading process here, with the instructor keys, as ``TrustedScores`` runs them.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pandas as pd
import pytest

from ipt_training.grading.graders.case_items import grade_inventory, grade_timeline
from ipt_training.grading.graders.event_match import content_words, same_event
from ipt_training.grading.graders.items import REVIEW_MARK
from ipt_training.grading.trusted.keys import keys_from

CASE = "a-01"
ONSET = "2025-05"
EXPERT_LINK = "Selling the farm and the move to the retirement village, after she had to stop driving"


@pytest.fixture(autouse=True)
def _instructor_keys(repo) -> Iterator[None]:  # type: ignore[no-untyped-def]
    with keys_from(repo / "source" / "keys"):
        yield


def _timeline(rows: list[tuple[str, str]], onset: object = ONSET, link: object = EXPERT_LINK) -> tuple[float, str]:
    namespace = {"timeline": pd.DataFrame(rows, columns=["date", "event"]), "onset_month": onset,
                 "onset_event": link}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score = grade_timeline(CASE, namespace, "timeline", "onset_month", "onset_event", points=6)
    return score, out.getvalue()


def _inventory(rows: list[tuple[str, str, str]]) -> tuple[float, str]:
    namespace = {"inventory": pd.DataFrame(rows, columns=["name", "relationship", "closeness"])}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score = grade_inventory(CASE, namespace, "inventory", points=6)
    return score, out.getvalue()


HONEST_TIMELINES = {
    "solution": [("2012-08", "Husband Ron dies; she mourns and keeps the farm"),
                 ("2025-01", "Stops driving because of macular degeneration"),
                 ("2025-03", "Sells the farm and moves to a retirement village")],
    "short": [("2012-08", "Ron died"), ("2025-01", "Stopped driving"), ("2025-03", "Farm sold, moved")],
    "abbreviated": [("2012-08", "Widowed (Ron)"), ("2025-01", "Gave up driving - eyesight"),
                    ("2025-03", "Sold farm; moved to ret. village")],
    "paraphrased": [("2012-07", "Death of her husband Ron, grieved at the time"),
                    ("2025-02", "Had to give up her car licence: macular degeneration"),
                    ("2025-03", "Relocation to a retirement village after selling the family farm")],
    "fuller, with the symptoms and one more true event": [
        ("1975-06", "Marries Ron and they take on the farm"),
        ("2012-08", "Her husband Ron passes away"),
        ("2025-01", "No longer able to drive (sight)"),
        ("2025-03", "The farm is sold and she moves to Hamilton"),
        ("2025-05", "Low mood, poor sleep and appetite, withdrawal"),
        ("2025-07", "Passive death wishes; safety plan")],
}
HONEST_LINKS = [
    EXPERT_LINK,
    "The move to the retirement village",
    "Moving off the farm into the village in March",
    "Relocation after she stopped driving and sold the farm",
    "the move (not Ron's death, which she mourned years ago)",
]


@pytest.mark.parametrize("name", list(HONEST_TIMELINES))
def test_honest_timelines_keep_full_marks(name: str) -> None:
    score, text = _timeline(HONEST_TIMELINES[name])
    assert score == 6, text
    assert "3 of the 3 key life events" in text and REVIEW_MARK not in text


@pytest.mark.parametrize("link", HONEST_LINKS)
def test_honest_onset_events_are_credited(link: str) -> None:
    score, text = _timeline(HONEST_TIMELINES["short"], link=link)
    assert score == 6, text
    assert "You named the event most closely linked to the onset." in text


def test_the_attack_timeline_of_stop_words_and_every_life_event_fails() -> None:
    words = ["the", "a", "her", "his", "of", "to", "and", "in", "she", "he", "with", "from", "on"]
    rows = [(f"{y}-{m:02d}", w) for y in range(2010, 2027) for m in range(1, 13) for w in words]
    shotgun = ("a death, a move, moving house, selling the house, selling the farm, retirement, a promotion, a new "
               "job, losing a job, divorce, separation, an argument, a marriage, a birth, an illness, a diagnosis, "
               "leaving home, stopping driving, losing friends, moving away")
    score, text = _timeline(rows, link=shotgun)
    assert score == 1.5, text  # the onset month only (the vignette says "From May")
    assert "0 of the 3 key life events" in text and "not a list of possibilities" in text
    assert REVIEW_MARK in text and "2,652 timeline rows" in text


def test_the_right_events_at_every_month_do_not_earn_the_dates() -> None:
    texts = [e for _, e in HONEST_TIMELINES["solution"]]
    rows = [(f"{y}-{m:02d}", t) for y in range(2010, 2027) for m in range(1, 13) for t in texts]
    score, text = _timeline(rows)
    assert score == 3, text  # onset month and link; no event credit
    assert "many different dates" in text and REVIEW_MARK in text


def test_all_events_in_one_row_at_every_month_does_not_match() -> None:
    dump = "husband Ron dies mourns farm stops driving macular degeneration sells moves retirement village"
    rows = [(f"{y}-{m:02d}", dump) for y in range(2024, 2026) for m in range(1, 13)]
    score, text = _timeline(rows)
    assert score <= 3.5, text


def test_hedged_and_wrong_onset_events_are_not_credited() -> None:
    for link in ("Ron's death or the move", "Her husband's death in 2012",
                 "the move, a divorce, a new job or an illness"):
        score, text = _timeline(HONEST_TIMELINES["short"], link=link)
        assert score == 4.5, (link, text)


def test_wrong_months_and_unrelated_events_score_low() -> None:
    wrong_dates = [(d, e) for (_, e), d in zip(HONEST_TIMELINES["solution"], ("2010-01", "2019-06", "2023-11"),
                                                strict=True)]
    assert _timeline(wrong_dates)[0] == 3
    unrelated = [("2012-08", "Started a new job"), ("2025-01", "Bought a dog"), ("2025-03", "Holiday in Spain")]
    assert _timeline(unrelated)[0] == 3


def test_content_words_drop_stop_words_and_fold_word_forms() -> None:
    assert content_words("the a her of to and in") == frozenset()
    assert content_words("Sold the farm") == content_words("sells farms")
    assert same_event("Ron died", "Husband Ron dies; she mourns and keeps the farm running")
    assert not same_event("the", "Husband Ron dies; she mourns and keeps the farm running")
    assert not same_event("farm", "Sells the farm and moves to a retirement village in Hamilton")


HONEST_INVENTORY = [("Graham", "son", "inner"), ("Ron", "late husband", "inner"),
                    ("Maureen", "old friend", "inner"), ("WI friends", "Women's Institute", "middle"),
                    ("Sina", "nurse", "outer")]


def test_honest_inventories_keep_full_marks() -> None:
    assert _inventory(HONEST_INVENTORY)[0] == 6
    short = [("Graham (son)", "son", "inner"), ("Ron, husband (d. 2012)", "husband", "inner"),
             ("Maureen", "friend", "inner"), ("Women's Institute", "group", "middle"), ("nurse Sina", "", "outer"),
             ("Hamilton neighbours", "new", "outer")]
    score, text = _inventory(short)
    assert score == 6, text


def test_gamed_inventories_fail() -> None:
    names = ["Graham", "Ron", "Maureen", "Women's Institute friends", "Sina"]
    every_ring = [(n, "", ring) for n in names for ring in ("inner", "middle", "outer")]
    score, text = _inventory(every_ring)
    # The people found (3 of 6), no ring credit, and 15 rows where 10 are plausible: 3 x 10 / 15.
    assert score == 2 and REVIEW_MARK in text and "more than one ring" in text, text
    crowd = [(n, "", "middle") for n in names] + [(f"Person {i}", "", "middle") for i in range(200)]
    score, text = _inventory(crowd)
    assert score <= 0.5 and "205 inventory rows" in text, text
    stop_words = [(w, "", "inner") for w in ("the", "a", "her", "his", "of", "and")]
    assert _inventory(stop_words)[0] == 0
