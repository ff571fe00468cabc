"""Round 8, last helper: why patient-facing letters and excellent answers on unseen cases lost area and goal credit.

Four mechanisms, each with answers that must gain and answers that must not. Every answer here is our own, written
against library cases (a-02: a nurse promoted to ward manager; p-14: a couple's dispute over a baby); none comes
from a benchmark set.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.normalize import clean_answer
from ipt_training.scoring.plain_plan import plain_plan_votes
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("a-02", "p-14")}


# --- 1. "a second transition" is a count of events, not a rank of areas ---------------------------------------------

_RULED_OUT = ("Focus: role transition, from staff nurse to ward manager (promoted February 2025). Low mood, early "
              "waking and poor appetite from April 2025, two months later. She has lost her place among the nurses "
              "and her lunchtime chats with Funmi. {extra}Ruled out: grief (nobody has died); dispute (no conflict "
              "with Tunde or the staff); deficits (many friends before the promotion). Goals: mourn the nurse's "
              "role; see the manager's post realistically; mastery of rotas and staff shortages. Strategies: review "
              "old and new role, feelings about the change, practise handling shortages, new support from the "
              "matron.")


@pytest.mark.parametrize("extra", [
    "A second transition, her husband's move to nights, is due in the autumn. ",
    "A second change, her husband's move to nights, is due in the autumn. ",
    "",
])
def test_a_second_transition_told_as_an_event_keeps_the_focus(cases, extra):
    report = score(cases["a-02"], _RULED_OUT.format(extra=extra))
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert "keyword_stuffing" not in report.flags and "no_commitment" not in report.flags
    assert points(report, "problem_area") == 3


def test_a_second_focus_is_still_a_rank(cases):
    # "second focus" names the dispute as secondary: the answer keeps the transition as its primary
    text = ("Primary focus: role transition to ward manager in February 2025, low mood from April. Second focus: "
            "role dispute with Funmi. Goals: mourn the old role, mastery of the new one.")
    report = score(cases["a-02"], text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.detected_secondary is ProblemArea.ROLE_DISPUTE


def test_a_list_of_every_area_with_a_second_transition_is_still_stuffing(cases):
    text = ("Grief, role dispute, interpersonal deficits, role transition. A second transition is possible too. "
            "Goals: mourn, resolve, new friends, mastery.")
    report = score(cases["a-02"], text)
    assert report.detected_primary is None or "keyword_stuffing" in report.flags
    assert report.total <= 3


# --- 2. what the patient alone wants is no dispute ---------------------------------------------------------------

@pytest.mark.parametrize("plan", [
    "We will slowly work out what you want this new job to look like and who you want around you in it.",
    "Together we can figure out what you really want from your working days now and what you need to learn.",
])
def test_the_patients_own_wants_vote_for_no_dispute(plan):
    assert ProblemArea.ROLE_DISPUTE not in plain_plan_votes(clauses(plan))


@pytest.mark.parametrize("plan", [
    "We will look at what you want and what Mareike wants, and talk it through.",
    "We will work out what you want from her and what she expects of you.",
    "We will work out what you both want for the relationship.",
])
def test_wants_between_two_people_still_vote_for_the_dispute(plan):
    assert plain_plan_votes(clauses(plan)).get(ProblemArea.ROLE_DISPUTE, 0) > 0


_LETTER = ("Aisha, I'd like to tell you how I see what has happened. You have a depression, a common illness that "
           "can be treated; the waking at four, not eating and feeling a failure are part of it. It started in "
           "April, about two months after you were promoted to ward manager. You went from being the nurse "
           "everyone called for the hard drips to doing rotas and budgets, and you stopped joining the lunchtime "
           "chats with Funmi and the others. Over twelve weeks I'd suggest we talk about what nursing gave you "
           "and what you don't miss, let you say how sad and cross you are about it, and slowly work out what "
           "you want this job to look like and who you want beside you. What do you think?")


def test_a_letter_whose_plan_says_what_she_wants_reads_as_the_transition(cases):
    report = score(cases["a-02"], _LETTER)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3


def test_the_same_letter_arguing_a_dispute_with_funmi_is_not_the_transition(cases):
    wrong = ("Aisha, I think your low mood comes from the fight with Funmi: since she refused to work the rota you "
             "set, the two of you have argued every week. I'd suggest we work out what you want from her and what "
             "she wants from you, and practise how to talk to her without a row. What do you think?")
    report = score(cases["a-02"], wrong)
    assert report.detected_primary is not ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 0


# --- 3. the dot of a title ends no clause ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It started not long after you left St. Thomas's ward.",
    "Mr. Adeyemi and Dr. Okafor both noticed it in April.",
    "She told Mrs. Bello nothing.",
])
def test_a_title_before_a_name_keeps_the_clause_whole(text):
    assert len(clean_answer(text).clauses) == 1


def test_a_sentence_that_ends_after_a_title_word_still_ends():
    # a lower-case word after the dot, or the end of the text, is not a name
    assert len(clean_answer("They moved to St. they said nothing.").clauses) == 2
    assert len(clean_answer("Grief. Dispute.").clauses) == 2


@pytest.mark.parametrize("link", [
    "The low mood came in April. That was two months after Mrs. Adeyemi promoted you to manager of St. Luke's ward.",
    "You have felt low since April, two months after Dr. Adeyemi made you ward manager.",
])
def test_the_link_told_beside_a_title_is_read(cases, link):
    text = ("Aisha, you have a depression, which is common and treatable. " + link + " You miss being a nurse among "
            "friends, and you feel a failure at rotas. This is a big change, and I'd suggest twelve weekly sessions to "
            "talk about what you left behind and to practise handling the staff shortages. What do you think?")
    report = score(cases["a-02"], text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert cases["a-02"].reference.timeline_link.id in report.evidence_cited


# --- 4. a plan told to the patient says the work; its aim goes with it ---------------------------------------------

_TOLD = ("Aisha, you have a depression, and it can be treated. It started in April, about two months after you were "
         "promoted to ward manager. You miss being one of the nurses and you feel a failure at the rotas. Over "
         "twelve weeks I'd suggest we talk about the good and the hard sides of nursing and of managing. Does that "
         "sound right to you?")
_NOTE = ("Aisha has a depression. It started in April 2025, about two months after she was promoted to ward manager. "
         "She misses being one of the nurses and feels a failure at the rotas. Over twelve weeks the therapist "
         "would go over the good and the hard sides of nursing and of managing with her.")


def test_one_strategy_said_to_the_patient_earns_the_goal_it_serves(cases):
    told = score(cases["a-02"], _TOLD, ProblemArea.ROLE_TRANSITION)
    note = score(cases["a-02"], _NOTE, ProblemArea.ROLE_TRANSITION)
    assert points(told, "strategies") == points(note, "strategies") > 0
    assert points(told, "goals") > points(note, "goals") == 0


def test_a_letter_with_no_plan_earns_no_goal(cases):
    bare = _TOLD.replace(" Over twelve weeks I'd suggest we talk about the good and the hard sides of nursing and of "
                         "managing.", "")
    assert points(score(cases["a-02"], bare, ProblemArea.ROLE_TRANSITION), "goals") == 0


def test_a_letter_whose_one_strategy_is_another_areas_earns_no_goal_of_the_area(cases):
    other = _TOLD.replace("talk about the good and the hard sides of nursing and of managing",
                          "look at what you expect from Funmi and what she expects from you")
    assert points(score(cases["a-02"], other, ProblemArea.ROLE_TRANSITION), "goals") == 0


def test_a_keyword_list_in_the_second_person_earns_no_more_than_before(cases):
    listed = "You: role transition. Your goals: mourn old role. Your strategies: review old and new role."
    assert points(score(cases["a-02"], listed), "goals") <= 0.5


# --- 5. what the plan sets out to find is an aim, not an event told -------------------------------------------------

_MOVE = ("Amaru, let me put into words what I've understood. You're going through a depression, a common illness "
         "that gets better with treatment. It began around May, about two months after you and Clara came to "
         "Winnipeg. In Toronto you ran a team and played futsal every Sunday; here you sit alone with drawings and "
         "feel like a spare part. Over the next twelve weeks I'd like us to look at what Toronto gave you and what "
         "Winnipeg might still offer, let you feel how much you miss it, and {aim}. Does that fit?")


@pytest.fixture(scope="module")
def mover(library):
    return library.get("p-05")


def test_people_the_plan_sets_out_to_find_are_no_deficits_story(mover):
    report = score(mover, _MOVE.format(aim="find a few people here you could spend time with"))
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3


def test_few_people_told_as_his_life_still_argue_for_deficits(mover):
    # the same words told as what his life has been, not sought: the deficits story is still read
    text = ("Amaru, I think your low mood comes from how alone you have always been: you have had few people "
            "close to you all your life, long before Winnipeg. Over twelve weeks I'd like us to look at how your "
            "friendships have faded and practise reaching out. Does that fit?")
    report = score(mover, text)
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert points(report, "problem_area") == 0


# --- 6. a plan that mourns, in an answer that tells no death, mourns what the change took --------------------------

def test_a_mourning_plan_beside_a_change_told_in_lay_words_is_the_transition(cases):
    text = _LETTER.replace("you were promoted to ward manager", "you became ward manager")
    report = score(cases["a-02"], text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3


def test_a_coping_plan_beside_the_key_event_chooses_no_focus(cases):
    # no mourning in the plan: the key event alone still chooses nothing (the trainer's rule)
    text = ("Aisha, you are depressed, and I think it is because of stress. It started in April, two months after "
            "you became ward manager. We will find ways to cope with the stress and sleep better. Is that ok?")
    report = score(cases["a-02"], text)
    assert report.detected_primary is None
    assert points(report, "problem_area") == 0


def test_a_mourning_plan_beside_a_death_told_is_still_grief(library):
    widower = library.get("p-03")
    text = ("Stavros, you have a depression, which can be treated. It began in May, two months after Eleni died. "
            "You have hardly let yourself cry for her, and Nikos has not spoken to you since the memorial. I'd "
            "suggest we use our sessions to let you say how sad and how angry you are about losing her. Is that "
            "all right?")
    report = score(widower, text)
    assert report.detected_primary is ProblemArea.GRIEF


# --- 7. the new life asked as the plan's question ------------------------------------------------------------------

@pytest.mark.parametrize("plan", [
    "work out together what a working week could look like for you now",
    "see what Winnipeg might still offer you",
])
def test_what_the_new_life_may_look_like_is_a_realistic_view_of_it(mover, plan):
    base = ("Amaru, you have a depression, a common illness that gets better with treatment. It began in May, two "
            "months after the move to Winnipeg, where you left your team and your futsal. We call this a role "
            "transition. Over twelve weeks I'd like us to {plan}. Does that fit?")
    with_plan = score(mover, base.format(plan=plan))
    without = score(mover, base.format(plan="meet once a week"))
    assert points(with_plan, "goals") > points(without, "goals") == 0


def test_what_can_be_done_is_no_view_of_a_new_life(mover):
    text = ("Amaru, you have a depression, a common illness that gets better with treatment. It began in May, two "
            "months after the move to Winnipeg. We call this a role transition. Over twelve weeks we will see "
            "what can be done about your sleep. Does that fit?")
    assert points(score(mover, text), "goals") == 0


def test_what_the_new_life_may_look_like_votes_for_no_area():
    assert not plain_plan_votes(clauses("We will work out what your days could look like now."))


# --- 8. the topics a plan lists after a colon are the plan ---------------------------------------------------------

_TOPIC_LETTER = ("Jonas, you are suffering from a depression, and it can be treated. Nothing else in your life has "
                 "changed: your job, your flat and your friends are as they were. Since Mareike asked you to set a "
                 "date for a baby, most evenings end in tears. I'd suggest we spend our twelve sessions on the "
                 "situation with Mareike: {topics} How does that sound?")


def test_the_topics_listed_after_the_plan_are_read_as_the_plan(cases):
    report = score(cases["p-14"], _TOPIC_LETTER.format(
        topics="what you each expect of the other, what you might say to her, and how to talk without it "
               "ending in tears."))
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(report, "problem_area") == 3


def test_a_question_after_the_plan_is_no_topic_of_it(cases):
    # the same words asked of the patient are a question, not the plan's work: no focus is read from them
    report = score(cases["p-14"], _TOPIC_LETTER.format(topics="one evening at a time.")
                   .replace("How does that sound?", "What do you each expect of the other?"))
    assert report.detected_primary is None
