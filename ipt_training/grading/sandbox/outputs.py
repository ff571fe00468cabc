"""Cap the size of what a graded notebook keeps: nbgrader's ``LimitOutput`` counts lines, not characters.

One ``print("x" * 100_000_000)`` is a single line, so without this the autograded notebook and the feedback page
would carry 100 MB. :class:`LimitOutputSize` runs after execution and keeps the head and tail of long text, drops
oversized rich outputs (HTML, images) with a note, and caps the number of outputs per cell.
"""

from __future__ import annotations

from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

_TEXT_MIMES = ("text/plain", "text/markdown", "text/latex", "application/json")


def shorten(text: str, limit: int) -> str:
    """``text`` with its middle replaced by a note when it is longer than ``limit`` characters."""
    if limit < 0 or len(text) <= limit:
        return text
    head, tail = int(limit * 0.8), int(limit * 0.2)
    cut = len(text) - head - tail
    note = f"\n... [{cut:,} characters of output truncated by the grader] ...\n"
    return text[:head] + note + (text[-tail:] if tail else "")


class LimitOutputSize(NbGraderPreprocessor):
    """Keep outputs small enough to store, grade and show (see the module docstring)."""

    max_chars = Integer(20_000, help="Characters kept per text output (-1: no limit).").tag(config=True)
    max_rich_bytes = Integer(2_000_000, help="Largest HTML/image output kept, in characters (-1: no limit).") \
        .tag(config=True)
    max_outputs = Integer(100, help="Outputs kept per cell (-1: no limit).").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        if cell.cell_type != "code" or not cell.get("outputs"):
            return cell, resources
        outputs = cell.outputs
        if 0 <= self.max_outputs < len(outputs):
            dropped = len(outputs) - self.max_outputs
            outputs = [*outputs[: self.max_outputs - 1],
                       NotebookNode(output_type="stream", name="stdout",
                                    text=f"... [{dropped + 1} more outputs dropped by the grader] ...\n"),
                       *[o for o in outputs[self.max_outputs - 1:] if o.get("output_type") == "error"][-1:]]
        for output in outputs:
            kind = output.get("output_type")
            if kind == "stream":
                output.text = shorten(str(output.get("text", "")), self.max_chars)
            elif kind == "error":
                output.evalue = shorten(str(output.get("evalue", "")), 2_000)
                output.traceback = [shorten(str(line), 5_000) for line in output.get("traceback", [])]
            elif kind in ("execute_result", "display_data"):
                data = output.get("data", {})
                for mime in list(data):
                    value = data[mime]
                    text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else None
                    if text is None:
                        continue
                    if mime in _TEXT_MIMES:
                        data[mime] = shorten(text, self.max_chars)
                    elif 0 <= self.max_rich_bytes < len(text):
                        del data[mime]
                        data.setdefault("text/plain", f"[{mime} output of {len(text):,} characters dropped by the "
                                                      "grader]")
        cell.outputs = outputs
        return cell, resources
