"""``ipt-course cases check``: validate case files, then score each model formulation and sample answer.

For every answer the check records the total, the points per criterion and which evidence items the scorer
found and which it missed, so an instructor sees at once whether plain-sentence evidence is recognised.
A model formulation must reach 9 / 10 under the patient rubric; a sample must land in its expected range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipt_training.cases.library import CaseLibrary, find_keys_dir, is_key_file, yaml_files
from ipt_training.cases.loader import CaseFileError, load_case_file, load_key_file
from ipt_training.cases.model import Case, ReferenceFormulation, SampleAnswer
from ipt_training.cases.validation import validate_files
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport

#: A case's own model formulation must earn at least this share of the points (9 / 10).
MODEL_PASS_FRACTION = 0.9
MODEL_RUBRIC = "patient"


@dataclass(frozen=True)
class AnswerCheck:
    """One scored answer: the model formulation or a sample."""

    label: str
    rubric: str
    total: float
    max_total: float
    criteria: tuple[tuple[str, str, float, float, str], ...]  # (criterion, label, points, max_points, feedback)
    cited: tuple[str, ...]
    missed: tuple[str, ...]
    detected_area: str | None
    expected: str
    failures: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "rubric": self.rubric, "total": self.total, "max_total": self.max_total,
                "criteria": [{"criterion": c, "label": lab, "points": p, "max_points": m, "feedback": f}
                             for c, lab, p, m, f in self.criteria],
                "evidence_matched": list(self.cited), "evidence_missed": list(self.missed),
                "detected_area": self.detected_area, "expected": self.expected, "ok": self.ok,
                "failures": list(self.failures)}


@dataclass(frozen=True)
class FileCheck:
    """Everything ``cases check`` found about one file."""

    path: Path
    case_id: str | None = None
    problems: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (id, the sentence or hint) for key evidence + timeline link
    answers: tuple[AnswerCheck, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and all(a.ok for a in self.answers)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "case_id": self.case_id, "ok": self.ok, "problems": list(self.problems),
                "evidence": [{"id": i, "text": t} for i, t in self.evidence],
                "answers": [a.to_dict() for a in self.answers], "note": self.note}


def _score(text: str, reference: ReferenceFormulation, case: Case | None, rubric: str,
           sample: SampleAnswer | None = None) -> FormulationReport:
    """Score one answer as a practice answer (feedback may name the reference), with the case for its names."""
    answer = FormulationAnswer(text=text)
    if sample is not None:
        answer = FormulationAnswer(text=text, primary_area=sample.primary_area, secondary_area=sample.secondary_area,
                                   dispute_stage=sample.dispute_stage)
    return score_formulation(answer, reference, reveal=True, rubric=rubric, case=case)


def _area_name(area: ProblemArea | str) -> str:
    return area.value if isinstance(area, ProblemArea) else area


def _expected(sample: SampleAnswer) -> str:
    parts = []
    if sample.expect_min is not None and sample.expect_max is not None:
        parts.append(f"{sample.expect_min:g}-{sample.expect_max:g}")
    elif sample.expect_min is not None:
        parts.append(f">= {sample.expect_min:g}")
    elif sample.expect_max is not None:
        parts.append(f"<= {sample.expect_max:g}")
    if sample.expect_area is not None:
        parts.append(f"area {_area_name(sample.expect_area)}")
    return ", ".join(parts)


def _answer(label: str, report: FormulationReport, expected: str, failures: list[str]) -> AnswerCheck:
    detected = report.detected_primary.value if report.detected_primary else None
    return AnswerCheck(label, report.rubric, report.total, report.max_total,
                       tuple((c.criterion, c.label, c.points, c.max_points, c.feedback) for c in report.criteria),
                       report.evidence_cited, report.evidence_missed, detected, expected, tuple(failures))


def check_answers(reference: ReferenceFormulation, samples: Sequence[SampleAnswer],
                  case: Case | None = None) -> list[AnswerCheck]:
    """Score the model formulation (patient rubric) and each sample; say where each misses its expectation."""
    report = _score(reference.formulation, reference, case, MODEL_RUBRIC)
    needed = MODEL_PASS_FRACTION * report.max_total
    failures = [] if report.total >= needed else [
        f"the model formulation scores {report.total:g} / {report.max_total:g}; it needs at least {needed:g}. "
        "See the points lost per criterion below; rewrite the formulation or the evidence sentences"]
    answers = [_answer("model formulation", report, f">= {needed:g}", failures)]
    for number, sample in enumerate(samples, 1):
        label = f"sample {number}" + (f": {sample.name}" if sample.name else "")
        report = _score(sample.text, reference, case, sample.rubric, sample)
        failures = []
        if sample.expect_min is not None and report.total < sample.expect_min:
            failures.append(f"{label} scores {report.total:g}, below its expect_min {sample.expect_min:g}")
        if sample.expect_max is not None and report.total > sample.expect_max:
            failures.append(f"{label} scores {report.total:g}, above its expect_max {sample.expect_max:g}")
        if sample.expect_area is not None:
            want = _area_name(sample.expect_area)
            got = report.detected_primary.value if report.detected_primary else "none"
            if got != want:
                failures.append(f"{label}: the scorer read the area as '{got}', expected '{want}'")
        answers.append(_answer(label, report, _expected(sample), failures))
    return answers


def _evidence_rows(reference: ReferenceFormulation) -> tuple[tuple[str, str], ...]:
    items = [*reference.key_evidence, reference.timeline_link]
    return tuple((item.id, item.text.strip() or f"cues: {', '.join(item.cues)}") for item in items)


def _check_case_file(path: Path, library: CaseLibrary | None, checked: set[Path]) -> FileCheck:
    case = load_case_file(path)
    if case.reference is not None:
        return FileCheck(path, case.id, evidence=_evidence_rows(case.reference),
                         answers=tuple(check_answers(case.reference, case.samples, case)))
    key = library.key_sources.get(case.id) if library is not None else None
    if key is None or library is None:
        broken = _key_file_of(case.id)
        if broken is not None and broken.resolve() in checked:
            return FileCheck(path, case.id, note=f"valid; no reference in this file: its key file {broken} is "
                                                 "checked on its own row")
        if broken is not None:  # the key exists but the library could not take it: say why, never "ok"
            problems = validate_files([broken]).get(broken) or ["the key file could not be read with the case"]
            return FileCheck(path, case.id, problems=tuple(problems))  # each names the key file and its line
        return FileCheck(path, case.id, note="valid; no reference in this file and no key file found for it "
                                             "(source/keys/cases/), so nothing was scored")
    if key.resolve() in checked:
        return FileCheck(path, case.id, note=f"valid; no reference in this file: it is scored with its key file {key}")
    merged = library.cases[case.id]
    return FileCheck(path, case.id, evidence=_evidence_rows(merged.reference), note=f"reference from {key}",
                     answers=tuple(check_answers(merged.reference, merged.samples, merged)))


def _key_file_of(case_id: str) -> Path | None:
    """The course's key file for ``case_id`` (its ``case_id:`` line, in ``source/keys/cases/``), if any."""
    keys = find_keys_dir()
    if keys is None or not (keys / "cases").is_dir():
        return None
    pattern = re.compile(rf"^case_id\s*:\s*['\"]?{re.escape(case_id)}['\"]?\s*(#.*)?$", re.M)
    for file in sorted((keys / "cases").glob("*.yaml")):
        if pattern.search(file.read_text(encoding="utf-8", errors="replace")):
            return file
    return None


def _check_key_file(path: Path, library: CaseLibrary | None) -> FileCheck:
    case_id, reference, extra = load_key_file(path)
    case = library.cases.get(case_id) if library is not None else None
    return FileCheck(path, case_id, evidence=_evidence_rows(reference),
                     answers=tuple(check_answers(reference, extra.get("samples", []), case)))


def check_paths(paths: Iterable[Path], others: Sequence[Path] = (), extra_dirs: Sequence[Path] | None = None
                ) -> list[FileCheck]:
    """Check every case or key file under ``paths``.

    ``others`` are folders whose case ids must not clash with the checked ones; ``extra_dirs`` are instructor
    folders the library needs besides the checked paths (to find the case a key file belongs to, and its names).
    """
    paths = list(paths)
    try:
        library: CaseLibrary | None = CaseLibrary.load(extra_dirs=[*(extra_dirs or []), *paths])
    except CaseFileError:
        library = None  # the files at fault are reported below when they are checked, or by `cases validate`
    results: list[FileCheck] = []
    files = yaml_files(paths)
    checked = {file.resolve() for file in files}
    found = validate_files(files, others)
    for path in files:
        problems = found[path]
        if problems:
            results.append(FileCheck(path, problems=tuple(problems)))
            continue
        try:
            results.append(_check_key_file(path, library) if is_key_file(path)
                           else _check_case_file(path, library, checked))
        except CaseFileError as exc:  # pragma: no cover - validate_path reported these already
            results.append(FileCheck(path, problems=tuple(exc.problems)))
    return results

