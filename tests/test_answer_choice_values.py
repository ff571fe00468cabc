"""The area and stage a trainee gives are read as the builder shows them as well as by value: the builder's labels
('Grief (complicated bereavement)'), hyphens, capitals and the reference's other names of an area, but nothing
else (a trainee found that typing the builder's own label was ignored by the grader)."""

from __future__ import annotations

import pytest

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.report import FormulationAnswer


@pytest.mark.parametrize("area", list(ProblemArea))
def test_every_label_the_builder_shows_is_read_as_its_area(area: ProblemArea) -> None:
    for given in (area.value, area.label, area.label.upper(), area.value.replace("_", "-"), f" {area.label} "):
        assert FormulationAnswer.from_dict({"primary_area": given}).primary_area is area, given


@pytest.mark.parametrize(("given", "area"), [("interpersonal sensitivity", ProblemArea.INTERPERSONAL_DEFICITS),
                                             ("Role disputes", ProblemArea.ROLE_DISPUTE),
                                             ("interpersonal dispute", ProblemArea.ROLE_DISPUTE),
                                             ("complicated bereavement", ProblemArea.GRIEF)])
def test_the_other_names_of_an_area_are_read(given: str, area: ProblemArea) -> None:
    assert FormulationAnswer.from_dict({"secondary_area": given}).secondary_area is area


@pytest.mark.parametrize("given", ["pain", "personality change", "grief or transition", "dispute", "loneliness", "",
                                   "none", "impasse"])
def test_anything_else_is_no_area(given: str) -> None:
    assert FormulationAnswer.from_dict({"primary_area": given}).primary_area is None


def test_stages_are_read_by_name_in_any_case() -> None:
    for stage in DisputeStage:
        assert FormulationAnswer.from_dict({"dispute_stage": stage.value.capitalize()}).dispute_stage is stage
    assert FormulationAnswer.from_dict({"dispute_stage": "grief"}).dispute_stage is None


def test_a_secondary_ticked_the_same_as_the_primary_is_no_second_focus(library) -> None:
    from ipt_training.scoring.formulation import score_formulation

    case = library.get("p-05")
    area = case.reference.primary_area
    twice = score_formulation(FormulationAnswer(text=case.reference.formulation, primary_area=area,
                                                secondary_area=area), case.reference, case=case)
    once = score_formulation(FormulationAnswer(text=case.reference.formulation, primary_area=area),
                             case.reference, case=case)
    assert twice.detected_secondary is None
    assert twice.total == once.total
    assert "as secondary focus" not in twice.criteria[0].feedback
