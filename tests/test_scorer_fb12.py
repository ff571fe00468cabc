"""Round 12 feedback fixes after a senior trainer's review (trainer12b): the plan's stage hint points to the stage the
case's facts show (C4), no false "few case facts" review notice (H2), the key's own secondary goals are not off-focus
(M1), no event to link the onset to in deficits (M2), no one-focus praise for a focus that does not fit (M3), no
dispute staged from plain words when no dispute is chosen (M4), and feedback lines that claim only what the answer
holds (M6, L1). Invented answers to library cases; each mechanism has answers that must change and answers that
must not."""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, score

# --- C4: the hint to establish the stage -------------------------------------------------------------------------

#: p-19: Patrícia has decided, moved out and sent the papers (key: dissolution); he hopes to win her back.
MARCELO_RENEGOTIATION = (
    "Role dispute between Marcelo and Patrícia at the renegotiation stage: they still disagree about whether the "
    "marriage can go on. His low mood began in February 2025, the month after she asked for a divorce. Goals: help "
    "him and Patrícia talk again so they can work things out. Strategies: role play of talking to her.")
#: p-17: Florence wants to stay; Moses closed the matter and they stopped talking about money (key: impasse).
FLORENCE_DISSOLUTION = (
    "Role dispute between Florence and Moses, at dissolution: since he married Harriet and closed the matter of the "
    "coffee money in August 2024, the marriage is over for her. Her symptoms began in November 2024, after they "
    "stopped speaking about money in October. Goals: help her decide about the marriage. Strategies: role play.")
FLORENCE_IMPASSE = FLORENCE_DISSOLUTION.replace("at dissolution", "at impasse").replace(
    ", the marriage is over for her", ", they no longer talk about it")


@pytest.mark.parametrize("reveal", [True, False])
def test_a_wrong_stage_is_never_to_be_confirmed_with_the_patient(library, reveal):
    """Must change: confirming a wrong stage backs Marcelo's denial, or steers Florence out of her marriage."""
    for case_id, text, named in (("p-19", MARCELO_RENEGOTIATION, "renegotiation"),
                                 ("p-17", FLORENCE_DISSOLUTION, "dissolution")):
        strategies = feedback(score(library.get(case_id), text, reveal=reveal), "strategies")
        assert "confirm with the patient" not in strategies and "as you described it" not in strategies
        assert "establish the stage of the dispute" in strategies, strategies
        assert f"re-check the {named} stage you named" in strategies or f"not the {named} you named" in strategies


def test_with_the_key_shown_the_hint_names_the_stage_the_facts_show(library):
    marcelo = feedback(score(library.get("p-19"), MARCELO_RENEGOTIATION, reveal=True), "strategies")
    assert "the case's facts show dissolution" in marcelo
    florence = feedback(score(library.get("p-17"), FLORENCE_DISSOLUTION, reveal=True), "strategies")
    assert "the case's facts show impasse" in florence and "not spoken about money" in florence


def test_with_the_key_hidden_the_hint_does_not_give_the_stage_away(library):
    """Graded work (reveal off): the hint says to re-check, never which stage the key holds."""
    marcelo = feedback(score(library.get("p-19"), MARCELO_RENEGOTIATION, reveal=False), "strategies")
    florence = feedback(score(library.get("p-17"), FLORENCE_DISSOLUTION, reveal=False), "strategies")
    assert "dissolution" not in marcelo and "facts show" not in marcelo
    assert "impasse" not in florence and "facts show" not in florence


def test_a_right_stage_is_assessed_not_confirmed_and_its_points_do_not_move(library):
    """Must not change the score: only the hint's wording."""
    report = score(library.get("p-17"), FLORENCE_IMPASSE, reveal=True)
    strategies = feedback(report, "strategies")
    assert "confirm with the patient" not in strategies
    assert "the impasse stage you named fits the case" in strategies
    assert "You staged the role dispute as impasse, which fits the case." in feedback(report, "evidence_timeline")


def test_an_unstaged_dispute_keeps_the_keys_own_strategy(library):
    """Must not change: no stage named, the key's "establish the stage of the dispute" as it is."""
    text = FLORENCE_IMPASSE.replace(", at impasse", "").replace(", they no longer talk about it", "")
    strategies = feedback(score(library.get("p-17"), text, reveal=True), "strategies")
    assert "establish the stage of the dispute" in strategies and "you named" not in strategies


# --- M4: no dispute staged from plain words when no dispute is chosen --------------------------------------------

def test_a_stage_of_life_is_not_a_dispute_stage(library):
    """Must change: "the last stage of fatherhood is over" names no dispute."""
    text = ("Role transition: his daughter's wedding in April 2025 closed the last stage of being a father at home, "
            "and that chapter is over. Symptoms began three weeks after the wedding. Goals: mourn the old role, see "
            "the new one realistically. Strategies: review old and new roles, build new supports.")
    evidence = feedback(score(library.get("p-15"), text, reveal=True), "evidence_timeline")
    assert "You staged a dispute" not in evidence


def test_a_relationship_told_in_plain_words_stages_nothing_when_no_dispute_is_chosen(library):
    """Must change: p-03's son "stopped speaking to him", told beside a grief formulation, is no staging."""
    text = ("Nikos's depression began in May 2025, two months after his wife died; he feels guilty about the feeding "
            "tube decision and avoids her grave. I would go over her illness and death with him, including the guilt "
            "and the anger, and later help him back to the cafe. His son has stopped speaking to him since the "
            "memorial.")
    report = score(library.get("p-03"), text, reveal=True)
    assert "You staged a dispute" not in feedback(report, "evidence_timeline")
    assert "as you described it" not in feedback(report, "strategies")
    assert "you described fits" not in feedback(report, "strategies")


def test_a_stage_named_by_its_name_without_a_dispute_focus_is_still_told(library):
    """Must not change: "the dispute with his son is at impasse" stages a dispute the answer did not choose."""
    text = ("The focus is grief: his wife died in March 2025 and his low mood began in May 2025; he avoids her grave "
            "and feels guilty about the feeding tube. The dispute with his son is at impasse. Goals: mourn, then "
            "reinvest. Strategies: go over the death and the decision, encourage the forbidden feelings.")
    evidence = feedback(score(library.get("p-03"), text, reveal=True), "evidence_timeline")
    assert "You staged a dispute as impasse but did not name a role dispute" in evidence


# --- M3: one focus praised only where it fits --------------------------------------------------------------------

ROSA_TRANSITION = ("Role transition to motherhood: Rosa found out she was pregnant in January 2025 and worries about "
                   "money; Julio and she argue about weekends. Goals: mourn the old role and master the new one. "
                   "Strategies: review old and new roles, build supports.")


@pytest.mark.parametrize("reveal", [True, False])
def test_a_wrong_single_focus_is_not_praised_nor_told_the_conflict_fits_within_it(library, reveal):
    """Must change: in p-23 the pregnancy is handled within the dispute, not the reverse."""
    evidence = feedback(score(library.get("p-23"), ROSA_TRANSITION, reveal=reveal), "evidence_timeline")
    assert "You kept one focus" not in evidence
    assert "a conflict can be handled within it" not in evidence


def test_the_right_single_focus_with_a_conflict_kept_within_it_is_still_praised(library):
    """Must not change: p-03's grief, the quarrel with the son kept within it."""
    text = ("The focus is grief: his wife died in March 2025 and his low mood began in May 2025; he avoids her grave "
            "and feels guilty about the feeding tube. He also argues with his son, which I would handle within the "
            "grief work. Goals: mourn, then reinvest. Strategies: go over the death and the decision, encourage the "
            "forbidden feelings.")
    evidence = feedback(score(library.get("p-03"), text, reveal=True), "evidence_timeline")
    assert "You kept one focus, which IPT prefers; a conflict can be handled within it." in evidence


# --- M1: the key's own secondary focus is not off-focus ----------------------------------------------------------

THANDIWE = ("Role dispute with her husband Sipho at renegotiation: they agreed to share the night feeds, but since he "
            "went back to work he leaves it all to her, and they argue most evenings since May; her mood fell in "
            "June. Goals: identify the dispute and its stage, choose a plan, change expectations and communication "
            "for a fair deal{extra}. Strategies: clarify expectations, communication analysis, role play.")


def test_a_goal_of_the_keys_secondary_focus_is_not_called_off_focus(library):
    """Must change: p-12's key names the transition to motherhood as its secondary focus."""
    report = score(library.get("p-12"), THANDIWE.format(extra=", and see the new role as a mother realistically, "
                                                             "including its possibilities"), reveal=True)
    assert "belong to another problem area" not in feedback(report, "goals")
    assert "inconsistent_plan" not in report.flags


def test_a_goal_of_an_area_outside_the_key_is_still_off_focus(library):
    """Must not change: p-01 (a transition by convention) planned as grief keeps its transition goals at half."""
    text = ("Grief: Marisol grieves the woman she was since the kidney failure diagnosis in January 2025; her low mood "
            "began in March. Goals: help her mourn, and see the new role realistically, including its possibilities. "
            "Strategies: encourage her feelings.")
    report = score(library.get("p-01"), text, reveal=True)
    assert "belong to another problem area" in feedback(report, "goals")


# --- M2: no event to link the onset to in a deficits case --------------------------------------------------------

def test_a_deficits_case_is_not_told_to_link_the_onset_to_an_event(library):
    """Must change: p-04 has no event by definition (reference 3.4)."""
    text = ("Interpersonal deficits: Yumiko has eaten lunch alone at her desk for twenty years and has never had a "
            "partner. Goals: reduce isolation, build new relationships. Strategies: role play.")
    report = score(library.get("p-04"), text, reveal=True)
    everything = " ".join(c.feedback for c in report.criteria)
    assert "link symptom onset to the interpersonal event" not in everything
    assert "show that no death, dispute or life change explains the onset" in feedback(report, "strategies")


def test_an_event_case_keeps_its_link_strategy(library):
    """Must not change: p-05's move is the event."""
    text = ("Role transition: Amaru moved to a new city for his wife's job and lost his football friends. Goals: "
            "mourn the old life. Strategies: build new supports.")
    strategies = feedback(score(library.get("p-05"), text, reveal=True), "strategies")
    assert "link symptom onset to the interpersonal event" in strategies


# --- H2: no false "few case facts" notice -------------------------------------------------------------------------

def test_a_letter_naming_the_people_and_events_is_not_sent_for_review(library):
    """Must change: Patrícia, the divorce, the move, Lucas and Bia are this patient's story."""
    text = ("Marcelo, your low mood began the month after Patrícia told you she wanted a divorce. I can hear how much "
            "you want to save the marriage. From what you say, she has decided, moved out and started the legal "
            "side. I'd suggest we work on facing where things are, feeling what this ending means, and deciding "
            "how to handle the next steps, starting with the arrangements for Lucas and Bia. Does that fit?")
    report = score(library.get("p-19"), text, rubric="patient", reveal=True)
    assert "few_case_facts" not in report.flags
    assert "says little about this patient's own story" not in feedback(report, "evidence_timeline")


def test_a_textbook_paragraph_with_one_fact_is_still_sent_for_review(library):
    """Must not change: one fact put in front of the area's textbook account."""
    text = ("Marcelo became depressed after the divorce. This is a role dispute. The goals of a role dispute are to "
            "identify the dispute and its stage, to choose a plan of action and to change expectations or faulty "
            "communication. The strategies are to clarify expectations, use communication analysis and role play.")
    report = score(library.get("p-19"), text, reveal=True)
    assert "few_case_facts" in report.flags


# --- L1 and M6: lines that claim only what the answer holds ---------------------------------------------------------

def test_the_no_event_shown_is_not_asked_for_again(library):
    """Must change: after "You showed that no interpersonal event explains the onset", no hint asks whether there
    is one."""
    text = ("Interpersonal deficits. She has always been lonely, has eaten lunch alone for twenty years and never had "
            "a partner; the neighbour was only a greeting in the lift, and no other event came before the onset. "
            "Goals: less isolation, new relationships. Strategies: role play, graded steps.")
    evidence = feedback(score(library.get("p-04"), text, reveal=True), "evidence_timeline")
    assert "You showed that no interpersonal event explains the onset" in evidence
    assert "Is there a death, conflict or change near the onset?" not in evidence


def test_a_deficits_answer_without_the_search_is_still_asked_for_it(library):
    """Must not change: no link shown, the hint that asks for the search stays."""
    text = ("Interpersonal deficits. Yumiko eats lunch alone and refuses invitations from Ms Kondo. Goals: less "
            "isolation. Strategies: role play.")
    evidence = feedback(score(library.get("p-04"), text, reveal=True), "evidence_timeline")
    assert "Is there a death, conflict or change near the onset?" in evidence


def test_the_quarter_share_says_the_answer_names_people_not_the_goals():
    from ipt_training.scoring.specificity import textbook_feedback

    assert textbook_feedback("goals", few=True).startswith("The answer names people of this case")
    assert textbook_feedback("goals").startswith("The goals are not tied to this patient's story")


def test_a_consider_list_longer_than_needed_says_how_many_are_needed(library):
    """L1: "cover 2 of the 3 ... Consider: [four items]" reads as a contradiction unless the list says what it is."""
    text = ("Role transition: Amaru moved to a new city for his wife's job in 2024 and lost his football friends; he "
            "got low two months later. Goals: mourn the old life, see the new one realistically. Strategies: review "
            "the old and new roles, build new supports.")
    strategies = feedback(score(library.get("p-05"), text, reveal=True), "strategies")
    if "Consider" in strategies:
        assert "Consider:" not in strategies or "cover 0 of" in strategies


# --- batch 2, written after the fix and run once (tests/data/fb12/README.md) --------------------------------------

def _batch2() -> list[dict]:
    from pathlib import Path

    import yaml

    return yaml.safe_load((Path(__file__).parent / "data" / "fb12" / "batch2.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", _batch2(), ids=lambda item: item["id"])
def test_batch2_feedback_holds_only_what_fits(library, item):
    report = score(library.get(item["case_id"]), item["text"], reveal=item["reveal"])
    text = " ".join(c.feedback for c in report.criteria)
    assert [a for a in item.get("absent", []) if a in text] == []
    assert [p for p in item.get("present", []) if p not in text] == []
