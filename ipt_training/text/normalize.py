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
#: A positive contraction after a word ("we'll", "I'd", "you're"), with the adverb and the word after a "'d", which
#: tell "would" ("I'd go") from "had" ("she'd lost", "he'd already moved"). The apostrophe comes first and the letter
#: before it is looked back at from after it: a pattern that opens with a character is found by a quick scan for it,
#: where one that opens with a look-behind makes the engine try every position of the text.
_POSITIVE_RE = re.compile(r"'(?<=[a-z]')(ll|ve|re|m|d)(?![a-z])"
                          r"(?:(\s+(?:already|never|just|not|always|ever|also|only|recently|long)\b)?\s+([a-z]+))?")
_POSITIVE = {"ll": " will", "ve": " have", "re": " are", "m": " am"}
_LETS_RE = re.compile(r"\blet's\b")
#: Past participles that are not also a verb's plain form: after "'d" they make it "had" ("they'd never been").
_PARTICIPLES = frozenset({
    "been", "gone", "done", "seen", "taken", "given", "known", "become", "lost", "left", "felt", "told", "said",
    "thought", "heard", "found", "kept", "begun", "broken", "chosen", "spoken", "written", "fallen", "forgotten",
    "grown", "got", "gotten", "had", "made", "brought", "bought", "taught", "caught", "fought", "sought", "met",
    "sent", "spent", "built", "held", "stood", "understood", "slept", "won", "worn", "torn", "driven", "eaten",
    "drunk", "shown", "thrown", "drawn", "hidden", "beaten", "sold", "paid", "led", "fed", "fled", "better"})
#: "R/o RT" in a clinical note: the area is ruled out.
_RULED_OUT_RE = re.compile(r"\br/o\b")
#: An arrow of inference in a note ("no death -> RT", "polite => not RD"): read as "so", which ends the reach of a
#: negation before it (:func:`ipt_training.text.matcher.is_negated`), as the sentence it stands for would.
_ARROW_RE = re.compile(r"[-=]+>")

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
    "g": "grief",
    "rel": "relationship",
    "rels": "relationships",
    "relship": "relationship",
}

#: Negations written without the apostrophe ("dont", "didnt"), as hurried or non-native writers do: read like
#: "don't" (which becomes "do not"), so every reader of negation sees the same "not".
FUSED_NEGATIONS: dict[str, tuple[str, str]] = {
    "cannot": ("can", "not"), "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"),
    "isnt": ("is", "not"), "wasnt": ("was", "not"), "arent": ("are", "not"), "werent": ("were", "not"),
    "hasnt": ("has", "not"), "havent": ("have", "not"), "hadnt": ("had", "not"), "cant": ("can", "not"),
    "couldnt": ("could", "not"), "wouldnt": ("would", "not"), "shouldnt": ("should", "not"),
    "wont": ("will", "not"),
}

#: Token-level expansions: abbreviations and fused negations.
_TOKEN_EXPANSIONS: dict[str, tuple[str, ...]] = {
    **{short: tuple(long.split()) for short, long in ABBREVIATIONS.items()},
    **FUSED_NEGATIONS,
}


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                              # an acute accent or a modifier letter typed for an apostrophe ("we\u00b4ll")
                              "\u00b4": "'", "\u02bc": "'",
                              "\u2014": " - ", "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                              # letters Unicode does not decompose into a base letter and an accent, so that
                              # names such as Đức, Søren, Łukasz or Strauß keep their letters
                              "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
                              "ß": "ss", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th",
                              "ı": "i", "Ħ": "H", "ħ": "h",
                              # arrows of inference, read as the ASCII arrows of a note
                              "\u2192": "->", "\u21d2": "=>"})


def to_ascii_lower(text: str) -> str:
    """Lower-case, strip accents and fold typographic quotes and dashes."""
    if not text.isascii():
        text = text.translate(_TYPOGRAPHIC)  # every character it maps is non-ASCII
    if not text.isascii():
        # Accented letters lose their accents; other non-ASCII characters (emoji, other scripts) are dropped.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def _positive(match: re.Match[str]) -> str:
    """A positive contraction written out: "'ll" -> "will", "'d" -> "would", or "had" before a past participle (one
    of :data:`_PARTICIPLES`, or a word in "-ed" but not "-eed": "she'd moved", not "I'd proceed")."""
    short, _, word = match.groups()
    if short != "d":
        long = _POSITIVE[short]
    elif word is not None and (word in _PARTICIPLES or (len(word) > 4 and word.endswith("ed") and word[-3] != "e")):
        long = " had"
    else:
        long = " would"
    return long + match.group()[match.end(1) - match.start():]


def _expand(text: str) -> str:
    if "'" in text:
        if "n't" in text:  # (every negated modal ends so)
            for contraction, expansion in _NEGATED_MODALS:
                text = text.replace(contraction, expansion)
        if "let's" in text:
            text = _LETS_RE.sub("let us", text)
        text = _POSITIVE_RE.sub(_positive, text)
        text = _CONTRACTION_RE.sub("", text)
    if ">" in text:
        text = _ARROW_RE.sub(" so ", text)
    if "e.g" in text or "i.e" in text:
        # "e.g." and "i.e." are not the shorthand "G" (grief) or anything else
        text = text.replace("e.g.", " eg ").replace("i.e.", " ie ")
    if "/" in text or "&" in text:
        text = text.replace("+/-", " good and bad ")
        if "r/o" in text:
            text = _RULED_OUT_RE.sub(" ruled out ", text)
        text = text.replace("w/o", " without ").replace("w/", " with ").replace("&", " and ").replace("/", " ")
    return text


#: A line break inside a sentence (the next line starts in lower case): hard-wrapped text, not a new clause.
_WRAPPED_LINE_RE = re.compile(r"\n(?=[ \t]*(?:[a-z(\"']|\d+(?![.)\d])))")
_PIECE_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[.;:!?\n()\[\]\"=]|\s[-]+\s|->|=>")
#: Token that marks an opening or closing double quote when :func:`clauses` is asked to keep quotes.
QUOTE = '"'
#: Token that ends a clause asked as a question ("Grief? No one has died."), also kept only with ``quotes=True``.
QUESTION = "?"

_CONTRASTIVE = frozenset({"but", "however", "whereas", "although", "though"})


#: What ends a clause: punctuation, a spaced dash, or a contrastive word ("but", "however"); the words are found
#: among a clause's tokens (faster than in the regex), or with :data:`_CONTRASTIVE_RE` next to a hyphen.
_PUNCTUATION_SPLIT_RE = re.compile(r"[.;:!?\n()\[\]]|\s-+\s")
_PUNCTUATION_SPLIT_KEEP_RE = re.compile(f"({_PUNCTUATION_SPLIT_RE.pattern})")
#: The same for a text without a spaced dash (most texts): a bare character class is much faster to split on.
_MARK_SPLIT_RE = re.compile(r"[.;:!?\n()\[\]]")
_MARK_SPLIT_KEEP_RE = re.compile(r"([.;:!?\n()\[\]])")
_SPACED_DASH_RE = re.compile(r"\s-+\s")
_CONTRASTIVE_RE = re.compile(r"\b(?:but|however|whereas|although|though)\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Runs of the characters of tokens (and double quotes): each run is one token unless a hyphen in it is stray (at
#: an end, or doubled), and then :data:`_TOKEN_RE` cuts the run as it would cut the text. A plain run of characters
#: is several times faster to find than the token pattern with its repeated group.
_RUN_RE = re.compile(r"[a-z0-9-]+")
_RUN_OR_QUOTE_RE = re.compile(r"[a-z0-9-]+|\"")
_EXPANDABLE = frozenset(_TOKEN_EXPANSIONS)


def _expand_tokens(tokens: list[str]) -> list[str]:
    """Abbreviations expanded ("rt" -> "role transition"), also inside hyphenated notes ("rd-impasse")."""
    out: list[str] = []
    for token in tokens:
        expanded = _TOKEN_EXPANSIONS.get(token)
        if expanded is not None:
            out.extend(expanded)
        elif "-" in token and not _EXPANDABLE.isdisjoint(token.split("-")):
            for part in token.split("-"):
                out.extend(_TOKEN_EXPANSIONS.get(part, (part,)))
        else:
            out.append(token)
    return out


def clauses(text: str, *, quotes: bool = False) -> list[list[str]]:
    """Split ``text`` into clauses (lists of tokens). Contrastive words and punctuation end a clause.

    With ``quotes=True`` each double quote is kept as a :data:`QUOTE` token, so a reader can tell quoted words
    (the patient's or a colleague's) from the writer's own, and a clause asked as a question ends with a
    :data:`QUESTION` token. ``=`` and ``->`` never end a clause.
    """
    text = _normalised(text)
    if "_" in text or "\x00" in text:
        return _clauses_by_regex(text, quotes)  # word boundaries of the text matter (see :func:`_clauses_by_regex`)
    # One pass in C over the whole text: every character that ends a clause becomes NUL, every other character that
    # is not part of a token a space; the clauses are the text's NUL-separated pieces, their tokens the words.
    if "-" in text and _spaced_dash(text):
        text = _SPACED_DASH_RE.sub(";", text)
    questions = quotes and "?" in text
    if quotes and '"' in text:
        text = text.replace('"', ' " ')
    table = _CLAUSE_TABLES[quotes, questions]
    text = text.encode("ascii").translate(table).decode("ascii")
    if questions:
        text = text.replace("?", "\x00?\x00")
    pieces = text.split("\x00")
    result: list[list[str]] = []
    last = len(pieces) - 1
    for k, chunk in enumerate(pieces):
        tokens = chunk.split()
        if not tokens:
            continue
        if not questions and "-" not in chunk and _CUT_OR_EXPANDED.isdisjoint(tokens):
            result.append(tokens)  # the usual clause: nothing to cut, expand or mark
            continue
        hyphen = "-" in chunk
        if hyphen:
            tokens = _split_stray_hyphens(tokens)
            if not tokens:
                continue
        elif questions and chunk == "?":
            continue  # the mark itself, read with the clause before it
        asked = questions and k < last and pieces[k + 1] == "?"
        if hyphen:
            # A contrastive word may touch a hyphen ("but-"): split as the word boundaries of the text say.
            if _CONTRASTIVE_RE.search(chunk) is not None:
                parts = [_split_stray_hyphens(part.split()) for part in _CONTRASTIVE_RE.split(chunk)]
                _add_clauses(result, parts, chunk, asked)
                continue
        elif not _CONTRASTIVE.isdisjoint(tokens):
            _add_clauses(result, _split_at_contrastive(tokens), chunk, asked)
            continue
        if hyphen or not _EXPANDABLE.isdisjoint(tokens):
            tokens = _expand_tokens(tokens)
        if asked:
            tokens.append(QUESTION)
        result.append(tokens)
    return result


#: Tokens that make a clause more than its words: a contrastive word cuts it, an abbreviation is expanded.
_CUT_OR_EXPANDED = _CONTRASTIVE | _EXPANDABLE


def _spaced_dash(text: str) -> bool:
    """Whether :data:`_SPACED_DASH_RE` is found in ``text``: looked for from its hyphens (a few) rather than from its
    spaces (dozens), where the regular expression tries a match at each."""
    end = len(text)
    i = text.find("-", 1)
    while i > 0:
        j = i + 1
        while j < end and text[j] == "-":
            j += 1
        if j < end and text[i - 1].isspace() and text[j].isspace():
            return True
        i = text.find("-", j + 1)
    return False


def _normalised(text: str) -> str:
    """Lower-case ASCII with hard-wrapped lines joined and contractions and shorthand expanded."""
    if "\n" in text:
        text = _WRAPPED_LINE_RE.sub(" ", text)
    return _expand(to_ascii_lower(text))


def _translation(quotes: bool, questions: bool) -> bytes:
    """The byte table of :func:`clauses`: token characters stay (and ``"`` with ``quotes``), clause ends become NUL
    (``?`` stays when questions are read), everything else a space."""
    table = bytearray(b" " * 256)
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789-" + ('"' if quotes else ""):
        table[ord(ch)] = ord(ch)
    for ch in ".;:!?\n()[]":
        table[ord(ch)] = 0
    if questions:
        table[ord("?")] = ord("?")
    return bytes(table)


_CLAUSE_TABLES = {(q, a): _translation(q, a) for q in (False, True) for a in (False, True)}


def _split_stray_hyphens(runs: list[str]) -> list[str]:
    """Runs of token characters cut as :data:`_TOKEN_RE` cuts them where a hyphen is stray (at an end, or doubled)."""
    tokens: list[str] = []
    for run in runs:
        if "-" in run and (run[0] == "-" or run[-1] == "-" or "--" in run):
            tokens += _TOKEN_RE.findall(run)
        else:
            tokens.append(run)
    return tokens


def _clauses_by_regex(text: str, quotes: bool) -> list[list[str]]:
    """:func:`clauses` for a text holding an underscore or a NUL (rare), where a contrastive word touching an
    underscore ("x_but") is no word of its own: pieces and tokens cut by regular expressions."""
    run_re = _RUN_OR_QUOTE_RE if quotes else _RUN_RE
    result: list[list[str]] = []
    questions = quotes and "?" in text
    if "-" in text and _SPACED_DASH_RE.search(text) is not None:
        pieces = _PUNCTUATION_SPLIT_KEEP_RE.split(text) if questions else _PUNCTUATION_SPLIT_RE.split(text)
    else:
        pieces = _MARK_SPLIT_KEEP_RE.split(text) if questions else _MARK_SPLIT_RE.split(text)
    step = 2 if questions else 1
    for k in range(0, len(pieces), step):
        chunk = pieces[k]
        hyphen = "-" in chunk
        tokens = _tokens(chunk, run_re) if hyphen else (run_re if '"' in chunk else _RUN_RE).findall(chunk)
        if not tokens:
            continue
        asked = questions and k + 1 < len(pieces) and pieces[k + 1] == "?"
        if hyphen or "_" in chunk:
            # A contrastive word may touch a hyphen or an underscore ("but-", "x_but"): split as the word
            # boundaries of the text say, not as the tokens do.
            if _CONTRASTIVE_RE.search(chunk) is not None:
                parts = [_tokens(part, run_re) for part in _CONTRASTIVE_RE.split(chunk)]
                _add_clauses(result, parts, chunk, asked)
                continue
        elif not _CONTRASTIVE.isdisjoint(tokens):
            _add_clauses(result, _split_at_contrastive(tokens), chunk, asked)
            continue
        if not _EXPANDABLE.isdisjoint(tokens) or "-" in chunk:
            tokens = _expand_tokens(tokens)
        if asked:
            tokens.append(QUESTION)
        result.append(tokens)
    return result


def _tokens(chunk: str, run_re: re.Pattern[str]) -> list[str]:
    """The tokens of ``chunk``, as :data:`_TOKEN_RE` (or it and quotes) finds them."""
    runs = (run_re if '"' in chunk else _RUN_RE).findall(chunk)
    return _split_stray_hyphens(runs) if "-" in chunk else runs


def _split_at_contrastive(tokens: list[str]) -> list[list[str]]:
    """The tokens of a clause cut at each contrastive word ("but", "however"), which is left out."""
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in _CONTRASTIVE:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _add_clauses(result: list[list[str]], parts: list[list[str]], chunk: str, asked: bool) -> None:
    """Append the non-empty ``parts`` of ``chunk`` as clauses; a question mark after the chunk ends the last part."""
    for n, tokens in enumerate(parts):
        if not tokens:
            continue
        if not _EXPANDABLE.isdisjoint(tokens) or "-" in chunk:
            tokens = _expand_tokens(tokens)
        if asked and n == len(parts) - 1:
            tokens.append(QUESTION)
        result.append(tokens)


def sentences(text: str) -> list[str]:
    """Split ``text`` into rough sentences (for feedback and for sentence-level cues)."""
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]
