"""The case's names and dates listed: who and when, never what happened.

"Key people: Amaru, Clara, Rosa, Tomasz. Key dates: January 2025, March 2025, April 2025. Onset: May 2025." names
the people of the vignette and the months of its timeline and says of nobody what happened: no fact of the case is
stated, so no evidence item is cited and no event is dated by it (the key event's month in the list beside the
onset's is not the link). A clause is such a list when its words, a heading's aside ("key", "people", "dates",
"evidence"), are only the case's names and dates, three or more of them with a date among them ("January 2025,
March 2025, April 2025", "Amaru, Clara, May 2025"), or when it is one of a run of three or more clauses of names and
dates with a date among them (bullets: "- Rosa", "- Julio", "- September 2024"; "Amaru January 2025; Clara March
2025; ..."); the names listed beside such a list are part of it. The names are the people of the inventory (a place
is a fact: "Chennai -> Dublin 9/2024"), and names listed with no date are left to the reading of an answer that
names only who. A note that tells the event beside its date ("move Mar 2025", "Kwabena died Jan 2025") is no list,
and neither is a date or two in a sentence ("Onset: May 2025", "between January and March 2025").
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.fragments import MONTH_NAMES
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.text.normalize import clauses

#: Words that head a list and say nothing of the case ("Key people:", "Dates -", "Evidence:", "(onset)").
_HEADINGS = frozenset({"key", "people", "person", "persons", "names", "name", "dates", "date", "evidence", "onset",
                       "timeline", "who", "when", "relevant", "important", "main", "facts", "list", "involved"})
#: The numbers of a date: days and months ("3", "03", "14") and years ("2025"); a list's other numbers are no date.
_NUMBERS = frozenset({*map(str, range(32)), *(f"{n:02d}" for n in range(10)), *map(str, range(1950, 2100))})
#: This many names and dates, in one clause or in clauses in a row, are a list.
RUN = 3


def _items(tokens: list[str], names: frozenset[str]) -> tuple[int, int] | None:
    """How many names and dates a clause lists ("january 2025 march 2025": no name, two dates), or ``None`` if it says
    anything else."""
    people = dates = 0
    last_dated = False
    for token in tokens:
        if token in FUNCTION_WORDS or token in _HEADINGS:
            last_dated = False
            continue
        named = token in names  # (a name first: "Jan" of the inventory is a person, not January)
        dated = not named and (token in MONTH_NAMES or token.isdigit())
        if not dated and not named:
            return None
        people += not dated
        dates += dated and not last_dated
        last_dated = dated
    return people, dates


@dataclass(frozen=True, slots=True)
class NameWords:
    """The words of a case's names, and every word a list of its names and dates may hold (the names, months, numbers
    of a date, headings and function words)."""

    names: frozenset[str] = frozenset()
    #: a clause with any other word is no list
    listable: frozenset[str] = frozenset()


@per_case
def name_words(reference: ReferenceFormulation, case: Case | None = None) -> NameWords:
    """Every word of the names of ``case``'s patient and of the people of its inventory ("Mrs. Liang", "Coach Brown",
    "Lia and Theo"), function words aside (``reference`` unused: cached per case)."""
    if case is None:
        return NameWords()
    names = [case.patient.name, *(person.name for person in case.inventory)]
    words = frozenset(t for tokens in clauses(". ".join(names)) for t in tokens) - FUNCTION_WORDS
    return NameWords(words, words | FUNCTION_WORDS | _HEADINGS | MONTH_NAMES | _NUMBERS)


def has_dates(vocabulary: frozenset[str]) -> bool:
    """Whether an answer's words (its vocabulary) hold a month or a number of a date: a list of dates needs one (a
    set test at C speed, before any clause is read)."""
    return not (MONTH_NAMES.isdisjoint(vocabulary) and _NUMBERS.isdisjoint(vocabulary))


def name_date_lists(prepared: list[list[str]], words: NameWords) -> frozenset[int]:
    """The clauses of ``prepared`` that only list the case's names and dates (``words``: :func:`name_words`; see the
    module's docstring)."""
    listable = words.listable
    if not listable:
        return frozenset()
    # (one set test per clause, at C speed: most clauses have a word no list has; empty ones are candidates too)
    candidates = [i for i, tokens in enumerate(prepared) if listable.issuperset(tokens)]
    if len(candidates) < 2 and not (candidates and len(prepared[candidates[0]]) >= RUN):
        return frozenset()  # (a list holds three names and dates or more, and a date among them)
    counts: list[tuple[int, int] | None] = [None] * len(prepared)
    for i in candidates:
        counts[i] = _items(prepared[i], words.names)
    found = {i for i in candidates if (n := counts[i]) is not None and n[1] and n[0] + n[1] >= RUN}
    run: list[int] = []
    for i, n in enumerate([*counts, None]):
        if n is not None and n[0] + n[1]:
            run.append(i)
        elif n is None:
            if len(run) >= RUN and any(counts[k][1] for k in run):  # type: ignore[index]
                found.update(run)
            run = []
    if found:
        # the names listed beside the dates ("Key people: Amaru, Clara. Key dates: ...") are the same list
        found.update(i for i in candidates if (n := counts[i]) is not None and n[0])
    return frozenset(found)
