"""Exported practice records folded into the instructor report."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ipt_training.analytics.practice import practice_table
from ipt_training.practice.record import Attempt, PracticeRecord

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


#: Practice cases of each area (the report counts only attempts at the course's practice cases, with their area).
CASES = {"grief": ["p-03", "p-13", "p-15", "p-16"], "role_dispute": ["p-02", "p-06", "p-12"]}


def _attempt(i: int, area: str, right: bool) -> Attempt:
    criteria = {"problem_area": (3.0 if right else 0.0, 3.0), "goals": (2.0, 2.0)}
    case = CASES[area][i % len(CASES[area])]
    return Attempt(case, area, (), criteria, 5.0 if right else 2.0, 5.0, at=T0 + timedelta(hours=i))


def test_each_record_becomes_a_row_and_broken_files_are_named(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    with PracticeRecord(tmp_path / "a.sqlite") as record:
        for i in range(3):
            record.add(_attempt(i, "grief", right=True))
        record.add(_attempt(5, "role_dispute", right=False))
        record.export(folder / "ana.json", trainee="Ana")
    (folder / "junk.json").write_text("not json", encoding="utf-8")
    table, problems = practice_table(folder)
    assert list(table["trainee"]) == ["Ana"]
    row = table.iloc[0]
    assert row["attempts"] == 4 and row["cases"] == 4
    assert row["mastery_grief"] >= 0.95 and row["mastery_role_dispute"] < 0.5
    assert row["areas_mastered"] == 1
    assert len(problems) == 1 and "junk.json" in problems[0]


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path):
    table, problems = practice_table(tmp_path / "nowhere")
    assert table.empty and "no such folder" in problems[0]


def test_the_report_gets_a_practice_section_and_csv(tmp_path):
    from ipt_training.analytics.report import add_practice_section

    folder = tmp_path / "records"
    folder.mkdir()
    with PracticeRecord(tmp_path / "b.sqlite") as record:
        record.add(_attempt(1, "grief", right=True))
        record.export(folder / "ben.json", trainee="Ben")
    index = tmp_path / "index.html"
    index.write_text("<html><body><h2>Review queue</h2><h2>Files</h2></body></html>", encoding="utf-8")
    add_practice_section(index, folder)
    page = index.read_text(encoding="utf-8")
    assert page.index("Adaptive practice") < page.index("<h2>Files</h2>")
    assert "Ben" in page and "not a grade" in page
    assert "Ben" in (tmp_path / "practice.csv").read_text(encoding="utf-8")
