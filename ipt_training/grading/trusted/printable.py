"""Text a trainee can put into a grading message (file names, error messages), made safe to print in a terminal.

A file named ``notes\\x1b[1A\\x1b[2K.txt`` or a cell raising ``RuntimeError("\\x1b]52;c;...")`` puts terminal control
sequences into the autograde summary: printed, they erase the lines above (a "tried to read the instructor's files"
line vanishes), write to the instructor's clipboard or swallow what follows. Every character Python does not print as
itself (control characters C0, C1 and DEL, format characters such as right-to-left overrides and zero-width marks,
line and paragraph separators, unassigned code points) is shown as ``?``, as ``ls`` shows such names; spaces, tabs
and line breaks become plain spaces, so one message stays one line.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\t\n\r\v\f]+")


def printable(text: str) -> str:
    """``text`` with every character that is not shown as itself replaced (see the module docstring)."""
    text = _SPACES.sub(" ", text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " if unicodedata.category(c) == "Zs" else "?" for c in text)
