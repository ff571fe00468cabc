"""Where the instructor's course directory is, as fixed by the grading process (never found from a notebook).

A trainee controls everything under ``submitted/`` and ``autograded/``, including files that look like a course
(an empty ``nbgrader_config.py`` beside ``source/keys/...``), and files a notebook writes at run time. So keys,
the gradebook and key text are looked up only in the course directory of the nbgrader application that runs the
grading (its ``CourseDirectory.root``), or in :data:`COURSE_ENV`, which the grading process sets before any
trainee code runs. Nothing here walks up from a notebook's folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

COURSE_ENV = "IPT_GRADING_COURSE"  # set by the grading process (``Course``) to its CourseDirectory root
KEYS_ENV = "IPT_COURSE_KEYS"  # an instructor may keep the keys elsewhere; read only in the grading process


def grading_coursedir(component: Any = None) -> Any | None:
    """The ``CourseDirectory`` of the nbgrader app that owns ``component`` (a preprocessor: its exporter's
    converter holds it), or None."""
    node, seen = component, 0
    while node is not None and seen < 10:
        coursedir = getattr(node, "coursedir", None)
        if coursedir is not None:
            return coursedir
        node, seen = getattr(node, "parent", None), seen + 1
    return None


def grading_course_root(component: Any = None) -> Path | None:
    """The course root of the nbgrader app that owns ``component``, else :data:`COURSE_ENV`, else None."""
    coursedir = grading_coursedir(component)
    if coursedir is not None and getattr(coursedir, "root", None):
        return Path(coursedir.root).resolve()
    env = os.environ.get(COURSE_ENV)
    return Path(env).resolve() if env else None


def instructor_notebook(component: Any, resources: dict[str, Any]) -> Path | None:
    """The instructor's source notebook of the notebook being processed (``source/<assignment>/<name>.ipynb`` of
    the app's course directory), or None when there is no such file."""
    coursedir = grading_coursedir(component)
    info = resources.get("nbgrader", {})
    if coursedir is None or not info.get("assignment") or not info.get("notebook"):
        return None
    path = Path(coursedir.format_path(coursedir.source_directory, ".", info["assignment"])) / \
        f"{info['notebook']}.ipynb"
    return path if path.is_file() else None


def grading_keys_dir(component: Any = None) -> Path | None:
    """The instructor's key folder: ``$IPT_COURSE_KEYS`` of the grading process, else ``<course>/source/keys``."""
    env = os.environ.get(KEYS_ENV)
    if env:
        return Path(env) if Path(env).is_dir() else None
    root = grading_course_root(component)
    if root is None:
        return None
    keys = root / "source" / "keys"
    return keys if keys.is_dir() else None
