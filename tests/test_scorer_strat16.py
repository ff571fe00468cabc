"""Strategies said in plain or shorthand words (round 16, strat16).

The study halves' answers whose strategies the scorer marked below the examiner were read one by one: most of the
difference is the examiners' share rule (full credit at about half of the key), but a part is strategies the
answers state and the scorer did not read. These tests hold the readings added for the most common of those, each
with plans that must gain and plans that must not:

* the relationship with the dead gone over by name after a verb of the plan ("explore his relationship with
  Fatma", "talk through the relationship with her brother", "talk about the wife", "talking about who Yolande was
  to her", "what Ricky was like") is the reconstruction of that relationship; the living named there are not the
  dead, what someone was doing is no portrait, and only a plan sentence of a grief plan reads it;
* a name written with its accents ("Paweł", "Tomás") is the name the answer's words carry ("pawel", "tomas"), so a
  plan that talks about the dead by name is read as one that talks about "him";
* a cue read with a gap that begins inside the phrase before it ("review old vs new, build new supports": "new
  build new supports") gives way to the same cue read without the gap, so the phrase before keeps its reading; a
  gapped reading that begins no other phrase ("mourn her old role") stays;
* the death gone over with a possessive ("the circumstances of her death") is the events of the death;
* a new network of support in its common words ("social supports", "a support group", "back in contact with",
  "build a social life") is new support; contact lost and a social life had before are not;

and the invented batch tests/data/strat16/answers-a.yaml (written before the change, marked as an examiner would)
reads its strategies as marked on more answers, while its keyword lists, CBT plan, retelling, wrong area and
living children gain nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import benchmark_case, points, score

from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import _people_of
from ipt_training.scoring.plain_plan import plain_plan_concepts
from ipt_training.text.normalize import clauses

_RECONSTRUCT = "strategy:grief.reconstruct"
_GRIEF = {ProblemArea.GRIEF}
_FATMA = frozenset({"fatma", "wife"})
_YOLANDE = frozenset({"yolande", "sister"})


@pytest.mark.parametrize(("text", "found"), [
    ("I'd explore his relationship with Fatma, the good years and the rows", True),
    ("Strategies: explore rel'ship w/ Fatma", True),
    ("we will talk through the relationship with his wife", True),
    ("Technics: we will talk about the wife and encourage emotion", True),
    ("I will help him to talk about relation with Fatma", True),
    ("I would explore his relationship with his daughter Elif", False),  # the living: no reconstruction
    ("I would talk about his son Murat in Istanbul", False),
    ("I'd talk about what he was doing that night", False),  # what someone was doing is no portrait
    ("He explored his relationship with Fatma with his imam last year.", False),  # told, not planned
])
def test_the_relationship_with_the_dead_by_name(text: str, found: bool) -> None:
    assert (_RECONSTRUCT in plain_plan_concepts(clauses(text), _GRIEF, dead=_FATMA)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("The goal would be to help her mourn, starting by talking about who Yolande was to her", True),
    ("I'd want her to talk through who she was to her", True),
    ("I'd encourage him to talk about what Yolande was like", True),
    ("I'd talk about what she was told at the hospital", False),
])
def test_who_the_dead_was(text: str, found: bool) -> None:
    assert (_RECONSTRUCT in plain_plan_concepts(clauses(text), _GRIEF, dead=_YOLANDE)) is found


def test_only_a_grief_plan_and_only_with_the_dead_known() -> None:
    plan = "I'd explore his relationship with Fatma"
    assert _RECONSTRUCT not in plain_plan_concepts(clauses(plan), {ProblemArea.ROLE_TRANSITION}, dead=_FATMA)
    assert _RECONSTRUCT not in plain_plan_concepts(clauses(plan), _GRIEF)  # no case: nobody is known to be dead


def test_names_with_accents_are_the_answers_words() -> None:
    assert _people_of(("Paweł", "Tomás Ruiz", "Marie-Thérèse Joseph")) == {"pawel", "tomas", "marie"}
    case = benchmark_case("formulation_dev_s", "f-01")
    told = ("Grief: his brother Paweł was killed in May 2023 and the low mood came in May 2024, at the anniversary. "
            "I'd like us to meet weekly and talk about Paweł.")
    assert points(score(case, told), "strategies") == 0.5  # one strategy of the key: the reconstruction
    neither = told.replace("talk about Paweł", "talk about work")
    assert points(score(case, neither), "strategies") == 0.0


def test_a_shorthand_list_keeps_each_item() -> None:
    case = benchmark_case("formulation_dev_u", "g-03")
    note = ("PA: RT (epilepsy dx 11/24, licence suspended). Onset 12/24 (1/12). Ev: stopped Friday tea, cousin "
            "drives the truck. Goals: mourn old role; mastery. Str: review old vs new, build new supports.")
    assert points(score(case, note), "strategies") == 1.5  # two of the key: the review and the new support
    listed = "Role transition. Licence. Epilepsy. Truck. Review old vs new. New supports. 12 sessions."
    assert points(score(case, listed), "strategies") <= 0.5  # a keyword list earns a token at most


def test_a_gapped_phrase_of_its_own_stays() -> None:
    # "mourn her old role" is one phrase (mourning the old role), not "mourn" for grief and "old role" apart
    case = benchmark_case("formulation_dev_t", "l-01")
    wrong = ("Role transition: Jean-Robert retired in April 2024 and is home all day; her low mood began in October. "
             "Goals: mourn her old role in the family, gain mastery in new roles. Strategies: review old vs new "
             "roles, feelings about the change.")
    assert points(score(case, wrong), "goals") == 0.0  # transition goals earn nothing for a grief key


def test_the_circumstances_of_her_death() -> None:
    case = benchmark_case("formulation_dev_t", "l-01")
    plan = ("Grief for her sister Yolande, who died in November 2023; the low mood began in October 2024, near the "
            "anniversary. I'd go over the circumstances of her death.")
    assert points(score(case, plan), "strategies") == 0.5
    other = plan.replace("her death", "her retirement")
    assert points(score(case, other), "strategies") == 0.0


_NOTE = ("PA: RT (epilepsy dx 11/24, licence suspended). Onset 12/24. Ev: stopped Friday tea, cousin drives the "
         "truck. Goals: mourn old role; mastery. ")


@pytest.mark.parametrize(("plan", "credit"), [
    ("Plan: social supports.", 0.5),
    ("Plan: refer him to a local support group.", 0.5),
    ("Plan: get him back in contact with the depot drivers.", 0.5),
    ("Plan: help him build a social life again.", 0.5),
    ("Plan: weekly sessions.", 0.0),
    ("He lost contact with the depot drivers. Plan: weekly sessions.", 0.0),
    ("He had a busy social life before. Plan: weekly sessions.", 0.0),
])
def test_new_support_in_its_common_words(plan: str, credit: float) -> None:
    case = benchmark_case("formulation_dev_u", "g-03")
    assert points(score(case, _NOTE + plan), "strategies") == credit


_BATCH = yaml.safe_load((Path(__file__).parent / "data" / "strat16" / "answers-a.yaml").read_text("utf-8"))
#: Batch A's answers whose strategies the scorer still reads otherwise than marked, and why.
_STILL_MISSED = {
    "s16a06": "the hedge halves the plan (two readings), so one strategy rounds to 0",
    "s16a07": "'the two days she waited for care' is not read as the events of the death",
    "s16a15": "the onset dated beside the death earns the key's link strategy, which the examiner did not count",
    "s16a17": "'he talks about the day she died' tells what he does; it is read as a plan",
    "s16a19": "the area is not read from the plain prose (prose16's readers), so the plan is not read",
    "s16a20": "'look fairly at the old life and the new one' is not read as the review",
    "s16a21": "'that day in May when the call came' is not read as the events of the death",
    "s16a22": "the line break before 'Fatma' cuts the clause after 'relation with'",
    "s16a23": "'narrate the 2 days and the burial by phone' is not read as the events of the death",
}


@pytest.mark.parametrize("item", [pytest.param(i, id=i["id"], marks=[pytest.mark.xfail(
    reason=_STILL_MISSED[i["id"]], strict=True)] if i["id"] in _STILL_MISSED else []) for i in _BATCH])
def test_batch_a_strategies_as_marked(item: dict) -> None:
    case = benchmark_case(item["case_set"], item["case_id"])
    assert points(score(case, item["answer"]["text"]), "strategies") == item["expert"]["strategies"]
