"""How the scorer reads the answer's commitment: an area weighed and set aside, the focus said in lay words, and a
self-contradicting answer that holds two formulations.

Every answer is written for these tests (none comes from a benchmark set), to library cases and to cases of the
study half of development set I. Answers that must gain weigh a tempting event and set it aside, or say the focus in
the patient's words; answers that must not gain are keyword lists, a wrong area argued in lay words, two areas held
to the end, an event of another area said to have set off the episode, and a plan for the area the answer rejected.
Honest answers that mention a second area must not be read as contradicting themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import points, score

from ipt_training.cases.loader import load_case_file
from ipt_training.domain import ProblemArea

G, D, T, S = (ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION,
              ProblemArea.INTERPERSONAL_DEFICITS)
_STUDY = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "formulation_dev_i" / "cases"


@pytest.fixture(scope="module")
def cases(library):
    found = {cid: library.get(cid) for cid in ("p-03", "p-05", "p-08")}
    found.update({cid: load_case_file(_STUDY / f"{cid}.yaml") for cid in ("y-01", "y-03", "y-05", "y-09", "y-11")})
    return found


def _one_focus(report, area) -> bool:
    return (report.detected_primary is area and "self_contradiction" not in report.flags
            and "two_readings" not in report.flags and "keyword_stuffing" not in report.flags
            and points(report, "problem_area") == 3.0)


def _two_readings(report) -> bool:
    return "two_readings" in report.flags and points(report, "problem_area") <= 1.5


# --- An area weighed and set aside is not the answer's choice -------------------------------------------------------

WEIGHED = [
    ("y-01", "I did think of a role transition because of the new depot manager, but that settled by February. This "
             "is grief: her father Yerlan died in March 2025 and the depression began in May. She has not cried, went "
             "back to work three days after the burial and avoids his flat. Goals: help her mourn him and then "
             "reinvest in choir and her marriage. Strategies: reconstruct the relationship with him, go over the "
             "death and funeral, and allow her anger.", G),
    ("y-01", "It is tempting to call this a dispute with Marat, since she bites at him, but the arguments came after "
             "the onset. Grief: Yerlan died March 2025, onset May 2025, no tears, avoids the flat. Goals: facilitate "
             "mourning; reconnect with choir and family. Strategies: reconstruct the relationship; review the death "
             "and funeral; encourage anger and guilt.", G),
    ("y-01", "I did think of a dispute with the new depot manager, but that settled by February and she now "
             "respects him. The depression started after her father's death in March 2025: she has not mourned him "
             "at all, no tears, straight back to work, his flat untouched. The focus of the work is her loss. Aims: "
             "let her grieve him, then rebuild her life around choir and family. Methods: talk through the "
             "relationship with him in full, good and bad, go over the death and the funeral, make room for the "
             "anger.", G),
    ("p-05", "A dispute with Clara is the obvious candidate, but he calls her supportive and they do not fight. This "
             "is a role transition: the move from Toronto to Winnipeg in March 2025 cost him his team and his futsal, "
             "and he began waking at 4 a.m. two months later. Goals: mourn the old role, master the new one. "
             "Strategies: review the old and new roles, express his feelings about the loss, build new supports.", T),
    ("y-03", "This sits between grief for his health and a transition. Nobody has died, so it isn't grief; I'll call "
             "it a role transition after the MS diagnosis in February 2025, though the irritation with Lucía could "
             "become a dispute if it grows. Goals: help him mourn the active life he had and find a realistic new "
             "role.", T),
    ("p-03", "Grief, with the silence between Stavros and Nikos handled as part of it rather than as a separate "
             "dispute. Eleni died in March 2025 and his symptoms began in May; he has not visited the grave and says "
             "he killed her. Goals: mourning, then reconnecting with Manolis and Ria. Strategies: reconstruct the "
             "marriage, good and bad, go over the feeding-tube decision and the death, let the guilt be spoken.", G),
]


@pytest.mark.parametrize(("case_id", "text", "area"), WEIGHED)
def test_an_area_weighed_and_set_aside_leaves_the_focus_the_answer_chose(cases, case_id, text, area):
    assert _one_focus(score(cases[case_id], text), area)


def test_a_count_is_not_a_rank(cases):
    """"Over a second child" counts children: the dispute it describes is not made a secondary focus."""
    report = score(cases["y-05"], "Role dispute with Min-ji over a second set of house rules, stage renegotiation: "
                                  "they argue several times a week and keep trying. The low mood began in May 2025, "
                                  "two months after Jun-ho began staying. Goals: clarify expectations and resolve the "
                                  "dispute. Strategies: communication analysis, role play.")
    assert report.detected_primary is D and report.detected_secondary is None


# --- The focus said in lay words ------------------------------------------------------------------------------------

LAY = [
    ("y-05", "Seo-yeon, the sadness started in May, after the rows with Min-ji about Jun-ho and the flat had gone on "
             "for weeks. Your promotion went well and isn't the issue. I'd suggest we spend our sessions on the "
             "quarrel with Min-ji: what each of you hopes for from the flat and from the friendship, and how to say "
             "it without the same fight.", D),
    ("y-11", "Nothing set Rafael's low mood off in September; the failed exam came two months later and is better "
             "read as a result of his poor concentration than as a cause. He has lived beside people rather than with "
             "them: one childhood friend who moved away, lunches alone, choir without a word. I'd treat his thin "
             "social world as the focus: look back at the few friendships he had, rehearse small conversations after "
             "choir, and use how he is with me as material.", S),
    ("y-01", "I'd frame this as an unresolved loss of her father, which shows itself as temper. Yerlan dies March "
             "2025, her sleep goes from May 2025. She was back at work on day three and has not cried once. Aims: let "
             "her mourn, then open her life again. Means: review the relationship with him, good and bad, re-tell "
             "the death and the funeral, and invite the anger about his tablets.", G),
    ("y-05", "Seo-yeon and Min-ji disagree about what sharing the flat means now that Jun-ho is there most nights, "
             "and they fight often, though they still try house rules. Her low mood began two months after Jun-ho "
             "moved in. The promotion went well and is not what this is about. I would go through one recent "
             "argument with her in detail and rehearse asking for specific changes.", D),
]


@pytest.mark.parametrize(("case_id", "text", "area"), LAY)
def test_the_focus_said_in_lay_words_is_the_answers_commitment(cases, case_id, text, area):
    report = score(cases[case_id], text)
    assert report.detected_primary is area and points(report, "problem_area") == 3.0


NOT_GAINING = [
    # the tempting event argued as the focus, in lay words: a wrong area
    ("y-05", "Seo-yeon, your low mood comes from the promotion in February: the new responsibility for rosters "
             "changed your working life. I'd suggest we spend our sessions on that change at work: what you lost and "
             "what the new role asks of you."),
    # a keyword list
    ("y-01", "Grief, dispute, transition, deficits. Father died, new manager, choir, Marat. Mourn, reinvest, "
             "expectations, role play."),
    # a plan sentence that lists the events of every area chooses none of them
    ("y-01", "We will spend our sessions on the new manager, the death of her father, the arguments with Marat and "
             "her loneliness at choir."),
    # the focus frame naming words of several areas
    ("y-01", "Focus: loneliness, conflict, change, loss. Father, Marat, manager, choir."),
]


@pytest.mark.parametrize(("case_id", "text"), NOT_GAINING)
def test_a_wrong_area_in_lay_words_or_a_list_earns_no_area_credit(cases, case_id, text):
    assert points(score(cases[case_id], text), "problem_area") == 0.0


# --- Self-contradicting answers: half of the better reading on every criterion ------------------------------------

CONTRADICTING = [
    # commits to grief, turns to a dispute with its own goals, then back to grief
    ("p-03", "PA: grief. Eleni died in March 2025 and his symptoms began in May; he has not been to the grave. "
             "However the real problem is the role dispute with Nikos, at impasse since the memorial; goals: "
             "renegotiate expectations with Nikos, improve communication. Work on grief for Eleni."),
    # deficits chosen, and an event said to have set the episode off
    ("p-08", "Interpersonal deficits: Sander has been isolated since school and has never had a close friend. The "
             "trigger for this episode was clearly his move into his own flat, so the depression is a reaction to "
             "that move. Goals: reduce isolation, build new relationships. Strategies: review past relationships, "
             "role play, use the therapeutic relationship."),
    # a dispute chosen, and an event of a transition it also names said to have set the episode off
    ("y-05", "PA: role dispute with Min-ji, renegotiation, since they argue several times a week and keep trying "
             "house rules. However the onset followed the promotion to senior nurse in February, which is a role "
             "transition, so the depression is a reaction to the promotion. Goals: resolve the dispute. Strategies: "
             "communication analysis, role play."),
    # a dispute asserted and argued, then rejected for a transition, with a plan for the dispute only
    # ("a second set of house rules" counts, it does not rank the dispute second)
    ("y-05", "Role dispute with Min-ji over a second set of house rules, stage renegotiation: they argue several "
             "times a week and keep trying. The low mood started in May, two months after the rows began. Overall, "
             "though, I don't think this is really a dispute: the real change is the promotion in February, so the "
             "focus should be a role transition into the senior post. Goal: clarify expectations with Min-ji. "
             "Strategy: communication analysis of their rows."),
]


CONTRADICTING.append(
    # a dispute claimed with its stage, then a transition with a plan of its own
    ("y-09", "PA: role dispute with his sister Paula, dissolution: he cut her off in July, onset August. On reflection "
             "this is a transition: his father moved to Santiago and his daughter to Concepción, so goals are "
             "mourning the old caring role and building a new one. Strategies: review old and new roles, feelings "
             "about the changes."))


@pytest.mark.parametrize(("case_id", "text"), CONTRADICTING)
def test_two_formulations_are_halved_on_every_criterion(cases, case_id, text):
    report = score(cases[case_id], text)
    assert _two_readings(report)
    # evidence too: the better reading's evidence is halved (at most half of the criterion)
    assert points(report, "evidence_timeline") <= 1.5
    assert report.total <= 5.0


HONEST_SECOND_AREA = [
    ("y-01", "Grief is the focus: her father Yerlan died in March 2025 and her depression began in May. She has not "
             "cried, went back to work three days after the burial and avoids his flat. There is some strain with "
             "Marat, but it follows from the unmourned loss, so I will handle it within the grief work. Goals: mourn "
             "her father, then reinvest in choir and family. Strategies: reconstruct the relationship with him, go "
             "over the death and funeral, allow the anger.", G),
    ("y-05", "Role dispute with Min-ji, in renegotiation: they still argue and try house rules. Onset May 2025 after "
             "Jun-ho started staying in March. The promotion in February is a role transition on paper, but she "
             "managed it well, so it is not the focus. Goals: clarify expectations, plan, resolve. Strategies: link "
             "the onset, stage, expectations, communication analysis, role play.", D),
    ("y-11", "Interpersonal deficits. No death, dispute or change came before the low mood in September; the failed "
             "exam came two months later and was not the trigger. He has always been lonely: one childhood friend "
             "who moved away, lunches in the library, no word with the choir. Goals: reduce isolation, build new "
             "relationships. Strategies: review past relationships, use the therapeutic relationship, role play "
             "conversations, graded steps at choir.", S),
    ("y-05", "Role dispute with Min-ji at renegotiation. Her mood fell in May, after Jun-ho moved in and the "
             "arguments started; that change triggered the depression because of the fights it brought. Goals: "
             "clarify what each expects from the flat, make a plan, resolve it. Strategies: communication analysis "
             "of a recent argument, role play asking for changes.", D),
]


@pytest.mark.parametrize(("case_id", "text", "area"), HONEST_SECOND_AREA)
def test_honest_answers_that_mention_a_second_area_are_not_contradictions(cases, case_id, text, area):
    assert _one_focus(score(cases[case_id], text), area)


def test_the_feedback_names_the_event_said_to_set_off_the_episode(cases):
    report = score(cases["p-08"], CONTRADICTING[1][1])
    feedback = report.criterion("problem_area").feedback
    assert "set off the episode" in feedback and "move" in feedback


def test_a_label_turned_from_with_nothing_of_its_own_is_half_of_the_better_reading(cases):
    """"Problem area: transition ... so the work really is mourning him": the text commits to one area and then to
    another. The rubric the examiners of sets G-J work from marks it at half of the better reading on every criterion
    (the gold set's examiner halved only the area, the scorer's convention until round 9)."""
    report = score(cases["y-01"], "Problem area: role transition (the new depot manager in January). She has not cried "
                                  "once since her father Yerlan died in March 2025, two months before the onset, and "
                                  "she avoids his flat, so the work really is mourning him: go over the death and the "
                                  "funeral, and let the anger about his tablets be said.")
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert points(report, "problem_area") == 1.5 and points(report, "evidence_timeline") <= 1.5
    assert report.total <= 5


# --- A differential under a title ---------------------------------------------------------------------------------

DIFFERENTIALS = [
    # a title, then a possibility weighed in a sentence and "a transition of sorts" set aside
    ("y-01", "Grief (delayed). One could argue for a dispute, given how she snaps at Marat and Daniyar, but the "
             "irritability is a symptom that began with the low mood, not a conflict that came before it. The new "
             "manager in January was a transition of sorts, but it settled by February. Yerlan died in March 2025, "
             "onset May 2025; no tears, back at work after three days, flat untouched, anger at his tablets. Goals: "
             "mourning, then reinvestment. Strategies: link onset, reconstruct the relationship, go over the death, "
             "encourage the anger.", G),
    # a title, then each other area asked and answered
    ("y-11", "Interpersonal deficits. Is this a transition after the failed exam? No: the exam came two months after "
             "the onset and is better seen as a result. Grief? Nobody has died. A dispute? Home is calm. What remains "
             "is a lifelong pattern: no close friend since primary school, lunches alone, choir without talking. "
             "Goals: reduce isolation, form new relationships. Strategies: review past relationships, use the "
             "therapeutic relationship, social skills, graded contact at choir.", S),
]


@pytest.mark.parametrize(("case_id", "text", "area"), DIFFERENTIALS)
def test_a_differential_under_a_title_keeps_the_title(cases, case_id, text, area):
    assert _one_focus(score(cases[case_id], text), area)


def test_a_second_area_named_the_main_problem_is_not_one_focus(cases):
    """"A role dispute ..., and at the same time a role transition ..., which I think is the main problem": two
    areas chosen, the one called the main problem not the case's, so the area is not fully credited."""
    report = score(cases["y-05"], "I think this is a role dispute with Min-ji at renegotiation, and at the same time a "
                                  "role transition to senior nurse, which I think is the main problem. Goals: resolve "
                                  "the dispute with Min-ji; adapt to the senior role. Strategies: communication "
                                  "analysis; review old and new roles.")
    assert points(report, "problem_area") < 3.0


def test_a_focus_named_across_a_bracket_with_a_background_area(cases):
    """"I'll take role dispute (renegotiation) as the focus, with the transition as background": the brackets cut
    the sentence, which still names the dispute the focus; the transition is context, not a second focus."""
    report = score(cases["y-05"], "The promotion to senior nurse is the obvious change, but the low mood came in May "
                                  "with the rows with Min-ji about Jun-ho. Weighing it up, I'll take role dispute "
                                  "(renegotiation) as the focus, with the transition as background. Goals: clarify "
                                  "what each expects and resolve the dispute. Strategies: communication analysis of a "
                                  "recent row, role play.")
    assert _one_focus(report, D) and report.detected_secondary is None


def test_the_background_area_chosen_wrongly_earns_nothing(cases):
    """The same frame with the areas the other way round chooses the transition, a wrong area on this case."""
    report = score(cases["y-05"], "The rows with Min-ji are loud, but the promotion to senior nurse changed her life. "
                                  "Weighing it up, I'll take role transition (new post) as the focus, with the "
                                  "dispute as background.")
    assert report.detected_primary is T and points(report, "problem_area") == 0.0


def test_a_weak_fit_in_a_deferred_differential_is_no_choice(cases):
    """"Hard to decide. The rows fit a dispute, but ... before choosing a focus": the answer chooses nothing (a short
    opening that doubts is not a label)."""
    report = score(cases["y-05"], "Hard to decide. The conflict with Min-ji fits a dispute, but the promotion would "
                                  "be a role transition too. I'd need to hear more about both before choosing a "
                                  "focus.")
    assert report.detected_primary is None and points(report, "problem_area") == 0.0


def test_an_event_ranked_above_the_others_settles_a_hedged_answer(cases):
    report = score(cases["y-03"], "Maybe this is a role transition? I'm not sure, since he also argues with Lucía "
                                  "about his injections, which could be a dispute. I think the diagnosis is probably "
                                  "the bigger thing, because he was the one everybody leaned on before it.")
    assert report.detected_primary is T and points(report, "problem_area") == 3.0


DOUBTFUL_DECISIONS = [
    ("y-01", "This seems to be a dispute with her husband, or maybe a transition with the new manager. Her father's "
             "death is more recent, though. My best guess is grief, but I'm not certain.", G),
    ("y-05", "The promotion is a role transition on paper. Still, the timing fits the rows with Min-ji better. I'll "
             "settle on a dispute, though I'm not fully sure.", D),
    ("y-11", "A transition after the failed exam is the first thing one thinks of, but the exam came after the low "
             "mood. Deficits, I suppose, since he has always been lonely; I'm not completely sure.", S),
    ("y-09", "This looks like a role transition: his father moved and his daughter left. Then again, he says his "
             "father is fine and it is Paula he cannot stop thinking about. My guess would be a dispute with her, "
             "probably ended.", D),
]


@pytest.mark.parametrize(("case_id", "text", "area"), DOUBTFUL_DECISIONS)
def test_a_decision_kept_in_doubt_is_the_answers_last_word(cases, case_id, text, area):
    """"My best guess is grief", "I'll settle on a dispute", "Deficits, I suppose": the writer settles, with a
    doubt, on the area named last."""
    report = score(cases[case_id], text)
    assert report.detected_primary is area and points(report, "problem_area") == 3.0


def test_an_area_said_as_an_appearance_is_a_possibility(cases):
    """"This is a role dispute with Marat, or so it seems. On second thoughts ... Let's say grief for now": the
    first area was an appearance, not a claim, so the answer is one focus, not two."""
    report = score(cases["y-01"], "This is a role dispute with Marat, or so it seems. On second thoughts her father's "
                                  "death two months before the onset matters more. Let's say grief for now.")
    assert _one_focus(report, G)
