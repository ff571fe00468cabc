"""Plain clinical prose with no IPT labels (round 10 of issue 11, prose10): the plan said in ordinary words.

Trained therapists new to IPT write the plan as what the patient needs ("she needs to let herself feel Silvia's
death", "in our sessions he can be angry and sad about what his body took from him"), with the items of one plan
sentence broken by an aside ("weigh what the new post offers (and whether going back is thinkable), practise the
hard parts of the job"). These tests hold:

* a plan told without a helper verb: "in our sessions ...", "she needs to ...", "what she needs is ...";
* a plan's list that goes on after a bracket or a colon with a verb of the work ("practise ...", "use ...");
* the work in plain words: a death felt, the dead let go, the marriage told as it really was; old friendships
  looked back on; the sessions used as the sample; contact begun small, however long the sentence; the hard parts
  of the new job practised;

and, as answers that must NOT gain: a story retold (its "she needs to be strong" is no plan of work), a list of
plain words with no sentence, a wrong area argued in plain words, a description that commits to nothing. The
answers are invented for these tests (none comes from a benchmark set); the cases are development cases.
"""

from __future__ import annotations

import pytest
from scoring_helpers import benchmark_case, points, score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.plain_plan import plan_sentences
from ipt_training.text.matcher import Clauses
from ipt_training.text.normalize import clauses


def _prepared(text: str) -> Clauses:
    return clauses(text)


# ----------------------------------------------------------------------------------------------- plan sentences

def test_a_plan_told_as_what_the_patient_needs_or_what_the_sessions_hold_is_a_plan() -> None:
    prepared = _prepared("She needs to let herself feel his death. In our sessions he can be angry about it. "
                         "What she needs is room for the anger.")
    assert plan_sentences(prepared) == [0, 1, 2]


def test_a_need_or_a_session_that_plans_nothing_is_no_plan() -> None:
    prepared = _prepared("Elsa still needs me, she says. She missed a session in May. The boys need shoes.")
    assert plan_sentences(prepared) == []


def test_the_plan_list_goes_on_after_an_aside_with_a_verb_of_the_work() -> None:
    prepared = _prepared("I would help him weigh what the new post offers (including whether he could go back), "
                         "practise the hard parts of the job and call Dong-su.")
    assert plan_sentences(prepared) == [0, 1, 2]
    told = _prepared("He was made supervisor (a post he asked for), practise is what he lacks.")
    assert plan_sentences(told) == []  # no plan clause before: a verb alone opens no plan


# ------------------------------------------------------------------------------------------------ answers gain

_FEEL_HIS_DEATH = (
    "Ilona's brother Miklós died suddenly in February; she dealt with the hospital, the funeral and the bank and was "
    "at her bench on Monday without a tear. They had not spoken since their quarrel about their mother in 2023 and "
    "the Christmas call never happened. She avoids his flat and lets Zsuzsa's calls ring out. The early waking began "
    "in April, two months after his death. She needs to let herself feel his death, the guilt about the quarrel as "
    "well as the love, tell the story of his last years and of that night, and then go back to the choir and to "
    "Renate.")


def test_a_death_felt_is_mourning() -> None:
    report = score(benchmark_case("formulation_dev_g", "v-07"), _FEEL_HIS_DEATH)
    assert report.detected_primary is ProblemArea.GRIEF
    assert points(report, "goals") == 2.0  # mourning (the death felt) and going back to the choir


def test_the_marriage_told_as_it_really_was_and_the_dead_let_go() -> None:
    text = ("Mrs Lan was never allowed to cry for Đức; a good wife does not cry in front of people. A month after the "
            "first death anniversary her sleep broke. The marriage was hard: he drank, gambled the savings and cursed "
            "her on his last night, and she went home; he died alone and she felt light, then guilty. Moving in with "
            "Minh went well and did not cause this. We need room for the marriage as it really was, the anger, the "
            "relief and the guilt, so that she can let him go and go back to the temple.")
    report = score(benchmark_case("formulation_dev_b", "t-12"), text)
    assert report.detected_primary is ProblemArea.GRIEF
    assert points(report, "goals") == 2.0
    assert points(report, "strategies") == 2.0


def test_a_plan_in_our_sessions_names_the_transition_work() -> None:
    text = ("Sione's life was the tanker round. The seizure in February and the epilepsy found in March ended it; he "
            "may never drive a truck again and in April he was put in dispatch. A month or two later the low mood "
            "came. He is ashamed that Mele drives him and has stopped going to the depot café. His cousin in Tonga "
            "was not close. In our sessions he can be angry and sad about what his body took from him, look at "
            "what the old job meant and what the desk could offer, learn the parts of dispatch he dislikes and find "
            "company again.")
    report = score(benchmark_case("formulation_dev_d", "h-09"), text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "goals") >= 1.5
    assert points(report, "strategies") >= 1.5


def test_the_plan_after_an_aside_names_the_skills_and_support() -> None:
    text = ("Joon-ho asked for the supervisor post in March and two months later he stopped sleeping. He lost his "
            "place among the drivers he used to take fishing and now eats alone in the office; the roster software "
            "defeats him. He obeys Mr Choi and does not quarrel with him. I would help him say what driving gave him "
            "and what it cost to give it up, weigh what the new post offers him (including whether going back to "
            "the buses is thinkable), practise the hard parts of the job such as answering Choi's late messages, "
            "and get back in touch with Dong-su.")
    report = score(benchmark_case("formulation_dev_c", "d-01"), text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "goals") >= 1.5  # a realistic view of the post, mastery of its hard parts
    assert points(report, "strategies") == 2.0


def test_old_friendships_looked_back_on_the_room_and_small_steps_are_the_deficits_plan() -> None:
    text = ("Nothing happened before Bram's fog: nobody died, nobody fell out with him, work and home are unchanged. "
            "He has lived alone since 25, never had a partner, had one school friend who moved away and left a choir "
            "after two rehearsals over a remark at coffee. The aim is fewer lonely evenings and a friend or two. We "
            "would look back at how those friendships ended, use our own sessions to notice when he expects to "
            "disappoint me, and then take it step by step toward the forum's meet-ups.")
    report = score(benchmark_case("formulation_dev_f", "u-11"), text)
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert points(report, "strategies") == 2.0


# ---------------------------------------------------------------------------------------- answers must NOT gain

def test_a_story_retold_with_a_need_in_it_plans_nothing() -> None:
    text = ("Marta's wife Silvia died of a stroke in October. Marta found her on the studio floor. She did not cry at "
            "the funeral. She needs to be strong for Elsa, she says. The studio is locked and she has not been to "
            "the niche. Since January she sleeps badly and has left the choir.")
    report = score(benchmark_case("formulation_dev_c", "d-02"), text)
    assert points(report, "goals") == 0.0
    assert points(report, "strategies") == 0.0


def test_plain_words_listed_without_a_sentence_earn_a_token_at_most() -> None:
    text = "Silvia. Death. Feel his death. Studio. Story of the marriage. Choir again. Small steps. Friends."
    report = score(benchmark_case("formulation_dev_c", "d-02"), text)
    assert points(report, "problem_area") == 0.0
    assert points(report, "goals") <= 0.5
    assert points(report, "strategies") <= 0.5


def test_a_wrong_area_argued_in_plain_words_gains_nothing_from_the_frames() -> None:
    # a bereavement argued for the cousin on a transition case: mourning words serve the wrong area
    text = ("The cousin who died in Tonga at the end of 2024 is what matters; Sione never went to the funeral and "
            "only sent money. In our sessions he needs to let himself feel the death of his cousin and tell the "
            "story of their years as boys together.")
    report = score(benchmark_case("formulation_dev_d", "h-09"), text)
    assert points(report, "problem_area") == 0.0
    assert points(report, "goals") <= 0.5  # (as before this round: nothing of the mourning frames)
    assert points(report, "strategies") == 0.0


def test_a_description_that_commits_to_nothing_gains_no_area() -> None:
    text = ("Bram lives alone, has never had a partner and had one friend at school. He left a choir after two "
            "rehearsals. In our sessions we could look at his family, his work or his loneliness; I have not "
            "decided which.")
    report = score(benchmark_case("formulation_dev_f", "u-11"), text)
    assert points(report, "goals") == 0.0


@pytest.mark.parametrize("text", [
    "I would help her practise for the role play and talk to her mother about the school.",
    "She has to learn the new software, and she feels sad about it, so we'll see.",
])
def test_practising_a_role_play_or_a_passing_sadness_is_no_new_role_skill_or_mourning(text: str) -> None:
    report = score(benchmark_case("formulation_dev_c", "d-01"), text)
    assert points(report, "goals") <= 0.5


# --------------------------------------------------------------------------- the area when no label is present

def test_a_cause_given_by_a_person_of_the_key_event_is_that_event() -> None:
    # u-03's key event is Diego's contract signed without asking (a conflict): "his brother" is Diego
    text = ("Martín is low because his brother keeps deciding things over his head and he never answers back. I would "
            "help him say it to Diego.")
    report = score(benchmark_case("formulation_dev_f", "u-03"), text)
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(report, "problem_area") == 3.0


@pytest.mark.parametrize("text", [
    "We will talk about Diego, the bakery and his father.",  # the plan's "about", no cause
    "Since Diego. Brother. Contract. Night baking. Whiteboard.",  # a list
    "It is not because of his brother; the night shifts are simply too many for him.",  # the cause denied
])
def test_a_person_named_without_a_cause_or_in_a_list_or_denied_chooses_nothing(text: str) -> None:
    report = score(benchmark_case("formulation_dev_f", "u-03"), text)
    assert report.detected_primary is not ProblemArea.ROLE_DISPUTE


def test_a_wrong_area_argued_around_the_key_person_is_not_turned_into_the_right_one() -> None:
    text = ("Since his father died the bakery has been all he has left of him, and he never let himself be sad about "
            "Papá. I would help him talk about his father and what he lost.")
    report = score(benchmark_case("formulation_dev_f", "u-03"), text)
    assert report.detected_primary is ProblemArea.GRIEF
    assert points(report, "problem_area") == 0.0


def test_who_she_was_said_to_have_ended_is_a_lost_role() -> None:
    # (grieving the work is what a change took: the episode is the end of who she was, not a death)
    text = ("She can't be a logger any more since the accident and hasn't accepted it; she'd be helped by grieving "
            "the job and finding something new she can be good at.")
    report = score(benchmark_case("formulation_dev_l", "k-09"), text)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3.0


def test_who_he_was_said_to_have_ended_beside_a_death_is_no_lost_role() -> None:
    text = "Since his father died Martín is no longer the son who bakes with him. He needs to let himself feel it."
    assert score(benchmark_case("formulation_dev_f", "u-03"), text).detected_primary is not ProblemArea.ROLE_TRANSITION


def test_a_death_said_not_close_is_set_aside_and_a_close_one_is_not() -> None:
    set_aside = ("The epilepsy in March ended Sione's years on the tanker, and since April he sits in dispatch; his "
                 "mood fell a month later. The cousin who died in Tonga was not close. In our sessions he can be sad "
                 "and angry about what his body took from him and learn the parts of dispatch he dislikes.")
    report = score(benchmark_case("formulation_dev_d", "h-09"), set_aside)
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    close = ("Her brother Miklós, who died in February, was close to her until their quarrel, and two months after "
             "his death the early waking began. She needs to let herself feel his death.")
    assert score(benchmark_case("formulation_dev_g", "v-07"), close).detected_primary is ProblemArea.GRIEF


_HELENE = ("Nothing set Hélène's low mood off: nobody died and her job, flat and family are unchanged. She has had no "
           "close friend since school, spends whole weekends without speaking to anyone and turns down Nadia's "
           "lunches, sure she would bore her. ")


def test_a_few_people_counted_as_the_aim_are_new_relationships() -> None:
    report = score(benchmark_case("formulation_dev_c", "d-04"),
                   _HELENE + "I want her to have one or two people she can talk to and fewer empty weekends.")
    assert points(report, "goals") == 2.0


def test_a_few_people_told_in_the_story_are_no_aim() -> None:
    for told in ("She has one or two people at work she nods to.", "At work she eats with one or two colleagues."):
        assert points(score(benchmark_case("formulation_dev_c", "d-04"), _HELENE + told), "goals") == 0.0
