"""One course directory with a case of the instructor's own, set up as docs/authoring-cases.md says, for the tests
that grade or release it (tests/test_attacks_round15.py, tests/test_attacks_round16.py,
tests/test_release_own_case_course.py): the config names ``cases/``, the docs' worked example is in it, its reference
(and what else the test moves) in its key file, and one assignment points at it instead of a packaged case."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import nbformat
import yaml

from ipt_training.grading.workflow.course import Course
from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, submit

CASE_ID = "clinic-01"


def worked_example(repo: Path) -> dict:
    """The worked example of docs/authoring-cases.md (a full case file, reference, samples and traps in it)."""
    text = (repo / "docs" / "authoring-cases.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- example:start -->\s*```yaml\n(.*?)```", text, re.S)
    assert block is not None
    return yaml.safe_load(block.group(1))


def own_case_course(repo: Path, root: Path, assignment: str, replaced: str,
                    key_fields: Sequence[str] = ("reference", "samples")) -> dict:
    """Make ``root`` a course whose ``assignment`` uses the worked example (``clinic-01``) where its source names
    the packaged case ``replaced``; the case's ``key_fields`` go to ``source/keys/cases/clinic-01.yaml``. Returns the
    case as written to ``cases/`` (without those fields)."""
    config = (repo / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(config.replace('# c.IPTCourse.case_dirs = ["cases"]',
                                                            'c.IPTCourse.case_dirs = ["cases"]'))
    shutil.copytree(repo / "source" / "keys", root / "source" / "keys")
    shutil.copytree(repo / "source" / assignment, root / "source" / assignment)
    case = worked_example(repo)
    key = {"case_id": CASE_ID, **{name: case.pop(name) for name in key_fields}}
    case["set"] = "assessment"
    (root / "cases").mkdir()
    (root / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(case, sort_keys=False))
    (root / "source" / "keys" / "cases" / f"{CASE_ID}.yaml").write_text(yaml.safe_dump(key, sort_keys=False))
    notebook = root / "source" / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace(f'"{replaced}"', f'"{CASE_ID}"')
    nbformat.write(nb, notebook)
    return case


def submit_honest_and_attacker(course: Course, assignment: str, honest: dict, attack: dict) -> Path:
    """Release ``assignment`` of ``course``, then submit alice's ``honest`` answers and mallory's ``attack`` answers
    to the released notebook. Returns mallory's submitted folder, for the test to plant its files in."""
    assert course.release([assignment]) == {}
    with course.gradebook() as gb:
        for trainee in ("alice", "mallory"):
            gb.update_or_create_student(trainee)
    released = course.root / "release" / assignment / f"{assignment}.ipynb"
    submit(course.root, "alice", assignment, {f"{assignment}.ipynb": fill_notebook(released, SubmissionPlan(honest))})
    return submit(course.root, "mallory", assignment,
                  {f"{assignment}.ipynb": fill_notebook(released, SubmissionPlan(attack))})
