"""Put an answer's text in a canonical form before it is scored, and notice answers padded to game the scorer.

* **Hidden and look-alike characters** neither help nor hurt: the text is NFKC-normalised (full-width letters,
  ligatures), format characters (zero-width spaces and joiners, soft hyphens, direction marks) are removed,
  every kind of space becomes a plain space, line and paragraph separators a line break, and Cyrillic or Greek
  letters that look like Latin ones are read as Latin in a text written mostly in Latin letters (in a text in
  another script, only inside words that also hold Latin letters).
* **Repetition**: a clause (a sentence or part of one, four words or more) that occurs again is read once, so a
  paragraph pasted thirty times counts once; when repeats add up to :data:`_REPEATED_WORDS` words the answer is
  flagged ``repeated_text``.
* **Length**: an answer many times longer than any formulation (:data:`OVERLONG_WORDS`) is flagged ``overlong``.
* **Pointers elsewhere**: the graded answer is what is written in it (and the choices made beside it). A short
  answer that points to text elsewhere ("see above", "as discussed in the previous cell", "same as my notes") is
  graded as written, and flagged ``refers_elsewhere`` with feedback that says so plainly.

These flags lower the scorer's confidence, so the answer goes to the instructor's review queue.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ipt_training.scoring.shorthand import expand_shorthand
from ipt_training.text.normalize import clauses

#: Formulations run from a line to about 250 words; this is several times the longest honest answer.
OVERLONG_WORDS = 600
#: An answer pointing elsewhere with fewer words than this is the pointer, not a formulation.
POINTER_WORDS = 30
#: Repeated sentences count as padding once they add this many words.
_REPEATED_WORDS = 15
_MIN_CLAUSE_WORDS = 4

#: Words that point to text outside the answer: "see above", "as discussed", "(in) the previous cell", "my notes".
#: Words that point to text outside the answer ("see above", "as discussed in the previous cell", "same as my
#: notes", "as I wrote earlier", "as discussed."), read from the answer's tokens.
_POINT = frozenset({"see", "cf", "refer", "same", "as"})
_SAID = frozenset({"said", "wrote", "written", "discussed", "described", "mentioned", "stated", "noted", "explained",
                   "outlined"})
_PLACES = frozenset({"above", "below", "elsewhere"})
_ORDINALS = frozenset({"previous", "earlier", "other", "first", "last", "preceding", "next"})
_SECTIONS = frozenset({"cell", "cells", "answer", "answers", "section", "question", "part", "page", "notebook",
                       "exercise"})
_NOTES = frozenset({"note", "notes"})
_TIMES = frozenset({"before", "earlier", "previously"})
_SKIP = frozenset({"in", "on", "to", "the", "my", "i", "we", "as"})
_POINTER_TRIGGERS = _POINT | _SAID
#: Every word :func:`_place` can find a place from: a clause without any points nowhere.
_PLACE_WORDS = _PLACES | _NOTES | _TIMES | _ORDINALS | frozenset({"cell", "question"})
#: What a clause needs beside a pointer word to point anywhere: a place, or a verb of saying that ends it.
_PLACE_OR_SAID = _PLACE_WORDS | _SAID


def _place(tokens: list[str], i: int, notes: bool, times: bool) -> int:
    """The end of a place named from ``tokens[i]`` on ("above", "the previous cell", "cell 3"), or 0."""
    while i < len(tokens) and tokens[i] in _SKIP:
        i += 1
    if i >= len(tokens):
        return 0
    word = tokens[i]
    if word in _PLACES or (notes and word in _NOTES) or (times and word in _TIMES):
        return i + 1
    if word in _ORDINALS and i + 1 < len(tokens) and tokens[i + 1] in _SECTIONS:
        return i + 2
    if word in {"cell", "question"} and i + 1 < len(tokens) and tokens[i + 1].isdigit():
        return i + 2
    return 0


def _pointer(raw: list[list[str]], vocabulary: frozenset[str]) -> str:
    """The words of the answer (``vocabulary``: all of them) that point to text elsewhere, or ""."""
    if _POINTER_TRIGGERS.isdisjoint(vocabulary) or _PLACE_OR_SAID.isdisjoint(vocabulary):
        return ""  # no clause has a pointer word and a place (or a closing "discussed"): most answers
    for clause in raw:
        if _POINTER_TRIGGERS.isdisjoint(clause) or (_PLACE_WORDS.isdisjoint(clause) and clause[-1] not in _SAID):
            continue  # no pointer word, or no place for it to point to (nor "as discussed" ending the clause)
        for i, word in enumerate(clause):
            if word in _POINT:
                end = _place(clause, i + 1, notes=word != "as", times=False)
            elif word in _SAID:
                after_as = "as" in clause[max(0, i - 2):i]
                end = _place(clause, i + 1, notes=after_as, times=after_as)
                if not end and after_as and i + 1 == len(clause):
                    end = i + 1  # "as discussed." ends its sentence
            else:
                continue
            if end:
                before = clause[max(0, i - 2):i]
                start = i - len(before) + before.index("as") if "as" in before else i
                return " ".join(clause[start:end])
    return ""


_CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "Α": "A", "Β": "B", "Ε": "E",
    "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_CONFUSABLE_CHARS = frozenset(chr(k) for k in _CONFUSABLES)
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n", "\r\n": "\n", "\r": "\n", "\x0b": "\n",
                "\x0c": "\n"}

#: Feedback sentences for the flags of this module.
REPEATED_FEEDBACK = ("Some sentences of the answer appear more than once; each was read once. In a graded "
                     "assignment, an answer like this is sent to your instructor for review.")
POINTER_FEEDBACK = ("The answer points to text elsewhere (\"{pointer}\"). Only what is written in this answer, "
                    "with the choices made beside it, was graded; text in other cells or notes was not read. Write "
                    "the whole formulation here. In a graded assignment, an answer like this is sent to your "
                    "instructor for review.")
OVERLONG_FEEDBACK = (f"The answer is far longer than a formulation (more than {OVERLONG_WORDS} words); write the "
                     "focus, the evidence and the plan in a paragraph or two. In a graded assignment, an answer "
                     "like this is sent to your instructor for review.")


@dataclass(frozen=True, slots=True)
class CleanText:
    """The answer as it will be scored, and what cleaning it found."""

    text: str
    #: the clauses to score (:func:`ipt_training.text.normalize.clauses`, quotes kept), repeats left out
    clauses: list[list[str]]
    repeated_words: int = 0
    words: int = 0
    #: the words of the answer that point elsewhere ("see above"), if any
    pointer: str = ""
    #: every token of :attr:`clauses`, gathered once for the readers that ask whether the answer has a word at all
    vocabulary: frozenset[str] = frozenset()

    @property
    def repeated(self) -> bool:
        return self.repeated_words >= _REPEATED_WORDS

    @property
    def overlong(self) -> bool:
        return self.words > OVERLONG_WORDS

    @property
    def refers_elsewhere(self) -> bool:
        """A short answer that points to text elsewhere instead of stating it."""
        return bool(self.pointer) and self.words < POINTER_WORDS

    @property
    def flags(self) -> tuple[str, ...]:
        return ((("repeated_text",) if self.repeated else ()) + (("overlong",) if self.overlong else ())
                + (("refers_elsewhere",) if self.refers_elsewhere else ()))

    @property
    def feedback(self) -> str:
        """The feedback on padding (the pointer's is :attr:`pointer_feedback`, given first by the scorer)."""
        return " ".join(text for flag, text in (("repeated_text", REPEATED_FEEDBACK), ("overlong", OVERLONG_FEEDBACK))
                        if flag in self.flags)

    @property
    def pointer_feedback(self) -> str:
        return POINTER_FEEDBACK.format(pointer=self.pointer) if self.pointer else ""


def _latinise(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_CONFUSABLES) if not _CONFUSABLE_CHARS.isdisjoint(word) else word


def canonical_characters(text: str) -> str:
    """NFKC, no format or control characters, plain spaces and line breaks, Latin look-alikes as Latin."""
    if text.isascii():
        if "\r" in text or "\x0b" in text or "\x0c" in text:
            for old, new in _LINE_BREAKS.items():
                text = text.replace(old, new)
        return text
    text = unicodedata.normalize("NFKC", text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf" or (category == "Cc" and ch not in "\n\t"):
            continue
        out.append(" " if category == "Zs" else ch)
    text = "".join(out)
    if not _CONFUSABLE_CHARS.isdisjoint(text):
        latin = sum(c.isascii() for c in text if c.isalpha())
        if 2 * latin > sum(c.isalpha() for c in text):
            text = text.translate(_CONFUSABLES)  # a Latin text: look-alikes anywhere are Latin letters
        else:
            text = _LATINISE_RE.sub(_latinise, text)  # another script: only inside words with Latin letters
    return text


#: A word mixing Latin letters with look-alikes from other scripts.
_LATINISE_RE = re.compile(r"[^\W\d_]*[A-Za-z][^\W\d_]*")


def _distinct_clauses(raw: list[list[str]]) -> tuple[list[list[str]], int]:
    """The clauses with every repeat of a clause of a few words or more left out; the words left out."""
    seen: set[tuple[str, ...]] = set()
    kept: list[list[str]] = []
    removed = 0
    for clause in raw:
        if len(clause) >= _MIN_CLAUSE_WORDS:
            key = tuple(clause)
            if key in seen:
                removed += len(clause)
                continue
            seen.add(key)
        kept.append(clause)
    return kept, removed


#: "G:" as a heading: in a note it is "Goals:" beside "S:" (strategies) after it or an area named before it
#: ("PA: RD w/ Maja ... G: clarify dispute. S: DA"); only in front of everything else may it be the shorthand for
#: grief as the area ("G: father died 2/25 ...").
_G_HEADING_RE = re.compile(r"(?<![\w.'/-])[Gg] ?:")
_S_HEADING_RE = re.compile(r"(?<![\w.'/-])(?:[Ss]|[Ss]trat\w*)[ \t]*:")
_AREA_BEFORE_RE = re.compile(r"\b(?:PA|pa|Pa|[Pp]roblem area|[Aa]rea|[Ff]ocus)\b[ \t]*[:=-]|\b(?:RD|RT|ID)\b")

_AREA_JUST_BEFORE_RE = re.compile(r"\b(?:PA|pa|Pa|[Pp]roblem area|[Aa]rea|[Ff]ocus)\b[ \t]*[:=-]?[ \t]*$")


def _g_before_colon(text: str) -> bool:
    """Whether some colon follows a "g" or "G" (with at most a space between)."""
    k = text.find(":")
    while k != -1:
        if k and (text[k - 1] in "gG" or (text[k - 1] == " " and k > 1 and text[k - 2] in "gG")):
            return True
        k = text.find(":", k + 1)
    return False


def goals_headings(text: str) -> str:
    """``text`` with each "G:" heading that heads goals written "Goals:" (the abbreviation list reads a bare "g" as
    grief, which would turn a note's goals into a second area)."""
    if not _g_before_colon(text):
        return text  # most answers: one pass over the colons is far cheaper than the pattern
    found = list(_G_HEADING_RE.finditer(text))
    if not found:
        return text
    pieces, last = [], 0
    for m in found:
        if _AREA_JUST_BEFORE_RE.search(text, 0, m.start()):
            continue  # "PA - G: husband died": the area itself
        if _S_HEADING_RE.search(text, m.end()) or _AREA_BEFORE_RE.search(text, 0, m.start()):
            pieces += [text[last:m.start()], "Goals:"]
            last = m.end()
    return "".join(pieces) + text[last:] if pieces else text


#: The dot of a title before a name ("Mr. Karanja", "Dr. Osei", "St. Teresa's") ends no sentence: without it the
#: clause goes on ("not long after you left St. Teresa's" is one clause, its event and its time word together).
_TITLE_DOT_RE = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Prof|Fr|Mt)\.(?=[ \t]+[A-Z])")
#: A title's letters and dot, without the word boundary and what follows: a pattern that starts with a plain
#: alternation is found by a quick scan of the text, where the boundary makes the engine try every position; most
#: answers have no title, and then :data:`_TITLE_DOT_RE` is not run.
_TITLE_DOT_HINT_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr|St|Prof|Fr|Mt)\.")


def clean_answer(text: str) -> CleanText:
    """The answer ready to score: canonical characters ("G:" read as the goals heading it is, see
    :func:`goals_headings`) and a note's shorthand written out (:func:`expand_shorthand`), its clauses with each
    repeated one read once."""
    text = expand_shorthand(goals_headings(canonical_characters(text)))
    if "." in text and _TITLE_DOT_HINT_RE.search(text) is not None:
        text = _TITLE_DOT_RE.sub(r"\1", text)
    raw = clauses(text, quotes=True)
    removed = 0
    if len(set(map(tuple, raw))) < len(raw):  # some clause repeats (often a short one: "goals", "no death")
        raw, removed = _distinct_clauses(raw)
    vocabulary = frozenset().union(*raw)
    return CleanText(text, raw, removed, sum(map(len, raw)), _pointer(raw, vocabulary), vocabulary)
