"""Read the shorthand of a clinical note as the words it stands for, before the answer is matched.

A note written in a hurry ("S: DA re sale, exp. of partnership; RP requests; reconstruct rel. incl. guilt") says
what a sentence says; the shared abbreviation list (:data:`ipt_training.text.normalize.ABBREVIATIONS`) reads single
tokens such as "rt" or "ca", but not:

* **technique acronyms** written in capitals: "RP" or "R/P" (role play), "DA" (decision analysis). These are also
  ordinary letters (a district attorney, initials in a name), so they are read as techniques only after a plan
  heading ("S:", "Strat:", "Plan:", "Tx:", "Goals:"), where a note lists what it will do;
* **truncated words** ("incl.", "rel.", "ther.", "enc.", "reneg.", "exp.", "comm", "args"): expanded, and their
  full stop, which is not the end of a sentence when the note goes on in lower case, is dropped so the clause is
  read whole ("reconstruct rel. incl. conflict"). "exp." is "expression of" before a feeling ("exp. affect") and
  "expectations" elsewhere ("exp. of partnership", "Exp: M = 50/50");
* **"CA" as a place** ("Fresno, CA", "moved to CA") is the state, not communication analysis;
* **clinical shorthand of events and time**: "d." before a date or a time word ("wife d. 03/25", "d. in March") and
  "\u2020" are "died" (the full stop after "d" also ended the clause, cutting the death from its date and onset);
  "3/12", "3/52" and "3/7" beside a word of time ("3/12 after the move", "for 2/52") are three months, weeks and
  days (a date such as "03/25" is left alone); "yo" or "y/o" after an age is "years old"; "c/o" is "complains of";
  "#" beside a bone ("hip #", "# NOF") is a fracture.

Plain prose rarely holds any of these, so a cheap test on the text skips the work for most answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Truncated words and the words they stand for (matched case-insensitively, as whole words). A full stop after
#: one stays: it may end the item of a list ("reconstruct rel. incl. conflict" is two items).
_TRUNCATED: dict[str, str] = {
    "incl": "including", "excl": "excluding", "rel": "relationship", "rels": "relationships",
    "reneg": "renegotiation", "renegot": "renegotiation", "anniv": "anniversary", "comm": "communication",
    "comms": "communication", "args": "arguments", "sig": "significant",
}
#: Truncated words that qualify the word after them ("ther. rel.", "enc. affect", "non-recip. exp."): their full
#: stop is dropped when the note goes on in lower case, so the two words are read together.
_PREFIXES: dict[str, str] = {"ther": "therapeutic", "enc": "encourage", "recip": "reciprocal"}
#: Truncated words that are also ordinary words without their full stop ("I expect"): expanded only with it.
_TRUNCATED_WITH_STOP: dict[str, str] = {"expect": "expectations"}
#: The full stop after a prefix when the note goes on in lower case (a full stop before a capital letter or at
#: the end may end a sentence, and stays).
_STOP = r"(?:\.(?=[ \t]*(?-i:[a-z])))"


@lru_cache(maxsize=256)
def _truncated_re(words: frozenset[str]) -> re.Pattern[str]:
    """The pattern of the truncated words among ``words`` (a pattern of a few words is several times faster to run
    over a text than one of all of them)."""
    plain = sorted(_TRUNCATED.keys() & words, key=len, reverse=True)
    prefixes = sorted(_PREFIXES.keys() & words)
    with_stop = sorted(_TRUNCATED_WITH_STOP.keys() & words)
    parts = [r"\b(" + "|".join(plain or ["(?!)"]) + r")(?![\w'-])",
             r"\b(" + "|".join(prefixes or ["(?!)"]) + rf"){_STOP}?(?![\w'-])",
             r"\b(" + "|".join(with_stop or ["(?!)"]) + r")(?=\.)"]
    return re.compile("|".join(parts), re.IGNORECASE)


#: "exp." before a feeling is "expression of" ("exp. affect", "exp. anger"); elsewhere "expectations".
_FEELINGS = r"(?:affect|feelings?|emotions?|anger|grief|sadness|guilt)\b"
_EXP_RE = re.compile(rf"\b[Ee]xp{_STOP}?(?![\w'-])(?=(\.?[ \t]+{_FEELINGS})|)")
#: "rel'ship" and "rel'ships": the apostrophe stands for the letters left out.
_RELSHIP_RE = re.compile(r"\b[Rr]el'(ships?)\b")
#: Technique acronyms, in capitals only (lower-case "rp" or "da" is read as written).
_ACRONYMS = {"RP": "role play", "R/P": "role play", "r/p": "role play", "DA": "decision analysis"}
_ACRONYM_RE = re.compile(r"(?<![\w/])(RP|R/P|r/p|DA)(?![\w/])")
#: A heading after which a note lists its plan.
_PLAN_HEADING_RE = re.compile(r"(?<![\w'])(?:[Ss]|[Gg]oals?|[Ss]trat\w*|[Pp]lan|[Tt]x|[Tt]reatment|"
                              r"[Ii]nterventions?|[Tt]echniques?)[ \t]*:")
#: "CA" as the state: after a town ("Fresno, CA") or a word of place ("moved to CA"), and not "CA of ...".
_PLACE_CA_RE = re.compile(r"(?:\b[A-Z][a-z]+, |\b(?:in|to|from|near|of) )CA\b(?! of\b)")
_TRUNCATABLE = frozenset({*_TRUNCATED, *_PREFIXES, *_TRUNCATED_WITH_STOP})
#: A byte table for the quick look at a note's words: letters in lower case, digits kept, everything else a space.
_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))
#: Words (lower case) of which an answer with shorthand to expand holds at least one.
_SHORT_WORDS = frozenset(w.encode() for w in (*_TRUNCATED, *_PREFIXES, *_TRUNCATED_WITH_STOP, "exp", "rp", "r", "da",
                                              "ca"))


def _truncated(match: re.Match[str]) -> str:
    word, prefix, with_stop = match.groups()
    if word:
        return _TRUNCATED[word.lower()]
    return _PREFIXES[prefix.lower()] if prefix else _TRUNCATED_WITH_STOP[with_stop.lower()]


def _exp(match: re.Match[str]) -> str:
    word = "expression of" if match.group(1) else "expectations"
    return word.capitalize() if match.group(0)[0] == "E" else word


#: "d." (died) before a date, a month or a time word; after a word, so that an initial ("D. Osei") is not read.
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DIED_RE = re.compile(rf"(?:(?<=[A-Za-z)][ \t])|(?<=\())d\.?[ \t]*"
                      rf"(?=\(?\d|(?i:in|on|of|aged|last|early|late|mid|{_MONTHS})\b)")
#: "n/12" (months), "n/52" (weeks), "n/7" (days) beside a word of time; a written date ("03/25") is not one of them.
_SPAN_UNITS = {"12": "months", "52": "weeks", "7": "days"}
_SPAN_RE = re.compile(r"(\b(?:for|over|past|last|within|about|x)[ \t]+|~[ \t]*)?(?<![\d/])(\d{1,2})/(12|52|7)(?![\d/])"
                      r"((?=[ \t]*(?:ago|after|later|before|earlier|prior|post|since|of|into|hx|history)\b))?",
                      re.IGNORECASE)
_AGE_RE = re.compile(r"(?<=\d)[ \t]?(?:yo|y/o|y\.o\.?)(?![\w/])", re.IGNORECASE)
_BONES = r"(?:hip|wrist|femur|NOF|ankle|leg|arm|rib|ribs|pelvis|shoulder|elbow|spine|vertebra|collarbone)"
_FRACTURE_RE = re.compile(rf"\b({_BONES})[ \t]*#|#[ \t]*(?={_BONES}\b)", re.IGNORECASE)
#: "d" as a word before a full stop, a space or a tab: the one hint of "d." that a quick look can find.
_DIED_HINTS = (" d.", " d ", "(d.", "(d ", " d\t", "\u2020")
#: Ages written "77yo", "41 y/o", "60 y.o.".
_AGE_HINT_RE = re.compile(r"\d ?[yY][./]?[oO]\b")


def _span(match: re.Match[str]) -> str:
    before, number, unit, after = match.groups()
    if before is None and after is None:
        return match.group()  # no word of time beside it: a date or a fraction
    return f"{before or ''}{number} {_SPAN_UNITS[unit]}"


def _clinical(text: str) -> str:
    """``text`` with the clinical shorthand of events and time written out (see the module docstring)."""
    if any(hint in text for hint in _DIED_HINTS):
        if "\u2020" in text:
            text = re.sub(r"\u2020[ \t]*", "died ", text)
        text = _DIED_RE.sub("died ", text)
    if "/" in text:
        if "/12" in text or "/52" in text or "/7" in text:
            text = _SPAN_RE.sub(_span, text)
        if "c/o" in text or "C/O" in text or "C/o" in text:
            text = re.sub(r"(?<![\w/])[Cc]/[Oo](?![\w/])", "complains of", text)
    if ("yo" in text or "YO" in text or "/o" in text or ".o" in text) and _AGE_HINT_RE.search(text) is not None:
        text = _AGE_RE.sub(" years old", text)
    if "#" in text:
        text = _FRACTURE_RE.sub(lambda m: f"{m.group(1) or ''} fracture ", text)
    return text


def expand_shorthand(text: str) -> str:
    """``text`` with the shorthand of a clinical note written out (see the module docstring)."""
    text = _clinical(text)
    found = _SHORT_WORDS.intersection(text.encode("ascii", "ignore").translate(_WORD_BYTES).split())
    if not found:
        return text  # most answers: no shorthand at all
    words = {w.decode() for w in found}
    if "ca" in words:
        heading = _PLAN_HEADING_RE.search(text)
        plan_start = heading.end() if heading is not None else len(text)
        if "CA" in text[:plan_start]:  # after a plan heading, "CA" is the technique
            text = _PLACE_CA_RE.sub(lambda m: m.group(0)[:-2] + "California", text[:plan_start]) + text[plan_start:]
    if "rel" in words and "l'ship" in text:
        text = _RELSHIP_RE.sub(r"relation\1", text)
    truncated = words & _TRUNCATABLE
    if truncated:
        text = _truncated_re(frozenset(truncated)).sub(_truncated, text)
    if "exp" in words:
        text = _EXP_RE.sub(_exp, text)
    if not words.isdisjoint(("rp", "r", "da")):
        heading = _PLAN_HEADING_RE.search(text)
        if heading is not None:
            start = heading.end()
            text = text[:start] + _ACRONYM_RE.sub(lambda m: _ACRONYMS[m.group(1)], text[start:])
    return text
