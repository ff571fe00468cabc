"""A senior trainer's review of the lessons (round 12 of issue 11): sentences that disagreed with the clinical
reference (../shared/ipt-reference.md). Each test failed on the lessons as they were before the review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ipt_training.domain import DISPUTE_STAGE_DEFINITIONS, DisputeStage, ProblemArea
from ipt_training.widgets.tables import area_plan_table

COURSE = Path(__file__).resolve().parents[1] / "course"


def _lesson_text(name: str) -> str:
    cells = json.loads((COURSE / name).read_text())["cells"]
    return " ".join(" ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown")


def _rows(area: ProblemArea) -> list[tuple[str, str]]:
    cells = re.findall(r"<td[^>]*>(.*?)</td>", area_plan_table(area).data)
    return list(zip(cells[::2], cells[1::2], strict=True))


def test_deficits_plan_has_no_event_to_link_the_onset_to() -> None:
    """Reference 3.4: deficits means no acute life event; the table shows what takes the link's place."""
    deficits = _rows(ProblemArea.INTERPERSONAL_DEFICITS)
    assert not any("link symptom onset" in what for _, what in deficits)
    assert any("long-standing pattern" in what for _, what in deficits)
    for area in (ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION):
        assert ("General strategy", "link symptom onset to the interpersonal event") in _rows(area), area


@pytest.mark.parametrize(("area", "kind"), [(ProblemArea.INTERPERSONAL_DEFICITS, "Strategy"),
                                            (ProblemArea.ROLE_DISPUTE, "General strategy"),
                                            (ProblemArea.GRIEF, None), (ProblemArea.ROLE_TRANSITION, None)])
def test_the_therapeutic_relationship_is_shown_where_the_reference_uses_it(area: ProblemArea, kind: str | None) -> None:
    """Reference 3.4 and 4: a deficits strategy, used mainly for deficits and disputes."""
    kinds = [k for k, what in _rows(area) if "therapeutic relationship" in what]
    assert kinds == ([kind] if kind else [])


def test_the_inventory_covers_past_and_present_people_and_the_dead() -> None:
    """Reference 5 (past and present) and 3.1 (not asking about deaths hides grief)."""
    text = _lesson_text("08_first_sessions.ipynb")
    assert "life *now*" not in text
    assert "past and present, including anyone who has died" in text


def test_delayed_grief_needs_unmourned_death_linked_to_the_onset() -> None:
    """Reference 3.1: a long-past death is grief when mourning never happened and the episode is linked to it; a
    mourned death not linked in time is not the focus (the p-09 key)."""
    text = _lesson_text("09_grief.ipynb")
    assert 'into "not relevant": delayed grief is grief.' not in text
    assert "never mourned" in text and "not the focus" in text


def test_impasse_strategy_says_to_explain_and_to_check_safety() -> None:
    impasse = DISPUTE_STAGE_DEFINITIONS[DisputeStage.IMPASSE]
    assert "explain to the patient" in impasse and "violence" in impasse


@pytest.mark.parametrize("name", ["03_problem_areas.ipynb", "17_fidelity_and_training.ipynb"])
def test_lessons_do_not_promise_more_than_the_scorer_does(name: str) -> None:
    text = _lesson_text(name)
    assert "marks your reasoning" not in text
    assert "looks for your reasoning" in text and "instructor" in text
