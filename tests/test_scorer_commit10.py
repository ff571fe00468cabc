"""How the scorer reads commitment from the structure of an answer (round 10).

Every answer here is written for these tests; none comes from a benchmark set. Answers that must read as no
commitment leave the choice itself open (each candidate "could be the focus", the choice "kept open", choosing
"rather than" done, a refusal with a condition, a question between two areas left unanswered); the same words in a
committed answer ("open to revision", "which should be the focus", a question answered yes) must not. Answers that
must be halved commit to one focus and turn to another with a word the clause reader leaves out ("However, ...",
"But ...") or by thinking again ("Having thought again, I would call this ..."); answers that must not be halved
retract a first thought before choosing, weigh a differential and choose, add a second area's work with "also", name
a secondary focus as secondary, or say "but" without a second focus.
"""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, points, score

from ipt_training.domain import ProblemArea

RT = ProblemArea.ROLE_TRANSITION


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-05", "p-07", "p-13", "p-26")}


# ---------------------------------------------------------------- no commitment

OPEN = [
    ("p-07", "Gareth's low mood could fit more than one area. Losing the mill in January was a huge change, the rows "
             "with Sian began in April, and Dai has moved away to Swansea. Each of these could be the focus; which "
             "one should be settled with him after a few more sessions."),
    ("p-05", "Three readings are possible: a role transition after the move to Winnipeg in March, interpersonal "
             "deficits since he sees nobody, or a dispute with Clara that he keeps to himself. Rather than force a "
             "choice at this point, I would keep the formulation open and see what he brings next week."),
    ("p-07", "The candidates are a role transition (the mill closing in January) and a role dispute with Sian over "
             "housework. I don't think I can choose until I have met them both; both should be kept open for now."),
    ("p-05", "Is this a role transition after the move to Winnipeg, or is it more his loneliness in a new city? He "
             "moved in March, the low mood came in May, and he has lost his team and his futsal."),
]


WEIGHED = ("Amaru might be in a role transition after the move to Winnipeg in March, or he might have "
           "interpersonal deficits, since he sees nobody. ")
OPEN += [("p-05", WEIGHED + ending) for ending in (
    "I would want to assess further before settling on a focus.",
    "It is too soon to name a focus.",
    "The focus remains to be decided with him.",
    "I haven't decided which of the two to work on.",
)]


@pytest.mark.parametrize(("case_id", "text"), OPEN)
def test_a_choice_left_open_is_no_commitment(cases, case_id, text):
    report = score(cases[case_id], text)
    assert report.detected_primary is None
    assert "no_commitment" in report.flags
    assert points(report, "problem_area") == 0


COMMITTED = [
    # held open to revision, not left open
    ("p-05", "Problem area: role transition. Amaru moved to Winnipeg in March, left his bridge team and his futsal, "
             "and two months later began waking at 4 a.m. I would keep this formulation open to revision as I get "
             "to know him. Goals: mourn the old role and build a new one; strategies: weigh the old and new roles."),
    # "which" opening a relative clause, not asking which candidate
    ("p-05", "The move to Winnipeg in March is a role transition, which should be the focus of our twelve sessions: "
             "he lost his bridge team and his futsal, and two months later he began waking at 4 a.m."),
    # a question answered yes
    ("p-05", "Is this a role transition? Yes: Amaru moved to Winnipeg in March, lost his bridge team and his futsal, "
             "and two months later began waking at 4 a.m. Goals: mourn the old role and build a new one."),
    # candidates weighed after a labelled focus, and the label kept
    ("p-05", "PA: role transition. Amaru moved to Winnipeg in March, left his team and his futsal, and by May he was "
             "waking at 4 a.m. Each of these could be the focus, but I think the move is the one. Goals: mourn the "
             "old role and build a new one."),
    # a choice put off, then made
    ("p-05", WEIGHED + "I have not decided on a focus yet, but on the dates I'll take role transition as the focus: "
                       "he was waking at 4 a.m. two months after the move."),
    # choosing verbs whose object is not the focus
    ("p-05", "Role transition: Amaru moved to Winnipeg in March and two months later began waking at 4 a.m. He "
             "has not decided whether to look for work outside the home, and we will not choose for him."),
    # "each" over sessions, not over candidates
    ("p-05", "Role transition: Amaru moved to Winnipeg in March and two months later began waking at 4 a.m. Each "
             "session will focus on what he left behind and what Winnipeg could offer him."),
]


@pytest.mark.parametrize(("case_id", "text"), COMMITTED)
def test_the_same_words_in_a_committed_answer_keep_the_choice(cases, case_id, text):
    report = score(cases[case_id], text)
    assert report.detected_primary is RT
    assert "no_commitment" not in report.flags
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3


def test_a_kind_of_focus_weighed_beside_the_field_choice_is_no_second_reading(cases):
    """"A transition focus would ...; a deficits focus fits ...; I'll leave the decision open": the text weighs kinds
    of focus and chooses none, so the field's choice is the answer's, not one of two readings."""
    text = ("Hard to say. He moved to Winnipeg in March and is now alone at home all day. A transition focus would "
            "be more hopeful; a deficits focus fits his loneliness. I'd leave the decision open until I have seen "
            "him twice more.")
    report = score(cases["p-05"], text, area=RT)
    assert "self_contradiction" not in report.flags
    assert "two_readings" not in report.flags


# ---------------------------------------------------------------- contradiction: halved

WHOLE = ("Problem area: role transition. Gareth was made redundant when the mill closed in January, lost his "
         "workmates and the rugby team, and by March he was sleeping badly and felt worthless. ")
PLAN = ("Goals: mourn the job and the team and find a new role. Strategies: go over what the mill gave him and "
        "what retraining could offer.")

TURNED = [
    WHOLE + "However, the rows with Sian about housework are what brought him in, so the focus should be the role "
            "dispute with her. " + PLAN,
    WHOLE + "But the focus should really be the role dispute with Sian: she wants him to retrain and he feels "
            "nagged. " + PLAN,
    WHOLE + "He feels nagged and kept. They still talk at weekends. Having thought again, I would call this a role "
            "dispute with Sian. " + PLAN,
]


@pytest.mark.parametrize("text", TURNED)
def test_a_turn_to_a_second_focus_is_halved(cases, text):
    case = cases["p-07"]
    turned = score(case, text)
    whole = score(case, WHOLE + PLAN)
    assert "self_contradiction" in turned.flags
    assert "self_contradiction" not in whole.flags
    assert points(turned, "problem_area") <= 1.5
    assert turned.total <= whole.total / 2 + 0.5  # half of the better reading on every criterion
    assert "state the focus once" in feedback(turned, "problem_area")


def test_a_change_of_mind_from_a_possibility_is_the_final_choice(cases):
    """The first area only weighed ("could be read as"), then the writer thinks again and chooses: one reading."""
    text = ("Comfort's low mood could be read as a role transition, from wife to widow, with the choir and her "
            "friends falling away. Having thought again, I would call this grief: Kwabena died in January, she has "
            "not cried, his room stays shut and the low mood began in March. Goals: help her mourn him. "
            "Strategies: talk about him and the death, the good and the bad.")
    report = score(cases["p-13"], text)
    assert report.detected_primary is ProblemArea.GRIEF
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3


# ---------------------------------------------------------------- not a contradiction

NOT_TURNED = [
    # a first choice clearly retracted: marked for the final choice
    "At first I thought this was a role dispute, because of the rows with Sian, but on reflection it is a role "
    "transition: the rows only began in April, after his sleep and mood had gone in March, two months after the "
    "mill closed in January. " + PLAN,
    # rejected, and a second area denied by an inverted negation, then the choice
    "My first thought was grief, since he says losing the mill is like a bereavement. But I would not use grief: "
    "nobody has died. Nor is this mainly a dispute; the rows with Sian came after the low mood. Problem area: role "
    "transition, the end of his 34 years at the mill in January, with poor sleep from March. " + PLAN,
    # a differential weighed and then a clear choice
    "Grief came to mind because he calls the closure a bereavement, and a dispute with Sian is possible, but I "
    "would choose a role transition: he lost his job at the mill in January and his mood fell in March, while the "
    "rows started only in April. " + PLAN,
    # "but" with no second focus
    WHOLE + "But he still talks it through with Sian most weekends, and both want to make it work. " + PLAN,
]


@pytest.mark.parametrize("text", NOT_TURNED)
def test_a_retraction_or_a_differential_is_not_halved(cases, text):
    report = score(cases["p-07"], text)
    assert report.detected_primary is RT
    assert "self_contradiction" not in report.flags
    assert "two_readings" not in report.flags
    assert points(report, "problem_area") == 3


def test_also_adds_a_second_area_s_work_to_the_focus(cases):
    """"We will also clarify what he and Clara expect ... and work toward a resolution of the dispute": the plan's
    "also" adds the dispute to the transition (a secondary focus at most), it is not a second reading."""
    base = ("This is a role transition: Amaru left his team and his futsal league when he moved to Winnipeg in March, "
            "and two months later he was waking at 4 a.m. We will mourn the old role and what Toronto gave him, and "
            "look for new people and a new place for his skills.")
    added = (base + " We will also clarify what he and Clara expect of each other and work toward a resolution of"
             " the dispute.")
    plain, also = score(cases["p-05"], base), score(cases["p-05"], added)
    assert also.detected_primary is RT
    assert "self_contradiction" not in also.flags
    assert "two_readings" not in also.flags
    assert also.total >= plain.total - 1.0  # at most the cost of an unneeded secondary focus, never halved


def test_a_secondary_area_stated_as_secondary_is_not_halved(cases):
    text = ("Primary area: role transition, the loss of his job at the mill in January, with the low mood from "
            "March. Secondary area: role dispute with Sian about housework, at renegotiation since they still talk "
            "it through. Goals: mourn the old role and find a new one. Strategies: explore the old and new roles; "
            "communication analysis of the rows with Sian.")
    report = score(cases["p-07"], text)
    assert report.detected_primary is RT
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3


# ---------------------------------------------------------------- two foci in lay words

LAY_FIRST = ("The main problem is losing the mill: since he was laid off in January he has lost his mates, the rugby "
             "team and the sense of being the one the young lads asked for, and he began sleeping badly in March. ")
LAY_PLAN = ("Goals: help him let go of the mill and find a new place for himself. Strategies: look at what he misses "
            "and what a new job could bring.")


def test_two_foci_ranked_first_in_lay_words_are_two_readings(cases):
    """"The main problem is losing the mill ... The main problem, really, is his marriage": each focus is told by
    the case's events in its sentence, the second reached by a turn."""
    case = cases["p-07"]
    turned = score(case, LAY_FIRST + "The main problem, really, is his marriage: he and Sian fight about housework and "
                                     "retraining and he feels nagged. " + LAY_PLAN)
    whole = score(case, LAY_FIRST + LAY_PLAN)
    assert "self_contradiction" in turned.flags
    assert "self_contradiction" not in whole.flags
    assert turned.total <= whole.total / 2 + 0.5


def test_a_named_focus_turned_from_in_lay_words_is_halved(cases):
    """"Role transition ... But the real problem is that Kwabena died": a named focus, then a lay one of another
    area after a turn."""
    text = ("Problem area: role transition, from wife to widow: she has stopped singing in the choir and no longer "
            "returns Grace's calls. But the real problem is that Kwabena died in January and she has not cried "
            "since the burial; the low mood began in March. Goals: help her mourn him. Strategies: talk about him "
            "and the death, the good and the bad.")
    report = score(cases["p-13"], text)
    assert "self_contradiction" in report.flags
    assert points(report, "problem_area") <= 1.5


LAY_NOT_TURNED = [
    # the same focus said twice in lay words
    LAY_FIRST + "The real problem, really, is that the mill closing took away his place in the world. " + LAY_PLAN,
    # a second area's trouble added, not turned to
    LAY_FIRST + "The rows with Sian about housework are a real problem too, and we will also look at them. " + LAY_PLAN,
    # the second ranking denied
    LAY_FIRST + "The main problem is not the rows with Sian; they talk it through most weekends. " + LAY_PLAN,
]


@pytest.mark.parametrize("text", LAY_NOT_TURNED)
def test_one_focus_in_lay_words_is_not_halved(cases, text):
    report = score(cases["p-07"], text)
    assert "self_contradiction" not in report.flags
    assert "two_readings" not in report.flags


# ---------------------------------------------------------------- a differential weighed, then a choice

WEIGHED_THEN_CHOSEN = [
    # tempted, six words back
    "I'm tempted to see this as a role dispute: they argue about housework and retraining. But the rows began in "
    "April and his sleep went in March, two months after the mill closed in January. Probably a role transition, "
    "then. " + PLAN,
    # a conclusion that opens its sentence names the choice
    "I considered a role dispute, since Sian nags him about housework, but the rows came in April, after the low "
    "mood of March. On balance, role transition: the mill closed in January and took his job and his team. " + PLAN,
]


@pytest.mark.parametrize("text", WEIGHED_THEN_CHOSEN)
def test_a_differential_that_settles_is_marked_for_its_choice(cases, text):
    report = score(cases["p-07"], text)
    assert report.detected_primary is RT
    assert "self_contradiction" not in report.flags
    assert "two_readings" not in report.flags
    assert points(report, "problem_area") == 3


def test_a_possibility_named_again_in_its_own_clause_stays_a_possibility(cases):
    """"This could be a role transition, since ..., a change of role at home and at work": the area named again in
    the clause that weighs it ("at work" is no word of choosing) goes on with the possibility; the choice is grief."""
    text = ("Hmm, this could be a role transition, since his son went back to Vancouver and he is alone now, a change "
            "of role at home and at work. But what keeps him low is Lai-ying: she died of a stroke in September, he "
            "never cried, keeps her slippers by the door, and from November he stopped eating. I think it is more "
            "likely grief. Goals: help him mourn her. Strategies: talk about her and the morning of the stroke, his "
            "guilt and his anger.")
    report = score(cases["p-26"], text)
    assert report.detected_primary is ProblemArea.GRIEF
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3
