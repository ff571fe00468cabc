"""The case library: coverage, clinical conventions, key separation and load errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ipt_training.cases.library import CaseLibrary, packaged_cases_dir
from ipt_training.cases.loader import CaseFileError, load_case_file
from ipt_training.cases.model import CaseSet, EventKind
from ipt_training.cases.validation import validate_path
from ipt_training.domain import ProblemArea


def test_at_least_24_cases_and_4_per_area(library):
    assert len(library) >= 24
    counts = Counter(c.primary_area for c in library)
    assert None not in counts, "every case needs a reference (practice in the package, assessment in source/keys)"
    for area in ProblemArea:
        assert counts[area] >= 4, f"{area.value}: only {counts[area]} cases"


def test_practice_and_assessment_sets_both_cover_every_area(library):
    for case_set in CaseSet:
        areas = {c.primary_area for c in library.by_set(case_set)}
        assert areas == set(ProblemArea), f"{case_set.value} set misses {set(ProblemArea) - areas}"


def test_assessment_references_are_not_shipped_in_the_package():
    trainee_view = CaseLibrary.load(keys_dir=False)
    for case in trainee_view.by_set(CaseSet.ASSESSMENT):
        assert case.reference is None, case.id
    for path in (packaged_cases_dir() / "assessment").glob("*.yaml"):
        assert "reference:" not in path.read_text(), path


def test_every_practice_case_ships_its_reference():
    for case in CaseLibrary.load(keys_dir=False).by_set(CaseSet.PRACTICE):
        assert case.reference is not None, case.id


def test_grief_cases_involve_a_death(library):
    for case in library:
        if ProblemArea.GRIEF in case.reference.areas:
            has_death = any(e.kind is EventKind.DEATH for e in case.timeline) or any(p.deceased for p in case.inventory)
            assert has_death, f"{case.id}: grief requires the death of a significant person"


def test_non_death_loss_traps_are_not_grief(library):
    traps = [c for c in library if "non-death-loss" in c.traps]
    assert len(traps) >= 3
    for case in traps:
        assert case.reference.primary_area is not ProblemArea.GRIEF, case.id


def test_required_traps_are_present(library):
    tags = Counter(t for c in library for t in c.traps)
    for tag in ("non-death-loss", "dispute-vs-transition-timing", "delayed-grief", "withdrawal-not-deficits"):
        assert tags[tag] >= 1, f"no case with trap {tag}"


def test_disputes_have_a_stage_and_all_stages_occur(library):
    stages = {c.reference.dispute_stage for c in library if ProblemArea.ROLE_DISPUTE in c.reference.areas}
    assert None not in stages
    assert len(stages) == 3


def test_at_most_two_areas_per_reference(library):
    for case in library:
        assert 1 <= len(case.reference.areas) <= 2


def test_onset_appears_in_the_timeline(library):
    for case in library:
        symptom_dates = [e.date for e in case.timeline if e.kind is EventKind.SYMPTOM]
        assert symptom_dates, f"{case.id}: timeline has no symptom event"
        assert min(symptom_dates)[:7] == case.symptom_onset[:7], case.id


def test_case_ids_match_file_names():
    for path in packaged_cases_dir().rglob("*.yaml"):
        assert load_case_file(path).id == path.stem


def test_shipped_files_validate(repo):
    assert validate_path(packaged_cases_dir()) == []
    assert validate_path(repo / "source" / "keys" / "cases") == []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    return path


def test_errors_name_the_file_the_field_and_the_line(tmp_path):
    good = (packaged_cases_dir() / "practice" / "p-05.yaml").read_text()
    bad = good.replace("age: 41", "age: forty-one")
    path = _write(tmp_path, bad)
    with pytest.raises(CaseFileError) as info:
        load_case_file(path)
    line = next(i for i, text in enumerate(bad.splitlines(), 1) if "forty-one" in text)
    assert f"{path}:{line}: patient.age:" in str(info.value)


def test_unknown_field_and_bad_area_are_both_reported(tmp_path):
    good = (packaged_cases_dir() / "practice" / "p-05.yaml").read_text()
    bad = good.replace("primary_area: role_transition", "primary_area: pain")
    bad = bad.replace("setting:", "colour: red\nsetting:")
    problems = validate_path(_write(tmp_path, bad))
    assert any("reference.primary_area" in p for p in problems)
    assert any("'colour' is not a field here" in p and "setting" in p for p in problems)
    area = next(p for p in problems if "reference.primary_area" in p)
    assert "'pain' is not allowed here; use one of: grief, role_dispute, role_transition" in area


def test_invalid_yaml_reports_its_line(tmp_path):
    path = _write(tmp_path, "id: x\ntitle: [unclosed\n")
    problems = validate_path(path)
    assert len(problems) == 1 and f"{path}:" in problems[0] and "invalid YAML" in problems[0]


def test_dispute_reference_without_stage_is_rejected(tmp_path):
    good = (packaged_cases_dir() / "practice" / "p-05.yaml").read_text()
    problems = validate_path(_write(tmp_path, good.replace("primary_area: role_transition",
                                                            "primary_area: role_dispute")))
    assert any("dispute_stage is required" in p for p in problems)


def test_unknown_case_id_lists_known_ones(library):
    with pytest.raises(KeyError, match="p-05"):
        library.get("nope")


def test_instructor_only_inventory_and_timeline_are_not_shipped(repo):
    """Where a key file holds the expert inventory/timeline (an exercise), the packaged case must not."""
    import yaml

    for key_file in sorted((repo / "source" / "keys" / "cases").glob("*.yaml")):
        key = yaml.safe_load(key_file.read_text())
        shipped = yaml.safe_load((packaged_cases_dir() / "assessment" / key_file.name).read_text())
        for field in ("inventory", "timeline"):
            if field in key:
                assert not shipped.get(field), f"{key_file.name}: the package ships the instructor-only {field}"
