"""A senior trainer's seventh review of the feedback wording (no mark changes): an answer that names three or
more areas without choosing is told so, not that "no problem area could be read" (its goals' feedback says it
names several); a mixed plan that earns a token is not told it "does not earn credit"; goals partly of another
area are not also told that all the goals "you wrote fit the area you chose"; and with the key shown on a
deficits case, a trainee is not sent to look for an event before the onset that the case does not have. Every
answer is written for these tests by the reviewer, in the styles trainees use."""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, points
from scoring_helpers import score as score_case


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-13", "p-14", "p-08", "p-05")}


# Jonas (p-14): a keyword list that names three areas and chooses none.
JONAS_LIST = ("Problem area: could be role dispute, role transition or interpersonal deficits. Keywords: "
              "non-reciprocal expectations, renegotiation, impasse, communication analysis, role play, decision "
              "analysis, mourning the old role, building social skills, baby, partner, arguments, ultimatum, onset "
              "March 2025.")
# Sander (p-08): a hedge across three areas, no choice.
SANDER_HEDGE = ("It is hard to be sure which area applies to Sander. It might be interpersonal deficits because he "
                "is isolated, but it might also be a role transition, since he moved into his own flat and started "
                "night shifts, which cut him off from people, or even grief for the friendship with Bram. I would "
                "want more information before choosing. Possibly work on his loneliness and on adjusting to night "
                "shifts.")
# Comfort (p-13): a role transition argued well for a widow (the death makes it grief by course convention).
COMFORT_TRANSITION = (
    "I think the main problem area here is a role transition. Comfort has gone from being a wife of 41 years to "
    "being a widow living alone, and she lost the role of running the home together with Kwabena, who handled all "
    "the money and paperwork. She now has to manage the bills and a loan she didn't know about, which is a new role "
    "she feels incompetent in (\"useless\"). Her symptoms began in March 2025, after the relatives left in February "
    "and she was alone in the house, so the onset is tied to taking on this new role. She has also stopped leading "
    "the choir, another role lost. Goals would be to mourn the loss of the old role as wife, accept the new role as "
    "a widow and build mastery, e.g. learning to handle finances, and rebuild social support through Grace and the "
    "church.")
# Amaru (p-05): a well-written role transition (the right focus: the link sentence is about an event).
AMARU_NOTE = ("41M, MDD, onset 5/25, ~2 mo after move Toronto->Winnipeg (3/25) for wife's job. Lost team lead role "
              "(9 yrs), futsal league, friends; works alone from home. Focus: RT. Goals: mourn loss of old role.")


@pytest.mark.parametrize("case_id, text", [("p-14", JONAS_LIST), ("p-08", SANDER_HEDGE)])
@pytest.mark.parametrize("reveal", [False, True])
def test_areas_named_without_a_choice_are_not_called_unreadable(cases, case_id, text, reveal):
    report = score_case(cases[case_id], text, reveal=reveal)
    area = feedback(report, "problem_area")
    assert "No problem area could be read" not in area
    assert "names three or more problem areas without committing to one" in area
    assert "The primary focus is" in area  # the advice on how to commit is kept
    assert points(report, "problem_area") == 0.0


def test_an_answer_naming_no_area_is_still_told_none_could_be_read(cases):
    report = score_case(cases["p-14"], "He sleeps badly and argues with Mareike; I need more sessions first.",
                        reveal=False)
    assert "No problem area could be read" in feedback(report, "problem_area")


def test_a_mixed_plan_earning_a_token_is_not_told_it_earns_nothing(cases):
    report = score_case(cases["p-14"], JONAS_LIST, reveal=False)
    strategies = feedback(report, "strategies")
    assert "mix several problem areas" in strategies
    assert "does not earn credit" not in strategies
    assert "earns a token of credit at most" in strategies
    assert 0 < points(report, "strategies") <= 0.5  # the sentence matches the mark


def test_goals_partly_of_another_area_are_not_also_all_said_to_fit(cases):
    report = score_case(cases["p-13"], COMFORT_TRANSITION, reveal=False)
    goals = feedback(report, "goals")
    assert "belong to another problem area than the one you chose" in goals
    assert "The goals you wrote fit the area you chose" not in goals
    assert "Your other goals fit the area you chose" in goals


@pytest.mark.parametrize("reveal", [False, True])
def test_a_deficits_key_shown_asks_for_no_event_not_for_a_link_to_one(cases, reveal):
    evidence = feedback(score_case(cases["p-08"], SANDER_HEDGE, reveal=reveal), "evidence_timeline")
    if reveal:
        assert "Link the onset in time to the interpersonal event" not in evidence
        assert "Show that no death, dispute or life change came before the onset" in evidence
    else:  # without the key, advice may not follow the key: the general sentence stays
        assert "Show that no death, dispute or life change" not in evidence


def test_an_event_case_still_asks_for_the_link(cases):
    undated = "Focus: RT. Lost team lead role (9 yrs), futsal league, friends; works alone from home. Goals: mourn."
    for reveal in (False, True):
        evidence = feedback(score_case(cases["p-05"], undated, reveal=reveal), "evidence_timeline")
        assert "Link the onset in time to the interpersonal event" in evidence
        assert "Show that no death, dispute or life change" not in evidence
    dated = feedback(score_case(cases["p-05"], AMARU_NOTE, reveal=True), "evidence_timeline")
    assert "You tied the onset of the episode in time to the key interpersonal event" in dated


def test_without_the_key_an_answer_that_chose_no_area_is_told_both_kinds_of_link(cases):
    """Trainer review 7: 'link the onset to the event' alone misleads on a deficits case; the sentence must be the
    same on every case, so that it gives nothing of the key away."""
    undecided = ("I cannot choose a focus yet. I would need to know more about his life in the months before he "
                 "became depressed.")
    sentences = set()
    for case_id in ("p-08", "p-05", "p-13"):
        evidence = feedback(score_case(cases[case_id], undecided, reveal=False), "evidence_timeline")
        assert "if none did, show that the problems are long-standing." in evidence, evidence
        start = evidence.index("Link the onset")
        sentences.add(evidence[start:evidence.index("long-standing.", start)])
    assert len(sentences) == 1
    chose = feedback(score_case(cases["p-05"], "Focus: role transition. He feels low most days.", reveal=False),
                     "evidence_timeline")
    assert "Link the onset in time to the interpersonal event" in chose
    assert "if none did" not in chose
