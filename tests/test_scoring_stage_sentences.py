"""The dispute-stage sentences of the evidence feedback: no stage talk where the answer speaks of no conflict, and
a wrong stage is asked to be checked against the case rather than told to 'stage a dispute as' the very stage it
gave (a trainee's walkthrough found both)."""

from __future__ import annotations

from scoring_helpers import score


def _evidence(report) -> str:
    return next(c.feedback for c in report.criteria if c.criterion == "evidence_timeline")


GRIEF = ("The focus is grief. Comfort's depression began in March 2025, two months after Kwabena died of a stroke; she "
         "has not cried since the burial. Goals: help her mourn him and take up the choir again. Strategies: "
         "reconstruct the marriage, good and bad; go over the stroke and the funeral; encourage her feelings.")


def test_no_stage_sentence_where_the_answer_speaks_of_no_conflict(library) -> None:
    text = _evidence(score(library.get("p-13"), GRIEF))
    assert "You kept one focus" in text
    assert "dispute stage" not in text and "Stage a dispute" not in text


def test_a_conflict_kept_within_the_focus_still_hears_when_a_stage_counts(library) -> None:
    text = _evidence(score(library.get("p-13"), GRIEF + " She also argues with her son Kofi about the house, which "
                                                        "is not the focus."))
    assert "a conflict can be handled within it" in text and "dispute stage is assessed only when" in text


THANDIWE = ("The focus is a role dispute {stage}: Thandiwe and Sipho argue most evenings since May 2025 about night "
            "feeds and weekends, and her depression began in June. Goals: clarify what each expects of the other and "
            "reach a fairer arrangement. Strategies: communication analysis of their arguments, role play.")


def test_a_wrong_stage_is_asked_to_be_checked_not_told_to_name_what_it_named(library) -> None:
    case = library.get("p-12")  # a dispute at renegotiation
    assert case.reference.dispute_stage.value == "renegotiation"
    text = _evidence(score(case, THANDIWE.format(stage="at an impasse")))
    assert "You staged the role dispute as impasse" in text
    assert "Check it against the case" in text and "Stage a dispute as" not in text
    unnamed = _evidence(score(case, THANDIWE.format(stage="with her husband")))
    assert "No dispute stage was named" in unnamed and "Stage a dispute as" in unnamed
