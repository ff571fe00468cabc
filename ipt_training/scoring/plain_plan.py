"""Goals and strategies said in plain words, read from what a plan sentence is about.

A plan written without IPT labels ("I'd let him be sad and angry about losing the restaurant, then help him get
better at the caring") names the goals of its area by what it does to what: a feeling about a loss is mourning
the old role; getting better at the new role is mastery; building relationships, starting small, is forming new
relationships by graded steps; finding out what each of them wants is clarifying expectations. A *frame* is such a
pairing: one word of each of its word classes in the same plan sentence credits its concept. Frames are read only
in sentences that state a plan (a plan word: "help", "I'd", "we will", "goals"), only for the areas the answer
chose or the case is about. They add credit the lexicon missed; they never count towards keyword stuffing, since
they are the answer's own words for its plan.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import NamedTuple

from ipt_training.domain import ProblemArea
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.text.matcher import Clauses


class Frame(NamedTuple):
    """A concept (``"goal:..."`` or ``"strategy:..."``) credited when a plan sentence has a word of each class, or,
    with ``twice``, two words of that class ("what he wants and what she wants")."""

    concept: str
    classes: tuple[frozenset[str], ...]
    twice: frozenset[str] = frozenset()


_FEELINGS = frozenset({"sad", "sadness", "angry", "anger", "upset", "grieve", "grieving", "mourn", "mourning", "cry",
                       "crying", "tears", "sorrow", "feelings", "goodbye"})
_LOST = frozenset({"losing", "lost", "loss", "losses", "gone", "behind", "used", "former", "ended", "missing",
                   "misses", "miss", "gave", "given"})
_CLAUSE_WORDS_NEW = frozenset({"new", "now", "next", "ahead", "future", "could", "can"})
_SEE = frozenset({"see", "imagine", "picture", "discover", "find", "explore", "notice"})
_GOOD = frozenset({"good", "worth", "possible", "offer", "offers", "like", "enjoy"})
_BETTER = frozenset({"better", "good", "confident", "capable", "competent", "easier", "skilled"})
_AT = frozenset({"at", "in"})
_BUILD = frozenset({"build", "building", "make", "making", "form", "forming", "start", "starting", "find", "finding",
                    "develop", "grow", "deepen", "begin", "know", "meet", "meeting"})
_PEOPLE = frozenset({"relationship", "relationships", "friend", "friends", "friendship", "friendships", "people",
                     "connections", "company", "someone", "somebody", "others"})
_MORE = frozenset({"more", "often", "regularly"})
_LESS = frozenset({"less", "fewer", "out"})
_ALONE = frozenset({"alone", "lonely", "isolated", "own", "house", "cut"})
_SMALL = frozenset({"small", "smaller", "little", "gradual", "gradually", "steps", "step", "slowly", "bit"})
_BEGIN = frozenset({"start", "starting", "first", "begin", "beginning", "next", "by"})
_TALK_OF = frozenset({"talk", "talking", "speak", "speaking", "remember", "remembering"})
#: word pairs (see :func:`_pairs`): talking *about* the person, not *to* him
_ABOUT_THEM = frozenset({"about him", "about her", "of him", "of her"})
_ENDING = frozenset({"ending", "end", "leave", "leaving", "part", "parting", "separation", "exit"})
_BEARABLE = frozenset({"decent", "fair", "peaceful", "peacefully", "well", "live", "dignity", "calmly"})
_WANTS = frozenset({"wants", "want", "expects", "expect", "needs", "hopes"})
_EACH = frozenset({"each", "both", "everyone"})
_TALK = frozenset({"talk", "talks", "talking", "conversation", "conversations", "negotiate", "negotiating", "deal",
                   "agreement", "compromise", "discuss", "discussion"})
_AGAIN = frozenset({"again", "going", "restart", "reopen", "back", "reach", "resume"})
_EXCHANGE = frozenset({"conversation", "argument", "row", "exchange", "fight", "said", "says", "talk"})
_DETAIL = frozenset({"detail", "wrong", "exactly", "step"})
_DECIDE = frozenset({"decide", "figure", "choose", "work", "sort"})
_WHAT = frozenset({"what"})
_WANT_DO = frozenset({"want", "wants", "do", "does"})

FRAMES: tuple[Frame, ...] = (
    Frame("goal:transition.mourn_old", (_FEELINGS, _LOST)),
    Frame("strategy:transition.feelings_about_change", (_FEELINGS, _LOST)),
    Frame("goal:grief.mourn", (_FEELINGS, _LOST)),
    Frame("goal:grief.mourn", (_TALK_OF, _ABOUT_THEM)),
    Frame("goal:transition.realistic_new", (_SEE, _GOOD, _CLAUSE_WORDS_NEW)),
    Frame("goal:transition.mastery", (_BETTER, _AT)),
    Frame("goal:deficits.new_relationships", (_BUILD, _PEOPLE)),
    Frame("goal:deficits.reduce_isolation", (_LESS, _ALONE)),
    Frame("goal:deficits.reduce_isolation", (_MORE, _PEOPLE)),
    Frame("strategy:deficits.graded_contact", (_SMALL, _BEGIN)),
    Frame("strategy:dispute.expectations", (_WANTS, _EACH)),
    Frame("strategy:dispute.expectations", (), twice=_WANTS),
    Frame("goal:dispute.resolve", (_TALK, _AGAIN)),
    Frame("goal:dispute.resolve", (_ENDING, _BEARABLE)),
    Frame("strategy:general.communication_analysis", (_EXCHANGE, _DETAIL)),
    Frame("goal:dispute.plan", (_DECIDE, _WHAT, _WANT_DO)),
)

#: Words that make a sentence a plan: the writer's intent, a heading, or "help".
PLAN_WORDS = frozenset({"us", "suggest", "propose", "help", "helping", "would", "will", "should", "d", "ll", "want",
                        "aim", "aims", "goal", "goals", "plan", "strategy", "strategies", "treatment", "let",
                        "together", "going", "hope", "then", "work", "working", "focus"})
CONCEPT_AREA: dict[str, ProblemArea | None] = {
    **{f"goal:{k}": c.area for k, c in GOALS.items()}, **{f"strategy:{k}": c.area for k, c in STRATEGIES.items()}}
_EVERY_WORD = frozenset().union(*(c for f in FRAMES for c in (*f.classes, f.twice)))
#: Concepts whose frame is shared with a concept of another area ("sad about losing" is mourning a death or an old
#: role): they say nothing about which area the plan serves.
_SHARED = frozenset(f.concept for f in FRAMES for g in FRAMES if f.classes and f.classes == g.classes
                    and CONCEPT_AREA.get(f.concept) != CONCEPT_AREA.get(g.concept))


def plan_sentences(prepared: Clauses) -> list[int]:
    """Clauses that state a plan, and the clause after a short heading ("Goals:", "Plan:")."""
    found = []
    for c, tokens in enumerate(prepared):
        if not PLAN_WORDS.isdisjoint(tokens):
            found.append(c)
            # "Goals: ..." or "we will work on that together: finding small ways to ..."
            following = prepared[c + 1] if c + 1 < len(prepared) else []
            if following and (len(tokens) <= 2 or following[0].endswith("ing") or following[0] == "to"):
                found.append(c + 1)
    return sorted(set(found))


_REACH = 6
#: A plan concept weighs half an event: the plan confirms the area the events argue for, it rarely decides alone.
VOTE = 0.5


def _pairs(tokens: list[str]) -> list[str]:
    """Each word with the next one ("about him"), at the first word's position."""
    return [f"{a} {b}" for a, b in pairwise(tokens)]


def _present(tokens: list[str], frame: Frame, pairs: list[str]) -> bool:
    """Whether the sentence has a word of each class of ``frame`` within a few words of each other (or two words of
    its ``twice`` class): "make a few friends", not "making space ... your closest friend" twenty words apart.
    ``pairs`` are the sentence's word pairs (:func:`_pairs`)."""
    if frame.twice:
        return sum(t in frame.twice for t in tokens) >= 2
    if any(words.isdisjoint(tokens) and words.isdisjoint(pairs) for words in frame.classes):
        return False
    positions = [[k for k, t in enumerate(tokens) if t in words] or
                 [k for k, t in enumerate(pairs) if t in words] for words in frame.classes]
    return any(all(any(abs(p - q) <= _REACH for q in others) for others in positions[1:]) for p in positions[0])


def plain_plan_concepts(prepared: Clauses, areas: set[ProblemArea]) -> set[str]:
    """Goals and strategies (``"goal:..."``, ``"strategy:..."``) that plain-language plan sentences name, for
    concepts of ``areas`` and general ones."""
    found: set[str] = set()
    if not areas:
        return found
    frames = _frames_for(frozenset(areas))
    for c in plan_sentences(prepared):
        tokens = prepared[c]
        if _EVERY_WORD.isdisjoint(tokens):
            continue
        pairs = _pairs(tokens)
        found.update(frame.concept for frame in frames
                     if frame.concept not in found and _present(tokens, frame, pairs))
    return found


@cache
def _frames_for(areas: frozenset[ProblemArea]) -> tuple[Frame, ...]:
    return tuple(f for f in FRAMES if CONCEPT_AREA.get(f.concept) is None or CONCEPT_AREA[f.concept] in areas)


def plain_plan_votes(prepared: Clauses) -> dict[ProblemArea, float]:
    """One vote per area-specific concept that plain plan sentences name; concepts whose words serve two areas give
    none."""
    votes: dict[ProblemArea, float] = {}
    for concept in plain_plan_concepts(prepared, set(ProblemArea)) - _SHARED:
        area = CONCEPT_AREA.get(concept)
        if area is not None:
            votes[area] = votes.get(area, 0.0) + VOTE
    return votes
