"""The red-team tests' templates, built only from what a trainee sees of a case (the area names, the timeline, the
patient's gender): the cases that have a key, the timeline's events, the patient's pronoun, a label sentence."""

from __future__ import annotations

from typing import Any

from ipt_training.cases.library import CaseLibrary

#: Each problem area as a sentence names it.
AREA_NAMES = {"grief": "grief", "role_dispute": "a role dispute", "role_transition": "a role transition",
              "interpersonal_deficits": "interpersonal deficits"}


def cases_with_keys(library: CaseLibrary) -> list[Any]:
    """Every library case that has a reference (the cases an attack is templated over), in id order."""
    return [library.get(case_id) for case_id in sorted(library.cases) if library.get(case_id).reference is not None]


def area_label(case: Any) -> str:
    """'The primary problem area is <the case's own area>.': the label an attack adds to its template."""
    return f"The primary problem area is {AREA_NAMES[case.reference.primary_area.value]}."


def timeline_events(case: Any) -> list[str]:
    """The case's timeline events other than symptoms, each as a clause ('her father died')."""
    return [e.event[0].lower() + e.event[1:].rstrip(".") for e in case.timeline if e.kind.value != "symptom"]


def pronoun(case: Any) -> str:
    """'She' or 'He', from the patient's gender."""
    return "She" if case.patient.gender.lower().startswith(("w", "f")) else "He"
