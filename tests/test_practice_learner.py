"""The learner model (BKT), the practice record and the spaced review of traps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ipt_training.practice.learner import MASTERY, BKTParams, LearnerModel, update
from ipt_training.practice.record import Attempt, PracticeRecord, RecordFileError, load_export
from ipt_training.practice.review import due_traps
from ipt_training.practice.skills import Observation, observations

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def attempt(case_id: str = "p-01", area: str = "grief", area_points: float = 3.0, traps: tuple[str, ...] = (),
            at: datetime = T0, goals: float = 2.0) -> Attempt:
    criteria = {"problem_area": (area_points, 3.0), "evidence_timeline": (3.0, 3.0), "goals": (goals, 2.0),
                "strategies": (2.0, 2.0)}
    return Attempt(case_id, area, traps, criteria, sum(p for p, _ in criteria.values()), 10.0, at=at)


def test_right_answers_raise_mastery_and_wrong_ones_lower_it():
    p = BKTParams().p_init
    assert update(p, True) > p
    assert update(0.9, False) < 0.9
    # learning can only add: a wrong answer on an unknown skill does not fall below the learn rate
    assert update(0.0, False) == pytest.approx(BKTParams().p_learn)


def test_three_right_answers_in_a_row_reach_mastery_two_do_not():
    model = LearnerModel()
    for _ in range(2):
        model.observe([Observation("area:grief", True)])
    assert not model.mastered("area:grief")
    model.observe([Observation("area:grief", True)])
    assert model.mastered("area:grief")
    model.observe([Observation("area:grief", False)])
    assert model.estimate("area:grief") < MASTERY


def test_history_has_one_entry_per_attempt_and_unseen_skills_use_the_prior():
    model = LearnerModel.from_attempts([attempt().observations(), attempt(area_points=0).observations()])
    assert len(model.history) == 2
    assert model.estimate("area:role_dispute") == BKTParams().p_init


def test_observations_cover_area_traps_and_criteria():
    obs = observations("role_transition", ["non-death-loss"], {"problem_area": (1.0, 3.0), "goals": (2.0, 2.0)})
    assert Observation("area:role_transition", False) in obs
    assert Observation("trap:non-death-loss", False) in obs
    assert Observation("criterion:goals", True) in obs


def test_record_keeps_attempts_in_order_and_exports_them(tmp_path):
    with PracticeRecord(tmp_path / "p.sqlite") as record:
        record.trainee = "Dr A"
        record.add(attempt("p-02", at=T0 + timedelta(hours=1)))
        record.add(attempt("p-01", at=T0))
        assert [a.case_id for a in record.attempts()] == ["p-01", "p-02"]
        assert record.seen_cases() == {"p-01", "p-02"}
        path = record.export(tmp_path / "out.json")
    # a new connection sees the same data (it is on disk)
    with PracticeRecord(tmp_path / "p.sqlite") as again:
        assert len(again) == 2
    trainee, attempts = load_export(path)
    assert trainee == "Dr A"
    assert attempts[1].criteria["goals"] == (2.0, 2.0)


def test_a_file_that_is_not_a_record_is_refused_in_plain_words(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(RecordFileError, match="not an ipt-course practice record"):
        load_export(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(RecordFileError, match="could not be read"):
        load_export(broken)


def test_a_trap_fallen_into_comes_back_for_review_later_not_at_once():
    fell = attempt(area_points=0, traps=("non-death-loss",), at=T0)
    assert due_traps([fell], now=T0 + timedelta(minutes=5)) == []
    assert due_traps([fell], now=T0 + timedelta(days=2)) == ["non-death-loss"]


def test_a_trap_avoided_is_never_scheduled_and_avoiding_it_again_spaces_it_further():
    avoided = attempt(traps=("non-death-loss",), at=T0)
    assert due_traps([avoided], now=T0 + timedelta(days=30)) == []
    fell = attempt(area_points=0, traps=("non-death-loss",), at=T0)
    good = attempt(traps=("non-death-loss",), at=T0 + timedelta(days=2))
    assert due_traps([fell, good], now=T0 + timedelta(days=3)) == []
