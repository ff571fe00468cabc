"""Whether an answer says, in a clause of its own, that the inner work of an area is stuck or still to be done.

Difficulty adapting to a change in life circumstances is what a role transition is (reference 3.3), and mourning
avoided, blocked or stuck after a death is what grief is (3.1). An answer that names no area but says so in its own
words has chosen the area in plain words, as examiners read it, even after a vignette copied out:

* adapting (:func:`adapting_said`): "She needs help adjusting to the move.", "He has not adjusted to retirement.",
  "-> adjustment to retirement + return", "she has big difficulty to adapt to Miami". Not a claim: adapting done
  ("she has adjusted well", "he settled in quickly"), a thing adjusted rather than adapted to ("adjusting her sleep",
  "adjust expectations");
* mourning (:func:`mourning_said`): "He needs to grieve for Grace properly.", "He has never mourned Michiko.", "she
  is still grieving". Not a claim: mourning done ("she grieved at the time", "he mourned her and made his peace").

Neither is a claim in a clause that weighs or asks ("maybe she is adjusting badly to the move?", "adjustment to the
move or a row with her mother").
"""

from __future__ import annotations

from collections.abc import Collection

from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses
from ipt_training.text.words import AnswerWords

#: Words of adapting: the cheap gate (an answer with none of them is never read further).
ADAPTING_WORDS = feature(frozenset({
    "adjust", "adjusts", "adjusting", "adjustment", "adjusted", "adapt", "adapts", "adapting", "adaptation", "adapted",
    "settle", "settles", "settling", "settled",
}))
#: Forms that report adapting done: a claim of difficulty only when denied ("has not adjusted to").
_DONE = frozenset({"adjusted", "adapted", "settled"})
#: Forms of settling, which adapt only "in" or "into" a place ("settling into the village", not "settle on grief").
_SETTLING = frozenset({"settle", "settles", "settling", "settled"})
#: What adapting is "to" (settling: "in", "into").
_TO = frozenset({"to", "into"})
_IN = frozenset({"in", "into"})
#: A manner between the verb and "to" ("adjusting badly to", "not adjusted fully to").
_MANNER = frozenset({"badly", "poorly", "properly", "fully", "yet", "at", "all", "really", "well", "easily", "quickly",
                     "fine"})
#: Adapting said to go well: no difficulty, unless denied ("has not adjusted well").
_WELL = frozenset({"well", "easily", "quickly", "fine", "nicely", "successfully"})
_NEGATIONS = frozenset({"not", "no", "never", "nt", "cannot", "unable", "failed", "struggling", "struggles",
                        "struggled", "difficulty", "difficulties", "trouble", "hard", "problems"})
#: A clause that weighs or asks instead of stating ("maybe", "could be ... or ...", a question).
_OPEN = frozenset({"?", "maybe", "perhaps", "possibly", "might", "could", "or", "either", "whether", "if"})
_REACH = 2


def _adapting_at(tokens: list[str], k: int) -> bool:
    """Whether the adapting word at ``k`` is adapting to something ("adjusting to", "adjusting badly to",
    "settling into"), said as a difficulty."""
    word = tokens[k]
    targets = _IN if word in _SETTLING else _TO
    after = tokens[k + 1:k + 2 + _REACH]
    reach = next((j for j, t in enumerate(after) if t in targets), None)
    if reach is None or any(t not in _MANNER for t in after[:reach]):
        return False
    denied = not _NEGATIONS.isdisjoint(tokens[:k])
    if not _WELL.isdisjoint(after[:reach]) and not denied:
        return False
    return denied or word not in _DONE


def adapting_said(prepared: Clauses, words: AnswerWords, skip: Collection[int] = ()) -> bool:
    """Whether a clause of ``prepared`` (not among ``skip``: clauses copied from the vignette) states, without
    weighing it, that the patient is struggling to adapt to a change."""
    for c in words.with_any(ADAPTING_WORDS):
        tokens = prepared[c]
        if c in skip or not _OPEN.isdisjoint(tokens):
            continue
        if any(t in ADAPTING_WORDS and _adapting_at(tokens, k) for k, t in enumerate(tokens)):
            return True
    return False


#: Words of mourning: the cheap gate of :func:`mourning_said`.
MOURNING_WORDS = feature(frozenset({
    "grieve", "grieves", "grieving", "grieved", "mourn", "mourns", "mourning", "mourned",
}))
#: Mourning said as still to be done or stuck: needed, planned, not done, still going on.
_STILL_TO_DO = frozenset({"not", "never", "nt", "cannot", "unable", "failed", "needs", "need", "should", "must",
                          "help", "work", "will", "would", "let", "allow", "still", "yet", "has", "have", "to"})
_DONE_MOURNING = frozenset({"grieved", "mourned"})
_NEED_REACH = 4


def mourning_said(prepared: Clauses, words: AnswerWords, skip: Collection[int] = ()) -> bool:
    """Whether a clause of ``prepared`` (not among ``skip``: clauses copied from the vignette) states, without
    weighing it, that mourning is still to be done or stuck ("needs to grieve", "has never mourned", "is still
    grieving"); mourning done ("he grieved at the time") is no claim."""
    for c in words.with_any(MOURNING_WORDS):
        tokens = prepared[c]
        if c in skip or not _OPEN.isdisjoint(tokens):
            continue
        for k, token in enumerate(tokens):
            if token not in MOURNING_WORDS:
                continue
            before = tokens[max(0, k - _NEED_REACH):k]
            denied = not _NEGATIONS.isdisjoint(before)
            if denied or (token not in _DONE_MOURNING and not _STILL_TO_DO.isdisjoint(before)):
                return True
    return False
