"""Find answer-key material where trainees can see it: release/, the wheel, feedback HTML, widget output."""

from __future__ import annotations

import contextlib
import html
import re
import zipfile
from functools import cache
from pathlib import Path

import yaml

MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
_MIN_LINE = 24
_FINGERPRINT = 60


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip().lower()


def _region_lines(source: str, begin: str, end: str) -> list[str]:
    lines, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and len(line.strip()) >= _MIN_LINE:
            lines.append(line.strip())
    return lines


def _strip_regions(source: str) -> str:
    kept, inside = [], False
    for line in source.splitlines():
        if any(m in line for m in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS")):
            inside = True
        elif any(m in line for m in ("END SOLUTION", "END HIDDEN TESTS")):
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


@cache
def key_fingerprints(course_root: Path) -> tuple[str, ...]:
    """Snippets that only answer keys contain: solution and hidden-test lines, reference rationales and models."""
    import nbformat

    snippets: list[str] = []
    source = course_root / "source"
    for notebook in sorted(source.glob("*/*.ipynb")):
        for cell in nbformat.read(notebook, as_version=4).cells:
            # Lines that the released template shares with the solution (e.g. "q7 = {") are not secrets.
            released = {line.strip() for line in _strip_regions(cell.source).splitlines()}
            for begin, end in (("BEGIN SOLUTION", "END SOLUTION"), ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")):
                snippets += [line for line in _region_lines(cell.source, begin, end) if line not in released]
    for key_file in sorted((source / "keys").rglob("*.yaml")):
        data = yaml.safe_load(key_file.read_text(encoding="utf-8")) or {}
        reference = data.get("reference") if isinstance(data, dict) else None
        if isinstance(reference, dict):
            snippets += [str(reference[k]) for k in ("rationale", "formulation") if reference.get(k)]
    fingerprints = {_squash(s)[:_FINGERPRINT] for s in snippets}
    practice = _practice_text()  # boilerplate the practice cases (public, with references) share with the keys
    return tuple(sorted(f for f in fingerprints if len(f) >= _MIN_LINE and not f.startswith(("#", "import ", "for "))
                        and f not in practice))


@cache
def _practice_text() -> str:
    from ipt_training.cases.library import packaged_cases_dir

    data = packaged_cases_dir().parent
    files = sorted([*(data / "cases" / "practice").rglob("*.yaml"), *(data / "dialogues" / "practice").rglob("*.yaml")])
    return _squash(" ".join(p.read_text(encoding="utf-8", errors="replace") for p in files))


def _public_text(course_root: Path) -> str:
    """Text trainees already have: the released notebooks, the trainee copies of the instructor's own cases released
    beside them (``release/<assignment>/cases/``: a key sentence copied from the vignette is no secret) and the
    package's case and dialogue files."""
    from ipt_training.cases.library import packaged_cases_dir

    released = sorted([*(course_root / "release").rglob("*.ipynb"), *(course_root / "release").rglob("*.yaml")])
    parts = [p.read_text(encoding="utf-8", errors="replace") for p in released]
    data = packaged_cases_dir().parent
    parts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(data.rglob("*.yaml"))]
    return _squash(" ".join(parts))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def secret_strings(course_root: Path) -> tuple[str, ...]:
    """:func:`key_fingerprints` plus every longer line and string of the key files that trainees do not already have.

    Wider than the fingerprints (it includes explanations, hints and the keys' own comment lines, so a dumped key
    file is recognised), hence used only on output trainee code produced, never on the graders' own feedback.
    """
    public = _public_text(course_root)
    snippets: list[str] = []
    for key_file in sorted((course_root / "source" / "keys").rglob("*.yaml")):
        text = key_file.read_text(encoding="utf-8", errors="replace")
        snippets += [line.strip() for line in text.splitlines()]
        with contextlib.suppress(yaml.YAMLError):
            snippets += _strings(yaml.safe_load(text))
    found = {_squash(s)[:_FINGERPRINT] for s in snippets}
    found = {f for f in found if len(f) >= _MIN_LINE and f not in public}
    return tuple(sorted(found | set(key_fingerprints(course_root))))


def key_text_in(text: str, course_root: Path) -> list[str]:
    """The markers and secret strings (see :func:`secret_strings`) that occur in ``text``."""
    squashed = _squash(text)
    found = [m for m in MARKERS if m.lower() in squashed]
    return found + [s for s in secret_strings(course_root) if s in squashed]


def fingerprint_hits(text: str, course_root: Path) -> set[str]:
    """The nbgrader markers and :func:`key_fingerprints` found in ``text``."""
    squashed = _squash(text)
    return {m for m in MARKERS if m.lower() in squashed} | {f for f in key_fingerprints(course_root) if f in squashed}


def leaks_in_text(text: str, course_root: Path, label: str) -> list[str]:
    """Key material found in ``text``."""
    squashed = _squash(text)
    found = [f"{label}: contains marker {m!r}" for m in MARKERS if m.lower() in squashed]
    found += [f"{label}: contains key text {f[:40]!r}..." for f in key_fingerprints(course_root) if f in squashed]
    return found


def find_leaks(folder: Path, course_root: Path) -> list[str]:
    """Key material in any text file under ``folder`` (release/ or feedback/)."""
    leaks: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".ipynb", ".html", ".py", ".yaml", ".yml", ".md", ".txt", ".json"}:
            leaks += leaks_in_text(path.read_text(encoding="utf-8", errors="replace"), course_root, str(path))
    return leaks


def wheel_leaks(wheel: Path, course_root: Path) -> list[str]:
    """Key files or key text inside a built wheel."""
    leaks: list[str] = []
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if "keys/" in name or name.startswith(("source/", "release/", "autograded/")):
                leaks.append(f"{wheel.name}: ships {name}")
            if name.endswith((".yaml", ".py", ".ipynb", ".json", ".txt")):
                text = archive.read(name).decode("utf-8", errors="replace")
                if "/assessment/" in name and re.search(r"^reference:", text, re.M):
                    leaks.append(f"{wheel.name}: {name} has a reference block")
                found = leaks_in_text(text, course_root, f"{wheel.name}:{name}")
                if name.endswith(".py"):  # the grading code names nbgrader's markers; that is not key material
                    found = [f for f in found if "contains marker" not in f]
                leaks += found
    return leaks
