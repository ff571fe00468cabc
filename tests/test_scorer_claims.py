"""Internal consistency: an answer's claims (area, stage, account of the onset, plan) checked against each other,
and evidence in a list credited only where a fragment states it.

Answers that contradict themselves earn half of the better reading on every criterion, with feedback that names the
two claims; answers that mention another area to reject it, mark it secondary, handle it within the focus or plan
it for a later phase are not halved. All answers are written for these tests (none comes from a benchmark set).
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.claims import mourning_claims, onset_claims
from ipt_training.scoring.statements import states
from ipt_training.text.normalize import clauses

#: A consistent transition note for p-05 (Amaru, the move to Winnipeg).
TRANSITION = ("PA: role transition. Amaru moved to Winnipeg in March and began waking at 4 a.m. two months later; "
              "he lost the bridge team he led and his futsal friends. Goals: mourn the old role, a realistic view of "
              "the new one, mastery. Strategies: express his feelings about the move, build a new support network.")


@pytest.fixture(scope="module")
def amaru(library):
    return library.get("p-05")


@pytest.fixture(scope="module")
def comfort(library):
    return library.get("p-13")


@pytest.fixture(scope="module")
def beatriz(library):
    return library.get("p-06")


def assert_halved(both, coherent):
    assert "conflicting_claims" in both.flags and "self_contradiction" in both.flags
    assert both.criterion("problem_area").points == coherent.criterion("problem_area").points / 2
    assert both.total <= coherent.total / 2 + 1


def test_transition_goals_with_deficits_strategies_on_long_standing_difficulties_are_halved(amaru):
    coherent = score(amaru, TRANSITION)
    both = score(amaru, "PA: role transition - the move to Winnipeg in March, onset two months later, he feels like a "
                        "spare part. Goals: mourn the old role, mastery of the new one. Strategies: review his past "
                        "relationships for repeating patterns, use the therapeutic relationship, practise social "
                        "skills in role play. His social difficulties are long-standing.")
    assert coherent.total >= 9 and "conflicting_claims" not in coherent.flags
    assert_halved(both, coherent)
    text = both.criterion("problem_area").feedback
    assert "role transition" in text and "long-standing" in text and "repeating patterns" in text


def test_a_chosen_event_area_beside_a_claim_that_nothing_set_the_episode_off_is_halved(amaru):
    both = score(amaru, TRANSITION + " Really the depression came out of nowhere.")
    assert_halved(both, score(amaru, TRANSITION))
    assert "nothing set the episode off ('Really the depression came out of nowhere')" in both.criterion(
        "problem_area").feedback
    for text in ("He says it came out of nowhere, but it began two months after the move.",
                 "It did not come out of nowhere: it began two months after the move."):
        report = score(amaru, f"{TRANSITION} {text}")
        assert "conflicting_claims" not in report.flags, text


def test_a_plan_for_another_area_than_the_label_is_halved(amaru):
    both = score(amaru, "PA: role transition after the move to Winnipeg; onset two months later. The main thing to "
                        "work on is the dispute with Clara: clarify what each of them expects, communication analysis "
                        "of their evenings, and resolve the dispute.")
    assert_halved(both, score(amaru, TRANSITION))
    assert "role dispute" in both.criterion("problem_area").feedback


def test_a_plan_that_serves_only_another_area_is_halved(amaru, beatriz):
    both = score(amaru, "PA: role transition after the move to Winnipeg; onset two months later. Goals: reduce "
                        "isolation, new relationships. Strategies: graded contact, social skills role play.")
    assert "conflicting_claims" in both.flags and both.criterion("problem_area").points == 1.5
    assert "interpersonal deficits work" in both.criterion("problem_area").feedback
    # A transition plan beside a ticked dispute; the same text with the transition ticked is one (wrong) reading.
    text = ("Beatriz retired from the bank in January 2025 after thirty years, and I would help her mourn her old "
            "role at the bank and build mastery and new routines in retirement.")
    assert "conflicting_claims" in score(beatriz, text, ProblemArea.ROLE_DISPUTE).flags
    assert "conflicting_claims" not in score(beatriz, text, ProblemArea.ROLE_TRANSITION).flags
    # New friends in plain words serve the transition (a new support network): one reading.
    plain = score(amaru, "PA: role transition after the move to Winnipeg; onset two months later. Goals: reduce his "
                         "isolation and help him make new friends.")
    assert "conflicting_claims" not in plain.flags and plain.criterion("problem_area").points == 3


GRIEF_NOTE = ("Grief is the focus: Kwabena died in January and her symptoms began in March; she has not cried and "
              "keeps his room closed. Goals: mourning, then reconnecting with Grace and the choir. Strategies: "
              "reconstruct the relationship, including the bills and the loan, and encourage the anger.")


def test_a_ticked_area_that_the_text_contradicts_is_halved(comfort):
    coherent = score(comfort, GRIEF_NOTE, ProblemArea.GRIEF)
    both = score(comfort, GRIEF_NOTE, ProblemArea.ROLE_TRANSITION)
    assert coherent.total >= 9
    assert_halved(both, coherent)
    for name in ("evidence_timeline", "goals", "strategies"):
        assert both.criterion(name).points <= coherent.criterion(name).points / 2 + 0.5
    assert "grief is the focus" in both.criterion("problem_area").feedback.lower()


DISPUTE_ARGUED = ("Since the row at Sunday lunch in May 2024 Beatriz and Fernanda have not mentioned it again, and "
                  "her mood fell in August. Neither of them talks about it, so this is the impasse stage. I'd bring "
                  "the disagreement back into the open, with communication analysis of the lunch.")


def test_a_bare_label_after_an_argument_for_another_area_is_halved(beatriz):
    coherent = score(beatriz, DISPUTE_ARGUED + " PA: role dispute with Fernanda.")
    both = score(beatriz, DISPUTE_ARGUED + " PA: role transition (retirement).")
    assert "conflicting_claims" not in coherent.flags
    assert_halved(both, coherent)
    assert "this is the impasse stage'" in both.criterion("problem_area").feedback


@pytest.mark.parametrize("text", [
    # an area named to reject it
    "Interpersonal deficits comes to mind because he is isolated now, but I would not use it: he had several close "
    "friends before the move. " + TRANSITION,
    # another area planned for a later phase, in a condition
    TRANSITION + " If the tension with Clara comes to the fore later, we could work on it with communication "
    "analysis and clarify what each of them expects.",
    # another area marked secondary
    TRANSITION + " Secondary focus: a role dispute with Clara at an impasse; communication analysis of their "
    "evenings.",
    # a dispute handled within the focus
    TRANSITION + " The strain with Clara, who is at an impasse with him over her hours, will be handled within the "
    "transition work.",
    # deficits-sounding goals that serve the transition, and a long-standing friendship
    "PA: role transition. Since the move to Winnipeg in March his long-standing friendships in Toronto have faded "
    "and his mood fell two months later. Goals: reduce his isolation and help him make new friends in Winnipeg, "
    "mourn the old role.",
])
def test_mentions_rejections_later_phases_and_secondary_foci_are_not_halved(amaru, text):
    report = score(amaru, text)
    assert "conflicting_claims" not in report.flags and "self_contradiction" not in report.flags
    assert report.criterion("problem_area").points >= 2  # a secondary focus the key does not have costs a point


def test_a_wrong_area_argued_consistently_is_not_a_contradiction(amaru):
    report = score(amaru, "PA: interpersonal deficits. His social difficulties are long-standing and he finds it "
                          "hard to make friends. Goals: reduce isolation. Strategies: review his past relationships "
                          "for patterns, social skills role play.")
    assert "conflicting_claims" not in report.flags
    assert report.criterion("problem_area").points == 0


def test_a_keyword_list_gains_nothing_from_the_words_of_a_second_area(amaru):
    plain = score(amaru, "RT / Winnipeg / Clara / mastery")
    both = score(amaru, "RT / Winnipeg / Clara / long-standing social difficulties / past relationships / social "
                        "skills role play / mastery")
    assert both.total <= plain.total


@pytest.mark.parametrize(("text", "claimed"), [
    ("His social difficulties are long-standing.", True),
    ("She has always been a loner.", True),
    ("The depression came out of nowhere.", True),
    ("His isolation is not long-standing.", False),
    ("Her long-standing friendship with Ana ended.", False),
    ("He says it came out of nowhere, but it followed the move.", False),
    ("Deficits would need long-standing isolation.", False),
    ("Nothing changed at work.", False),  # one part of life, not the whole timeline
    ("They have long-standing marital problems.", False),  # a long dispute, not a life without relationships
    ("She has had long-standing difficulties making friends.", True),
    ("Nothing else happened before the row.", False),
])
def test_onset_claims_are_the_writers_own_statements(text, claimed):
    assert bool(onset_claims(clauses(text))) is claimed


# --- evidence in a list: only where a fragment states it ------------------------------------------------------

NAMED = ("Role transition. Winnipeg. Clara. Bridge team. Futsal league. Tomasz. Rosa. Spare part. Mourn old role, "
         "mastery. Review old/new. Support network.")


def test_a_list_that_only_names_the_facts_earns_no_evidence(amaru):
    report = score(amaru, NAMED)
    assert "list_without_reasoning" in report.flags
    assert report.criterion("problem_area").points == 3  # one area named: it commits
    assert report.criterion("evidence_timeline").points == 0
    assert "states a fact" in report.criterion("evidence_timeline").feedback


def test_a_fragment_that_states_a_fact_earns_its_evidence(amaru):
    stated = score(amaru, NAMED.replace("Bridge team.", "Lost his bridge team and futsal friends."))
    assert "list_without_reasoning" in stated.flags
    assert stated.criterion("evidence_timeline").points > 0


def test_a_list_that_commits_to_nothing_keeps_half_of_what_it_names(amaru):
    report = score(amaru, NAMED.replace("Role transition.", "Role transition? Role dispute? Deficits?"))
    assert "no_commitment" in report.flags
    assert report.criterion("evidence_timeline").points <= 1


@pytest.mark.parametrize(("fragment", "stated"), [
    ("Lives alone", True), ("No close friends", True), ("Father died 2/25", True), ("Moved to Lisbon", True),
    ("Low since the move", True), ("Promotion", False), ("Delayed mourning", False), ("Clara, Tomasz", False),
    ("Truck driver -> dispatch", False), ("not grief", False),
])
def test_which_fragments_state_a_fact(fragment, stated):
    assert states(clauses(fragment)[0]) is stated


GRIEF_PLAN = ("Primary area: grief. Kwabena died in January and her symptoms began in March; she has not cried "
              "and keeps his room closed. Goals: help her mourn him, then return to the choir and to Grace. "
              "Strategies: reconstruct the relationship, good and bad, and encourage the anger about the loan.")


@pytest.mark.parametrize("later", [
    " In the final phase we will work on the role transition to living alone: mastery of the bills and new routines.",
    " Later, once mourning is under way, we may work on the role transition to widowhood and build mastery of new "
    "tasks.",
])
def test_a_second_area_planned_for_a_later_phase_is_not_a_second_formulation(comfort, later):
    report = score(comfort, GRIEF_PLAN + later)
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    for name in ("evidence_timeline", "goals", "strategies"):
        assert report.criterion(name).points == report.criterion(name).max_points


def test_a_second_area_asserted_later_in_the_answer_is_still_a_second_formulation(comfort):
    report = score(comfort, GRIEF_PLAN + " Later: by convention this is really a role transition to widowhood, and we "
                                         "should work on mastery of the bills and new routines.")
    assert "two_readings" in report.flags


def test_grief_beside_a_denial_that_anyone_died_in_a_bereavement_is_halved(comfort, amaru):
    coherent = score(comfort, GRIEF_PLAN)
    both = score(comfort, GRIEF_PLAN + " There has been no recent loss in her life.")
    assert_halved(both, coherent)
    assert "'there has been no recent loss in her life'" in both.criterion("problem_area").feedback.lower()
    for text in (" No one close to her has died apart from Kwabena.", " She denies any death wish.",
                 " Her daughter says nobody died, but Kwabena did."):
        assert "conflicting_claims" not in score(comfort, GRIEF_PLAN + text).flags, text
    # Where nobody died, saying so beside grief is a wrong area argued, not a contradiction of the case.
    wrong = score(amaru, "Grief: he has lost his old life in Toronto, though nobody died. Goals: mourn the old life.")
    assert "conflicting_claims" not in wrong.flags and wrong.criterion("problem_area").points == 0


def test_mourning_described_as_blocked_beside_another_area_is_halved(comfort, amaru):
    text = ("Kwabena died in January and she has not cried since the burial, which looks like blocked mourning. "
            "However, the main change is that she lives alone now. PA: role transition. Goals: mourn the old role, "
            "mastery of the bills.")
    report = score(comfort, text)
    assert "conflicting_claims" in report.flags and report.criterion("problem_area").points == 1.5
    assert "looks like blocked mourning'" in report.criterion("problem_area").feedback
    # Grief set in the past, or only reported, is not a claim about this episode.
    for past in ("His father died long ago and that unresolved grief is background.",
                 "Clara thinks he has delayed grief for his old life."):
        assert "conflicting_claims" not in score(amaru, f"{past} {TRANSITION}").flags, past


@pytest.mark.parametrize(("text", "claimed"), [
    ("this is a clear picture of blocked mourning", True), ("she never grieved", True), ("not grief", False),
    ("he grieved openly at the funeral", False), ("unresolved grief from childhood", False),
    ("he has never mourned the old role", False), ("blocked mourning of his job at the mill", False),
])
def test_mourning_claims(text, claimed):
    assert bool(mourning_claims(clauses(text))) is claimed
