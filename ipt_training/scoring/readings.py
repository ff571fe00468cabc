"""Two formulations in one answer: an area committed to, with a plan, and then another, with a plan of its own.

"Role transition. Goals: mourn the old role, mastery. ... Actually the main problem is the conflict with Rosa,
so this is a role dispute and we should work on communication with her" gives two readings of the case. The
rubric marks it at half of the better reading on every criterion: the trainee has not formulated, but offered two
formulations. A label that the text itself turns from to a single argument ("Problem area: transition ... so the
work really is mourning her: go over the funeral") is marked the same way since round 9, as the rubric of sets G-J
says (see :mod:`ipt_training.scoring.formulation`; the gold set's examiner halved only its area); a field choice that
a text keeping to one area does not share loses area credit only.

An answer is read as two formulations when the text splits where the second area is committed to, and each part
states its own plan (a goal or a strategy), or when it opens by saying what the case is ("This is a role transition
for Tobias") and then labels another area its problem area ("PA: role dispute with Karin"), with no word of a turn,
an addition or a later phase, whichever part holds the plan. Areas marked primary and secondary ("secondary: the
dispute"), or a second focus added to the first ("this is also a dispute"), are one formulation with two foci, not
two formulations.
"""

from __future__ import annotations

from dataclasses import replace

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.areas import AreaDecision, AreaReading, Reading
from ipt_training.scoring.lexicon import HEDGE_BEFORE
from ipt_training.scoring.plain_plan import CONCEPT_AREA
from ipt_training.text.matcher import Clauses, Match
from ipt_training.text.normalize import QUESTION


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
                     prepared: Clauses, *, from_text: bool = True) -> AreaDecision | None:
    """The decision re-read as two formulations (contradiction, the later area as the alternative), or None.

    ``plan``: the answer's goal and strategy matches. A contradiction found by :mod:`areas` counts when both parts
    have a plan; two areas both asserted as the focus, the later one not marked secondary, are a contradiction
    when both parts have a plan ("This is grief ... we should help him mourn. Later: by convention this is a role
    transition, and the goals are ..."). With ``from_text`` (no area ticked in a field), or in an answer that turns
    from one area to the other, one plan that names goals or strategies of both areas the text commits to is two
    formulations as well; so is a turn that comes back to the first area ("PA: grief ... However the real problem
    is a role dispute with Marat; goals: ... Work on grief for her father").
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
    if not planned:
        return None
    served = _served(plan, set(planned))
    first = _commit_clause(reading, primary)
    for other in others:
        later = _commit_clause(reading, other)
        if first is None or later is None or later == first:
            continue
        if not _PHASE_WORDS.isdisjoint(prepared[later]):
            continue  # a later phase or a condition ("in the final phase we will work on the transition")
        split = max(first, later)
        in_parts = _planned(planned, 0, split) and _planned(planned, split, 1 << 30)
        # Or one plan with goals of both areas ("Goals: mourn her mother, and reduce isolation"), both areas
        # committed to in the text.
        pair = {primary, other}
        # (An answer that turns from one area to the other counts its plan so whatever the field says: "PA: grief ...
        # so really the focus should be the transition. Goals: mourn the old mother role. Strategies: go over the
        # events of his death".)
        both = (from_text or decision.contradiction) and all(
            any(areas & pair == {a} for areas in served) for a in pair) and all(
            reading.best.get(a, Reading.MENTIONED) >= Reading.ASSERTED for a in (primary, other))
        if in_parts or both or _relabelled(decision, reading, other, prepared) or (
                decision.contradiction and _returns(reading, prepared, plan, primary, other)):
            return replace(decision, contradiction=True, secondary=None,
                           alternatives=tuple(dict.fromkeys([other, *decision.alternatives])))
    return None


def plan_for_rejected(decision: AreaDecision, reading: AreaReading, plan: list[Match],
                      prepared: Clauses) -> AreaDecision | None:
    """A turned answer whose whole plan serves the area it first asserted and then rejected ("Role dispute with Nat,
    stage renegotiation: ... I don't think this is really a dispute: ... the focus should be a role transition.
    Goal: improve communication with Nat"): the plan keeps the reading the text gave up, so the answer holds two
    formulations (each with something of its own: the argument and plan of one, the choice of the other). None
    when the plan serves the area chosen as well, or no area was asserted before it was rejected."""
    primary = decision.primary
    if primary is None or not decision.contradiction or decision.stuffing:
        return None
    dropped = [a for a in decision.alternatives if a in reading.rejected
               and reading.best.get(a, Reading.MENTIONED) >= Reading.ASSERTED]
    if not dropped:
        return None
    planned = plan_clauses(plan, prepared)
    if not planned:
        return None
    served = {a for areas in _served(plan, set(planned)) if len(areas) == 1 for a in areas if a is not None}
    if not served or primary in served or not served <= set(dropped):
        return None
    return replace(decision, secondary=None)


def _returns(reading: AreaReading, prepared: Clauses, plan: list[Match], first_area: ProblemArea,
             second_area: ProblemArea) -> bool:
    """One area is committed to, the answer turns to the other, and then commits to the first again ("PA: grief ...
    However the real problem is a role dispute with Marat; goals: ... Work on grief for her father"): it holds both,
    whichever it names first. (An area word inside a goal, "Goals: reduce social isolation", is no return.)"""
    for a, b in ((first_area, second_area), (second_area, first_area)):
        start, turn, last = _commit_clause(reading, a), _commit_clause(reading, b), reading.last.get(a)
        if start is None or turn is None or last is None:
            continue
        back, at = last
        if (start < turn < back and reading.last.get(b, (turn, 0))[0] < back and not subordinate(prepared, back)
                and _ADDING.isdisjoint(prepared[back]) and _PHASE_WORDS.isdisjoint(prepared[back])
                and not any(m.clause == back and m.start <= at <= m.end for m in plan)):
            return True
    return False


#: Words that add a focus to the one named rather than replace it ("this is also a transition").
_ADDING = frozenset({"also", "too", "both", "well", "additionally", "plus", "another", "second", "further"})


def _relabelled(decision: AreaDecision, reading: AreaReading, other: ProblemArea, prepared: Clauses) -> bool:
    """The answer opens by asserting one area as what the case is, then labels another as its problem area, without
    a word of change of mind, addition or phase ("This is a role transition for Tobias ... PA: role dispute with
    Karin ... Goals: ..."): two formulations, whichever part holds the plan. (Two areas chosen, the second added to
    the first, are one formulation with two foci.)"""
    primary = decision.primary
    if primary is None:
        return False  # no label to compare with
    first = _commit_clause(reading, other)
    label = _commit_clause(reading, primary)
    return (not decision.contradiction and first is not None and label is not None and first < label
            and reading.best.get(primary) is Reading.CHOSEN
            and _ADDING.isdisjoint(prepared[first]) and _ADDING.isdisjoint(prepared[label])
            and not subordinate(prepared, first) and not subordinate(prepared, label))


def _served(plan: list[Match], clauses: set[int]) -> list[set[ProblemArea | None]]:
    """For each goal or strategy phrase of the plan sentences, the areas it can serve ("reduce isolation": deficits;
    "mourn her mother": a death or an old role)."""
    spans: dict[tuple[int, int, int], set[ProblemArea | None]] = {}
    for m in plan:
        if not m.negated and m.clause in clauses:
            spans.setdefault((m.clause, m.start, m.end), set()).add(CONCEPT_AREA.get(m.concept))
    return list(spans.values())


_STAGE_LABELS = ("impass", "dissol", "renegot", "re-negot")
_LABEL_FRAME = frozenset({"stage", "in", "at", "is", "of", "phase", "now", "reached", "reaches"})
_NOT_A_CHOICE = HEDGE_BEFORE | frozenset({"or", "past", "beyond", "than", "not", "no", "sure", "towards", "toward",
                                          "heading", "becoming", "risk"})


def stage_names(stage_matches: list[Match], prepared: Clauses) -> list[Match]:
    """The matches that name a stage by its name ("dissolution", "at an impasse", "renegotiation"), in any frame
    ("role dispute with Paula, dissolution"), not by a description ("they no longer talk")."""
    return [m for m in stage_matches if not m.negated and prepared[m.clause][m.start].startswith(_STAGE_LABELS)]


def stage_label_matches(stage_matches: list[Match], prepared: Clauses) -> list[tuple[DisputeStage, Match]]:
    """Each dispute stage an answer names as the stage ("stage impasse", "so this is dissolution", "at an impasse",
    "in renegotiation") with the match that names it, in text order; descriptions ("they no longer talk") are not
    labels."""
    found: list[tuple[DisputeStage, Match]] = []
    for m in stage_matches:
        if m.negated:
            continue
        tokens = prepared[m.clause]
        if not tokens[m.start].startswith(_STAGE_LABELS):
            continue
        near = tokens[max(0, m.start - 3):m.start] + tokens[m.end + 1:m.end + 2]
        if m.start == 0 and m.clause and len(prepared[m.clause - 1]) <= 2 and "stage" in prepared[m.clause - 1]:
            near = ["stage"]  # under a heading: "Stage: renegotiation"
        after = tokens[m.end + 1:m.end + 3]
        # "an impasse rather than dissolution" chooses the impasse over the stage after it
        around = tokens[max(0, m.start - 6):m.start] + ([] if after == ["rather", "than"] else after)
        if _LABEL_FRAME.isdisjoint(near) or not _NOT_A_CHOICE.isdisjoint(around):
            continue  # "whether it is at impasse or dissolution", "this is past renegotiation or impasse"
        found.append((DisputeStage(m.concept.partition(":")[2]), m))
    return found

#: Words that put a claim in another phase, a condition, a possibility or a subordinate place: such a clause does
#: not commit the answer to a second formulation ("later we may work on the dispute", "within the transition").
_SUBORDINATE = frozenset({"later", "afterwards", "eventually", "subsequently", "within", "alongside", "secondary",
                          "if", "unless", "once", "whether", "future", "phase", "might", "could", "maybe", "perhaps",
                          "possibly", "possible", "consider", "considered", "tempting"})
#: A clause that opens with one of these is a condition or a later phase, and the clause after it is its consequence
#: ("If the conflict grows, | we would treat it as a dispute").
_CONDITION_OPENERS = frozenset({"if", "once", "unless", "should", "whether", "eventually", "afterwards"})
_SPANS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "much"})
#: A phase of treatment or a condition named in the clause that commits to a second area: a plan for later, not a
#: second formulation ("Later:" alone may only mean later in the answer).
_PHASE_WORDS = frozenset({"phase", "if", "unless", "once", "eventually", "afterwards", "subsequently", "whether",
                          "future"})


def subordinate(prepared: Clauses, clause: int) -> bool:
    """Whether a clause puts what it says in another phase, a condition or a possibility, itself or as the
    consequence of the condition just before it ("later" after a span of time dates an event: "two months
    later")."""
    tokens = prepared[clause]
    if tokens and tokens[-1] == QUESTION:
        return True
    if clause and prepared[clause - 1][:1] and prepared[clause - 1][0] in _CONDITION_OPENERS:
        return True
    if _SUBORDINATE.isdisjoint(tokens):
        return False
    return any(t in _SUBORDINATE and (t != "later" or k == 0 or tokens[k - 1] not in _SPANS)
               for k, t in enumerate(tokens))
