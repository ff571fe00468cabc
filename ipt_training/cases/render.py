"""A case as plain text (terminals) and as HTML (notebooks, where text wraps at word boundaries)."""

from __future__ import annotations

import textwrap
from html import escape

from ipt_training.cases.model import Case, EvidenceItem, ReferenceFormulation


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
        lines += ["", *_reference_lines(case.reference, width)]
    return "\n".join(lines)


def _wrapped(label: str, text: str, width: int, indent: str = "    ") -> list[str]:
    return textwrap.wrap(f"{label}{' '.join(text.split())}", width, subsequent_indent=indent, break_on_hyphens=False)


def _evidence_text(item: EvidenceItem, shown_cues: int = 5) -> str:
    """The item's plain sentence, else its hint and the first of its hand-written cues."""
    if item.text.strip():
        return item.text
    more = f", ... ({len(item.cues)} in all)" if len(item.cues) > shown_cues else ""
    return f"{item.hint} [cues: {'; '.join(item.cues[:shown_cues])}{more}]"


def _reference_lines(ref: ReferenceFormulation, width: int) -> list[str]:
    """The whole answer key as an instructor reads it: focus, alternatives, the evidence and link the scorer
    looks for, the goals and strategies by id and meaning, the rationale and the model formulation."""
    from ipt_training.cases.concepts import concept_rows

    meaning = {row["id"]: row["label"] for row in concept_rows()}
    lines = [f"Reference focus: {ref.primary_area.value}"
             + (f" + {ref.secondary_area.value}" if ref.secondary_area else "")
             + (f" (stage: {ref.dispute_stage.value})" if ref.dispute_stage else "")]
    for alt in ref.acceptable_alternatives:
        lines += _wrapped(f"Also accepted: {alt.area.value} at {alt.credit:g} of the area's credit: ", alt.reason,
                          width)
    lines.append("Key evidence:")
    for item in ref.key_evidence:
        lines += _wrapped(f"  - {item.id}: ", _evidence_text(item), width, indent="      ")
    link = ref.timeline_link
    lines += _wrapped(f"Timeline link ({link.id}): ", _evidence_text(link), width)
    lines += _wrapped("Goals: ", "; ".join(f"{g} ({meaning.get(g, '?')})" for g in ref.goals), width)
    lines += _wrapped("Strategies: ", "; ".join(f"{s} ({meaning.get(s, '?')})" for s in ref.strategies), width)
    lines += _wrapped("Rationale: ", ref.rationale, width, indent="")
    lines += ["Model formulation (said to the patient):"]
    lines += textwrap.wrap(" ".join(ref.formulation.split()), width, initial_indent="  ", subsequent_indent="  ",
                           break_on_hyphens=False)
    return lines


_TABLE = "border-collapse:collapse;margin:4px 0"
_CELL = "text-align:left;vertical-align:top;padding:2px 8px"


def _rows(rows: list[list[str]]) -> str:
    return "".join("<tr>" + "".join(f'<td style="{_CELL}">{escape(c)}</td>' for c in row) + "</tr>" for row in rows)


def case_as_html(case: Case) -> str:
    """The case as a trainee reads it in a notebook: prose wraps at word boundaries, the timeline and the
    inventory are tables. Never shows the reference (pass a case ``without_reference()``)."""
    p = case.patient
    parts = [f"<h4>{escape(case.id)}: {escape(case.title)}</h4>",
             f"<p><b>{escape(p.name)}</b>, {p.age}, {escape(p.gender)}. {escape(p.background)}. "
             f"<i>Setting: {escape(case.setting)}.</i></p>"]
    parts += [f"<p>{escape(' '.join(block.split()))}</p>" for block in case.vignette.strip().split("\n\n")]
    parts.append(f"<p><b>Symptom onset:</b> {escape(case.symptom_onset)}</p>")
    if case.timeline:
        events = [[e.date, e.kind.value.replace("_", " "), e.event]
                  for e in sorted(case.timeline, key=lambda e: e.date)]
        parts.append(f'<p><b>Timeline</b></p><table style="{_TABLE}">{_rows(events)}</table>')
    if case.inventory:
        people = [[person.name + (" (deceased)" if person.deceased else ""), person.relationship,
                   f"{person.closeness.value} circle", person.contact, person.expectations]
                  for person in case.inventory]
        parts.append(f'<p><b>Interpersonal inventory</b></p><table style="{_TABLE}">{_rows(people)}</table>')
    return f'<div class="ipt-case" style="line-height:1.5;max-width:60em">{"".join(parts)}</div>'


def show_case(case_id: str) -> None:
    """Show a case as a trainee sees it (never with its reference): HTML in a notebook, text in a terminal. A case
    of the instructor's own folders is read from the copy released beside the notebook (``cases/``); a case this
    copy of the course lacks is reported in one sentence on stderr, not as a traceback."""
    import sys

    from ipt_training.cases.released import CaseNotAvailable, assignment_case

    try:
        case = assignment_case(case_id)
    except CaseNotAvailable as exc:
        print(exc, file=sys.stderr)
        return
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is None:  # a terminal, not a notebook
        print(case_as_text(case))
        return
    display({"text/plain": case_as_text(case), "text/html": case_as_html(case)}, raw=True)
