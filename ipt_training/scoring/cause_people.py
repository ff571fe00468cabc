"""The people of the case's key event named as the cause, in plain words, as the event itself.

Plain clinical prose gives the cause by the person rather than by the event's own words: "he is depressed because
his brother makes decisions over his head", "it all started when Yaw stopped talking to her". The case says who took
part in its key event: the people of its inventory whose names its timeline gives for the months the timeline link
names ("Diego signs the supermarket contract without asking"), and what they are to the patient ("older brother and
business partner"). A clause that gives a cause (a causal or temporal word) and names one of them after it, by name
or by what they are to the patient, tells the key event: it argues for the area the event's kind argues for (a
conflict is a dispute, a death grief; :func:`~ipt_training.scoring.case_events.key_event_area`), as an event told
in the case's own words does. A denial before the person ("not because of his brother") tells nothing.
"""

from __future__ import annotations

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.case_events import key_event_area
from ipt_training.scoring.onset_link import timing_for
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.plain_plan import KIN_WORDS
from ipt_training.scoring.specificity import month_index
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses
from ipt_training.text.normalize import clauses
from ipt_training.text.words import AnswerWords

#: Words of the patient's side of a relationship ("business partner", "friend since university") that say what the
#: person is to the patient, besides the kin words.
_TIES = KIN_WORDS | frozenset({"partner", "boss", "manager", "flatmate", "colleague", "godfather"})
_DENIALS = frozenset({"not", "no", "never", "nor", "nt"})
#: Words that give a cause or the start of the episode ("because", "since", "after"); not "about", which a plan
#: says of its work ("talk about Miklós").
_CAUSING = feature(frozenset({"because", "since", "after", "following", "due", "when", "triggered", "caused", "started",
                              "began", "reaction"}))
#: The fewest words of a clause that gives a cause: a fragment of a list ("Since Diego.") gives none.
_SENTENCE = 5
#: How many words after the causal word the person may be named ("because his older brother makes ...").
_REACH = 6


@per_case
def key_people(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The words (lower case) that name the people of the case's key event: the first word of each inventory name
    the timeline gives in the key event's months, and the kin or tie words of their relationship to the patient;
    empty when the case dates no key event of one area or none of its people take part in it."""
    if case is None or key_event_area(reference, case) is None:
        return frozenset()
    timing = timing_for(reference, case)
    if timing is None:
        return frozenset()
    told = {t for e in case.timeline if month_index(e.date) in timing.events for c in clauses(e.event) for t in c}
    found: set[str] = set()
    for person in case.inventory:
        first = next((t for c in clauses(person.name) for t in c), "")
        if first and first in told:
            found.add(first)
            found.update(t for c in clauses(person.relationship) for t in c[:4] if t in _TIES)
    return frozenset(found)


#: Words after the person that tell nothing of what they did ("because of Diego and Ana", "because of Diego."):
#: joining words and the small words of a list.
_LIST_WORDS = frozenset({"and", "or", "nor", "also", "too", "as", "well", "the", "a", "an", "his", "her", "their",
                         "s", "etc"})


def _tells_what(after: list[str], everyone: frozenset[str]) -> bool:
    """Whether the words after the person named as the cause tell something of them ("makes decisions over his
    head", "stopped talking to her", "'s decision"), not only more of the case's people or nothing ("because of
    Diego, Ana and Rosa": a list of who is in the story, the better one left to the scorer to pick)."""
    told = [w for w in after if w not in _LIST_WORDS]
    return bool(told) and not any(w in everyone for w in told)


@per_case
def relation_words(reference: ReferenceFormulation, case: Case | None = None) -> frozenset[str]:
    """The kin and tie words of what each of the case's people is to the patient ("brother", "partner"): with their
    names, the words a list of who is in the story is made of."""
    if case is None:
        return frozenset()
    return frozenset(t for p in case.inventory for c in clauses(p.relationship) for t in c[:4] if t in _TIES)


def person_caused(prepared: Clauses, words: AnswerWords, people: frozenset[str], skip: set[int],
                  everyone: frozenset[str] = frozenset()) -> bool:
    """Whether a clause (not one of ``skip``: those that already tell an event, set one aside or tell a
    consequence) gives a cause and names one of the key event's ``people`` within a few words after the causal
    word, with no denial between, and tells something of them (:func:`_tells_what`; ``everyone``: the words of
    the case's people and of what they are to the patient, none of which is what someone did)."""
    if not people or not words.has_any(people) or not words.has_any(_CAUSING):
        return False
    for c in set(words.with_any(people)).intersection(words.with_any(_CAUSING)) - skip:
        tokens = prepared[c]
        if len(tokens) < _SENTENCE:
            continue
        for k, t in enumerate(tokens):
            if t not in _CAUSING:
                continue
            ahead = tokens[k + 1:k + 1 + _REACH]
            hit = next((j for j, w in enumerate(ahead) if w in people), None)
            if hit is not None and _DENIALS.isdisjoint(tokens[max(0, k - 2):k + 1 + hit]) and _tells_what(
                    tokens[k + 2 + hit:], everyone | people):
                return True
    return False
