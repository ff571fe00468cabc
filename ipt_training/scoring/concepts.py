"""Goals and strategies named in an answer, each credited for the area it serves in context.

Many phrases serve more than one area: "reconnect with friends" is re-investment after a death and a new
support network after a transition; "the good and the bad" is reconstructing the relationship with the deceased
and reviewing the old and the new role. A phrase is one *finding* with several candidate concepts (a general technique
named inside a phrase of one area, "practise those conversations", stays one of them), and it is credited for one
of them:

0. what the phrase is *about*, where its words serve a death and a change of role alike ("mourn", "the good and
   the bad"): the words after it name a role, a job, a place or a way of life ("the mill years", "his chef role")
   or a person ("her", "his brother", a name of the case), and the phrase serves the transition or grief
   accordingly, whichever area the answer chose (mourning the wife one still has is not mourning an old role);
1. a candidate the reference expects (the phrase describes a reference item in this case) of the area the answer
   chose or a general one, one of them only: a phrase is one item of the plan, however many items it could name;
2. else a candidate of the area the answer chose (a phrase of a grief plan serves the grief the answer argues,
   not the transition the reference expects);
3. else a candidate the reference expects; else a general IPT concept; else every candidate.

Only *unambiguous* findings (every candidate of one area) show which areas an answer draws on, so keyword
stuffing is goals or strategies specific to three or more areas, and the feedback quotes those phrases.

Reasoning counts as well as vocabulary: stating that the onset followed the event links onset to the event;
naming the dispute and its right stage, with reasons, identifies it; and two or more strategies specific
to the chosen area imply that area's goals (talking through the death, the guilt and the funeral is helping the
patient mourn). A formulation told to the patient often says the work it proposes and leaves the aims unsaid ("we
will talk about what the school gave you and what you don't miss"): where it names no aim of the area, one strategy
of the area that its plan proposes implies the goal that strategy serves.
A credited concept of an area the answer did not choose is *inconsistent* and earns half.

Another therapy's technique ("thought records", "graded exposure", lexicon ``NON_IPT_TECHNIQUES``) earns nothing, and
the IPT cue words inside its phrase go with it (:func:`outside_techniques`): "balanced" in "balanced thoughts" is no
review of the old and new role. IPT strategies named next to it keep their credit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from ipt_training.domain import ProblemArea
from ipt_training.scoring.lexicon import GOALS, NON_IPT_TECHNIQUES, STRATEGIES, Concept
from ipt_training.text.matcher import Clauses, Match

_MIN_STRATEGIES_FOR_GOALS = 2
#: The goal each area-specific strategy works towards (reference section 3): going over the death, the relationship
#: and the forbidden feelings is mourning; reviewing the old and new role and the feelings about the change mourn the
#: old role; practising the new role's skills is mastery; clarifying expectations identifies a dispute, weighing the
#: options plans for it, changing how the two communicate resolves it; social skills make relationships and graded
#: steps reduce isolation. A strategy without a goal of its own here (a new support network, a review of past
#: relationships) implies none.
SERVES: dict[str, str] = {
    "grief.reconstruct": "grief.mourn", "grief.events_of_death": "grief.mourn",
    "grief.forbidden_feelings": "grief.mourn",
    "transition.review_old_new": "transition.mourn_old", "transition.feelings_about_change": "transition.mourn_old",
    "transition.new_skills": "transition.mastery",
    "dispute.stage": "dispute.identify", "dispute.expectations": "dispute.identify",
    "dispute.options": "dispute.plan", "dispute.patterns": "dispute.resolve",
    "deficits.social_skills": "deficits.new_relationships", "deficits.graded_contact": "deficits.reduce_isolation",
}
#: The goal a general technique works toward in an area (reference sections 3 and 4): in a dispute, taking an
#: argument apart step by step and rehearsing the next conversation change faulty communication, and weighing the
#: options leads to a plan of action; in grief, and in mourning an old role, helping the patient express the feelings
#: is the mourning; in deficits, rehearsing conversations builds the skills for new relationships.
TECHNIQUE_SERVES: dict[tuple[ProblemArea, str], str] = {
    (ProblemArea.ROLE_DISPUTE, "general.communication_analysis"): "dispute.resolve",
    (ProblemArea.ROLE_DISPUTE, "general.role_play"): "dispute.resolve",
    (ProblemArea.ROLE_DISPUTE, "general.decision_analysis"): "dispute.plan",
    (ProblemArea.GRIEF, "general.encourage_affect"): "grief.mourn",
    (ProblemArea.ROLE_TRANSITION, "general.encourage_affect"): "transition.mourn_old",
    (ProblemArea.INTERPERSONAL_DEFICITS, "general.role_play"): "deficits.new_relationships",
}
#: What the answer's reading, not its plan, earns: the onset linked, the stage named.
_NOT_A_PLAN = frozenset({"general.link_onset", "dispute.stage"})
_MIN_CONCEPTS_PER_AREA = 2


class Finding(NamedTuple):
    """One phrase of the answer (clause and token span) and the concepts it could name (a named tuple: an answer
    has dozens and they are made on the hot path)."""

    clause: int
    start: int
    end: int
    candidates: tuple[str, ...]
    areas: frozenset[ProblemArea | None]

    def phrase(self, prepared: Clauses) -> str:
        return " ".join(prepared[self.clause][self.start:self.end + 1])


@dataclass
class ConceptReading:
    """Goals and strategies credited, with what the answer draws on and any inconsistency."""

    goals: set[str] = field(default_factory=set)
    strategies: set[str] = field(default_factory=set)
    #: area -> unambiguous findings specific to that area
    area_findings: dict[ProblemArea, list[Finding]] = field(default_factory=dict)
    #: credited concepts that serve an area the answer did not choose
    inconsistent: set[str] = field(default_factory=set)
    #: the answer's own words for each of those concepts, where a phrase of the answer named it (not a plain frame)
    inconsistent_words: dict[str, str] = field(default_factory=dict)

    @cached_property
    def drawn_on(self) -> set[ProblemArea]:
        """Areas the plan really draws on: two or more distinct concepts specific to the area (worked out once, when
        first asked, after :func:`read_concepts` has filled :attr:`area_findings`)."""
        return {a for a, found in self.area_findings.items()
                if len({c for f in found for c in f.candidates}) >= _MIN_CONCEPTS_PER_AREA}

    @property
    def stuffing(self) -> bool:
        return len(self.drawn_on) >= 3

    def phrases(self, area: ProblemArea, prepared: Clauses) -> list[str]:
        return [f.phrase(prepared) for f in self.area_findings.get(area, [])]


def _findings(matches: list[Match], table: dict[str, Concept], size: int) -> list[Finding]:
    """Group overlapping matches into findings; the longest match of a group wins.

    A finding's candidates are the concepts whose cue covers the whole longest span ("mourn his old role" is
    the old role, not grief; "the good and the bad" stays ambiguous).
    """
    spans = [(m.clause, m.start, m.end, m.concept[size:]) for m in matches if not m.negated]
    spans.sort()
    if len(spans) > 1:
        spans = _nearest(spans)
    groups: list[list[tuple[int, int, int, str]]] = []
    clause, end = -1, -1
    for span in spans:
        if groups and span[0] == clause and span[1] <= end:
            groups[-1].append(span)
            end = max(end, span[2])
        else:
            groups.append([span])
            clause, end = span[0], span[2]
    findings = []
    for group in groups:
        if len(group) > 1:
            # A phrase that runs past the longest one is a phrase of its own ("graded contact, practise social
            # skills": a cue that reaches over the comma does not swallow the next item of the list).
            longest = max(s[2] - s[1] for s in group)
            top = next(s for s in group if s[2] - s[1] == longest)
            rest = [s for s in group if s[2] > top[2] and s[1] > top[1]]
            if rest:
                group = [s for s in group if s not in rest]
                groups.append(rest)
        if len(group) == 1:  # most phrases match one cue only
            first = group[0]
            if first[3] not in table:
                continue
            candidates: tuple[str, ...] = (first[3],)
        else:
            longest = max(s[2] - s[1] for s in group)
            best = [s for s in group if s[2] - s[1] == longest]
            first = best[0]
            # A phrase of two or more words that ends where the longest one does names the same thing ("practise
            # social skills": the new role's skills, or social skills), so it stays a candidate (one word does not:
            # "facilitate mourning" is grief's phrase, not "mourning" of the old role).
            best += [s for s in group if s[2] == first[2] and 0 < s[2] - s[1] < longest]
            candidates = tuple(dict.fromkeys(s[3] for s in best if s[3] in table))
            if not candidates:
                continue
            # A general technique named inside a phrase of one area ("practise" in "practise those conversations")
            # is that technique in any area: it stays a candidate, so it is credited where the case expects it.
            candidates += tuple(dict.fromkeys(s[3] for s in group if s[3] in table and s[3] not in candidates
                                              and table[s[3]].area is None))
        areas = _AREAS.get(candidates)
        if areas is None:
            areas = _AREAS[candidates] = frozenset(table[c].area for c in candidates)
        findings.append(_new_finding(Finding, (first[0], first[1], first[2], candidates, areas)))
    return findings


def _nearest(spans: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """``spans`` (sorted) less a cue read with a gap that begins inside the phrase before it, where the same cue ends
    at the same word without the gap: "review old vs new, build new supports" reads "new supports", not "new build new
    supports", which would swallow "old vs new" (the nearer reading is the phrase). A gapped reading that begins no
    other phrase's words ("mourn her old role") stays the phrase."""
    latest: dict[tuple[int, int, str], int] = {}
    for clause, start, end, concept in spans:
        latest[clause, end, concept] = start  # (sorted: the last one seen starts nearest)
    if len(latest) == len(spans):
        return spans
    return [span for span in spans if latest[span[0], span[2], span[3]] == span[1] or not any(
        other[0] == span[0] and other[1] < span[1] <= other[2] < span[2] for other in spans)]


_new_finding = tuple.__new__  # Finding(...) through its Python-level __new__ costs more than the hot path allows

#: candidate concepts -> the areas they serve (goal and strategy ids never coincide)
_AREAS: dict[tuple[str, ...], frozenset[ProblemArea | None]] = {}


_LOSS_AREAS = frozenset({ProblemArea.GRIEF, ProblemArea.ROLE_TRANSITION})
#: What a phrase of mourning or review is about: a role, a job, a place or a way of life (the transition) ...
_ROLE_OBJECTS = frozenset({"role", "roles", "job", "jobs", "work", "career", "life", "identity", "team", "home",
                           "house", "country", "city", "town", "position", "status", "mill", "business", "retirement",
                           "years", "days", "routine", "routines", "kitchen", "restaurant", "shop", "office", "post",
                           "profession", "farm", "workshop", "touring", "driving", "old", "former", "previous"})
#: ... or a person (grief): a pronoun or a word of kinship right after the phrase ("mourn her", "his brother").
_PERSON_OBJECTS = frozenset({"him", "her", "them", "wife", "husband", "partner", "mother", "father", "mum", "dad",
                             "mom", "brother", "sister", "son", "daughter", "grandmother", "grandfather", "aunt",
                             "aunty", "uncle", "cousin", "friend", "niece", "nephew", "person", "deceased", "baby"})
_OBJECT_REACH = 5


#: Words that end what a phrase is about: the next item of the plan begins ("mourning, then rebuilding her life").
_NEXT_ITEM = frozenset({"then", "later", "also", "and", "while", "before", "after", "so"})


def _about(finding: Finding, prepared: Clauses, people: frozenset[str],
           spans: dict[int, list[Finding]]) -> ProblemArea | None:
    """The area a phrase shared by grief and the transition serves, read from the words that follow it up to the
    next item of the plan: a role or a way of life is the transition's, a person grief's; None when they name
    neither."""
    stop = min((f.start for f in spans.get(finding.clause, ()) if f.start > finding.end),
               default=finding.end + 1 + _OBJECT_REACH)
    after = prepared[finding.clause][finding.end + 1:min(stop, finding.end + 1 + _OBJECT_REACH)]
    for k, word in enumerate(after):
        if word in _NEXT_ITEM and (k or word != "and"):
            # "mourn and accept" is one item; "mourn it, and then ..." two, and so are "what she has lost, then help
            # her ..." (the "her" after "then" is the patient helped, not the one mourned)
            after = after[:k]
            break
    # A role named beats a person ("mourn her old working self"); a person alone is grief ("mourn the Carmen from
    # before the stroke").
    if not _ROLE_OBJECTS.isdisjoint(after):
        return ProblemArea.ROLE_TRANSITION
    if not _PERSON_OBJECTS.isdisjoint(after) or not people.isdisjoint(after):
        return ProblemArea.GRIEF
    return None


def _resolve(finding: Finding, table: dict[str, Concept], expected: set[str], chosen: set[ProblemArea],
             nearby: set[ProblemArea], about: ProblemArea | None = None) -> tuple[str, ...]:
    if len(finding.candidates) == 1:
        return finding.candidates
    known = finding.candidates
    if about is not None:
        known = tuple(c for c in known if table[c].area is about or table[c].area is None) or known
    for pick in ([c for c in known if c in expected and (table[c].area in chosen or table[c].area is None)],
                 [c for c in known if table[c].area in nearby], [c for c in known if table[c].area in chosen],
                 [c for c in known if c in expected], [c for c in known if table[c].area is None]):
        if pick:
            return tuple(pick)
    return known


def _one_item(picked: tuple[str, ...], table: dict[str, Concept], expected: set[str]) -> tuple[str, ...]:
    """One phrase is one item of the plan: where it could name two items the reference expects ("practise" is
    role play and social-skills practice), it is credited for one of them, the one of an area before a general
    technique."""
    hits = [c for c in picked if c in expected]
    if len(hits) < 2:
        return picked
    return (min(hits, key=lambda c: table[c].area is None),)


def _spans(findings: list[Finding]) -> dict[int, list[Finding]]:
    by_clause: dict[int, list[Finding]] = {}
    for f in findings:
        by_clause.setdefault(f.clause, []).append(f)
    return by_clause


def _absorbed(finding: Finding, spans: dict[int, list[Finding]]) -> bool:
    """Whether a phrase of the other kind covers ``finding``: longer, or the same words read for another area."""
    for f in spans.get(finding.clause, ()):
        if f.start <= finding.start and finding.end <= f.end and (
                f.end - f.start > finding.end - finding.start or f.areas != finding.areas):
            return True
    return False


_BE = frozenset({"is", "are", "was", "were", "been", "s", "still", "not"})
_SUBJECTS = frozenset({"he", "she", "they", "you", "i", "we", "patient", "client"})


def _reported(match: Match, prepared: Clauses, people: frozenset[str]) -> bool:
    """A goal word that reports what a person did or is doing, not what the plan will do: a lone past form ("he
    mourned him", "she grieved at the time", "resolved grief") or a person's state ("Amaru is grieving", "she is
    still mourning"; "the goal is mourning" stays a goal)."""
    if match.start != match.end:
        return False
    tokens = prepared[match.clause]
    if tokens[match.start].endswith("ed"):
        return True
    before = tokens[max(0, match.start - 3):match.start]
    return bool(before) and before[-1] in _BE and any(t in _SUBJECTS or t in people for t in before[:-1])


def outside_techniques(matches: list[Match], techniques: list[Match], prepared: Clauses) -> list[Match]:
    """``matches`` (goals or strategies) less those inside the phrase of a technique of another therapy, or
    overlapping it ("weigh up" in "weigh up the evidence for and against the thought", "small steps" in "an activity
    schedule in small steps"); a technique said not to be used takes its words with it as well. A technique
    proposed (not negated) also takes what its clause goes on to use it for ("thought records to look at what he lost
    and what the new city could offer"): see :func:`before_techniques`."""
    spans = [(t.clause, t.start, t.end) for t in techniques]
    cut = _cuts(prepared, techniques)
    return [m for m in matches if not any(c == m.clause and s <= m.end and m.start <= e for c, s, e in spans)
            and not (m.clause in cut and m.end > cut[m.clause])]


#: Words after a technique that say what it is used for ("thought records to look at ...", "worksheets on what he
#: lost", "an activity schedule so that ..."), and words before one that make it the means of what follows ("using
#: graded exposure, he will build contacts", "for homework, fill in ...").
_PURPOSE = frozenset({"to", "on", "about", "for", "so", "in", "of", "that", "which", "where", "around"})
_MEANS = frozenset({"using", "use", "through", "via", "by", "with", "for"})
_PURPOSE_REACH = 2


#: "Homework" alone names a task between sessions, not a method: "for homework she will try the conversation we
#: rehearsed in role play" plans IPT work (reference section 7: such tasks are agreed with the patient), so the word
#: takes nothing after it with it; a worksheet does.
_TASK_WORD = "technique:other.homework"


def _cuts(prepared: Clauses, techniques: list[Match]) -> dict[int, int]:
    """Clause -> the first token of a technique of another therapy proposed (not negated) in it as the means of
    what the clause goes on to say: followed by what it is used for or introduced as a means. A technique listed
    beside IPT strategies ("thought records, a review of the old and new role, role play") cuts nothing."""
    cut: dict[int, int] = {}
    for m in techniques:
        if m.negated or m.clause >= len(prepared) or m.concept == _TASK_WORD:
            continue
        tokens = prepared[m.clause]
        after = tokens[m.end + 1:m.end + 1 + _PURPOSE_REACH]  # (``end`` is the technique's last word)
        if _PURPOSE.isdisjoint(after[:1]) and not (_MEANS & set(tokens[max(0, m.start - 3):m.start])):
            continue
        cut[m.clause] = min(m.start, cut.get(m.clause, m.start))
    return cut


def before_techniques(prepared: Clauses, techniques: list[Match]) -> Clauses:
    """``prepared`` with each clause cut where a technique of another therapy is proposed in it (not negated): the
    technique and what the clause goes on to use it for are no IPT plan in any words ("we will use thought records
    to look at what he lost", "worksheets on what the new city could offer"); the words before it keep their
    reading. The same clauses, unchanged, where no technique is proposed."""
    cut = _cuts(prepared, techniques)
    if not cut:
        return prepared
    return [clause[:cut[index]] if index in cut else clause for index, clause in enumerate(prepared)]


def techniques_planned(techniques: list[Match], plan: Iterable[int]) -> list[str]:
    """The labels of the techniques of other therapies that the plan's clauses (``plan``) propose, not negated, in
    the lexicon's order."""
    clauses = set(plan)
    named = {m.concept.partition(":")[2] for m in techniques if not m.negated and m.clause in clauses}
    if "cbt.homework" in named:
        named.discard(_TASK_WORD.partition(":")[2])  # ("homework worksheets": the worksheets say it)
    return [c.label for cid, c in NON_IPT_TECHNIQUES.items() if cid in named]


def read_concepts(goal_matches: list[Match], strategy_matches: list[Match], *, expected_goals: list[str],
                  expected_strategies: list[str], chosen: set[ProblemArea], linked: bool,
                  stage_named: bool, prepared: Clauses | None = None,
                  people: frozenset[str] = frozenset(), plain: Iterable[str] = (),
                  proposed: frozenset[str] = frozenset(), borrowed: int = 0) -> ConceptReading:
    """Credit goals and strategies in context (see the module docstring). ``prepared``: the answer's clauses, to
    read what a phrase shared by grief and the transition is about; ``people``: the case's first names, lower
    case; ``plain``: the goals and strategies the plan names in plain words (``"goal:..."``, ``"strategy:..."``,
    :mod:`~ipt_training.scoring.plain_plan`), credited like the lexicon's; ``proposed``: the strategies a
    formulation told to the patient proposes in its plan sentences (such a plan often says the work and leaves its
    aims unsaid: where it names no aim of the area, one of them implies the goal it serves); ``borrowed``: how many
    techniques of other therapies the plan proposes. A plan with as many of them as strategies of the area is mostly
    another therapy's ("see his life in a balanced way, challenge his automatic thoughts with thought records,
    schedule activities"): its strategies imply no IPT goal it does not name."""
    reading = ConceptReading()
    if prepared is not None:
        # only a one-word goal can report what a person did ("he mourned him")
        goal_matches = [m for m in goal_matches if m.start != m.end or not _reported(m, prepared, people)]
    goal_findings = _findings(goal_matches, GOALS, 5)
    strategy_findings = _findings(strategy_matches, STRATEGIES, 9)
    every: dict[int, list[Finding]] | None = None  # every phrase by clause, made when first needed (rarely)
    for findings, table, expected, found, other in (
            (goal_findings, GOALS, set(expected_goals), reading.goals, strategy_findings),
            (strategy_findings, STRATEGIES, set(expected_strategies), reading.strategies, goal_findings)):
        # The areas of unambiguous phrases in each clause: the local context of an ambiguous phrase.
        context: dict[int, set[ProblemArea]] = {}
        for finding in findings:
            if len(finding.areas) == 1:
                [only] = finding.areas
                if only is not None:
                    context.setdefault(finding.clause, set()).add(only)
        # A phrase read as a goal and as a strategy counts once: inside a longer phrase of the other kind ("relief"
        # in "symptom relief") it is that phrase, and read for two areas at once ("reconnect") it is ambiguous.
        spans = _spans(other) if other and findings else None
        for finding in findings:
            areas = finding.areas
            sole = next(iter(areas)) if len(areas) == 1 else None
            if sole is not None:
                if spans is None or not _absorbed(finding, spans):
                    reading.area_findings.setdefault(sole, []).append(finding)
                nearby: set[ProblemArea] = set()
            else:
                nearby = context.get(finding.clause, set())
            about = None
            if len(areas) > 1 and prepared is not None and areas >= _LOSS_AREAS:
                if every is None:
                    every = _spans(goal_findings + strategy_findings)
                about = _about(finding, prepared, people, every)
            candidates = finding.candidates
            # (one candidate, most phrases: what _resolve and _one_item leave as it is)
            for concept in (candidates if len(candidates) == 1 else
                            _one_item(_resolve(finding, table, expected, chosen, nearby, about), table, expected)):
                found.add(concept)
                area = table[concept].area
                if (concept in expected and chosen and area is not None and area not in chosen
                        and not areas & chosen):
                    reading.inconsistent.add(concept)
                    if prepared is not None:
                        reading.inconsistent_words.setdefault(concept, finding.phrase(prepared))
    for concept in plain:
        kind, _, cid = concept.partition(":")
        found = reading.goals if kind == "goal" else reading.strategies
        if cid not in found:
            found.add(cid)
            area = (GOALS if kind == "goal" else STRATEGIES)[cid].area
            if chosen and area is not None and area not in chosen:
                reading.inconsistent.add(cid)
    if linked:
        reading.strategies.add("general.link_onset")
    # Naming the dispute and its right stage, with reasons, identifies it (a goal); it is not yet a strategy: the
    # stage is established in the plan only where the plan says so ("confirm the stage").
    if ProblemArea.ROLE_DISPUTE in chosen and stage_named and (
            reading.goals or reading.strategies - _NOT_A_PLAN):
        reading.goals.add("dispute.identify")
    for area in chosen:
        specific = [s for s in reading.strategies if STRATEGIES[s].area is area]
        techniques = [TECHNIQUE_SERVES[area, s] for s in reading.strategies if (area, s) in TECHNIQUE_SERVES]
        if borrowed and borrowed >= len(specific):
            continue
        if len(specific) >= _MIN_STRATEGIES_FOR_GOALS:
            reading.goals.update(SERVES[s] for s in specific if s in SERVES)
            reading.goals.update(techniques)
        elif proposed:
            # a letter whose plan names no aim of the area: the work it proposes says what the aim is; a technique
            # it proposes (going through the last row step by step, rehearsing the next talk, letting the feelings
            # out) says its aim in any letter, since a letter names the work, not the aim
            if not any(GOALS[g].area is area for g in reading.goals):
                reading.goals.update(SERVES[s] for s in specific if s in SERVES and s in proposed)
            reading.goals.update(TECHNIQUE_SERVES[area, s] for s in proposed if (area, s) in TECHNIQUE_SERVES)
    return reading
