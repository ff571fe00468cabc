"""The course setting that names an instructor's own case folders: ``c.IPTCourse.case_dirs``.

The setting lives in the course's ``nbgrader_config.py`` so that every tool run in the course directory
(``ipt-course cases ...``, ``ipt-course score``, grading) sees the same cases. It is read without running the
file: the value must be written out as a folder name or a list of them, e.g.
``c.IPTCourse.case_dirs = ["cases"]``. Relative folders are relative to the course directory.

A lookup given no folder starts from the current folder, which is what the instructor's commands want; but while
the grading process re-scores it works in a trainee's folder (``autograded/<trainee>/<assignment>/``), where the
trainee can put an ``nbgrader_config.py`` and a case folder. :func:`anchored_at` fixes the course for such lookups
to the instructor's course directory for as long as the grading process works there.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ipt_training.cases.loader import CaseFileError

CONFIG_FILE = "nbgrader_config.py"
SETTING = ("c", "IPTCourse", "case_dirs")
SETTING_TEXT = "c.IPTCourse.case_dirs"


_ANCHORS: list[Path | None] = []


@contextmanager
def anchored_at(course: Path | None) -> Iterator[None]:
    """Within this block a lookup given no folder looks only in ``course`` (the instructor's course directory, as the
    grading process fixed it; ``None``: no course at all), never in the current folder or above it."""
    _ANCHORS.append(course.resolve() if course is not None else None)
    try:
        yield
    finally:
        _ANCHORS.pop()


def course_folders(start: Path | None = None) -> list[Path]:
    """Where a lookup looks for a course: ``start`` and the folders above it; with no ``start``, the anchored course
    only (:func:`anchored_at`), else the current folder and the folders above it."""
    if start is None and _ANCHORS:
        return [] if _ANCHORS[-1] is None else [_ANCHORS[-1]]
    here = (start or Path.cwd()).resolve()
    return [here, *here.parents]


def find_course_config(start: Path | None = None) -> Path | None:
    """The ``nbgrader_config.py`` of the course directory at or above ``start`` (default: the current folder, or the
    anchored course)."""
    for folder in course_folders(start):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
    return None


def _is_setting(target: ast.expr) -> bool:
    parts: list[str] = []
    while isinstance(target, ast.Attribute):
        parts.append(target.attr)
        target = target.value
    if isinstance(target, ast.Name):
        parts.append(target.id)
    return tuple(reversed(parts)) == SETTING


def _folders(config: Path, node: ast.stmt, value: ast.expr) -> list[str]:
    where = f"{config}:{node.lineno}: {SETTING_TEXT}"
    try:
        literal = ast.literal_eval(value)
    except ValueError:
        raise CaseFileError(config, [f"{where}: write the folders out, e.g. {SETTING_TEXT} = [\"cases\"] "
                                     "(the setting is read without running the file)"]) from None
    folders = [literal] if isinstance(literal, str) else literal
    if not isinstance(folders, list | tuple) or not all(isinstance(f, str) and f.strip() for f in folders):
        raise CaseFileError(config, [f"{where}: must be a folder name or a list of folder names, "
                                     f"e.g. {SETTING_TEXT} = [\"cases\"]"])
    return list(folders)


def configured_case_dirs(config: Path) -> list[Path]:
    """The folders named by ``c.IPTCourse.case_dirs`` in ``config``; each must exist."""
    try:
        tree = ast.parse(config.read_text(encoding="utf-8"), filename=str(config))
    except (OSError, UnicodeDecodeError, SyntaxError) as exc:
        raise CaseFileError(config, [f"{config}: cannot read the course configuration ({exc})"]) from None
    found: list[tuple[int, str]] = []
    assignments = [n for n in ast.walk(tree) if isinstance(n, ast.Assign | ast.AugAssign)]
    for node in sorted(assignments, key=lambda n: n.lineno):
        if isinstance(node, ast.Assign) and any(_is_setting(t) for t in node.targets):
            found = [(node.lineno, f) for f in _folders(config, node, node.value)]
        elif isinstance(node, ast.AugAssign) and _is_setting(node.target):
            found += [(node.lineno, f) for f in _folders(config, node, node.value)]
    folders: list[Path] = []
    for line, name in found:
        folder = (config.parent / Path(name).expanduser()).resolve()
        if not folder.is_dir():
            raise CaseFileError(config, [f"{config}:{line}: {SETTING_TEXT}: the folder '{name}' does not exist "
                                         f"(looked for {folder}); create it or correct the setting"])
        folders.append(folder)
    return folders


def course_case_dirs(start: Path | None = None) -> list[Path]:
    """Instructor case folders configured for the course at or above ``start``; none outside a course."""
    config = find_course_config(start)
    return configured_case_dirs(config) if config is not None else []
