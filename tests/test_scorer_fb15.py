"""Round 15 feedback review (fb15): sentences a trainer found false on invented answers to eight library cases round
14 did not use (tests/data/fb15/batch_a.yaml), each fixed by how the answer was read, with answers where the sentence
must go and answers where it must stay. The key is hidden, as on graded work."""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, points, score

from ipt_training.scoring.no_event import no_event_clauses
from ipt_training.scoring.onset_link import _span_months

LINKED = "This fits the case: the focus is linked in time to the onset of the episode."
NOT_SHOWN = "your answer is not credited with showing this"
DEFICITS_SHOWN = "You showed that no interpersonal event explains the onset of the episode."

# --- the deficits link said as one "no" over the other areas' events (C35: "Show that no death, dispute or life
# change came before the onset" beside an answer that said exactly that) ---

NADIA = ("Interpersonal deficits. Nadia has never had a close friend: she sat alone at university and refuses "
         "invitations because 'they only ask to be polite'. {} Goals: reduce isolation and help her form a few "
         "relationships. Strategies: review past relationships, use the therapeutic relationship, role play.")


@pytest.mark.parametrize("absence", [
    "There has been no death, dispute or change before the onset in March 2025.",
    "No death, dispute or life change came before the onset in March 2025.",
    "Before March 2025 there were no deaths, quarrels or moves in her life.",
])
def test_events_of_other_areas_denied_by_one_no_are_the_deficits_link(library, absence):
    """Must read the link: one "no" over a list of two areas' events says nothing set the episode off."""
    report = score(library.get("p-22"), NADIA.format(absence))
    assert DEFICITS_SHOWN in feedback(report, "evidence_timeline")
    assert "Show that no death" not in feedback(report, "evidence_timeline")


@pytest.mark.parametrize("not_absence", [
    "She has no friends or colleagues she could call.",
    "There was no warning before March 2025.",
])
def test_a_no_over_anything_but_events_is_no_link(library, not_absence):
    """Must not read the link: people or a warning denied are not the events of other areas."""
    report = score(library.get("p-22"), NADIA.format(not_absence))
    assert DEFICITS_SHOWN not in feedback(report, "evidence_timeline")


@pytest.mark.parametrize(("tokens", "found"), [
    ("there has been no death dispute or change before the onset", True),
    ("no death dispute or life change", True),
    ("no deaths quarrels or moves", True),
    ("no death or loss before the onset", False),  # one area's events: grief denied, not every event
    ("no death but a move in june", False),  # the list ends before the move
    ("no friends or colleagues", False),
    ("the death the dispute and the change", False),  # no denial
])
def test_the_denied_list_reader_alone(tokens, found):
    assert bool(no_event_clauses([tokens.split()])) is found


# --- "the month after" (C16: "his symptoms began in February 2025, the month after" told to say how they are tied) --

MARCELO = ("Role dispute with his wife Patricia, at the dissolution stage. In January 2025 she told him she wanted a "
           "divorce after 21 years and had decided; {} She moved out in March and the papers came in April. Goals: "
           "help him see the marriage is ending and mourn it. Strategies: clarify expectations, encourage affect.")


@pytest.mark.parametrize("tie", ["his symptoms began in February 2025, the month after.",
                                 "his symptoms began in February 2025, the following month."])
def test_the_month_after_ties_the_onset(library, tie):
    """Must credit the link: a unit said without a number after "the" is one of it."""
    report = score(library.get("p-19"), MARCELO.format(tie))
    text = feedback(report, "evidence_timeline")
    assert "You tied the onset of the episode in time" in text
    assert "which implies the link" not in text


def test_a_dated_onset_with_no_tie_still_earns_half(library):
    """Must not credit the full link: dates side by side, nothing said of how they are tied."""
    report = score(library.get("p-19"), MARCELO.format("his symptoms began in February 2025."))
    assert "which implies the link" in feedback(report, "evidence_timeline")


@pytest.mark.parametrize(("clause", "spans"), [
    ("his symptoms began in february 2025 the month after", [1.0]),
    ("his symptoms began in february 2025 the following month", [1.0]),
    ("in the months after the funeral", []),  # plural, no number: no span
    ("in the month before the move", []),
    ("two months after the move", [2.0]),
])
def test_spans_said_without_a_number(clause, spans):
    assert list(_span_months(clause.split())) == spans


# --- the area's "linked in time" sentence beside an answer that links nothing (C14, C38; fb14's kind 10) ---

def test_a_keyword_list_is_not_told_its_focus_is_linked_in_time(library):
    """Must not echo the list's own "the focus is linked in time" as if the answer had shown it."""
    report = score(library.get("p-23"), "Role dispute, renegotiation, Julio, weekends, football friends, money, "
                   "savings, non-reciprocal expectations, communication analysis, role play. The focus is linked in "
                   "time to the onset.")
    text = feedback(report, "problem_area")
    assert LINKED not in text and NOT_SHOWN in text


def test_an_answer_that_ties_the_onset_keeps_the_sentence(library):
    report = score(library.get("p-23"), "Role dispute between Rosa and her husband Julio, at the renegotiation stage. "
                   "From September 2024 he has spent the weekends drinking with his football friends and they argue "
                   "every weekend; her mood fell in November 2024, two months later. Both still raise it and want to "
                   "stay together. Goals: clarify expectations and agree a plan. Strategies: communication analysis, "
                   "role play.")
    text = feedback(report, "problem_area")
    assert LINKED in text and NOT_SHOWN not in text


def test_dates_side_by_side_are_said_to_imply_the_link(library):
    report = score(library.get("p-26"), "Grief. Wife Lai-ying died of a stroke September 2024. Depressive symptoms "
                   "since November 2024. Did not cry at the funeral, keeps her slippers, avoids the market. Goals: "
                   "mourn Lai-ying; reconnect with Uncle Chan. Strategies: reconstruct the relationship; the day of "
                   "the stroke; guilt and anger.")
    assert "as the dates you give imply." in feedback(report, "problem_area")


def test_a_deficits_hedge_is_not_told_it_showed_the_absence(library):
    report = score(library.get("p-22"), "It could be a role transition, because Samira retired in January 2025 and "
                   "the low mood came in March. Or it could be interpersonal deficits, because she has never had a "
                   "close friend. I would need more sessions to decide. Goals: help her with her loneliness.")
    if points(report, "problem_area") == 3.0:
        assert NOT_SHOWN in feedback(report, "problem_area")


# --- a deficits focus marked wrong is not asked to show that nothing came before the onset (C04, C25) ---

def test_a_wrong_deficits_focus_is_sent_to_look_for_the_event(library):
    report = score(library.get("p-26"), "Interpersonal deficits. His daughter Wai-man says he has become a hermit "
                   "and wonders whether he was always a loner. He lives alone and has stopped seeing Uncle Chan. "
                   "Goals: reduce his social isolation. Strategies: role play social skills.")
    text = feedback(report, "evidence_timeline")
    assert "Show that no death, dispute or life change came before the onset" not in text
    assert "that no death, dispute or change came before the onset" not in text
    assert "Look at what happened in the months before the onset" in text


def test_a_right_deficits_focus_is_still_asked_to_show_the_absence(library):
    report = score(library.get("p-22"), "Interpersonal deficits. Nadia has never had a close friend. Goals: reduce "
                   "isolation. Strategies: role play.")
    text = feedback(report, "evidence_timeline")
    assert "Show that no death, dispute or life change came before the onset" in text
    assert "Look at what happened in the months before the onset" not in text


# --- a copied vignette (C19: "restates the case in its own words" beside "repeats the vignette word for word") ---

COPIED = ("Marcelo is 48 and a civil engineer. In January 2025 Patrícia told him that she wanted a divorce after 21 "
          "years of marriage. In March 2025 she moved into a flat near her sister, and in April 2025 her lawyer sent "
          "him the papers. Since February 2025 he has slept four hours a night, lost 6 kg, stopped cycling with his "
          "friend Renato. He sends her long messages most nights.")


def test_a_copied_vignette_is_not_said_to_be_in_the_answers_own_words(library):
    report = score(library.get("p-19"), COPIED)
    assert "in its own words" not in feedback(report, "problem_area")
    assert "reconsider the focus" not in feedback(report, "evidence_timeline")


def test_a_wrong_focus_is_still_told_to_reconsider(library):
    report = score(library.get("p-22"), "Role transition: her colleague Samira retired in January 2025 and Nadia's "
                   "mood fell in March 2025. Goals: mourn the old work situation. Strategies: review old and new "
                   "roles.")
    assert "reconsider the focus" in feedback(report, "evidence_timeline")


# --- no focus and no plan: the story told earns no plan (C03: "he arranged the funeral" read as a strategy) ---

WONG = ("Mr Wong is 77. His wife Lai-ying died of a stroke in September 2024. He arranged the funeral and did not "
        "cry. Since November 2024 he eats little and does not go to tai chi.")


def test_a_retelling_earns_no_strategy_from_the_funeral_it_tells(library):
    report = score(library.get("p-26"), WONG)
    assert report.detected_primary is None
    assert points(report, "strategies") == 0.0


def test_a_plan_beside_a_retelling_still_earns(library):
    report = score(library.get("p-26"), WONG + " Strategies: go over the day of the stroke and the funeral.")
    assert points(report, "strategies") > 0.0
