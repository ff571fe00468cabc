"""Plain prose and letters to the patient (round 16, prose16): the new role's possibilities asked as what the new
life can be, or what the new place can give.

On the study halves of D-X the goal most often missing from plain-prose and patient-facing transition answers that
lose goals is the realistic view of the new role, said as the plan's question: "work out what your life here can be
now", "what his role in the family could be", "look at what Gurugram can and cannot give". The plain-plan frames
read that question only with "look", "become", "offer" or "hold". These tests hold, each with plans that must gain
and plans that must not:

* "what" + the new life or place named (life, days, role, place, future, ...) + a modal + "be" is the realistic
  view; "what the problem might be" and "what could be wrong with his sleep" name no life and are not;
* "what" + a modal + "give" or "bring" is what the new life may offer, unless everything given is given up, back or
  away ("what the family could give up");
* the reading serves the transition only (a grief or dispute plan with the same words gains nothing from it), and
  only in a plan sentence (the patient's own wondering, told, is no goal);

and the invented batch tests/data/prose16/answers-a.yaml (written before the change, marked as an examiner would)
reads its goals at least as well as before and never past the mark, while its grief and dispute plans, retelling,
keyword list and the two empty "what ... could be" questions gain nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import benchmark_case, points, score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.plain_plan import plain_plan_concepts
from ipt_training.text.normalize import clauses

_REALISTIC = "goal:transition.realistic_new"
_TRANSITION = {ProblemArea.ROLE_TRANSITION}


@pytest.mark.parametrize(("text", "found"), [
    ("I would like us to work out together what your life here can be now.", True),
    ("I would help him think about what his days in Lagos could be.", True),
    ("The work is to think through what his role in the family can be now that someone else drives.", True),
    ("In therapy we see together what can be his place in the family now.", True),  # non-native order
    ("I'd help her explore what her future in Leeds might be.", True),
    ("I'd help him work out what the problem might be with his daughter's help.", False),
    ("I would help him figure out what could be wrong with his sleep.", False),
    ("I'd help him see what it might be like to ask for a lift.", False),
    ("I would help her see what her life was like in Kumasi.", False)])  # the old life, no modal
def test_what_the_new_life_can_be(text: str, found: bool) -> None:
    assert (_REALISTIC in plain_plan_concepts(clauses(text), _TRANSITION)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("I'd help her look at what Leeds can and cannot give her.", True),
    ("I want us to see what this new life in Lekki might bring you.", True),
    ("I'd like us to figure out what school and Caxias could give you now.", True),
    ("I would help him see what the family could give up.", False),
    ("I would help him see what he could give up and what he could give back.", False),
    ("I'd help him think about what he can give up, and what the town can give him.", True),
    ("I'd help him see how much he gave to the church.", False)])
def test_what_the_new_place_can_give(text: str, found: bool) -> None:
    assert (_REALISTIC in plain_plan_concepts(clauses(text), _TRANSITION)) is found


def test_only_the_transition_and_only_a_plan() -> None:
    plan = "I would help her work out what her life here can be now and what Leeds can give her."
    assert _REALISTIC in plain_plan_concepts(clauses(plan), _TRANSITION)
    for other in (ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.INTERPERSONAL_DEFICITS):
        assert not any(c.startswith("goal:transition") for c in plain_plan_concepts(clauses(plan), {other}))
    told = "She often wonders what her life in Leeds could be, and what the city might give her."
    assert _REALISTIC not in plain_plan_concepts(clauses(told), _TRANSITION)


_MENSAH = ("Mrs Mensah sold cloth at Kejetia market and led the women's fellowship in Kumasi; after breaking her wrist "
           "in February she moved to her son's house in Leeds in June, and she has been low since September. She "
           "says she is a guest who must ask for salt. I would help her grieve the life she left behind. Then I "
           "would {plan}")


@pytest.mark.parametrize(("plan", "goals"), [
    # mourning and the realistic view: two of the key's three goals (1 of 3 = 0.5, 2 = 1.5, 3 = 2)
    ("work out with her what her life in Leeds can be now.", 1.5),
    ("look with her at what Leeds can and cannot give her.", 1.5),
    # mourning only: the question asks nothing of the new life
    ("work out with her what the problem might be with Claire.", 0.5),
    ("ask her what the family could give up for her.", 0.5)])
def test_a_whole_answer_earns_the_view_it_plans(plan: str, goals: float) -> None:
    report = score(benchmark_case("formulation_dev_w", "b-11"), _MENSAH.format(plan=plan))
    assert report.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(report, "goals") == goals


_BATCH = Path(__file__).parent / "data" / "prose16" / "answers-a.yaml"
#: goals each answer of batch A earned on b4df707 (before the change), from figures-a-before.txt
_BEFORE = {"p16a01": 0.5, "p16a02": 1.5, "p16a03": 0.5, "p16a04": 0.5, "p16a05": 0, "p16a06": 0.5, "p16a07": 0.5,
           "p16a08": 0.5, "p16a09": 0.5, "p16a10": 1.5, "p16a11": 0.5, "p16a12": 1.5, "p16a13": 1.5, "p16a14": 1.5,
           "p16a15": 1, "p16a16": 2, "p16a17": 0.5, "p16a18": 0, "p16a19": 0, "p16a20": 1.5, "p16a21": 0.5,
           "p16a22": 1.5}
#: a grief plan, a dispute plan, "what the problem might be", a retelling, a keyword list, "what could be wrong"
#: (p16a22 is over-read before and after, by the lexicon's "what could be": an open hole, see the report)
_MUST_NOT_GAIN = {"p16a15", "p16a16", "p16a17", "p16a18", "p16a19", "p16a22"}


@pytest.mark.parametrize("item", yaml.safe_load(_BATCH.read_text(encoding="utf-8")), ids=lambda i: i["id"])
def test_batch_a_reads_no_less_and_never_past_the_mark(item: dict) -> None:
    case = benchmark_case(item["case_set"], item["case_id"])
    got = points(score(case, item["answer"]["text"]), "goals")
    before = _BEFORE[item["id"]]
    if item["id"] in _MUST_NOT_GAIN:
        assert got == before
    else:
        assert before <= got <= item["expert"]["goals"]


def test_batch_a_gains_where_the_question_is_asked() -> None:
    # the letters and notes whose only unread goal was the question (marks: mourning and the view, 1.5)
    items = {i["id"]: i for i in yaml.safe_load(_BATCH.read_text(encoding="utf-8"))}
    for key in ("p16a01", "p16a06", "p16a11", "p16a21"):
        item = items[key]
        got = points(score(benchmark_case(item["case_set"], item["case_id"]), item["answer"]["text"]), "goals")
        assert got == item["expert"]["goals"] == 1.5, key
