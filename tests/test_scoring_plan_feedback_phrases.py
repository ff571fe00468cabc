"""What the goals and strategies feedback says when it takes points away: a plan said to mix problem areas quotes
the phrases of each area that made the mix, and a quarter of credit that rounds to nothing says so (instructors
found 'a mix' quoting one area only, and 'a quarter of their credit' beside 0 / 2)."""

from __future__ import annotations

from scoring_helpers import score

MIXED = ("Grief. Goals: mastery of the new role, build a social support network, resolve the dispute. Strategies: "
         "social skills training, graded contact, reconstruct the relationship with the deceased.")


def _criterion(report, name: str):
    return next(c for c in report.criteria if c.criterion == name)


def test_a_plan_said_to_mix_areas_quotes_the_phrases_of_each_area(library) -> None:
    report = score(library.get("p-13"), MIXED)  # a grief case; the plan draws on transition and deficits phrases
    for name in ("goals", "strategies"):
        text = _criterion(report, name).feedback
        assert "mix several problem areas" in text
        quoted = text.split("Phrases from different areas:")[1]
        assert "role transition: 'mastery'" in quoted and "interpersonal deficits" in quoted, text
        assert "'social skills'" in quoted, text


def test_a_grief_plan_of_one_area_is_not_told_it_mixes_areas(library) -> None:
    report = score(library.get("p-13"), "Grief. Goals: help her mourn Kwabena and slowly take up her church group "
                                        "again. Strategies: reconstruct the marriage, good and bad; go over the "
                                        "stroke and the funeral; let her cry and be angry.")
    assert all("mix several problem areas" not in c.feedback for c in report.criteria)


def test_a_quarter_of_credit_that_rounds_to_nothing_says_so(library) -> None:
    # another patient's model formulation (a role transition) given for a grief case: its plan earns a quarter
    report = score(library.get("p-13"), library.get("p-01").reference.formulation)
    assert "copied_formulation" in report.flags
    for name in ("goals", "strategies"):
        criterion = _criterion(report, name)
        if "earn a quarter of their credit" in criterion.feedback:
            assert ("rounds to 0 points" in criterion.feedback) == (criterion.points == 0), criterion.feedback
    assert any(c.points == 0 and "rounds to 0 points" in c.feedback for c in report.criteria)
