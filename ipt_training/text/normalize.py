"""Turn free text into clauses of lower-case ASCII tokens.

Clinicians write in sentences full of punctuation, contractions, accents and abbreviations.
Everything downstream (phrase matching, negation, typo repair) works on the output of
:func:`clauses`, so this is the only place that knows about raw characters.
"""

from __future__ import annotations

import re
import unicodedata

_NEGATED_MODALS = (("won't", "will not"), ("can't", "can not"), ("shan't", "shall not"), ("n't", " not"))
_CONTRACTION_RE = re.compile(r"'(?:re|s|ve|ll|d|m)\b")

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

#: Token-level expansions: abbreviations and fused negations.
_TOKEN_EXPANSIONS: dict[str, tuple[str, ...]] = {
    **{short: tuple(long.split()) for short, long in ABBREVIATIONS.items()},
    "cannot": ("can", "not"),
}


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                              "\u2014": "-"})


def to_ascii_lower(text: str) -> str:
    """Lower-case, strip accents and fold typographic quotes and dashes."""
    text = text.translate(_TYPOGRAPHIC)
    if not text.isascii():
        # Accented letters lose their accents; other non-ASCII characters (emoji, other scripts) are dropped.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def _expand(text: str) -> str:
    if "'" in text:
        for contraction, expansion in _NEGATED_MODALS:
            text = text.replace(contraction, expansion)
        text = _CONTRACTION_RE.sub("", text)
    if "/" in text or "&" in text:
        text = text.replace("w/o", " without ").replace("w/", " with ").replace("&", " and ").replace("/", " ")
    return text


_PIECE_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[.;:!?\n()\[\]]|\s[-]+\s")
_CONTRASTIVE = frozenset({"but", "however", "whereas", "although", "though"})


def clauses(text: str) -> list[list[str]]:
    """Split ``text`` into clauses (lists of tokens). Contrastive words and punctuation end a clause."""
    result: list[list[str]] = []
    current: list[str] = []
    expansions = _TOKEN_EXPANSIONS
    for piece in _PIECE_RE.findall(_expand(to_ascii_lower(text))):
        if piece[0].isalnum() and piece not in _CONTRASTIVE:
            expanded = expansions.get(piece)
            if expanded is None:
                current.append(piece)
            else:
                current.extend(expanded)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def sentences(text: str) -> list[str]:
    """Split ``text`` into rough sentences (for feedback and for sentence-level cues)."""
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]
