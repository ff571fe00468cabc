"""A case's own model letter read as the letter it is (round 10 of issue 11, model10).

Two mechanisms misread examiners' patient-facing letters:

* **a cue inside a negated cue**: the matcher carries a negation along a list ("not grief, a dispute or deficits"),
  and it also carried it into a cue lying inside the negated one's own words. "Since then there has been no room for
  your own grief" negates the room (the plan cue "room for your grief"), not the grief, yet the area word inside it
  was read as grief denied, and the letter that goes on "we call this grief" was halved as arguing against its own
  focus. A cue inside another's words now keeps the negation its own words give it.
* **one of them still trying beside the other's decision to end**: "he has decided to end the partnership while
  part of you is still trying to bring him back" was read as dissolution and renegotiation at once. Renegotiation
  needs both still trying (reference 3.2); the one being left still pursuing is how a dissolution looks from their
  side, so a renegotiation described of one of them only, next to a decision to end, is no second stage.

Answers that must keep their reading: a list negated as a list, an area denied in its own words ("this is not
grief") beside the same letter, both still trying beside a decision to end, and one of them still trying with no
decision to end. The answers are invented for these tests (none comes from a benchmark set); the cases are
development cases of sets B and C.
"""

from __future__ import annotations

from scoring_helpers import benchmark_case, points, score

from ipt_training.cases.model import Case
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.text.matcher import build_matcher


def _halved(text: str, case: Case) -> bool:
    report = score(case, text, rubric="patient")
    return "self_contradiction" in report.flags or "two_readings" in report.flags


# ----------------------------------------------------------------------------------- negation inside a longer cue

_CUES = {"area:grief": [("grief", 2.0)], "area:role_dispute": [("dispute", 2.0)],
         "area:interpersonal_deficits": [("deficits", 2.0)], "goal:mourn": ["room for your grief", "room for grief"]}


def _negated(text: str) -> dict[str, bool]:
    return {m.concept: m.negated for m in build_matcher(_CUES).find(text)}


def test_an_area_word_inside_a_negated_plan_cue_is_not_denied() -> None:
    found = _negated("Since then there has been no room for your own grief")
    assert found == {"goal:mourn": True, "area:grief": False}
    assert _negated("There has never been any room for your grief") == {"goal:mourn": True, "area:grief": False}


def test_a_negated_list_still_negates_every_item_and_a_denied_area_stays_denied() -> None:
    assert _negated("This is not grief, a dispute or deficits") == {
        "area:grief": True, "area:role_dispute": True, "area:interpersonal_deficits": True}
    assert _negated("there is no grief here") == {"area:grief": True}


# --------------------------------------------------------------------------------- letters with the same structure

_GRIEF_LETTER = (
    "Mrs Lan, the broken sleep, the headaches and the tight chest are depression, an illness many people have, which "
    "can be treated and is not a punishment; for now you may let Thảo cook and rest more. It started in October 2025, "
    "right after the first death anniversary of Đức. After he died in hospital in September 2024 you did all that a "
    "wife should, and since then there has been no room for your own grief: you will not look at his photograph, you "
    "kept the anger about the drinking and the lost savings to yourself, and you carry guilt about his last night "
    "alone. {turn} I suggest twelve weekly sessions to talk about your marriage, the good and the bad, to go over his "
    "last night and his death, to let the anger and the guilt be spoken, and then to go back to the temple and the "
    "seniors' club. Would you like to try this?")


def test_a_letter_that_says_the_grief_had_no_room_and_then_names_grief_is_one_formulation() -> None:
    case = benchmark_case("formulation_dev_b", "t-12")
    text = _GRIEF_LETTER.format(turn="This is what we call grief that has got stuck.")
    report = score(case, text, rubric="patient")
    assert not _halved(text, case)
    assert report.detected_primary is ProblemArea.GRIEF
    assert points(report, "problem_area") == 3.0
    # the same letter with the room denied in other words
    assert not _halved(text.replace("there has been no room for your own grief",
                                    "there has never been any room for your grief"), case)


def test_a_letter_that_names_grief_and_then_denies_it_is_still_halved() -> None:
    case = benchmark_case("formulation_dev_b", "t-12")
    text = _GRIEF_LETTER.format(turn="We call this grief. Still, this is not grief really; it is the move to "
                                     "Minh's house, a change of role.")
    assert _halved(text, case)


# ------------------------------------------------------------------------------------------ one side still trying

_DISSOLUTION_LETTER = (
    "Tomasz, this is major depression: a common illness that gets better with treatment, and not a failing of "
    "yours; for a while you can let the apprentice carry more of the work. Your sleep and your mood fell in January, "
    "some eight weeks after Marek said he was leaving Dwa Koła. For years the two of you pulled in different "
    "directions over the chain's offer. {middle} We would call this a dispute between partners that has come to "
    "its end. Over twelve weekly sessions I propose we look at what each of you expected from the shop, decide what "
    "you want from the buy-out, let you be angry and sad about losing your friend, and lean more on Ewa and the "
    "cycling club. Is that how you see it?")


def _stage_of(middle: str, folder: str = "formulation_dev_b", case_id: str = "t-08") -> DisputeStage | None:
    letter = _DISSOLUTION_LETTER.format(middle=middle)
    return score(benchmark_case(folder, case_id), letter, rubric="patient").detected_stage


def test_one_side_still_trying_beside_the_other_decision_to_end_reads_as_dissolution() -> None:
    assert _stage_of("He has decided to end the partnership, while you are still trying to win him back with "
                     "messages at night.") is DisputeStage.DISSOLUTION
    # the decision and the pursuit in two sentences next to each other
    assert _stage_of("Now he has decided to end the partnership. You keep trying to talk him round.") is (
        DisputeStage.DISSOLUTION)


def test_both_still_trying_beside_a_decision_to_end_keeps_its_two_readings() -> None:
    # both of them still at it is a renegotiation said as well: the letter stages the dispute two ways
    assert _stage_of("He has decided to end the partnership, and yet you are both still trying to find a deal "
                     "together.") is None


def test_one_side_still_trying_with_no_decision_to_end_still_reads_as_renegotiation() -> None:
    # no decision to end anywhere: the persistence is the only stage the letter describes (unchanged)
    stage = _stage_of("You argue about it again and again, and you keep trying to change his mind.")
    assert stage is DisputeStage.RENEGOTIATION
