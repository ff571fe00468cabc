"""Answer records: the values a grader read in the kernel, sent out so the grader can score them outside it.

A hidden test calls a grader (``grade_choice(..., globals(), "q1", ...)``) inside the trainee's kernel. Before
scoring, the grader publishes the answer variables it reads as a display output of MIME type
:data:`ANSWER_MIME`. After execution, :class:`ipt_training.grading.trusted.rescore.TrustedScores` re-runs
the same grader in the grading process on those values, with the instructor keys, and replaces the cell's
outputs with the result.
Only plain data crosses: a tagged JSON encoding of None, bool, int, float, str, list, tuple, set, dict and pandas
DataFrames; anything else arrives as its ``str()``. No pickle, so a record cannot run code in the grader.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

ANSWER_MIME = "application/vnd.ipt-answers+json"
MAX_RECORD_CHARS = 2_000_000
_MAX_DEPTH = 12
_MAX_ITEMS = 20_000


class RecordError(ValueError):
    """An answer record that cannot be read (damaged, forged badly, or too large)."""


class Opaque:
    """A value of a type the record cannot carry: graders see its text, as ``str(value)`` gave it in the kernel."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name, self.text = type_name, text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opaque) and (self.type_name, self.text) == (other.type_name, other.text)

    def __hash__(self) -> int:
        return hash((self.type_name, self.text))


class _Budget:
    def __init__(self) -> None:
        self.items = 0

    def spend(self) -> None:
        self.items += 1
        if self.items > _MAX_ITEMS:
            raise RecordError(f"the answer has more than {_MAX_ITEMS} parts")


def _safe_str(value: Any) -> str:
    try:
        return str(value)[:10_000]
    except Exception:  # a trainee's object may raise anything from __str__
        return f"<unprintable {type(value).__name__}>"


def encode(value: Any, depth: int = 0, budget: _Budget | None = None) -> Any:
    """A JSON-ready, type-tagged form of ``value`` (see the module docstring)."""
    budget = budget or _Budget()
    budget.spend()
    if depth > _MAX_DEPTH:
        raise RecordError("the answer is nested too deeply")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else {"$float": repr(float(value))}
    if isinstance(value, str):
        return str.__str__(value)
    if type(value).__name__ == "DataFrame" and hasattr(value, "columns") and hasattr(value, "itertuples"):
        columns = [encode(c, depth + 1, budget) for c in value.columns]
        rows = [[encode(v, depth + 2, budget) for v in row] for row in value.itertuples(index=False, name=None)]
        return {"$frame": {"columns": columns, "rows": rows}}
    if isinstance(value, Mapping):
        return {"$dict": [[encode(k, depth + 1, budget), encode(v, depth + 1, budget)] for k, v in value.items()]}
    for kind, tag in ((list, "$list"), (tuple, "$tuple"), (set, "$set"), (frozenset, "$set")):
        if isinstance(value, kind):
            return {tag: [encode(v, depth + 1, budget) for v in value]}
    if hasattr(value, "item") and callable(value.item) and type(value).__module__ == "numpy":
        try:
            return encode(value.item(), depth + 1, budget)  # numpy scalars
        except Exception:
            pass
    return {"$opaque": [type(value).__name__, _safe_str(value)]}


def decode(data: Any, depth: int = 0) -> Any:
    """The value :func:`encode` described (raises :class:`RecordError` on anything else)."""
    if depth > _MAX_DEPTH + 2:
        raise RecordError("the answer record is nested too deeply")
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if not isinstance(data, dict) or len(data) != 1:
        raise RecordError("unexpected value in the answer record")
    (tag, body), = data.items()
    if tag == "$float":
        return float(body)
    if tag in ("$list", "$tuple", "$set") and isinstance(body, list):
        items = [decode(v, depth + 1) for v in body]
        if tag == "$list":
            return items
        return tuple(items) if tag == "$tuple" else set(items)
    if tag == "$dict" and isinstance(body, list):
        return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in (_pair(p) for p in body)}
    if tag == "$frame" and isinstance(body, dict):
        import pandas as pd

        columns = [decode(c, depth + 1) for c in body.get("columns", [])]
        rows = [[decode(v, depth + 2) for v in row] for row in body.get("rows", [])]
        if any(len(row) != len(columns) for row in rows):
            raise RecordError("a table row does not match its columns")
        return pd.DataFrame(rows, columns=columns)
    if tag == "$opaque" and isinstance(body, list) and len(body) == 2:
        return Opaque(str(body[0]), str(body[1]))
    raise RecordError(f"unknown tag {tag!r} in the answer record")


def _pair(item: Any) -> tuple[Any, Any]:
    if not isinstance(item, list) or len(item) != 2:
        raise RecordError("a dictionary entry in the answer record is damaged")
    return item[0], item[1]


def _hashable(key: Any) -> Any:
    if isinstance(key, list):
        return tuple(_hashable(k) for k in key)
    if isinstance(key, set):
        return frozenset(key)
    if isinstance(key, dict):
        raise RecordError("a dictionary key cannot be a dictionary")
    return key


ABSENT = {"$absent": 1}  # the name is not defined in the notebook (e.g. its answer cell was deleted)


@dataclass
class Record:
    """The answers a grader read: values by name, names that were not defined, and values that could not travel."""

    values: dict[str, Any] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def unanswered(self) -> bool:
        """Nothing given: every name read is absent or :func:`is_blank`."""
        return all(name in self.absent or is_blank(self.values.get(name)) for name in [*self.values, *self.absent])


def is_blank(value: Any) -> bool:
    """No answer at all: None, blank text, an empty collection, a table without rows, or a template dictionary
    whose every entry is still empty (``{1: None, 2: None}``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if type(value).__name__ == "DataFrame" and hasattr(value, "empty"):
        return bool(value.empty)
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    return isinstance(value, list | tuple | set | frozenset) and not value


def record_payload(namespace: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """``{"names": {name: encoded value}}``; a name missing from ``namespace`` is recorded as :data:`ABSENT`."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name in names:
        if name not in namespace:
            values[name] = ABSENT
            continue
        try:
            values[name] = encode(namespace[name])
        except RecordError as exc:
            problems[name] = str(exc)
    payload: dict[str, Any] = {"version": 1, "names": values}
    if problems:
        payload["problems"] = problems
    return payload


def read_payload(payload: Any) -> Record:
    """The answers in a record (raises :class:`RecordError` if it is unusable)."""
    if isinstance(payload, str):
        if len(payload) > MAX_RECORD_CHARS:
            raise RecordError("the answer record is too large to grade")
        try:  # the kernel wrote it: nested thousands deep raises RecursionError
            payload = json.loads(payload)
        except (ValueError, RecursionError, MemoryError):
            raise RecordError("the answer record is damaged") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("names"), dict):
        raise RecordError("the answer record is damaged")
    try:
        size = len(json.dumps(payload))
    except (ValueError, RecursionError, MemoryError):
        raise RecordError("the answer record is damaged") from None
    if size > MAX_RECORD_CHARS:
        raise RecordError("the answer is too large to grade (over 2 million characters)")
    record = Record(problems={str(k): str(v) for k, v in (payload.get("problems") or {}).items()})
    for name, value in payload["names"].items():
        if value == ABSENT:
            record.absent.append(str(name))
        else:
            record.values[str(name)] = decode(value)
    return record


def in_grading_sandbox() -> bool:
    """True inside an autograde kernel started by the grading sandbox (where no keys are readable)."""
    import os

    return bool(os.environ.get("IPT_GRADING_SANDBOX"))


def record_answers(namespace: Mapping[str, Any], names: Iterable[str]) -> None:
    """Publish the answer values a grader is about to read (only inside an IPython kernel; a no-op elsewhere)."""
    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython

    if get_ipython() is None or not hasattr(get_ipython(), "kernel"):
        return
    from IPython.display import display

    payload = record_payload(namespace, list(names))
    text = json.dumps(payload)
    if len(text) > MAX_RECORD_CHARS:
        payload = {"version": 1, "names": {}, "problems": {n: "the answer is too large to grade" for n in names}}
    # An empty text/plain form keeps the record invisible wherever it is not consumed (JupyterLab, stock nbconvert).
    display({ANSWER_MIME: payload, "text/plain": ""}, raw=True)
