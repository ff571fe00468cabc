"""The case's people named by their relation to the patient (round 14, names14): "her dad" is Yerlan.

Trainees write "her father's death", "the daughter's business", "her husband says it will pass" where the case's
evidence sentence names the person ("Her father Yerlan died of a stroke", "Wambui expects Grace to ... store her
clothing business", "Rustam says it will pass"). The inventory says who each person is, so a per-case table reads the
relation word as the person's name (:mod:`ipt_training.scoring.relation_names`), beside a word the item says of that
person. These tests hold the table and the reading with answers that must gain and answers that must not: a relation
word alone or in a list, a relation word beside a word the item says of someone else, the wrong person, a person two
people of the inventory could be, a person of another case. The answers in ``tests/data/names14/`` are invented
(none comes from a benchmark set), marked as an examiner would, and run against study-half cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from scoring_helpers import benchmark_case

from ipt_training.cases.model import Case
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.relation_names import relation_names
from ipt_training.scoring.report import FormulationAnswer

_DATA = Path(__file__).resolve().parent / "data" / "names14"


def _cited(case: Case, text: str) -> set[str]:
    assert case.reference is not None
    return set(score_formulation(FormulationAnswer(text=text), case.reference, case=case).evidence_cited)


def _y01() -> Case:
    return benchmark_case("formulation_dev_i", "y-01")  # grief: "Her father Yerlan died of a stroke in March 2025."


# ------------------------------------------------------------------------------------------------ the table


def test_the_table_gives_each_person_the_head_of_their_relationship() -> None:
    table = relation_names([("Yerlan", "father, died March 2025"), ("Liesl", "wife of 44 years"),
                            ("Njeri", "younger sister in Eldoret"),
                            ("Craig", "manager at the outdoor-education centre"),
                            ("Saodat-opa", "mother-in-law, same house"), ("Hassan", "former husband")])
    assert table["Yerlan"][:2] == ("father", "dad")
    assert table["Liesl"] == ("wife",)
    assert table["Njeri"] == ("sister", "sis")
    assert table["Craig"] == ("manager", "boss")
    assert "mother-in-law" in table["Saodat-opa"]
    assert {"husband", "ex-husband", "ex"} <= set(table["Hassan"])


def test_a_word_two_people_share_or_a_relation_of_someone_else_names_nobody() -> None:
    table = relation_names([("Thomas", "son, 45"), ("Martin", "son, lives abroad"), ("Mette", "Jesper's widow"),
                            ("Murugan", "husband's younger brother"), ("Depot colleagues", "colleagues"),
                            ("Ama", "nurse on the ward"), ("Luz", "someone he met online")])
    assert table == {}


# ------------------------------------------------------------------------------------------ answers that gain


@pytest.mark.parametrize("text", [
    "Grief: her father's death in March.",
    "Grief. Her dad died 3/25.",
    "Dear Aigerim, your dad died in March and since then you have been the strong one.",
])
def test_the_death_said_of_her_father_cites_the_item_that_names_him(text: str) -> None:
    assert "father_died" in _cited(_y01(), text)


def test_the_daughters_business_cites_what_the_daughter_expects() -> None:
    case = benchmark_case("formulation_dev_d", "h-05")
    text = "Role dispute with the daughter over the business she keeps in the flat."
    assert "childcare_business" in _cited(case, text)


def test_what_the_husband_says_cites_the_item_where_he_says_it() -> None:
    case = benchmark_case("formulation_dev_n", "n-11")  # "Rustam says it will pass and she fears speaking ..."
    assert "no_attempt" in _cited(case, "Dispute with the mother-in-law; her husband says it will pass.")


# ------------------------------------------------------------------------------------- answers that must not


@pytest.mark.parametrize("text", [
    "Grief. Her father. Her husband. Her son. Her brother.",
    "Grief. Evidence: father, husband, son, brother, friend, death, March, May, flat, funeral.",
    "Grief: her husband's death in March.",  # the wrong person: Marat is alive
])
def test_a_relation_word_alone_in_a_list_or_of_the_wrong_person_cites_no_death(text: str) -> None:
    assert "father_died" not in _cited(_y01(), text)


def test_the_wrong_person_in_the_dispute_cites_nothing() -> None:
    case = benchmark_case("formulation_dev_d", "h-05")  # the dispute is with Wambui, the daughter
    assert "childcare_business" not in _cited(case, "Role dispute with her husband about money and the business.")


def test_a_relation_word_beside_what_the_item_says_of_someone_else_cites_nothing() -> None:
    """m-09: "He gave away her clothes within a week, has not visited the grave and changes the subject when Thomas
    mentions her": the visits are his, not Thomas's; "his son rarely visits" is no avoidance of the grave."""
    case = benchmark_case("formulation_dev_m", "m-09")
    assert _cited(case, "Role transition to retirement: his son lives in Linz and rarely visits.") == set()


def test_a_relation_word_beside_what_another_item_also_says_of_the_person_cites_only_the_first() -> None:
    """q-07: Ricky's death is the item of his death, not the one of the anger that he "started drinking again" and
    "you must not speak badly of the dead"."""
    case = benchmark_case("formulation_dev_o", "q-07")
    cited = _cited(case, "Grief - his brother died in the ice accident in 2024.")
    assert "brother_death" in cited and "forbidden_anger" not in cited


def test_a_person_of_another_case_is_nobody_here() -> None:
    case = benchmark_case("formulation_dev_s", "f-07")  # Lakshmi's husband Senthil, not Tran's wife Lan
    assert "sudden_death" not in _cited(case, "Grief: his wife Lan died. I would help him mourn her.")


# ------------------------------------------------------------------------------- names14's invented answers


def _marked(name: str) -> list[dict]:
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("batch", ["answers-a.yaml", "answers-b.yaml"])
def test_the_invented_answers_get_the_examiners_evidence_marks(batch: str) -> None:
    """Mean absolute error of the evidence criterion over each invented batch, against the marks set before it was
    scored (batch A before the change, batch B after it); the answers the scorer still misreads are listed in the
    batch's notes."""
    errors = []
    for item in _marked(batch):
        case = benchmark_case(item["case_set"], item["case_id"])
        assert case.reference is not None
        report = score_formulation(FormulationAnswer(text=item["answer"]["text"]), case.reference, case=case)
        expected = float(item["expert"]["evidence_timeline"]) + float(item["expert"].get("dispute_stage") or 0)
        errors.append(abs(report.criterion("evidence_timeline").points - expected))
    assert sum(errors) / len(errors) < 0.3


# --------------------------------------------------------------- the first anniversary said in other words


def _s01() -> Case:
    return benchmark_case("formulation_dev_q", "s-01")  # "... eleven months after Lan died, as the first anniversary
    # approached"


@pytest.mark.parametrize("text", [
    "Grief. His wife died in April 2024 and he never mourned her. The symptoms came in March 2025, just before the "
    "one-year mark.",
    "Grief. His wife died in April 2024 and he never mourned her. His low mood began as the first year came round.",
])
def test_the_first_year_said_without_the_word_anniversary_is_the_anniversary_link(text: str) -> None:
    assert "onset_before_anniversary" in _cited(_s01(), text)


@pytest.mark.parametrize("text", [
    # the first year of something else, with nothing coming round
    "Grief. His wife died in April 2024 and he never mourned her. In his first year at the bakery he was happy.",
    # a list of words
    "Grief. Wife, death, April, one-year mark, ovens, sewing room.",
])
def test_a_first_year_of_something_else_or_in_a_list_is_no_link(text: str) -> None:
    assert "onset_before_anniversary" not in _cited(_s01(), text)


def test_the_one_year_mark_is_no_link_where_the_case_has_no_anniversary() -> None:
    """y-01's link is "two months after her father died": a one-year mark is no tie of this case."""
    text = "Grief. Her father died in March 2025. The symptoms came in May, just before the one-year mark."
    report = score_formulation(FormulationAnswer(text=text), _y01().reference, case=_y01())  # type: ignore[arg-type]
    base = score_formulation(FormulationAnswer(text=text.replace(", just before the one-year mark", "")),
                             _y01().reference, case=_y01())  # type: ignore[arg-type]
    assert report.criterion("evidence_timeline").points <= base.criterion("evidence_timeline").points
