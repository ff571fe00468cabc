"""Round 10 (lay10): formulations said to the patient, read from what each case already gives the scorer.

* the plan list a model letter opens with a colon ("talk about Cathal: the brother he was to you, the day of the
  stroke ...") is part of its plan, so its items are a key to a letter's plan;
* the case's own words for what the patient gave up ("puts the fiddle away") and for how the death happened ("a
  stroke in the van") are read by the plain-words frames: going back to the fiddle is re-investment, going over the
  morning of the stroke is the events of the death;
* a technique a letter proposes (going through the last argument step by step, rehearsing what to say) says its aim,
  even when another aim is named;
* an area named in everyday words as the subject of a cleft that makes it the plan or the cause ("that big change is
  what I suggest we work on", "being so cut off from people is what keeps pulling you down").

Every answer here is our own, written for this file: for an invented case (tests/data/lay10_invented_case.yaml, a
piano tuner in Galway whose twin brother died), for library case p-05 and for study-half and set B cases (i/y-05,
b/t-05). Answers that must gain, and answers that must not: a retold story with no plan, a letter for the wrong
area, a denied cleft, the case's words outside a plan sentence, the same plan in a note.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import points, score

from ipt_training.cases.loader import load_case_file
from ipt_training.domain import ProblemArea
from ipt_training.scoring.areas import _later_than_onset
from ipt_training.scoring.case_plan_words import case_plan_words
from ipt_training.scoring.formulation import _model_key

_HERE = Path(__file__).resolve().parent
_DATA = _HERE.parent / "benchmarks" / "data"

G, T, S = ProblemArea.GRIEF, ProblemArea.ROLE_TRANSITION, ProblemArea.INTERPERSONAL_DEFICITS


@pytest.fixture(scope="module")
def tuner():
    return load_case_file(_HERE / "data" / "lay10_invented_case.yaml")


@pytest.fixture(scope="module")
def gareth():
    return load_case_file(_DATA / "formulation_dev_b" / "cases" / "t-05.yaml")


@pytest.fixture(scope="module")
def flatmates():
    return load_case_file(_DATA / "formulation_dev_i" / "cases" / "y-05.yaml")


_OPENING = ("Ruairi, the four o'clock waking, the weight you have lost and the guilt since June are depression. It is "
            "an illness that many people get, it can be treated, and it is not a weakness. It began three months after "
            "Cathal died. I think you have had no room to grieve for your brother. ")
_CLOSE = "Does that fit for you?"


# --- the model letter's plan list after a colon


def test_the_list_after_a_colon_is_part_of_the_model_plan(tuner):
    items = {item.concept: set(item.weights) for item in _model_key(tuner.reference, tuner).items}
    # "... talk about Cathal: ..., and the guilt and anger you have not let out, ..." names the feelings
    assert {"anger", "guilt"} <= items["strategy:grief.forbidden_feelings"]


def test_the_invented_case_model_letter_scores_full_marks(tuner):
    report = score(tuner, tuner.reference.formulation)
    assert report.detected_primary is G and report.total >= 9.5


# --- the case's own words for what was given up and how the death happened


def test_the_case_words_are_its_pastimes_and_how_the_death_happened(tuner):
    words = case_plan_words(tuner.reference, tuner).words
    assert words.get("fiddle") == "activities" and words.get("stroke") == "death"
    # names, kin and the words of dying say who and that, not what
    assert {"cathal", "brother", "twin", "dies", "ruairi"}.isdisjoint(words)


def test_going_back_to_what_the_patient_gave_up_is_reinvestment(tuner):
    plain = score(tuner, _OPENING + "Over twelve weeks we will talk about Cathal. " + _CLOSE)
    back = score(tuner, _OPENING + "Over twelve weeks we will talk about Cathal, and later about taking the fiddle "
                                   "down from the attic again. " + _CLOSE)
    assert points(back, "goals") > points(plain, "goals")


def test_going_over_the_day_of_the_death_in_the_case_words_is_the_events_of_the_death(tuner):
    plain = score(tuner, _OPENING + "We will talk about Cathal over twelve weeks. " + _CLOSE)
    over = score(tuner, _OPENING + "We will talk about Cathal over twelve weeks, and go back over the morning of "
                                   "the stroke. " + _CLOSE)
    told = score(tuner, _OPENING + "We will talk about Cathal over twelve weeks. The morning of the stroke you were "
                                   "at a school. " + _CLOSE)
    assert points(over, "strategies") > points(plain, "strategies")
    assert points(told, "strategies") == points(plain, "strategies")  # the story, not the plan


def test_a_retold_story_with_the_case_words_earns_no_plan(tuner):
    story = score(tuner, "Ruairi tuned pianos with his twin Cathal for thirty years. Cathal had a stroke in the van "
                         "in March and died. Ruairi drove the van alone after the funeral and sold the tools. On the "
                         "morning of the stroke Cathal had a headache. He put the fiddle in the attic in June and has "
                         "not played it again. The rent went up in April.")
    assert points(story, "goals") == 0.0
    assert points(story, "strategies") <= 0.5


def test_a_letter_for_the_wrong_area_earns_no_grief_plan_from_the_case_words(tuner):
    wrong = score(tuner, "Ruairi, the early waking and the guilt since June are depression, an illness that can be "
                         "treated. The rent rise on the workshop in April is what brought you down, I think. We will "
                         "work on that change over twelve weeks, and on taking the fiddle down from the attic again. "
                         + _CLOSE)
    assert wrong.detected_primary is T
    assert points(wrong, "problem_area") == 0.0 and points(wrong, "goals") == 0.0


# --- a technique a letter proposes says its aim


_FLAT = ("Seo-yeon, crying in the evenings, poor sleep and feeling you ruin everything since May are depression. It is "
         "common, it is treatable, and it is not your fault. It began after Jun-ho started staying at the flat and you "
         "and Min-ji began to fight several times a week. I think these fights with Min-ji are the heart of why you "
         "feel so low. ")


def test_a_technique_proposed_in_a_letter_says_its_aim(flatmates):
    # an aim named (a plan of action) and a technique proposed (rehearsing what to say) whose aim is another one
    letter = score(flatmates, _FLAT + "Over twelve weeks I would like us to decide what you want to do about it, and "
                                      "practise here what you want to say to her. Is that how you see it?")
    aim_only = score(flatmates, _FLAT + "Over twelve weeks I would like us to decide what you want to do about it. Is "
                                        "that how you see it?")
    assert letter.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(letter, "goals") > points(aim_only, "goals")


def test_a_bare_list_of_techniques_is_no_letter(flatmates):
    listed = score(flatmates, "Role dispute. Expectations, communication analysis, role play, argument, step by "
                              "step, practise.")
    assert points(listed, "goals") <= 0.5


# --- an area named in everyday words as the subject of a cleft


def test_a_plain_name_as_the_subject_of_a_plan_cleft_is_a_choice(library):
    case = library.get("p-05")
    chosen = score(case, "Amaru, you have felt low for months. That big change is what I suggest we work on "
                         "together over twelve weekly sessions.")
    assert chosen.detected_primary is T


def test_a_denied_cleft_chooses_nothing(library):
    case = library.get("p-05")
    for text in ("Amaru, you have felt low for months. That big change is not what we will work on over twelve "
                 "weekly sessions.",
                 "Amaru, you have felt low for months. I do not think that big change is what brought you down."):
        assert score(case, text).detected_primary is None


_GARETH = ("Gareth, what you have had since last winter, the bad sleep between shifts and being so hard on yourself, "
           "is depression. It is a common illness that gets better with help. There was not one thing that set it "
           "off: as far as we could see nobody died, nobody fell out with you and nothing changed at the warehouse. ")


def test_few_people_said_as_the_cause_in_a_cleft_names_deficits(gareth):
    letter = score(gareth, _GARETH + "I think being so cut off from people is what keeps pulling you down. So over "
                                     "twelve weekly meetings we would work on that together. Does that sound right?")
    assert letter.detected_primary is S and points(letter, "problem_area") == 3.0


def test_the_cause_cleft_denied_or_for_another_area_does_not_name_deficits(gareth):
    denied = score(gareth, _GARETH + "I don't think having so few people around you is what brought this on. We "
                                     "will work on your sleep over twelve weeks. Does that sound right?")
    assert denied.detected_primary is not S
    wrong = score(gareth, "Gareth, the bad sleep and feeling worn out since last winter are depression, a common "
                          "illness that gets better with help. The change to your shifts at the warehouse is what "
                          "brought you down. We will work on that change over twelve weeks. Does that sound right?")
    assert wrong.detected_primary is T and points(wrong, "problem_area") == 0.0


# --- events told as a letter tells them


@pytest.fixture(scope="module")
def nils():
    return load_case_file(_DATA / "formulation_dev_g" / "cases" / "v-11.yaml")


@pytest.fixture(scope="module")
def nadia():
    return load_case_file(_DATA / "formulation_dev_k" / "cases" / "z-09.yaml")


_NILS_PLAN = ("Over twelve weekly sessions we will look at how things went with Jonas and take small steps towards "
              "people. Does that fit for you?")


def test_an_event_dated_after_the_onset_sets_nothing_off(nils):
    later = score(nils, "Nils, feeling grey, tired and waking early for two years is depression, a common illness that "
                        "can be treated. You have had very few people around you for most of your life. You moved "
                        "flats in June, but that was after this all began. " + _NILS_PLAN)
    assert later.detected_primary is S
    # the onset dated after the event is the event's argument, not an event set aside
    assert _later_than_onset(["but", "that", "was", "after", "this", "all", "began"])
    assert _later_than_onset(["the", "move", "came", "long", "after", "your", "mood", "dropped"])
    assert not _later_than_onset(["it", "began", "after", "you", "moved", "flats", "in", "june"])
    assert not _later_than_onset(["since", "the", "move", "you", "have", "been", "low", "after", "work"])


def test_the_dead_named_by_what_they_were_to_the_patient_is_grief(tuner):
    opening = ("Ruairi, the four o'clock waking, the weight you have lost and the guilt since June are depression, "
               "an illness that can be treated. ")
    twin = score(tuner, opening + "Since you lost your twin, you have not been yourself. Over twelve weekly sessions "
                                  "we will talk about him. Does that fit for you?")
    assert twin.detected_primary is G and "twin_died" in twin.evidence_cited
    # a lost workshop is no death
    workshop = score(tuner, opening + "Since you lost your workshop, you have not been yourself. Over twelve weekly "
                                      "sessions we will talk about what you miss. Does that fit for you?")
    assert workshop.detected_primary is not G


_NADIA = ("Nadia, the poor sleep, the weight loss and the mistakes at work are depression, an illness that can be "
          "treated. ")
_NADIA_PLAN = " Over twelve weekly sessions we will talk about him. Does that fit for you?"


@pytest.mark.parametrize("told", ["You have felt like this since we buried your dad.",
                                  "Since your papa's funeral you have been low."])
def test_a_death_told_by_its_rites_and_the_patient_word_for_the_parent(nadia, told):
    report = score(nadia, _NADIA + told + _NADIA_PLAN)
    assert report.detected_primary is G and "father_died" in report.evidence_cited


def test_something_else_buried_is_no_death(nadia):
    report = score(nadia, _NADIA + "You have felt like this since you and Karim buried the hatchet over the estate."
                   + _NADIA_PLAN)
    assert report.detected_primary is not G and "father_died" not in report.evidence_cited


# --- the aim a plan's purpose clause states


@pytest.fixture(scope="module")
def jihoon():
    return load_case_file(_DATA / "formulation_dev_g" / "cases" / "v-09.yaml")


_DESK = ("Ji-hoon, the poor sleep and feeling worthless since November are depression, a common illness that can be "
         "treated. It began two months after you moved from the wheel to the supervisor's desk, a big change in your "
         "working life. Over twelve weekly sessions we will talk about what you miss from driving")


@pytest.mark.parametrize("aim", [", so you can find your feet as a supervisor.",
                                 ", so that you can feel more sure of yourself at the desk."])
def test_the_aim_of_a_purpose_clause_is_a_goal(jihoon, aim):
    plain = score(jihoon, _DESK + ". Does that fit for you?")
    aimed = score(jihoon, _DESK + aim + " Does that fit for you?")
    assert aimed.detected_primary is T and points(aimed, "goals") > points(plain, "goals")


def test_the_same_words_without_a_purpose_or_for_another_area_earn_no_goal(jihoon):
    plain = score(jihoon, _DESK + ". Does that fit for you?")
    told = score(jihoon, _DESK + ". You feel so unsure of yourself at the desk. Does that fit for you?")
    assert points(told, "goals") == points(plain, "goals")
    wrong = score(jihoon, "Ji-hoon, the poor sleep and feeling worthless since November are depression, a common "
                          "illness that can be treated. I think the rows with Mi-young about money are what brought "
                          "you down. Over twelve weekly sessions we will look at what each of you expects, so that you "
                          "can feel more sure of yourself at the desk. Does that fit for you?")
    assert wrong.detected_primary is ProblemArea.ROLE_DISPUTE and points(wrong, "goals") == 0.0
