"""Read the elements of a formulation said to the patient (reference section 6) that a supervision note lacks.

* diagnosis and sick role: the disorder is named (common, treatable and not their fault is the medical model, the
  diagnosis part); the sick role is that some obligations are eased while recovering and that the patient's task
  is to work at getting better;
* the time-limited contract: a number of sessions or weeks, or an explicit time limit;
* the invitation to agree: a question that asks the patient for their view ("Does that fit how you see it?", "Does
  that feel right?", "Is that right?").

"You are depressed" names the diagnosis when the answer also gives the medical model ("it is an illness and it can
be treated"): the patient is told what they have, in their own word for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipt_training.text.matcher import Match

_NUMBER_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "few", "several",
})
_UNITS = ("week", "session", "month", "meeting", "appointment")
_SESSION_UNITS = ("session", "meeting", "appointment")
_PERIOD_WORDS = frozenset({"over", "for", "next", "during", "within", "our"})
_PAST_WORDS = frozenset({"past", "last", "previous", "first"})
_HISTORY_WORDS = frozenset({"after", "ago", "before", "later", "since", "earlier", "prior"})
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


def _contract(prepared: list[list[str]]) -> bool:
    """A count of sessions ("12 weekly sessions"), a treatment period ("over the next sixteen weeks") or a time limit.

    A duration in the history ("two months after the move", "six weeks ago") is not a contract.
    """
    for tokens in prepared:
        for i, token in enumerate(tokens):
            if token in {"time-limited", "time-limit"} or (token == "time" and tokens[i + 1:i + 2] in (["limit"],
                                                                                                       ["limited"])):
                return True
            if not token.startswith(_UNITS):
                continue
            before = tokens[max(0, i - 3):i]
            if not any(t.isdigit() or t in _NUMBER_WORDS for t in before):
                continue
            if token.startswith(_SESSION_UNITS) or "weekly" in before:
                return True
            after = tokens[i + 1:i + 2]
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
        sick_role="patient:sick_role" in found,
        contract=_contract(prepared),
        agreement=_agreement(text, matches),
        illness="patient:illness" in found,
    )
