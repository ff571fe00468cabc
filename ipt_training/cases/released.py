"""An instructor's own cases in an assignment: the trainee copy released beside the notebook, and how the
notebook finds it.

A trainee's installed package holds only the packaged cases, so an assignment that names a case of the course's
own folders (``c.IPTCourse.case_dirs``) would fail in the trainee's notebook. ``ipt-course release`` therefore
writes a trainee copy of every such case the assignment names into ``release/<assignment>/cases/<id>.yaml``: the
patient, setting, vignette, timeline and inventory only (no reference, no sample answers, no trap tags; and no
expert inventory or timeline where the assignment grades the trainee's own against it), marked ``set:
assessment``. The copy travels with the assignment through nbgrader's exchange, and :func:`assignment_case` (used
by ``show_case`` and ``assignment_builder``) reads it from the notebook's folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ipt_training.cases.model import Case
from ipt_training.cases.settings import course_case_dirs

#: The folder, beside a released notebook, that holds the trainee copies of the instructor's own cases.
RELEASED_FOLDER = "cases"


class CaseNotAvailable(LookupError):
    """A notebook names a case this copy of the course does not have."""


def trainee_copy(case: Case, withheld: Iterable[str] = ()) -> dict[str, Any]:
    """The case as a trainee may read it, ready to write as YAML: no reference, samples or trap tags, and none of
    the ``withheld`` fields (the expert ``inventory`` or ``timeline`` an assignment grades answers against)."""
    data = case.without_reference().model_dump(mode="json", exclude_none=True)
    for field_name in ("reference", "samples", *withheld):
        data.pop(field_name, None)
    data["traps"] = []
    data["set"] = "assessment"
    return data


def write_trainee_copy(case: Case, folder: Path, withheld: Iterable[str] = ()) -> Path:
    """Write :func:`trainee_copy` of ``case`` (without the ``withheld`` fields) to ``folder/<id>.yaml``; return the
    file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{case.id}.yaml"
    text = yaml.safe_dump(trainee_copy(case, withheld), sort_keys=False, allow_unicode=True, width=110)
    path.write_text(f"# Trainee copy of case {case.id}, written by `ipt-course release`; edit the case in the "
                    "course's case folder, not here.\n" + text, encoding="utf-8")
    return path


def assignment_case_dirs(start: Path | None = None) -> list[list[Path]]:
    """Where a notebook looks for cases beyond the packaged ones, in order: the released ``cases/`` folder beside
    it, then the course's own case folders when it runs inside the instructor's course directory. Each is searched
    on its own, so a released copy never clashes with the instructor's original."""
    here = (start or Path.cwd()).resolve()
    released = here / RELEASED_FOLDER
    return [[released] if released.is_dir() else [], course_case_dirs(here)]


def assignment_case(case_id: str, start: Path | None = None) -> Case:
    """The case ``case_id`` as a trainee sees it (never with its reference), from the packaged cases, the released
    copies beside the notebook or the course's own folders; :class:`CaseNotAvailable` with a plain message when
    none has it."""
    from ipt_training.cases.library import CaseLibrary

    for folders in assignment_case_dirs(start):
        library = CaseLibrary.load(keys_dir=False, extra_dirs=folders)
        if case_id in library.cases:
            return library.cases[case_id].without_reference()
    raise CaseNotAvailable(
        f"The case '{case_id}' is not in this copy of the course: the assignment folder should hold "
        f"{RELEASED_FOLDER}/{case_id}.yaml. Please tell your instructor (they add it with `ipt-course release`).")
