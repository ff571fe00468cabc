"""The senior trainer's round-8 review of the lay readings: answers that must not lose the marks they had, and
answers that must still not gain.

Answers are the trainer's (written against library cases) and variants of our own; none comes from a benchmark set.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points, score

from ipt_training.domain import DisputeStage
from ipt_training.scoring.stage_words import described_stages
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-14", "p-17", "p-21", "p-34")}


def _stages(text: str) -> set[DisputeStage]:
    return {DisputeStage(m.concept.split(":", 1)[1]) for m in described_stages(clauses(text))}


# --- finding 3: cutting someone off is dissolution only when it is said to last ------------------------------------

@pytest.mark.parametrize("said", [
    "He cut her off mid-sentence and walked out.",
    "Whenever Mareike raises the baby, Jonas cuts her off and changes the subject.",
    "Sometimes you cut her off when she raises it.",
    "Her father cut him off without a penny.",
    "She has broken off contact for a week to calm down.",
    "He cut her off, said the matter was closed and walked out.",
])
def test_cutting_someone_off_that_does_not_last_is_no_dissolution(said):
    assert DisputeStage.DISSOLUTION not in _stages(said)


@pytest.mark.parametrize("said", [
    "Since the quarrel in June he has cut her off.",
    "She broke off all contact with her brother after the funeral.",
    "He cut his sister out of his life when she sold the house.",
    "She has cut him off and sleeps at her sister's.",
])
def test_cutting_someone_off_for_good_is_dissolution(said):
    assert DisputeStage.DISSOLUTION in _stages(said)


_P17 = ("Florence has a major depressive episode, a treatable illness; risk was assessed and a safety plan agreed. "
        "Focus: role dispute with Moses about the coffee money and the school fees. In August 2024 she confronted him; "
        "{mid} Since October the money has not been mentioned again by either of them and she eats apart; her "
        "symptoms began in November 2024, a month later. Goals: bring the disagreement back into the open so that "
        "negotiation can restart, and help her decide what she is asking for. Strategies: clarify her expectations "
        "and his, communication analysis, role play of asking him to sit down and count the money. Eight sessions in "
        "the group; she agreed.")


def test_an_interruption_does_not_turn_an_impasse_into_a_dissolution(cases):
    plain = score(cases["p-17"], _P17.format(mid="he said the matter was closed and walked out."))
    interrupted = score(cases["p-17"], _P17.format(mid="he cut her off, said the matter was closed and walked out."))
    assert plain.detected_stage is DisputeStage.IMPASSE
    assert interrupted.detected_stage is DisputeStage.IMPASSE
    assert interrupted.total == plain.total


_P14 = ("Jonas, from what you have told me you have depression. It is a common illness, it is treatable, and it is "
        "not your fault. Your low mood started in March, about three months after Mareike asked you to agree a date "
        "for trying for a baby and the arguments began. You both still talk it through late into the night and you "
        "have looked up a counsellor together. {extra}I would suggest that over our twelve weekly sessions we work on "
        "this disagreement between you: what each of you wants, what the choices are, and finding a way to talk "
        "without fighting. Does that fit how you see it?")


@pytest.mark.parametrize("extra", ["Sometimes you cut her off when she raises it. ",
                                   "When she raises a date you cut her off and talk about money. "])
def test_a_habit_of_interrupting_keeps_the_renegotiation(cases, extra):
    plain = score(cases["p-14"], _P14.format(extra=""), rubric="patient")
    habit = score(cases["p-14"], _P14.format(extra=extra), rubric="patient")
    assert habit.detected_stage is DisputeStage.RENEGOTIATION
    assert habit.total == plain.total


# --- finding 6: one person's hope is not renegotiation -------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "He is still looking for a way to fill his days since he retired.",
    "She is still hoping for a solution from the doctors.",
    "You are still hoping for a way to get him to sit down and count the money with you.",
    "Karthik has not given up hope of a manager's post.",
    "Neither of you has given up your position.",
])
def test_one_sided_hope_or_search_is_no_renegotiation(said):
    assert DisputeStage.RENEGOTIATION not in _stages(said)


@pytest.mark.parametrize("said", [
    "You are both still looking for an answer.",
    "They are still looking for a compromise over the farm.",
    "She is still looking for a way forward with him.",
    "Neither of you has given up.",
    "Marcelo has not given up on the marriage.",
])
def test_both_still_trying_is_renegotiation(said):
    assert DisputeStage.RENEGOTIATION in _stages(said)


_P17_LETTER = ("Florence, what you have is depression, a common illness that can be treated, and it is not your fault. "
               "In August you asked Moses about the school fees; he said the matter was closed and walked out. Since "
               "October you have not spoken about money at all, and you eat apart. Your sleep went in November, a "
               "month later. {x}In our group sessions I suggest we work on this: what you expect of Moses and what "
               "he expects, and how you might bring the money back into the open with him. Does that sound right?")


@pytest.mark.parametrize("x", ["You are still hoping for a way to get him to sit down and count the money with you. ",
                               "You have not given up hope that he will sit down with you. ",
                               "You still hope he will listen one day. "])
def test_her_hope_does_not_undo_the_impasse(cases, x):
    plain = score(cases["p-17"], _P17_LETTER.format(x=""), rubric="patient")
    hoping = score(cases["p-17"], _P17_LETTER.format(x=x), rubric="patient")
    assert plain.detected_stage is DisputeStage.IMPASSE
    assert hoping.detected_stage is DisputeStage.IMPASSE
    assert hoping.total == plain.total


# --- finding 5: the deficits link is a search for what set the episode off, or its cause denied ---------------------

_P21 = ("Kyle, you have depression, a common illness that can be treated, and it is not your fault. You have worked "
        "nights at the distribution centre since 2019 and live with your mother Donna; you leave each other notes. You "
        "have never had a close friend, and at school you ate lunch in the library. {x}Over twelve weekly sessions I "
        "suggest we work on your connections with people: look at past friendships and what went wrong, practise "
        "starting conversations, and take small steps toward Luis at work. Does that sound right to you?")


@pytest.mark.parametrize("x", [
    "There is no reason to blame yourself for feeling this way. ",
    "There is no reason for you to feel ashamed of it. ",
    "We checked whether you were at risk, and nothing suggests you are in danger now. ",
    "I asked who you could turn to, and there was nobody. ",
    "We looked at your sleep and your appetite, and nothing else worries me. ",
])
def test_the_sick_role_risk_or_nobody_to_turn_to_is_not_the_deficits_link(cases, x):
    plain = score(cases["p-21"], _P21.format(x=""), rubric="patient")
    said = score(cases["p-21"], _P21.format(x=x), rubric="patient")
    assert points(said, "evidence_timeline") == points(plain, "evidence_timeline")


@pytest.mark.parametrize("x", [
    "We looked for something that might have set this off, and there was nothing. ",
    "I asked about deaths, quarrels and changes before your mood dropped, and there were none. ",
    "Your low mood came on without any one event causing it. ",
])
def test_a_search_for_the_cause_that_found_nothing_is_the_deficits_link(cases, x):
    plain = score(cases["p-21"], _P21.format(x=""), rubric="patient")
    said = score(cases["p-21"], _P21.format(x=x), rubric="patient")
    assert points(said, "evidence_timeline") > points(plain, "evidence_timeline")


# --- finding 7: vague phrases are no dispute goal ------------------------------------------------------------------

_P34 = ("Mrs Zhao, you are depressed; it is an illness and it can be treated, and it is not your fault. In April you "
        "and Jessica quarrelled about Leo's feeding and sleep, and since Wei asked you both to stop fighting you have "
        "not talked about it at all; you eat in your room and are coldly polite. Your sleep went in August, two months "
        "after you stopped talking. I would call this a falling-out with Jessica that has gone quiet. In twelve "
        "sessions we will {plan}. Does that fit?")


@pytest.mark.parametrize("plan", [
    "help you get back on your feet",
    "help you cut back on the worrying",
    "talk about how you can change your routine",
    "help you get your life back on track",
    "talk about how you might change your diet",
])
def test_vague_plans_earn_no_dispute_goal(cases, plan):
    vague = score(cases["p-34"], _P34.format(plan="talk about how you are"), rubric="patient")
    said = score(cases["p-34"], _P34.format(plan=plan), rubric="patient")
    assert points(said, "goals") == points(vague, "goals")


@pytest.mark.parametrize("plan", [
    "help you get things back on track with Jessica",
    "help you change how you and Jessica talk to each other",
    "help you raise it with Jessica again",
])
def test_plans_about_the_relationship_still_earn_a_dispute_goal(cases, plan):
    vague = score(cases["p-34"], _P34.format(plan="talk about how you are"), rubric="patient")
    said = score(cases["p-34"], _P34.format(plan=plan), rubric="patient")
    assert points(said, "goals") > points(vague, "goals")


# --- finding 8: the old isolation, not a time of life or its opposite ----------------------------------------------

@pytest.mark.parametrize(("said", "old"), [
    ("She has been isolated since she had a child.", False),
    ("You have been lonely for as long as your mother has worked days.", False),
    ("For years before that you had friends from gaming and were rarely alone.", False),
    ("He has been alone since he was a child.", True),
    ("You have felt lonely for as long as you can remember.", True),
    ("He has had very few friends all his life.", True),
    ("He has a long history of social withdrawal.", True),
    ("She has always kept people at a distance.", True),
    ("He has always had lots of friends.", False),
])
def test_isolation_is_long_standing_only_when_it_is_old_isolation(said, old):
    from ipt_training.scoring.time_link import long_standing

    assert any(long_standing(tokens) for tokens in clauses(said)) is old


def test_lonely_since_a_change_is_not_the_deficits_link(cases):
    plain = score(cases["p-21"], _P21.format(x="Your low mood began in March. "), rubric="patient")
    since = score(cases["p-21"], _P21.format(x="Your low mood began in March; you have been lonely for as long as "
                                             "your mother has worked days. "), rubric="patient")
    assert points(since, "evidence_timeline") == points(plain, "evidence_timeline")


# --- finding 9: only events of the months before the onset argue for an area ---------------------------------------

def test_an_event_years_before_the_onset_argues_for_nothing(library):
    from ipt_training.scoring.case_events import case_events

    odile = library.get("p-35")  # retired in 2018, mother died in 2016, onset January 2025
    assert case_events(odile.reference, odile).events == ()
    # the key event, however long before (an anniversary reaction), still counts
    ngozi = library.get("p-29")
    assert [e.area.value for e in case_events(ngozi.reference, ngozi).events] == ["grief"]


# --- patient rubric: the diagnosis in the patient's word, and a question that checks the formulation ----------------

def _letter(opening: str, question: str) -> str:
    return _P34.format(plan="look at what you and Jessica each expect, and how you might raise it with her "
                            "again").replace("Mrs Zhao, you are depressed; it is an illness and it can be treated, "
                                             "and it is not your fault.", opening).replace("Does that fit?", question)


@pytest.mark.parametrize("opening", [
    "Mrs Zhao, you are depressed; it is an illness and it can be treated, and it is not your fault.",
    "Mrs Zhao, you're depressed, and that is a common illness that can be treated.",
])
def test_you_are_depressed_with_the_medical_model_names_the_diagnosis(cases, opening):
    report = score(cases["p-34"], _letter(opening, "Does that fit?"), rubric="patient")
    assert points(report, "sick_role") == 0.5


@pytest.mark.parametrize("opening", [
    "Mrs Zhao, you are depressed.",  # no medical model: a feeling, not yet a diagnosis given
    "Mrs Zhao, Jessica thinks you are depressed, but it is not an illness.",
])
def test_depressed_without_the_medical_model_names_no_diagnosis(cases, opening):
    report = score(cases["p-34"], _letter(opening, "Does that fit?"), rubric="patient")
    assert points(report, "sick_role") == 0.0


@pytest.mark.parametrize(("question", "agreed"), [
    ("Does that feel right?", True),
    ("Is that right?", True),
    ("Does this make sense?", True),
    ("Why did it start right after the quarrel?", False),
    ("", False),
])
def test_a_question_that_checks_the_formulation_invites_agreement(cases, question, agreed):
    opening = "Mrs Zhao, you are depressed; it is an illness and it can be treated, and it is not your fault."
    report = score(cases["p-34"], _letter(opening, question), rubric="patient")
    assert (points(report, "agreement") > 0) is agreed


@pytest.mark.parametrize("said", [
    "His depression began a few weeks after he cut off his sister Paula.",
    "She cut off her brother when the will was read.",
])
def test_cutting_off_a_named_relative_is_dissolution(said):
    assert DisputeStage.DISSOLUTION in _stages(said)


def test_cutting_off_an_allowance_is_no_dissolution():
    assert DisputeStage.DISSOLUTION not in _stages("Her father cut off her allowance in May.")
