"""The case library: practice cases shipped with the package, assessment keys found in the course."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ipt_training.cases.loader import CaseFileError, load_case_file, load_key_file, load_reference_file
from ipt_training.cases.model import Case, CaseSet

#: Environment variable naming an instructor key directory (``.../source/keys``).
KEYS_ENV = "IPT_COURSE_KEYS"
_KEYS_RELATIVE = Path("source") / "keys"


def packaged_cases_dir() -> Path:
    """Folder of case files installed with the package."""
    return Path(str(resources.files("ipt_training") / "data" / "cases"))


def find_keys_dir(start: Path | None = None) -> Path | None:
    """Locate instructor keys: ``$IPT_COURSE_KEYS``, else ``source/keys`` in the course directory at or above ``start``.

    Trainees' environments have neither, so assessment references stay hidden from them.
    """
    env = os.environ.get(KEYS_ENV)
    if env:
        path = Path(env)
        return path if path.is_dir() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / _KEYS_RELATIVE
        if candidate.is_dir() and (folder / "nbgrader_config.py").is_file():
            return candidate
    return None


@dataclass
class CaseLibrary:
    """All cases, with assessment references merged in when an instructor key directory is available."""

    cases: dict[str, Case] = field(default_factory=dict)
    keys_dir: Path | None = None

    @classmethod
    def load(cls, cases_dir: Path | None = None, keys_dir: Path | bool | None = True) -> CaseLibrary:
        """Load every ``*.yaml`` under ``cases_dir``; ``keys_dir=True`` auto-discovers keys, ``False`` skips them."""
        root = cases_dir or packaged_cases_dir()
        cases: dict[str, Case] = {}
        for path in sorted(root.rglob("*.yaml")):
            case = load_case_file(path)
            if case.id in cases:
                raise CaseFileError(path, [f"{path}:1: id: duplicate case id {case.id!r}"])
            if case.set is CaseSet.ASSESSMENT and case.reference is not None and root == packaged_cases_dir():
                raise CaseFileError(path, [f"{path}:1: reference: assessment references must not ship "
                                           "with the package; move it to source/keys/cases/"])
            cases[case.id] = case
        resolved_keys = find_keys_dir() if keys_dir is True else (keys_dir or None)
        library = cls(cases, resolved_keys if isinstance(resolved_keys, Path) else None)
        if library.keys_dir is not None:
            library.merge_keys(library.keys_dir / "cases")
        return library

    def merge_keys(self, folder: Path) -> None:
        """Attach reference formulations from instructor key files to their cases."""
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.yaml")):
            case_id, reference, extra = load_key_file(path)
            if case_id not in self.cases:
                raise CaseFileError(path, [f"{path}:1: case_id: no case with id {case_id!r}"])
            self.cases[case_id] = self.cases[case_id].model_copy(update={"reference": reference, **extra})

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases.values())

    def __len__(self) -> int:
        return len(self.cases)

    def get(self, case_id: str) -> Case:
        try:
            return self.cases[case_id]
        except KeyError:
            raise KeyError(f"no case {case_id!r}; known ids: {', '.join(sorted(self.cases))}") from None

    def by_set(self, case_set: CaseSet) -> list[Case]:
        return [c for c in self if c.set is case_set]


def validate_path(path: Path) -> list[str]:
    """Validate a case file, key file or folder of them; return problems (empty when all are valid)."""
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    problems: list[str] = []
    for file in files:
        try:
            if file.parent.name == "cases" and file.parent.parent.name == "keys":
                load_reference_file(file)
            else:
                load_case_file(file)
        except CaseFileError as exc:
            problems.extend(exc.problems)
    return problems
