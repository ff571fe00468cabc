"""Round 13, feedback sentences that were false for the answer they were shown on (an instructor's two new cases,
tests/data/fb13: inst-01, a role dispute at impasse, an assessment case with its key in keys/cases/; inst-02,
interpersonal deficits). Each sentence is tested where it must appear and where it must not.

1. "Your answer does not name an area" beside "..., so interpersonal deficits" (a denied "see" read as denying the
   area concluded after "so"); 2. "names no person, event, date or detail" / "says little about this patient's own
   story" beside answers that tell the story; 3. "You staged the role dispute as impasse" for a keyword list that only
   lists the word; 4. "You cited 0 of 4" beside 1 of 3 points; 5. "link the onset to the interpersonal event" on a
   deficits case; 6. an assessment case file given as --reference without saying where its key is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scoring_helpers import feedback, points, score

from ipt_training.cases.loader import CaseFileError, load_case_file, load_reference_file
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.answers import load_answer_file, load_case_and_reference
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer
from ipt_training.scoring.specificity import FEW_FACTS_FEEDBACK, NO_FACTS_FEEDBACK, ONE_SENTENCE_FACTS_FEEDBACK

DATA = Path(__file__).parent / "data" / "fb13"


@pytest.fixture(scope="module")
def inst():
    """The instructor's two cases, inst-01 with the reference of its key file."""
    dispute = load_case_file(DATA / "cases" / "inst-01.yaml")
    _, key = load_reference_file(DATA / "keys" / "cases" / "inst-01.yaml")
    return {"inst-01": dispute.model_copy(update={"reference": key}),
            "inst-02": load_case_file(DATA / "cases" / "inst-02.yaml")}


def _answer(name: str) -> FormulationAnswer:
    return load_answer_file(DATA / "answers" / name)


def _score(case, answer: str | FormulationAnswer, **options):
    return score_formulation(answer, case.reference, case=case, **options)


# --- 1. an area named as the conclusion is named -----------------------------------------------------------------

NOT_NAMED = "does not name an area"


@pytest.mark.parametrize("text", [
    "He is depressed and withdrawn and doesn't see anyone, so interpersonal deficits. Goals: reduce isolation.",
    "He is depressed and withdrawn and does not see anyone, so this is interpersonal deficits.",
    "He doesn't see his old friends any more; therefore interpersonal deficits, lifelong.",
])
def test_an_area_concluded_after_a_denied_see_is_chosen(inst, text):
    """Must gain: the denial ("doesn't see anyone") is the premise; the area after "so" is the conclusion."""
    report = _score(inst["inst-02"], text)
    area = feedback(report, "problem_area")
    assert NOT_NAMED not in area
    assert area.startswith("You chose interpersonal deficits")
    assert points(report, "problem_area") == 3.0


@pytest.mark.parametrize("text", [
    "I don't see this as interpersonal deficits.",
    "I do not see it as interpersonal deficits; he has a job and talks to Priya every week.",
])
def test_a_denied_belief_about_the_area_itself_stays_a_denial(inst, text):
    """Must not gain: "I don't see this as deficits" denies the area; nothing concludes it."""
    report = _score(inst["inst-02"], text)
    assert not feedback(report, "problem_area").startswith("You chose interpersonal deficits")


def test_the_instructors_answer_is_told_it_chose_the_area(inst):
    area = feedback(_score(inst["inst-02"], _answer("e2.txt")), "problem_area")
    assert NOT_NAMED not in area and area.startswith("You chose interpersonal deficits")


def test_an_answer_that_names_no_area_is_still_told_so(inst):
    """Must appear: no area is named at all, and the focus is read from the reasoning."""
    text = ("He has had no close friend since primary school and has never had a partner; nothing happened before "
            "March. I would help him make friends and practise conversations.")
    area = feedback(_score(inst["inst-02"], text), "problem_area")
    assert area.startswith("Your answer does not name an area; its reasoning reads as interpersonal deficits")


def test_an_area_named_only_to_be_set_aside_is_not_called_unnamed(inst):
    """An answer that names deficits only to turn from it, and whose reasoning reads as another area, names an
    area: it is told it names none as its focus."""
    text = "I do not think it is so much interpersonal deficits; he is lonely since the move."
    area = feedback(_score(inst["inst-02"], text), "problem_area")
    assert NOT_NAMED not in area
    assert area.startswith("Your answer names no area as its focus; its reasoning reads as")


# --- 2. the sentences on the patient's story claim only what the answer lacks --------------------------------

def test_a_story_told_in_one_sentence_with_plain_words_is_not_said_to_say_little(inst):
    """e1: husband, money, son's studies, no talking, depressed since: not 'says little about the story'."""
    evidence = feedback(_score(inst["inst-01"], _answer("e1.txt")), "evidence_timeline")
    assert "says little about this patient's own story" not in evidence
    assert ONE_SENTENCE_FACTS_FEEDBACK in evidence


def test_a_name_in_front_of_a_textbook_paragraph_still_says_little(library):
    """Must still appear: names only, with a paragraph about the area."""
    text = ("Sander. Interpersonal deficits means a long-standing pattern of few relationships and social isolation. "
            "The goals are to reduce isolation and to help the patient form new relationships. Strategies include a "
            "review of past relationships, role play of social skills and the therapeutic relationship as a model.")
    report = score(library.get("p-08"), text)
    evidence = feedback(report, "evidence_timeline")
    assert "few_case_facts" in report.flags
    assert FEW_FACTS_FEEDBACK in evidence or ONE_SENTENCE_FACTS_FEEDBACK in evidence


def test_words_of_the_story_that_any_account_uses_are_not_called_no_detail(inst):
    """e3 speaks of working from home, lifelong isolation and no death: the sentence says that beyond such words
    nothing of this patient is named, not that nothing is."""
    report = _score(inst["inst-02"], _answer("e3.txt"))
    evidence = feedback(report, "evidence_timeline")
    assert "The answer names no person, event, date or detail" not in evidence
    assert NO_FACTS_FEEDBACK in evidence and NO_FACTS_FEEDBACK.startswith("Beyond words any account")
    assert "(no event, date or detail of the case)" not in feedback(report, "goals")


# --- 3. a stage word in a list is said as named in the list ---------------------------------------------------

def test_a_stage_word_in_a_list_that_chose_the_dispute_is_said_as_listed(inst):
    """Decision (rubric: the stage is identified by naming it; a list's "role dispute" names the area): the list's
    "impasse" names the stage and keeps its point, and the sentence says the list names it."""
    report = _score(inst["inst-01"], _answer("inst-01-S4.yaml"))
    evidence = feedback(report, "evidence_timeline")
    assert "You staged the role dispute as impasse" not in evidence
    assert "Your list names the dispute's stage as impasse, which fits the case." in evidence
    assert points(report, "evidence_timeline") == 1.0


def test_a_stage_argued_in_prose_is_still_staged(inst):
    """Must appear: a sentence stages the dispute."""
    text = ("Role dispute with Karim about the savings he lent Walid in September, now at impasse: they stopped "
            "talking in November, when her symptoms began.")
    evidence = feedback(_score(inst["inst-01"], text), "evidence_timeline")
    assert "You staged the role dispute as impasse, which fits the case." in evidence


def test_the_stage_field_is_not_said_as_listed(inst):
    answer = FormulationAnswer(text="role dispute, Karim, savings, communication analysis, role play, decision "
                               "analysis, expectations, options", primary_area=ProblemArea.ROLE_DISPUTE,
                               dispute_stage=DisputeStage.IMPASSE)
    evidence = feedback(_score(inst["inst-01"], answer), "evidence_timeline")
    assert "Your list names" not in evidence and "You staged the role dispute as impasse" in evidence


def test_a_list_that_chooses_no_area_earns_no_stage(inst):
    text = "impasse, grief, role transition, Karim, savings, sofa, Sami, Walid, November, book club"
    report = _score(inst["inst-01"], text)
    assert "fits the case" not in feedback(report, "evidence_timeline")
    assert points(report, "evidence_timeline") <= 0.5


# --- 4. the sentences add up to the points shown ----------------------------------------------------------------

_PARTS = re.compile(r"The ([\d.]+) points? here (?:is|are) ([\d.]+) for the evidence cited, ([\d.]+) for the "
                    r"timeline link(?: and|,) ([\d.]+)?(?: for the dispute stage)?")


@pytest.mark.parametrize("case_id, name", [
    ("inst-01", "inst-01-S4.yaml"), ("inst-01", "e1.txt"), ("inst-01", "inst-01-S3.yaml"),
    ("inst-01", "Role dispute with Karim over the savings he lent Walid in September; onset in November. I'd help "
                "them get out of the impasse and talk again."),
])
def test_points_from_the_link_or_the_stage_are_accounted_for(inst, case_id, name):
    answer = _answer(name) if (DATA / "answers" / name).exists() else name
    report = _score(inst[case_id], answer)
    criterion = report.criterion("evidence_timeline")
    found = _PARTS.search(criterion.feedback)
    assert found, criterion.feedback
    total, *parts = (float(x) for x in found.groups() if x is not None)
    assert total == criterion.points == sum(parts)


def test_the_keyword_list_says_where_its_point_comes_from(inst):
    evidence = feedback(_score(inst["inst-01"], _answer("inst-01-S4.yaml")), "evidence_timeline")
    assert "You cited 0 of 4 key pieces of case evidence" in evidence
    assert "The 1 point here is 0 for the evidence cited, 0 for the timeline link and 1 for the dispute stage." in (
        evidence)


@pytest.mark.parametrize("case_id, name", [("inst-01", "inst-01-S1.yaml"), ("inst-02", "inst-02-S1.yaml"),
                                           ("inst-02", "t.txt")])
def test_no_account_where_the_items_alone_explain_the_points(inst, case_id, name):
    """Must not appear: full credit, or points from the items alone."""
    evidence = feedback(_score(inst[case_id], _answer(name)), "evidence_timeline")
    assert " here is " not in evidence and " here are " not in evidence


# --- 5. the advice on the link does not push toward an event the case may not have -------------------------------

OLD_LINK = "Link the onset in time to the interpersonal event (e.g. 'symptoms began two months after ...')."
OWN_FOCUS_LINK = "if no such event came before the onset, reconsider the focus"


def test_a_transition_answer_to_the_deficits_case_is_not_sent_looking_for_an_event(inst):
    evidence = feedback(_score(inst["inst-02"], _answer("e3.txt"), reveal=False), "evidence_timeline")
    assert OLD_LINK not in evidence
    assert OWN_FOCUS_LINK in evidence
    shown = feedback(_score(inst["inst-02"], _answer("e3.txt"), reveal=True), "evidence_timeline")
    assert OLD_LINK not in shown and "Show that no death, dispute or life change came before the onset" in shown


def test_the_advice_without_the_key_is_the_same_on_an_event_case(inst, library):
    """Nothing of the key is given away: the same sentence on the dispute case and the deficits case."""
    transition = "Role transition: he works from home and misses the office. Goals: mourn the old role."
    sentences = set()
    for case in (inst["inst-02"], inst["inst-01"], library.get("p-05")):
        evidence = feedback(_score(case, transition, reveal=False), "evidence_timeline")
        if "You tied the onset" in evidence:
            continue
        start = evidence.index("Link the onset")
        sentences.add(evidence[start:evidence.index("the focus.", start)])
    assert len(sentences) == 1


def test_with_the_key_shown_an_event_case_still_asks_for_the_link(library):
    """Must appear: the key shown has an event before the onset."""
    text = "Focus: RT. Lost team lead role (9 yrs), futsal league, friends; works alone from home. Goals: mourn."
    evidence = feedback(score(library.get("p-05"), text, reveal=True), "evidence_timeline")
    assert OLD_LINK in evidence


# --- 6. an assessment case given as the reference says where its key is -----------------------------------------

def test_an_assessment_case_file_names_where_its_key_is(monkeypatch, tmp_path):
    monkeypatch.delenv("IPT_COURSE_KEYS", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CaseFileError) as caught:
        load_case_and_reference(DATA / "cases" / "inst-01.yaml")
    text = " ".join(caught.value.problems)
    assert "assessment case" in text and "source/keys/cases/inst-01.yaml" in text


def test_a_practice_case_file_is_its_own_reference():
    case, reference = load_case_and_reference(DATA / "cases" / "inst-02.yaml")
    assert case is not None and reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS


def _course(root: Path) -> Path:
    (root / "cases").mkdir(parents=True)
    (root / "source" / "keys" / "cases").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text('c = get_config()\nc.IPTCourse.case_dirs = ["cases"]\n')
    (root / "cases" / "inst-01.yaml").write_bytes((DATA / "cases" / "inst-01.yaml").read_bytes())
    key = root / "source" / "keys" / "cases" / "inst-01.yaml"
    key.write_bytes((DATA / "keys" / "cases" / "inst-01.yaml").read_bytes())
    return key


def test_in_a_course_the_message_names_the_key_file_and_the_key_finds_its_case(monkeypatch, tmp_path):
    """The instructor's own case is found for its key (so the answer is scored with the case's names and facts, as
    the graded assignment scores it), and the case file's message names the course's key file."""
    monkeypatch.delenv("IPT_COURSE_KEYS", raising=False)
    key = _course(tmp_path / "course")
    monkeypatch.chdir(tmp_path)  # outside the course: both are found from the files' own places
    case, reference = load_case_and_reference(key)
    assert case is not None and case.id == "inst-01" and reference.dispute_stage is DisputeStage.IMPASSE
    with pytest.raises(CaseFileError) as caught:
        load_case_and_reference(tmp_path / "course" / "cases" / "inst-01.yaml")
    assert str(key.resolve()) in " ".join(caught.value.problems)
