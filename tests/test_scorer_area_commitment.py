"""How the scorer reads the area an answer commits to, when the answer also discusses the other areas.

Every answer is written for these tests (none comes from a benchmark set). Each mechanism has answers that must gain
(a clear commitment followed by a differential, a rejection, a later phase or a side remark) and answers that must
not (keyword lists, lists of possibilities, a deferred choice, three areas each claimed for the case).
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation

G, D, T = ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION

NIKHIL = ("Nikhil and Sameer founded the practice in 2010; in July 2024 Sameer signed a contract and hired staff "
          "without telling him, they argued for months, mediation broke down in October and the symptoms began in "
          "January 2025. In April he ended the partnership. ")
NIKHIL_PLAN = ("Goals: end the partnership with the loss mourned and move on. Strategies: explore expectations, "
               "communication analysis of the arguments, express anger and sadness.")
AMARU = ("The move to Winnipeg in March 2025 cost Amaru the bridge team he led and his Sunday futsal league, and "
         "two months later he began waking at 4 a.m. ")
AMARU_PLAN = ("Goals: mourn the old role and master the new one. Strategies: review the old and new roles, express "
              "feelings about the loss, build new supports in Winnipeg.")


@pytest.fixture(scope="module")
def nikhil(library):
    return library.get("p-02")


@pytest.fixture(scope="module")
def amaru(library):
    return library.get("p-05")


@pytest.fixture(scope="module")
def stavros(library):
    return library.get("p-03")


def committed(report, area):
    return (report.detected_primary is area and "keyword_stuffing" not in report.flags
            and "no_commitment" not in report.flags)


@pytest.mark.parametrize("differential", [
    "Differential: grief (no death), role transition (the split is a consequence, not the trigger), interpersonal "
    "deficits (close marriage, friends). ",
    "Why not the others: grief needs a death; a role transition is what comes after the split; interpersonal "
    "deficits needs lifelong isolation, and he has Divya and Anand. ",
    "Other areas: Grief - nobody died. Role transition - the end of the firm is the result. Interpersonal deficits "
    "- good relationships. ",
])
def test_an_answer_that_opens_with_its_focus_and_then_rules_out_the_others_commits(nikhil, differential):
    report = score(nikhil, "Role dispute, dissolution stage. " + NIKHIL + differential + NIKHIL_PLAN)
    assert committed(report, D)
    assert report.detected_secondary is None
    assert report.criterion("problem_area").points == 3


def test_a_focus_named_in_the_middle_of_a_sentence_is_a_choice(nikhil):
    report = score(nikhil, NIKHIL + "The dispute with Sameer, now in dissolution, is the focus; grief, transition "
                                    "and deficits were considered and do not fit the timeline. " + NIKHIL_PLAN)
    assert committed(report, D)


def test_a_walk_through_with_headings_leaves_the_title_as_the_focus(amaru):
    report = score(amaru, "Role transition (the move). Grief: nobody close has died, so not grief. Role dispute: "
                          "Clara is supportive; he hides how low he is, but it is not a dispute. Interpersonal "
                          "deficits: he had several close friends before the move, so no. " + AMARU + AMARU_PLAN)
    assert committed(report, T)
    assert report.criterion("problem_area").points == 3


def test_a_later_phase_that_will_look_like_another_area_is_not_a_second_reading(nikhil):
    report = score(nikhil, "Role dispute with Sameer, dissolution stage. " + NIKHIL + "A role transition will follow "
                           "as the firm is divided, and that later phase will look like a transition. " + NIKHIL_PLAN)
    assert committed(report, D)
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    assert report.detected_secondary is None


def test_an_area_called_secondary_in_a_side_remark_is_not_a_second_focus(stavros):
    report = score(stavros, "PA grief. Eleni died in March 2025 and his symptoms began in May; he says he killed her "
                            "and avoids her grave. Goals: help him grieve and then reconnect with Manolis. Living "
                            "alone is a transition, but I think it's secondary.")
    assert committed(report, G)
    assert report.detected_secondary is None
    assert "self_contradiction" not in report.flags


@pytest.mark.parametrize("refusal", ["Deficits also no: he had several close friends before the move.",
                                     "Role dispute - not really, Clara is supportive."])
def test_an_area_refused_right_after_it_is_named_is_rejected(amaru, refusal):
    report = score(amaru, refusal + " PA: role transition. " + AMARU + AMARU_PLAN)
    assert committed(report, T)
    assert report.detected_secondary is None


def test_rejecting_an_area_by_name_rejects_it(amaru):
    report = score(amaru, "A role dispute with Clara looks obvious at first. " + AMARU + "So I reject the dispute "
                          "and go for a role transition. " + AMARU_PLAN)
    assert committed(report, T)
    assert report.detected_secondary is None


def test_the_area_an_answer_rates_less_likely_is_not_a_second_focus(stavros):
    report = score(stavros, "Eleni died in March 2025 and he became low in May. I think grief is more likely than "
                            "a transition to living alone. My choice would be grief: help him mourn her.")
    assert report.detected_primary is G
    assert report.detected_secondary is None


def test_a_hedged_answer_that_leans_one_way_and_plans_for_it_commits_tentatively(stavros):
    report = score(stavros, "I'm not fully certain, but I lean towards grief: Eleni died in March and he became "
                            "depressed in May, and he blames himself. The row with Nikos could be a dispute. I'd work "
                            "on his mourning first and talk about Eleni and the feeding tube decision.")
    assert report.detected_primary is G
    assert report.confidence < 0.95  # a hedged reading goes to review sooner than a labelled choice


def test_a_persons_initial_is_not_an_area(nikhil):
    report = score(nikhil, "PA: RD with Sameer, dissolution. " + NIKHIL + "G wants the firm to grow fast. "
                           + NIKHIL_PLAN)
    assert report.detected_primary is D
    assert report.detected_secondary is None


# ----------------------------------------------------------------------------- answers that must NOT gain


@pytest.mark.parametrize("text", [
    "Grief. Role dispute. Role transition. Interpersonal deficits. Mourning, renegotiation, new skills, social "
    "skills. Clara, Winnipeg, March.",
    "grief (Toronto), transition (move), dispute? (Clara), deficits unlikely but possible. Use: mourning, role "
    "transition work, communication analysis, social skills.",
    "Several areas could apply. Grief: he lost his old life. Role transition: the move in March. Role dispute: "
    "maybe with Clara? I would need more sessions before choosing a focus.",
    "Possible areas: grief (his old life), role transition (the move), role dispute (Clara). I'd keep all of them in "
    "mind. Goals: mourning, new role, resolve the dispute.",
])
def test_lists_of_areas_and_deferred_choices_commit_to_nothing(amaru, text):
    report = score(amaru, text)
    assert report.criterion("problem_area").points == 0
    assert report.detected_primary is None or "keyword_stuffing" in report.flags


def test_an_answer_that_claims_three_areas_for_the_case_gets_no_full_area_credit(amaru):
    report = score(amaru, "This is a role transition. " + AMARU + "It is also a role dispute with Clara, and it is "
                          "grief for his old life as well. " + AMARU_PLAN)
    assert report.criterion("problem_area").points < 3


def test_a_lean_with_the_choice_put_off_earns_half_of_the_area(amaru):
    report = score(amaru, "It is probably a role transition, though it could be a dispute with Clara. " + AMARU
                          + "I would want more information before deciding which one to focus on.")
    assert report.detected_primary is T
    assert report.criterion("problem_area").points == 1.5
    assert "leaves the choice open" in report.criterion("problem_area").feedback
    assert report.confidence <= 0.6


def test_a_choice_put_off_without_a_lean_is_no_commitment(amaru):
    report = score(amaru, "It could be a role transition, or it could be a dispute with Clara. " + AMARU
                          + "I would want more information before deciding which one to focus on.")
    assert report.detected_primary is None
    assert report.criterion("problem_area").points == 0


# ----------------------------------------------------------------------------- the answer's own account, no label


@pytest.fixture(scope="module")
def yumiko(library):
    return library.get("p-04")


@pytest.fixture(scope="module")
def gareth(library):
    return library.get("p-07")


@pytest.fixture(scope="module")
def comfort(library):
    return library.get("p-13")


def test_a_patient_facing_account_of_being_alone_commits_to_deficits(yumiko):
    report = score(yumiko, "Yumiko, you've been feeling empty and low since October. When we went through the people "
                           "in your life, there weren't many: your mother, and colleagues you keep at a distance. A "
                           "lot of it comes from being on your own so much. In our sessions we'll work on that, "
                           "looking at how you could let people like Ms Kondo get closer.")
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert "area_from_reasoning" in report.flags and report.confidence < 0.95  # read from reasoning: reviewed


def test_a_lost_way_of_life_is_a_transition_and_a_conflict_that_grew_out_of_it_is_not_the_focus(gareth):
    report = score(gareth, "Gareth, when the mill closed you lost far more than a job: your mates, the rugby, being "
                           "the man the lads came to. The low mood came two months after. I think you're still "
                           "mourning that life, and the rows with Sian grew out of it. Over our sessions we'll talk "
                           "about what you lost, what you still have, and what might come next.")
    assert report.detected_primary is T


def test_a_simile_is_not_a_choice(gareth):
    report = score(gareth, "Gareth, the mill was your life for 34 years, and when it closed in January you lost your "
                           "job, your mates and the rugby team. Two months later the low mood started. It's like a "
                           "bereavement, as you said, but it's the loss of a whole way of life. I'd like us to spend "
                           "our sessions on that loss and on what could come next for you.")
    assert report.detected_primary is T


def test_loneliness_that_came_after_a_death_does_not_make_deficits(comfort):
    report = score(comfort, "Comfort, Kwabena died in January and you had to be strong for everyone. Being on your "
                            "own so much came after his death. I'd like us to talk about him and help you grieve.")
    assert report.detected_primary is G


def test_loneliness_named_without_any_account_of_the_episode_commits_to_nothing(yumiko):
    report = score(yumiko, "Yumiko is alone a lot. She eats lunch at her desk. Her mother is 74.")
    assert report.detected_primary is None
    assert report.criterion("problem_area").points == 0


# ----------------------------------------------------------------------------- differentials in other shapes


def test_a_walk_through_of_questions_commits_to_the_one_answered_yes(amaru):
    report = score(amaru, AMARU + "Grief? No one died. Dispute? Not with Clara, who supports him. Deficits? He had "
                                  "close friends. Transition? Yes: the move. " + AMARU_PLAN)
    assert committed(report, T)
    assert report.detected_secondary is None


def test_what_another_area_would_need_is_a_differential_not_a_claim(amaru):
    report = score(amaru, AMARU + "He is in a role transition, from team leader in Toronto to 'Clara's husband' in "
                                  "Winnipeg. It is not a role dispute: the tension with Clara comes from the move. "
                                  "Interpersonal deficits would need lifelong isolation; grief would need a death. "
                                  + AMARU_PLAN)
    assert committed(report, T)


@pytest.mark.parametrize("case_id, text, area", [
    ("p-03", "Stavros's depression began in May 2025, two months after Eleni died. His grief is blocked: he has not "
             "been to the grave, will not move her things and blames himself for the feeding-tube decision. The "
             "dispute with Nikos and the transition to living alone both follow from the death, and before her "
             "illness he was sociable. I would help him mourn her: reconstruct their marriage, good and bad, go over "
             "the decision and his guilt, and then help him back to Manolis and, in time, to Nikos.", G),
    ("p-02", "Nikhil became depressed in January 2025 after six months of fighting with Sameer over the contract and "
             "the staff, and the failed mediation. The dispute is now at dissolution: he has ended the partnership, "
             "but still rehearses the arguments. His grief for the friendship and the transition out of the firm are "
             "part of ending it well. I would go over what each expected, the arguments he replays, and help him let "
             "the partnership go and invest in Divya, Anand and new work.", D),
])
def test_areas_named_in_passing_in_the_story_are_not_a_list_of_areas(library, case_id, text, area):
    report = score(library.get(case_id), text)
    assert committed(report, area)


def test_three_areas_listed_as_possibilities_in_prose_are_still_no_commitment(amaru):
    report = score(amaru, "It could be a role dispute (Clara), a role transition (the move, the lost team) or even "
                          "something like grief for Toronto. All three have some support. I'd explore further before "
                          "choosing.")
    assert report.criterion("problem_area").points == 0


# ----------------------------------------------------------------------------- goals that other areas share


def test_a_committed_plan_whose_words_other_areas_share_is_not_stuffing(amaru):
    report = score(amaru, "Problem area: role transition. " + AMARU + "Goals: symptom relief; mourn what was lost; "
                          "develop new relationships and reconnect with friends; reduce his isolation in Winnipeg. "
                          "Strategies: good and bad of the old and new roles, encourage affect, role play "
                          "conversations with new colleagues, build new social supports.")
    assert "keyword_stuffing" not in report.flags
    assert report.criterion("strategies").points == 2
    # mourning is the transition's goal; new relationships and less isolation are not (nor implied by the strategies)
    assert report.criterion("goals").points > 0 and "mix" not in report.criterion("goals").feedback


def test_a_committed_answer_that_plans_for_every_other_area_is_still_stuffing(amaru):
    report = score(amaru, "Problem area: role transition. " + AMARU + "Goals: mourn his old role and master the new "
                          "one; facilitate mourning and reinvest; resolve the dispute and identify the dispute; reduce "
                          "isolation and build social skills. Strategies: reconstruct the relationship with the "
                          "deceased, clarify what each expects, examine the communication patterns, use the "
                          "therapeutic relationship, review past relationships.")
    assert "keyword_stuffing" in report.flags
    assert report.criterion("goals").points < 1


def test_a_plan_of_every_area_without_a_commitment_is_stuffing(amaru):
    report = score(amaru, "Goals: facilitate mourning and reinvest; resolve the dispute and identify the dispute; "
                          "mourn the old role and master the new one; reduce isolation and build social skills. "
                          "Strategies: reconstruct the relationship, clarify what each expects, review past "
                          "relationships.")
    assert "keyword_stuffing" in report.flags or "no_commitment" in report.flags
    assert report.criterion("problem_area").points == 0


def test_an_area_that_only_fits_before_the_named_focus_was_weighed_not_chosen(amaru):
    report = score(amaru, "Although grief language fits ('spare part'), and his withdrawal could be mistaken for "
                          "interpersonal deficits, the formulation is a role transition. " + AMARU + AMARU_PLAN)
    assert committed(report, T)
    assert report.detected_secondary is None


def test_a_turn_to_another_area_after_the_label_is_still_a_contradiction(amaru):
    report = score(amaru, "Area: role transition after the move. " + AMARU + "Actually what set it off is the "
                          "conflict with Clara about her job, so the work should be on the dispute: clarify what each "
                          "expects, communication analysis of their rows, resolve the dispute.")
    assert report.criterion("problem_area").points < 3
    assert {"self_contradiction", "conflicting_claims"} & set(report.flags)


# ----------------------------------------------------------------------------- the area ticked in the field


def ticked(case, text, area):
    from ipt_training.scoring.report import FormulationAnswer
    return score_formulation(FormulationAnswer(text=text, primary_area=area), case.reference, case=case)


def test_a_ticked_area_with_a_differential_in_the_text_is_not_stuffing(amaru):
    report = ticked(amaru, AMARU + "Differential: grief (he speaks of loss, but no death), role dispute (Clara is "
                                   "busy, but supportive), interpersonal deficits (withdrawn now, but sociable "
                                   "before). " + AMARU_PLAN, T)
    assert "keyword_stuffing" not in report.flags
    assert report.criterion("problem_area").points == 3


def test_a_ticked_area_beside_text_weighing_other_possibilities_is_stuffing(amaru):
    report = ticked(amaru, "It could be grief for Toronto, it could be a role dispute with Clara, maybe interpersonal "
                           "deficits. " + AMARU + AMARU_PLAN, T)
    assert "keyword_stuffing" in report.flags
    assert report.criterion("problem_area").points == 0


def test_one_event_matched_by_two_phrases_counts_once(library):
    # "moved to" and "moved to Perth in" are one move (and a friend's, years ago): it must not tie with the
    # lifelong pattern the answer argues from.
    report = score(library.get("a-06"), "Craig has felt low since August 2024 and says nothing set it off: no "
                                        "deaths, no arguments, no changes. He has always had few relationships - "
                                        "bullied at school, his one mate Darren moved to Perth in 2006, a short "
                                        "relationship that ended when he went quiet. He would like friends but "
                                        "thinks people get sick of him. The work would be on his relationships.")
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS


def test_areas_claimed_together_in_one_sentence_are_a_list(stavros):
    report = score(stavros, "This is grief, a dispute, a transition and deficits all at once. Eleni died in March "
                            "2025 after Stavros agreed to no feeding tube; his symptoms began in May.")
    assert report.criterion("problem_area").points == 0
    assert "keyword_stuffing" in report.flags or "no_commitment" in report.flags


def test_a_title_over_headings_that_rule_nothing_out_is_a_list(amaru):
    report = score(amaru, "Role transition (the move). " + AMARU + "Grief: the loss of his old life. Role dispute: "
                          "tension with Clara. Interpersonal deficits: he is isolated now. Goals: mourning, mastery, "
                          "resolve the dispute, reduce isolation.")
    assert report.criterion("problem_area").points == 0
    assert "keyword_stuffing" in report.flags
