"""Plain-text rendering of a case for terminals and notebooks."""

from __future__ import annotations

import textwrap

from ipt_training.cases.model import Case


def case_as_text(case: Case, width: int = 100) -> str:
    """The vignette, timeline and inventory as readable text (reference only if present on ``case``)."""
    p = case.patient
    lines = [f"{case.id}: {case.title}", f"{p.name}, {p.age}, {p.gender}. {p.background}. Setting: {case.setting}.", ""]
    lines += textwrap.wrap(" ".join(case.vignette.split()), width)
    lines += ["", f"Symptom onset: {case.symptom_onset}"]
    if case.timeline:
        lines.append("Timeline:")
        lines += [f"  {e.date}  [{e.kind.value}] {e.event}" for e in sorted(case.timeline, key=lambda e: e.date)]
    if case.inventory:
        lines += ["", "Interpersonal inventory:"]
    for person in case.inventory:  # empty when the inventory is the trainee's exercise
        mark = " (deceased)" if person.deceased else ""
        lines.append(f"  - {person.name}{mark}, {person.relationship} [{person.closeness.value} circle]; "
                     f"contact: {person.contact}; expects: {person.expectations}")
    if case.reference is not None:
        ref = case.reference
        lines += ["", f"Reference focus: {ref.primary_area.value}"
                  + (f" + {ref.secondary_area.value}" if ref.secondary_area else "")
                  + (f" (stage: {ref.dispute_stage.value})" if ref.dispute_stage else "")]
        lines += textwrap.wrap("Rationale: " + ref.rationale, width)
    return "\n".join(lines)


def show_case(case_id: str) -> None:
    """Print a case as a trainee sees it (never with its reference)."""
    from ipt_training.cases.library import CaseLibrary

    print(case_as_text(CaseLibrary.load(keys_dir=False).get(case_id).without_reference()))
