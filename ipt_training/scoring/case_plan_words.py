"""The case's own words for what a grief plan goes back to and goes over, read from its timeline and vignette.

A letter to the patient names the work in this patient's words: "later, taking the fiddle down from the attic
again" is re-investment for a man who put his fiddle away after his brother died; "what happened on the day of the
stroke" goes over the events of the death when the case's brother died of a stroke. The plain-words frames
(:mod:`~ipt_training.scoring.plain_plan`) know the common words ("back to the choir", "the day he died"); each
case brings its own, worked out once per case:

* **pastimes**: what the patient gave up, said in the case's symptom entries of the timeline and its vignette after
  a word of giving up ("stopped singing in the church choir", "lost interest in the fishing trips", "puts the fiddle
  away"): their content words, names and common words left out;
* **death words**: the words of the timeline's death entries of the year before the onset that tell how the death
  happened ("killed in a bus crash", "dies after a stroke in the van"), names, kin words and words of dying left
  out.

Each is read as the frames' common word for it ("activities", "death"), so the frames' rules (a plan sentence,
the chosen area, a word of going back or of what happened) apply unchanged.
"""

from __future__ import annotations

import re

from ipt_training.cases.model import Case, EventKind, ReferenceFormulation
from ipt_training.scoring.evidence import STOP_WORDS, proper_names
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.plain_plan import KIN_WORDS
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.specificity import month_index
from ipt_training.text.normalize import clauses

#: Words after which the case tells what the patient gave up ("stopped singing in the choir", "lost interest in").
_GIVING_UP = frozenset({"stopped", "stops", "stop", "quit", "quits", "abandoned", "dropped", "drops"})
_GAVE = frozenset({"gave", "given", "gives", "giving"})
_INTEREST = frozenset({"interest", "pleasure", "joy"})
_PUT = frozenset({"put", "puts", "putting"})
_AWAY = frozenset({"away", "aside", "attic", "drawer", "cupboard"})
#: How many words after the word of giving up the object runs, at most, and where it ends.
_OBJECT_REACH = 5
_OBJECT_END = frozenset({"and", "but", "since", "because", "after", "when", "as", "so", "or", "which", "that"})
#: Words of the symptoms and of any plan: never a pastime ("stopped eating", "lost interest in work").
_NOT_PASTIMES = frozenset({
    "eating", "sleeping", "sleep", "appetite", "food", "work", "working", "job", "going", "everything", "anything",
    "things", "thing", "life", "people", "contact", "answering", "messages", "phone", "calls", "talking", "house",
    "home", "weight", "mood", "interest", "pleasure", "joy", "used", "loved", "enjoyed", "usual", "regular",
    "regularly", "again", "away", "aside", "attic", "drawer", "cupboard", "himself", "herself", "themselves",
    "medication", "drinking", "smoking", "cooking", "washing", "caring", "care", "seeing", "visiting", "shifts",
})
#: Words of a death entry that say only that someone died, or who.
_DYING = frozenset({"dies", "died", "death", "dead", "dying", "killed", "drowns", "drowned", "passes", "passed",
                    "away", "suddenly", "unexpectedly", "aged", "age", "after", "years", "months", "weeks", "days",
                    "short", "long", "younger", "older", "elder", "eldest", "twin", "only", "late", "beloved"})
_MIN_LETTERS = 4
#: The words of a death entry's phrase that tells the death ("dies after a stroke in the van").
_DIED = frozenset({"dies", "died", "death", "killed", "dead", "passes", "drowned", "drowns"})
#: Objects of "stopped" that are people, not pastimes ("people stopped me in the market").
_PERSONS = frozenset({"me", "him", "her", "them", "us", "you"})
#: A death this many months before the onset, or less, is one the plan goes over (reference 3.0.1).
_WINDOW = 12
_PHRASE_END = re.compile(r"[,;:.!?()]")
_CAPITALISED = re.compile(r"\b[A-Z]\w+")


class CasePlanWords:
    """The case's pastimes and death words, each mapped to the frames' common word for it."""

    __slots__ = ("words",)

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words


EMPTY = CasePlanWords({})


def _content(word: str, names: frozenset[str]) -> bool:
    return (len(word) >= _MIN_LETTERS and word.isalpha() and word not in names and word not in STOP_WORDS
            and word not in FUNCTION_WORDS and word not in KIN_WORDS)


def _given_up(tokens: list[str], names: frozenset[str]) -> set[str]:
    """The content words of what a clause says the patient gave up."""
    found: set[str] = set()
    for k, token in enumerate(tokens):
        start = None
        if token in _GIVING_UP or (token == "up" and k and tokens[k - 1] in _GAVE):
            start = k + 1
        elif token in _INTEREST and tokens[k + 1:k + 2] == ["in"]:
            start = k + 2
        elif token in _PUT and not _AWAY.isdisjoint(tokens[k + 1:k + 2 + _OBJECT_REACH]):
            start = k + 1
        if start is None or (tokens[start:start + 1] and tokens[start] in _PERSONS):
            continue
        for word in tokens[start:start + _OBJECT_REACH]:
            if word in _OBJECT_END:
                break
            if _content(word, names) and word not in _NOT_PASTIMES:
                found.add(word)
    return found


@per_case
def case_plan_words(reference: ReferenceFormulation, case: Case | None = None) -> CasePlanWords:
    """The case's pastimes (read as "activities") and death words (read as "death"); none without the case."""
    if case is None:
        return EMPTY
    names = frozenset(w.lower() for p in (case.patient.name, *(p.name for p in case.inventory))
                      for w in proper_names(p) | set(p.split()))
    words: dict[str, str] = {}
    texts = [e.event for e in case.timeline if e.kind is EventKind.SYMPTOM] + [case.vignette]
    for text in texts:
        for phrase in _PHRASE_END.split(text):
            for tokens in clauses(phrase):
                for word in _given_up(tokens, names):
                    words.setdefault(word, "activities")
    onset = month_index(case.symptom_onset)
    for event in case.timeline:
        month = month_index(event.date)
        places = frozenset(w.lower() for w in _CAPITALISED.findall(event.event[1:]))  # "Lagos", "Gyor": where
        if event.kind is EventKind.DEATH and (onset is None or month is None or onset - _WINDOW <= month <= onset):
            for tokens in (t for phrase in _PHRASE_END.split(event.event) for t in clauses(phrase)
                           if not _DIED.isdisjoint(t)):
                for word in tokens:
                    if _content(word, names | places) and word not in _DYING and word not in words:
                        words[word] = "death"
    return CasePlanWords(words)
