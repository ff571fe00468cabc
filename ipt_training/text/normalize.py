"""Turn free text into clauses of lower-case ASCII tokens.

Clinicians write in sentences full of punctuation, contractions, accents and abbreviations.
Everything downstream (phrase matching, negation, typo repair) works on the output of
:func:`clauses`, so this is the only place that knows about raw characters.
"""

from __future__ import annotations

import re
import unicodedata

_CONTRACTIONS = {
    "n't": " not",
    "'re": " are",
    "'s": "",
    "'ve": " have",
    "'ll": " will",
    "'d": " would",
    "'m": " am",
}
_CONTRACTION_RE = re.compile(r"(n't|'re|'s|'ve|'ll|'d|'m)\b")
_SPECIAL_NEGATIONS = re.compile(r"\b(can)not\b|\bwon't\b|\bcan't\b|\bshan't\b")
_CLAUSE_SPLIT = re.compile(r"[.;:!?\n()\[\]]+|\s[-–—]+\s|\b(?:but|however|whereas|although|though)\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: Abbreviations clinicians use in notes, expanded before matching.
ABBREVIATIONS: dict[str, str] = {
    "ipt": "interpersonal psychotherapy",
    "rd": "role dispute",
    "rt": "role transition",
    "ipd": "interpersonal deficits",
    "mdd": "major depression",
    "mde": "major depressive episode",
    "dx": "diagnosis",
    "sx": "symptoms",
    "pt": "patient",
    "hx": "history",
    "tx": "treatment",
    "sig": "significant",
    "w": "with",
    "b4": "before",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "mos": "months",
    "wk": "week",
    "wks": "weeks",
    "bc": "because",
    "ca": "communication analysis",
}

_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")\b")


def to_ascii_lower(text: str) -> str:
    """Lower-case, strip accents and fold typographic quotes and dashes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return text.lower()


def _expand(text: str) -> str:
    text = _SPECIAL_NEGATIONS.sub(lambda m: (m.group(1) or m.group(0)[:-3]) + " not", text)
    text = _CONTRACTION_RE.sub(lambda m: _CONTRACTIONS[m.group(1)], text)
    text = text.replace("w/o", " without ").replace("w/", " with ").replace("&", " and ").replace("/", " ")
    return _ABBREV_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def clauses(text: str) -> list[list[str]]:
    """Split ``text`` into clauses (lists of tokens). Contrastive words and punctuation end a clause."""
    expanded = _expand(to_ascii_lower(text))
    result: list[list[str]] = []
    for part in _CLAUSE_SPLIT.split(expanded):
        if part:
            tokens = _TOKEN_RE.findall(part)
            if tokens:
                result.append(tokens)
    return result


def sentences(text: str) -> list[str]:
    """Split ``text`` into rough sentences (for feedback and for sentence-level cues)."""
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]
