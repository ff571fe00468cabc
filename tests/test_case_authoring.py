"""Authoring a new case: plain-sentence evidence, `cases check`, instructor folders, helpful validation, concepts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ipt_training.cases.concepts import DOC_END, DOC_START, concept_rows, concepts_markdown
from ipt_training.cases.library import CaseLibrary, packaged_cases_dir
from ipt_training.cases.loader import CaseFileError
from ipt_training.cases.validation import validate_path
from ipt_training.cli import app
from ipt_training.scoring.lexicon import GOALS, STRATEGIES

#: A role transition case as an instructor would write it: evidence as plain sentences, no cues at all.
NEW_CASE = """\
id: clinic-01
title: "Retirement from the fire service"
set: practice
difficulty: intermediate
traps: []
patient:
  name: Halvard Berg
  age: 62
  gender: man
  background: "Retired fire-station commander, married, two adult sons, lives in a small coastal town"
setting: "Community mental health team"
vignette: |
  Halvard, 62, retired as commander of the town's fire station in January after thirty-four years. The crew
  gave him a send-off and he has not been back since. From March he has slept badly, lost weight and stopped
  going to the harbour where he used to walk every morning. He sits at home, says he is "useless now" and
  snaps at his wife Ingrid when she suggests new plans. He had many friends in the crew and no earlier episode
  of depression. Nobody close to him has died. He says: "For thirty years people knew who I was."
symptom_onset: 2025-03
timeline:
  - {date: 2025-01, event: "Retires as fire-station commander", kind: change}
  - {date: 2025-03-10, event: "Poor sleep, weight loss and withdrawal begin", kind: symptom}
inventory:
  - name: Ingrid
    relationship: wife
    closeness: inner
    contact: daily
    expectations: "That he settles into retirement"
  - name: Odd
    relationship: former deputy at the station
    closeness: middle
    contact: "none since January"
    expectations: "Friendship"
reference:
  primary_area: role_transition
  key_evidence:
    - id: retirement
      hint: "What changed in his working life before the symptoms?"
      text: "He retired as commander of the fire station in January."
    - id: lost_crew
      hint: "Which relationships went with the job?"
      text: "He lost daily contact with his friends in the crew."
    - id: no_death
      hint: "Has anyone close to him died?"
      text: "Nobody close to him has died."
  timeline_link:
    id: onset_after_retirement
    hint: "When did the symptoms start relative to the retirement?"
    text: "His symptoms began about two months after he retired."
  goals: [transition.mourn_old, transition.realistic_new, transition.mastery]
  strategies: [general.link_onset, transition.review_old_new, transition.new_support]
  rationale: "Onset two months after retirement, loss of the commander role and of the crew; no death, no dispute."
  formulation: >-
    You have depression, a common and treatable illness that is not your fault, and it is fine to ask less of
    yourself while you recover. It began about two months after you retired from the fire station in January,
    when you lost your role as commander and daily contact with your friends in the crew. Nobody close to you
    has died; we call this a role transition. In twelve weekly sessions we will mourn the old role, look at
    the good and bad of the old and the new, link your low mood to the retirement, build new support and
    regain a sense of mastery. Does that fit how you see it?
samples:
  - name: a bare list of labels
    text: "grief, role dispute, role transition, deficits"
    expect_max: 3
    expect_area: none
  - name: good note that does not rule out grief
    text: >-
      Onset of depression two months after he retired as fire-station commander in January; he lost the crew.
      PA: role transition. Goals: mourn the old role, realistic view of the new, mastery. Strategies: link onset
      to the retirement, review good and bad of old and new role, build new support.
    expect_min: 7
    expect_area: role_transition
"""


def _write(folder: Path, text: str = NEW_CASE, name: str = "clinic-01.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def _cli(*args: str, cwd: Path | None = None, monkeypatch: pytest.MonkeyPatch | None = None):
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in NEW_CASE, old
    return validate_path(_write(tmp_path / "bad", NEW_CASE.replace(old, new)))


# --- a new case with plain-sentence evidence --------------------------------------------------------------------

def test_a_plain_sentence_case_validates_and_joins_the_library(tmp_path):
    folder = tmp_path / "cases"
    path = _write(folder)
    assert validate_path(path) == []
    library = CaseLibrary.load(keys_dir=False, extra_dirs=[folder])
    case = library.get("clinic-01")
    assert library.sources["clinic-01"] == path
    assert all(not item.cues for item in case.reference.key_evidence)
    assert case.samples and not case.without_reference().samples, "samples are instructor-only"
    assert len(library) == len(CaseLibrary.load(keys_dir=False)) + 1


def test_cases_check_runs_as_a_command_and_reports_matched_and_missed_evidence(tmp_path):
    folder = tmp_path / "cases"
    _write(folder)
    result = subprocess.run([sys.executable, "-m", "ipt_training.cli", "cases", "check", str(folder), "--json"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    (check,) = json.loads(result.stdout)
    assert check["case_id"] == "clinic-01" and check["problems"] == []
    ids = ["retirement", "lost_crew", "no_death", "onset_after_retirement"]
    assert [e["id"] for e in check["evidence"]] == ids
    model, listing, note = check["answers"]
    assert model["label"] == "model formulation" and model["rubric"] == "patient"
    assert model["max_total"] == 10 and sum(c["points"] for c in model["criteria"]) == pytest.approx(model["total"])
    for answer in (model, listing, note):
        assert sorted(answer["evidence_matched"] + answer["evidence_missed"]) == sorted(ids)
    assert model["total"] >= 9 and model["evidence_matched"] == ids, "the model formulation cites every sentence"
    assert listing["evidence_matched"] == [] and listing["detected_area"] is None and listing["total"] <= 3
    assert note["evidence_matched"] == ["retirement", "lost_crew", "onset_after_retirement"]
    assert note["evidence_missed"] == ["no_death"] and note["rubric"] == "supervision"
    assert all(answer["ok"] for answer in (model, listing, note)), [a["failures"] for a in (model, listing, note)]
    assert result.returncode == 0, result.stderr


def test_cases_check_table_shows_scores_evidence_and_failures(tmp_path, monkeypatch):
    folder = tmp_path / "cases"
    _write(folder, NEW_CASE.replace("expect_max: 3\n    expect_area: none", "expect_min: 8\n    expect_area: grief"))
    result = _cli("cases", "check", str(folder), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    out = result.output
    for expected in ("clinic-01: scores", "Problem area", "Goals", "evidence matched", "retirement",
                     "He retired as commander", "S1 = sample 1: a bare list of labels",
                     "sample 1: a bare list of labels scores", "below its expect_min 8",
                     "the scorer read the area as 'none', expected 'grief'", "area role_transition"):
        assert expected in out, expected


def test_a_model_formulation_below_nine_fails_the_check(tmp_path, monkeypatch):
    weak = (NEW_CASE[:NEW_CASE.index("  formulation: >-")]
            + '  formulation: "You feel low and we will meet for a while to talk about it, if you like."\n'
            + NEW_CASE[NEW_CASE.index("samples:"):])
    _write(tmp_path / "cases", weak)
    result = _cli("cases", "check", str(tmp_path / "cases"), "--json", cwd=tmp_path, monkeypatch=monkeypatch)
    (check,) = json.loads(result.stdout)
    model = check["answers"][0]
    assert model["total"] < 9 and not model["ok"] and result.exit_code == 1
    assert "it needs at least 9" in model["failures"][0]


def test_cases_check_on_an_invalid_file_reports_it_and_fails(tmp_path, monkeypatch):
    _write(tmp_path / "cases", NEW_CASE.replace("symptom_onset: 2025-03", "symptom_onset: 2025-13"))
    result = _cli("cases", "check", str(tmp_path / "cases"), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert "symptom_onset: '2025-13' has month 13" in result.output


# --- validation that helps ---------------------------------------------------------------------------------------

INTERNAL_WORDS = ("pydantic", "ValidationError", "Input should", "Value error", "Extra inputs", "Traceback")


def _assert_plain(problems: list[str]) -> None:
    assert problems
    for problem in problems:
        assert not any(word in problem for word in INTERNAL_WORDS), problem


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("symptom_onset: 2025-03", "symptom_onset: 2023-02-30", "symptom_onset",
     "'2023-02-30' is not a real date: February 2023 has 28 days"),
    ("{date: 2025-01,", "{date: 2025-13,", "timeline[0].date", "'2025-13' has month 13; months run from 01 to 12"),
    ("{date: 2025-01,", "{date: March 2025,", "timeline[0].date", "form YYYY-MM or YYYY-MM-DD"),
    ('      text: "Nobody close to him has died."', '      cues: ["nobody died", ""]', "key_evidence[2].cues[1]",
     "this cue is empty"),
    ('      text: "Nobody close to him has died."', '      cues: ["*"]', "key_evidence[2].cues[0]",
     "a '*' on its own would match every word"),
    ('      text: "Nobody close to him has died."', '      cues: ["harbour\'s"]', "key_evidence[2].cues[0]",
     "answers are read as 'harbour', so write that instead"),
    ("    - id: lost_crew", "    - id: retirement", "key_evidence[1].id",
     "evidence id 'retirement' is already used by key_evidence[0]"),
    ("transition.mastery]", "transition.mastry]", "goals[2]",
     "unknown goal id 'transition.mastry' (did you mean 'transition.mastery'?). Valid goal ids: grief.mourn"),
    ("strategies: [general.link_onset,", "strategies: [transition.mastery,", "strategies[0]",
     "'transition.mastery' is a goal id, not a strategy id; move it to 'goals:'"),
    ('text: "Nobody close to him has died."', 'text: "It was then."', "key_evidence[2].text",
     "'It was then.' has no word the scorer can look for in an answer"),
    ('text: "His symptoms began about two months after he retired."', 'text: "It began in March 2025."',
     "timeline_link.text", "name the event the onset follows (dates alone are not enough)"),
    ("difficulty: intermediate", "difficulty: hard", "difficulty",
     "'hard' is not allowed here; use one of: beginner, intermediate, advanced"),
    ("  age: 62", "  age: sixty", "patient.age", "must be a whole number, not 'sixty'"),
    ("  name: Halvard Berg", "  name: Halvard Berg\n  nickname: Hal", "patient.nickname",
     "the fields allowed here are: name, age, gender, background"),
    ("setting: ", "settting: ", "setting", "required field 'setting' is missing; add a 'setting:' line"),
    ("    text: \"His symptoms began about two months after he retired.\"\n", "", "reference.timeline_link.text",
     "needs 'text:', the evidence as a plain sentence"),
])
def test_each_authoring_mistake_names_the_line_the_field_and_the_fix(tmp_path, old, new, field, message):
    problems = _problems(tmp_path, old, new)
    _assert_plain(problems)
    hit = [p for p in problems if f": {field}: " in p or f": reference.{field}: " in p]
    assert hit, problems
    assert message in hit[0], hit[0]
    path = tmp_path / "bad" / "clinic-01.yaml"
    assert hit[0].startswith(f"{path}:")
    if new and "missing" not in message:  # the error points at the line that was changed
        changed = new.splitlines()[-1].strip()
        lines = path.read_text().splitlines()
        assert hit[0].startswith(f"{path}:{max(i for i, t in enumerate(lines, 1) if changed in t)}: ")


def test_an_empty_list_entry_is_filled_after_its_dash_and_an_empty_field_after_its_colon(tmp_path):
    evidence = '      text: "Nobody close to him has died."'
    problems = _problems(tmp_path, evidence, evidence + "\n      cues:\n        - nobody died\n        -")
    _assert_plain(problems)
    path = tmp_path / "bad" / "clinic-01.yaml"
    dash_line = path.read_text().splitlines().index("        -") + 1
    empty = "this list entry is empty; write it after the '-', or delete the line"
    assert f"{path}:{dash_line}: reference.key_evidence[2].cues[1]: {empty}" in problems
    problems = _problems(tmp_path, 'setting: "Community mental health team"', "setting:")
    (setting,) = [p for p in problems if ": setting: " in p]
    assert setting.endswith("setting: is empty; write the text after the colon")


def test_a_deficits_link_without_an_event_is_told_to_say_so_in_words(tmp_path):
    link = 'text: "His symptoms began about two months after he retired."'
    deficits = NEW_CASE.replace("primary_area: role_transition", "primary_area: interpersonal_deficits")
    for sentence, fits in (("It began in March 2025.", False),
                           ("The symptoms began in March with no clear trigger.", True)):
        path = _write(tmp_path / sentence[:8].replace(" ", "_"), deficits.replace(link, f'text: "{sentence}"'))
        problems = [p for p in validate_path(path) if ": reference.timeline_link.text: " in p]
        assert not problems if fits else problems, problems
        if not fits:
            assert "with no event (interpersonal deficits) say so in words" in problems[0], problems[0]
    transition = _problems(tmp_path, link, 'text: "It began in March 2025."')  # other areas still ask for the event
    assert not any("interpersonal deficits" in p for p in transition)
    assert any("name the event the onset follows" in p for p in transition)


def test_every_unusable_cue_of_a_list_is_reported_at_once(tmp_path):
    problems = _problems(tmp_path, '      text: "Nobody close to him has died."',
                         '      cues: ["", "*", "nobody died", "no*", "the and"]')
    _assert_plain(problems)
    cues = [p for p in problems if ".cues[" in p]
    assert [p.split(": ")[1] for p in cues] == [f"reference.key_evidence[2].cues[{i}]" for i in (0, 1, 3, 4)]
    assert "too short a prefix" in cues[2] and "would match almost any answer" in cues[3]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("title:", "\ttitle:", "(indent with spaces, not tabs)"),
    ('title: "Retirement from the fire service"', "title: Retirement: the fire service",
     "(a value contains ': '; put the whole value in double quotes)"),
])
def test_common_yaml_mistakes_come_with_the_fix(tmp_path, old, new, message):
    (problem,) = _problems(tmp_path, old, new)
    assert "invalid YAML" in problem and message in problem


def test_unknown_concept_lists_every_valid_id(tmp_path):
    (problem,) = _problems(tmp_path, "transition.mastery]", "transition.mastry]")
    assert all(goal in problem for goal in GOALS)
    (problem,) = _problems(tmp_path, "transition.new_support]", "transition.new_suport]")
    assert all(strategy in problem for strategy in STRATEGIES)
    assert "ipt-course concepts" in problem


def test_a_practice_case_without_a_reference_is_an_error(tmp_path):
    text = NEW_CASE[:NEW_CASE.index("reference:")]
    problems = validate_path(_write(tmp_path, text))
    _assert_plain(problems)
    assert len(problems) == 1 and ": reference: a practice case needs a 'reference:' block" in problems[0]
    assert validate_path(_write(tmp_path, text.replace("set: practice", "set: assessment"))) == []


def test_an_impossible_date_is_an_error_not_a_crash(tmp_path):
    _write(tmp_path, NEW_CASE.replace("{date: 2025-03-10,", "{date: 2023-02-30,"))
    with pytest.raises(CaseFileError) as info:
        CaseLibrary.load(keys_dir=False, extra_dirs=[tmp_path])
    assert "timeline[1].date: '2023-02-30' is not a real date" in str(info.value)


def test_a_sample_needs_an_expectation(tmp_path):
    problems = _problems(tmp_path, "    expect_max: 3\n    expect_area: none\n", "")
    assert any("samples[0]" in p and "a sample needs an expectation" in p for p in problems), problems


def test_a_case_id_used_twice_across_files_names_both_files(tmp_path, monkeypatch):
    first = _write(tmp_path / "a")
    second = _write(tmp_path / "b", name="copy.yaml")
    with pytest.raises(CaseFileError) as info:
        CaseLibrary.load(keys_dir=False, extra_dirs=[tmp_path / "a", tmp_path / "b"])
    (problem,) = info.value.problems
    assert str(first) in problem and str(second) in problem and "case id 'clinic-01'" in problem
    clash = _write(tmp_path / "c", NEW_CASE.replace("id: clinic-01", "id: p-05"))
    result = _cli("cases", "validate", "--dir", str(tmp_path / "c"), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert str(clash) in result.output and str(packaged_cases_dir() / "practice" / "p-05.yaml") in result.output


KEY = """\
case_id: clinic-01
reference:
""" + NEW_CASE[NEW_CASE.index("reference:\n") + len("reference:\n"):NEW_CASE.index("samples:")] + """\
samples:
  - name: keyword list
    text: "grief, role dispute, role transition, deficits"
    expect_max: 3
"""


def _assessment_with_key(folder: Path) -> tuple[Path, Path]:
    case_text = NEW_CASE[:NEW_CASE.index("reference:")].replace("set: practice", "set: assessment")
    return _write(folder, case_text), _write(folder, KEY, name="clinic-01-key.yaml")


def test_check_scores_an_assessment_case_from_its_key_file_with_the_key_samples(tmp_path, monkeypatch):
    case_file, key_file = _assessment_with_key(tmp_path / "cases")
    result = _cli("cases", "check", str(tmp_path / "cases"), "--json", cwd=tmp_path, monkeypatch=monkeypatch)
    by_path = {Path(c["path"]).name: c for c in json.loads(result.output)}
    assert by_path[case_file.name]["answers"] == [] and key_file.name in by_path[case_file.name]["note"]
    key_check = by_path[key_file.name]
    assert key_check["case_id"] == "clinic-01" and key_check["problems"] == []
    assert [a["label"] for a in key_check["answers"]] == ["model formulation", "sample 1: keyword list"]
    library = CaseLibrary.load(keys_dir=True, extra_dirs=[tmp_path / "cases"])
    assert library.key_sources["clinic-01"] == key_file and library.get("clinic-01").reference is not None
    assert library.get("clinic-01").without_reference().samples == []


def test_a_key_must_name_a_known_case_and_a_case_has_one_reference(tmp_path, monkeypatch):
    key = _write(tmp_path / "keys", KEY.replace("case_id: clinic-01", "case_id: clinic-99"))
    result = _cli("cases", "validate", str(key), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "case_id: no case with id 'clinic-99'" in result.output
    _write(tmp_path / "both", NEW_CASE)
    second = _write(tmp_path / "both", KEY, name="clinic-01-key.yaml")
    with pytest.raises(CaseFileError) as info:
        CaseLibrary.load(keys_dir=True, extra_dirs=[tmp_path / "both"])
    assert f"{second}:1: case_id: the reference of case 'clinic-01' is already given by" in str(info.value)


# --- instructor folders: --dir and the course setting ------------------------------------------------------------

def _course(tmp_path: Path, setting: str) -> Path:
    course = tmp_path / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text(f"c = get_config()  # noqa: F821\n{setting}\n")
    return course


def test_dir_option_adds_an_instructor_folder_to_list_show_and_validate(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    path = _write(folder)
    rows = json.loads(_cli("cases", "list", "--json", "--dir", str(folder), cwd=tmp_path,
                           monkeypatch=monkeypatch).output)
    mine = [r for r in rows if r["id"] == "clinic-01"]
    assert mine and mine[0]["file"] == str(path) and mine[0]["primary_area"] == "role_transition"
    assert "Halvard" in _cli("cases", "show", "clinic-01", "--dir", str(folder)).output
    shown = json.loads(_cli("cases", "show", "clinic-01", "--json", "--dir", str(folder)).output)
    assert shown["samples"] == [] and shown["reference"] is None, "trainee view: no reference, no sample answers"
    assert "clinic-01" not in _cli("cases", "list", "--json").output
    assert _cli("cases", "validate", "--dir", str(folder)).exit_code == 0


def test_the_course_setting_adds_its_case_folders(tmp_path, monkeypatch):
    course = _course(tmp_path, 'c.IPTCourse.case_dirs = ["cases"]')
    _write(course / "cases")
    (course / "week2").mkdir()
    result = _cli("cases", "list", "--json", cwd=course / "week2", monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert "clinic-01" in {r["id"] for r in json.loads(result.output)}
    assert CaseLibrary.load().get("clinic-01").title.startswith("Retirement")
    checked = json.loads(_cli("cases", "check", "--json").output)
    assert [c["case_id"] for c in checked] == ["clinic-01"], "without a path, check takes the course's folders"
    assert "clinic-01" not in CaseLibrary.load(keys_dir=False).cases, "the trainee view has no instructor cases"


@pytest.mark.parametrize(("setting", "message"), [
    ('c.IPTCourse.case_dirs = ["nowhere"]', "the folder 'nowhere' does not exist"),
    ("import os\nc.IPTCourse.case_dirs = [os.getcwd()]", "write the folders out"),
])
def test_a_wrong_course_setting_is_explained(tmp_path, monkeypatch, setting, message):
    course = _course(tmp_path, setting)
    result = _cli("cases", "list", cwd=course, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "nbgrader_config.py:" in result.output and "c.IPTCourse.case_dirs" in result.output
    assert message in result.output


def test_check_without_a_path_outside_a_course_says_what_to_do(tmp_path, monkeypatch):
    result = _cli("cases", "check", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "c.IPTCourse.case_dirs" in result.output


def test_a_broken_instructor_case_stops_list_with_the_problem_not_a_traceback(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    _write(folder, NEW_CASE.replace("{date: 2025-01,", "{date: 2025-02-31,"))
    result = _cli("cases", "list", "--dir", str(folder), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
    assert "'2025-02-31' is not a real date: February 2025 has 28 days" in result.output


# --- concepts ----------------------------------------------------------------------------------------------------

def test_concepts_json_lists_every_goal_and_strategy_with_its_area():
    rows = json.loads(_cli("concepts", "--json").output)
    assert rows == concept_rows()
    assert {r["id"] for r in rows if r["kind"] == "goal"} == set(GOALS)
    assert {r["id"] for r in rows if r["kind"] == "strategy"} == set(STRATEGIES)
    grief = next(r for r in rows if r["id"] == "grief.mourn")
    assert grief["area"] == "grief" and grief["label"] == GOALS["grief.mourn"].label


def test_concepts_table_and_markdown():
    table = _cli("concepts").output
    assert "transition.mastery" in table and "any area" in table
    assert _cli("concepts", "--markdown").output == concepts_markdown()


def test_the_authoring_guide_lists_exactly_the_concepts_the_code_knows(repo):
    doc = (repo / "docs" / "authoring-cases.md").read_text()
    assert DOC_START in doc and DOC_END in doc, "docs/authoring-cases.md lost its generated concept list"
    listed = doc[doc.index(DOC_START) + len(DOC_START):doc.index(DOC_END)].strip()
    assert listed == concepts_markdown().strip(), "run `ipt-course concepts --markdown` and paste the output"


def test_the_guide_worked_example_is_a_valid_case(repo, tmp_path):
    doc = (repo / "docs" / "authoring-cases.md").read_text()
    block = doc[doc.index("<!-- example:start -->"):doc.index("<!-- example:end -->")]
    example = block.split("```yaml\n", 1)[1].rsplit("```", 1)[0]
    path = _write(tmp_path, example)
    assert validate_path(path) == []
    case = CaseLibrary.load(keys_dir=False, extra_dirs=[tmp_path]).get(path.stem)
    assert all(item.text and not item.cues for item in case.reference.key_evidence), "plain-sentence evidence only"


def test_the_guide_rubric_table_matches_the_scorer(repo):
    from ipt_training.scoring.rubrics import PATIENT, SUPERVISION

    doc = (repo / "docs" / "authoring-cases.md").read_text()
    table = doc[doc.index("<!-- rubrics:start -->"):doc.index("<!-- rubrics:end -->")]
    rows = {line.split("|")[1].strip(): line for line in table.splitlines() if line.startswith("| ")}
    fields = {"Problem area": "area", "Evidence, timeline link and dispute stage (all together)": "evidence",
              "... of which the timeline link": "link", "... of which the dispute stage (dispute cases only)": "stage",
              "Goals": "goals", "Strategies": "strategies", "Diagnosis and sick role": "sick_role",
              "Time-limited contract": "contract", "Invitation to agree": "agreement"}
    assert set(rows) == {"criterion", *fields}
    for label, attr in fields.items():
        assert f"| {getattr(SUPERVISION, attr):g} | {getattr(PATIENT, attr):g} |" in rows[label], label


def _assessment_case_with_key(course: Path, goal: str) -> Path:
    """NEW_CASE split as docs/authoring-cases.md says: the case in cases/, its reference in a key file."""
    case = yaml.safe_load(NEW_CASE)
    key = {"case_id": "clinic-01", "reference": case.pop("reference"), "samples": case.pop("samples", [])}
    case["set"] = "assessment"
    key["reference"]["goals"][0] = goal
    (course / "cases").mkdir()
    (course / "cases" / "clinic-01.yaml").write_text(yaml.safe_dump(case, sort_keys=False))
    keys = course / "source" / "keys" / "cases"
    keys.mkdir(parents=True)
    (keys / "clinic-01.yaml").write_text(yaml.safe_dump(key, sort_keys=False))
    return keys / "clinic-01.yaml"


def test_check_of_the_course_reports_a_broken_key_file_not_ok(tmp_path, monkeypatch):
    """`ipt-course cases check` (README step 2) said 'ok ... no key file found' when the key file was there but
    invalid (a goal id mistyped), so the instructor went on to release a case the grader could not use."""
    course = _course(tmp_path, 'c.IPTCourse.case_dirs = ["cases"]')
    _assessment_case_with_key(course, "transition.mourn_old_role")
    result = _cli("cases", "check", cwd=course, monkeypatch=monkeypatch)
    assert result.exit_code == 1, result.output
    assert "no key file found" not in result.output
    assert "clinic-01.yaml:" in result.output and "unknown goal id 'transition.mourn_old_role'" in result.output


def test_check_of_the_course_scores_a_valid_key_file(tmp_path, monkeypatch):
    course = _course(tmp_path, 'c.IPTCourse.case_dirs = ["cases"]')
    key = _assessment_case_with_key(course, "transition.mourn_old")
    checked = json.loads(_cli("cases", "check", "--json", cwd=course, monkeypatch=monkeypatch).output)
    assert [(c["case_id"], c["ok"], c["note"]) for c in checked] == [("clinic-01", True, f"reference from {key}")]
