"""One plain line for a failure: its real cause, not the wrapper nbgrader or Python put around it.

nbgrader reports a failed step as ``NbGraderException: Please see the above traceback`` and keeps the real
error (say, ``FileNotFoundError: ... 'alembic'``) in its log; :func:`cause_from_log` digs it out.
"""

from __future__ import annotations

import re

_EXCEPTION_LINE = re.compile(r"^\s*(?:\[\w+\]\s*)?(?:[A-Za-z_]\w*\.)*(?P<name>[A-Z]\w*(?:Error|Exception|Exit|"
                             r"Interrupt|Failure))(?::\s*(?P<message>.*))?$")
_WRAPPERS = {"NbGraderException"}
_GENERIC = re.compile(r"please see the (the )?above traceback|^there was an error processing", re.I)
_ERRNO = re.compile(r"^(\[Errno \d+\]|\([\w.]+\))\s*")  # "[Errno 2] ...", SQLAlchemy's "(sqlite3.Error) ..."
_PROGRAM_MISSING = re.compile(r"No such file or directory: '(?P<program>[\w.-]+)'$")


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def plain_cause(name: str, message: str) -> str:
    """``FileNotFoundError``, ``[Errno 2] No such file ...: 'alembic'`` -> a sentence an instructor can act on."""
    message = _ERRNO.sub("", message.strip())
    missing = _PROGRAM_MISSING.search(message)
    if name == "FileNotFoundError" and missing:
        return (f"the program '{missing['program']}' was not found (it is installed with the course's Python "
                "packages; is their bin folder on PATH?)")
    return message or _words(name)


def cause_from_log(log: str) -> str | None:
    """The most specific error in an nbgrader log or traceback text (the last one that is not a wrapper)."""
    found = None
    for line in log.splitlines():
        match = _EXCEPTION_LINE.match(line)
        if not match or match["name"] in _WRAPPERS or _GENERIC.search(match["message"] or ""):
            continue
        found = plain_cause(match["name"], match["message"] or "")
    if found:
        return found
    errors = [re.sub(r"^\s*\[ERROR\]\s*", "", line).strip() for line in log.splitlines()
              if "[ERROR]" in line and not _GENERIC.search(re.sub(r"^\s*\[ERROR\]\s*", "", line))]
    return errors[-1] if errors else None


def failure_message(exc: BaseException) -> str:
    """The real cause of ``exc``: the innermost chained exception, in plain words."""
    inner = exc
    while (inner.__cause__ or inner.__context__) is not None and type(inner).__name__ in _WRAPPERS:
        inner = inner.__cause__ or inner.__context__  # type: ignore[assignment]
    text = str(inner)
    first = (text.strip().splitlines() or [""])[0]
    return cause_from_log(text) or plain_cause(type(inner).__name__, first)
