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
    "pa": "problem area",
    "id": "interpersonal deficits",
    "tl": "timeline",
}

#: Token-level expansions: abbreviations and fused negations.
_TOKEN_EXPANSIONS: dict[str, tuple[str, ...]] = {
    **{short: tuple(long.split()) for short, long in ABBREVIATIONS.items()},
    "cannot": ("can", "not"),
}


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                              "\u2014": " - ", "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


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


#: A line break inside a sentence (the next line starts in lower case): hard-wrapped text, not a new clause.
_WRAPPED_LINE_RE = re.compile(r"\n(?=[ \t]*(?:[a-z(\"']|\d+(?![.)\d])))")
_PIECE_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[.;:!?\n()\[\]\"=]|\s[-]+\s|->|=>")
#: Token that marks an opening or closing double quote when :func:`clauses` is asked to keep quotes.
QUOTE = '"'

_CONTRASTIVE = frozenset({"but", "however", "whereas", "although", "though"})


def clauses(text: str, *, quotes: bool = False) -> list[list[str]]:
    """Split ``text`` into clauses (lists of tokens). Contrastive words and punctuation end a clause.

    With ``quotes=True`` each double quote is kept as a :data:`QUOTE` token, so a reader can tell quoted words
    (the patient's or a colleague's) from the writer's own. ``=`` and ``->`` never end a clause.
    """
    result: list[list[str]] = []
    current: list[str] = []
    expansions = _TOKEN_EXPANSIONS
    if "\n" in text:
        text = _WRAPPED_LINE_RE.sub(" ", text)
    for piece in _PIECE_RE.findall(_expand(to_ascii_lower(text))):
        if piece[0].isalnum() and piece not in _CONTRASTIVE:
            expanded = expansions.get(piece)
            if expanded is not None:
                current.extend(expanded)
            elif "-" in piece and any(part in expansions for part in piece.split("-")):
                # Abbreviated notes: "RD-impasse", "RT-retirement".
                for part in piece.split("-"):
                    current.extend(expansions.get(part, (part,)))
            else:
                current.append(piece)
        elif piece == QUOTE:
            if quotes:
                current.append(QUOTE)
        elif piece in {"=", "->", "=>"}:
            continue
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def sentences(text: str) -> list[str]:
    """Split ``text`` into rough sentences (for feedback and for sentence-level cues)."""
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]
