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


#: Strategies of no single area that the reference ties to some areas only: the therapeutic relationship is used
#: "mainly for deficits and disputes" (reference section 4); deficits has no acute event to link the onset to
#: (section 3.4), so the link is shown for the other three areas.
_GENERAL_STRATEGY_AREAS: dict[str, frozenset[ProblemArea]] = {
    "deficits.therapeutic_relationship": frozenset({ProblemArea.INTERPERSONAL_DEFICITS, ProblemArea.ROLE_DISPUTE}),
    "general.link_onset": frozenset({ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION}),
}
#: The deficits counterpart of linking the onset to an event.
_DEFICITS_ONSET = ("relate the episode to the long-standing pattern: check that no death, dispute or change explains "
                   "the onset")


def area_plan_table(area: ProblemArea) -> HTML:
    """Goals and strategies for one problem area, with the general ones that apply to it."""
    deficits = area is ProblemArea.INTERPERSONAL_DEFICITS
    general = [c for c in STRATEGIES.values()
               if c.area is None and area in _GENERAL_STRATEGY_AREAS.get(c.id, frozenset(ProblemArea))]
    own = [c.label for c in STRATEGIES.values() if c.area is area]
    if deficits:  # the deficits strategies of the reference: the therapeutic relationship is one of them
        own = [_DEFICITS_ONSET, *own, *(c.label for c in general if c.id == "deficits.therapeutic_relationship")]
        general = [c for c in general if c.id != "deficits.therapeutic_relationship"]
    rows = [["Goal", c.label] for c in GOALS.values() if c.area is area]
    rows += [["Strategy", label] for label in own]
    rows += [["General goal", c.label] for c in GOALS.values() if c.area is None]
    rows += [["General strategy", c.label] for c in general]
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
