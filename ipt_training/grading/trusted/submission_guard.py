"""Plain ``nbgrader autograde`` refuses, before it copies or reads anything, a submission it must not touch.

``ipt-course autograde`` checks every submission folder (:func:`ipt_training.grading.trusted.diagnose.refusal`)
before it hands it to nbgrader: links (nbgrader would copy what they point to, a key file or ``/dev/zero``, into
the kernel's folder), named pipes, sockets and device files, and notebooks larger than the grader reads. Plain
``nbgrader autograde`` had none of this: it copied link targets, failed on a pipe with a traceback, and parsed a
notebook of any size.

nbgrader has no configurable step that runs before it copies a submission and can stop it (the errors of its
``pre_convert_hook`` are only logged). It does let the course choose the exporter that reads each notebook
(``c.Autograde.exporter_class``), and the autograde converter creates that exporter once, before the first
submission. :class:`GuardedNotebookExporter` uses both:

* when created, it puts :func:`refusal` in front of its converter's ``init_assignment`` (the step that copies a
  submission into ``autograded/``): a refused submission fails at once with one plain error line, before any
  copy, gradebook row or kernel, and nbgrader goes on with the next trainee (and exits 1 at the end, as for any
  failed submission);
* before it parses a notebook, it checks again that the file is a regular file within the read cap
  (:func:`ipt_training.grading.trusted.files.read_limited`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbconvert.exporters import NotebookExporter

from ipt_training.grading.trusted.diagnose import refusal
from ipt_training.grading.trusted.files import UnsafeFile, check_readable


class SubmissionRefused(RuntimeError):
    """A submission that is not graded at all; the message says why, in plain words."""


def check_submission(folder: Path) -> None:
    """Raise :class:`SubmissionRefused` when the submission in ``folder`` must not be copied or read."""
    reason = refusal(folder)
    if reason:
        raise SubmissionRefused(f"{folder.parent.name}/{folder.name}: {reason}")


def _guard_copying(converter: Any) -> None:
    """Check each submission before ``converter.init_assignment`` copies it (once per converter)."""
    original = getattr(converter, "init_assignment", None)
    if original is None or getattr(original, "ipt_guarded", False) or not hasattr(converter, "_format_source"):
        return

    def init_assignment(assignment_id: str, student_id: str) -> None:
        folder = Path(converter._format_source(assignment_id, student_id))
        try:
            check_submission(folder)
        except SubmissionRefused as exc:
            converter.log.error("%s", exc)
            raise
        original(assignment_id, student_id)

    init_assignment.ipt_guarded = True  # type: ignore[attr-defined]
    converter.init_assignment = init_assignment


class GuardedNotebookExporter(NotebookExporter):
    """nbgrader's notebook exporter with the submission checks of ``ipt-course`` (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from nbgrader.converters import Autograde

        if isinstance(self.parent, Autograde):
            _guard_copying(self.parent)

    def from_filename(self, filename: str, resources: dict[str, Any] | None = None,
                      **kw: Any) -> tuple[str, dict[str, Any]]:
        path = Path(filename)
        try:
            check_readable(path)
        except UnsafeFile as exc:
            message = f"{path.parent.parent.name}/{path.parent.name}: {exc}; the submission was not graded"
            self.log.error("%s", message)
            raise SubmissionRefused(message) from None
        return super().from_filename(filename, resources, **kw)
