"""Read-only reference tables for the lessons, built from :mod:`ipt_training.domain` and the scoring lexicon."""

from __future__ import annotations

from IPython.display import HTML

from ipt_training.cases.model import Case
from ipt_training.domain import (
    AREA_DEFINITIONS,
    AREA_LABELS,
    DISPUTE_STAGE_DEFINITIONS,
    NOT_IPT_TECHNIQUES,
    PHASE_SESSIONS,
    PHASE_TASKS,
    TECHNIQUES,
    Phase,
    ProblemArea,
)
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.widgets.render import html_table, vignette_html


def problem_areas_table() -> HTML:
    """The four problem areas with their course definitions."""
    rows = [[AREA_LABELS[a], AREA_DEFINITIONS[a]] for a in ProblemArea]
    return HTML(html_table("The four IPT problem areas", ["Area", "Definition"], rows))


def dispute_stages_table() -> HTML:
    """The three dispute stages with what they look like and the therapist's strategy."""
    rows = [[s.value.capitalize(), DISPUTE_STAGE_DEFINITIONS[s]] for s in DISPUTE_STAGE_DEFINITIONS]
    return HTML(html_table("Stages of a role dispute", ["Stage", "How it looks, and the strategy"], rows))


def techniques_table() -> HTML:
    """The IPT toolbox with course-written example wording."""
    rows = [[t.name, t.definition, f"“{t.example}”"] for t in TECHNIQUES]
    return HTML(html_table("IPT techniques", ["Technique", "Definition", "Example wording"], rows))


def not_ipt_table() -> HTML:
    """Techniques that are not part of IPT."""
    return HTML(html_table("Not part of IPT", ["Technique"], [[t] for t in NOT_IPT_TECHNIQUES]))


def phase_tasks_table(phase: Phase) -> HTML:
    """Therapist tasks of one phase, each with the reason it belongs there."""
    rows = [[t.description, t.why] for t in PHASE_TASKS if t.phase is phase]
    caption = f"{phase.value.capitalize()} phase ({PHASE_SESSIONS[phase]})"
    return HTML(html_table(caption, ["Task", "Why here"], rows))


def area_plan_table(area: ProblemArea) -> HTML:
    """Goals and area-specific strategies for one problem area (plus the general strategies)."""
    rows = [["Goal", c.label] for c in GOALS.values() if c.area is area]
    rows += [["Strategy", c.label] for c in STRATEGIES.values() if c.area is area]
    rows += [["General goal", c.label] for c in GOALS.values() if c.area is None]
    rows += [["General strategy", c.label] for c in STRATEGIES.values() if c.area is None]
    return HTML(html_table(f"{AREA_LABELS[area]}: goals and strategies", ["Kind", "What"], rows))


def vignette(case: Case) -> HTML:
    """The trainee-facing vignette of a case (never its reference)."""
    return HTML(vignette_html(case))


def communication_problems_table() -> HTML:
    """The taxonomy of communication problems, with each item's provenance (classic list or teaching extension)."""
    from ipt_training.communication.taxonomy import PROBLEMS

    rows = [[str(p.number), p.name, p.definition, p.example, p.provenance]
            for p in sorted(PROBLEMS.values(), key=lambda p: p.number)]
    return HTML(html_table("Communication problems", ["#", "Problem", "Definition", "Example", "Source"], rows))
