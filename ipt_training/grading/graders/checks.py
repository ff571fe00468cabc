"""Visible checks in assignment grade cells: they say whether an answer is well-formed, never whether it is right.

They only print (never raise), so a malformed answer costs points only through the hidden tests,
with an explanation, instead of crashing the cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ipt_training.domain import DisputeStage, ProblemArea

Namespace = Mapping[str, Any]
AREAS = tuple(a.value for a in ProblemArea)
STAGES = tuple(s.value for s in DisputeStage)


def _report(name: str, problem: str | None) -> bool:
    print(f"{name}: " + ("answer is well-formed." if problem is None else problem))
    return problem is None


def check_choice(namespace: Namespace, name: str, options: str, multiple: bool = False) -> bool:
    """``namespace[name]`` is one option letter (or a list of them when ``multiple``)."""
    value = namespace.get(name)
    allowed = set(options)
    if value is None:
        return _report(name, "not answered yet.")
    if multiple:
        letters = [value] if isinstance(value, str) else list(value) if isinstance(value, Iterable) else [value]
        bad = [v for v in letters if str(v).strip().lower() not in allowed]
        return _report(name, f"use a list of letters from {sorted(allowed)}; not recognised: {bad}" if bad else None)
    ok = str(value).strip().lower() in allowed
    return _report(name, None if ok else f"use one letter from {sorted(allowed)}.")


def check_mapping(namespace: Namespace, name: str, keys: Iterable[str], choices: Iterable[str]) -> bool:
    """``namespace[name]`` maps every key to one of the choices."""
    value = namespace.get(name)
    keys, choices = list(keys), set(choices)
    if not isinstance(value, Mapping):
        return _report(name, "should be a dictionary.")
    missing = [k for k in keys if k not in value]
    bad = {k: v for k, v in value.items() if str(v).strip().lower() not in choices}
    problem = None
    if missing or bad:
        problem = f"missing keys {missing}; values not in {sorted(choices)}: {bad}"
    return _report(name, problem)


def check_text(namespace: Namespace, name: str, min_words: int = 10) -> bool:
    """``namespace[name]`` is text of at least ``min_words`` words."""
    value = namespace.get(name)
    if not isinstance(value, str):
        return _report(name, "should be text in quotes.")
    words = len(value.split())
    return _report(name, None if words >= min_words else f"has {words} words; write at least {min_words}.")


def check_formulation(namespace: Namespace, suffix: str) -> bool:
    """The four answer variables of one formulation item are present and use recognised values."""
    from ipt_training import saved_answers

    problems = []
    values = saved_answers.with_saved(suffix, {f: namespace.get(f"{f}_{suffix}") for f in saved_answers.FIELDS})
    for field, allowed in (("primary_area", AREAS), ("secondary_area", AREAS), ("dispute_stage", STAGES)):
        name = f"{field}_{suffix}"
        if name not in namespace:
            problems.append(f"{name} is missing")
        elif values[field] not in (None, *allowed):
            problems.append(f"{name} should be None or one of {allowed}")
    text = values["formulation"]
    if not isinstance(text, str) or len(text.split()) < 30:
        problems.append(f"formulation_{suffix} should be text of at least 30 words")
    return _report(f"Formulation {suffix}", "; ".join(problems) or None)
