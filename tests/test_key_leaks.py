"""No answer-key material where trainees can see it: release/, the wheel, widgets on assessment items, feedback.

"Key material" is what ``ipt_training.grading.trusted.leaks`` fingerprints: solution and hidden-test lines of the source
notebooks, reference rationales and model formulations, nbgrader's markers, and (for what trainee code or widgets
show) every longer line of the instructor key files that trainees do not already have.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest

from ipt_training.grading.trusted.leaks import find_leaks, key_fingerprints, secret_strings, wheel_leaks


def _squash(text: str) -> str:
    import html

    return " ".join(html.unescape(text).lower().split())


def _secrets_in(text: str, repo: Path) -> list[str]:
    squashed = _squash(text)
    return [s for s in secret_strings(repo) if s in squashed]


def _widget_text(widget: Any) -> str:
    """Every string a trainee can see in a widget tree: values, labels, tooltips, options, titles."""
    parts: list[str] = []
    for name in ("value", "description", "tooltip", "placeholder", "titles", "options", "_options_labels"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list | tuple):
            parts += [" ".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value]
    for child in getattr(widget, "children", ()):
        parts.append(_widget_text(child))
    return "\n".join(parts)


def _has_build_requirements() -> bool:
    """setuptools can build a wheel here without fetching anything (bdist_wheel from setuptools or ``wheel``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    try:
        version("wheel")
        has_wheel = True
    except PackageNotFoundError:
        has_wheel = False
    return (major, minor) >= (70, 1) or (has_wheel and major >= 68)


def test_committed_release_holds_no_key_material(repo: Path) -> None:
    assert find_leaks(repo / "release", repo) == []
    released = " ".join(p.read_text(encoding="utf-8") for p in sorted((repo / "release").rglob("*.ipynb")))
    assert _secrets_in(released, repo) == []


@pytest.mark.slow
def test_the_built_wheel_holds_no_key_material(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "src"  # a clean copy, so the build leaves nothing behind in the working tree
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "setup.py", "MANIFEST.in"):
        shutil.copy2(repo / name, source / name)
    for folder in ("build_backend", "ipt_training"):  # the build backend (pyproject.toml backend-path) and the package
        shutil.copytree(repo / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path / "wheel"
    # The project's build requirements (setuptools>=68, wheel) may be missing from a test environment; then pip
    # builds in an isolated environment fetched from the package index instead.
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)]
    isolation = ["--no-build-isolation"] if _has_build_requirements() else []
    pure = {name: value for name, value in os.environ.items() if name != "IPT_COMPILE"}  # the default build
    run = subprocess.run([*command, *isolation], capture_output=True, text=True, timeout=300, env=pure)
    assert run.returncode == 0, run.stdout + run.stderr
    wheel = next(out.glob("ipt_course-*.whl"))
    assert wheel.name.endswith("-py3-none-any.whl")  # pure Python unless IPT_COMPILE=1 (tests/test_compiled_build.py)
    assert wheel_leaks(wheel, repo) == []
    with zipfile.ZipFile(wheel) as built:  # the package data the scorer needs at run time is in it
        names = set(built.namelist())
    assert {"ipt_training/text/english_words.txt", "ipt_training/text/english_words.LICENSE"} <= names


def test_formulation_builder_on_assessment_cases_shows_no_reference(repo: Path) -> None:
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.widgets.formulation import formulation_builder

    library = CaseLibrary.load(keys_dir=False)
    assessment = [case for case in library if case.set.value == "assessment"]
    assert assessment
    for case in assessment:
        assert case.reference is None, case.id
        builder = formulation_builder(case, reveal=False)
        builder.primary.value = builder.primary.options[1][1]
        builder.text.value = "Depression began after a loss; we will work on mourning and new relationships."
        builder.check()
        text = _widget_text(builder.widget)
        assert "not available" in text.lower() or "no reference" in text.lower(), case.id
        assert _secrets_in(text, repo) == [], case.id
        fingerprints = key_fingerprints(repo)
        assert not [f for f in fingerprints if f in _squash(text)], case.id


def test_tagger_on_assessment_dialogues_shows_no_key(repo: Path) -> None:
    from ipt_training.communication.library import DialogueLibrary
    from ipt_training.widgets.tagger import NO_KEY_MESSAGE, tagger_widget

    library = DialogueLibrary.load(keys_dir=False)
    keyed = DialogueLibrary.load(keys_dir=repo / "source" / "keys")
    assessment = [d for d in library if d.id.startswith("da-")]
    assert assessment
    for dialogue in assessment:
        assert not dialogue.is_coded and not any(u.codes for u in dialogue.utterances), dialogue.id
        tagger = tagger_widget(dialogue, reveal=False)
        for number, dropdown in tagger.primary.items():  # code everything as the key would: still no key shown
            reference = keyed.get(dialogue.id).utterance(number).codes
            dropdown.value = reference[0] if reference else dropdown.options[1][1]
        assert tagger.check() is None
        text = _widget_text(tagger.widget)
        assert NO_KEY_MESSAGE in text
        assert _secrets_in(text, repo) == [], dialogue.id


@pytest.fixture(scope="module")
def feedback_course(tmp_path_factory: pytest.TempPathFactory, repo: Path):
    from ipt_training.grading.workflow.demo import build_course
    from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, submit

    course = build_course(repo, tmp_path_factory.mktemp("leaks"))
    wrong = {
        "problem_area_formulation": {f"case_{s}_answer": (
            f"primary_area_{s} = 'grief'\nsecondary_area_{s} = None\ndispute_stage_{s} = None\n"
            f"formulation_{s} = '''Your depression started after a loss. We will meet for 12 weeks to mourn, "
            "look at the relationship and find new support; what do you think?'''") for s in "abc"},
        "communication_analysis": {
            "coding_answer": "coding = {n: 'hostile' for n in range(1, 13)}",
            "rewrite_answer": "rewrite_2 = 'I feel overwhelmed. Could we talk tonight about the rota?'\n"
                              "rewrite_6 = 'I am sad and lonely. Can we talk about it together this evening?'",
        },
    }
    for assignment, answers in wrong.items():
        release = course.root / "release" / assignment / f"{assignment}.ipynb"
        for student, plan in (("wrong", SubmissionPlan(answers=answers)), ("untouched", SubmissionPlan())):
            submit(course.root, student, assignment, {release.name: fill_notebook(release, plan)})
        results = course.autograde(assignment, jobs=2)
        assert all(r.ok for r in results), [r.problems for r in results]
    return course


@pytest.mark.slow
def test_feedback_html_holds_no_key_material(feedback_course, repo: Path) -> None:
    root = feedback_course.root
    assert find_leaks(root / "feedback", root) == []
    for page in sorted((root / "feedback").rglob("*.html")):
        assert _secrets_in(page.read_text(encoding="utf-8"), root) == [], page


@pytest.mark.slow
def test_rewrite_feedback_does_not_name_the_reference_codes(feedback_course, repo: Path) -> None:
    from ipt_training.communication.library import DialogueLibrary
    from ipt_training.communication.taxonomy import code_name

    dialogue = DialogueLibrary.load(keys_dir=repo / "source" / "keys").get("da-01")
    path = feedback_course.root / "autograded" / "wrong" / "communication_analysis" / "communication_analysis.ipynb"
    nb = nbformat.read(path, as_version=4)
    for number in (2, 6):
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"rewrite_{number}_test")
        text = " ".join(str(o.get("text", "")) for o in cell.outputs).lower()
        text_with_labels = text.replace("the original problem:", "problem 1 of the original:")
        assert f"rewrite of utterance {number}" in text and "of the original: " in text_with_labels
        for code in dialogue.utterance(number).codes:
            assert code_name(code).lower() not in text and code not in text, (number, code)


def test_feedback_check_withholds_a_page_with_key_text_the_trainee_did_not_write(repo: Path, tmp_path: Path) -> None:
    from ipt_training.grading.workflow.course import WITHHELD_PAGE, check_feedback

    leaked = next(f for f in key_fingerprints(repo) if "promotion" in f)
    submitted = tmp_path / "submitted"
    submitted.mkdir()
    (submitted / "hw.ipynb").write_text('{"cells": []}')
    page = tmp_path / "hw.html"
    page.write_text(f"<p>{leaked}</p>")
    problems = check_feedback([page], submitted, repo)
    assert page.read_text() == WITHHELD_PAGE and "it was withheld" in problems[0]
    (submitted / "hw.ipynb").write_text(f'{{"cells": ["{leaked}"]}}')  # the trainee typed it: their own text
    page.write_text(f"<p>{leaked}</p>")
    assert check_feedback([page], submitted, repo) == [] and leaked in page.read_text()


def test_redaction_withholds_trainee_output_but_not_the_graders(repo: Path) -> None:
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from ipt_training.grading.trusted.redact import key_text_cells
    from ipt_training.grading.trusted.rescore import TRUSTED_MARK

    leaked = next(f for f in key_fingerprints(repo) if "promotion" in f)
    dumped = (repo / "source" / "keys" / "items" / "ipt_foundations.yaml").read_text(encoding="utf-8")
    cells = [new_code_cell("print(secret)", outputs=[new_output("stream", name="stdout", text=leaked)]),
             new_code_cell("print(open(key).read())", outputs=[new_output("stream", name="stdout", text=dumped)]),
             new_code_cell("grader()", outputs=[new_output("stream", name="stdout", text=leaked)]),
             new_code_cell("print('hello')", outputs=[new_output("stream", name="stdout", text="hello")])]
    cells[2].metadata[TRUSTED_MARK] = True
    assert [index for index, _ in key_text_cells(new_notebook(cells=cells), repo)] == [0, 1]
