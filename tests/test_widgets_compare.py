"""Side-by-side comparison after an attempt, inventory placement and onset-event feedback."""

from __future__ import annotations

from ipt_training.cases.model import Closeness
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.widgets.compare import (
    formulation_comparison_html,
    inventory_feedback_rows,
    life_events,
    linked_events,
    onset_event_feedback,
)
from ipt_training.widgets.render import MARK_MISSING, MARK_RIGHT, MARK_WRONG


def _practice(library, area: ProblemArea):
    return next(c for c in library if c.reference is not None and c.set.value == "practice"
                and c.reference.primary_area is area and c.traps == [])


def test_comparison_shows_both_texts_the_rationale_and_every_evidence_item(library):
    case = _practice(library, ProblemArea.GRIEF)
    text = "I think this is about her husband dying; she has not cried."
    report = score_formulation(text, case.reference, reveal=True)
    page = formulation_comparison_html(case, text, report)
    assert "Your formulation" in page and "Model formulation" in page
    assert "not cried" in page and case.reference.rationale[:30].replace("'", "&#x27;") in page
    assert page.count("<tr>") == len(case.reference.key_evidence) + 1
    assert "missed" in page


def test_inventory_feedback_marks_right_wrong_and_unplaced_people(library):
    case = _practice(library, ProblemArea.ROLE_TRANSITION)
    first, second, *rest = case.inventory
    wrong_ring = next(r for r in Closeness if r is not second.closeness)
    rows = inventory_feedback_rows(case, {first.name: first.closeness, second.name: wrong_ring})
    marks = {row[0]: row[1] for row in rows}
    assert marks[first.name] == MARK_RIGHT and marks[second.name] == MARK_WRONG
    assert all(marks[p.name] == MARK_MISSING for p in rest)


def test_the_onset_event_is_an_event_before_onset_and_others_are_corrected(library):
    for case in library:
        if case.reference is None or case.reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
            continue
        targets = linked_events(case)
        assert targets, case.id
        assert all(e.date <= case.symptom_onset for e in targets), case.id
        assert MARK_RIGHT in onset_event_feedback(case, targets[0])
        others = [e for e in life_events(case) if e not in targets]
        if others:
            assert MARK_WRONG in onset_event_feedback(case, others[0])
        assert MARK_WRONG in onset_event_feedback(case, None, none_chosen=True)


def test_in_deficits_no_event_is_the_right_answer(library):
    case = _practice(library, ProblemArea.INTERPERSONAL_DEFICITS)
    assert linked_events(case) == []
    assert MARK_RIGHT in onset_event_feedback(case, None, none_chosen=True)
    if life_events(case):
        assert MARK_WRONG in onset_event_feedback(case, life_events(case)[0])


def test_nothing_chosen_gives_nothing_away(library):
    case = _practice(library, ProblemArea.GRIEF)
    message = onset_event_feedback(case, None)
    assert "Choose the event" in message
    assert all(e.event not in message for e in life_events(case))
