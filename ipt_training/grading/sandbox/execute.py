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
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

from ipt_training.grading.sandbox.kernel import SandboxedKernelManager

LINKS_REMOVED = "ipt_removed_links"  # notebook metadata: links the kernel left in its folder, removed
KERNEL_DIED = "KernelDied"
NOT_RUN = "CellNotRun"
_AGAIN = "the cell was skipped and the rest of the notebook was run again in a fresh kernel"


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


class _Restart(Exception):
    """The kernel is dead or unusable because of the cell at ``index``."""

    def __init__(self, index: int, output: NotebookNode) -> None:
        super().__init__(output.evalue)
        self.index, self.output = index, output


class SandboxedExecute(Execute):
    """nbgrader's ``Execute`` in the grading sandbox, restarting past broken cells (see the module docstring)."""

    max_restarts = Integer(3, help="Fresh kernels per notebook after a cell broke one; then the rest is not run.") \
        .tag(config=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        self._skipped: dict[int, NotebookNode] = {}
        self._current = -1

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
        nb, resources = self._run(nb, resources, km)
        folder = (resources or {}).get("metadata", {}).get("path")
        removed = remove_links(Path(folder)) if folder else []
        nb.metadata.pop(LINKS_REMOVED, None)
        if removed:
            self.log.warning("Removed links the notebook left in its folder: %s", ", ".join(removed))
            nb.metadata[LINKS_REMOVED] = removed
        return nb, resources

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
                self.log.warning("Cell %s broke the kernel (%s); running the notebook again without it",
                                 restart.index, restart.output.ename)
                self._skipped[restart.index] = restart.output
                km = None
        for index, cell in enumerate(attempt.cells):
            if index in self._skipped:
                cell.outputs = [copy.deepcopy(self._skipped[index])]
            elif cell.cell_type == "code" and index > self._current and cell.source.strip():
                cell.outputs = [error_output(NOT_RUN, "not run: the kernel broke too many times in this notebook")]
        return attempt, resources

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> tuple[NotebookNode, Any]:
        if index in self._skipped:
            cell.outputs = [copy.deepcopy(self._skipped[index])]
            return cell, resources
        self._current = index
        cell, resources = super().preprocess_cell(cell, resources, index)
        if any(o.get("output_type") == "error" and o.get("ename") == "MemoryError" for o in cell.get("outputs", [])):
            raise _Restart(index, error_output(
                "MemoryError", f"this cell used more memory than the grading limit allows; {_AGAIN}"))
        return cell, resources
