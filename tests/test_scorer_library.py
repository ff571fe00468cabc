"""The scorer against the whole library and the development set: model formulations, lesson 3, agreement floors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ipt_training.agreement import cohen_kappa, mean_absolute_error, spearman
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "data" / "formulation_gold.yaml"
SENTENCES = REPO / "benchmarks" / "data" / "evidence_text_dev.yaml"

#: The worked example of reference section 6, said to the patient (a move for a partner's job, like p-05).
LESSON_EXAMPLE = (
    "From what you've told me, you have major depression. It's a common illness, it's treatable, and it's not a "
    "sign of weakness or your fault. While you're recovering, it's reasonable to do a bit less and to focus on "
    "getting better, which is part of treatment. Your depression started a few weeks after the move. You lost "
    "your team, your football friends and the routines that kept you going, and you haven't yet built anything "
    "to replace them. We call that a role transition. I'd suggest that for our remaining 14 weekly sessions we "
    "work on that change: looking honestly at what you lost and what the new situation could offer, telling "
    "Ines more about how you feel, reconnecting with the people who matter to you, and finding a few new "
    "contacts here. As things improve in those areas, we'd expect your mood to improve too. Does that fit how "
    "you see it? Is there anything you'd change?"
)


def test_every_model_formulation_scores_at_least_9_under_the_patient_rubric(library):
    low = {}
    for case in library:
        report = score_formulation(case.reference.formulation, case.reference, rubric="patient", case=case)
        if report.total < 9 or report.detected_primary is not case.reference.primary_area:
            low[case.id] = (report.total, report.as_text())
    assert len(library) >= 24
    assert not low, low


def test_the_lesson_3_transition_example_gets_full_strategy_credit_and_credit_for_the_goals_it_names(library):
    case = library.get("p-05")
    report = score_formulation(LESSON_EXAMPLE, case.reference, rubric="patient", case=case)
    # It names two of the transition's three goals (what was lost, what the new situation could offer) and no mastery
    # of the new role: until round 10 its third goal came from "the people who matter to you" read as a misspelt
    # "master*" (typo repair now leaves correctly spelt English words alone). Two of three goals: two thirds.
    goals = report.criterion("goals")
    assert goals.points == goals.max_points * 2 / 3
    assert report.criterion("strategies").points == report.criterion("strategies").max_points
    assert "keyword_stuffing" not in report.flags
    for element in ("sick_role", "contract", "agreement"):
        assert report.criterion(element).points == report.criterion(element).max_points, element


#: Lesson 3's exercise is p-05: a formulation said to Amaru "as the lesson asks" (all six elements of reference
#: section 6), in words of our own, naming all three transition goals. The builder reveals p-05's own model letter.
LESSON_3_LETTERS = (
    "Amaru, from what you have told me you have a depression. It is a common illness that can be treated, and it is "
    "not your fault or a weakness; while you recover it is fine to expect a bit less of yourself. It started about "
    "two months after you moved to Winnipeg. You left your team, the bridge inspections you led, your futsal Sundays "
    "and your friends, and here you feel like a spare part. We call this a role transition. I suggest we meet weekly "
    "for twelve sessions. Together we would look at what you have lost and let yourself grieve it, look honestly at "
    "what life in Winnipeg could offer you as well as what is hard, talk about how you feel about the move, tell "
    "Clara how low you have been, get back in touch with Rosa and find people here, and work on feeling capable and "
    "confident in your new job. Does that sound right to you?",
    "Amaru, I think you are suffering from major depression, which is common and treatable and nobody's fault. It "
    "began around two months after the move from Toronto. In Toronto you knew who you were: you led a team and "
    "played futsal with friends. Here you work alone from home and say you are just Clara's husband. This change of "
    "role is what I suggest we focus on. Over 12 weekly meetings we could mourn the life you left behind, see the "
    "new one more realistically, including what is good about it, and help you regain your self-esteem by becoming "
    "more skilled and at ease in your new role. We would also look for new friends and contacts in Winnipeg. How "
    "does that fit with how you see it?",
)


def test_lesson_3_letters_that_name_the_three_goals_get_full_goal_and_strategy_credit(library):
    case = library.get("p-05")
    for letter in (case.reference.formulation, *LESSON_3_LETTERS):
        report = score_formulation(letter, case.reference, rubric="patient", reveal=True, case=case)
        for name in ("problem_area", "goals", "strategies"):
            criterion = report.criterion(name)
            assert criterion.points == criterion.max_points, (name, letter[:60], report.as_text())
        assert "keyword_stuffing" not in report.flags


def test_a_lesson_3_letter_with_only_one_goal_does_not_get_full_goal_credit(library):
    case = library.get("p-05")
    letter = ("Amaru, you have a depression, a common and treatable illness that is not your fault. It began two "
              "months after the move to Winnipeg, when you lost your team and your futsal friends. We call this a "
              "role transition. In twelve weekly sessions I suggest we find you some new friends and contacts in "
              "Winnipeg. Does that fit how you see it?")
    report = score_formulation(letter, case.reference, rubric="patient", reveal=True, case=case)
    assert report.criterion("goals").points < report.criterion("goals").max_points


def test_a_jargon_only_note_does_not_beat_the_patient_formulation_under_the_patient_rubric(library):
    case = library.get("p-05")
    note = ("PA: RT. Onset 2/12 after move; lost team and futsal. Goals: mourn old role, realistic view of new "
            "role, mastery. Strategies: link onset, review old/new, feelings about the change, new support.")
    patient = score_formulation(case.reference.formulation, case.reference, rubric="patient", case=case)
    jargon = score_formulation(note, case.reference, rubric="patient", case=case)
    assert patient.total > jargon.total


def _text_only(case, sentences):
    ref = case.reference
    evidence = [item.model_copy(update={"cues": [], "text": sentences[item.id]}) for item in ref.key_evidence]
    link = ref.timeline_link.model_copy(update={"cues": [], "text": sentences[ref.timeline_link.id]})
    return case.model_copy(update={"reference": ref.model_copy(update={"key_evidence": evidence,
                                                                        "timeline_link": link})})


def _agreement(items, cases):
    expert_areas, auto_areas, expert_totals, auto_totals = [], [], [], []
    for item in items:
        case = cases[item["case_id"]]
        report = score_formulation(FormulationAnswer.from_dict(item["answer"]), case.reference, case=case)
        stuffed = report.detected_primary is None or "keyword_stuffing" in report.flags
        expert_areas.append(item["expert"]["area"])
        auto_areas.append("none" if stuffed else report.detected_primary.value)
        expert_totals.append(float(item["expert"]["total"]))
        auto_totals.append(report.total)
    return (cohen_kappa(expert_areas, auto_areas), spearman(expert_totals, auto_totals),
            mean_absolute_error(expert_totals, auto_totals))


@pytest.fixture(scope="module")
def gold():
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_development_set_stays_at_or_above_its_recorded_figures(library, gold):
    kappa, rho, mae = _agreement(gold, library.cases)
    assert kappa >= 0.907 and rho >= 0.952 and mae <= 0.73, (kappa, rho, mae)


def test_evidence_from_plain_sentences_alone_does_not_collapse_agreement(library, gold):
    sentences = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    cases = {cid: _text_only(library.get(cid), texts) for cid, texts in sentences.items()}
    assert all(not item.cues for case in cases.values() for item in case.reference.key_evidence)
    kappa, rho, mae = _agreement(gold, cases)
    assert kappa >= 0.9 and rho >= 0.9 and mae <= 0.9, (kappa, rho, mae)
