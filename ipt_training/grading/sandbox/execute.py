"""Run a trainee's notebook for autograde: in the sandbox, and past a cell that breaks the kernel.

:class:`SandboxedExecute` is nbgrader's ``Execute`` preprocessor with two changes:

* kernels start through :class:`ipt_training.grading.sandbox.kernel.SandboxedKernelManager` (limits, isolation,
  no network);
* a cell that leaves the kernel unusable does not fail the whole submission. That is a cell that kills the
  kernel (``os._exit``, a segfault, the CPU limit), one that cannot be interrupted at the time limit (a loop
  that swallows ``KeyboardInterrupt``), or one that hits the memory limit (its data would still fill the
  memory for every later cell). The cell gets an error output saying what happened, and the notebook runs
  again from the top in a fresh kernel with that cell skipped, so the rest is still graded. After
  ``max_restarts`` restarts the cells that did not run are marked as such. nbgrader's own ``Execute`` fails the
  whole submission on the first two and leaves the third to poison the rest of the notebook.

Two budgets bound what one notebook costs, however its cells behave:

* time: ``notebook_time_limit`` seconds of wall clock for the whole notebook, restarts included (a crash does not
  buy a second run of slow cells). The cell running when it runs out is stopped, later cells are not run, and
  the notebook says so in plain words;
* disk: files the notebook wrote in its folder beyond ``disk_limit_mb`` in total are deleted and reported.

After the run, links, named pipes, sockets and device files the kernel left in its folder are deleted: the
grading process and nbgrader's feedback step read and copy that folder.
"""

from __future__ import annotations

import copy
import math
import os
import stat
import time
from pathlib import Path
from typing import Any

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer, default

from ipt_training.grading.sandbox.kernel import SandboxedKernelManager, env_int
from ipt_training.grading.trusted.files import special_files

LINKS_REMOVED = "ipt_removed_links"  # notebook metadata: links the kernel left in its folder, removed
SPECIAL_REMOVED = "ipt_removed_special"  # notebook metadata: pipes, sockets, devices the kernel left, removed
OUT_OF_TIME_MARK = "ipt_out_of_time"  # notebook metadata: the time budget (s) that ran out
DISK_MARK = "ipt_disk_budget"  # notebook metadata: {"written_mb": .., "limit_mb": .., "files": [...]}
OUT_OF_TIME = "NotebookTimeBudget"
KERNEL_DIED = "KernelDied"
NOT_RUN = "CellNotRun"
_AGAIN = "the cell was skipped and the rest of the notebook was run again in a fresh kernel"


def remove_special(folder: Path) -> list[str]:
    """Delete named pipes, sockets and device files under ``folder``; returns their relative paths.

    Opening a named pipe blocks until someone writes to it: the grader or nbgrader's copy would hang.
    """
    found = [rel for rel, kind in special_files(folder) if kind != "a symbolic link"]  # links: remove_links
    for rel in found:
        os.unlink(folder / rel)
    return found


def file_sizes(folder: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime in ns) of every regular file under ``folder``, by relative path."""
    sizes = {}
    for dirpath, _, filenames in os.walk(folder, followlinks=False):
        for name in filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                sizes[os.path.relpath(path, folder)] = (info.st_size, info.st_mtime_ns)
    return sizes


def enforce_disk_budget(folder: Path, before: dict[str, tuple[int, int]], limit_mb: int) -> dict[str, Any] | None:
    """Delete the files the notebook wrote (new or changed, notebooks aside) when together they exceed
    ``limit_mb``; returns what was deleted, or None within the budget."""
    if limit_mb <= 0:
        return None
    written = {rel: size for rel, (size, mtime) in file_sizes(folder).items()
               if before.get(rel) != (size, mtime) and not rel.endswith(".ipynb")}
    total = sum(written.values())
    if total <= limit_mb * 1024 * 1024:
        return None
    for rel in written:
        os.unlink(folder / rel)
    return {"written_mb": round(total / 1024 / 1024, 1), "limit_mb": limit_mb, "files": sorted(written)[:20]}


def remove_links(folder: Path) -> list[str]:
    """Delete symbolic links and multiply-linked files in a kernel's folder; returns their relative paths.

    nbgrader copies every file of this folder into the trainee's feedback, following links, as the grading
    user: a link made by trainee code to a key file would put the key into the feedback.
    """
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or (os.path.isfile(path) and os.lstat(path).st_nlink > 1):
                found.append(path)
    for path in found:  # all found first: removing one hard link changes the others' link count
        os.unlink(path)
    return sorted(os.path.relpath(path, folder) for path in found)


def error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _kernel_source(cell: NotebookNode) -> str | None:
    """The source a test cell with hidden tests is run with (None: run as it is); see ``kernel_source``."""
    from ipt_training.grading.trusted.rescore import kernel_source

    meta = cell.get("metadata", {}).get("nbgrader") or {}
    if cell.get("cell_type") != "code" or not isinstance(meta, dict) or not meta.get("grade") or meta.get("solution"):
        return None
    return kernel_source(str(cell.get("source", "")))


class _Restart(Exception):
    """The kernel is dead or unusable because of the cell at ``index``."""

    def __init__(self, index: int, output: NotebookNode) -> None:
        super().__init__(output.evalue)
        self.index, self.output = index, output


class SandboxedExecute(Execute):
    """nbgrader's ``Execute`` in the grading sandbox, restarting past broken cells (see the module docstring)."""

    max_restarts = Integer(3, help="Fresh kernels per notebook after a cell broke one; then the rest is not run.") \
        .tag(config=True)
    notebook_time_limit = Integer(help="Wall-clock seconds for one notebook, restarts included (0: none).") \
        .tag(config=True)
    disk_limit_mb = Integer(help="MiB of files one notebook may leave in its folder (0: none).").tag(config=True)

    @default("notebook_time_limit")
    def _notebook_time_default(self) -> int:
        return env_int("IPT_GRADING_NOTEBOOK_SECONDS", 120)

    @default("disk_limit_mb")
    def _disk_default(self) -> int:
        return env_int("IPT_GRADING_DISK_MB", 50)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        self._skipped: dict[int, NotebookNode] = {}
        self._current = -1
        self._cell_timeout = self.timeout
        self._deadline: float | None = None
        self._out_of_time = False

    def create_kernel_manager(self) -> Any:
        from ipt_training.grading.trusted.course_root import grading_course_root

        km = super().create_kernel_manager()
        root = grading_course_root(self)  # the nbgrader app's course directory, not the notebook's folder
        if root is not None and hasattr(km, "course_root"):
            km.course_root = str(root)
        return km

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
        folder_name = (resources or {}).get("metadata", {}).get("path")
        folder = Path(folder_name) if folder_name else None
        before = file_sizes(folder) if folder else {}
        budget = self.notebook_time_limit
        self._deadline = time.monotonic() + budget if budget > 0 else None
        self._out_of_time = False
        try:
            nb, resources = self._run(nb, resources, km)
        finally:
            self.timeout, self._deadline = self._cell_timeout, None
        for mark in (LINKS_REMOVED, SPECIAL_REMOVED, OUT_OF_TIME_MARK, DISK_MARK):
            nb.metadata.pop(mark, None)
        if self._out_of_time:
            nb.metadata[OUT_OF_TIME_MARK] = budget
        if folder is None:
            return nb, resources
        special = remove_special(folder)
        if special:
            self.log.warning("Removed pipes, sockets or devices the notebook left in its folder: %s", special)
            nb.metadata[SPECIAL_REMOVED] = special
        removed = remove_links(folder)
        if removed:
            self.log.warning("Removed links the notebook left in its folder: %s", ", ".join(removed))
            nb.metadata[LINKS_REMOVED] = removed
        over = enforce_disk_budget(folder, before, self.disk_limit_mb)
        if over:
            self.log.warning("The notebook wrote %s MB of files (limit %s MB); they were deleted",
                             over["written_mb"], over["limit_mb"])
            nb.metadata[DISK_MARK] = over
        return nb, resources

    def _time_left(self) -> float | None:
        return None if self._deadline is None else self._deadline - time.monotonic()

    def _run(self, nb: NotebookNode, resources: Any, km: Any) -> tuple[NotebookNode, Any]:
        original = copy.deepcopy(nb)
        self._skipped = {}
        attempt = original
        for _ in range(self.max_restarts + 1):
            attempt = copy.deepcopy(original)
            self._current = -1
            try:
                try:
                    return super().preprocess(attempt, resources, km)
                except DeadKernelError as exc:
                    raise _Restart(self._current, error_output(
                        KERNEL_DIED, "the Python kernel died while running this cell (os._exit, a crash, or a "
                                     f"limit of the grading sandbox such as memory or CPU time); {_AGAIN}")) from exc
                except CellTimeoutError as exc:
                    raise _Restart(self._current, error_output(
                        "CellTimeoutError", f"this cell ran past the time limit and could not be interrupted; "
                                            f"{_AGAIN}")) from exc
            except _Restart as restart:
                if restart.index < 0 or restart.index in self._skipped:
                    raise  # broke before any cell ran, or again in a skipped cell: nothing left to skip
                left = self._time_left()
                if left is not None and left <= 1:  # no second run past the notebook's time budget
                    self._skipped[restart.index] = restart.output
                    self._out_of_time = True
                    break
                self.log.warning("Cell %s broke the kernel (%s); running the notebook again without it",
                                 restart.index, restart.output.ename)
                self._skipped[restart.index] = restart.output
                km = None
        for index, cell in enumerate(attempt.cells):
            if index in self._skipped:
                cell.outputs = [copy.deepcopy(self._skipped[index])]
            elif cell.cell_type == "code" and index > self._current and cell.source.strip():
                cell.outputs = [self._out_of_time_output() if self._out_of_time else
                                error_output(NOT_RUN, "not run: the kernel broke too many times in this notebook")]
        return attempt, resources

    def _out_of_time_output(self) -> NotebookNode:
        return error_output(OUT_OF_TIME, f"not run: the notebook used up its time budget of "
                                         f"{self.notebook_time_limit} s")

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> tuple[NotebookNode, Any]:
        if index in self._skipped:
            cell.outputs = [copy.deepcopy(self._skipped[index])]
            return cell, resources
        left = self._time_left()
        if left is not None and cell.cell_type == "code":
            if left <= 0:
                self._out_of_time = True
                if cell.source.strip():
                    cell.outputs = [self._out_of_time_output()]
                return cell, resources
            cap = self._cell_timeout if self._cell_timeout and self._cell_timeout > 0 else None
            self.timeout = max(1, math.ceil(left) if cap is None else min(cap, math.ceil(left)))
        self._current = index
        source = cell.get("source", "")
        hidden = _kernel_source(cell)
        try:
            if hidden is not None:  # the kernel gets the test without its hidden part (trusted/rescore.py)
                cell.source = hidden
            cell, resources = super().preprocess_cell(cell, resources, index)
        except CellTimeoutError:
            if self._time_left() is not None and self._time_left() <= 0:
                self._out_of_time = True
            raise
        finally:
            cell.source = source  # the notebook keeps the whole test: the grading process scores from it
        left = self._time_left()
        if left is not None and left <= 0 and cell.cell_type == "code":
            self._out_of_time = True
            cell.outputs = [error_output(OUT_OF_TIME, f"stopped: the notebook used up its time budget of "
                                                      f"{self.notebook_time_limit} s in this cell; the cells "
                                                      "after it were not run"),
                            *[o for o in cell.get("outputs", []) if o.get("output_type") != "error"]]
        if any(o.get("output_type") == "error" and o.get("ename") == "MemoryError" for o in cell.get("outputs", [])):
            raise _Restart(index, error_output(
                "MemoryError", f"this cell used more memory than the grading limit allows; {_AGAIN}"))
        return cell, resources
