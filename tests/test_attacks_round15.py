"""Attack round 15 (grading): holes found by a trainee attacking the grading, each through the real pipeline with an
honest trainee in the same batch (docs/reliability.md, "Attack round 15 (grading)").

1. The inventory and timeline graders loaded their case with the course's own case folders found by walking up from
   the current folder, which is the trainee's ``autograded/<trainee>/<assignment>/`` while the grading process
   re-scores. A submitted ``nbgrader_config.py`` (``c.IPTCourse.case_dirs = ["mine"]``) and ``mine/clinic-01.yaml``
   made the grader compare the trainee's answers with a case the trainee wrote: a boat and a lottery win earned
   10.5 / 12 against an instructor's own case, where the honest trainee earned 7.5.
2. ``ipt-course release`` shipped the trainee copy of an instructor's own case with its expert inventory and
   timeline (the docs' steps move only the reference, samples and traps into the key), so an assignment that asks
   the trainee to build them handed over the answer in ``release/<assignment>/cases/<id>.yaml``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import yaml
from own_case_course import CASE_ID, own_case_course, submit_honest_and_attacker, worked_example

from ipt_training.cases.released import assignment_case, trainee_copy
from ipt_training.grading.graders.case_items import EXPERT_FIELDS, _expert_case
from ipt_training.grading.trusted.course_root import COURSE_ENV
from ipt_training.grading.trusted.keys import keys_from
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.own_cases import withheld_fields
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, submit

ASSIGNMENT = "inventory_and_timeline"
KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"
COLUMNS = "columns=['name', 'relationship', 'closeness'])"
# The honest trainee: one of the two people of the docs' worked example (Ingrid, his wife, inner), its one life event
# (he retires in January 2025) and the onset month (March 2025); the onset event in words the key does not match.
HONEST = {
    "inventory_answer": "inventory = pd.DataFrame([{'name': 'Ingrid', 'relationship': 'wife', 'closeness': 'inner'}], "
                        + COLUMNS,
    "timeline_answer": "timeline = pd.DataFrame([{'date': '2025-01', 'event': 'He retires as commander of the fire "
                       "station'}], columns=['date', 'event'])\nonset_month = '2025-03'\n"
                       "onset_event = 'his retirement'",
}
# The attacker's answers have nothing of the case in them; the case folder she submits says they are the case.
BOAT = "I won the lottery and bought a boat"
ATTACK = {
    "inventory_answer": f"inventory = pd.DataFrame([{{'name': 'Nobody', 'relationship': 'x', 'closeness': 'inner'}}], "
                        f"{COLUMNS}",
    "timeline_answer": f"timeline = pd.DataFrame([{{'date': '2020-01', 'event': {BOAT!r}}}], columns=['date', 'event'])"
                       f"\nonset_month = '2020-02'\nonset_event = {BOAT!r}",
}


def _hostile_case_folder(folder: Path, case: dict) -> None:
    """A course-like config and a case of the trainee's own making beside her notebook."""
    (folder / "nbgrader_config.py").write_text('c = get_config()  # noqa: F821\nc.IPTCourse.case_dirs = ["mine"]\n')
    (folder / "mine").mkdir()
    fake = {**case, "symptom_onset": "2020-02",
            "timeline": [{"date": "2020-01", "event": BOAT, "kind": "change"},
                         {"date": "2020-02", "event": "Low mood begins", "kind": "symptom"}],
            "inventory": [{"name": "Nobody", "relationship": "x", "closeness": "inner", "contact": "daily",
                           "expectations": "none"}]}
    (folder / "mine" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(fake, sort_keys=False), encoding="utf-8")


@dataclass
class Batch:
    course: Course
    serial: dict[str, GradeResult]
    parallel: dict[str, GradeResult]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Batch:
    """The inventory and timeline assignment pointed at the docs' worked example, set up as the docs' steps say: the
    case file (timeline and inventory in it) in cases/, its reference, samples and traps in the key file."""
    root = tmp_path_factory.mktemp("round15")
    case = own_case_course(repo, root, ASSIGNMENT, "a-01", ("reference", "samples", "traps"))
    course = Course(root)
    _hostile_case_folder(submit_honest_and_attacker(course, ASSIGNMENT, HONEST, ATTACK), case)
    serial = {r.student: r for r in course.autograde(ASSIGNMENT)}
    parallel = {r.student: r for r in course.autograde(ASSIGNMENT, jobs=2)}
    return Batch(course, serial, parallel)


def _outputs(course: Course, trainee: str, grade_id: str) -> str:
    nb = nbformat.read(course.root / "autograded" / trainee / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return "".join(o.get("text", "") for o in cell.outputs)


@pytest.mark.slow
@pytest.mark.parametrize("run", ["serial", "parallel"])
def test_a_submitted_case_folder_is_not_the_case_the_grader_compares_with(batch: Batch, run: str) -> None:
    """1. Serial and with --jobs 2: the attacker's answers earn what they earn against the instructor's case (0), and
    the honest trainee keeps 3 / 6 (one of two people, in the right ring) + 4.5 / 6 (the event and the onset month)."""
    results = getattr(batch, run)
    assert results["alice"].ok and results["mallory"].ok
    assert (results["alice"].score, results["alice"].max_score) == (7.5, 12.0)
    assert results["mallory"].score == 0.0
    inventory = _outputs(batch.course, "mallory", "inventory_test")
    assert "You included 0 of the 2 people" in inventory and "Not found in the vignette: Nobody" in inventory
    assert "0 of the 1 key life events" in _outputs(batch.course, "mallory", "timeline_test")
    assert "extra files ignored by grading: mine, nbgrader_config.py" in results["mallory"].problems


@pytest.mark.slow
def test_the_trainee_copy_of_an_own_case_withholds_the_tables_the_assignment_grades(batch: Batch) -> None:
    """2. The released copy has the vignette and the patient but neither expert table; the notebook still shows the
    case from it, and the grader (which reads the instructor's case folder) still has both tables (alice's score)."""
    copy = yaml.safe_load((batch.course.root / "release" / ASSIGNMENT / "cases" / f"{CASE_ID}.yaml").read_text())
    assert copy["vignette"] and copy["patient"] and copy["symptom_onset"]
    assert "timeline" not in copy and "inventory" not in copy and "reference" not in copy
    shown = assignment_case(CASE_ID, batch.course.root / "release" / ASSIGNMENT)
    assert shown.vignette and not shown.timeline and not shown.inventory
    assert batch.serial["alice"].score == 7.5


def test_only_the_tables_a_graded_cell_compares_with_are_withheld(tmp_path: Path) -> None:
    """Withheld: the fields of each expert grader a graded cell calls on the case (also under an alias). Kept: a case
    only shown, or graded by the formulation grader (its timeline and inventory are part of the case to read)."""
    def cell(source: str, graded: bool) -> nbformat.NotebookNode:
        made = nbformat.v4.new_code_cell(source)
        made.metadata["nbgrader"] = {"grade": graded, "grade_id": f"c{len(source)}", "locked": True, "solution": False,
                                     "points": 6 if graded else 0, "schema_version": 3}
        return made

    nb = nbformat.v4.new_notebook(cells=[
        cell('show_case("own-1")\nshow_case("own-2")\nshow_case("own-3")', False),
        cell('from ipt_training.grading.graders.case_items import grade_inventory as _grade\n'
             '_grade("own-1", globals(), "inventory", points=6)', True),
        cell('from ipt_training.grading.graders.case_items import grade_timeline as _grade\n'
             '_grade("own-1", globals(), "timeline", "onset_month", "onset_event", points=6)', True),
        cell('from ipt_training.grading.graders.items import grade_formulation as _grade\n'
             '_grade("own-2", globals(), "c", points=10)', True),
    ])
    path = tmp_path / "a.ipynb"
    nbformat.write(nb, path)
    assert withheld_fields(path, {"own-1", "own-2", "own-3"}) == {"own-1": {"inventory", "timeline"}}
    assert set(EXPERT_FIELDS) == {"grade_inventory", "grade_timeline"}


def test_trainee_copy_keeps_the_tables_unless_withheld(repo: Path) -> None:
    from ipt_training.cases.loader import load_case_file

    path = repo / "ipt_training" / "data" / "cases" / "assessment" / "a-02.yaml"
    case = load_case_file(path)
    assert "timeline" in trainee_copy(case) and "inventory" in trainee_copy(case)
    hidden = trainee_copy(case, ("timeline", "inventory"))
    assert "timeline" not in hidden and "inventory" not in hidden and hidden["vignette"] == case.vignette


def _hostile_folder(folder: Path, repo: Path) -> Path:
    """A trainee's folder with a course-like config and a case folder holding a-01 written again."""
    folder.mkdir()
    (folder / "nbgrader_config.py").write_text('c.IPTCourse.case_dirs = ["mine"]\n')
    (folder / "mine").mkdir()
    shutil.copy(repo / "ipt_training" / "data" / "cases" / "assessment" / "a-01.yaml", folder / "mine" / "x.yaml")
    return folder


def test_the_expert_case_ignores_a_course_config_in_the_current_folder(tmp_path: Path, repo: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """1, without the pipeline: in the trainee's folder, the timeline grader's case is the instructor's a-01 (its
    expert tables come from the key)."""
    monkeypatch.delenv(COURSE_ENV, raising=False)
    monkeypatch.chdir(_hostile_folder(tmp_path / "trainee", repo))
    with keys_from(KEYS):
        case = _expert_case("a-01")
    assert case.id == "a-01" and {p.name for p in case.inventory} >= {"Graham", "Maureen"}


def test_an_own_case_is_found_from_the_grading_course_when_the_keys_live_elsewhere(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With IPT_COURSE_KEYS outside the course, the own case comes from the course the grading process fixed
    (IPT_GRADING_COURSE), still never from the trainee's folder."""
    course = tmp_path / "course"
    (course / "cases").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text('c.IPTCourse.case_dirs = ["cases"]\n')
    case = worked_example(repo)
    key = {"case_id": CASE_ID, "reference": case.pop("reference")}
    case.pop("samples")
    (course / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump({**case, "set": "assessment"}, sort_keys=False))
    keys = tmp_path / "elsewhere" / "keys"
    shutil.copytree(KEYS, keys)
    (keys / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(key, sort_keys=False))
    monkeypatch.setenv(COURSE_ENV, str(course))
    monkeypatch.chdir(_hostile_folder(tmp_path / "trainee", repo))
    with keys_from(keys):
        found = _expert_case(CASE_ID)
    assert [p.name for p in found.inventory] == ["Ingrid", "Odd"]


# 3. The answer graded is not the one its answer cell shows. The formgrader shows the instructor the answer cells; a
# notebook that sets an answer with code that never names it (a module submitted beside it, ``globals().update``)
# was scored on a value no cell shows, with no word of it anywhere the instructor reviews.
FOUNDATIONS, FORMULATION = "ipt_foundations", "problem_area_formulation"


@dataclass
class Shown:
    course: Course
    results: dict[tuple[str, str], GradeResult]
    queue: list[dict[str, str]]


def _solution_values(code: str) -> dict:
    namespace: dict = {}
    exec(code, namespace)  # the instructor's own solution code
    return namespace


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Shown:
    import csv
    import json

    from ipt_training.analytics.report import write_report
    from ipt_training.grading.workflow.demo import build_course
    from ipt_training.grading.workflow.simulate import solution_answers

    root = tmp_path_factory.mktemp("round15-shown")
    course = build_course(repo, root)
    release = root / "release"
    sol = solution_answers(course.source_dir / FOUNDATIONS / f"{FOUNDATIONS}.ipynb")
    released = release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb"
    submit(root, "alice", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": fill_notebook(released, SubmissionPlan(sol))})
    q1 = _solution_values(sol["q1_answer"])["q1"]
    q8 = _solution_values(sol["q8_answer"])["q8"]
    hidden = {**sol, "q1_answer": "q1 = None\n# YOUR ANSWER HERE",
              "q8_answer": 'q8 = """\nWrite your answer here.\n"""\n# YOUR ANSWER HERE'}
    gamed = fill_notebook(released, SubmissionPlan(hidden, extra_cells_after={
        "q1_answer": ["import tidy\ntidy.tidy()"], "q8_answer": ['globals().update(q8=open("notes.txt").read())']}))
    tidy = f"import __main__\n\n\ndef tidy():\n    __main__.q1 = {q1!r}\n"
    submit(root, "gina", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": gamed, "tidy.py": tidy.encode(),
                                       "notes.txt": q8.encode()})
    # The builder's answers are read from its file, as the answer cell says: not a changed answer.
    formulation = solution_answers(course.source_dir / FORMULATION / f"{FORMULATION}.ipynb")
    values = _solution_values(formulation["case_a_answer"])
    saved = {"a": {f: values[f"{f}_a"] for f in ("primary_area", "secondary_area", "dispute_stage", "formulation")}}
    released = release / FORMULATION / f"{FORMULATION}.ipynb"
    submit(root, "widget_user", FORMULATION, {f"{FORMULATION}.ipynb": fill_notebook(released, SubmissionPlan()),
                                              "ipt_answers.json": json.dumps(saved).encode()})
    submit(root, "bob", FORMULATION, {f"{FORMULATION}.ipynb": fill_notebook(released, SubmissionPlan(formulation))})
    results = {(r.student, r.assignment): r for r in course.autograde(FOUNDATIONS, jobs=2)}
    results.update({(r.student, r.assignment): r for r in course.autograde(FORMULATION)})
    write_report(course, root / "report")
    with open(root / "report" / "review_queue.csv", encoding="utf-8", newline="") as handle:
        queue = list(csv.DictReader(handle))
    return Shown(course, results, queue)


CHANGED = "is not the one its answer cell shows"


@pytest.mark.slow
def test_an_answer_set_by_code_that_never_names_it_is_flagged_and_honest_answers_are_not(shown: Shown) -> None:
    gina, alice = shown.results[("gina", FOUNDATIONS)], shown.results[("alice", FOUNDATIONS)]
    assert gina.ok and alice.ok and gina.score == alice.score == 16.0  # graded on what was recorded, as before
    said = " | ".join(gina.problems)
    assert "flagged for review: the answer graded (`q1`) is not the one its answer cell shows" in said
    assert "flagged for review: the answer graded (`q8`) is not the one its answer cell shows" in said
    assert not any(CHANGED in p for r in shown.results.values() if r.student != "gina" for p in r.problems)
    flagged = {(row["student"], row["item"]) for row in shown.queue if CHANGED in row["reasons"]}
    assert flagged == {("gina", "q1_test"), ("gina", "q8_test")}
    for trainee in ("widget_user", "bob"):
        assert shown.results[(trainee, FORMULATION)].ok
    assert shown.results[("widget_user", FORMULATION)].score == 10.0  # case A from the builder's file
    assert shown.results[("bob", FORMULATION)].score == 30.0


@pytest.mark.parametrize(("cells", "graded"), [
    (['q1 = None', 'q1 = "b"'], "b"),  # answered in a later cell
    (['q1 = "b"', "print(q1)", "q1.strip()"], "b"),  # read, not changed
    (['%time x = 1\nq1 = "b"'], "b"),  # an IPython magic in the cell
    (["q1 = []", 'q1.append("c")', 'q1.extend(["d"])'], ["c", "d"]),  # a shown list changed by literals
    (['q1 = {"give_diagnosis": None}', 'q1["give_diagnosis"] = "initial"'], {"give_diagnosis": "initial"}),
    (["q1 = []", "q1.extend(chosen)"], ["x"]),  # computed by code the instructor sees: not compared
    (["q1 = None  # \"b\"", "q1 = pick()"], "b"),
])
def test_an_answer_the_cells_show_is_not_flagged(cells: list[str], graded: object) -> None:
    from ipt_training.grading.trusted.shown_answers import ShownAnswers

    shown = ShownAnswers()
    for source in cells:
        shown.read(source)
    assert shown.changed({"q1": graded}, ["q1"]) == []


@pytest.mark.parametrize(("cells", "graded"), [
    (["q1 = None", "import tidy\ntidy.tidy()"], "b"),  # a submitted module sets it
    (['q1 = "a"', 'globals().update(q1="b")'], "b"),
    (['q1 = "a"', 'exec("q1 = \'b\'")'], "b"),
    (['q1 = "a"', "print(q1)", 'get_ipython().user_ns["q1"] = "b"'], "b"),  # reading it first hides nothing
    (['q1 = "a"', "q1.strip()"], "b"),  # a str method changes nothing
    (['q1 = []', 'q1.append("c")'], ["c", "d"]),
    (["%%capture\nq1 = 'b'"], "b"),  # no cell names it as Python
    (["x = 1"], "b"),
])
def test_an_answer_the_cells_do_not_show_is_flagged(cells: list[str], graded: object) -> None:
    from ipt_training.grading.trusted.shown_answers import ShownAnswers

    shown = ShownAnswers()
    for source in cells:
        shown.read(source)
    assert shown.changed({"q1": graded}, ["q1"]) == ["q1"]
