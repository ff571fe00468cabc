"""Attack round 16 (grading): round 15's open holes closed, each through the real pipeline with honest trainees in
the same batch (docs/reliability.md, "Attack round 16 (grading)").

1. An answer computed by code the cells show (``q8 = open("notes.txt").read()``, ``q1 = pick()`` with ``pick``
   defined in an earlier cell, ``formulation_c = build()``) was graded and compared with nothing: the instructor
   reading the cells could not tell what text was graded. Now it is flagged for review, naming the code; text built
   from pieces the cells show (``q8 = part1 + " " + part2``) is worked out from the text and compared instead.
2. Nothing the instructor reviews showed the answer as graded (only the trainee's feedback page did). Now the
   formgrader's notebook shows it under each grade, and so does each row of the report's review queue.
3. A packaged case whose package file holds the expert inventory and timeline (``a-02`` to ``a-08``) could be graded
   in ``inventory_and_timeline`` with no word: every trainee has those tables installed. The release refuses it, and
   the graders flag such answers for review when the release check was bypassed.
4. A case or key lookup given no folder walked up from the current folder, which is the trainee's while the grading
   process re-scores: a grader that loaded the case library with its defaults would read a case folder the trainee
   planted. Now such lookups look only in the instructor's course while the grading process works there.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import yaml
from own_case_course import CASE_ID, own_case_course, submit_honest_and_attacker

from ipt_training.analytics.report import write_report
from ipt_training.cases.library import CaseLibrary, find_keys_dir
from ipt_training.cases.settings import anchored_at, course_case_dirs
from ipt_training.grading.feedback.answers import HEADING
from ipt_training.grading.graders.items import grade_concepts
from ipt_training.grading.trusted.keys import keys_from
from ipt_training.grading.trusted.rescore import COMPUTED_FLAG
from ipt_training.grading.trusted.shown_answers import ShownAnswers
from ipt_training.grading.workflow.course import Course, GradeResult
from ipt_training.grading.workflow.demo import build_course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

FOUNDATIONS, FORMULATION, TABLES = "ipt_foundations", "problem_area_formulation", "inventory_and_timeline"
CHANGED = "is not the one its answer cell shows"
# carl's q8, read from his notes.txt (his own words: the key's text would have his feedback page withheld)
NOTES = ("The sick role: depression is named as a medical illness, not the patient's fault or a weakness; while ill "
         "the patient is excused some duties and in return works at recovery by coming to sessions.")
KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"
LAUNCHER = """import os, sys
open("launched.txt", "w").write("the trainee's kernel ran")
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
from ipykernel import kernelapp
def _hook(*args):
    import __main__
    __main__.q1 = "c"
app = kernelapp.IPKernelApp.instance()
app.initialize()
app.shell.events.register("post_run_cell", _hook)
app.start()
"""


def _values(code: str) -> dict:
    namespace: dict = {}
    exec(code, namespace)  # the instructor's own solution code
    return namespace


def _queue(report: Path) -> dict[tuple[str, str], dict[str, str]]:
    with open(report / "review_queue.csv", encoding="utf-8", newline="") as handle:
        return {(row["student"], row["item"]): row for row in csv.DictReader(handle)}


def _cell(course: Course, trainee: str, assignment: str, grade_id: str) -> nbformat.NotebookNode:
    nb = nbformat.read(course.root / "autograded" / trainee / assignment / f"{assignment}.ipynb", as_version=4)
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


@dataclass
class Computed:
    course: Course
    results: dict[tuple[str, str], GradeResult]
    queue: dict[tuple[str, str], dict[str, str]]
    case_c: str


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Computed:
    root = tmp_path_factory.mktemp("round16-computed")
    course = build_course(repo, root)
    release = root / "release"
    sol = solution_answers(course.source_dir / FOUNDATIONS / f"{FOUNDATIONS}.ipynb")
    q8 = _values(sol["q8_answer"])["q8"]
    released = release / FOUNDATIONS / f"{FOUNDATIONS}.ipynb"
    submit(root, "alice", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": fill_notebook(released, SubmissionPlan(sol))})
    # carl: q1 from a function an earlier cell defines, q8 read from a file he submitted (a fair answer, but no cell
    # shows it)
    carl = {**sol, "q1_answer": "q1 = pick()", "q8_answer": 'q8 = open("notes.txt").read()'}
    gamed = fill_notebook(released, SubmissionPlan(carl))
    first = next(i for i, c in enumerate(gamed.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "q1_answer")
    gamed.cells.insert(first, nbformat.v4.new_code_cell('def pick():\n    return "b"'))
    submit(root, "carl", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": gamed, "notes.txt": NOTES.encode()})
    # pia: q8 built from pieces her cells show: worked out from the text, the same as what was graded
    half = len(q8) // 2
    pieces = f"part1 = {q8[:half]!r}\npart2 = {q8[half:]!r}\nq8 = part1 + part2\nq8 = q8.strip()"
    submit(root, "pia", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": fill_notebook(released, SubmissionPlan(
        {**sol, "q8_answer": pieces}))})
    # kim: a kernel of her own, submitted as ipykernel_launcher.py (first on the kernel's sys.path): it starts the real
    # kernel with a hook that sets q1 after every cell
    submit(root, "kim", FOUNDATIONS, {f"{FOUNDATIONS}.ipynb": fill_notebook(released, SubmissionPlan(sol)),
                                      "ipykernel_launcher.py": LAUNCHER.encode()})
    formulation = solution_answers(course.source_dir / FORMULATION / f"{FORMULATION}.ipynb")
    released = release / FORMULATION / f"{FORMULATION}.ipynb"
    submit(root, "bob", FORMULATION, {f"{FORMULATION}.ipynb": fill_notebook(released, SubmissionPlan(formulation))})
    # fay: case C's formulation built by a function of an earlier cell (the same text as bob's)
    values = _values(formulation["case_c_answer"])
    case_c = values["formulation_c"]
    answer = "".join(f"{field}_c = {values[f'{field}_c']!r}\n" for field in ("primary_area", "secondary_area",
                                                                              "dispute_stage"))
    answer += "formulation_c = build()\n"
    fay = fill_notebook(released, SubmissionPlan({**formulation, "case_c_answer": answer}, extra_cells_after={
        "case_b_answer": [f"def build():\n    return {case_c!r}"]}))
    submit(root, "fay", FORMULATION, {f"{FORMULATION}.ipynb": fay})
    results = {(r.student, r.assignment): r for r in course.autograde(FOUNDATIONS, jobs=2)}
    results.update({(r.student, r.assignment): r for r in course.autograde(FORMULATION)})
    write_report(course, root / "report")
    return Computed(course, results, _queue(root / "report"), case_c)


@pytest.mark.slow
def test_an_answer_computed_by_code_is_flagged_with_the_text_graded(computed: Computed) -> None:
    """1 and 2, serial and with --jobs 2: carl's and fay's computed answers keep their scores and are flagged,
    naming the code; the review queue shows the text graded. Honest trainees, and pia's shown pieces, are not."""
    results = computed.results
    carl, alice, pia = (results[(t, FOUNDATIONS)] for t in ("carl", "alice", "pia"))
    assert carl.ok and alice.ok and pia.ok
    assert alice.score == pia.score == 16.0
    with keys_from(KEYS), contextlib.redirect_stdout(io.StringIO()):  # what NOTES earns, written in the cell
        q8 = grade_concepts(FOUNDATIONS, "q8_sick_role", {"q8": NOTES}, "q8", points=3)
    assert carl.score == 13.0 + q8 and q8 > 0  # graded on the kernel's answers, as before
    said = " | ".join(carl.problems)
    assert f"{COMPUTED_FLAG} (`q1`) by code (`q1 = pick()`)" in said
    assert f"{COMPUTED_FLAG} (`q8`) by code (`q8 = open('notes.txt').read()`)" in said
    fay, bob = results[("fay", FORMULATION)], results[("bob", FORMULATION)]
    assert fay.ok and bob.ok and fay.score == bob.score == 30.0
    assert f"{COMPUTED_FLAG} (`formulation_c`) by code (`formulation_c = build()`)" in " | ".join(fay.problems)
    for key, result in results.items():
        if key[0] in ("alice", "pia", "bob"):
            assert not any(COMPUTED_FLAG in p or CHANGED in p for p in result.problems), (key, result.problems)
    flagged = {key for key, row in computed.queue.items() if COMPUTED_FLAG in row["reasons"]}
    assert flagged == {("carl", "q1_test"), ("carl", "q8_test"), ("fay", "case_c_test")}
    assert computed.queue[("carl", "q8_test")]["answer_as_graded"] == f"Answer: {NOTES}"
    assert computed.queue[("carl", "q1_test")]["answer_as_graded"] == "Answer: b"
    graded = computed.queue[("fay", "case_c_test")]["answer_as_graded"]
    assert f"Formulation: {computed.case_c.strip()}" in graded and "Primary problem area: Grief" in graded


@pytest.mark.slow
def test_the_formgrader_notebook_shows_the_answer_as_graded_once(computed: Computed, tmp_path: Path) -> None:
    """2: the autograded notebook (what the formgrader renders) shows the answers under each grade, escaped, and
    nbgrader's own score of the cell is unchanged (nbgrader export agrees with ipt-course); the feedback page
    shows each block once (feedback made from that notebook replaces it)."""
    cell = _cell(computed.course, "carl", FOUNDATIONS, "q8_test")
    blocks = [o for o in cell.outputs if o.get("output_type") == "display_data"
              and o.get("data", {}).get("text/plain", "").startswith(f"{HEADING}:")]
    notes = NOTES
    assert len(blocks) == 1 and notes in blocks[0]["data"]["text/plain"]
    assert html.escape(notes) in blocks[0]["data"]["text/html"]
    out = tmp_path / "export.csv"
    done = subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(out)],
                          cwd=computed.course.root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    with open(out, encoding="utf-8", newline="") as handle:
        exported = {(r["student_id"], r["assignment"]): float(r["score"]) for r in csv.DictReader(handle)}
    for key, result in computed.results.items():
        assert exported[key] == result.score
    page = next((computed.course.root / "feedback" / "carl" / FOUNDATIONS).glob("*.html")).read_text()
    graded = sum(1 for c in nbformat.read(computed.course.root / "autograded" / "carl" / FOUNDATIONS /
                                          f"{FOUNDATIONS}.ipynb", as_version=4).cells
                 if c.metadata.get("ipt_answers"))
    assert page.count(f"<strong>{HEADING}</strong>") == graded > 0
    assert "depression is named as a medical illness, not the patient" in page


@pytest.mark.slow
def test_a_kernel_of_the_trainees_own_only_chooses_answers_and_is_flagged(computed: Computed) -> None:
    """New in round 16, with --jobs 2: a submitted ipykernel_launcher.py runs as the kernel (in the sandbox); the
    answer its hook sets is graded as the kernel recorded it (q1 "c": 15 / 16) and flagged as not the one its cell
    shows; the honest trainee in the batch keeps 16 / 16."""
    kim = computed.results[("kim", FOUNDATIONS)]
    assert (computed.course.root / "autograded" / "kim" / FOUNDATIONS / "launched.txt").is_file()
    assert kim.ok and kim.score == 15.0 and computed.results[("alice", FOUNDATIONS)].score == 16.0
    assert any(f"(`q1`) {CHANGED}" in p for p in kim.problems)
    assert CHANGED in computed.queue[("kim", "q1_test")]["reasons"]
    assert computed.queue[("kim", "q1_test")]["answer_as_graded"] == "Answer: c"


def test_an_answer_block_escapes_a_hostile_table() -> None:
    """2: the block is added after the HTML cleaning, so it escapes everything the trainee wrote, column names too."""
    import pandas as pd

    from ipt_training.grading.feedback.answers import answer_block

    table = pd.DataFrame([{"<img src=x onerror=alert(1)>": "<script>alert(1)</script>"}])
    shown = answer_block({"inventory": table, "q8": "<b onclick=x>hi</b>"}, [])["data"]["text/html"]
    assert "<script" not in shown and "<img" not in shown and "<b " not in shown
    assert "&lt;script&gt;" in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown


@pytest.mark.parametrize(("cells", "graded"), [
    (['a = "he grieves"', 'q8 = a + " his wife"'], "he grieves his wife"),
    (['a = "he grieves"', 'q8 = f"{a} his wife".strip()'], "he grieves his wife"),
    (['p = ["a", "b"]', 'q8 = ", ".join(p)'], "a, b"),
    (['q8 = "a"', 'q8 += " b"'], "a b"),
])
def test_text_built_from_shown_pieces_is_compared_not_flagged(cells: list[str], graded: str) -> None:
    shown = ShownAnswers()
    for source in cells:
        shown.read(source)
    assert shown.changed({"q8": graded}, ["q8"]) == [] and shown.computed({"q8": graded}, ["q8"]) == {}
    assert shown.changed({"q8": graded + " and more"}, ["q8"]) == ["q8"]  # a different text graded: changed


@pytest.mark.parametrize(("cells", "how"), [
    (['q8 = open("notes.txt").read()'], "q8 = open('notes.txt').read()"),
    (['def f():\n    return "x"', "q8 = f()"], "q8 = f()"),
    (['q8 = "".join(chr(c) for c in [104, 105])'], "q8 = ''.join((chr(c) for c in [104, 105]))"),
    (['a = "x"', 'q8 = a * 3'], "q8 = a * 3"),
    (['q8 = "x"', "q8 = q8.format(**globals())"], "q8 = q8.format(**globals())"),
])
def test_text_no_cell_shows_is_computed(cells: list[str], how: str) -> None:
    shown = ShownAnswers()
    for source in cells:
        shown.read(source)
    assert shown.computed({"q8": "anything"}, ["q8"]) == {"q8": how}
    assert shown.computed({"q8": None}, ["q8"]) == {}  # nothing graded: nothing to review


TABLE = ('inventory = pd.DataFrame([{"name": "Graham", "relationship": "son", "closeness": "inner"}, '
         '["Ron", "late husband", "inner"]], columns=["name", "relationship", "closeness"])')


def test_a_table_written_out_is_compared_not_flagged() -> None:
    """The released notebooks ask for tables as ``pd.DataFrame([...], columns=[...])``: shown, so compared."""
    import pandas as pd

    rows = [["Graham", "son", "inner"], ["Ron", "late husband", "inner"]]
    same = pd.DataFrame(rows, columns=["name", "relationship", "closeness"])
    other = pd.DataFrame(rows[:1], columns=["name", "relationship", "closeness"])
    shown = ShownAnswers()
    shown.read("import pandas as pd")
    shown.read(TABLE)
    assert shown.changed({"inventory": same}, ["inventory"]) == [] and shown.computed({"inventory": same},
                                                                                    ["inventory"]) == {}
    assert shown.changed({"inventory": other}, ["inventory"]) == ["inventory"]
    missing = ShownAnswers()
    missing.read('inventory = pd.DataFrame([{"name": "A"}], columns=["name", "closeness"])')
    assert missing.changed({"inventory": pd.DataFrame([{"name": "A"}], columns=["name", "closeness"])},
                           ["inventory"]) == []  # a cell left out is NaN in the table graded
    built = ShownAnswers()
    built.read('inventory = pd.DataFrame(load_rows(), columns=["name"])')
    assert list(built.computed({"inventory": other}, ["inventory"])) == ["inventory"]


@pytest.mark.parametrize(("cells", "graded"), [
    (['a = "fair"', 'globals()["a"] = "gamed"', 'q8 = a + "!"'], "gamed!"),  # a piece changed behind the text
    (['a = "fair"', 'q8 = a + "!"', 'exec("q8 = 1")'], 1),
])
def test_shown_pieces_changed_behind_the_text_are_flagged(cells: list[str], graded: object) -> None:
    shown = ShownAnswers()
    for source in cells:
        shown.read(source)
    assert shown.changed({"q8": graded}, ["q8"]) == ["q8"]


def test_text_doubled_by_shown_pieces_stops_at_the_size_kept() -> None:
    """``q8 = q8 + q8`` forty times is not worked out to a terabyte: past the size the grader keeps, it is computed."""
    shown = ShownAnswers()
    shown.read('q8 = "ab"\n' + "q8 = q8 + q8\n" * 40)
    assert list(shown.computed({"q8": "x"}, ["q8"])) == ["q8"]


def test_a_huge_join_of_shown_pieces_is_not_worked_out() -> None:
    shown = ShownAnswers()
    for source in ['parts = ["a", "b"]', f'sep = {"y" * 150_000!r}', "q8 = sep.join(parts + parts)"]:
        shown.read(source)
    assert list(shown.computed({"q8": "z"}, ["q8"])) == ["q8"]


# 3. A packaged case's expert tables, in the package every trainee has.
@dataclass
class Shipped:
    course: Course
    errors: dict[str, str]
    result: GradeResult


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Shipped:
    root = tmp_path_factory.mktemp("round16-shipped")
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(repo / "source" / "keys", root / "source" / "keys")
    shutil.copytree(repo / "source" / TABLES, root / "source" / TABLES)
    answers = solution_answers(root / "source" / TABLES / f"{TABLES}.ipynb")
    notebook = root / "source" / TABLES / f"{TABLES}.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace('"a-01"', '"a-03"')
    nbformat.write(nb, notebook)
    course = Course(root)
    errors = course.release([TABLES])
    with course.gradebook() as gb:
        gb.update_or_create_student("alice")
    released = root / "release" / TABLES / f"{TABLES}.ipynb"  # nbgrader wrote it; the check refused it after
    submit(root, "alice", TABLES, {f"{TABLES}.ipynb": fill_notebook(released, SubmissionPlan(answers))})
    return Shipped(course, errors, course.autograde(TABLES)[0])


@pytest.mark.slow
def test_grading_the_tables_of_a_packaged_case_is_refused_at_release(shipped: Shipped, repo: Path) -> None:
    error = shipped.errors[TABLES]
    assert "it grades the inventory of the packaged case 'a-03' (grade_inventory)" in error
    assert "it grades the timeline of the packaged case 'a-03' (grade_timeline)" in error
    assert "ships in the course package every trainee has installed" in error
    # the release of the course as it is (a-01: tables in its key file only) is not refused
    assert build_course(repo, shipped.course.root.parent / "plain").release([TABLES]) == {}


@pytest.mark.slow
def test_answers_graded_against_shipped_tables_are_flagged(shipped: Shipped) -> None:
    """Released anyway (plain nbgrader generate_assignment): each answer is flagged, its score kept."""
    assert shipped.result.ok
    said = " | ".join(shipped.result.problems)
    assert COMPUTED_FLAG not in said and CHANGED not in said
    assert "the expert inventory of case a-03 ships with the course package" in said
    assert "the expert timeline of case a-03 ships with the course package" in said


# 4. A lookup with no folder, while the grading process works in the trainee's folder.
BOAT = "I won the lottery and bought a boat"
HONEST = {
    "inventory_answer": "inventory = pd.DataFrame([{'name': 'Ingrid', 'relationship': 'wife', 'closeness': 'inner'}], "
                        "columns=['name', 'relationship', 'closeness'])",
    "timeline_answer": "timeline = pd.DataFrame([{'date': '2025-01', 'event': 'He retires as commander of the fire "
                       "station'}], columns=['date', 'event'])\nonset_month = '2025-03'\n"
                       "onset_event = 'his retirement'",
}
ATTACK = {
    "inventory_answer": "inventory = pd.DataFrame([{'name': 'Nobody', 'relationship': 'x', 'closeness': 'inner'}], "
                        "columns=['name', 'relationship', 'closeness'])",
    "timeline_answer": f"timeline = pd.DataFrame([{{'date': '2020-01', 'event': {BOAT!r}}}], columns=['date', 'event'])"
                       f"\nonset_month = '2020-02'\nonset_event = {BOAT!r}",
}


def _plant(folder: Path, case: dict) -> None:
    """A course-like config and a case of the trainee's own making (with expert tables) beside her notebook; a key
    folder too, for a lookup of the keys."""
    (folder / "nbgrader_config.py").write_text('c = get_config()  # noqa: F821\nc.IPTCourse.case_dirs = ["mine"]\n')
    (folder / "mine").mkdir()
    fake = {**case, "symptom_onset": "2020-02",
            "timeline": [{"date": "2020-01", "event": BOAT, "kind": "change"},
                         {"date": "2020-02", "event": "Low mood begins", "kind": "symptom"}],
            "inventory": [{"name": "Nobody", "relationship": "x", "closeness": "inner", "contact": "daily",
                           "expectations": "none"}]}
    (folder / "mine" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(fake, sort_keys=False), encoding="utf-8")


def _default_lookup(case_id: str):  # a grader that loads the library with its defaults (no folder named)
    return CaseLibrary.load().cases.get(case_id)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> dict[str, GradeResult]:
    root = tmp_path_factory.mktemp("round16-planted")
    case = own_case_course(repo, root, TABLES, "a-01", ("reference", "samples", "traps"))
    course = Course(root)
    _plant(submit_honest_and_attacker(course, TABLES, HONEST, ATTACK), case)
    with pytest.MonkeyPatch.context() as patch:  # serial: the graders run in this process
        patch.setattr("ipt_training.grading.trusted.keys.graded_case", _default_lookup)
        return {r.student: r for r in course.autograde(TABLES)}


@pytest.mark.slow
def test_a_default_case_lookup_while_grading_never_reads_the_trainees_folder(planted: dict[str, GradeResult]) -> None:
    """4: with a grader that loads the library with its defaults, the planted case still earns nothing (10.5 / 12
    when the lookup walked up from the trainee's folder), and the honest trainee keeps 7.5 / 12."""
    assert planted["alice"].ok and planted["mallory"].ok
    assert (planted["alice"].score, planted["alice"].max_score) == (7.5, 12.0)
    assert planted["mallory"].score == 0.0
    assert not any(COMPUTED_FLAG in p or CHANGED in p for p in planted["alice"].problems)  # tables written out


def test_lookups_with_no_folder_look_only_in_the_anchored_course(tmp_path: Path, repo: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    course = tmp_path / "course"
    course.mkdir()
    own_case_course(repo, course, TABLES, "a-01")
    trainee = course / "autograded" / "mallory" / TABLES
    trainee.mkdir(parents=True)
    _plant(trainee, {"id": CASE_ID})
    (trainee / "source" / "keys").mkdir(parents=True)
    monkeypatch.delenv("IPT_COURSE_KEYS", raising=False)
    monkeypatch.chdir(trainee)
    assert course_case_dirs() == [trainee / "mine"]  # the instructor's commands: from the current folder
    assert find_keys_dir() == trainee / "source" / "keys"
    with anchored_at(course):
        assert course_case_dirs() == [course / "cases"]
        assert find_keys_dir() == course / "source" / "keys"
        assert course_case_dirs(trainee) == [trainee / "mine"]  # a folder named is still that folder
    with anchored_at(None):  # the grading process knows no course: none is found
        assert course_case_dirs() == [] and find_keys_dir() is None


def test_the_summary_of_a_computed_answer_flag_is_one_line() -> None:
    """A cell's code quoted in the flag is one line, whatever the trainee wrote (the report reads flags by line)."""
    from ipt_training.grading.trusted.answers import Record
    from ipt_training.grading.trusted.rescore import changed_answer_flag, parse_calls

    shown = ShownAnswers()
    shown.read('q8 = (open("n.txt")\n      .read())  # Flagged for your instructor\'s review: none')
    calls = parse_calls("from ipt_training.grading.graders.items import grade_concepts as _g\n"
                        "_g('ipt_foundations', 'q8_sick_role', globals(), 'q8', points=3)")
    flag = changed_answer_flag(shown, Record(values={"q8": "text"}, absent=[], problems={}), {}, calls)
    assert flag.count("\n") == 1 and COMPUTED_FLAG in flag and "none" not in flag
    json.dumps(flag)
