"""Dialogue transcripts: the packaged set, keys, data frames, and loading errors with file, field and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ipt_training.communication.library import DialogueLibrary, packaged_dialogues_dir
from ipt_training.communication.taxonomy import CODES, OK
from ipt_training.communication.transcript import (
    DialogueFileError,
    DialogueSet,
    load_dialogue_file,
    load_dialogue_key_file,
)
from ipt_training.domain import ProblemArea

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"

VALID = """\
id: dt-test-01
title: "A test dialogue"
problem_area: role_dispute
set: practice
context: |
  Invented context for a test: the patient and her partner argue about the washing-up after dinner,
  reconstructed in session word for word.
speakers:
  - {id: ana, name: Ana, relationship: patient}
  - {id: ben, name: Ben, relationship: partner}
utterances:
  - {speaker: ben, text: "Can you wash up tonight?", codes: [ok]}
  - {speaker: ana, text: "Must be nice to sit down.", codes: [indirect_verbal], rewrite_target: true}
  - {speaker: ben, text: "What do you mean?", codes: [ok]}
  - {speaker: ana, text: "Nothing.", codes: [silence]}
  - {speaker: ben, text: "Okay then.", codes: [ok]}
  - {speaker: ana, text: "You never help.", codes: [hostile]}
  - {speaker: ben, text: "I cooked.", codes: [ok]}
  - {speaker: ana, text: "Whatever.", codes: [silence]}
"""


@pytest.fixture(scope="module")
def keyed() -> DialogueLibrary:
    return DialogueLibrary.load(keys_dir=KEYS)


def _write(tmp_path: Path, text: str, name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_packaged_set_has_two_dialogues_per_area_and_both_sets(keyed: DialogueLibrary) -> None:
    assert len(keyed) >= 8
    areas = Counter(d.problem_area for d in keyed)
    assert all(areas[area] >= 2 for area in ProblemArea), areas
    assert len(keyed.by_set(DialogueSet.PRACTICE)) >= 5 and len(keyed.by_set(DialogueSet.ASSESSMENT)) >= 3
    for dialogue in keyed:
        assert 8 <= len(dialogue.utterances) <= 14
        assert dialogue.is_coded and dialogue.rewrite_targets
        assert len({s.name for s in dialogue.speakers}) == 2


def test_every_code_is_used_in_practice_material(keyed: DialogueLibrary) -> None:
    used = {c for d in keyed.by_set(DialogueSet.PRACTICE) for u in d.utterances for c in u.codes}
    assert used == set(CODES)


def test_rewrite_targets_are_patient_problem_utterances(keyed: DialogueLibrary) -> None:
    for dialogue in keyed:
        for number in dialogue.rewrite_targets:
            utterance = dialogue.utterance(number)
            assert dialogue.speaker(utterance.speaker).is_patient
            assert utterance.codes and OK not in utterance.codes


def test_assessment_codes_do_not_ship_with_the_package() -> None:
    library = DialogueLibrary.load(keys_dir=False)
    assessment = library.by_set(DialogueSet.ASSESSMENT)
    assert assessment and not any(d.is_coded for d in assessment)
    for path in (packaged_dialogues_dir() / "assessment").glob("*.yaml"):
        assert "codes:" not in path.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="instructor key not available"):
        assessment[0].reference_codes()


def test_keys_are_found_through_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPT_COURSE_KEYS", str(KEYS))
    library = DialogueLibrary.load()
    assert library.keys_dir == KEYS and all(d.is_coded for d in library)


def test_every_key_file_covers_its_dialogue(keyed: DialogueLibrary) -> None:
    for path in sorted((KEYS / "dialogues").glob("*.yaml")):
        key = load_dialogue_key_file(path)
        assert path.stem == key.dialogue_id
        assert key.check_covers(keyed.get(key.dialogue_id)) == []


def test_to_dataframe_has_one_row_per_utterance(keyed: DialogueLibrary) -> None:
    dialogue = keyed.get("dp-05")
    frame = dialogue.to_dataframe()
    assert len(frame) == len(dialogue.utterances)
    assert frame.index.tolist() == list(range(1, len(dialogue.utterances) + 1))
    assert {"speaker", "name", "text", "nonverbal", "codes", "primary_code", "rewrite_target"} <= set(frame.columns)
    assert frame.loc[12, "codes"] == "indirect_nonverbal, indirect_verbal"
    assert frame.loc[12, "primary_code"] == "indirect_nonverbal"


def test_valid_file_loads(tmp_path: Path) -> None:
    dialogue = load_dialogue_file(_write(tmp_path, VALID))
    assert dialogue.patient.name == "Ana" and dialogue.rewrite_targets == [2]
    assert dialogue.reference_codes()[6] == ("hostile",)


def test_unknown_code_names_file_field_and_line(tmp_path: Path) -> None:
    text = VALID.replace("codes: [hostile]", "codes: [angry]")
    path = _write(tmp_path, text)
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_file(path)
    [problem] = info.value.problems
    assert problem.startswith(f"{path}:{_line_of(text, 'angry')}: utterances.5.codes.0: ")
    assert "unknown code 'angry'" in problem


def test_unknown_speaker_points_at_the_utterance(tmp_path: Path) -> None:
    text = VALID.replace('{speaker: ben, text: "I cooked."', '{speaker: bob, text: "I cooked."')
    path = _write(tmp_path, text)
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_file(path)
    [problem] = info.value.problems
    assert problem.startswith(f"{path}:{_line_of(text, 'bob')}: utterances.6.speaker: unknown speaker 'bob'")


def test_empty_text_is_rejected_with_its_line(tmp_path: Path) -> None:
    text = VALID.replace('text: "Okay then."', 'text: "  "')
    path = _write(tmp_path, text)
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_file(path)
    line = _line_of(text, 'text: "  "')
    assert info.value.problems[0].startswith(f"{path}:{line}: utterances.4.text: ")


def test_ok_cannot_be_combined_with_a_problem(tmp_path: Path) -> None:
    text = VALID.replace('"Nothing.", codes: [silence]', '"Nothing.", codes: [silence, ok]')
    path = _write(tmp_path, text)
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_file(path)
    assert info.value.problems == [
        f"{path}:{_line_of(text, 'silence, ok')}: utterances.3.codes: 'ok' cannot be combined with problem codes"]


def test_codes_must_be_complete_once_started(tmp_path: Path) -> None:
    text = VALID.replace('"I cooked.", codes: [ok]', '"I cooked."')
    with pytest.raises(DialogueFileError, match=r"utterances\.6\.codes: every utterance needs codes"):
        load_dialogue_file(_write(tmp_path, text))


def test_rewrite_target_must_be_the_patient(tmp_path: Path) -> None:
    text = VALID.replace('"I cooked.", codes: [ok]', '"I cooked.", codes: [ok], rewrite_target: true')
    with pytest.raises(DialogueFileError, match=r"utterances\.6\.rewrite_target: only the patient"):
        load_dialogue_file(_write(tmp_path, text))


def test_unknown_field_and_bad_area(tmp_path: Path) -> None:
    text = VALID.replace("problem_area: role_dispute", "problem_area: pain\nmood: low")
    path = _write(tmp_path, text)
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_file(path)
    joined = "\n".join(info.value.problems)
    assert f"{path}:{_line_of(text, 'pain')}: problem_area:" in joined
    assert f"{path}:{_line_of(text, 'mood')}: mood: Extra inputs are not permitted" in joined


def test_invalid_yaml_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(DialogueFileError, match=r"d\.yaml:\d+: invalid YAML"):
        load_dialogue_file(_write(tmp_path, "id: [unclosed\n"))
    with pytest.raises(DialogueFileError, match="expected a mapping"):
        load_dialogue_file(_write(tmp_path, "- a list\n"))


def test_key_file_errors_name_the_utterance_line(tmp_path: Path) -> None:
    text = "dialogue_id: dt-test-01\ncodes:\n  1: [ok]\n  2: [sarcasm]\n"
    path = _write(tmp_path, text, "k.yaml")
    with pytest.raises(DialogueFileError) as info:
        load_dialogue_key_file(path)
    assert info.value.problems[0].startswith(f"{path}:4: codes.2.0: ")


def test_key_must_cover_every_utterance(tmp_path: Path) -> None:
    dialogues = tmp_path / "dialogues"
    dialogues.mkdir()
    _write(dialogues, VALID.replace("set: practice", "set: assessment").replace("codes: [ok]", "codes: []")
           .replace(", codes: [indirect_verbal]", "").replace(", codes: [silence]", "")
           .replace(", codes: [hostile]", ""))
    keys = tmp_path / "keys" / "dialogues"
    keys.mkdir(parents=True)
    _write(keys, "dialogue_id: dt-test-01\ncodes:\n  1: [ok]\n  2: [indirect_verbal]\n", "dt-test-01.yaml")
    with pytest.raises(DialogueFileError, match=r"no codes for utterances \[3, 4, 5, 6, 7, 8\]"):
        DialogueLibrary.load(dialogues, keys_dir=tmp_path / "keys")
    _write(keys, "dialogue_id: dt-nope\ncodes:\n  1: [ok]\n", "dt-test-01.yaml")
    with pytest.raises(DialogueFileError, match="no dialogue with id 'dt-nope'"):
        DialogueLibrary.load(dialogues, keys_dir=tmp_path / "keys")
