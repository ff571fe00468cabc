"""Read the elements of a formulation said to the patient (reference section 6) that a supervision note lacks.

* diagnosis and sick role: the disorder is named (common, treatable and not their fault is the medical model, the
  diagnosis part); the sick role is that some obligations are eased while recovering and that the patient's task
  is to work at getting better;
* the time-limited contract: a number of sessions or weeks, or an explicit time limit;
* the invitation to agree: a question that asks the patient for their view ("Does that fit how you see it?", "Does
  that feel right?", "Is that right?").

"You are depressed" names the diagnosis when the answer also gives the medical model ("it is an illness and it can
be treated"): the patient is told what they have, in their own word for it.

The sick role is read from a sentence's structure as well as from its phrases: a permission ("it is fine to", "it is
all right to", "let", "you do not have to") given for the time of recovery ("while you recover", "for now", "for the
next few weeks"), whatever the eased duty is ("leave work on time", "let Mai take a little
more", "lower the bar"), unless what is allowed is a feeling ("it is fine to feel sad" encourages affect); or an easing
said to be part of getting better ("doing less for a while is part of the treatment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ipt_training.text.matcher import Match

_NUMBER_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "few", "several",
})
_UNITS = ("week", "session", "month", "meeting", "appointment")
_SESSION_UNITS = ("session", "meeting", "appointment")
#: Meetings counted as times ("we will meet 12 times"), not times in the story ("she rang him ten times").
_MEET = frozenset({"meet", "see", "come"})
_PERIOD_WORDS = frozenset({"over", "for", "next", "during", "within", "our"})
_PAST_WORDS = frozenset({"past", "last", "previous", "first"})
_HISTORY_WORDS = frozenset({"after", "ago", "before", "later", "since", "earlier", "prior"})
#: What follows "in N weeks" when the weeks are the treatment's ("in twelve weeks we will ...", "in sixteen weeks of
#: therapy"), not a time in the story ("in two weeks he lost his job").
_PLAN_AFTER = frozenset({("we", "will"), ("we", "shall"), ("we", "can"), ("of", "therapy"),
                         ("of", "treatment"), ("of", "ipt"), ("together", "we")})
_QUESTION_RE = re.compile(r"[^.!?\n]*\?")
_YOU_RE = re.compile(r"\b(you|your|yours)\b", re.IGNORECASE)
#: A question that asks whether the formulation is right ("Does that feel right?", "Is that true for you?").
_CHECK_RE = re.compile(r"^\W*(does|do|is|would|am|are|did|has|have|can|could|will)\b.*"
                       r"\b(right|fit|fits|true|sense|agree|correct|accurate|ok|okay)\b", re.IGNORECASE)
#: "you are depressed", "you're depressed": the diagnosis in the patient's word, with the medical model beside it.
_DEPRESSED = ("depressed", "depression")


@dataclass(frozen=True, slots=True)
class PatientElements:
    """Which of the patient-facing elements the answer contains."""

    diagnosis: bool
    sick_role: bool
    contract: bool
    agreement: bool
    #: the medical model: a common, treatable illness, not the patient's fault (feedback only)
    illness: bool = False


#: Permission words: "it is fine / ok / all right / fair / reasonable / right to ...", "you are allowed to".
_PERMITS = frozenset({"fine", "ok", "okay", "alright", "fair", "reasonable", "allowed", "acceptable", "permission"})
#: What follows a permission word said as one ("fine to", "all right if", "fair enough to"), not
#: a word of a list ("depression, rest, fine, for now").
_PERMIT_NEXT = frozenset({"to", "if", "enough", "that"})
_LETS = frozenset({"let", "letting"})
#: The time of recovery, after "while", "until" or "as" ("while you recover", "until you are well").
_RECOVERY = ("recover", "better", "well", "unwell", "ill", "heal")
_PAST = frozenset({"was", "were", "had"})
_RECOVERY_LEADS = frozenset({"while", "until", "as"})
#: A permission for a time that lasts ("while we work on it, it is ok to ease up", "until then it is fine to ..."):
#: the time of the treatment, whatever its words.
_DURING = frozenset({"while", "until"})
#: What is done for now, less than before ("do only what you need to", "do what you can", "do less").
_LESS_DONE = frozenset({"only", "what", "less", "just", "the"})
#: "for now", "right now", "for a while", "for the next few weeks", "at the moment", "for the time being".
_NOW_PAIRS = frozenset({("for", "now"), ("right", "now"), ("just", "now")})
_NOW_TRIPLES = frozenset({("for", "a", "while"), ("for", "a", "bit"), ("for", "a", "time"), ("for", "a", "few"),
                          ("for", "the", "next"), ("for", "the", "moment"), ("for", "the", "time"),
                          ("at", "the", "moment"), ("over", "the", "next"), ("in", "the", "meantime")})
#: What a permission may allow that is not easing a duty: a feeling is encouragement of affect.
_FEELING_VERBS = frozenset({"feel", "cry", "grieve", "mourn", "miss", "sad", "angry", "upset", "talk", "say"})
#: The easing itself, when a sentence says it is part of getting better ("doing less is part of the treatment").
_EASING = frozenset({"less", "fewer", "rest", "slow", "slower", "slowly", "easier", "ease", "help", "support", "off",
                     "leave", "sick", "load", "after", "lower", "break", "pause", "room"})
_TASK_HEADS = frozenset({"treatment", "recovery", "recovering", "better", "well"})


def _for_now(tokens: list[str]) -> bool:
    """Whether a clause speaks of the time being ("for now", "for a while", "for the next few weeks")."""
    return not _NOW_PAIRS.isdisjoint(pairwise(tokens)) or not _NOW_TRIPLES.isdisjoint(
        zip(tokens, tokens[1:], tokens[2:], strict=False))


def _permission_at(tokens: list[str]) -> int:
    """Where a clause gives a permission ("fine to", "all right if", "let Mai take", "you do not have to", "no need
    to"), or -1."""
    for i, token in enumerate(tokens):
        after, before = tokens[i + 1:i + 2], tokens[max(0, i - 2):i]
        if ((token in _PERMITS and after and after[0] in _PERMIT_NEXT)
                or (token in _LETS and after not in (["me"], ["us"]))
                or (token == "right" and (after == ["to"] or before[-1:] == ["all"]))
                or (token == "have" and before in (["do", "not"], ["does", "not"]))
                or (token == "need" and before[-1:] == ["no"])):
            return i
    return -1


def _permitted_for_recovery(tokens: list[str]) -> bool:
    """A permission given to the patient for the time of recovery ("while you recover it is fine to ask for more
    help", "for now, do what you can and let the rest wait"), not a permission to feel ("it is ok to feel sad")."""
    permit = _permission_at(tokens)
    if permit < 0 or not _PAST.isdisjoint(tokens[max(0, permit - 3):permit]):
        return False  # (the story: "for a while it was fine to let her mother help")
    allowed = [t for t in tokens[permit + 1:permit + 4] if t not in {"to", "be", "enough", "for", "you", "yourself"}]
    if allowed[:1] and allowed[0] in _FEELING_VERBS:
        return False
    if _for_now(tokens) or not _DURING.isdisjoint(tokens[:permit]):
        return True
    return any(t.startswith(_RECOVERY) and _RECOVERY_LEADS.intersection(tokens[max(0, i - 3):i])
               for i, t in enumerate(tokens))


def _eased_for_now(tokens: list[str]) -> bool:
    """Less asked of the patient for the time being, said without a permission word ("For now, do only what you
    need to", "for the next few weeks, just do what you can")."""
    if not _for_now(tokens):
        return False
    return any(t == "do" and not _LESS_DONE.isdisjoint(tokens[i + 1:i + 3]) for i, t in enumerate(tokens))


def _easing_is_treatment(tokens: list[str]) -> bool:
    """An easing said to be part of getting better: "doing less for a while is part of the treatment", "part of
    getting better is letting yourself be looked after"."""
    for i, token in enumerate(tokens[:-2]):
        if token == "part" and tokens[i + 1] == "of" and not _TASK_HEADS.isdisjoint(tokens[i + 2:i + 5]):
            return not _EASING.isdisjoint(tokens) or _for_now(tokens)
    return False


def _sick_role(prepared: list[list[str]]) -> bool:
    """The sick role given in a sentence's own words (module docstring)."""
    return any(_permitted_for_recovery(tokens) or _easing_is_treatment(tokens) or _eased_for_now(tokens)
               for tokens in prepared)


def _contract(prepared: list[list[str]]) -> bool:
    """A count of sessions ("12 weekly sessions"), a treatment period ("over the next sixteen weeks", "in twelve weeks
    we will ...") or a time limit.

    A duration in the history ("two months after the move", "six weeks ago") is not a contract.
    """
    for tokens in prepared:
        for i, token in enumerate(tokens):
            if token in {"time-limited", "time-limit"} or (token == "time" and tokens[i + 1:i + 2] in (["limit"],
                                                                                                       ["limited"])):
                return True
            if token == "times" and i and (tokens[i - 1].isdigit() or tokens[i - 1] in _NUMBER_WORDS) and (
                    not _MEET.isdisjoint(tokens[max(0, i - 4):i - 1])):
                return True  # "we will meet 12 times, once a week"
            if not token.startswith(_UNITS):
                continue
            before = tokens[max(0, i - 3):i]
            if not any(t.isdigit() or t in _NUMBER_WORDS for t in before):
                continue
            if token.startswith(_SESSION_UNITS) or "weekly" in before:
                return True
            after = tokens[i + 1:i + 2]
            if i > 1 and tokens[i - 2] == "in" and tuple(tokens[i + 1:i + 3]) in _PLAN_AFTER:
                return True  # "in twelve weeks we will work on ..."
            window = tokens[max(0, i - 5):i]
            if (_PERIOD_WORDS.intersection(window) and not _HISTORY_WORDS.intersection(after)
                    and not _PAST_WORDS.intersection(window)):
                return True
    return False


def _agreement(text: str, matches: list[Match]) -> bool:
    """A question put to the patient ("Does that fit how you see it?"), or an explicit request for agreement."""
    if any(m.concept == "patient:agreement" and not m.negated for m in matches):
        return True
    return any(_YOU_RE.search(q) or _CHECK_RE.search(q) for q in _QUESTION_RE.findall(text))


def _told_depressed(prepared: list[list[str]]) -> bool:
    """Whether a clause tells the patient they are depressed ("you are depressed", "you're depressed")."""
    for tokens in prepared:
        for k, token in enumerate(tokens[1:], 1):
            if token in _DEPRESSED and (tokens[k - 1] == "you" or (
                    k > 1 and tokens[k - 2] == "you" and tokens[k - 1] in ("are", "re"))):
                return True
    return False


def read_patient_elements(text: str, prepared: list[list[str]], matches: list[Match]) -> PatientElements:
    found = {m.concept for m in matches if m.concept.startswith("patient:") and not m.negated}
    return PatientElements(
        diagnosis="patient:diagnosis" in found or ("patient:illness" in found and _told_depressed(prepared)),
        sick_role="patient:sick_role" in found or _sick_role(prepared),
        contract=_contract(prepared),
        agreement=_agreement(text, matches),
        illness="patient:illness" in found,
    )
