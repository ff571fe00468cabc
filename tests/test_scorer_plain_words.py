"""Plans and evidence in plain words, without IPT labels. Every answer is written for these tests (none comes from
a benchmark set); each mechanism has answers that must earn credit and answers that must not."""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.evidence import derive_evidence
from ipt_training.scoring.plain_plan import plain_plan_concepts
from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses

T, S, D, G = (ProblemArea.ROLE_TRANSITION, ProblemArea.INTERPERSONAL_DEFICITS, ProblemArea.ROLE_DISPUTE,
              ProblemArea.GRIEF)


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-05", "p-08", "p-14")}


def concepts(text: str, *areas: ProblemArea) -> set[str]:
    return plain_plan_concepts(clauses(text), set(areas))


AMARU_FACTS = ("Amaru's low mood began about two months after the move to Winnipeg, where he lost the bridge team he "
               "led and his Sunday futsal. ")


def test_a_plain_plan_for_a_life_change_earns_goal_credit(cases):
    plain = score(cases["p-05"], AMARU_FACTS + "This upheaval is what we will work on. I'd give him room to be upset "
                                               "about everything he left behind in Toronto, and help him get good at "
                                               "the work he does now.")
    bare = score(cases["p-05"], AMARU_FACTS + "This upheaval is what we will work on. I'd see him every week.")
    assert plain.criterion("goals").points >= 1.5
    assert bare.criterion("goals").points == 0


@pytest.mark.parametrize(("text", "areas", "expected"), [
    ("I would let her be sad about what she gave up", (T,), "goal:transition.mourn_old"),
    ("We will help him get better at running the house", (T,), "goal:transition.mastery"),
    ("I'd help her see what a life here could offer", (T,), "goal:transition.realistic_new"),
    ("We would help him make a few friends, starting small", (S,), "goal:deficits.new_relationships"),
    ("We would help him make a few friends, starting small", (S,), "strategy:deficits.graded_contact"),
    ("I'd help him find out what he wants and what she wants", (D,), "strategy:dispute.expectations"),
    ("I'd help them get the talks going again", (D,), "goal:dispute.resolve"),
    ("We would go over the last row in detail", (D,), "strategy:general.communication_analysis"),
])
def test_a_plan_sentence_in_plain_words_names_its_concept(text, areas, expected):
    assert expected in concepts(text, *areas)


@pytest.mark.parametrize(("text", "areas", "absent"), [
    # A description, not a plan: no plan word.
    ("He is upset about losing his team", (T,), "goal:transition.mourn_old"),
    ("She has few friends and rarely starts a conversation", (S,), "goal:deficits.new_relationships"),
    # A plan, but only for the areas the answer chose or the case is about.
    ("We would help him make a few friends, starting small", (G,), "goal:deficits.new_relationships"),
    ("I'd help him find out what he wants and what she wants", (T,), "strategy:dispute.expectations"),
    # One class of words is not the pairing.
    ("I'd let him be sad", (T,), "goal:transition.mourn_old"),
])
def test_a_description_or_half_a_pairing_names_nothing(text, areas, absent):
    assert absent not in concepts(text, *areas)


def test_a_plain_plan_for_another_area_than_the_chosen_one_earns_nothing(cases):
    # Deficits words in a grief answer for Sander: the plan is not credited to the area the answer did not choose.
    report = score(cases["p-08"], "This is grief for the friend who moved away when Sander was eleven. He has been "
                                  "low since January 2025. I would help him find people to spend time with, "
                                  "starting small.")
    assert report.criterion("goals").points == 0
    right = score(cases["p-08"], "Sander has been isolated since school, and he has been low since January 2025 with "
                                 "nothing that changed before it, so the work is on his isolation. I would help him "
                                 "find people to spend time with, starting small.")
    assert right.criterion("goals").points >= 1


def test_evidence_in_plain_synonyms_is_recognised():
    derived = derive_evidence({"fear": "She avoids the staff parties because she fears looking stupid.",
                               "link": "Her mood worsened after the move."}, "link")
    matcher = build_matcher(derived.cues)
    assert "fear" in derived.cited(matcher.find("she skips the drinks after work, scared of embarrassing herself"))
    assert "fear" not in derived.cited(matcher.find("she enjoys the drinks after work"))


def test_a_lifelong_pattern_told_in_plain_words_argues_deficits(cases):
    report = score(cases["p-08"], "Sander has always been on his own and has had no close friends since school. "
                                  "He has been low since January 2025. I'd help him find people to spend time with.")
    assert report.detected_primary is S


def test_isolation_dated_from_an_event_does_not_argue_deficits():
    from ipt_training.scoring.areas import _lifelong_isolation
    assert _lifelong_isolation(clauses("she has been alone for years, with no close friends")[0])
    assert not _lifelong_isolation(clauses("she has been alone for two years, since her husband died")[0])
    assert not _lifelong_isolation(clauses("she has close friends from school")[0])


@pytest.fixture(scope="module")
def comfort(library):
    return library.get("p-13")


def test_the_plan_of_a_plain_answer_helps_tell_its_area(cases):
    report = score(cases["p-14"], "Jonas and Mareike argue most evenings about when to try for a baby, and his sleep "
                                  "went a few weeks later. I'd help him work out what he wants and what she wants, "
                                  "and get the two of them talking again without it ending in a row.")
    assert report.detected_primary is D


def test_a_plan_word_far_from_its_pair_names_nothing():
    far = concepts("I would like us to make space for the sadness of losing someone who was your closest friend", S)
    assert "goal:deficits.new_relationships" not in far
    near = concepts("I would like us to make a friend or two", S)
    assert "goal:deficits.new_relationships" in near


def test_a_loss_said_to_the_patient_is_read_as_an_event(comfort):
    report = score(comfort, "Comfort, this is depression, a common illness that can be treated. It began in March, "
                            "two months after you lost him so suddenly, and you have not cried since the burial. I'd "
                            "like us to talk about Kwabena, the good and the hard parts. Does that fit?")
    assert report.detected_primary is G


def test_what_the_patient_has_lost_in_a_life_change_is_not_a_death(cases):
    report = score(cases["p-05"], "Amaru, this is depression. It began two months after the move to Winnipeg, "
                                  "when you left the team you led. We'll talk about what you have lost and how you "
                                  "feel about it, and how you can find your feet in this new role.")
    assert report.detected_primary is T


def test_an_event_settled_long_ago_does_not_explain_the_episode():
    from ipt_training.scoring.areas import infer_from_events
    from ipt_training.scoring.formulation import _side_matcher
    text = ("Her mother died long ago and she grieved it properly. She has been lonely all her adult life and "
            "nothing new happened before the low mood.")
    prepared = clauses(text)
    assert infer_from_events(_side_matcher("event").find(prepared), prepared) is S


def test_the_onset_told_by_its_symptoms_is_linked_to_the_event(cases):
    linked = score(cases["p-05"], "Amaru, this is depression, a common and treatable illness. Your sleep and appetite "
                                  "started to go about two months after the move to Winnipeg, when you lost the "
                                  "bridge team you led. I'd like us to work on this change.")
    unlinked = score(cases["p-05"], "Amaru, this is depression, a common and treatable illness. You moved to "
                                    "Winnipeg and lost the bridge team you led. I'd like us to work on this change.")
    assert linked.criterion("evidence_timeline").points > unlinked.criterion("evidence_timeline").points


@pytest.mark.parametrize(("text", "areas", "expected"), [
    ("I'd like us to talk about him, the good times and the hard ones", (G,), "goal:grief.mourn"),
    ("we will plan how you can leave in a way you can live with", (D,), "goal:dispute.resolve"),
])
def test_plain_goals_said_to_the_patient(text, areas, expected):
    assert expected in concepts(text, *areas)


def test_talking_to_someone_is_not_talking_about_the_dead():
    assert "goal:grief.mourn" not in concepts("I'd help you talk to him about the money", G)


def test_anger_and_angry_are_the_same_evidence():
    derived = derive_evidence({"anger": "She is angry that her husband ignored his headaches.",
                               "link": "Her mood fell after the death."}, "link")
    matcher = build_matcher(derived.cues)
    assert "anger" in derived.cited(matcher.find("there is anger about the headaches he ignored"))


# Mourning not done, told in the writer's own plain words, is the grief argument of a formulation written for the
# patient ("you have not been able to grieve"), as the examiners' rubric names the area in lay words.
BLOCKED = ("Comfort, you have depression, an illness and not a weakness. It began in March. I think you have not yet "
           "had the chance to grieve for Kwabena, because you had to be strong for everyone. We will meet for twelve "
           "weeks and talk about him. Does this make sense to you?")


def test_mourning_not_done_said_to_the_patient_names_grief(comfort):
    report = score(comfort, BLOCKED)
    assert report.detected_primary is G
    assert report.criterion("problem_area").points == 3


def test_mourning_done_names_nothing(comfort):
    report = score(comfort, "Comfort, you have depression. It began in March. You grieved for Kwabena with your "
                            "family. We will meet for twelve weeks.")
    assert report.detected_primary is not G


def test_an_old_life_not_mourned_is_not_grief(cases):
    report = score(cases["p-05"], "Amaru, you have depression. You have not let yourself grieve the life you had "
                                  "before, the team you led and your Sunday futsal. We will meet for twelve weeks.")
    assert report.detected_primary is not G


def test_mourning_not_done_does_not_override_an_area_named_outright(comfort):
    report = score(comfort, "This is a role dispute with her daughter Ama about the house. She has not grieved for "
                            "Kwabena. We will meet for twelve weeks.")
    assert report.detected_primary is D
