"""How trainees really write: negation in every form, rejections, walk-throughs, hedges, patient-facing and plain
language, shorthand, lists and copied vignettes. Each mechanism with answers that must pass and answers that
must fail; all answers are written for these tests (none comes from a benchmark set)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.readability import read_style
from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses

G, D, T, S = (ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION,
              ProblemArea.INTERPERSONAL_DEFICITS)


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-05", "p-08", "p-13", "p-14")}


def score(case, text, **kwargs):
    return score_formulation(text, case.reference, case=case, **kwargs)


def negated(text: str, concept: str = "x", cue: str = "grief") -> list[bool]:
    return [m.negated for m in build_matcher({concept: [cue]}).find(text)]


# --- Negation reads the same in every form


@pytest.mark.parametrize("text", ["I dont think this is grief", "I don't think this is grief",
                                  "I do not think this is grief", "It isnt grief", "grief doesnt fit",
                                  "grief does not fit", "grief do not fit here", "grief was never the issue",
                                  "grief can not explain it", "R/o grief", "grief is also out"])
def test_every_spelling_of_a_negation_negates(text):
    assert negated(text) == [True]


@pytest.mark.parametrize("text", ["grief, not a dispute", "this is grief and he never cried",
                                  "grief and no dispute", "grief, and the dispute is not the focus",
                                  "the grief is out in the open now"])
def test_a_negation_of_something_else_leaves_the_cue_alone(text):
    assert negated(text)[0] is False


def test_a_negation_after_a_list_covers_the_whole_list():
    matcher = build_matcher({"g": ["grief"], "d": ["dispute"], "t": ["transition"]})
    found = matcher.find("so grief, a dispute and a transition do not apply here")
    assert [m.negated for m in found] == [True, True, True]
    # Without a conjunction before the last item it is not a list ("PA grief, dispute ruled out").
    found = matcher.find("PA grief, dispute ruled out")
    assert [(m.concept, m.negated) for m in found] == [("g", False), ("d", True)]


def test_nothing_and_nobody_negate_only_what_they_are_the_subject_of():
    assert negated("nobody has died", cue="died") == [True]
    assert negated("nothing suggests a dispute", cue="dispute") == [True]
    assert negated("nothing in his life changed", cue="changed") == [True]
    # A verb of their own in between: the cue is stated, not denied.
    assert negated("nothing has replaced her company", cue="company") == [False]
    assert negated("he did nothing for weeks after her death", cue="death") == [False]


@pytest.mark.parametrize("text", ["Please don't blame yourself for it.", "Please dont blame yourself for it.",
                                  "Please do not blame yourself for it."])
def test_not_blaming_the_patient_reads_every_spelling_of_a_negation(cases, text):
    """'Not your fault' is the medical model (the diagnosis part); the sick role also needs eased obligations or the
    task of recovery."""
    report = score(cases["p-08"], "You have depression. " + text, rubric="patient")
    assert "not the patient's fault" in report.criterion("sick_role").feedback
    assert report.criterion("sick_role").points == 0.5
    eased = score(cases["p-08"], f"You have depression. {text} While you recover it is fine to do a bit less.",
                  rubric="patient")
    assert eased.criterion("sick_role").points == 1


def test_not_blaming_the_patient_needs_the_negation(cases):
    report = score(cases["p-08"], "You have depression. Please do blame yourself for it.", rubric="patient")
    assert "not the patient's fault" not in report.criterion("sick_role").feedback


def test_fused_negations_are_expanded_by_the_normaliser():
    assert clauses("we didnt, he wasnt, they cant") == [["we", "did", "not", "he", "was", "not", "they", "can",
                                                         "not"]]


# --- Rejections that point back, and walk-throughs of the areas


def test_rejecting_both_areas_just_named_leaves_the_chosen_one(cases):
    report = score(cases["p-05"], "The tension with Clara looks like a role dispute, and his staying in all day "
                                  "could be read as interpersonal deficits. I reject both. The focus is a role "
                                  "transition: the move to Winnipeg took his team and his futsal league.")
    assert report.detected_primary is T and report.detected_secondary is None
    assert "keyword_stuffing" not in report.flags and "self_contradiction" not in report.flags


def test_a_negated_choice_pointing_back_rejects_the_area_just_named(cases):
    report = score(cases["p-05"], "The rows with Clara look like a role dispute at first, but I would not use it: "
                                  "they began after the move. The focus is a role transition.")
    assert report.detected_primary is T and report.detected_secondary is None
    assert report.criterion("problem_area").points == 3
    # Choosing it, not refusing it, keeps the area.
    kept = score(cases["p-05"], "A role transition fits, and I would use it as the focus: the move to Winnipeg.")
    assert kept.detected_primary is T


def test_an_area_asked_as_a_question_and_answered_no_is_rejected(cases):
    report = score(cases["p-05"], "Grief? No one close has died. A dispute with Clara? Not really, they rarely "
                                  "argue. So: role transition after the move to Winnipeg.")
    assert report.detected_primary is T and report.detected_secondary is None
    assert "keyword_stuffing" not in report.flags
    doubt = score(cases["p-05"], "Maybe a role transition? I'm not sure, but the move came first.")
    assert doubt.detected_primary is T  # "I'm not sure" is doubt, not a no


def test_a_differential_that_ends_in_a_choice_is_not_stuffing(cases):
    report = score(cases["p-14"], "Could be a role transition, as they may become parents, or even a hidden grief, "
                                  "but I'd go with a role dispute with Mareike, since they still argue about it.")
    assert report.detected_primary is D and "keyword_stuffing" not in report.flags
    report = score(cases["p-14"], "Several areas could fit here. Grief, because of his uncle. Transition, because "
                                  "of the wedding. A dispute with Mareike. I'd keep them all open.")
    assert report.detected_primary is None


def test_words_like_neither_or_rejected_in_the_story_reject_nothing(cases):
    report = score(cases["p-14"], "Role dispute with Mareike at impasse. Neither of them will raise the baby "
                                  "question now. Her parents rejected them both at first.")
    assert report.detected_primary is D
    assert D not in report_rejected(cases["p-14"], "Role dispute with Mareike. Neither will call first.")


def report_rejected(case, text):
    from ipt_training.scoring.areas import read_areas
    from ipt_training.scoring.formulation import _by_kind, _matcher_for

    prepared, matches = _matcher_for(case.reference, case)[0].find_prepared(clauses(text, quotes=True))
    kinds = _by_kind(matches)
    return read_areas(kinds["area"], kinds["goal"] + kinds["strategy"], prepared).rejected


def test_an_area_named_by_someone_else_is_reported_not_chosen(cases):
    report = score(cases["p-05"], "Focus: role transition. His brother calls it depression from grief, but "
                                  "nobody has died; the move to Winnipeg took his team and his league.")
    assert report.detected_primary is T and report.detected_secondary is None
    assert "self_contradiction" not in report.flags
    own = score(cases["p-13"], "We call this grief: it began two months after Kwabena died.")
    assert own.detected_primary is G


def test_a_list_of_areas_that_do_not_apply_is_rejected_whole(cases):
    report = score(cases["p-08"], "Interpersonal deficits. We found no death, no row and no move, so grief, "
                                  "dispute and transition don't apply; he has been alone most of his life.")
    assert report.detected_primary is S and report.detected_secondary is None
    assert report.criterion("problem_area").points == 3


def test_a_walk_through_of_headings_rejects_the_areas_it_finds_nothing_for(cases):
    report = score(cases["p-05"], "Grief: no one close to him has died.\nDispute: no real quarrel with Clara.\n"
                                  "Deficits: not him, he had a wide circle in Toronto.\nSo I choose role "
                                  "transition: the move seven months ago, and the low mood started after it.")
    assert report.detected_primary is T
    assert "keyword_stuffing" not in report.flags and "no_commitment" not in report.flags


def test_a_single_heading_with_a_negated_finding_is_still_a_choice(cases):
    report = score(cases["p-13"], "Grief:\nshe has not cried since the burial and the low mood began two "
                                  "months after Kwabena died.\nSecondary: a dispute with her sister.")
    assert report.detected_primary is G


# --- Shorthand, hedges and a focus that is only called secondary


def test_a_shorthand_note_with_ruled_out_areas_commits_to_its_area(cases):
    report = score(cases["p-05"], "PA: RT (move TO->Winnipeg 7/12 ago, lost team + futsal). Onset ~3/12 after "
                                  "move. R/o grief: no death. R/o ID: sociable pre-move. No RD.\nGoals: mourn old "
                                  "role, mastery. Strat: link onset to move, +/- old vs new.")
    assert report.detected_primary is T and "keyword_stuffing" not in report.flags
    assert report.criterion("problem_area").points == 3


def test_an_only_focus_marked_as_containing_another_is_still_the_focus(cases):
    report = score(cases["p-05"], "PA: RT after the move. The friction with Clara is secondary to it and is "
                                  "worked on within the RT.")
    assert report.detected_primary is T


def test_a_hedged_answer_leaning_to_one_area_commits_to_it_tentatively(cases):
    leaning = score(cases["p-05"], "I'm leaning towards a role transition, I think - he lost his team and "
                                   "his league when they moved.")
    asked = score(cases["p-05"], "Maybe a role transition? The move seems to be where it started.")
    assert leaning.detected_primary is T and asked.detected_primary is T
    assert asked.confidence < 0.9


def test_a_hedge_between_two_areas_is_no_commitment(cases):
    report = score(cases["p-05"], "It could be a role transition, or it might be a role dispute with Clara.")
    assert report.detected_primary is None and "no_commitment" in report.flags


# --- Patient-facing and plain-language formulations


def test_a_plain_name_of_the_area_in_a_plan_or_naming_frame_is_a_choice(cases):
    change = score(cases["p-05"], "Amaru, your low mood began a few months after you moved here. I suggest we "
                                  "work on this big change together over twelve weekly sessions.")
    lonely = score(cases["p-08"], "Sander, I think working on that loneliness is the best way to lift your mood.")
    named = score(cases["p-08"], "We call this loneliness, and it has gone on for years.")
    going = score(cases["p-14"], "Jonas, what you are going through is a disagreement that has got stuck.")
    assert (change.detected_primary, lonely.detected_primary, named.detected_primary) == (T, S, S)
    assert going.detected_primary is D


def test_a_plain_name_never_outranks_an_area_named_outright(cases):
    report = score(cases["p-05"], "This is a role transition. Since the move we will work on his isolation and "
                                  "his confidence in the new job.")
    assert report.detected_primary is T and report.detected_secondary is None


def test_a_plain_word_outside_a_frame_chooses_nothing(cases):
    report = score(cases["p-05"], "There has been a lot of change for him, and his loneliness is real.")
    assert report.detected_primary is None
    report = score(cases["p-05"], "He was not ready for the change in his routines and I would not call it "
                                  "loneliness.")
    assert report.detected_primary is None


def test_goals_said_to_the_patient_earn_the_same_credit_as_in_a_note(cases):
    frame = "{name}, we call this a role dispute: {pair} want different things about when to try for a baby. "
    note = score(cases["p-14"], frame.format(name="Jonas", pair="he and Mareike")
                 + "I would help him decide what he wants and renegotiate expectations.")
    spoken = score(cases["p-14"], frame.format(name="Jonas", pair="you and Mareike")
                   + "Together we can help you decide what you want and renegotiate expectations.")
    vague = score(cases["p-14"], frame.format(name="Jonas", pair="you and Mareike")
                  + "Together we can talk about how things are going.")
    # two goals of the three (a plan, a resolution), each its share
    assert spoken.criterion("goals").points == note.criterion("goals").points == 1.5
    assert vague.criterion("goals").points < spoken.criterion("goals").points


def test_mourning_what_was_left_behind_serves_a_transition(cases):
    transition = score(cases["p-05"], "Role transition after the move. I'd help him mourn the life he left "
                                      "behind in Toronto, see what Winnipeg could still offer and feel more "
                                      "confident in the new work.")
    grief = score(cases["p-13"], "Grief. I'd help her mourn Kwabena and, later, get back to her church group.")
    assert transition.criterion("goals").points == 2
    assert grief.criterion("goals").points == 2
    # Naming goals without any area is still not a formulation.
    assert score(cases["p-05"], "Help him mourn.").criterion("problem_area").points == 0


def test_reasoning_without_labels_argues_deficits_when_no_event_explains_the_episode(cases):
    argued = score(cases["p-08"], "Nobody died, he has not fallen out with anyone and nothing in his life "
                                  "changed before he got worse. He has had no one close for most of his life.")
    described = score(cases["p-08"], "He has had no one close for most of his life.")
    assert argued.detected_primary is S and "area_from_reasoning" in argued.flags
    assert described.detected_primary is None


def test_an_answer_that_puts_the_choice_off_commits_to_nothing(cases):
    report = score(cases["p-14"], "There are arguments for a role dispute with Mareike and for a role transition "
                                  "to parenthood. I would want more information before deciding which to take.")
    assert report.detected_primary is None and "no_commitment" in report.flags
    decided = score(cases["p-14"], "There are arguments for a transition, but I have decided: the focus is a role "
                                   "dispute with Mareike.")
    assert decided.detected_primary is D


def test_the_plan_sentence_outweighs_the_story_told_before_it(cases):
    # The story is a row, but the plan is to adjust to a new situation: the answer argues a transition.
    report = score(cases["p-14"], "Since December Jonas and Mareike argue after every family visit. I would "
                                  "focus on helping him adjust to the idea of becoming a father.")
    assert report.detected_primary is T
    story = score(cases["p-14"], "Since December Jonas and Mareike argue after every family visit, because she "
                                 "wants a date for a baby.")
    assert story.detected_primary is D


def test_reasoning_without_labels_reads_life_events_tied_to_the_onset(cases):
    report = score(cases["p-05"], "His low mood is about having his whole life turned upside down: he left his "
                                  "job and his friends behind, and it started a few months after that.")
    assert report.detected_primary is T


# --- Lists and copied vignettes


def test_a_list_cut_by_slashes_is_a_bare_list_and_commits_only_to_a_single_area(cases):
    items = ("Toronto to Winnipeg / Clara / futsal league / contract job / onset after the move / mourning the old "
             "role / mastery / support network")
    one = score(cases["p-05"], "role transition / " + items)
    two = score(cases["p-05"], "role transition / role dispute? / " + items)
    assert "list_without_reasoning" in one.flags and "list_without_reasoning" in two.flags
    assert one.detected_primary is T and two.detected_primary is None and "no_commitment" in two.flags
    assert one.total <= 6 and two.total <= 2.5
    assert one.confidence < 0.5 and two.confidence < 0.5


def test_a_note_with_a_few_slashes_is_not_a_list(cases):
    report = score(cases["p-05"], "PA: RT / onset ~3/12 after the move to Winnipeg, when he lost his team and "
                                  "the futsal league. Goals: mourn the old role, build mastery in the new one.")
    assert "list_without_reasoning" not in report.flags and report.detected_primary is T


def test_a_trimmed_copy_of_the_vignette_is_recognised(cases):
    case = cases["p-05"]
    sentences = [s for s in case.vignette.replace("\n", " ").split(". ") if len(s.split()) > 6][:4]
    copied = ". ".join(" ".join(s.split()[:-1]) for s in sentences) + ". Problem area: role transition."
    report = score(case, copied)
    assert "pasted_vignette" in report.flags
    reasoned = score(case, "Role transition: he moved to Winnipeg for Clara's post, lost the bridge team he "
                           "led and the futsal league, and his mood fell a few months later. Goals: mourn the "
                           "old role and build mastery; strategies: link onset to the move, review old and new.")
    assert "pasted_vignette" not in reasoned.flags


def test_the_pasted_share_does_not_depend_on_the_hash_seed(cases):
    case = cases["p-05"]
    text = " ".join(case.vignette.split()[:60])
    code = ("import sys, json; from ipt_training.scoring.readability import read_style; "
            "from ipt_training.text.normalize import clauses; t, v = json.load(sys.stdin); "
            "print(read_style(t, clauses(t, quotes=True), v).pasted_share)")
    shares = {subprocess.run([sys.executable, "-c", code], input=json.dumps([text, case.vignette]), text=True,
                             capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
              for seed in ("1", "2", "3")}
    assert len(shares) == 1
    assert float(shares.pop()) == read_style(text, clauses(text, quotes=True), case.vignette).pasted_share


def test_typo_repair_leaves_the_readers_own_words_alone(cases):
    from ipt_training.scoring.formulation import _matcher_for

    matcher = _matcher_for(cases["p-05"].reference, cases["p-05"])[0]
    assert matcher.prepare("leaning towards a transition")[0][0] == "leaning"
    assert matcher.prepare("bereavment")[0][0] == "bereave"  # real typos are still repaired


def test_a_walk_through_settled_by_an_explicit_choice_commits_to_it(library):
    amaru = library.get("p-05")
    settled = score(amaru, "Formulation: role transition, chosen after checking the other areas. Grief: his "
                           "grandfather died ten years ago and was mourned. Dispute: he and Clara get on. Deficits: he "
                           "had many friends in Toronto. He began waking at 4 a.m. two months after the move.")
    assert settled.detected_primary is T
    assert "keyword_stuffing" not in settled.flags
    unsettled = score(amaru, "Grief: his grandfather died ten years ago. Dispute: he and Clara disagree about the "
                             "move. Transition: the move to Winnipeg. He began waking at 4 a.m. two months after it.")
    assert unsettled.detected_primary is None


def test_stuffing_feedback_reads_the_same_under_every_hash_seed(cases):
    """The phrases behind a keyword-stuffing penalty are listed in one order in every grading process."""
    text = ("Goals: reduce isolation, social skills, mastery of the new role, build social support, mourn and "
            "reinvest, renegotiate expectations. Strategies: communication analysis, role play, review old and "
            "new roles, facilitate mourning.")
    code = ("import sys, json; from ipt_training.cases.library import CaseLibrary; "
            "from ipt_training.scoring.formulation import score_formulation; "
            "from ipt_training.scoring.report import FormulationAnswer; case = CaseLibrary.load().get('p-05'); "
            "answer = FormulationAnswer.from_dict({'text': sys.stdin.read()}); "
            "r = score_formulation(answer, case.reference, case=case); "
            "print(json.dumps([(c.points, c.feedback) for c in r.criteria]))")
    runs = {subprocess.run([sys.executable, "-c", code], input=text, text=True, capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "4", "7")}
    assert "mix several problem areas" in next(iter(runs))
    assert len(runs) == 1


def test_fast_separator_cuts_items_where_the_readable_pattern_does() -> None:
    """The separator pattern used (fast) cuts every text exactly where the readable one does."""
    import random

    from ipt_training.scoring.readability import _FAST_SEPARATOR_RE, _SEPARATOR_RE

    pieces = [" / ", "; ", ". A", ".\tB", "\n- ", "\n  * ", " - ", "\n\n", "\n\u2022 ", "- ", "* ", "\nthen", "\n(",
              "\n\"", " ", "\t", "\u00a0", "word", "Grief", "x-ray", "--", ".", "\n"]
    rng = random.Random(4)
    texts = ["- grief\n- Halina\n* anniversary", "Lost her job. Moved city; no friends / isolated - low mood",
             "line one\nline two\n  - bullet"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in texts:
        assert _FAST_SEPARATOR_RE.split(text) == _SEPARATOR_RE.split(text), text
