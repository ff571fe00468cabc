"""Plain ``nbgrader autograde`` refuses a submission it must not copy or read, before it does either.

Real nbgrader converter and exporter on a throw-away course folder (no gradebook, no kernel: a refused
submission never gets that far). The whole path, ``nbgrader autograde`` on submissions with a pipe, a link and
an oversized notebook among good ones, is in test_malformed_submissions.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from ipt_training.grading.trusted.submission_guard import GuardedNotebookExporter, SubmissionRefused, check_submission

NOTEBOOK = "hw.ipynb"


def _submission(root: Path, student: str = "alice") -> Path:
    folder = root / "submitted" / student / "hw"
    folder.mkdir(parents=True)
    (folder / NOTEBOOK).write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    return folder


def _converter(root: Path) -> Autograde:
    config = Config()
    config.CourseDirectory.root = str(root)
    config.Autograde.exporter_class = GuardedNotebookExporter
    converter = Autograde(coursedir=CourseDirectory(config=config), config=config)
    converter.exporter = converter.exporter_class(parent=converter, config=converter.config)  # as in start()
    return converter


def test_an_ordinary_submission_passes(tmp_path: Path) -> None:
    check_submission(_submission(tmp_path))


@pytest.mark.parametrize("case", ["fifo", "link_out", "oversized"])
def test_special_files_and_oversized_notebooks_are_refused_in_plain_words(case: str, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _submission(tmp_path)
    if case == "fifo":
        os.mkfifo(folder / "ipt_answers.json")
        expected = "ipt_answers.json is a named pipe (FIFO)"
    elif case == "link_out":
        (tmp_path / "secret.yaml").write_text("correct: b\n")
        (folder / "notes.txt").symlink_to(tmp_path / "secret.yaml")
        expected = "symbolic links (notes.txt)"
    else:
        monkeypatch.setenv("IPT_GRADING_READ_MB", "1")
        (folder / NOTEBOOK).write_text('{"cells": [], "x": "' + "x" * 2 * 2**20 + '"}')
        expected = "hw.ipynb is 2 MB, more than the 1 MB the grader reads"
    with pytest.raises(SubmissionRefused) as refused:
        check_submission(folder)
    message = str(refused.value)
    assert message.startswith("alice/hw: ") and expected in message and "not graded" in message, message


def test_nbgrader_autograde_checks_a_submission_before_copying_it(tmp_path: Path) -> None:
    """The exporter puts the check in front of the converter's copy step, once; nothing reaches autograded/."""
    folder = _submission(tmp_path)
    (folder / "notes.txt").symlink_to("/dev/zero")  # copied, it would never end
    converter = _converter(tmp_path)
    GuardedNotebookExporter(parent=converter, config=converter.config)  # a second exporter: still one check
    with pytest.raises(SubmissionRefused, match="symbolic links"):
        converter.init_assignment("hw", "alice")
    assert not (tmp_path / "autograded").exists()


def test_the_exporter_refuses_a_notebook_that_is_a_pipe_without_blocking(tmp_path: Path) -> None:
    folder = _submission(tmp_path)
    (folder / NOTEBOOK).unlink()
    os.mkfifo(folder / NOTEBOOK)  # opening it to read would wait for a writer for ever
    converter = _converter(tmp_path)
    with pytest.raises(SubmissionRefused, match=r"alice/hw: hw.ipynb is a named pipe .*not graded"):
        converter.exporter.from_filename(str(folder / NOTEBOOK))
