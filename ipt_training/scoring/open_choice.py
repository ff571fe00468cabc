"""Sentences that leave the choice of a focus open: the answer's last word is that it has not chosen.

An answer that weighs the areas and then declines to pick one ("Each of these could be the focus; which one should
be agreed with him later", "Rather than force a choice, I would keep the formulation open", "I can't choose without
seeing how she responds") commits to nothing, whatever its earlier sentences asserted of the case. These readers
find such a sentence by its structure, not by a list of whole phrases:

- what is kept or left open is the choice itself: a verb of keeping or leaving, then "open", with only the choice's
  own words between ("keep the formulation open", "both deserve to be kept open", "leave the decision open"), not
  a plan ("keep the lines of communication open") nor a formulation held open to review ("open to revision");
- several candidates, each said to be able to be the focus ("each of these could be the focus", "either might be
  the area"), or which of them to be settled later ("which one should be agreed with him after more sessions");
- choosing itself set aside ("rather than force a choice", "instead of deciding now").

The area reader (:func:`ipt_training.scoring.areas.read_areas`) asks them only when the answer has their words.
"""

from __future__ import annotations

from ipt_training.text.features import feature

#: Verbs of keeping or leaving something as it is.
_KEEPING = frozenset({"keep", "keeps", "keeping", "kept", "leave", "leaves", "leaving", "left", "remain", "remains",
                      "stay", "stays", "hold", "holding", "held"})
#: What may stand between the verb and "open" when what is kept open is the choice: its own nouns, the candidates
#: pointed at, and small words.
_CHOICE_OBJECTS = frozenset({
    "the", "a", "my", "our", "this", "that", "it", "them", "both", "all", "these", "those", "of", "formulation",
    "focus", "choice", "decision", "question", "options", "possibilities", "areas", "candidates", "matter", "for",
    "now", "still", "deliberately", "two", "three", "foci", "each", "either"})
#: Words of a verb's own form between it and "open" ("to be kept open", "is left open"): the subject then stands
#: before the verb, and must be the choice or the candidates ("both deserve to be kept open", not "the door stays
#: open").
_VERB_FORM = frozenset({"be", "is", "are", "was", "been", "to", "still", "for", "now"})
_CHOICE_SUBJECTS = frozenset({"both", "all", "each", "either", "formulation", "focus", "choice", "decision",
                              "question", "options", "possibilities", "areas", "candidates", "foci"})
_OPEN_REACH = 5
#: Words after "open" that hold a made choice open to change ("open to revision", "open to review"), or make it a
#: trait ("an open mind").
_HELD_OPEN = (["to"], ["mind"], ["minded"])
#: A quantifier over the candidates ("each of these", "either", "which one").
_QUANTIFIERS = frozenset({"each", "either", "both", "any", "whichever", "which"})
#: "which" asks which candidate only with its noun ("which one", "which of them"); alone it opens a relative clause
#: ("the dispute, which should be the focus").
_ASKING = frozenset({"which", "whichever"})
#: What may stand between the quantifier and its modal: the candidates' own nouns and small words.
_CANDIDATE_WORDS = frozenset({"one", "of", "these", "those", "them", "the", "two", "three", "four", "area", "areas",
                              "option", "options", "candidate", "candidates", "possibility", "possibilities", "foci",
                              "focus"})
_MODALS = frozenset({"could", "might", "may", "should", "would", "will", "can", "must"})
#: What the quantified candidates are said to be, or how the choice between them is to be made.
_FOCUS_NOUNS = frozenset({"focus", "foci", "area", "target", "choice", "priority"})
_SETTLED_BY = frozenset({"agreed", "decided", "chosen", "picked", "settled", "determined", "selected"})
_MODAL_REACH = 4
_PREDICATE_REACH = 4
#: Words that set choosing itself aside: "rather than force a choice", "instead of deciding now".
_SETTING_ASIDE = (("rather", "than"), ("instead", "of"))
_CHOICE_NOUNS = frozenset({"choice", "decision"})
_CHOOSING = frozenset({"choose", "choosing", "decide", "deciding", "pick", "picking", "commit", "committing"})
_ASIDE_REACH = 3
#: After a verb of choosing set aside, what leaves the choice unmade (not "rather than choosing grief").
_NOTHING_CHOSEN = frozenset({"now", "yet", "here", "one", "a", "an", "the", "focus", "area", "between", "at",
                             "this", "point", "stage", "prematurely", "too", "early"})

#: Every word one of the readers starts from: an answer without any of them is not read.
OPEN_CHOICE_WORDS = feature(frozenset({"open"}) | _QUANTIFIERS | frozenset({"rather", "instead"}))


def leaves_choice_open(tokens: list[str]) -> bool:
    """Whether the clause leaves the choice of the focus open (see the module docstring)."""
    return _kept_open(tokens) or _candidates_open(tokens) or _choosing_set_aside(tokens)


def _kept_open(tokens: list[str]) -> bool:
    """A verb of keeping or leaving, then "open" with only the choice's words between ("keep the formulation open",
    "both deserve to be kept open"), and nothing after "open" that holds a made choice open to change."""
    if "open" not in tokens or _KEEPING.isdisjoint(tokens):
        return False
    for k, token in enumerate(tokens):
        if token != "open" or tokens[k + 1:k + 2] in _HELD_OPEN:
            continue
        for j in range(k - 1, max(-1, k - 1 - _OPEN_REACH), -1):
            if tokens[j] in _KEEPING:
                between = tokens[j + 1:k]
                if all(t in _VERB_FORM for t in between):
                    return not _CHOICE_SUBJECTS.isdisjoint(tokens[:j])
                return all(t in _CHOICE_OBJECTS or t in _VERB_FORM for t in between)
    return False


def _candidates_open(tokens: list[str]) -> bool:
    """A quantifier over the candidates and a modal, then the focus said of them or the choice between them put to
    later ("each of these could be the focus", "which one should be agreed with him after more sessions")."""
    for k, token in enumerate(tokens):
        if token not in _QUANTIFIERS or (token in _ASKING and tokens[k + 1:k + 2] not in (["one"], ["of"])):
            continue
        for j in range(k + 1, min(len(tokens), k + 1 + _MODAL_REACH)):
            if tokens[j] in _MODALS:
                predicate = tokens[j + 1:j + 1 + _PREDICATE_REACH]
                if not _FOCUS_NOUNS.isdisjoint(predicate) or (
                        predicate[:1] == ["be"] and predicate[1:2] and predicate[1] in _SETTLED_BY):
                    return True
                break
            if tokens[j] not in _CANDIDATE_WORDS:
                break
    return False


def _choosing_set_aside(tokens: list[str]) -> bool:
    """Choosing itself set aside: "rather than" or "instead of", then a noun of choice ("rather than force a
    choice") or a verb of choosing with nothing chosen after it ("instead of deciding now")."""
    for k in range(len(tokens) - 1):
        if (tokens[k], tokens[k + 1]) not in _SETTING_ASIDE:
            continue
        window = tokens[k + 2:k + 2 + _ASIDE_REACH]
        for j, word in enumerate(window):
            if word in _CHOICE_NOUNS:
                return True
            if word in _CHOOSING:
                rest = window[j + 1:] + tokens[k + 2 + _ASIDE_REACH:k + 4 + _ASIDE_REACH]
                return not rest or rest[0] in _NOTHING_CHOSEN
    return False
