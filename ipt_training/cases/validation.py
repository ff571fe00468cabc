"""Validate case and key files together: each file on its own, then what only a set of files can show.

A case id used by two files, a key file naming no known case and assessment answers inside the package are
found here; every problem is a ``file:line: field: message`` line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ipt_training.cases.library import duplicate_id_problem, is_key_file, line_of, shipping_problem, yaml_files
from ipt_training.cases.loader import CaseFileError, load_case_file, load_reference_file


def validate_files(files: Sequence[Path], others: Sequence[Path] = ()) -> dict[Path, list[str]]:
    """Problems per file (an empty list when the file is valid).

    Case ids must be unique across ``files`` and the files under ``others`` (e.g. the packaged library and the
    instructor folders); a clash is reported on the file being validated and names both files.
    """
    problems: dict[Path, list[str]] = {file: [] for file in files}
    ids: dict[str, Path] = {}
    keys: list[tuple[Path, str]] = []
    for file in files:
        try:
            if is_key_file(file):
                keys.append((file, load_reference_file(file)[0]))
                continue
            case = load_case_file(file)
        except CaseFileError as exc:
            problems[file].extend(exc.problems)
            continue
        if case.id in ids:
            problems[file].append(duplicate_id_problem(file, case.id, ids[case.id]))
        else:
            ids[case.id] = file
        shipping = shipping_problem(file, case)
        if shipping:
            problems[file].append(shipping)
    checked = {file.resolve() for file in files}
    known = set(ids)
    for other in yaml_files(others):
        if other.resolve() in checked or is_key_file(other):
            continue
        try:
            other_id = load_case_file(other).id
        except CaseFileError:
            continue  # reported when that file itself is validated
        known.add(other_id)
        if other_id in ids:
            problems[ids[other_id]].append(duplicate_id_problem(ids[other_id], other_id, other))
    for file, case_id in keys:
        if others and case_id not in known:
            problems[file].append(f"{file}:{line_of(file, 'case_id')}: case_id: no case with id '{case_id}' in the "
                                  "packaged cases or the instructor folders; the key must name the id of a case file")
    return problems


def validate_path(path: Path, others: Sequence[Path] = ()) -> list[str]:
    """Validate a case file, key file or folder of them; return problems (empty when all are valid)."""
    return [problem for found in validate_files(yaml_files([path]), others).values() for problem in found]
