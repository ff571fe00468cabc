"""Round 9 attack on the scorer's new credit: the plan in the case's model words, the onset in its symptom words.

A trainee who does not reason but knows the scorer (and sees the vignette, never the model formulation):

* lists the case's story word by word in a plan sentence ("we will talk about wife, wanted, divorce, marriage, alone,
  decided"): the words of several items of the case's model plan stand side by side there, so the model's key (and
  the plain-words frames, which read other forms of their words) credited goals and strategies for a list of facts
  that plans no work. A clause whose content words are nearly all the story's (five or more) is the story listed:
  the plain-words and model readers skip it (``model_plan.story_listed``), the lexicon reads it as before.

* ties an event to the onset with a plain word of sleep or weight that tells no symptom ("two months after the
  mediation broke down, Nikhil slept at a friend's house"; "... felt the weight of the family"): "slept" and "weight"
  alone were read as the onset, so the key event beside them earned the link. They now tell the onset only with the
  word that makes them a symptom ("slept badly", "has not slept properly", "lost weight"; ``onset_words``).

And a classmate's honest style the self-contradiction rule halved: "At first this looks like grief, but I think the
focus is a role transition" weighs how the case looks at first and chooses once; "this looks like grief" was read
as asserted, so the answer was halved on every criterion as two readings. A first look ("at first", "initially",
"on the surface" with "looks", "seems", "appears") is weighed, not asserted (``areas._first_look``); an area asserted
and then another chosen is still two readings.

Honest answers near them, which name the work in the case's words ("plan the arrangements for the children",
"get back to fishing and basketball") or tell the onset by sleep and weight lost, keep their credit.
"""

from __future__ import annotations

import pytest
from scoring_helpers import points as _points
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.report import FormulationReport


def _score(library: CaseLibrary, case_id: str, text: str, rubric: str = "supervision") -> FormulationReport:
    """``text`` scored against the library case ``case_id`` (tests/scoring_helpers.py's one way to score)."""
    return score(library.get(case_id), text, rubric=rubric)


def _plan(report: FormulationReport) -> float:
    return _points(report, "goals") + _points(report, "strategies")


# The area and the onset's link, with no plan: what the plan sentences below are measured against.
OPENING = {
    "p-19": "Marcelo has major depression. I think the focus is role dispute. It began two months after Patricia "
            "told him she wants a divorce and has decided.",
    "p-30": "Ram has major depression. I think the focus is role transition. It began two months after the back "
            "injury on site, when he was sent home to the village.",
    "p-15": "Ramon has major depression. I think the focus is delayed grief. It began a few weeks after Mia's "
            "wedding, where he gave her Lolita's rosary and left the hall in tears.",
}

# The vignette's words listed in plan sentences (no work named).
LISTED = [
    ("p-19", "We will talk about wife, wanted, divorce, marriage, alone, decided. We will talk about decision, "
             "final, wants, agree, arrangements, children."),
    ("p-19", "We will talk about the wife and the divorce and the marriage and the decision and the arrangements "
             "and the children."),
    ("p-30", "In our sessions we will talk about referred, psychosocial, counsellor, health, post, auxiliary, worker, "
             "building, sites, sent, money, family, roof, school, volleyball, village, team."),
    ("p-15", "In our sessions we will talk about mother, manila, funeral, video, workshop, shifts, grave, wedding, "
             "rosary, hall, tears, fishing, basketball, church."),
]


@pytest.mark.parametrize(("case_id", "plan"), LISTED, ids=["commas", "ands", "one-sentence", "grief"])
def test_the_story_listed_in_a_plan_sentence_plans_nothing(library: CaseLibrary, case_id: str, plan: str) -> None:
    opening = _score(library, case_id, OPENING[case_id])
    listed = _score(library, case_id, f"{OPENING[case_id]} {plan}")
    assert _points(listed, "goals") <= _points(opening, "goals")
    assert _points(listed, "strategies") <= _points(opening, "strategies")


# The same facts with the work said: the model's words still name its items.
HONEST = [
    ("p-19", "I suggest we use decision analysis to plan the arrangements for the children, now that the divorce "
             "is decided."),
    ("p-30", "We will talk about what you have lost, your health and the post abroad, and find ways to bring money "
             "to the family that your back can manage."),
    ("p-15", "I suggest we talk about your mother and your relationship with her, and later how you can get back to "
             "fishing and basketball."),
    # a list of the case's people and places after a word of the work ("re-engage with ...")
    ("p-15", "We will help him mourn his mother, and then help him re-engage with fishing, basketball and his "
             "friends at church."),
]


@pytest.mark.parametrize(("case_id", "plan"), HONEST, ids=["decision", "what-was-lost", "mother", "re-engage"])
def test_a_plan_in_the_case_words_keeps_its_credit(library: CaseLibrary, case_id: str, plan: str) -> None:
    opening = _score(library, case_id, OPENING[case_id])
    honest = _score(library, case_id, f"{OPENING[case_id]} {plan}")
    assert _points(honest, "goals") > _points(opening, "goals")
    assert _plan(honest) >= _plan(opening) + 1.5


# The key event with something the patient did after it, in words of sleep or weight that tell no symptom.
AFTER_EVENT = {
    "p-02": "Nikhil is depressed. I think the focus is role dispute. Two months after the mediation by the "
            "accountant failed, Nikhil {}.",
    "p-11": "Agnieszka is depressed. I think the focus is role transition. Two months after she moved with the "
            "children to a smaller flat, Agnieszka {}.",
}
NO_SYMPTOM = ["went to stay with a friend", "slept at a friend's house",
              "felt the weight of the family on her shoulders"]
SYMPTOM = ["has slept badly and lost weight", "has not slept properly", "lost a lot of weight"]


@pytest.mark.parametrize("case_id", sorted(AFTER_EVENT))
def test_sleep_and_weight_tie_the_onset_only_as_symptoms(library: CaseLibrary, case_id: str) -> None:
    control, *others = (_score(library, case_id, AFTER_EVENT[case_id].format(s)) for s in NO_SYMPTOM)
    for report in others:
        assert _points(report, "evidence_timeline") == _points(control, "evidence_timeline")
        assert report.evidence_cited == control.evidence_cited
    for said in SYMPTOM:
        linked = _score(library, case_id, AFTER_EVENT[case_id].format(said))
        assert _points(linked, "evidence_timeline") > _points(control, "evidence_timeline"), said


P05 = ("Amaru has major depression. {} The depression began two months after the move to Winnipeg. We will mourn "
       "the old role, weigh the good and bad of old and new, and build skills for the new role.")
FIRST_LOOK = ["At first this looks like grief, but I think the focus is a role transition.",
              "It looks like a dispute with Clara at first, but the focus is a role transition.",
              "Initially it seems like grief; I think the focus is a role transition."]
TWO_READINGS = ["I think the focus is grief. On reflection, the real focus is a role transition.",
                "This looks like grief. I think the focus is a role transition."]


def test_a_first_look_weighed_is_not_a_second_reading(library: CaseLibrary) -> None:
    chosen = _score(library, "p-05", P05.format("I think the focus is a role transition."))
    assert "self_contradiction" not in chosen.flags
    for weighed in FIRST_LOOK:
        report = _score(library, "p-05", P05.format(weighed))
        assert "self_contradiction" not in report.flags, weighed
        assert report.total == chosen.total, weighed
    for turned in TWO_READINGS:
        report = _score(library, "p-05", P05.format(turned))
        assert "self_contradiction" in report.flags, turned
        assert report.total < chosen.total, turned
