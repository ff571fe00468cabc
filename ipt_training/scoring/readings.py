"""Two formulations in one answer: an area committed to, with a plan, and then another, with a plan of its own.

"Role transition. Goals: mourn the old role, mastery. ... Actually the main problem is the conflict with Rosa,
so this is a role dispute and we should work on communication with her" gives two readings of the case. The
rubric marks it at half of the better reading on every criterion: the trainee has not formulated, but offered two
formulations. A label that contradicts a single argument ("Problem area: transition ... so the work really is
mourning her: go over the funeral") is one reading with the wrong name, and loses area credit only.

An answer is read as two formulations when the text splits where the second area is committed to, and each part
states its own plan (a goal or a strategy). Areas marked primary and secondary ("secondary: the dispute") are one
formulation with two foci, not two formulations.
"""

from __future__ import annotations

from dataclasses import replace

from ipt_training.domain import ProblemArea
from ipt_training.scoring.areas import AreaDecision, AreaReading, Reading
from ipt_training.text.matcher import Clauses, Match


def _commit_clause(reading: AreaReading, area: ProblemArea) -> int | None:
    position = reading.order.get(area) or reading.first.get(area)
    return None if position is None else position[0]


def _planned(plan_clauses: list[int], start: int, end: int) -> bool:
    return any(start <= c < end for c in plan_clauses)


#: Words that make a clause a plan: a heading ("Goals:", "Treatment:") or the writer's intent ("we should", "I'd
#: use", "help him", "work on").
_PLAN_WORDS = frozenset({"goal", "goals", "aim", "aims", "strategy", "strategies", "plan", "treatment", "should",
                         "would", "will", "d", "help", "use", "focus", "let", "want", "need", "needs", "work",
                         "working"})


def plan_clauses(plan: list[Match], prepared: Clauses) -> list[int]:
    """Clauses that state a plan: a goal or strategy phrase with a plan word in the clause or a heading just before
    it ("Goals: mourn the old role"), or "work on" with a plan word ("we should work on communication with Rosa")."""
    found = set()
    for m in plan:
        if m.negated or m.clause in found:
            continue
        tokens = prepared[m.clause]
        heading = prepared[m.clause - 1] if m.clause else []
        if not _PLAN_WORDS.isdisjoint(tokens) or (len(heading) <= 2 and not _PLAN_WORDS.isdisjoint(heading)):
            found.add(m.clause)
    for c, tokens in enumerate(prepared):
        if c not in found and "on" in tokens and not _PLAN_WORDS.isdisjoint(tokens):
            k = tokens.index("on")
            if k and tokens[k - 1] in {"work", "working", "focus", "focusing"}:
                found.add(c)
        elif c not in found and "working" in tokens and "through" in tokens:
            found.add(c)  # "working through his memories of her"
    return sorted(found)


def two_formulations(decision: AreaDecision, reading: AreaReading, plan: list[Match],
                     prepared: Clauses) -> AreaDecision | None:
    """The decision re-read as two formulations (contradiction, the later area as the alternative), or None.

    ``plan``: the answer's goal and strategy matches. A contradiction found by :mod:`areas` counts when both parts
    have a plan; two areas both asserted as the focus, the later one not marked secondary, are a contradiction
    when both parts have a plan ("This is grief ... we should help him mourn. Later: by convention this is a role
    transition, and the goals are ...").
    """
    primary = decision.primary
    if primary is None or decision.stuffing:
        return None
    if decision.contradiction:
        others = [a for a in (*decision.alternatives, decision.secondary) if a is not None and a != primary]
    elif decision.secondary is not None:
        second = decision.secondary
        if second in reading.secondary_marked or reading.best.get(second, Reading.MENTIONED) < Reading.ASSERTED:
            return None
        if second not in reading.free_choice or primary not in reading.free_choice:
            return None
        others = [second]
    else:
        return None
    if not others:
        return None
    planned = plan_clauses(plan, prepared)
    if len(planned) < 2:
        return None
    first = _commit_clause(reading, primary)
    for other in others:
        later = _commit_clause(reading, other)
        if first is None or later is None or later == first:
            continue
        split = max(first, later)
        if _planned(planned, 0, split) and _planned(planned, split, 1 << 30):
            return replace(decision, contradiction=True, secondary=None,
                           alternatives=tuple(dict.fromkeys([other, *decision.alternatives])))
    return None
