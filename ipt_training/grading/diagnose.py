"""Explain what is wrong with a submission, in words an instructor and a trainee can act on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from ipt_training.saved_answers import ANSWERS_FILE

_LOG_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"NotJSONError|JSONDecodeError|Notebook does not appear to be JSON|Expecting value",
     "the notebook file is not valid JSON (truncated, or edited outside Jupyter); no cell could be graded"),
    (r"Unsupported nbformat version|NBFormatError|nbformat version \d|notebook format version",
     "the notebook has an old or unknown notebook format version; re-save it with a current JupyterLab"),
    (r"CellTimeoutError|timed out|Timeout waiting",
     "a cell ran longer than the time limit (an endless loop?); it was stopped"),
    (r"DeadKernelError|Kernel died|kernel.*(died|restarting)",
     "the Python kernel died while running the notebook (a crash, os._exit or the memory limit)"),
    (r"No notebooks|does not exist|FileNotFoundError|No such file",
     "the expected notebook is missing from the submission"),
    (r"UnicodeDecodeError", "the notebook file is not UTF-8 text"),
    (r"MemoryError", "the notebook used more memory than the limit allows"),
)


def explain_log(log: str) -> str:
    """A plain-language reason for a failed nbgrader run, from its log."""
    for pattern, message in _LOG_PATTERNS:
        if re.search(pattern, log, re.I):
            return message
    errors = [line.strip() for line in log.splitlines() if re.search(r"error|exception", line, re.I)]
    return "autograde failed: " + (errors[-1] if errors else "no error message was logged")


def _grade_ids(nb: nbformat.NotebookNode) -> dict[str, str]:
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id") and c.metadata["nbgrader"].get("grade")}


def diagnose_submission(submitted: Path, source: Path) -> list[str]:
    """Problems in a submitted assignment folder compared with its source: missing, unreadable or edited notebooks.

    These are reported, not fatal: nbgrader restores deleted or edited test cells from the gradebook.
    """
    problems: list[str] = []
    if not submitted.is_dir():
        return [f"no submission folder {submitted.name!r}"]
    for source_nb in sorted(source.glob("*.ipynb")):
        path = submitted / source_nb.name
        if not path.is_file():
            problems.append(f"{source_nb.name}: missing from the submission (renamed or not uploaded?)")
            continue
        try:
            raw = path.read_text(encoding="utf-8")
            data = json.loads(raw)
        except UnicodeDecodeError:
            problems.append(f"{path.name}: not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}: not valid JSON (line {exc.lineno}): the file is damaged")
            continue
        version = data.get("nbformat") if isinstance(data, dict) else None
        if version != 4:
            problems.append(f"{path.name}: notebook format version {version!r} is not supported (need 4)")
            continue
        try:
            nb = nbformat.reads(raw, as_version=4)
        except Exception as exc:
            problems.append(f"{path.name}: unreadable notebook ({type(exc).__name__})")
            continue
        expected = _grade_ids(nbformat.read(source_nb, as_version=4))
        present = _grade_ids(nb)
        deleted = sorted(set(expected) - set(present))
        if deleted:
            problems.append(f"{path.name}: test cell(s) deleted and restored for grading: {', '.join(deleted)}")
    expected = {"timestamp.txt", ANSWERS_FILE}
    extra = sorted(p.name for p in submitted.iterdir()
                   if p.name not in expected and not (source / p.name).exists() and not p.name.startswith("."))
    if extra:
        more = " ..." if len(extra) > 10 else ""
        problems.append(f"extra files ignored by grading: {', '.join(extra[:10])}{more}")
    return problems


def cell_errors(path: Path) -> list[str]:
    """One message per code cell of an executed notebook that ended in an error."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:
        return [f"cannot read graded notebook ({type(exc).__name__})"]
    messages = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {cell.get('id', '?')}"
                evalue = str(output.get("evalue", ""))[:120]
                messages.append(f"{name}: {output.get('ename')}{': ' + evalue if evalue else ''}")
                break
    return messages
