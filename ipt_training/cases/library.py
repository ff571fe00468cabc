"""The case library: practice cases shipped with the package, assessment keys found in the course."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ipt_training.cases.loader import CaseFileError, load_case_file, load_key_file
from ipt_training.cases.model import Case, CaseSet
from ipt_training.cases.settings import course_case_dirs, course_folders

#: Environment variable naming an instructor key directory (``.../source/keys``).
KEYS_ENV = "IPT_COURSE_KEYS"
_KEYS_RELATIVE = Path("source") / "keys"


def packaged_cases_dir() -> Path:
    """Folder of case files installed with the package."""
    return Path(str(resources.files("ipt_training") / "data" / "cases"))


def find_keys_dir(start: Path | None = None) -> Path | None:
    """Locate instructor keys: ``$IPT_COURSE_KEYS``, else ``source/keys`` in the course directory at or above ``start``
    (with no ``start``: the current folder, or the course the grading process anchored, ``settings.anchored_at``).

    Trainees' environments have neither, so assessment references stay hidden from them.
    """
    env = os.environ.get(KEYS_ENV)
    if env:
        path = Path(env)
        return path if path.is_dir() else None
    for folder in course_folders(start):
        candidate = folder / _KEYS_RELATIVE
        if candidate.is_dir() and (folder / "nbgrader_config.py").is_file():
            return candidate
    return None


def is_key_file(path: Path) -> bool:
    """Whether ``path`` is an instructor key file (``case_id:`` + ``reference:``) rather than a case file."""
    if path.parent.name == "cases" and path.parent.parent.name == "keys":
        return True
    try:
        return re.search(r"^case_id\s*:", path.read_text(encoding="utf-8", errors="replace"), re.M) is not None
    except OSError:
        return False


def yaml_files(folders: Iterable[Path]) -> list[Path]:
    """Every ``*.yaml`` file under ``folders`` (or the files themselves), each once, in a stable order."""
    seen: dict[Path, Path] = {}
    for folder in folders:
        for path in (sorted(folder.rglob("*.yaml")) if folder.is_dir() else [folder]):
            seen.setdefault(path.resolve(), path)
    return list(seen.values())


def line_of(path: Path, field_name: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    return next((i for i, line in enumerate(lines, 1) if line.startswith(f"{field_name}:")), 1)


def duplicate_id_problem(path: Path, case_id: str, first: Path) -> str:
    """The error for a case id that two files use, naming both files."""
    return (f"{path}:{line_of(path, 'id')}: id: case id '{case_id}' is also used by {first}; "
            "every case needs its own id (rename the id here, and the file to match)")


def _is_packaged(path: Path) -> bool:
    return path.resolve().is_relative_to(packaged_cases_dir().resolve())


def shipping_problem(path: Path, case: Case) -> str | None:
    """Assessment answer material must never ship inside the installed package."""
    if case.set is not CaseSet.ASSESSMENT or not _is_packaged(path):
        return None
    for field_name in ("reference", "samples"):
        if getattr(case, field_name):
            return (f"{path}:{line_of(path, field_name)}: {field_name}: assessment {field_name} must not ship with "
                    f"the package; move it to source/keys/cases/{case.id}.yaml")
    return None


@dataclass
class CaseLibrary:
    """All cases, with assessment references merged in when an instructor key directory is available.

    ``sources`` maps each case id to the file it came from, ``key_sources`` to the key file its reference came
    from (when not from the case file itself); ``case_dirs`` are the instructor folders merged in.
    """

    cases: dict[str, Case] = field(default_factory=dict)
    keys_dir: Path | None = None
    sources: dict[str, Path] = field(default_factory=dict)
    key_sources: dict[str, Path] = field(default_factory=dict)
    case_dirs: tuple[Path, ...] = ()

    @classmethod
    def load(cls, cases_dir: Path | None = None, keys_dir: Path | bool | None = True,
             extra_dirs: Sequence[Path] | None = None) -> CaseLibrary:
        """Load every case under ``cases_dir`` (default: the packaged cases) and the instructor folders.

        ``keys_dir=True`` auto-discovers keys, ``False`` skips them (the trainee view). ``extra_dirs`` are
        instructor case folders; ``None`` means the course setting ``c.IPTCourse.case_dirs``, except in the
        trainee view. Every problem in every file is collected and raised together as one :class:`CaseFileError`.
        """
        root = cases_dir or packaged_cases_dir()
        if extra_dirs is None:
            extra_dirs = course_case_dirs() if keys_dir is not False else []
        library = cls(case_dirs=tuple(Path(d) for d in extra_dirs))
        problems: list[str] = []
        key_files: list[Path] = []
        for path in yaml_files([root, *library.case_dirs]):
            if is_key_file(path):
                key_files.append(path)
                continue
            try:
                case = load_case_file(path)
            except CaseFileError as exc:
                problems.extend(exc.problems)
                continue
            if case.id in library.cases:
                problems.append(duplicate_id_problem(path, case.id, library.sources[case.id]))
                continue
            shipping = shipping_problem(path, case)
            if shipping:
                problems.append(shipping)
                continue
            library.cases[case.id] = case
            library.sources[case.id] = path
        resolved_keys = find_keys_dir() if keys_dir is True else (keys_dir or None)
        library.keys_dir = resolved_keys if isinstance(resolved_keys, Path) else None
        if library.keys_dir is not None and (library.keys_dir / "cases").is_dir():
            key_files = yaml_files([*sorted((library.keys_dir / "cases").glob("*.yaml")), *key_files])
        elif keys_dir is False:
            key_files = []
        problems.extend(library.merge_key_files(key_files))
        if problems:
            raise CaseFileError(root, problems)
        return library

    def merge_key_files(self, paths: Iterable[Path]) -> list[str]:
        """Attach references (and instructor-only extras) from key files; return the problems found."""
        problems: list[str] = []
        for path in paths:
            try:
                case_id, reference, extra = load_key_file(path)
            except CaseFileError as exc:
                problems.extend(exc.problems)
                continue
            if case_id not in self.cases:
                problems.append(f"{path}:{line_of(path, 'case_id')}: case_id: no case with id '{case_id}'; "
                                "the key must name the id of a case file")
                continue
            if case_id in self.key_sources or self.cases[case_id].reference is not None:
                first = self.key_sources.get(case_id, self.sources.get(case_id))
                problems.append(f"{path}:{line_of(path, 'case_id')}: case_id: the reference of case '{case_id}' "
                                f"is already given by {first}; keep one of the two")
                continue
            self.key_sources[case_id] = path
            self.cases[case_id] = self.cases[case_id].model_copy(update={"reference": reference, **extra})
        return problems

    def merge_keys(self, folder: Path) -> None:
        """Attach reference formulations from the instructor key files in ``folder``."""
        if folder.is_dir():
            problems = self.merge_key_files(sorted(folder.glob("*.yaml")))
            if problems:
                raise CaseFileError(folder, problems)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases.values())

    def __len__(self) -> int:
        return len(self.cases)

    def get(self, case_id: str) -> Case:
        try:
            return self.cases[case_id]
        except KeyError:
            raise KeyError(f"no case '{case_id}'; known ids: {', '.join(sorted(self.cases))}") from None

    def by_set(self, case_set: CaseSet) -> list[Case]:
        return [c for c in self if c.set is case_set]
