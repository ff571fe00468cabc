"""Feedback folders hold the feedback pages and nothing a notebook created.

nbgrader's ``generate_feedback`` copies every file of ``autograded/<trainee>/<assignment>/`` into the feedback
folder. That folder is where the trainee's notebook ran, so it holds whatever the notebook wrote: copies of key
material it managed to read, 100 MB of junk (then stored twice), pipes and links. :class:`FeedbackPagesOnly`
runs in ``generate_feedback`` after nbgrader's copy and before the page is written, and deletes everything in
the feedback folder except the assignment's pages (``<notebook>.html``) and nbgrader's ``timestamp.txt`` and
``submission_secret.txt`` (``release_feedback`` names each released page by a hash of that secret, so only the
trainee who submitted can fetch it through the exchange).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from ipt_training.grading.trusted.course_root import grading_coursedir

TIMESTAMP = "timestamp.txt"
SUBMISSION_SECRET = "submission_secret.txt"
TIMESTAMP_MAX_BYTES = 1024


def feedback_pages(source_assignment: Path) -> set[str]:
    """The page names feedback may hold: one per notebook of the instructor's assignment."""
    return {f"{p.stem}.html" for p in source_assignment.glob("*.ipynb")}


def clean_feedback_folder(folder: Path, keep: set[str]) -> list[str]:
    """Delete every entry of ``folder`` not named in ``keep`` (and an oversized or odd timestamp file)."""
    removed = []
    if not folder.is_dir():
        return removed
    for entry in sorted(folder.iterdir()):
        plain = entry.is_file() and not entry.is_symlink()
        if plain and entry.name in keep:
            continue
        if plain and entry.name in (TIMESTAMP, SUBMISSION_SECRET) and entry.stat().st_size <= TIMESTAMP_MAX_BYTES:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name)
    return removed


class FeedbackPagesOnly(NbGraderPreprocessor):
    """Delete what the notebook's folder brought into the feedback folder (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        coursedir = grading_coursedir(self)
        info = resources.get("nbgrader", {})
        student, assignment = info.get("student"), info.get("assignment")
        if coursedir is None or not student or not assignment:
            return nb, resources
        folder = Path(coursedir.format_path(coursedir.feedback_directory, student, assignment))
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        removed = clean_feedback_folder(folder, feedback_pages(source))
        if removed:
            self.log.info("Kept only the feedback pages in %s; removed %s", folder, ", ".join(removed[:10]))
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
