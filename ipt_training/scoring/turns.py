"""A turn from one focus to another said across clauses: "Area: role transition - becoming a mother. Actually she
says caring for the baby is the easy part; what set it off was the rows with Sipho. So the work should be on the
dispute."

The area reader (:mod:`ipt_training.scoring.areas`) reads a turn when its word stands in the clause that names the
second area ("actually a dispute"). Writers also turn in the clause before, or at the head of the sentence, and then
name the second area as the focus in a clause of its own. Two areas, each committed to in the writer's own words,
the later one reached by a turn, neither set aside, marked secondary or added to the other ("this is also a
dispute"), are two readings of the case.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from ipt_training.domain import ProblemArea
from ipt_training.scoring.areas import AreaReading, Reading
from ipt_training.scoring.lexicon import REVERSAL_WORDS
from ipt_training.scoring.readings import subordinate
from ipt_training.text.matcher import Clauses

#: Words that turn from what was said before ("however", "on the other hand", "then again"), besides the area
#: reader's own words of reversal ("actually", "really", "in fact").
_TURN_WORDS = REVERSAL_WORDS | frozenset({"however", "nevertheless", "nonetheless"})
_TURN_PAIRS = frozenset({("other", "hand"), ("then", "again"), ("second", "thought"), ("second", "thoughts")})
#: A verb of thinking or looking said again ("thinking about it again", "having thought again", "looking at it
#: twice"): the writer reconsiders what it said.
_RECONSIDERING = frozenset({"think", "thinking", "thought", "look", "looking", "looked", "reflect", "reflecting",
                            "reflected", "consider", "considering", "considered", "weigh", "weighing", "weighed",
                            "read", "reading"})
_AGAIN = frozenset({"again", "twice", "further"})
_AGAIN_REACH = 3
#: Words that add a focus to the first, or rank it below, rather than replace it.
_ADDING = frozenset({"also", "too", "both", "well", "additionally", "plus", "another", "second", "further",
                     "secondary", "alongside", "within", "part", "partly"})
_CONCLUDING = frozenset({"so", "therefore", "thus", "hence"})
#: How many clauses before the second commitment a turn may stand, within its sentence.
_REACH = 2


def _turns(tokens: list[str]) -> bool:
    """A word of turning in the clause ("however", "actually", "on the other hand", "thinking about it again")."""
    if not _TURN_WORDS.isdisjoint(tokens):
        return True
    if any(pair in _TURN_PAIRS for pair in pairwise(tokens)):
        return True
    return not _AGAIN.isdisjoint(tokens) and any(
        t in _RECONSIDERING and not _AGAIN.isdisjoint(tokens[k + 1:k + 1 + _AGAIN_REACH]) for k, t in enumerate(tokens))


def turned_across(reading: AreaReading, prepared: Clauses, sentences: Callable[[], list[int] | None],
                  opened: Callable[[], list[bool] | None] | None = None) -> tuple[ProblemArea, ProblemArea] | None:
    """The area the answer commits to first and the one it turns to in a later clause (None when it does not):
    the first area committed to (chosen or claimed of the case, not rejected), a later one committed to as well,
    and a word of turning before it, in the clause that commits to it or in a clause just before (see
    :func:`_before`; ``sentences``: gives the sentence of each clause, None when the sentences are not told
    apart; asked only when a second area is committed to; ``opened``: whether "but" or "however" opened each
    clause, words the clause reader leaves out, None when not known). Not a turn: an area marked secondary, added
    ("also", "within"), or committed to in a condition, a later phase or a possibility."""
    committed = [a for a in reading.at_least(Reading.ASSERTED)
                 if a not in reading.rejected and a not in reading.secondary_marked]
    if len(committed) < 2 or (committed[0] not in reading.claimed
                              and (committed[0] is not reading.label or reading.label_asked)):
        return None  # (a first area only weighed, "a transition is possible", is a differential, not a focus)
    first = committed[0]
    first_clause = reading.order[first][0]
    for area in committed[1:]:
        clause, start = reading.order[area]
        if clause <= first_clause:
            continue
        tokens = prepared[clause]
        if not _ADDING.isdisjoint(tokens) or subordinate(prepared, clause) or area in reading.within_other:
            continue
        if _turns(tokens[:start]):
            return first, area
        before = _before(clause, first_clause, prepared, sentences())
        if any(_turns(prepared[c]) for c in before):
            return first, area
        flags = opened() if opened is not None else None
        if flags is not None and (flags[clause] or any(flags[c] for c in before)):
            return first, area  # "PA: grief. ... However, the estate fight is the live problem, so the focus ..."
    return None


def named_main_second(reading: AreaReading, primary: ProblemArea, secondary: ProblemArea) -> bool:
    """Whether the area read as the secondary is the one a sentence names the focus ("the retirement is a role
    transition too, and I would treat it as the main focus") while the primary is named so nowhere and neither is
    ranked by a marker ("secondary", "primary"): the answer then holds two main foci."""
    return (secondary in reading.focused and primary not in reading.focused and primary not in reading.primary_marked
            and secondary not in reading.secondary_marked)


def _before(clause: int, floor: int, prepared: Clauses, ids: list[int] | None) -> range:
    """The clauses after the first commitment (``floor``) and before ``clause`` where a turn to it may stand: up to
    two in its own sentence, or every one back to the first commitment when its sentence opens by drawing a
    conclusion ("Area: role transition. Actually she says ...; what set it off was the rows with Sipho. So the work
    should be on the dispute"); the clause just before when the sentences are not told apart."""
    if ids is None:
        return range(max(floor + 1, clause - 1), clause)
    opening = clause
    while opening > floor + 1 and ids[opening - 1] == ids[clause]:
        opening -= 1
    if prepared[opening][:1] and prepared[opening][0] in _CONCLUDING:
        return range(floor + 1, clause)
    return range(max(floor + 1, opening, clause - _REACH), clause)


#: A focus said in lay words by ranking it first: "the main problem is ...", "the real trouble, really, is ...".
_RANK_WORDS = frozenset({"main", "real", "key", "central", "core", "biggest", "underlying", "actual"})
_RANK_NOUNS = frozenset({"problem", "issue", "trouble", "thing", "concern", "difficulty", "matter", "cause"})
_RANK_COPULA = frozenset({"is", "was", "lies"})
_COPULA_REACH = 3
_NEGATIONS = frozenset({"not", "no", "never", "nt"})
#: Every word a lay turn needs: an answer without any of them is not read for one.
LAY_TURN_WORDS = _RANK_WORDS
#: A view the writer reports before the ranking, to set it aside or to hear it: an earlier thought ("at first I
#: thought", "I wondered", "it seemed"), someone else's ("you told me", "her GP says", "Omar believes") or one it
#: concedes ("it may seem", "some would say"). A focus ranked in such a view is not the writer's choice.
_EARLIER = frozenset({"thought", "seemed", "wondered", "believed", "assumed", "supposed", "imagined", "guessed",
                      "felt", "appeared", "initially", "originally"})
_REPORTING = frozenset({"told", "tells", "says", "said", "suggests", "suggested", "claims", "claimed",
                        "thinks", "believes", "feels", "insists", "insisted", "argues", "argued", "complains",
                        "complained", "reports", "reported", "according"})
_CONCEDING = frozenset({"may", "might", "could", "would"})
_WRITER = frozenset({"i", "we"})
_SEEMING = frozenset({"seem", "seems", "appear", "appears", "look", "looks"})


def _ranked_at(tokens: list[str]) -> int | None:
    """Where the clause ranks what it names first, in lay words ("the main problem is the move", "the real trouble,
    really, is his marriage"): the word after the copula; None when it does not, or denies it ("is not")."""
    for k, token in enumerate(tokens[:-1]):
        if token not in _RANK_WORDS or tokens[k + 1] not in _RANK_NOUNS:
            continue
        for j in range(k + 2, min(len(tokens), k + 2 + _COPULA_REACH)):
            if tokens[j] in _RANK_COPULA:
                after = tokens[j + 1:j + 2]
                return None if after and after[0] in _NEGATIONS else j + 1
    return None


def _reported(tokens: list[str], rank: int) -> bool:
    """Whether the ranking at ``rank`` stands in a view the writer reports rather than asserts (before it in its
    clause): "at first I thought the main problem was ...", "you told me the main problem is ...", "it may seem the
    main problem is ..."; not "I think the real problem is ..."."""
    head = tokens[:rank]
    if not _EARLIER.isdisjoint(head) or not _REPORTING.isdisjoint(head):
        return True
    if any(pair == ("at", "first") for pair in pairwise(head)):
        return True
    if any(a in _CONCEDING and b in _SEEMING for a, b in pairwise(head)):
        return True
    # "some would say", "others might say"; not the writer's own "I would say"
    return any(b in _CONCEDING and c == "say" and a not in _WRITER
               for a, b, c in zip(head, head[1:], head[2:], strict=False))


def turned_in_lay_words(first: tuple[int, ProblemArea] | None, prepared: Clauses,
                        told: Callable[[], dict[int, set[ProblemArea]]], sentences: Callable[[], list[int] | None],
                        opened: Callable[[], list[bool] | None]) -> tuple[ProblemArea, ...] | None:
    """Two foci said in lay words, the later reached by a turn ("The main problem is losing the mill: since he was
    laid off ... The main problem, really, is his marriage: he and Sian fight ..."; "PA: role transition ... But the
    real problem is that his grandmother died"): the first focus and the one turned to, or None.

    ``first``: the clause and area the answer commits to by name, if any; ``told`` gives the areas of the case's
    events each clause tells (not denied); a lay focus is the one area of the events its sentence tells from the
    ranking clause on (``sentences`` gives each clause's sentence; the clause and the next when None); ``opened``
    gives whether "but" or "however" opened each clause. They are asked only where a focus is ranked. A focus added
    ("also") is no turn, and one ranked in a view the writer reports ("at first I thought the main problem was
    ...", "you told me the main problem is ...") is no focus: the "but the real problem is" that answers it revises
    it (:func:`_reported`)."""
    ranked = [c for c, tokens in enumerate(prepared)
              if not _RANK_WORDS.isdisjoint(tokens) and (at := _ranked_at(tokens)) is not None
              and not _reported(tokens, at)]
    if not ranked or (first is None and len(ranked) < 2):
        return None  # (the events, sentences and turns are read only where a focus is ranked in lay words)
    events, ids, turned = told(), sentences(), opened()
    foci: list[tuple[int, ProblemArea]] = [first] if first is not None else []
    for c in ranked:
        span = ([c, c + 1] if ids is None
                else [d for d in range(c, len(prepared)) if ids[d] == ids[c]])
        areas = set().union(*(events.get(d, set()) for d in span))
        if len(areas) == 1:
            foci.append((c, areas.pop()))
    foci.sort(key=lambda focus: focus[0])
    for (c1, a), (c2, b) in pairwise(foci):
        if a is b or c2 <= c1:
            continue
        tokens = prepared[c2]
        if not _ADDING.isdisjoint(tokens):
            continue
        if _turns(tokens) or (turned is not None and turned[c2]) or (c2 > c1 + 1 and _turns(prepared[c2 - 1])):
            return a, b
    return None


def lay_rankings(prepared: Clauses, after: int = -1) -> list[tuple[int, int]]:
    """The clauses after ``after`` that rank a focus first in the writer's own lay words, each with the word it
    ranks ("the real problem is the fight with Nikos"): where a lay turn is quoted."""
    found = []
    for c in range(after + 1, len(prepared)):
        tokens = prepared[c]
        if _RANK_WORDS.isdisjoint(tokens):
            continue
        at = _ranked_at(tokens)
        if at is not None and not _reported(tokens, at):
            found.append((c, min(at, len(tokens) - 1)))
    return found
