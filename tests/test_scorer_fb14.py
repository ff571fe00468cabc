"""Round 14 feedback review (fb14): sentences a trainer found false on invented answers to eight library cases
(tests/data/fb14/batch_a.yaml), each fixed by how the answer was read, with answers where the sentence must go and
answers where it must stay. The key is hidden, as on graded work."""

from __future__ import annotations

import re

import pytest
from scoring_helpers import feedback, points, score

# --- "no time for grief": the chance denied, not the area (a non-native writer lost half of every criterion) ---

OMAR = ("Father is died 2022 in Aleppo, he not go to burial, only see on video and go back to work same week, {}. "
        "In february 2025 cousin bring the watch of father and he cry first time, after few weeks low mood start. "
        "So problem area is grief, delayed. Goal: help him to mourn the father and to take again contact with wife, "
        "colleague Jens, mosque. Strategy: talk about relation with father good and bad, feeling of guilt, "
        "reconstruct the day of death.")


@pytest.mark.parametrize("denied", ["no time for grief", "there was no room for his own grief",
                                    "he never had the chance to grieve", "no space for grief"])
def test_grief_the_patient_had_no_time_for_is_not_the_answer_arguing_against_grief(library, denied):
    """Must read one focus: what the patient was denied is the blocked mourning of the grief reading (3.1)."""
    report = score(library.get("p-31"), OMAR.format(denied))
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert "argues against its own" not in feedback(report, "problem_area")
    assert points(report, "problem_area") == 3.0


@pytest.mark.parametrize("denial", ["there is no evidence for grief", "this is not grief",
                                    "grief does not fit, nobody close died"])
def test_grief_denied_by_the_writer_is_still_a_denial(library, denial):
    """Must still catch the contradiction: the writer denies the area it then chooses."""
    report = score(library.get("p-31"), OMAR.format(denial))
    assert "self_contradiction" in report.flags


def test_the_denial_is_quoted_at_its_own_words_not_the_start_of_its_sentence(library):
    """The quote of a self-contradicting answer names the words that deny the focus."""
    text = ("Grief for Calum, who died in February 2025; the low mood began in April, two months after the death. "
            "Looking at the whole picture, over these months and at his age and with his retirement behind him, this "
            "is not really grief at all. Goals: mourn Calum.")
    area = feedback(score(library.get("p-40"), text), "problem_area")
    quoted = re.findall(r"'([^']+)'", area)
    assert any("not really grief" in q for q in quoted), area
    assert not any(q.startswith("Looking at the whole picture") for q in quoted), area


# --- the implied link: one sentence of advice, and parts that add up to the points ---

RAM = ("Role transition: Ram's back injury in June 2024 ended five years as a migrant worker in Doha and sent him "
       "home; his symptoms began in August 2024. He lost the provider role and avoids the tea shop. Goals: mourn the "
       "lost role abroad, regain mastery. Strategies: review the old and new roles, good and bad; accept Bikram's "
       "invitations again.")
FIND_EVENT = "if no such event came before the onset, reconsider the focus"


def test_dated_event_and_onset_are_not_also_told_to_find_an_event(library):
    """Must not tell an answer that dated the event before the onset to look for one (the dated sentence is the
    advice)."""
    evidence = feedback(score(library.get("p-30"), RAM), "evidence_timeline")
    assert "which implies the link" in evidence
    assert FIND_EVENT not in evidence


def test_an_answer_with_no_event_before_the_onset_is_still_told_to_find_one(library):
    """Must still say it: a wrong focus whose event is not before the onset (retirement three years earlier)."""
    text = ("Role transition: retirement from fishing in May 2022. Alasdair says he is 'old and useless'. Goals: "
            "mourn the loss of his working life and find a new role. Strategies: review the old and new roles.")
    evidence = feedback(score(library.get("p-40"), text), "evidence_timeline")
    assert FIND_EVENT in evidence


PARTS = re.compile(r"The ([\d.]+) points? here (?:is|are) ([\d.]+) for the evidence cited(?:,| and) ([\d.]+) for the "
                   r"timeline link(?: and ([\d.]+) for the dispute stage)?")


@pytest.mark.parametrize("case_id, text", [
    ("p-38", "Role dispute (renegotiation) between Andre and his mother Marcia. In January 2025 she found he had "
             "skipped extra lessons, took his phone and set a six o'clock curfew; they have argued most evenings "
             "since, and his low mood began in February. Goals: clarify what each expects. Strategies: "
             "communication analysis of the evening arguments, role play."),
    ("p-30", RAM),
])
@pytest.mark.parametrize("rubric", ["supervision", "patient"])
def test_the_parts_of_the_evidence_points_add_up_with_an_implied_link(library, case_id, text, rubric):
    """The half point of an implied link is said as the link's, so the parts add up to the criterion's points."""
    result = score(library.get(case_id), text, rubric=rubric).criterion("evidence_timeline")
    found = PARTS.search(result.feedback)
    assert found, result.feedback
    assert float(found.group(1)) == result.points
    assert float(found.group(3)) > 0
    assert sum(float(g) for g in found.groups()[1:] if g) == result.points


# --- advice to re-read after the link is made: the rest of the evidence, not the link again ---

ODILE = ("Odile, the early waking and the feeling of being a ghost are signs of depression. You told me that nothing "
         "happened before it began, and that you have always been on the edge of things. I think that being so alone "
         "is what we should work on. We could practise small steps, like having tea with Mme Benali.")


def test_a_deficits_answer_that_showed_no_event_is_not_told_to_show_it(library):
    evidence = feedback(score(library.get("p-35"), ODILE), "evidence_timeline")
    assert "You showed that no interpersonal event explains the onset" in evidence
    assert "no death, dispute or change came before the onset" not in evidence
    assert "Re-read the inventory for more evidence that the isolation is long-standing." in evidence


def test_a_deficits_answer_that_did_not_show_it_is_still_told(library):
    # (on a deficits case: a deficits focus marked wrong, as on p-38, is sent to look for the event instead, fb15)
    text = ("Interpersonal deficits. Odile keeps to the edge of things and has stopped going out. Goal: reduce social "
            "isolation. Strategy: social skills role play and graded steps.")
    evidence = feedback(score(library.get("p-35"), text), "evidence_timeline")
    assert "no death, dispute or change came before the onset" in evidence


def test_a_linked_answer_is_not_sent_back_for_what_happened_before_the_onset(library):
    text = ("Focus: role dispute w/ mother Marcia\nStage: renegotiation (both still bargaining)\nLink: curfew + phone "
            "taken 01/2025 -> low mood 02/2025\nGoals: clarify expectations, reach agreement\nStrat: communication "
            "analysis, role play")
    evidence = feedback(score(library.get("p-38"), text), "evidence_timeline")
    assert "You tied the onset of the episode in time" in evidence
    assert "for what happened before the onset" not in evidence


# --- an item named in the answer's own technique: what the technique lacks, not that it is missing ---

TESFAYE = ("Problem area is interpersonal deficit. Tesfaye is alone all his life because the stammer, he leave school "
           "2001 because boys laugh. Nothing happen before October 2024, no death no fight no change. Goal: less "
           "isolation. Strategy: {} for talk in coffee ceremony, small steps with Dawit and neighbour Worku.")
WHAT_FOR = "practise social skills in role play (you named role play: say what it would practise)"


def test_role_play_named_is_told_what_it_lacks_not_asked_for_again(library):
    """Must not list "practise social skills in role play" as if the answer had no role play."""
    strategies = feedback(score(library.get("p-39"), TESFAYE.format("role play")), "strategies")
    assert WHAT_FOR in strategies


def test_a_deficits_plan_without_role_play_is_told_the_item_plainly(library):
    strategies = feedback(score(library.get("p-39"), TESFAYE.format("visits")), "strategies")
    assert "practise social skills in role play" in strategies
    assert "you named role play" not in strategies


def test_role_play_that_says_what_it_practises_earns_the_item(library):
    """The item's own words ("practise") earn it, so the sentence is gone."""
    strategies = feedback(score(library.get("p-39"), TESFAYE.format("role play to practise talking")), "strategies")
    assert "social skills in role play" not in strategies


# --- what was read as another area's goal, or as stuffing, is quoted in the answer's words ---

def test_a_goal_of_another_area_is_quoted_in_the_answers_words(library):
    text = ("Role dispute with his ex-wife Kylie about the separation and the children; stage dissolution, since the "
            "marriage has ended. Goals: help him end the relationship and mourn it. Strategies: communication "
            "analysis of their messages about the kids.")
    goals = feedback(score(library.get("p-27"), text), "goals")
    assert "Some goals belong to another problem area" in goals
    assert "mourn and accept the loss of the old role: 'mourn'" in goals


STUFFED = ("Could be grief, role dispute, role transition or interpersonal deficits. Goals: mourning, resolve the "
           "dispute, adapt to the new role, reduce isolation. Strategies: reconstruct the relationship, communication "
           "analysis, role review, role play.")


def test_stuffing_names_the_areas_and_the_phrases_that_caused_it(library):
    report = score(library.get("p-39"), STUFFED)
    assert "keyword_stuffing" in report.flags
    area = feedback(report, "problem_area")
    assert ("names three or more problem areas without committing to one (grief, role dispute, role transition and "
            "interpersonal deficits)") in area
    goals = feedback(report, "goals")
    assert "Phrases from different areas:" in goals
    for phrase in ("'resolve the dispute'", "'reduce isolation'"):
        assert phrase in goals


def test_a_plan_of_one_area_beside_a_list_of_areas_quotes_no_mix(library):
    """Must not quote a mix where the plan keeps to one area (the areas are listed, not the plan)."""
    text = ("Could be grief, role dispute, role transition or interpersonal deficits. Goals: reduce isolation. "
            "Strategies: graded steps toward contact with Dawit.")
    goals = feedback(score(library.get("p-39"), text), "goals")
    assert "Phrases from different areas" not in goals
