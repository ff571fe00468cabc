"""Explain what is wrong with a submission, in words an instructor and a trainee can act on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from ipt_training.grading.graders.items import REVIEW_MARK
from ipt_training.grading.trusted.cell_ids import (
    changed_flags,
    damaged_cells,
    instructor_flags,
    instructor_ids,
    nbgrader_meta,
    odd_cell_ids,
)
from ipt_training.grading.trusted.feedback_pages import SUBMISSION_SECRET
from ipt_training.grading.trusted.files import (
    UnsafeFile,
    describe_size,
    not_regular,
    read_limit_bytes,
    read_text_limited,
    special_files,
)
from ipt_training.grading.trusted.rescore import TRUSTED_MARK
from ipt_training.saved_answers import ANSWERS_FILE, ANSWERS_MAX_BYTES

_LOG_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"partial credit cannot be greater than maximum points",
     "a test cell scored more than the points it is worth: the assignment gives the cell fewer points than its "
     "hidden test grades out of (points=...). Make the two equal in source/, run `ipt-course release`, then "
     "autograde again"),
    (r"NotJSONError|JSONDecodeError|Notebook does not appear to be JSON|Expecting value",
     "the notebook file is not valid JSON (truncated, or edited outside Jupyter); no cell could be graded"),
    (r"Unsupported nbformat version|NBFormatError|nbformat version \d|notebook format version",
     "the notebook has an old or unknown notebook format version; re-save it with a current JupyterLab"),
    (r"CellTimeoutError|timed out|Timeout waiting",
     "a cell ran longer than the time limit (an endless loop?); it was stopped"),
    (r"DeadKernelError|Kernel died|kernel.*(died|restarting)",
     "the Python kernel died while running the notebook (a crash, os._exit or the memory limit)"),
    (r"bubblewrap", "the grading sandbox (bubblewrap) is not installed on this machine; nothing was run"),
    (r"No notebooks|(does not exist|FileNotFoundError|No such file).*\.ipynb",
     "the expected notebook is missing from the submission"),
    (r"UnicodeDecodeError", "the notebook file is not UTF-8 text"),
    (r"surrogates not allowed|UnicodeEncodeError",
     "the notebook contains an invalid character (a broken emoji or lone surrogate) and cannot be saved; "
     "no cell could be graded"),
    (r"MemoryError", "the notebook used more memory than the limit allows"),
    (r"RecursionError|maximum recursion depth",
     "the notebook file is not a valid notebook (nested far too deeply); no cell could be graded"),
)


def explain_log(log: str) -> str:
    """A plain-language reason for a failed nbgrader run, from its log."""
    for pattern, message in _LOG_PATTERNS:
        if re.search(pattern, log, re.I):
            return message
    errors = [line.strip() for line in log.splitlines() if re.search(r"error|exception", line, re.I)]
    return "autograde failed: " + (errors[-1] if errors else "no error message was logged")


def _cells(nb: nbformat.NotebookNode, kind: str) -> dict[str, str]:
    """Source of the cells with nbgrader flag ``kind`` ("grade" or "solution"), by grade id."""
    return {meta["grade_id"]: c.source for c in nb.cells for meta in [nbgrader_meta(c)]
            if isinstance(meta.get("grade_id"), str) and meta["grade_id"] and meta.get(kind)}


def _read_notebook(path: Path, max_cells: int | None = None) -> tuple[nbformat.NotebookNode | None, list[str]]:
    """The notebook as nbformat 4, or None, and what is wrong with the file (also: more than ``max_cells`` cells)."""
    try:
        raw = read_text_limited(path)
        data = json.loads(raw)
    except UnsafeFile as exc:
        return None, [f"{exc}, so the notebook was not graded"]
    except UnicodeDecodeError:
        return None, [f"{path.name}: not UTF-8 text (saved with another encoding?)"]
    except json.JSONDecodeError as exc:
        return None, [f"{path.name}: not valid JSON (line {exc.lineno}): the file is damaged"]
    except RecursionError:
        return None, [f"{path.name}: not a valid notebook (its JSON is nested far too deeply to read): the file is "
                      "damaged"]
    except Exception:  # any other parse failure is a damaged file, never the batch's end
        return None, [f"{path.name}: not a valid notebook: the file is damaged"]
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return None, [f"{path.name}: contains an invalid character (a broken emoji or lone surrogate)"]
    except (RecursionError, ValueError, TypeError):
        return None, [f"{path.name}: not a valid notebook: the file is damaged"]
    cells = data.get("cells") if isinstance(data, dict) else None
    if max_cells is not None and isinstance(cells, list) and len(cells) > max_cells:
        return None, [f"{path.name}: has {len(cells):,} cells, {PADDED} ({max_cells:,} at most); it was not "
                      "graded: remove the extra cells and resubmit"]
    version = data.get("nbformat") if isinstance(data, dict) else None
    if version not in (1, 2, 3, 4):
        return None, [f"{path.name}: notebook format version {version!r} is not supported (need 4)"]
    notes = [] if version == 4 else [f"{path.name}: old notebook format {version}, converted to format 4 for "
                                     "grading; re-save it with a current JupyterLab"]
    try:
        return nbformat.reads(raw, as_version=4), notes
    except Exception:  # any damage is reported, not raised (RecursionError included)
        return None, [*notes, f"{path.name}: not a valid notebook (nbformat cannot read it): the file is damaged"]


def symbolic_links(folder: Path) -> list[str]:
    """Symbolic links in a submission: nbgrader would copy what they point to (as the grading user) into the
    folder the kernel reads, so a link to the keys would hand them to trainee code."""
    if not folder.is_dir():
        return []
    return [path for path, kind in special_files(folder) if kind == "a symbolic link"]


def refusal(folder: Path) -> str | None:
    """Why a submission is not graded at all, before nbgrader copies or reads any of it; None if it may be.

    Links (nbgrader would copy their targets), named pipes (opening one blocks the grader for ever), sockets and
    devices, and notebooks larger than the grader reads.
    """
    links = symbolic_links(folder)
    if links:
        return (f"the submission contains symbolic links ({', '.join(links[:5])}); it was not graded: resubmit "
                "the files themselves")
    odd = [(path, kind) for path, kind in special_files(folder) if kind != "a symbolic link"] if folder.is_dir() \
        else []
    if odd:
        listed = ", ".join(f"{path} is {kind}" for path, kind in odd[:5])
        return f"the submission contains files that are not ordinary files ({listed}); it was not graded"
    limit = read_limit_bytes()
    big = [p for p in sorted(folder.glob("*.ipynb")) if p.is_file() and p.stat().st_size > limit] \
        if folder.is_dir() else []
    if big:
        return (f"{big[0].name} is {describe_size(big[0].stat().st_size)}, more than the {describe_size(limit)} "
                "the grader reads; it was not graded (clear large outputs and resubmit)")
    return None


def diagnose_submission(submitted: Path, source: Path) -> list[str]:
    """Problems in a submitted assignment folder compared with its source and release: missing, unreadable or
    edited notebooks, deleted answer or test cells, extra files.

    These are reported, not fatal: nbgrader restores deleted or edited test cells from the gradebook.
    """
    problems: list[str] = []
    if not submitted.is_dir():
        return [f"no submission folder {submitted.name!r}"]
    release = source.parent.parent / "release" / source.name
    for source_nb in sorted(source.glob("*.ipynb")):
        path = submitted / source_nb.name
        if not path.is_file():
            problems.append(f"{source_nb.name}: missing from the submission (renamed or not uploaded?)")
            continue
        reference = nbformat.read(source_nb, as_version=4)
        nb, notes = _read_notebook(path, max_cells=max(MIN_CELL_CAP, CELLS_PER_SOURCE_CELL * len(reference.cells)))
        problems += notes
        if nb is None:
            continue
        damaged = damaged_cells(nb)
        if damaged:
            problems.append(damaged_message(path.name, damaged))
            continue
        duplicated, unknown = odd_cell_ids(nb, instructor_ids(source_nb))
        if duplicated:
            problems.append(f"{path.name}: cell(s) {', '.join(duplicated)} appear more than once (copied in "
                            "JupyterLab?); the first copy was graded, later copies ran as ordinary cells")
        if unknown:
            problems.append(f"{path.name}: cell(s) marked as instructor cells that are not in the assignment: "
                            f"{', '.join(unknown)}; they ran as ordinary cells and were not graded")
        flags_changed = changed_flags(nb, instructor_flags(source_nb))
        if flags_changed:
            problems.append(f"{path.name}: the grading settings of cell(s) {', '.join(flags_changed[:5])} were changed "
                            "(a test marked as an answer, an answer marked as graded, points ...); the assignment's "
                            "settings were used (expected if you changed them in source/ after this trainee "
                            "fetched the assignment)")
        deleted = sorted(set(_cells(reference, "grade")) - set(_cells(nb, "grade")))
        if deleted:
            problems.append(f"{path.name}: test cell(s) deleted and restored for grading: {', '.join(deleted)}")
        answers = set(_cells(reference, "solution")) - set(_cells(reference, "grade"))
        gone = sorted(answers - set(_cells(nb, "solution")))
        if gone:
            problems.append(f"{path.name}: answer cell(s) deleted: {', '.join(gone)} (their questions score 0 "
                            "unless the answer is defined elsewhere)")
        released = release / source_nb.name
        if released.is_file():
            original = _cells(nbformat.read(released, as_version=4), "grade")
            edited = sorted(k for k, v in _cells(nb, "grade").items()
                            if k in original and v.strip() != original[k].strip() and k not in _cells(nb, "solution"))
            if edited:
                problems.append(f"{path.name}: test cell(s) edited; the original was used for grading: "
                                f"{', '.join(edited)}")
    answers = submitted / ANSWERS_FILE
    if answers.is_file() and not not_regular(answers) and answers.stat().st_size > ANSWERS_MAX_BYTES:
        problems.append(f"{ANSWERS_FILE} (the formulation builder's saved answers) is "
                        f"{describe_size(answers.stat().st_size)}, more than the {describe_size(ANSWERS_MAX_BYTES)} "
                        "the grader reads; it was not used, so answers left to the builder scored 0")
    # nbgrader's exchange adds submission_secret.txt to every submission (release_feedback needs it); the release
    # may add files of its own (the trainee copies of the instructor's own cases, cases/).
    expected = {"timestamp.txt", SUBMISSION_SECRET, ANSWERS_FILE}
    extra = sorted(p.name for p in submitted.iterdir()
                   if p.name not in expected and not (source / p.name).exists() and not (release / p.name).exists()
                   and not p.name.startswith("."))
    if extra:
        more = " ..." if len(extra) > 10 else ""
        problems.append(f"extra files ignored by grading: {', '.join(extra[:10])}{more}")
    return problems


DAMAGED = "the notebook is damaged"
PADDED = "far more than the assignment has"
#: A submitted notebook may have this many times the instructor's cells (at least MIN_CELL_CAP) before it is
#: refused: every cell costs the grading process time and memory even when empty (100,000 cells: 223 s, 0.9 GB).
CELLS_PER_SOURCE_CELL = 10
MIN_CELL_CAP = 500


def damaged_message(name: str, cells: list[str]) -> str:
    """The diagnosis of a notebook whose grading information is damaged (see :func:`damaged_cells`)."""
    more = " ..." if len(cells) > 5 else ""
    return (f"{name}: {DAMAGED} (the grading information of {', '.join(cells[:5])}{more} is not in the form "
            "Jupyter writes); it was not graded: download the assignment again and copy your answers into it")


def damaged_submission(problems: list[str]) -> bool:
    """Whether the diagnosis found a notebook nbgrader should not be given: damaged grading information (it
    would stop on it), or padded with far more cells than the assignment (it would take minutes on it)."""
    return any(DAMAGED in p or PADDED in p for p in problems)


_ERROR_MESSAGES: tuple[tuple[str, str, str], ...] = (
    # (ename, evalue pattern, plain-language message)
    ("KernelDied", "", "the Python kernel died in this cell (os._exit, a crash, or the memory or CPU limit); the "
                       "cell was skipped and the rest of the notebook was graded in a fresh kernel"),
    ("CellNotRun", "", "not run: the kernel broke too many times in this notebook"),
    ("NotebookTimeBudget", "stopped", "was stopped: the notebook used up its time budget here, and the cells after "
                                      "it were not run"),
    ("CellTimeoutError", "could not be interrupted", "ran past the per-cell time limit and could not be stopped; "
                                                     "it was skipped and the rest of the notebook was graded in a "
                                                     "fresh kernel"),
    ("CellTimeoutError", "", "ran longer than the per-cell time limit (an endless loop?) and was stopped"),
    ("KeyboardInterrupt", "", "was interrupted at the per-cell time limit (an endless loop?)"),
    ("MemoryError", "grading limit", "used more memory than the grading limit allows; it was skipped and the rest "
                                     "of the notebook was graded in a fresh kernel"),
    ("MemoryError", "", "used more memory than the grading limit allows"),
    ("PermissionError", "no network", "tried to use the network, which is blocked during grading"),
    ("PermissionError", "other programs", "tried to start another program, which is blocked during grading"),
    ("PermissionError", "files cannot be read", "tried to read the instructor's files (keys, gradebook or other "
                                                "trainees' work), which is blocked during grading"),
    ("PermissionError", "signals", "tried to signal another process, which is blocked during grading"),
    ("CaseNotAvailable", "", "names a case that was not released with the assignment (its cases/ folder lacks it); "
                             "run `ipt-course release` for the assignment again and re-release it to trainees"),
)
#: A grader's review flag, as :func:`~ipt_training.grading.graders.items.finish` prints it: a feedback line of its own.
FLAG_LINE = f"  - {REVIEW_MARK}"
TRUNCATED = re.compile(r"\[([\d,]+) characters of output truncated by the grader\]")


_SYNTAX = re.compile(r"^(?P<what>.*?) \((?:[^()]*\.py|<[^>]*>), line (?P<line>\d+)\)$", re.S)


def explain_error(ename: str, evalue: str) -> str:
    """A plain-language sentence for a cell error (the raw error when there is no better one)."""
    for name, pattern, message in _ERROR_MESSAGES:
        if ename == name and pattern in evalue:
            return message
    if ename == "OSError" and "Read-only file system" in evalue:
        return "tried to write outside its own folder, which is blocked during grading"
    syntax = _SYNTAX.match(evalue) if ename in ("SyntaxError", "IndentationError", "TabError") else None
    if syntax:  # the kernel's temporary file name ("3105.py") means nothing to the instructor
        return (f"{ename} in line {syntax['line']} of the cell ({syntax['what'][:120]}): the cell did not run, so "
                "nothing it sets is defined")
    evalue = evalue[:160] + ("..." if len(evalue) > 160 else "")
    return f"{ename}{': ' + evalue if evalue else ''}"


def _cell_label(cell: nbformat.NotebookNode, index: int, titles: dict[str, str] | None = None) -> str:
    """The cell as the instructor's notebook names it, with its nbgrader id for the CSV files and the formgrader
    ('"Case A" (case_a_test)') when ``titles`` has it, else its nbgrader id, else its position."""
    grade_id = nbgrader_meta(cell).get("grade_id")
    if not isinstance(grade_id, str) or not grade_id:
        return f"cell {index + 1}"
    title = (titles or {}).get(grade_id)
    return f'"{title}" ({grade_id})' if title else grade_id


def instructor_titles(source_notebook: Path | None) -> dict[str, str]:
    """``{grade id: title}`` from the instructor's source notebook (never the trainee's copy, whose headings the
    trainee can edit); empty when it cannot be read."""
    from ipt_training.grading.feedback.titles import cell_titles

    if source_notebook is None or not source_notebook.is_file():
        return {}
    try:
        return cell_titles(nbformat.read(source_notebook, as_version=4))
    except Exception:  # an unreadable source notebook: the ids are shown instead
        return {}


_TAMPERING = re.compile(r"\bbuiltins\b|get_ipython|displayhook|sys\.modules|ast_node_interactivity|"
                        r"ipt_training\.(grading|scoring)|set_custom_exc|sys\.settrace|\bgc\.get_objects", re.I)
_KEY_ACCESS = re.compile(r"source[/\\]+keys|gradebook|IPT_COURSE_KEYS|grading\.keys|item_key|case_reference|"
                         r"_item_keys|\.\./\.\./\.\./", re.I)


def cell_errors(path: Path, titles: dict[str, str] | None = None) -> list[str]:
    """One message per code cell of an executed notebook that ended in an error, in plain language; cells are named
    by ``titles`` (:func:`instructor_titles`) where it has them."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:
        return [f"cannot read graded notebook ({type(exc).__name__})"]
    messages: list[str] = []
    unanswered: list[str] = []
    malformed: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        graded_here = bool(cell.metadata.get(TRUSTED_MARK))  # outputs the trusted re-scoring wrote
        answers = cell.metadata.get("ipt_answers")
        answers = answers if isinstance(answers, dict) else {}
        if answers.get("absent"):
            absent = answers["absent"] if isinstance(answers["absent"], list) else [answers["absent"]]
            names = ", ".join(f"`{n}`" for n in absent)
            verb = "is" if len(absent) == 1 else "are"
            messages.append(f"{_cell_label(cell, index, titles)}: the answer variable{'s' if len(absent) > 1 else ''} "
                            f"{names} {verb} not defined (answer cell stopped with an error, deleted or renamed?); "
                            "scored 0")
        elif answers.get("unanswered"):
            unanswered.append(_cell_label(cell, index, titles))
        elif answers.get("well_formed") is False:
            malformed.append(_cell_label(cell, index, titles))
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") == "NotebookTimeBudget" \
                    and str(output.get("evalue", "")).startswith("not run"):
                break  # one message for the stopped cell says the rest were not run
            if output.get("output_type") == "error":
                message = explain_error(str(output.get("ename")), str(output.get("evalue", "")))
                messages.append(f"{_cell_label(cell, index, titles)}: {message}")
                break
            text = str(output.get("text", "")) if output.get("output_type") == "stream" else ""
            # A trainee's cell can print the grader's words: only what the trusted re-scoring wrote counts, and a
            # flag only as a feedback line of its own (an answer the grader echoes may hold the words too).
            flags = [line.removeprefix(FLAG_LINE) for line in text.splitlines()
                     if graded_here and line.startswith(FLAG_LINE)]
            for flag in flags:  # a grader sent this answer to the instructor's review
                messages.append(f"{_cell_label(cell, index, titles)}: flagged for review: {flag.rstrip('.')}")
            if graded_here and text.startswith("Not graded:"):
                reason = text.splitlines()[0].removeprefix("Not graded: ").rstrip(".")
                messages.append(f"{_cell_label(cell, index, titles)}: scored 0 because {reason}")
                break
            cut = TRUNCATED.search(text)
            if cut:
                messages.append(f"{_cell_label(cell, index, titles)}: printed far more output than the grader keeps; "
                                f"{cut.group(1)} characters were cut from the graded notebook and the feedback")
                break
    if unanswered:
        messages.append(f"no answer given for {', '.join(unanswered)} (scored 0)")
    if malformed:
        messages.append(f"answers not in the expected form for {', '.join(malformed)} (the feedback says how)")
    return messages


def suspicious_code(path: Path) -> list[str]:
    """Trainee-written cells whose code reaches for the instructor's files or changes Python or the grader."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return []
    return suspicious_cells(nb)


def suspicious_cells(nb: nbformat.NotebookNode) -> list[str]:
    """:func:`suspicious_code` of a notebook already read."""
    found = []
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        trainee_written = meta.get("solution") or not (meta.get("grade") or meta.get("locked"))
        if cell.cell_type != "code" or not trainee_written:
            continue
        if _KEY_ACCESS.search(cell.source):
            found.append(f"{_cell_label(cell, index)}: its code refers to the instructor's keys, the gradebook or "
                         "folders outside the submission; review this submission")
        if _TAMPERING.search(cell.source):
            found.append(f"{_cell_label(cell, index)}: its code changes Python or the grader itself (tampering?); "
                         "scores come from the grader outside the notebook, but review this submission")
    return found


def submission_review_reasons(name: str, nb: nbformat.NotebookNode) -> list[str]:
    """Why a whole graded notebook needs the instructor's look (its HTML made inert, code reaching for the keys or
    changing the grader), as the autograde summary said: the report's review queue lists them too."""
    return [*active_content_problems(name, nb), *(f"{name}: {reason}" for reason in suspicious_cells(nb))]


def active_content_problems(name: str, nb: nbformat.NotebookNode) -> list[str]:
    """Cells whose HTML or JavaScript ``SanitizeTraineeHTML`` made inert (an attack on the instructor's browser?)."""
    from ipt_training.grading.trusted.sanitize import MARK

    found = nb.metadata.get(MARK)
    if not isinstance(found, list) or not found:
        return []
    cells = [_cell_label(nb.cells[i], i) if isinstance(i, int) and 0 <= i < len(nb.cells) else f"cell {i}"
             for i in found[:5]]
    more = " ..." if len(found) > 5 else ""
    return [f"{name}: {', '.join(cells)}{more}: held HTML or JavaScript that could run in a browser (scripts, "
            "event handlers, script links); it was made inert in the graded notebook and the feedback. Review this "
            "submission"]
