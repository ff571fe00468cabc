"""Answers written to game the formulation scorer score low or go to review; honest answers keep their scores.

The gaming answers follow finding F7 of the adversarial review, in our own words: a textbook paragraph for the
right problem area with no fact of the patient, the vignette pasted back with that paragraph, either repeated
many times, and hidden or look-alike characters. The honest answers are written in four styles (a supervision
note, words said to the patient, an abbreviated note, plain prose) for the three assessment cases. The last test
grades a gamed submission with ``ipt-course autograde`` and finds it in ``ipt-course report``'s review queue.
"""

from __future__ import annotations

import csv
import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from ipt_training.domain import ProblemArea
from ipt_training.scoring import formulation
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.normalize import OVERLONG_WORDS, canonical_characters, clean_answer
from ipt_training.scoring.report import FormulationAnswer, FormulationReport
from ipt_training.scoring.specificity import NO_FACTS_FEEDBACK, CaseFacts
from ipt_training.text.normalize import clauses as _clauses

FORMULATION = "problem_area_formulation"
CASES = {"a-02": ("role_transition", None), "a-03": ("role_dispute", "impasse"), "a-05": ("grief", None)}
SUFFIX = {"a-02": "a", "a-03": "b", "a-05": "c"}
REVIEW_CONFIDENCE = 0.7  # analytics.calibration.REVIEW_THRESHOLD
INTEGRITY_FLAGS = {"no_case_facts", "few_case_facts", "repeated_text", "overlong", "pasted_vignette",
                   "refers_elsewhere", "copied_formulation", "list_without_reasoning"}

#: Textbook paragraphs for each area: right vocabulary, nothing about the patient.
TEXTBOOK = {
    "role_transition": (
        "This is a role transition. The aim is to help the patient mourn and accept the loss of the old role, see "
        "the new role in a more balanced way and feel competent in it. In therapy we would go over the good and bad "
        "sides of the old and new roles, express feelings about the change, practise the skills the new role needs "
        "and build up new supports. The symptoms started after the change in role."),
    "role_dispute": (
        "The problem area is a role dispute, now at an impasse. The goals are to identify the dispute, choose a "
        "plan of action and modify expectations or faulty communication to resolve it. Strategies: find out the "
        "stage of the dispute, clarify what each party expects, use communication analysis and role play, and "
        "consider the options. The depression started after the dispute began."),
    "grief": (
        "This is grief. Goals: help the mourning process and help the patient find new interests and relationships "
        "to replace what was lost. Strategies: reconstruct the relationship with the person who died, go over the "
        "events before and after the death, explore guilt and anger, and encourage the expression of feelings. The "
        "depression began after the death."),
}

#: Honest answers: (primary area, dispute stage, text) per case and style; "patient" uses the patient rubric.
HONEST: dict[str, dict[str, tuple[str | None, str | None, str]]] = {
    "a-02": {
        "excellent": ("role_transition", None,
                      "Aisha's depression is best understood as a role transition. In February 2025 she was promoted "
                      "from staff nurse to ward manager, and her symptoms began in April, about two months later. She "
                      "has lost a role she valued, the nurse colleagues called for difficult drips, and the lunchtime "
                      "chats with Funmi and the other nurses, and she feels incompetent in the new one: rotas, budgets "
                      "and staff shortages ('now I'm a bad manager'). Nobody has died, she does not argue with Tunde "
                      "and she had many friends before. Goals: mourn the old role, develop a realistic view of the "
                      "manager role and build mastery in it. Strategies: link the onset to the promotion, review the "
                      "old and new roles, explore her feelings about the change, practise the new skills and rebuild "
                      "her support."),
        "patient": ("role_transition", None,
                    "You have depression. It is a common illness that can be treated, and it is not your fault; while "
                    "you recover it is fine to do a bit less, and your part is to work with me on getting better. Your "
                    "low mood started in April, about two months after you became ward manager. You miss being the "
                    "nurse everyone called for, you no longer join the lunches with your friends on the ward, and you "
                    "feel you are failing at rotas and budgets. In IPT we call this a role transition. Over twelve "
                    "weeks we would look at what you have lost and what the new job can offer, and build your "
                    "confidence as a manager. Does that fit how you see it?"),
        "abbreviated": ("role_transition", None,
                        "PA: RT - promo staff nurse -> ward mgr 2/25. Onset 4/25 (2/12 post). Lost peer grp (lunch, "
                        "Funmi); feels incompetent (rotas, budgets). No death, no conflict w/ husb. Goals: mourn old "
                        "role, realistic view, mastery. Strat: link sx -> promo, +/- old vs new, new skills, support."),
        "plain": (None, None,
                  "She became unwell about two months after she was made ward manager. She had wanted the job, but "
                  "she misses being a nurse on the ward and eating lunch with the nurses who were her friends, and "
                  "she now feels out of her depth with budgets and staff shortages. Nobody has died and she gets on "
                  "well with her husband. I think the therapy should help her let go of the old job, see the new one "
                  "more fairly and grow more confident in it, by practising the hard parts of managing."),
    },
    "a-03": {
        "excellent": ("role_dispute", "impasse",
                      "Grace's depression is a role dispute with her manager Raymond, now at an impasse. He promised "
                      "her the finance manager post, but in January 2025 gave it to a newer colleague and moved her "
                      "main client account; her one email was brushed off as not being 'a team player' and neither "
                      "has raised it since. They now communicate only by email and he no longer invites her to "
                      "planning meetings. Her symptoms began in March, two months later. Her job title and salary are "
                      "unchanged, nobody has died and she has a supportive husband. Goals: identify the dispute, "
                      "choose a plan of action and modify expectations or communication to resolve it. Strategies: "
                      "link the onset to the dispute, clarify what each of them expected, communication analysis of "
                      "the email, role play a conversation with Raymond and look at her options, including staying or "
                      "leaving."),
        "patient": ("role_dispute", "impasse",
                    "You have depression, a common illness that can be treated; while you recover it is fine to do a "
                    "bit less, and your part is to work with me on getting better. It started about two months "
                    "after your manager gave the promotion he had promised you to a colleague and took your client "
                    "away. Your one "
                    "email was dismissed and since then you have both said nothing; you only talk by email and he "
                    "leaves you out of planning. In IPT we call this a role dispute that has reached an impasse. Over "
                    "twelve weeks we could work out what you each expected, what you want now, and practise a "
                    "conversation with him. Does that fit for you?"),
        "abbreviated": ("role_dispute", "impasse",
                        "PA: RD w/ mgr (Raymond) - impasse. Promo promised 2023, given to colleague 1/25 + key client "
                        "moved. 1 email, dismissed ('team player'); email-only, camera off, excluded from planning. "
                        "Sx onset 3/25 (2/12 post). Same title/salary, no death, supportive husb. Goals: ID dispute, "
                        "plan, modify expectations. Strat: CA of email, RP talk w/ Raymond, options."),
        "plain": (None, None,
                  "She fell ill two months after her boss broke his promise and gave the promotion to someone else. "
                  "She wrote to him once, he told her to be a team player, and since then they have not spoken about "
                  "it at all; he no longer invites her to planning meetings and she only emails him. Her job is "
                  "otherwise the same and she has a loving husband and good friends. The work should be on this "
                  "stand-off with her boss: what each of them expected, and how she might raise it with him, "
                  "practised first in the session."),
    },
    "a-05": {
        "excellent": ("grief", None,
                      "Mehmet's depression is grief for his father Yusuf, who died suddenly of a heart attack in "
                      "February 2025, a week after they argued on the phone about taking over the family grocery. He "
                      "organised the burial in Kayseri, was back at work after a week and has not cried ('men in my "
                      "family don't cry'); he avoids the shop and his father's chair and changes the subject when Emre "
                      "mentions him. His symptoms began in April, two months after the death, with guilt that he "
                      "'should have just said yes'. He had a close marriage and friends from football and nothing else "
                      "changed. Goals: facilitate mourning and help him re-engage with his family and football. "
                      "Strategies: link the onset to the death, go over the events around the death and the last call, "
                      "explore his guilt and anger, reconstruct the relationship with his father and encourage "
                      "affect."),
        "patient": ("grief", None,
                    "You have depression, an illness that can be treated and is not a sign of weakness; while you "
                    "recover it is fine to do a bit less, and your part is to work with me on getting better. It "
                    "began in April, two months after your father died so suddenly, only a week after your argument "
                    "about the "
                    "shop. You have had no time to grieve: you arranged the burial, went straight back to work, and "
                    "you stay away from the shop and from his chair. In IPT we call this grief. Over the next twelve "
                    "weeks we will talk about your father, the good and the hard parts, and about that last phone "
                    "call. Does that fit how you see it?"),
        "abbreviated": ("grief", None,
                        "PA: grief (father Yusuf, MI 2/25). Sx onset 4/25, ~2/12 after death. Avoided mourning - back "
                        "at work after 1 wk, no tears, avoids shop + father's chair. Last call = argument re grocery "
                        "-> guilt. Close marriage (Selin), football friends. Goals: mourning, reinvest. Strat: link "
                        "onset, events of death, guilt/anger, reconstruct rel'ship, affect."),
        "plain": (None, None,
                  "His father died suddenly in February, only a week after they had argued on the phone about the "
                  "family shop, and he never mourned him: he organised the burial, went back to work and will not "
                  "talk about him. He became low two months later and blames himself for refusing to take over the "
                  "business. Before this he had a good marriage and friends. I would help him grieve: talk through "
                  "his father's death and the last phone call, his guilt and anger, and what his father meant to "
                  "him, and then help him take up his life again."),
    },
}
#: Lowest total each style of honest answer earns today (the plain-prose answers are read by the area reader,
#: which is not what these tests are about; they are held to their evidence and to the unfiltered score).
# A note's plan is credited for what it writes: naming the right stage identifies the dispute (a goal) but is not
# the strategy of establishing the stage (review 4; the examiners of sets C, D and E mark it so), so the a-03 note
# ("Strat: CA of email, RP talk w/ Raymond, options") keeps one reference strategy of five.
FLOORS = {"excellent": 9.5, "patient": 8.0, "abbreviated": 7.5}


def _score(library, case_id: str, text: str, area: str | None = None, stage: str | None = None,
           rubric: str = "supervision") -> FormulationReport:
    case = library.get(case_id)
    answer = FormulationAnswer.from_dict({"text": text, "primary_area": area, "dispute_stage": stage})
    return score_formulation(answer, case.reference, reveal=False, rubric=rubric, case=case)


def _honest(library, case_id: str, style: str) -> FormulationReport:
    area, stage, text = HONEST[case_id][style]
    return _score(library, case_id, text, area, stage, "patient" if style == "patient" else "supervision")


def _sent_to_review(report: FormulationReport) -> bool:
    return report.confidence < REVIEW_CONFIDENCE or bool(report.flags)


def _hide(text: str) -> str:
    """The same text with invisible and look-alike characters: zero-width spaces, soft hyphens, odd spaces,
    full-width letters and Cyrillic letters that look Latin."""
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i % 3 == 0:
            word = "\u200b".join(word)
        elif i % 3 == 1:
            word = word.replace("a", "\u0430").replace("o", "\u043e").replace("e", "\u0435")
        elif len(word) > 4:
            word = word[:2] + "\u00ad" + word[2:]
        if i % 7 == 0:
            word = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in word)
        out.append(word)
    spaces = ["\u00a0", "\u2009", "\u3000", " ", "\u202f"]
    return "".join(w + (spaces[i % len(spaces)] if i < len(out) - 1 else "") for i, w in enumerate(out))


# --- gaming answers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("case_id", CASES)
def test_textbook_paragraph_without_patient_facts_scores_low_and_goes_to_review(library, case_id: str) -> None:
    area, stage = CASES[case_id]
    report = _score(library, case_id, TEXTBOOK[area], area, stage)
    assert "no_case_facts" in report.flags and report.confidence < REVIEW_CONFIDENCE
    assert report.evidence_cited == ()
    evidence = report.criterion("evidence_timeline")
    assert evidence.points <= (1.0 if stage else 0.0)  # the stage judgement at most, no evidence or link
    assert NO_FACTS_FEEDBACK in evidence.feedback
    assert report.criterion("goals").points <= 1.0 and report.criterion("strategies").points <= 1.0
    assert report.total <= 6.0


@pytest.mark.parametrize("case_id", CASES)
def test_a_name_in_front_of_a_textbook_paragraph_goes_to_review(library, case_id: str) -> None:
    area, stage = CASES[case_id]
    first_name = library.get(case_id).patient.name.split()[0]
    for text in (f"{first_name}. {TEXTBOOK[area]}", " ".join(f"{first_name}: {s}" for s in TEXTBOOK[area].split(". "))):
        report = _score(library, case_id, text, area, stage)
        assert "few_case_facts" in report.flags and report.confidence < REVIEW_CONFIDENCE


@pytest.mark.parametrize("case_id", CASES)
def test_vignette_pasted_with_textbook_goes_to_review(library, case_id: str) -> None:
    area, stage = CASES[case_id]
    report = _score(library, case_id, library.get(case_id).vignette + " " + TEXTBOOK[area], area, stage)
    assert "pasted_vignette" in report.flags and report.confidence < REVIEW_CONFIDENCE


@pytest.mark.parametrize("case_id", CASES)
def test_repetition_is_read_once_and_flagged(library, case_id: str) -> None:
    area, stage = CASES[case_id]
    for text in (TEXTBOOK[area], library.get(case_id).vignette + "\n\n" + TEXTBOOK[area],
                 HONEST[case_id]["excellent"][2]):
        once = _score(library, case_id, text, area, stage)
        many = _score(library, case_id, "\n\n".join([text] * 30), area, stage)
        assert many.total == once.total
        assert [c.points for c in many.criteria] == [c.points for c in once.criteria]
        assert "repeated_text" in many.flags and "repeated_text" not in once.flags
        assert many.confidence < REVIEW_CONFIDENCE and _sent_to_review(many)


def test_an_answer_many_times_longer_than_a_formulation_is_flagged(library) -> None:
    others = " ".join(case.vignette for case in library if case.id not in CASES)
    text = HONEST["a-02"]["excellent"][2] + " " + others
    assert len(text.split()) > OVERLONG_WORDS
    report = _score(library, "a-02", text, "role_transition")
    assert "overlong" in report.flags and report.confidence < REVIEW_CONFIDENCE
    assert "far longer than a formulation" in report.criterion("evidence_timeline").feedback


@pytest.mark.parametrize("case_id", CASES)
def test_hidden_and_look_alike_characters_neither_help_nor_hurt(library, case_id: str) -> None:
    area, stage = CASES[case_id]
    texts = [TEXTBOOK[area], library.get(case_id).vignette + " " + TEXTBOOK[area],
             *(text for _, _, text in HONEST[case_id].values())]
    for text in texts:
        hidden = _hide(text)
        assert hidden != text and canonical_characters(hidden).split() == text.split()
        plain, disguised = _score(library, case_id, text, area, stage), _score(library, case_id, hidden, area, stage)
        assert (disguised.total, disguised.flags, disguised.confidence) == (plain.total, plain.flags,
                                                                            plain.confidence)


def test_canonical_characters_keeps_other_scripts_and_line_breaks() -> None:
    assert canonical_characters("Ayşe\u2028Selin\r\nEmre") == "Ayşe\nSelin\nEmre"
    assert canonical_characters("Горе и утрата") == "Горе и утрата"  # a Russian answer stays Russian
    assert canonical_characters("gr\u0456ef\u200d") == "grief"
    assert clean_answer("One two three four. One two three four.").repeated_words == 4


# --- honest answers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize("style", ["excellent", "patient", "abbreviated", "plain"])
def test_honest_answers_keep_their_scores(library, case_id: str, style: str, monkeypatch) -> None:
    report = _honest(library, case_id, style)
    assert not INTEGRITY_FLAGS & set(report.flags)
    assert len(report.evidence_cited) >= 3  # of the four key pieces of evidence and the timeline link
    if style in FLOORS:
        assert report.total >= FLOORS[style] and report.confidence >= REVIEW_CONFIDENCE
    # The same answer with every clause taken as stating a fact of the case: the rule costs it nothing.
    every = CaseFacts(frozenset(token for clause in _clauses(HONEST[case_id][style][2]) for token in clause))
    monkeypatch.setattr(formulation, "facts_for", lambda reference, case: every)
    unfiltered = _honest(library, case_id, style)
    assert [c.points for c in report.criteria] == [c.points for c in unfiltered.criteria]


HONEST_KINDS = {"excellent", "good", "patient_facing", "abbreviated_note", "plain_prose", "non_native", "hedged",
                "rejection"}


def test_no_honest_development_answer_loses_points_to_the_case_facts_rule(repo: Path, library, monkeypatch) -> None:
    """Every honestly written answer of the three development sets scores the same as with every clause counted
    as a fact of the case (only stuffed, contradictory or fact-free answers may lose evidence)."""
    import yaml

    from ipt_training.cases.loader import load_case_file

    data = repo / "benchmarks" / "data"
    sets = [(library.cases, yaml.safe_load((data / "formulation_gold.yaml").read_text(encoding="utf-8")))]
    for folder in ("formulation_dev_b", "formulation_dev_c"):
        cases = {c.id: c for c in map(load_case_file, sorted((data / folder / "cases").glob("*.yaml")))}
        answers = [a for path in sorted((data / folder).glob("answers-*.yaml"))
                   for a in yaml.safe_load(path.read_text(encoding="utf-8"))]
        sets.append((cases, answers))
    honest = [(cases[a["case_id"]], FormulationAnswer.from_dict(a["answer"]), a["id"])
              for cases, answers in sets for a in answers if a.get("kind") in HONEST_KINDS]
    assert len(honest) > 100

    def points(case, answer) -> list[float]:
        report = score_formulation(answer, case.reference, case=case)
        return [c.points for c in report.criteria]

    scored = {answer_id: points(case, answer) for case, answer, answer_id in honest}
    for case, answer, answer_id in honest:
        every = CaseFacts(frozenset(t for clause in _clauses(answer.text, quotes=True) for t in clause))
        with monkeypatch.context() as patch:
            patch.setattr(formulation, "facts_for", lambda reference, case, every=every: every)
            assert scored[answer_id] == points(case, answer), answer_id


def test_patient_facing_answer_with_no_names_states_the_case(library) -> None:
    _, _, text = HONEST["a-03"]["patient"]
    assert "Raymond" not in text and "Grace" not in text
    report = _honest(library, "a-03", "patient")
    assert "no_case_facts" not in report.flags and len(report.evidence_cited) >= 3


def test_generic_onset_sentence_is_no_timeline_link_but_the_case_event_is(library) -> None:
    """'It began after the dispute started' could be said of any dispute; naming the case's event or time links."""
    generic = "Role dispute at an impasse. The depression began after the dispute started."
    dated = generic.replace("after the dispute started", "in March, two months after the promotion went to a "
                                                          "colleague")
    plain = _score(library, "a-03", generic, "role_dispute", "impasse")
    linked = _score(library, "a-03", dated, "role_dispute", "impasse")
    assert "onset_after_promotion_dispute" not in plain.evidence_cited
    assert "onset_after_promotion_dispute" in linked.evidence_cited
    assert linked.criterion("evidence_timeline").points > plain.criterion("evidence_timeline").points


# --- the graded path --------------------------------------------------------------------------------------


def test_grading_passes_the_case_so_a_pasted_vignette_is_recognised(library, repo: Path) -> None:
    from ipt_training.grading.graders.items import grade_formulation
    from ipt_training.grading.trusted.keys import keys_from
    from ipt_training.scoring import feedback

    case = library.get("a-02")
    namespace = {"primary_area_a": "role_transition", "secondary_area_a": None, "dispute_stage_a": None,
                 "formulation_a": case.vignette + " " + TEXTBOOK["role_transition"]}
    printed = io.StringIO()
    with keys_from(repo / "source" / "keys"), redirect_stdout(printed):
        points = grade_formulation("a-02", namespace, "a", points=10)
    assert feedback.PASTED_FEEDBACK in printed.getvalue()
    alone = _score(library, "a-02", case.vignette + " " + TEXTBOOK["role_transition"], "role_transition")
    assert points == pytest.approx(alone.total)


# --- end to end: ipt-course autograde, then ipt-course report ---------------------------------------------


def _answer_cell(case_id: str, text: str) -> str:
    area, stage = CASES[case_id]
    s = SUFFIX[case_id]
    return (f"primary_area_{s} = {area!r}\nsecondary_area_{s} = None\ndispute_stage_{s} = {stage!r}\n"
            f"formulation_{s} = {text!r}\n")


def test_gamed_submission_reaches_the_review_queue(repo: Path, library, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ipt_training.cli import app
    from ipt_training.grading.workflow.course import Course
    from ipt_training.grading.workflow.simulate import SubmissionPlan, fill_notebook, solution_answers, submit

    root = tmp_path / "course"
    root.mkdir()
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for folder in ("keys", FORMULATION):
        shutil.copytree(repo / "source" / folder, root / "source" / folder)
    course = Course(root)
    assert not course.release()
    source_nb = root / "source" / FORMULATION / f"{FORMULATION}.ipynb"
    release_nb = root / "release" / FORMULATION / f"{FORMULATION}.ipynb"
    plans = {
        "honest": dict(solution_answers(source_nb)),
        "textbook": {f"case_{SUFFIX[c]}_answer": _answer_cell(c, TEXTBOOK[a]) for c, (a, _) in CASES.items()},
        "paster": {f"case_{SUFFIX[c]}_answer": _answer_cell(
            c, "\n\n".join([_hide(library.get(c).vignette + " " + TEXTBOOK[a])] * 5)) for c, (a, _) in CASES.items()},
        "lister": {f"case_{SUFFIX[c]}_answer": _answer_cell(c, KEYWORD_LISTS[c]) for c in CASES},
        "pointer": {f"case_{SUFFIX[c]}_answer": _answer_cell(c, "See above, as discussed in my notes.") for c in CASES},
        "namer": {f"case_{SUFFIX[c]}_answer": _answer_cell(c, _names_attacks(library, c)["name in every sentence"])
                  for c in CASES},
        "copier": {f"case_{SUFFIX[c]}_answer": _answer_cell(c, _copied_model(library, c)) for c in CASES},
    }
    for student, answers in plans.items():
        submit(root, student, FORMULATION, {release_nb.name: fill_notebook(release_nb, SubmissionPlan(answers))})
    runner = CliRunner()
    graded = runner.invoke(app, ["autograde", FORMULATION, "--course", str(root)])
    assert graded.exception is None or isinstance(graded.exception, SystemExit), graded.output
    assert all((root / "autograded" / s / FORMULATION).is_dir() for s in plans), graded.output
    reported = runner.invoke(app, ["report", "--course", str(root)])
    assert reported.exit_code == 0, reported.output
    with (root / "report" / "review_queue.csv").open(newline="", encoding="utf-8") as handle:
        queue = list(csv.DictReader(handle))
    queued = {(row["student"], row["item"]): row["reasons"] for row in queue}
    for case_id in CASES:
        item = f"case_{SUFFIX[case_id]}_test"
        assert "no case facts" in queued[("textbook", item)]
        assert "pasted vignette" in queued[("paster", item)]
        assert "list without reasoning" in queued[("lister", item)]
        assert "refers elsewhere" in queued[("pointer", item)]
        assert "few case facts" in queued[("namer", item)]
        assert "copied formulation" in queued[("copier", item)]
        assert ("honest", item) not in queued


# --- the reviewer's answers (senior IPT trainer, /work/review, finding 1) ----------------------------------

REVIEW_ANSWERS = Path(__file__).parent / "data" / "review_answers"
#: Textbook paragraphs for the right area with nothing of the patient, or only a first name in front: the reviewer
#: marks them 3-4 of 10 (area right, no timing link or evidence from this patient).
REVIEW_GAMED = {"a8_a04_textbook": "a-04", "a9_a04_textbook_noand": "a-04", "a11_a04_name_noand": "a-04",
                "a6_p06_textbook": "p-06", "a7_p06_textbook_noname": "p-06"}
#: Honest answers the reviewer marks 10 of 10, written for the same cases and two others.
REVIEW_HONEST = {"a5_p06_good": "p-06", "a1_p13_good": "p-13", "a10_p08_deficits": "p-08"}


def _review(library, name: str, case_id: str) -> FormulationReport:
    return _score(library, case_id, (REVIEW_ANSWERS / f"{name}.txt").read_text(encoding="utf-8"))


def test_words_joining_names_are_not_facts_of_the_case(library) -> None:
    """"Wambui and Kamau" (a-04), "Lia and Theo" (p-06): the names are facts of the case, "and" is not."""
    from ipt_training.scoring.specificity import case_facts

    for case_id in ("a-04", "p-06", "p-11"):
        facts = case_facts(library.get(case_id))
        assert not {"and", "the", "with"} & facts.words and not {"and"} & facts.names, case_id
        assert facts.names <= facts.words and len(facts.names) >= 2


@pytest.mark.parametrize("name", REVIEW_GAMED)
def test_reviewers_textbook_paragraphs_score_low_and_go_to_review(library, name: str) -> None:
    report = _review(library, name, REVIEW_GAMED[name])
    assert {"no_case_facts", "few_case_facts"} & set(report.flags) and report.confidence < REVIEW_CONFIDENCE
    evidence = report.criterion("evidence_timeline")
    stage = 1.0 if REVIEW_GAMED[name] == "p-06" else 0.0  # p-06 is a dispute at an impasse
    assert evidence.points <= stage + 0.5, evidence.feedback  # the dispute stage and one piece at most
    assert report.criterion("goals").points <= 1.0 and report.criterion("strategies").points <= 1.0
    assert report.total <= 6.5


@pytest.mark.parametrize("name", REVIEW_HONEST)
def test_reviewers_honest_answers_keep_their_marks(library, name: str) -> None:
    report = _review(library, name, REVIEW_HONEST[name])
    assert not INTEGRITY_FLAGS & set(report.flags)
    assert report.total == 10.0, [(c.criterion, c.points) for c in report.criteria]


# --- names without facts: a name in every sentence, the inventory's names in front ----------------------------


def _names_attacks(library, case_id: str) -> dict[str, str]:
    case = library.get(case_id)
    first = case.patient.name.split()[0]
    paragraph = TEXTBOOK[CASES[case_id][0]]
    sentences = [s.rstrip(".") for s in paragraph.split(". ")]
    everyone = ", ".join([case.patient.name, *(p.name for p in case.inventory)])
    # The inventory copied as it is shown (who each person is), without a relationship that dates an event.
    who = [p for p in case.inventory if not any(ch.isdigit() for ch in p.relationship)]
    kin = {"a-02": "her husband", "a-03": "her manager", "a-05": "his father"}[case_id]
    return {"name in every sentence": " ".join(f"{s} for {first}." for s in sentences),
            "relationship in every sentence": " ".join(f"{s}, says {kin}." for s in sentences),
            "inventory names in front": f"{everyone}. {paragraph}",
            "inventory copied in front": ", ".join(f"{p.name} ({p.relationship})" for p in who) + f". {paragraph}",
            "inventory as bullets": "\n".join(f"- {p.name}: {p.relationship}" for p in who) + f"\n{paragraph}",
            "names between sentences": " ".join(f"{s}. {p.name}." for s, p in zip(sentences, case.inventory,
                                                                                  strict=False))}


@pytest.mark.parametrize("case_id", CASES)
def test_names_without_what_happened_earn_no_evidence_and_little_plan_credit(library, case_id: str) -> None:
    """A name says who, not what happened or when: a textbook paragraph with the case's names in it is still the
    paragraph (examiner: area right, no evidence, generic goals and strategies at most 0.5 each)."""
    area, stage = CASES[case_id]
    for label, text in _names_attacks(library, case_id).items():
        report = _score(library, case_id, text, area, stage)
        assert "few_case_facts" in report.flags and report.confidence < REVIEW_CONFIDENCE, label
        assert report.evidence_cited == (), label
        assert report.criterion("evidence_timeline").points <= (1.0 if stage else 0.0), label
        assert report.criterion("goals").points <= 0.5 and report.criterion("strategies").points <= 0.5, label
        assert report.total <= (5.0 if stage else 4.0), label
        assert "nothing of what happened" in report.criterion("goals").feedback, label


@pytest.mark.parametrize("case_id", CASES)
def test_names_in_front_of_an_honest_answer_cost_nothing(library, case_id: str) -> None:
    area, stage, text = HONEST[case_id]["excellent"]
    case = library.get(case_id)
    everyone = ", ".join([case.patient.name, *(p.name for p in case.inventory)])
    plain, named = _honest(library, case_id, "excellent"), _score(library, case_id, f"{everyone}. {text}", area, stage)
    assert [c.points for c in named.criteria] == [c.points for c in plain.criteria]
    assert not INTEGRITY_FLAGS & set(named.flags)


# --- the author's credit for an acceptable alternative ----------------------------------------------------


def test_the_authors_credit_for_an_alternative_holds_lower_and_higher(library) -> None:
    """p-07 lists its secondary area (a dispute) as an alternative worth 0.25 of the area points: an answer making it
    the primary earns that share (0.75 of 3, rounded to the nearest half point), not the 1.5 a key's secondary area
    earns when the author says nothing; a higher authored share is kept too."""
    case = library.get("p-07")
    reference = case.reference
    assert reference.secondary_area is ProblemArea.ROLE_DISPUTE
    assert {a.area: a.credit for a in reference.acceptable_alternatives} == {ProblemArea.ROLE_DISPUTE: 0.25}
    # A text that argues the dispute it ticks (the key's own formulation calls the focus a role transition, so with a
    # dispute ticked it would contradict itself and be marked at half of its better reading).
    chosen = {"text": "Role dispute with Sian, in renegotiation: since April they argue about housework and the "
                      "retraining course, and they still talk it through most weekends. We will clarify what each of "
                      "them expects and use communication analysis of their weekend talks.",
              "primary_area": "role_dispute", "dispute_stage": "renegotiation"}
    answer = FormulationAnswer.from_dict(chosen)

    def area_points(ref) -> float:
        return score_formulation(answer, ref, case=case).criterion("problem_area").points

    def alternative(credit: float):
        alt = reference.acceptable_alternatives[0].model_copy(update={"credit": credit})
        return reference.model_copy(update={"acceptable_alternatives": [alt]})

    assert area_points(reference) == 1.0
    assert area_points(alternative(0.8)) == 2.5
    assert area_points(reference.model_copy(update={"acceptable_alternatives": []})) == 1.5  # the general rule
    swapped = FormulationAnswer.from_dict({**chosen, "secondary_area": "role_transition"})
    assert score_formulation(swapped, reference, case=case).criterion("problem_area").points == 2.0


# --- answers that point elsewhere ("see above") -------------------------------------------------------------

POINTERS = ["See above.", "As discussed in the previous cell.", "Same as my notes", "see cell 3",
            "As I wrote earlier, see the formulation above.", "Refer to the previous answer, as discussed."]


@pytest.mark.parametrize("case_id", CASES)
def test_an_answer_pointing_elsewhere_is_graded_as_written_and_says_so(library, case_id: str) -> None:
    """The graded answer is what is written in it with the choices beside it: "see above" earns the area (and stage)
    chosen in the fields, no evidence, goals or strategies, and the feedback says plainly what was graded."""
    area, stage = CASES[case_id]
    for text in POINTERS:
        report = _score(library, case_id, text, area, stage)
        assert "refers_elsewhere" in report.flags and report.confidence < REVIEW_CONFIDENCE, text
        assert report.criterion("problem_area").points == 3.0
        assert report.criterion("evidence_timeline").points == (1.0 if stage else 0.0), text  # the stage chosen
        assert report.criterion("goals").points == 0.0 and report.criterion("strategies").points == 0.0, text
        area_feedback = report.criterion("problem_area").feedback
        assert area_feedback.startswith("The answer points to text elsewhere") and "was graded" in area_feedback
    with_paragraph = _score(library, case_id, f"As discussed above. {TEXTBOOK[area]}", area, stage)
    assert {"refers_elsewhere", "no_case_facts"} <= set(with_paragraph.flags)


def test_pointer_words_inside_a_formulation_are_not_a_pointer() -> None:
    for text in ("She was as sad as before the move.", "It began as described by her husband.",
                 "Her husband, as noted, is kind.", "We will see the old role as a loss.", "He wrote notes for the "
                 "meeting.", "She felt low before the promotion and saw the job as a test."):
        assert clean_answer(text).pointer == "" and "refers_elsewhere" not in clean_answer(text).flags, text
    for text in POINTERS:
        assert clean_answer(text).pointer, text


@pytest.mark.parametrize("case_id", CASES)
def test_a_formulation_that_refers_to_its_own_earlier_sentence_keeps_its_score(library, case_id: str) -> None:
    area, stage, text = HONEST[case_id]["excellent"]
    report = _score(library, case_id, f"{text} As discussed above, this plan follows from her story.", area, stage)
    assert "refers_elsewhere" not in report.flags and report.confidence >= REVIEW_CONFIDENCE
    assert report.total == _honest(library, case_id, "excellent").total


# --- a keyword list with the area chosen in the field --------------------------------------------------------

KEYWORD_LISTS = {
    "a-02": "role transition, promotion, ward manager, Funmi, lunch, rotas, budgets, mourn old role, realistic view, "
            "mastery, review old and new, feelings, new skills, support",
    "a-03": "role dispute, impasse, Raymond, promotion promised, Aaron, email, team player, planning meetings, "
            "identify dispute, plan of action, modify expectations, communication analysis, role play, options",
    "a-05": "grief, Yusuf, heart attack, February, argument, grocery, burial, no tears, avoids shop, chair, facilitate "
            "mourning, reinvest, events of death, guilt, anger, reconstruct relationship, affect",
}


@pytest.mark.parametrize("case_id", CASES)
def test_a_keyword_list_beside_a_chosen_area_is_still_a_list(library, case_id: str) -> None:
    """The area chosen in the field earns the area; it does not make a list of words reasoning (examiner: goals and
    strategies at most 0.5 each). The same list of the reference's own concept ids scores no better."""
    area, stage = CASES[case_id]
    reference = library.get(case_id).reference
    ids = " ".join(c.replace(".", " ").replace("_", " ") for c in [*reference.goals, *reference.strategies])
    for text in (KEYWORD_LISTS[case_id], ids):
        chosen = _score(library, case_id, text, area, stage)
        assert "list_without_reasoning" in chosen.flags and chosen.confidence < REVIEW_CONFIDENCE, text
        assert chosen.criterion("goals").points <= 0.5 and chosen.criterion("strategies").points <= 0.5, text
        assert chosen.total <= 6.0, text
    honest = _honest(library, case_id, "abbreviated")  # a note with the area chosen, tied in time: not a list
    assert "list_without_reasoning" not in honest.flags and honest.total >= FLOORS["abbreviated"]


# --- another case's model formulation with the names changed ------------------------------------------------


def _swap_names(text: str, source, target) -> str:
    import re

    names = zip([source.patient.name, *(p.name for p in source.inventory)],
                [target.patient.name, *(p.name for p in target.inventory)], strict=False)
    for old, new in names:
        text = re.sub(rf"\b{re.escape(old.split()[0])}\b", new.split()[0], text)
    return text


def _copied_model(library, case_id: str) -> str:
    """The first practice case's model formulation of the same area, with this case's names."""
    target = library.get(case_id)
    source = next(c for c in library if c.set == "practice" and c.reference is not None
                  and c.reference.primary_area is target.reference.primary_area)
    return _swap_names(source.reference.formulation, source, target)


@pytest.mark.parametrize("case_id", CASES)
def test_another_cases_model_formulation_with_the_names_changed_goes_to_review(library, case_id: str) -> None:
    """Trainees read the practice cases' model formulations: one copied onto an assessment case of the same area,
    with the names changed, scored up to 10 with full confidence; its facts and plan are another patient's."""
    area, stage = CASES[case_id]
    target = library.get(case_id)
    sources = [c for c in library if c.set == "practice" and c.reference is not None
               and c.reference.primary_area.value == area]
    assert len(sources) >= 5
    for source in sources:
        report = _score(library, case_id, _swap_names(source.reference.formulation, source, target), area, stage)
        assert "copied_formulation" in report.flags and report.confidence < REVIEW_CONFIDENCE, source.id
        assert report.criterion("goals").points <= 0.5 and report.criterion("strategies").points <= 0.5, source.id
        assert report.total <= 6.0, source.id
        assert f"model formulation of another case ({source.id})" in report.criterion("evidence_timeline").feedback


def test_no_model_formulation_is_a_copy_of_another_for_its_own_case(library) -> None:
    from ipt_training.scoring.specificity import copied_formulation

    for case in library:
        if case.reference is not None:
            assert copied_formulation(_clauses(case.reference.formulation, quotes=True), case.reference) is None


# --- one formulation written twice with a different area -----------------------------------------------------

OTHER_AREA = {"a-02": ("a role transition", "grief"), "a-03": ("a role dispute", "a role transition"),
              "a-05": ("grief", "a role transition")}


@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize("chosen", [True, False])
def test_one_formulation_written_twice_with_a_different_area_earns_half(library, case_id: str, chosen: bool) -> None:
    """Its plan and evidence repeat (read once), so only the area differs: two readings, half of the better one on
    every criterion (examiner: self-contradiction is half of the better reading), and review."""
    area, stage, text = HONEST[case_id]["excellent"]
    right, wrong = OTHER_AREA[case_id]
    assert right in text
    twice = f"{text}\n\n{text.replace(right, wrong, 1)}"
    honest = _honest(library, case_id, "excellent")
    report = _score(library, case_id, twice, area if chosen else None, stage if chosen else None)
    assert {"two_readings", "repeated_text"} <= set(report.flags) and report.confidence < REVIEW_CONFIDENCE
    assert report.total <= honest.total / 2 + 0.5
    assert report.criterion("goals").points <= 1.0 and report.criterion("strategies").points <= 1.0
