"""Visible checks in assignment grade cells: they say whether an answer is complete and well-formed, never
whether it is right.

A check reads the answer as the grader will (the same parsers, and the formulation builder's saved answers via
:func:`ipt_training.saved_answers.graded_values`) and prints one plain sentence. When the answer is missing or
malformed and the trainee is working in Jupyter (or pressing nbgrader's *Validate*), the sentence goes to
stderr: nbgrader counts a test cell that writes to stderr as failed, so *Validate* no longer says "Success" on
a blank assignment, and JupyterLab shows the message highlighted, without stopping *Run all*. During autograde
the checks only print (to stdout), so a malformed answer costs points only through the hidden tests, with an
explanation. A check returns a :class:`Check` (true when well-formed) that displays nothing.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ipt_training.domain import DisputeStage, ProblemArea

Namespace = Mapping[str, Any]
AREAS = tuple(a.value for a in ProblemArea)
STAGES = tuple(s.value for s in DisputeStage)
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])")
_PLACEHOLDER = re.compile(r"(?im)^\s*write (your answer|what) .*$")  # the release's "Write your answer here."


def without_placeholder(text: str) -> str:
    """``text`` without the answer template's placeholder lines ("Write your answer here.")."""
    return _PLACEHOLDER.sub("", text)


@dataclass(frozen=True)
class Check:
    """The outcome of one visible check: ``problem`` is ``None`` when the answer is complete and well-formed."""

    name: str
    problem: str | None = None

    def __bool__(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        return f"{self.name}: " + ("answer is complete and well-formed." if self else self.problem)

    def _ipython_display_(self) -> None:
        """Nothing to display: the check has printed its sentence already (no bare True/False in the cell)."""


def _trainee_is_working() -> bool:
    """True in a Jupyter kernel the trainee runs (or nbgrader's Validate), False while autograding."""
    if os.environ.get("NBGRADER_EXECUTION") == "autograde" or os.environ.get("IPT_GRADING_SANDBOX"):
        return False
    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


#: nbgrader's ``validate`` cuts every line of an error after 87 characters (its ``width`` less "..."), and one
#: long line lost the second and third problems of a formulation; the messages on stderr are wrapped before that.
VALIDATE_WIDTH = 80


def _report(name: str, problem: str | None) -> Check:
    check = Check(name, problem)
    if check or not _trainee_is_working():
        print(check.message)
    else:
        print(textwrap.fill(check.message, VALIDATE_WIDTH, break_long_words=False), file=sys.stderr)
    return check


def _letters(value: Any) -> list[str]:
    if isinstance(value, str):
        parts = value.replace(";", ",").split(",") if ("," in value or ";" in value) else list(value.replace(" ", ""))
    elif isinstance(value, Iterable):
        parts = list(value)
    else:
        parts = [value]
    return [str(p).strip().lower().strip("()") for p in parts if str(p).strip()]


def check_choice(namespace: Namespace, name: str, options: str, multiple: bool = False) -> Check:
    """``namespace[name]`` is one option letter (or, when ``multiple``, a list of them)."""
    value = namespace.get(name)
    allowed = ", ".join(options)
    if value is None or (multiple and not _letters(value)):
        return _report(name, f"not answered yet: choose {'one or more letters' if multiple else 'one letter'} "
                             f"from {allowed}.")
    if multiple:
        bad = [v for v in _letters(value) if v not in options]
        return _report(name, f"use letters from {allowed}; not an option: {', '.join(bad)}." if bad else None)
    ok = str(value).strip().lower().strip("()") in options and len(str(value).strip().strip("()")) == 1
    return _report(name, None if ok else f"answer with one letter from {allowed}.")


def check_mapping(namespace: Namespace, name: str, keys: Iterable[str], choices: Iterable[str]) -> Check:
    """``namespace[name]`` maps every key to one of the choices."""
    value = namespace.get(name)
    keys, choices = list(keys), list(choices)
    if not isinstance(value, Mapping):
        return _report(name, "should be a dictionary like the one in the answer cell.")
    given = {str(k).strip(): value[k] for k in value}
    blank = [k for k in keys if given.get(k) is None or not str(given.get(k)).strip()]
    bad = [k for k in keys if k not in blank and str(given[k]).strip().lower() not in choices]
    problems = []
    if blank:
        problems.append(f"not answered yet: {', '.join(blank)}")
    if bad:
        problems.append(f"use one of {', '.join(choices)} for: {', '.join(bad)}")
    return _report(name, "; ".join(problems) + "." if problems else None)


def check_text(namespace: Namespace, name: str, min_words: int = 10) -> Check:
    """``namespace[name]`` is text of at least ``min_words`` words (the template's placeholder does not count)."""
    value = namespace.get(name)
    if value is None:
        return _report(name, "not answered yet: write your answer as text in quotes.")
    if not isinstance(value, str):
        return _report(name, "should be text in quotes.")
    words = len(without_placeholder(value).split())
    if not words:
        return _report(name, "not answered yet: replace the placeholder with your own words.")
    return _report(name, None if words >= min_words else f"has {words} words; write at least {min_words}.")


def check_formulation(namespace: Namespace, suffix: str) -> Check:
    """The four answer variables of one formulation item, or the builder's saved answer, are complete and use
    values the grader recognises (values such as ``role_dispute`` or the builder's labels, e.g. "Role dispute")."""
    from ipt_training import saved_answers
    from ipt_training.choices import ChoiceNames, choice_problems
    from ipt_training.scoring.report import FormulationAnswer

    names = {field: f"{field}_{suffix}" for field in saved_answers.FIELDS}
    missing = [name for name in names.values() if name not in namespace]
    if missing:
        return _report(f"Formulation {suffix}", f"the answer variable(s) {', '.join(missing)} are not defined: run "
                                                "the answer cell (if it stops with an error, fix it), or restore it "
                                                "from the released notebook if it was deleted.")
    values, _ = saved_answers.graded_values({name: namespace[name] for name in names.values()})
    given = {field: values[name] for field, name in names.items()}
    parsed = FormulationAnswer.from_dict({**given, "text": given["formulation"] or ""})
    if all(value in (None, "") for value in given.values()):
        return _report(f"Formulation {suffix}", "not answered yet: use the builder above or fill in the variables.")
    problems = []
    for field, allowed, result in (("primary_area", AREAS, parsed.primary_area),
                                   ("secondary_area", AREAS, parsed.secondary_area),
                                   ("dispute_stage", STAGES, parsed.dispute_stage)):
        value = given[field]
        if value not in (None, "") and result is None:
            problems.append(f"{names[field]} is not one of {', '.join(allowed)}")
    problems += choice_problems(parsed.primary_area, parsed.secondary_area, parsed.dispute_stage,
                                ChoiceNames(names["primary_area"], names["secondary_area"], names["dispute_stage"]))
    if given["primary_area"] in (None, ""):
        problems.append(f"no primary area yet ({names['primary_area']} or the builder)")
    text = given["formulation"]
    if not isinstance(text, str) or len(text.split()) < 30:
        problems.append(f"{names['formulation']} should be your formulation, at least 30 words (in the variable "
                        "or the builder)")
    return _report(f"Formulation {suffix}", "; ".join(problems) + "." if problems else None)


def check_table(namespace: Namespace, name: str, columns: Iterable[str], rings: bool = False) -> Check:
    """``namespace[name]`` is a table (DataFrame or list of dicts) with ``columns`` and at least one row;
    with ``rings``, every ``closeness`` is inner, middle or outer."""
    value = namespace.get(name)
    columns = list(columns)
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        rows = [{str(k).strip().lower(): v for k, v in r.items()} for r in value.to_dict("records")]
        present = {str(c).strip().lower() for c in value.columns}
    elif isinstance(value, list) and all(isinstance(r, Mapping) for r in value):
        rows = [{str(k).strip().lower(): v for k, v in r.items()} for r in value]
        present = set().union(*(r.keys() for r in rows)) if rows else set()
    else:
        return _report(name, f"should be a table (DataFrame) with columns {', '.join(columns)}.")
    lacking = [c for c in columns if c not in present]
    if lacking:
        return _report(name, f"the table needs the column(s) {', '.join(lacking)}.")
    if not rows:
        return _report(name, "not answered yet: the table has no rows.")
    if rings:
        bad = [str(r.get("name", "?")) for r in rows if str(r.get("closeness", "")).strip().lower()
               not in ("inner", "middle", "outer")]
        if bad:
            return _report(name, f"closeness should be inner, middle or outer for: {', '.join(bad[:5])}.")
    if "date" in columns:
        bad = [str(r.get("date")) for r in rows if not _MONTH.match(str(r.get("date", "")).strip())]
        if bad:
            return _report(name, f"write dates as YYYY-MM (e.g. 2025-03); not a month: {', '.join(bad[:5])}.")
    return _report(name, None)


def check_month(namespace: Namespace, name: str) -> Check:
    """``namespace[name]`` is a month written ``YYYY-MM``."""
    value = namespace.get(name)
    if value is None or not str(value).strip():
        return _report(name, "not answered yet: write the month as YYYY-MM.")
    return _report(name, None if _MONTH.match(str(value).strip()) else "write the month as YYYY-MM (e.g. 2025-03).")


def check_coding(namespace: Namespace, name: str, dialogue_id: str) -> Check:
    """``namespace[name]`` codes every utterance of the dialogue with codes from the taxonomy (one code or a
    list), read by the grader's own parser."""
    from ipt_training.communication.coding import normalise_coding
    from ipt_training.communication.library import load_dialogue

    value = namespace.get(name)
    if not isinstance(value, Mapping):
        return _report(name, "should be a dictionary {utterance number: code}, like the one in the answer cell.")
    count = len(load_dialogue(dialogue_id, keys_dir=False).utterances)
    coded, notes = normalise_coding(value, count)
    blank = [str(n) for n in range(1, count + 1) if not coded.get(n)]
    problems = []
    if notes:
        problems.append(" ".join(n.replace("'", "") for n in notes))
    if blank:
        problems.append(f"not coded yet: utterance(s) {', '.join(blank)}")
    return _report(name, "; ".join(problems) if problems else None)
