"""Read answers and references from files for the CLI and for batch scoring."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from ipt_training.cases.loader import CaseFileError, load_case_file, load_reference_file
from ipt_training.cases.model import ReferenceFormulation
from ipt_training.scoring.report import FormulationAnswer


def load_reference_any(path: Path) -> ReferenceFormulation:
    """A reference from a case file (with ``reference:``) or an instructor key file (``case_id`` + ``reference``)."""
    try:
        head = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        head = None
    if isinstance(head, dict) and "case_id" in head:
        return load_reference_file(path)[1]
    case = load_case_file(path)
    if case.reference is None:
        raise CaseFileError(path, [f"{path}:1: reference: this case file has no reference formulation"])
    return case.reference


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
