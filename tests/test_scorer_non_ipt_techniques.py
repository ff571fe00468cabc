"""Techniques of other therapies (CBT) earn no IPT strategy credit, and the feedback says so (lexicon
``NON_IPT_TECHNIQUES``; concepts.outside_techniques). A plan with IPT strategies keeps their credit when it also
names a CBT technique.

Every answer here is invented for the test; none is taken from a benchmark set.
"""

from __future__ import annotations

from scoring_helpers import feedback, points, score

NOT_IPT = "not IPT strateg"  # (the singular says "not an IPT strategy")

_MARISOL = ("Role transition: since the kidney failure in January and the start of dialysis she has cut her teaching "
            "and left her dance group, and her low mood began in March, after these changes. Goals: mourn the old "
            "role and see the new one realistically. Strategies: {}")
#: (goals that name no review of the old and the new role, so that a strategy is the only way to it)
_MARISOL_MOURNING = _MARISOL.replace("mourn the old role and see the new one realistically",
                                     "help her mourn what she lost")
_IPT_PLAN = ("go over what was good and what was hard about teaching and dancing and what life on dialysis still "
             "allows, help her say how she feels about what she lost, and rebuild her contact with Rosario.")
_CBT_PLAN = ("thought records on the belief that she is a burden, cognitive restructuring, behavioural activation "
             "with an activity schedule, and homework worksheets between sessions.")


def not_ipt(text: str) -> bool:
    return NOT_IPT in text or "not an IPT strategy" in text


def test_a_cbt_plan_earns_no_strategy_credit_and_is_told_so(library) -> None:
    case = library.get("p-01")
    none = score(case, _MARISOL.format("to be agreed with her."))
    cbt = score(case, _MARISOL.format(_CBT_PLAN))
    assert points(cbt, "strategies") == points(none, "strategies")
    assert points(cbt, "strategies") < points(score(case, _MARISOL.format(_IPT_PLAN)), "strategies")
    assert not_ipt(feedback(cbt, "strategies"))
    assert "Thought records" in feedback(cbt, "strategies")


def test_a_plan_with_ipt_strategies_keeps_their_credit_beside_a_cbt_technique(library) -> None:
    case = library.get("p-01")
    ipt = score(case, _MARISOL.format(_IPT_PLAN))
    both = score(case, _MARISOL.format(f"{_IPT_PLAN} We will also use {_CBT_PLAN}"))
    assert points(ipt, "strategies") > 0
    assert points(both, "strategies") == points(ipt, "strategies")
    assert not_ipt(feedback(both, "strategies"))
    assert not not_ipt(feedback(ipt, "strategies"))


def test_an_ipt_word_inside_a_cbt_phrase_earns_nothing(library) -> None:
    case = library.get("p-01")  # "balanced" is a cue of reviewing the old and the new role
    thoughts = score(case, _MARISOL_MOURNING.format("help her write balanced thoughts about being a burden."))
    review = score(case, _MARISOL_MOURNING.format("take a balanced look at the old role and the new one."))
    assert points(review, "strategies") > points(thoughts, "strategies")


_CRAIG = ("Interpersonal deficits: Craig has had no close friend since school, lives alone and the low mood grew out "
          "of years of isolation, with no loss or change before it. Goals: reduce his isolation and help him form "
          "relationships. Strategies: {}")


def test_small_steps_of_an_activity_schedule_are_not_graded_steps_toward_contact(library) -> None:
    case = library.get("a-06")
    schedule = score(case, _CRAIG.format("an activity schedule in small steps, and weigh up the evidence for and "
                                         "against the thought that nobody likes him."))
    contact = score(case, _CRAIG.format("small steps toward contact with his brother, and look at what happened in "
                                        "his past friendships."))
    assert points(contact, "strategies") > points(schedule, "strategies")
    assert not_ipt(feedback(schedule, "strategies"))


_GRACE = ("Role dispute with Raymond, her finance director, at impasse: in January 2025 he gave the promotion he had "
          "promised her to a colleague, neither has raised it since and she writes to him only by email; her low mood "
          "began in March 2025. Goals: bring the dispute back into the open and renegotiate. Strategies: {}")


def test_restructuring_her_expectations_is_not_clarifying_them(library) -> None:
    case = library.get("a-03")
    restructured = score(case, _GRACE.format("cognitive restructuring of her expectations about the promotion, and "
                                             "weigh up the evidence for and against her belief that he never listens."))
    clarified = score(case, _GRACE.format("clarify what she and Raymond each expect of the other about the promotion, "
                                          "and weigh up whether to stay in the job."))
    assert points(clarified, "strategies") > points(restructured, "strategies")


def test_a_technique_set_aside_draws_no_remark_and_a_symptom_scale_no_credit(library) -> None:
    case = library.get("a-03")
    plan = ("role play how she could raise the promotion with Raymond, and clarify what each of them expects of the "
            "other.")
    ipt = score(case, _GRACE.format(plan))
    rather = score(case, _GRACE.format(f"{plan} We will not use thought records or homework."))
    scale = score(case, _GRACE.format(f"{plan} A PHQ-9 every session to follow her mood."))
    assert not not_ipt(feedback(rather, "strategies"))
    assert points(rather, "strategies") == points(ipt, "strategies")
    assert points(scale, "strategies") == points(ipt, "strategies")


def test_thoughts_described_outside_the_plan_draw_no_remark(library) -> None:
    case = library.get("a-06")
    text = ("Craig has automatic thoughts that people find him boring, and he has had no close friend since school. "
            + _CRAIG.format("small steps toward contact with his brother, and practise conversations in role play."))
    assert not not_ipt(feedback(score(case, text), "strategies"))
