"""A walk through the areas: the writer's steps, and the one it ends at.

"I started with grief. I moved to a role dispute. I ended at a role transition." tells how the writer's thinking
went: each step names an area, and only the last, the one the writer says it ended at ("ended at", "ended up with",
"landed on", "arrived at", "finally settled on"), is the decision. A verb of changing ("I moved to a dispute", "I
switched to a transition") decides when it is the answer's one change of mind ("I first thought of a dispute, but I
have changed it to a transition"); inside a walk of two steps or more it is one step, not the end. So a walk decides
nothing unless it says where it ended, and a walk that names another area after its end ("... I ended at a role
transition. Interpersonal deficits?") went on past it: it lists the areas, it has not settled on one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.domain import ProblemArea

#: Verbs of arriving at the end of the thinking ("I ended at", "I landed on", "I came down on").
ENDING_WORDS = frozenset({"ended", "end", "ends", "ending", "landed", "land", "lands", "landing", "arrived", "arrive",
                     "arrives", "finished", "finish", "concluded", "conclude", "settled", "settle", "settling", "came",
                     "come", "wound", "wind"})
#: Words between such a verb and the area ("ended up with", "came down on", "settled for").
_PARTICLES = frozenset({"at", "on", "with", "up", "upon", "for", "down", "to", "in", "a", "an", "the"})
#: Words of the writer before the verb: the subject and words of time ("I finally", "we eventually", "and then I").
_SUBJECT = frozenset({"i", "we", "id", "ive", "finally", "eventually", "then", "and", "so", "last", "lastly", "at",
                      "the", "in", "end"})
_WRITERS = frozenset({"i", "we", "id", "ive"})
#: Words that open a clause as the walk's next step ("Then a role transition.", "Next, deficits").
NEXT_WORDS = frozenset({"then", "next"})


def ends_at(before: list[str]) -> bool:
    """The words just ``before`` an area say the writer ended there: a verb of arriving, only particles between it
    and the area, and the writer (or nothing: "Ended up with a role transition") before it."""
    if ENDING_WORDS.isdisjoint(before):
        return False
    k = len(before) - 1
    while k >= 0 and before[k] in _PARTICLES:
        k -= 1
    if k < 0 or k == len(before) - 1 or before[k] not in ENDING_WORDS:
        return False
    if before[k] in {"came", "come", "wound", "wind"} and before[k + 1] not in {"down", "to", "up"}:
        return False  # "he came with a transition" is no end; "I came down on", "I wound up with" are
    subject = before[max(0, k - 3):k]
    return (not subject or not _WRITERS.isdisjoint(subject)) and all(t in _SUBJECT for t in subject)


def next_step(tokens: list[str], start: int) -> bool:
    """The clause opens as the walk's next step and names the area soon after ("Then a role transition", "then I
    moved to a dispute")."""
    return tokens[0] in NEXT_WORDS and start <= 4


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the writer's walk: where it names the area, the area, and how it moved there."""

    position: tuple[int, int]
    area: ProblemArea
    changed: bool  # a verb of changing ("moved to", "switched to")
    ended: bool  # a verb of arriving ("ended at", "landed on")


def undecided(steps: list[Step], later: list[tuple[int, ProblemArea]]) -> set[tuple[int, int]]:
    """The positions of the decisions that ``steps`` show to be steps of a walk, not its end (``later``: the clause
    and area of every area the answer asserts or weighs). A walk is two or more steps to different areas, one of
    them by a verb of changing or arriving: its changes are steps; its end decides unless another area is named
    after it."""
    if len({s.area for s in steps}) < 2 or not any(s.changed or s.ended for s in steps):
        return set()
    dropped = {s.position for s in steps if s.changed and not s.ended}
    ends = [s for s in steps if s.ended]
    if ends:
        end = max(ends, key=lambda s: s.position)
        if any(clause > end.position[0] and area != end.area for clause, area in later):
            dropped.update(s.position for s in ends)
    return dropped
