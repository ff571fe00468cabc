"""Closeness circle (pure plot) and the inventory editor that redraws it."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case, Closeness, Person
from ipt_training.widgets.inventory import (
    RING_OUTER,
    closeness_positions,
    closeness_summary,
    inventory_editor,
    plot_closeness_circle,
)


@pytest.fixture(scope="module")
def case() -> Case:
    return CaseLibrary.load(keys_dir=False).get("p-05")


def _person(name: str, closeness: str, deceased: bool = False) -> Person:
    return Person(name=name, relationship="friend", closeness=closeness, contact="weekly", expectations="x",
                  deceased=deceased)


def test_people_are_placed_inside_their_own_ring() -> None:
    people = [_person("A", "inner"), _person("B", "middle"), _person("C", "outer"), _person("D", "inner")]
    rings = list(RING_OUTER)
    for person, x, y in closeness_positions(people):
        radius = (x * x + y * y) ** 0.5
        index = rings.index(person.closeness)
        lower = 0.0 if index == 0 else RING_OUTER[rings[index - 1]]
        assert lower < radius < RING_OUTER[person.closeness]


def test_plot_draws_every_person_and_marks_the_deceased() -> None:
    people = [_person("Ana", "inner"), _person("Ben", "outer", deceased=True)]
    fig = plot_closeness_circle(people, patient_label="Pat")
    assert isinstance(fig, Figure)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Pat" in texts
    assert any(t.startswith("Ana") for t in texts)
    assert any(t.startswith("Ben †") for t in texts)


def test_plot_draws_on_a_given_axes() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_closeness_circle([_person("Ana", "middle")], ax=ax) is fig


def test_summary_is_a_text_alternative_with_empty_rings_named() -> None:
    text = closeness_summary([_person("Ana", "inner"), _person("Ben", "inner", deceased=True)])
    assert "Inner circle (closest): Ana (friend), Ben (friend, deceased)" in text
    assert "Outer circle (less close): nobody" in text


def test_editor_redraws_when_closeness_changes(case: Case) -> None:
    editor = inventory_editor(case)
    before = bytes(editor.image.value)
    assert before.startswith(b"\x89PNG")
    first = case.inventory[0]
    assert first.closeness is Closeness.INNER
    editor.closeness[0].value = "outer"
    assert bytes(editor.image.value) != before
    assert editor.people()[0].closeness is Closeness.OUTER
    assert "Outer circle" in editor.summary.value and first.name in editor.summary.value


def test_editor_keeps_edited_expectations(case: Case) -> None:
    editor = inventory_editor(case)
    editor.expectations[1].value = "Weekly calls again"
    assert editor.people()[1].expectations == "Weekly calls again"
    assert case.inventory[1].expectations != "Weekly calls again"  # the case itself is not modified


def test_editor_controls_are_labelled(case: Case) -> None:
    editor = inventory_editor(case)
    for control in (*editor.closeness, *editor.expectations):
        assert control.description and control.tooltip


def _overlapping_labels(people: list[Person], patient: str) -> list[tuple[str, str]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = plot_closeness_circle(people, patient_label=patient)
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax.apply_aspect()
    labels = [t for t in ax.texts if "(" in t.get_text()]  # the people's labels carry "(relationship)"
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [(labels[i].get_text().split("\n")[0], labels[j].get_text().split("\n")[0])
            for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def test_moving_a_person_never_lets_two_labels_overlap() -> None:
    """Seen in JupyterLab (lesson 2): with Clara moved to the outer circle, 'Rosa (sister in Lima)' and 'Tomasz
    (former team colleague and futsal friend)' sat at the same height and their labels ran into each other."""
    case = CaseLibrary.load().get("p-05")
    moved = [p.model_copy(update={"closeness": Closeness.OUTER}) if p.name == "Clara" else p for p in case.inventory]
    assert _overlapping_labels(moved, case.patient.name) == []


def test_no_library_inventory_draws_overlapping_labels() -> None:
    for case in CaseLibrary.load().cases.values():
        assert _overlapping_labels(list(case.inventory), case.patient.name) == [], case.id
