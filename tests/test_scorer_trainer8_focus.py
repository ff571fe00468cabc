"""The senior trainer's review of round 8 (findings 1, 2 and 4): lay readings that cost correct answers marks.

* a focus said in lay words: "the loss of" names grief only when what is lost is one of the case's dead ("the loss
  of your job" is the transition the plan works on); "saying goodbye" names no area; loneliness beside a loss ("how
  lonely the house is without him") is what the death left, not interpersonal deficits;
* the choice left to the patient is a deferral of the focus only when the focus is what is left ("let you choose
  which to work on"), not an outcome the therapist must not steer ("I will let you decide" about children,
  "let her decide whether to stay", reference 3.2);
* an event said to have set the episode off is a second formulation beside interpersonal deficits only when the
  writer claims it, for an event in the weeks and months before the onset: a cause weighed ("may have been the
  first trigger") or an event put years before the onset ("came six years too early") is the distant trigger set
  aside, as the trap case asks.

Answers that must not lose come from the trainer's review; the variants that must still lose are invented here.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.areas import _focus_named
from ipt_training.scoring.feedback import area_feedback, stage_feedback
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-07", "p-13", "p-14", "p-35")}


def _patient(case, text):
    return score(case, text, rubric="patient", reveal=True)


def _note(case, text):
    return score(case, text, rubric="supervision", reveal=True)


# --- Finding 1: lay focus words -------------------------------------------------------------------------------

_GARETH = ("Gareth, you have depression, a common illness that can be treated; it is not weakness and it is not "
           "your fault. You were made redundant from the mill in January after 34 years, and your sleep and interest "
           "went in March, two months later. You miss the banter, being the one the lads asked, the rugby team and "
           "Dai. {focus} Over twelve weekly sessions we will talk about what you miss and how that feels, look at "
           "what was good and bad about the mill and what could come next, and find people and things to fill the "
           "gap. Does that fit how you see it?")


@pytest.mark.parametrize("focus", ["I would suggest we focus on the loss of your job.",
                                   "I would suggest we focus on the loss of the mill and everything that went with it.",
                                   "I would suggest we focus on saying goodbye to the mill.",
                                   "I'd like us to focus on losing your place at the mill."])
def test_a_lost_job_in_a_lay_focus_is_the_transition_not_grief(cases, focus):
    report = _patient(cases["p-07"], _GARETH.format(focus=focus))
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "problem_area") == 3
    assert "inconsistent_plan" not in report.flags
    assert report.total >= 8


def test_a_lay_focus_is_a_vote_that_does_not_outweigh_the_plan_and_the_events(cases):
    report = _patient(cases["p-07"], _GARETH.format(focus="I would suggest we focus on your friendships."))
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.total >= 8


_GARETH_NOTE = ("Gareth has a major depressive episode; risk assessed, safety plan agreed, antidepressant started. "
                "He was made redundant from the mill in January 2025 after 34 years, and his symptoms began in March, "
                "two months later. {x} Goals: mourn the old role, see the new situation realistically, regain "
                "mastery. Strategies: review the good and bad of the mill and what could come next, encourage him to "
                "express his feelings about the loss, and build new supports. 16 sessions; he agreed.")


def test_a_supervision_focus_on_the_loss_of_a_job_is_a_commitment(cases):
    text = _GARETH_NOTE.format(x="I would focus on the loss of his job, his team and his routines.")
    report = _note(cases["p-07"], text)
    assert "no_commitment" not in report.flags
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert report.total >= 8


_COMFORT = ("Comfort, you have depression, a common illness that can be treated; it is not a weakness and not your "
            "fault. Kwabena died in January and you had to be strong for everyone; you have not cried, his room stays "
            "closed, and your sleep went in March, two months later. {focus} Over twelve weeks we will talk about "
            "Kwabena, the good and the hard parts, and let the sadness and even the anger come; later, back to Grace "
            "and the choir. Does that fit?")


@pytest.mark.parametrize("focus", ["I would like us to focus on how lonely the house is without him.",
                                   "I would like us to focus on how alone you are now that Kwabena is gone.",
                                   "I would like us to focus on the loss of Kwabena."])
def test_loneliness_a_death_left_and_the_loss_of_the_dead_are_grief(cases, focus):
    report = _patient(cases["p-13"], _COMFORT.format(focus=focus))
    assert report.detected_primary is ProblemArea.GRIEF
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    assert report.total >= 9


@pytest.mark.parametrize(("phrase", "area"), [
    ("we will focus on how lonely you have been for years", ProblemArea.INTERPERSONAL_DEFICITS),
    ("we will focus on the quarrel with your sister", ProblemArea.ROLE_DISPUTE),
    ("we will focus on the loss of your father", ProblemArea.GRIEF),
    ("we will focus on your grief", ProblemArea.GRIEF),
    ("we will focus on the loss of your job", None),
    ("we will focus on saying goodbye to the mill", None),
    ("we will focus on how lonely the house is without him", None),
    ("we will focus on how alone you are now that your father is gone", None)])
def test_what_a_lay_focus_phrase_names(phrase, area):
    """Must not lose what round 8 gained: loneliness, a quarrel, the death of one of the case's dead (here the
    father) still name their area; a lost job, a goodbye and loneliness a death left name none."""
    assert _focus_named(clauses(phrase)[0], frozenset({"father"})) is area


# --- Finding 2: the outcome left to the patient is no deferral of the focus ------------------------------------

_JONAS = ("Jonas, from what you have told me you have depression. It is a common illness, it is treatable, and it is "
          "not your fault. Your low mood started in March, about three months after Mareike asked you to agree a date "
          "for trying for a baby and the arguments began. You both still talk it through late into the night and you "
          "have looked up a counsellor together. I would suggest that over our twelve weekly sessions we work on this "
          "disagreement between you: what each of you wants, what the choices are, and finding a way to talk without "
          "fighting. {extra}Does that fit how you see it?")


@pytest.mark.parametrize("extra", [
    "I won't push you towards any answer about children; I will let you decide. ",
    "We will weigh the options together and then let you decide what to say to her. ",
    "Whether to have a baby is not for me to say; I'll let you decide whether you want one. "])
def test_an_outcome_left_to_the_patient_keeps_the_focus(cases, extra):
    report = _patient(cases["p-14"], _JONAS.format(extra=extra))
    assert "no_commitment" not in report.flags
    assert report.detected_primary is ProblemArea.ROLE_DISPUTE
    assert points(report, "problem_area") == 3
    assert report.total >= 8.5


def test_a_note_that_lets_them_decide_the_outcome_keeps_its_lay_focus(cases):
    note = ("Jonas meets criteria for a moderate major depressive episode (PHQ-9), a treatable illness, not his fault. "
            "This is a disagreement between them about when to try for a baby. In December 2024 she asked him to agree "
            "a date; since then they have argued most evenings. His symptoms began in March 2025, three months after "
            "the arguments started. No death, his job and friendships are unchanged, so grief, transition and "
            "deficits do not fit. Stage: renegotiation: both still talk it through and have looked up a counsellor. "
            "Whether they have a baby is theirs to settle; I would let them decide. Goals: clarify each partner's "
            "expectations, look at options, and improve how they communicate so that they can reach an agreement. "
            "Strategies: communication analysis of a recent argument, role play, decision analysis of the options. "
            "12 weekly sessions; he agreed with this formulation.")
    report = _note(cases["p-14"], note)
    assert "no_commitment" not in report.flags
    assert report.total >= 9


@pytest.mark.parametrize("extra", ["There are several things we could work on, and I will let you choose which one "
                                   "to work on. ",
                                   "I'll let you decide which problem we focus on first. "])
def test_the_focus_left_to_the_patient_is_still_no_commitment(cases, extra):
    """(The choice of focus left entirely to the patient is no focus: the trainer agreed.)"""
    text = ("Jonas, you have depression, a common illness that can be treated. Your low mood started in March, after "
            "arguments with Mareike began in December; your work and friends are unchanged. " + extra +
            "Over twelve weeks we will meet every week. Does that fit?")
    report = _patient(cases["p-14"], text)
    assert "no_commitment" in report.flags
    assert points(report, "problem_area") == 0


def test_a_bare_let_him_choose_after_weighing_areas_defers_the_focus(cases):
    note = ("Jonas is depressed since March 2025. I can see arguments for a role dispute (the arguments with Mareike "
            "about a baby) and for a role transition (he turned forty and his firm merged). Both seem to play a part "
            "and I would not want to force one frame onto him yet; I'd talk it over with him and let him choose.")
    report = _note(cases["p-14"], note)
    assert "no_commitment" in report.flags
    assert points(report, "problem_area") == 0


# --- Finding 4: an old or weighed cause beside interpersonal deficits ------------------------------------------

_ODILE = ("Odile has a major depressive episode since January 2025; risk assessed, to be reviewed; medication "
          "discussed. Focus: interpersonal deficits. She was a shy child left out at school, never had a close friend, "
          "and was close to no one in 35 years at the post office. {mid}Nothing changed in 2024: no quarrel, move, "
          "illness or death. Goals: reduce her isolation and help her form new relationships. Strategies: review past "
          "relationships for patterns, use the therapeutic relationship (her apology for taking up a place), role play "
          "and graded steps toward Josiane and Mme Benali. 16 sessions; she agreed.")


@pytest.mark.parametrize("mid", [
    "Her retirement in June 2018 came six years too early to have triggered this episode. ",
    "Her retirement in June 2018 may have been the first trigger for the slow narrowing of her life that underlies "
    "this depression, but it is too distant to be the focus. ",
    "Her retirement in 2018 cut her last daily contacts, and the depression is a reaction to that long narrowing. ",
    "Her retirement could be seen as the trigger of the depression, but her mood was good for six years afterwards. "])
def test_a_distant_or_weighed_trigger_does_not_halve_a_deficits_answer(cases, mid):
    report = _note(cases["p-35"], _ODILE.format(mid=mid))
    assert report.detected_primary is ProblemArea.INTERPERSONAL_DEFICITS
    assert "two_readings" not in report.flags and "self_contradiction" not in report.flags
    assert report.total >= 9.5


@pytest.mark.parametrize("mid", ["The trigger for this episode was clearly her retirement last year. ",
                                 "The episode was probably triggered by her retirement last year. ",
                                 "Her retirement in December 2024 triggered this episode. "])
def test_a_recent_event_claimed_as_the_trigger_still_argues_against_deficits(cases, mid):
    report = _note(cases["p-35"], _ODILE.format(mid=mid))
    assert "two_readings" in report.flags
    assert report.total <= 5


# --- Feedback wording (the trainer's) ---------------------------------------------------------------------------

def test_the_cause_feedback_quotes_the_sentence_and_says_what_it_would_mean(cases):
    sentence = "The trigger for this episode was clearly her retirement last year."
    report = _note(cases["p-35"], _ODILE.format(mid=sentence + " "))
    area = report.criterion("problem_area").feedback
    assert f"('{sentence[:-1]}')" in area  # the whole sentence, as written
    assert "You also write that her retirement set off the episode" in area
    assert "That would make the focus role transition, not interpersonal deficits" in area
    assert "too long before the onset, say so plainly" in area
    # role transition is never named: no "commits to ... in one place and to ... in another"
    assert "in one place" not in area and "event of role transition" not in area
    evidence = report.criterion("evidence_timeline").feedback
    assert "You kept one focus" not in evidence  # no praise beside two formulations
    assert "each with its own plan" not in evidence


def test_a_focus_named_twice_still_says_it_is_committed_to_twice(cases):
    report = _note(cases["p-35"], _ODILE.format(mid="So this is really a role transition. "))
    assert "role transition" in report.criterion("problem_area").feedback


_FLORENCE = ("Florence, what you have is depression, a common illness that can be treated, and it is not your fault. "
             "In August you spoke to Moses about the school fees; he said the matter was closed and walked out. Since "
             "October you have not spoken about money at all, and you eat apart. Your sleep and strength went in "
             "November, a month later. {x}In our group sessions I suggest we work on this: what you expect of Moses "
             "and what he expects, and how you might bring the money back into the open with him. Does that sound "
             "right?")


def test_two_described_stages_that_tie_are_told_as_such(library):
    report = _patient(library.get("p-17"), _FLORENCE.format(
        x="Yet you both still talk it over together and are still actively negotiating. "))
    text = report.criterion("evidence_timeline").feedback
    assert report.detected_stage is None  # described as stopped and as negotiated, once each
    assert "No dispute stage was named" not in text
    assert ("Your answer describes the dispute both as stopped and as still being negotiated. Say which it is now, "
            "and why.") in text


def test_the_tie_sentence_names_the_two_stages_described(library):
    key = library.get("p-17").reference
    tied = stage_feedback(None, key, False, True, reveal=False,
                          tied=(DisputeStage.DISSOLUTION, DisputeStage.RENEGOTIATION))
    assert tied.startswith("Your answer describes the dispute both as ending and as still being negotiated.")
    assert stage_feedback(None, key, False, True, reveal=False).startswith("No dispute stage was named.")


def test_a_described_stage_is_checked_as_described_not_as_named(library):
    note = ("Florence has a major depressive episode, a treatable illness; risk was assessed and a safety plan agreed. "
            "Focus: role dispute with Moses about the coffee money and the school fees. In August 2024 she confronted "
            "him; he said the matter was closed and walked out. Since October they have not spoken about money and "
            "she eats apart; her symptoms began in November 2024, a month later. Goals: bring the disagreement back "
            "into the open so that negotiation can restart. Strategies: clarify her expectations and his, explore "
            "her options, role play of asking him to sit down and count the money. Eight sessions; she agreed.")
    report = _note(library.get("p-17"), note)
    strategies = report.criterion("strategies").feedback
    assert report.detected_stage is DisputeStage.IMPASSE  # described, never named
    assert "check with the patient that the dispute is at the impasse stage" not in strategies  # round 12 (C4)
    assert "the impasse stage you described fits the case" in strategies


def test_no_commitment_is_told_to_propose_a_focus_and_ask(cases):
    text = ("Jonas, you have depression, a common illness that can be treated. Your low mood started in March, after "
            "arguments with Mareike began in December. I'll let you decide which problem we focus on first. Over "
            "twelve weeks we will meet every week. Does that fit?")
    area = _patient(cases["p-14"], text).criterion("problem_area").feedback
    assert "Propose the focus you recommend and why, then ask for the patient's view" in area


def test_an_area_read_from_the_reasoning_is_not_told_as_chosen(library):
    reference = library.get("p-19").reference
    inferred = area_feedback(ProblemArea.GRIEF, None, reference, 0.0, 3.0, stuffing=False, contradiction=False,
                             reveal=False, inferred=True)
    assert inferred.startswith("Your answer does not name an area; its reasoning reads as grief")
    assert "You chose grief" not in inferred and "needs a death" in inferred
    chosen = area_feedback(ProblemArea.GRIEF, None, reference, 0.0, 3.0, stuffing=False, contradiction=False,
                           reveal=False)
    assert chosen.startswith("You chose grief")
