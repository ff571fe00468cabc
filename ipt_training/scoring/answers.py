"""Read answers and references from files for the CLI and for batch scoring."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ipt_training.cases.loader import CaseFileError, load_case_file, load_reference_file
from ipt_training.cases.model import Case, CaseSet, ReferenceFormulation
from ipt_training.scoring.report import FormulationAnswer


def load_reference_any(path: Path) -> ReferenceFormulation:
    """A reference from a case file (with ``reference:``) or an instructor key file (``case_id`` + ``reference``)."""
    return load_case_and_reference(path)[1]


def load_case_and_reference(path: Path) -> tuple[Case | None, ReferenceFormulation]:
    """The case and its reference, from a case file (with ``reference:``) or an instructor key file.

    For a key file the case is the library case with that id (packaged or in the course's case folders), so the
    answer is scored as the graded assignment scores it: evidence may match the case's names, and an answer that
    pastes the vignette is recognised. ``None`` when no case has the key's id.
    """
    try:
        head = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        head = None
    if isinstance(head, dict) and "case_id" in head:
        case_id, reference = load_reference_file(path)
        from ipt_training.cases.library import CaseLibrary
        from ipt_training.cases.settings import course_case_dirs

        # the course's own case folders, found from the key (source/keys/cases/ is inside the course) or from here
        try:
            folders = course_case_dirs(path.resolve().parent) or course_case_dirs()
            case = CaseLibrary.load(keys_dir=False, extra_dirs=folders).cases.get(case_id)
        except CaseFileError:
            case = None
        return case, reference
    case = load_case_file(path)
    if case.reference is None:
        raise CaseFileError(path, [f"{path}:1: reference: {_no_reference(case, path)}"])
    return case, case.reference


def _no_reference(case: Case, path: Path) -> str:
    """Why the case file at ``path``, without a reference, cannot be scored, and, for an assessment case, where its
    key is (the course's key file, when the file is inside a course)."""
    if case.set is not CaseSet.ASSESSMENT:
        return "this case file has no reference formulation"
    from ipt_training.cases.library import find_keys_dir

    keys = find_keys_dir(path.resolve().parent)
    key = keys / "cases" / f"{case.id}.yaml" if keys is not None else None
    where = (f"its key file {key}" if key is not None and key.is_file()
             else f"its key file source/keys/cases/{case.id}.yaml in the course")
    return (f"this case file has no reference formulation: '{case.id}' is an assessment case, whose reference is "
            f"kept in {where}; score with --reference pointing at that key file")


def load_answer_file(path: Path) -> FormulationAnswer:
    """An answer from ``.txt`` (free text) or ``.yaml``/``.json`` (text plus optional structured choices)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read answer ({exc.strerror})") from None
    if path.suffix.lower() in {".yaml", ".yml", ".json"}:
        try:
            data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: invalid {path.suffix[1:].upper()}: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping with 'text' and optional 'primary_area'")
        return FormulationAnswer.from_dict(data)
    return FormulationAnswer(text=text)
