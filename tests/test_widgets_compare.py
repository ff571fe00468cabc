"""Side-by-side comparison after an attempt, inventory placement and onset-event feedback."""

from __future__ import annotations

from ipt_training.cases.model import Closeness
from ipt_training.domain import ProblemArea
from ipt_training.scoring.formulation import score_formulation
from ipt_training.widgets.compare import (
    evidence_rows,
    formulation_comparison_html,
    inventory_feedback_rows,
    life_events,
    linked_events,
    onset_event_feedback,
    side_by_side_html,
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
    assert page.count("<tr>") == len(case.reference.key_evidence) + 2  # the header, each item, the timeline link
    assert "missed" in page


def test_the_evidence_table_counts_what_the_criterion_counts_and_reads_as_evidence(library):
    """p-05's items are authored as questions only: the table said "Evidence: Were there deaths...?" and left out
    the timeline link that the evidence criterion told the trainee to look at again."""
    case = library.get("p-05")
    text = ("Amaru, since you moved to Winnipeg you lost your team and your futsal mates. Shall we meet weekly for "
            "twelve sessions? Does that fit?")
    report = score_formulation(text, case.reference, reveal=True, rubric="patient", case=case)
    rows = evidence_rows(case, report)
    link = case.reference.timeline_link
    assert rows[-1][1] == f"Timeline link: {link.hint}"
    assert (link.id in report.evidence_cited) is rows[-1][0].endswith("you cited it")
    assert {row[1] for row in rows[:-1]} == {item.hint for item in case.reference.key_evidence}
    assert "the question it answers" in formulation_comparison_html(case, text, report)
    cited = [row for row in rows if row[0].endswith("you cited it")]
    assert len(cited) == len(report.evidence_cited) and 0 < len(cited) < len(rows)
    described = next(c for c in library if c.reference is not None
                     and all(i.text for i in [*c.reference.key_evidence, c.reference.timeline_link]))
    blank = score_formulation("", described.reference, reveal=True)
    assert evidence_rows(described, blank)[0][1] == described.reference.key_evidence[0].text
    assert "the question it answers" not in formulation_comparison_html(described, "", blank)


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


def test_builder_shows_the_model_only_after_an_attempt_and_never_on_assessment(library):
    from ipt_training.widgets.formulation import formulation_builder

    case = _practice(library, ProblemArea.ROLE_TRANSITION)
    builder = formulation_builder(case, reveal=True)
    assert "Model formulation" not in builder.feedback.value
    builder.check()  # nothing written: no attempt
    assert "Model formulation" not in builder.feedback.value
    builder.text.value = "This is a role transition after the change in his life."
    builder.check()
    assert "Model formulation" in builder.feedback.value
    hidden = formulation_builder(case, reveal=False)
    hidden.text.value = builder.text.value
    hidden.check()
    assert "Model formulation" not in hidden.feedback.value


def test_inventory_practice_starts_unplaced_and_compares_after_check(library):
    from ipt_training.widgets.inventory_practice import inventory_practice

    case = _practice(library, ProblemArea.ROLE_TRANSITION)
    practice = inventory_practice(case)
    assert all(menu.value == "" for menu in practice.placements.values())  # the answer is not pre-filled
    practice.check()
    assert not practice.attempted and practice.comparison.children == ()
    person = case.inventory[0]
    practice.placements[person.name].value = person.closeness.value
    practice.check()
    assert practice.attempted and len(practice.comparison.children) == 2
    assert f"1 of {len(case.inventory)} people placed as in the case" in practice.feedback.value


def test_timeline_practice_gives_feedback_on_the_chosen_event(library):
    from ipt_training.widgets.timeline_practice import NONE_OF_THESE, timeline_practice

    case = _practice(library, ProblemArea.GRIEF)
    practice = timeline_practice(case)
    assert practice.plot.layout.display == "none"
    assert "Choose the event" in practice.check()
    target = linked_events(case)[0]
    practice.choice.value = life_events(case).index(target)
    assert MARK_RIGHT in practice.check()
    practice.choice.value = NONE_OF_THESE
    assert MARK_WRONG in practice.check()
    assert practice.plot.layout.display is None


def test_tagger_shows_the_reference_coding_beside_yours_only_after_an_attempt():
    from ipt_training.communication.library import DialogueLibrary
    from ipt_training.widgets.tagger import tagger_widget

    dialogue = next(d for d in DialogueLibrary.load(keys_dir=False) if d.set.value == "practice")
    tagger = tagger_widget(dialogue, reveal=True)
    tagger.check()
    assert "Reference codes" not in tagger.feedback.value
    first = next(iter(tagger.primary.values()))
    first.value = first.options[1][1]
    tagger.check()
    assert "Reference codes" in tagger.feedback.value


def test_a_very_long_answer_scrolls_in_its_own_column_and_the_model_answer_is_never_cut():
    long = "He lost his team after the move. " * 200
    page = side_by_side_html("Your formulation", long, "Model formulation", "A short model answer.")
    left, right = page.split("Model formulation")
    assert "max-height" in left and "overflow-y:auto" in left and 'tabindex="0"' in left
    assert "max-height" not in right[right.rfind("<div"):] and "A short model answer." in right
    assert "<i>(empty)</i>" in side_by_side_html("Your formulation", "  \n ", "Model formulation", "x")


def test_a_wrong_placement_says_what_the_cases_reason_is(library):
    case = library.get("p-01")
    by_name = {p.name: p for p in case.inventory}
    wrong = {name: next(r for r in Closeness if r is not p.closeness) for name, p in by_name.items()}
    rows = {row[0]: row[2] for row in inventory_feedback_rows(case, wrong)}
    for name, person in by_name.items():
        reason = person.recent_change or f"contact: {person.contact}"
        assert rows[name].endswith(f"({reason}).")
    assert any("(contact: " in text for text in rows.values())  # p-01 has a person known only by contact
