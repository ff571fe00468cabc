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

from typing import NamedTuple

from ipt_training.domain import ProblemArea
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.text.matcher import Clauses


class Frame(NamedTuple):
    """A concept (``"goal:..."`` or ``"strategy:..."``) credited when a plan sentence has a word of each class."""

    concept: str
    classes: tuple[frozenset[str], ...]


_FEELINGS = frozenset({"sad", "sadness", "angry", "anger", "upset", "grieve", "grieving", "mourn", "mourning", "cry",
                       "crying", "tears", "sorrow", "feelings", "goodbye"})
_LOST = frozenset({"losing", "lost", "loss", "losses", "gone", "behind", "used", "former", "ended", "missing",
                   "misses", "miss", "gave", "given"})
_CLAUSE_WORDS_NEW = frozenset({"new", "now", "next", "ahead", "future", "could", "can"})
_SEE = frozenset({"see", "imagine", "picture", "discover", "find", "explore", "notice"})
_GOOD = frozenset({"good", "worth", "possible", "offer", "offers", "like", "enjoy"})
_BETTER = frozenset({"better", "good", "confident", "capable", "competent", "easier", "skilled"})
_AT = frozenset({"at", "in"})
_BUILD = frozenset({"build", "building", "make", "making", "form", "forming", "start", "starting", "find", "develop",
                    "grow", "deepen", "begin"})
_PEOPLE = frozenset({"relationship", "relationships", "friend", "friends", "friendship", "friendships", "people",
                     "connections", "company"})
_LESS = frozenset({"less", "fewer", "out"})
_ALONE = frozenset({"alone", "lonely", "isolated", "own", "house", "cut"})
_SMALL = frozenset({"small", "smaller", "little", "gradual", "gradually", "steps", "step", "slowly", "bit"})
_BEGIN = frozenset({"start", "starting", "first", "begin", "beginning", "next", "by"})
_WANTS = frozenset({"wants", "want", "expects", "expect", "needs", "hopes"})
_EACH = frozenset({"each", "both", "and", "other"})
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
    Frame("goal:transition.realistic_new", (_SEE, _GOOD, _CLAUSE_WORDS_NEW)),
    Frame("goal:transition.mastery", (_BETTER, _AT)),
    Frame("goal:deficits.new_relationships", (_BUILD, _PEOPLE)),
    Frame("goal:deficits.reduce_isolation", (_LESS, _ALONE)),
    Frame("strategy:deficits.graded_contact", (_SMALL, _BEGIN)),
    Frame("strategy:dispute.expectations", (_WANTS, _EACH)),
    Frame("goal:dispute.resolve", (_TALK, _AGAIN)),
    Frame("strategy:general.communication_analysis", (_EXCHANGE, _DETAIL)),
    Frame("goal:dispute.plan", (_DECIDE, _WHAT, _WANT_DO)),
)

#: Words that make a sentence a plan: the writer's intent, a heading, or "help".
PLAN_WORDS = frozenset({"help", "helping", "would", "will", "should", "d", "ll", "want", "aim", "aims", "goal", "goals",
                        "plan", "strategy", "strategies", "treatment", "let", "together", "going", "hope", "then",
                        "work", "working", "focus"})
_CONCEPT_AREA: dict[str, ProblemArea | None] = {
    **{f"goal:{k}": c.area for k, c in GOALS.items()}, **{f"strategy:{k}": c.area for k, c in STRATEGIES.items()}}
_EVERY_WORD = frozenset().union(*(c for f in FRAMES for c in f.classes))


def _plan_sentences(prepared: Clauses) -> list[int]:
    """Clauses that state a plan, and the clause after a short heading ("Goals:", "Plan:")."""
    found = []
    for c, tokens in enumerate(prepared):
        if not PLAN_WORDS.isdisjoint(tokens):
            found.append(c)
            if len(tokens) <= 2 and c + 1 < len(prepared):
                found.append(c + 1)
    return sorted(set(found))


def _present(tokens: list[str], classes: tuple[frozenset[str], ...]) -> bool:
    """Whether the sentence has a word of each class."""
    return all(not words.isdisjoint(tokens) for words in classes)


def plain_plan_concepts(prepared: Clauses, areas: set[ProblemArea]) -> set[str]:
    """Goals and strategies (``"goal:..."``, ``"strategy:..."``) that plain-language plan sentences name, for
    concepts of ``areas`` and general ones."""
    frames = [f for f in FRAMES if _CONCEPT_AREA.get(f.concept) is None or _CONCEPT_AREA[f.concept] in areas]
    found: set[str] = set()
    for c in _plan_sentences(prepared):
        tokens = prepared[c]
        if _EVERY_WORD.isdisjoint(tokens):
            continue
        found.update(frame.concept for frame in frames if _present(tokens, frame.classes))
    return found
