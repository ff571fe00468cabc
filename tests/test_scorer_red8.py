"""Round 8 attack on the lay reading: the case's events retold, and a nothing that is no search (invented answers).

A trainee who does not reason but knows the scorer:

* retells the case's story, every event it has, with the tie to the onset after each ("... Since then you have
  felt low.") or in a list ("A lot has happened: ..."): the case's own events argued for the area of their kind,
  so a story that chooses nothing earned the full area point. Three of the case's events told, or each of two
  tied to the onset by a tie of its own, are the story retold: the case's events then argue for no area
  (``case_events.retold``). The lexicon's events and the plan still argue as before.
* writes another area on an interpersonal-deficits case with a denial or a nothing that is about something else
  ("there is no doubt the cause is ...", "he never gave a reason for ...", "she said nothing"): the deficits link
  (no event set the episode off) was credited to an answer that says the opposite (``no_event``).

Honest patient-facing and plain-prose answers that tell one event and tie it, or that say in their own words that
nothing set the episode off, keep their marks.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points as _points
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.domain import ProblemArea
from ipt_training.scoring.no_event import no_event_clauses
from ipt_training.scoring.report import FormulationReport
from ipt_training.text.normalize import clauses


def _score(library: CaseLibrary, case_id: str, text: str, rubric: str = "supervision") -> FormulationReport:
    """``text`` scored against the library case ``case_id`` (tests/scoring_helpers.py's one way to score)."""
    return score(library.get(case_id), text, rubric=rubric)


# The story retold, in words of the trainee's own (not the timeline's), naming no area and planning nothing.
RETOLD = [
    ("p-07", "supervision",
     "In September the closure of the mill was announced. Since then Gareth has felt low. In January the mill "
     "closed and he was made redundant. Since then he has felt low. In April he and Sian started arguing about "
     "housework and retraining. Since then he has felt low."),
    ("p-17", "patient",
     "Dear Florence, since November you have been feeling very low. A great deal has happened to you: Moses "
     "married Harriet and built her a house at the trading centre; you confronted him about the school fees and "
     "he said the matter was closed; you stopped speaking about money and stopped eating with him. These things "
     "matter to you. Over twelve weeks we will work together on how you feel about all of it and about the "
     "people around you. Does this sound right to you?"),
    ("p-17", "supervision",
     "Florence is 42. Moses married a second wife, Harriet, in May 2024 and built her a house; the coffee money "
     "went there and the school fees were not paid. In August she confronted him and he said the matter was "
     "closed. Since October they have not spoken about money and she no longer eats with him. Since November she "
     "has slept badly and cries. I would offer her weekly sessions to help her feel better and cope."),
    ("p-02", "supervision",
     "In 2010 Nikhil co-founded the practice with Sameer. Since then he has felt low. In July 2024 Sameer signed "
     "a large contract and hired staff without consulting him. Since then he has felt low. In October the "
     "mediation by their accountant broke down. Since then he has felt low."),
]


@pytest.mark.parametrize(("case_id", "rubric", "text"), RETOLD,
                         ids=["ties", "letter", "vignette-retold", "ties-from-2010"])
def test_the_story_retold_chooses_no_area(library: CaseLibrary, case_id: str, rubric: str, text: str) -> None:
    report = _score(library, case_id, text, rubric)
    assert report.detected_primary is None
    assert _points(report, "problem_area") == 0
    assert report.total <= 3


# Honest answers that argue from one event in the patient's or plain words (no IPT label) keep the area.
HONEST = [
    ("p-17", "supervision",
     "Florence's low mood began in November, a few weeks after she and Moses stopped speaking about money "
     "altogether. The trouble started when he married again and the coffee money went to Harriet's house; she "
     "confronted him and he shut the subject down, so now they live side by side in silence. I would help her "
     "find a way to reopen the talk about the fees with Moses: what she expects of him, what he expects of her, "
     "and how she might raise it so that he can listen.", ProblemArea.ROLE_DISPUTE, 8.0),
    ("p-17", "patient",
     "Florence, you have been sleeping badly and crying since November, soon after you and Moses stopped "
     "talking about money. You feel the school fees and the house for Harriet have been settled without you, "
     "and since he said the matter was closed there has been silence between you. Low mood like this is an "
     "illness, and it is not your fault. For the next twelve weeks we will look together at what you hope for "
     "from Moses and what he expects of you, and find a way for you to raise the fees with him again. Does that "
     "fit how you see it?", ProblemArea.ROLE_DISPUTE, 7.5),
    ("p-07", "patient",
     "Gareth, the mill was your life for 34 years, and when it closed in January you lost your job, your mates "
     "and your place as the one the lads came to. A couple of months later you began sleeping badly and feeling "
     "worthless. Depression is an illness, not a weakness. Over the next sixteen weeks we will give the old life "
     "at the mill its due, the good and the hard, and work out what you could build now, step by step. Does that "
     "sound right to you?", ProblemArea.ROLE_TRANSITION, 6.5),
]


@pytest.mark.parametrize(("case_id", "rubric", "text", "area", "least"), HONEST,
                         ids=["dispute-plain", "dispute-patient", "transition-patient"])
def test_one_event_argued_in_lay_words_keeps_its_marks(library: CaseLibrary, case_id: str, rubric: str, text: str,
                                                       area: ProblemArea, least: float) -> None:
    report = _score(library, case_id, text, rubric)
    assert report.detected_primary is area
    assert _points(report, "problem_area") == 3
    assert report.total >= least


# A wrong area on a deficits case, with a denial or a nothing about something else: no deficits link.
NOT_NO_EVENT = [
    "There is no doubt the cause of Sander's low mood is the night-shift job he started in 2016, which changed his "
    "whole life. The focus is a role transition: help him mourn his old daytime life and master the night shifts.",
    "Sander never gave a reason for giving up his model railways, but his mood dropped after he started nights. "
    "Focus: a role transition to night work; mourn the old role and build the skills of the new one.",
    "When Sander asked Bram to stay in touch, Bram said nothing and moved away. Since then Sander has felt low. I "
    "would treat this as grief for the friend he lost: help him mourn Bram and make new friends.",
]


@pytest.mark.parametrize("text", NOT_NO_EVENT, ids=["no-doubt", "never-gave-a-reason", "said-nothing"])
def test_a_denial_of_something_else_is_not_the_deficits_link(library: CaseLibrary, text: str) -> None:
    report = _score(library, "p-08", text)
    assert "onset_without_event" not in report.evidence_cited
    assert _points(report, "evidence_timeline") <= 0.5


@pytest.mark.parametrize("sentence", [
    "There is no doubt the cause is the move.",
    "He never gave a reason for leaving.",
    "She asked him to stay and he said nothing.",
    "We checked on him every day and nothing else mattered to him.",
])
def test_no_event_reads_no_absence(sentence: str) -> None:
    assert no_event_clauses(clauses(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "It began without a clear trigger.",
    "There was no one event and no obvious reason.",
    "We looked for anything that happened before you felt low, and there was nothing.",
    "We asked what might have set it off and found nothing.",
    "No significant life event came before it.",
])
def test_no_event_in_lay_words_is_still_read(sentence: str) -> None:
    assert no_event_clauses(clauses(sentence)) != []


# An honest deficits answer to the patient, in lay words, keeps the link.
def test_deficits_in_lay_words_keeps_the_link(library: CaseLibrary) -> None:
    report = _score(library, "p-08", (
        "Sander, we went through the months before January together, looking for something that might have set "
        "off your low mood: a death, a row, a change at work. We found nothing. What we did find is that you have "
        "been on your own for a long time, since Bram moved away when you were eleven, and that in groups you "
        "freeze and expect people to find you boring. Depression is an illness and it is treatable. For twelve "
        "weeks we will work on getting closer to people, starting small, perhaps with that coffee with Yusuf, "
        "and practise here what you might say. Does that sound right?"), rubric="patient")
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert "onset_without_event" in report.evidence_cited
    assert report.total >= 8


# Every area's work in plain words, in one warm letter with the area chosen: the plain frames credit nothing (the
# lexicon's own goals and strategies are read as before); a plan of one area in plain words keeps its credit.
EVERY_PLAN = ("Amaru, your low mood began two months after the move to Winnipeg; this is a big change in your life. "
              "Over twelve weeks we will let you be sad and angry about what you have lost, find out what each of "
              "you wants from the other, make a few new friends starting small, and get better at your new role. "
              "Depression is an illness. Does this sound right?")
ONE_PLAN = ("Amaru, your low mood began two months after the move to Winnipeg; this is a big change in your life. "
            "Over twelve weeks we will look at what you lost and what the move brought, and find people here you "
            "can lean on. Depression is an illness. Does this sound right?")


def test_a_plan_for_every_area_in_plain_words_earns_no_plain_credit(library: CaseLibrary) -> None:
    every = _score(library, "p-05", EVERY_PLAN, "patient")
    one = _score(library, "p-05", ONE_PLAN, "patient")
    assert every.detected_primary is one.detected_primary is ProblemArea.ROLE_TRANSITION
    assert _points(every, "goals") + _points(every, "strategies") < _points(one, "goals") + _points(one, "strategies")
    assert every.total < one.total
    assert one.total >= 8
