"""The link in time between the key event and the onset, read against the case's dates (invented case and answers)."""

from __future__ import annotations

import pytest

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.onset_link import onset_timing

CASE = Case.model_validate({
    "id": "x-link-01",
    "title": "A ferry office in Bergen",
    "set": "practice",
    "difficulty": "beginner",
    "patient": {"name": "Ingrid Solberg", "age": 52, "gender": "female",
                "background": "Norwegian ticket clerk at a ferry company, married, two adult sons."},
    "setting": "Outpatient clinic",
    "vignette": ("Ingrid, 52, works in the ticket office of a ferry company. Her older sister Astrid died of "
                 "cancer in March 2025; Ingrid nursed her for a year, organised the funeral and went back to "
                 "work the next week without crying. Since May she has slept badly, lost weight and stopped "
                 "going to the knitting circle the sisters ran together. In April the company moved her to "
                 "a new office by the harbour, which she says she likes. She keeps Astrid's coat in the hall "
                 "and will not let her husband Odd move it."),
    "symptom_onset": "2025-05",
    "timeline": [
        {"date": "2024-03", "event": "Astrid diagnosed with cancer; Ingrid starts nursing her", "kind": "change"},
        {"date": "2025-03", "event": "Astrid dies", "kind": "death"},
        {"date": "2025-04", "event": "Moved to a new office by the harbour", "kind": "change"},
        {"date": "2025-05", "event": "Poor sleep, weight loss, stops the knitting circle", "kind": "symptom"},
    ],
    "inventory": [
        {"name": "Astrid", "relationship": "older sister (died March 2025)", "closeness": "inner",
         "contact": "daily while nursing her", "expectations": "none now", "deceased": True},
        {"name": "Odd", "relationship": "husband", "closeness": "inner", "contact": "daily",
         "expectations": "that she will feel better soon"},
    ],
    "reference": {
        "primary_area": "grief",
        "key_evidence": [
            {"id": "sister_died", "hint": "Whose loss?", "text": "Her sister Astrid died of cancer in March 2025."},
            {"id": "no_tears", "hint": "How did she mourn?",
             "text": "She organised the funeral and went back to work the next week without crying."},
            {"id": "coat", "hint": "What does she keep?", "text": "She keeps Astrid's coat in the hall."},
        ],
        "timeline_link": {"id": "onset_after_death", "hint": "When did it start?",
                          "text": "Her symptoms began in May 2025, two months after Astrid died."},
        "goals": ["grief.mourn", "grief.reinvest"],
        "strategies": ["general.link_onset", "grief.reconstruct"],
        "rationale": "The death of her sister two months before the onset, with mourning put off.",
        "formulation": ("You have depression, a common and treatable illness. It began two months after Astrid "
                        "died, and you have had no room to grieve her. We will meet for twelve weeks. Does "
                        "that fit?"),
    },
})


def _link_points(text: str) -> float:
    return score_formulation(text, CASE.reference, case=CASE).criterion("evidence_timeline").points


def test_the_key_event_is_the_timeline_event_the_link_describes():
    timing = onset_timing(CASE, CASE.reference)
    assert timing is not None
    assert timing.spans() == {2}  # March to May; the April office move is not the link's event


@pytest.mark.parametrize("text", [
    "PA: grief. Sister Astrid d. 3/25, sx 5/25. No tears at the funeral.",
    "Grief. Astrid died in March 2025. Symptoms from May. She did not cry at the funeral.",
    ("Grief. Astrid died of cancer and Ingrid went straight back to work. She never cried. "
     "Two months later she was sleeping badly and losing weight."),
])
def test_a_dated_sequence_or_the_case_span_states_the_link(text):
    unlinked = _link_points(text.replace("5/25", "").replace("Symptoms from May", "She is low")
                            .replace("Two months later she", "Now she"))
    assert _link_points(text) == unlinked + 1.0


@pytest.mark.parametrize("text", [
    # the dates of another event (the office move) are not the key event's
    "Role transition. She moved office in April 2025, sx 5/25. Astrid died.",
    # a span that is not the case's
    "Grief. Astrid died of cancer. She organised the funeral. She went back to work. Six months later she was "
    "sleeping badly.",
    # dates with no onset named
    "Grief. Astrid died in March 2025. In May she went to the knitting circle.",
    # a bare list of dates and names
    "Grief, Astrid, cancer, March, May, knitting.",
])
def test_dates_and_spans_that_do_not_tie_the_key_event_to_the_onset_do_not_link(text):
    stripped = _link_points(text.replace("sx 5/25", "").replace("Six months later she was", "She is")
                            .replace("In May she", "She"))
    assert _link_points(text) == stripped


def test_a_copied_vignette_earns_the_evidence_it_states_and_no_link():
    # The facts the copy restates count (the examiners credit the items a copy states); which event set the episode
    # off is the reading a copy does not do, so it earns no link point, even where its sentences would tie one.
    linking = CASE.vignette.replace("Since May", "Two months after Astrid died, in May,")
    for copy in (CASE.vignette, linking):
        report = score_formulation(copy + " I think grief.", CASE.reference, case=CASE)
        assert "pasted_vignette" in report.flags
        assert {"sister_died", "no_tears", "coat"} <= set(report.evidence_cited)
        assert "onset_after_death" not in report.evidence_cited
        evidence = report.criterion("evidence_timeline")
        assert evidence.points == 2.0  # all three items (2 points) and no link point
        assert "the link point of the evidence points was not credited" in evidence.feedback
        assert "Link the onset" in evidence.feedback
    # the same facts in the trainee's own sentences earn the link
    own = score_formulation("Grief. Astrid died of cancer and Ingrid went straight back to work. She never cried. "
                            "Two months later she was sleeping badly and losing weight.", CASE.reference, case=CASE)
    assert "pasted_vignette" not in own.flags and "onset_after_death" in own.evidence_cited


def test_a_key_event_named_only_to_deny_it_set_off_the_episode_makes_no_link():
    denied = _link_points("Role transition. The new office came in April. Astrid died of cancer two months before "
                          "the onset, but I do not think her death is the trigger.")
    plain = _link_points("Role transition. The new office came in April. Astrid died of cancer two months before "
                         "the onset.")
    assert denied == plain - 1.0
    feedback = score_formulation("Grief. Astrid died two months before the onset, but I do not think her death is "
                                 "the trigger.", CASE.reference, case=CASE).criterion("evidence_timeline").feedback
    assert "Link the onset in time" in feedback


@pytest.mark.parametrize("text", [
    "Grief. She did not cry at the funeral. Her symptoms began two months after Astrid died.",
    "Grief. The office move is not the trigger. Her symptoms began two months after Astrid died.",
])
def test_a_negation_about_something_else_leaves_the_link(text):
    feedback = score_formulation(text, CASE.reference, case=CASE).criterion("evidence_timeline").feedback
    assert "You tied the onset of the episode in time" in feedback


_CABIN = CASE.model_dump(mode="json")
_CABIN["timeline"] = [
    {"date": "2025-03", "event": "Discovers that Odd sold the family cabin without asking her", "kind": "conflict"},
    {"date": "2025-04", "event": "Moved to a new office by the harbour", "kind": "change"},
    {"date": "2025-05", "event": "Poor sleep, weight loss, stops the knitting circle", "kind": "symptom"},
]
_CABIN["reference"].update({
    "primary_area": "role_dispute", "dispute_stage": "renegotiation",
    "key_evidence": [_CABIN["reference"]["key_evidence"][2],
                     {"id": "rows", "hint": "How do they talk?", "text": "They argue every evening."}],
})
_CABIN["reference"]["timeline_link"]["text"] = ("Her symptoms began in May 2025, two months after she discovered "
                                                "the betrayal.")
CABIN = Case.model_validate(_CABIN)


def test_the_link_borrows_the_timeline_s_own_words_for_the_key_event():
    # The link sentence calls it "the betrayal"; the timeline says what happened: Odd sold the cabin.
    linked = score_formulation("Role dispute with Odd, renegotiation. Her mood dropped soon after Odd sold the cabin.",
                               CABIN.reference, case=CABIN)
    assert "onset_after_death" in linked.evidence_cited
    assert "You tied the onset of the episode in time" in linked.criterion("evidence_timeline").feedback
    other = score_formulation("Role dispute with Odd, renegotiation. Her mood dropped soon after the new office.",
                              CABIN.reference, case=CABIN)
    assert "Link the onset in time" in other.criterion("evidence_timeline").feedback


def test_falling_ill_is_the_onset():
    text = "Grief. Astrid died in March and she fell ill straight after."
    assert "You tied the onset of the episode in time" in \
        score_formulation(text, CASE.reference, case=CASE).criterion("evidence_timeline").feedback


DEFICITS = ReferenceFormulation.model_validate({
    "primary_area": "interpersonal_deficits",
    "key_evidence": [
        {"id": "alone", "hint": "His ties?", "text": "Piet has never had a close friend and eats alone."},
        {"id": "wish", "hint": "What does he want?", "text": "He wants friends but fears the fitters laugh at him."},
    ],
    "timeline_link": {"id": "no_event", "hint": "What came before?",
                      "text": "His mood sank in the spring with no death, conflict or change before it."},
    "goals": ["deficits.reduce_isolation"],
    "strategies": ["deficits.graded_contact"],
    "rationale": "Lifelong isolation and no event before the onset.",
    "formulation": "You have depression, an illness. Nothing happened before it; you have long been alone.",
})


@pytest.mark.parametrize("text", [
    "Deficits: Piet has never had a close friend. I could find no death, dispute or change before his mood sank.",
    "Deficits: Piet has never had a close friend. Nobody died and nothing in his life changed before he sank.",
])
def test_a_deficits_answer_that_finds_no_event_before_the_onset_links(text):
    feedback = score_formulation(text, DEFICITS).criterion("evidence_timeline").feedback
    assert "Link the onset" not in feedback and "no recent event" not in feedback.lower()
    assert score_formulation(text, DEFICITS).criterion("evidence_timeline").points > \
        score_formulation(text.split(". ")[0] + ".", DEFICITS).criterion("evidence_timeline").points


def test_finding_no_event_in_general_words_is_no_link():
    report = score_formulation("Deficits. Nobody died and I could find no change.", DEFICITS)
    assert report.criterion("evidence_timeline").points == 0.0
