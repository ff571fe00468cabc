"""Whether a clause says what happened, so that a date or a span in it can name the key event.

The key event's own month, or the case's span from it to the onset, names the event in whatever words the answer
tells it ("he became supervisor in September 2024", "immigration in August 2024 - onset Nov 2024", "eight weeks
after your farewell from the school"). A clause whose only words for the event are the timeline's kind of event or
an empty word ("after the conflict", "there was a change in June 2024", "something happened in July 2024", "two
months after the event") says when, not what happened: the dates and the kind labels can be copied off the timeline
without reading which event it was. Such a clause names no event, so it makes no link, stated or implied (round 14's
open hole, "change 03/25 ... symptom 05/25"); nor does a cue of the key event matched only by such a word or by the
area's name ("conflict" for the arguments, "dispute" in the label "Role dispute.").

What is left of a clause once its dates, function words, empty event words ("a difficult period", "the big
upheaval"), words of the onset (the clinical ones and the case's own symptoms) and the patient's own name are set
aside says what happened ("after the diagnosis", "immigration"), and so does a word of the case's story ("after the
death", "the conflict with Lakshmi").
"""

from __future__ import annotations

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import STOP_WORDS
from ipt_training.scoring.fragments import MONTH_NAMES
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.specificity import ADDRESSED, CaseFacts, facts_for
from ipt_training.text.normalize import clauses

#: Words that say that something happened, not what: the timeline's kinds of event and their plain stand-ins. Where
#: a case's own words include one of them ("a change of plan" in a vignette), it still names no event of its own.
EMPTY_EVENT_WORDS = frozenset({
    "change", "changes", "changed", "conflict", "conflicts", "loss", "losses", "event", "events", "thing", "things",
    "something", "happened", "happen", "happens", "occurred", "incident", "incidents", "stressor", "stressors",
    "trigger", "triggers", "life", "other", "issue", "issues", "problem", "problems", "situation", "symptom",
    "symptoms", "onset"})
#: The areas' names: a cue of the key event that is one ("dispute") finds the label, not the event ("Role dispute.").
AREA_NAME_WORDS = frozenset({"role", "dispute", "disputes", "transition", "transitions", "grief", "grieving",
                             "interpersonal", "deficit", "deficits"})
_NOTHING = EMPTY_EVENT_WORDS | AREA_NAME_WORDS
#: Words that say how an event was, not what it was ("something bad happened", "a major stressful event").
_HOW = frozenset({"difficult", "hard", "major", "important", "stressful", "significant", "key", "certain", "serious",
                  "sad", "painful", "upsetting", "terrible", "awful", "huge", "tough", "negative", "traumatic",
                  "specific", "particular", "recent", "relevant", "main", "primary", "precipitating", "happening",
                  # and nouns as empty as "event": "a difficult period", "the big upheaval", "a setback"
                  "upheaval", "upheavals", "turmoil", "crisis", "crises", "difficulty", "difficulties", "stress",
                  "stresses", "period", "phase", "experience", "experiences", "setback", "setbacks", "blow", "shock",
                  "hardship", "hardships", "circumstance", "circumstances", "matter", "matters", "development",
                  "developments", "factor", "factors", "occurrence", "episode", "time", "times"})
#: Words of the onset and of a span that the stop words leave out ("she become depress", "two months", "sx 5/25").
_ONSET = frozenset({"depress", "sadness", "unhappy", "unwell", "worse", "sx", "dx", "mo", "mos", "mth", "mths", "wk",
                    "wks", "yr", "yrs", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "couple", "afterwards", "following", "followed", "shortly", "beginning",
                    "starting", "developed", "appeared", "emerged", "ago", "approximately", "roughly", "about"})
_SET_ASIDE = STOP_WORDS | FUNCTION_WORDS | _NOTHING | _HOW | _ONSET | MONTH_NAMES


@per_case
def _not_what(reference: ReferenceFormulation, case: Case | None) -> tuple[frozenset[str], frozenset[str]]:
    """The words set aside for one case: the general ones and the patient's own names; and
    the words of the case's symptoms that no other event of its timeline uses ("waking", "appetite"), which tell the
    onset even where the vignette has them."""
    facts = facts_for(reference, case)
    symptoms: set[str] = set()
    if case is not None:
        told = {w for e in case.timeline if e.kind.value == "symptom" for c in clauses(e.event) for w in c}
        events = {w for e in case.timeline if e.kind.value != "symptom" for c in clauses(e.event) for w in c}
        symptoms = told - events
    return _SET_ASIDE | (facts.who - facts.actors), frozenset(symptoms) | _NOTHING | MONTH_NAMES


def says_what(tokens: list[str], facts: CaseFacts, reference: ReferenceFormulation, case: Case | None) -> bool:
    """Whether a clause tells something that happened: a word of the case's story (a detail, a word of a timeline
    event, a person of the inventory) other than an empty event word or a symptom, or any word left once the words
    that say nothing of an event are set aside (:func:`_not_what`)."""
    aside, never = _not_what(reference, case)
    for token in tokens:
        if token in never or any(ch.isdigit() for ch in token):
            continue
        if token in facts.what or token in facts.events or (token in facts.actors and token not in ADDRESSED):
            return True
        if token not in aside and len(token) > 2:
            return True
    return False


def names_nothing(words: list[str], clause: list[str], facts: CaseFacts, reference: ReferenceFormulation,
                  case: Case | None) -> bool:
    """Whether the words a cue of the key event matched are only empty event words or an area's name ("conflict",
    "dispute") in a clause that says nothing else that happened: the answer names the area or the kind of event, not
    the event ("there was a conflict", "Role dispute."); "the conflict with her husband" says with whom."""
    return all(word in _NOTHING for word in words) and not says_what(clause, facts, reference, case)
