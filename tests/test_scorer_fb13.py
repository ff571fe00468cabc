"""Round 13 feedback fix: "a conflict can be handled within it" only where the answer speaks of a conflict, not
where it names a dispute only to set it aside ("this is not grief, a dispute or deficits"; the CI screenshot of the
demo's feedback page showed the praise for an answer that denies any conflict). Invented answers to a-02 (key: role
transition after a promotion)."""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, score

WITHIN = "a conflict can be handled within it"
HEAD = "Primary focus: role transition after her promotion to ward manager in February 2025. "


@pytest.mark.parametrize("tail", [
    "Nobody died, she does not argue with Tunde, so this is not grief, a dispute or deficits.",
    "It is neither grief nor a dispute nor deficits.",
    "There is no dispute with anyone at home.",
    "She has had no rows with her colleagues.",
])
def test_a_dispute_named_only_to_be_set_aside_earns_no_word_about_a_conflict(library, tail):
    """Must not say it: the answer speaks of no conflict."""
    evidence = feedback(score(library.get("a-02"), HEAD + tail), "evidence_timeline")
    assert "You kept one focus, which IPT prefers" in evidence
    assert WITHIN not in evidence


@pytest.mark.parametrize("tail", [
    "The dispute with Tunde about her late shifts belongs to the change.",
    "She and Tunde now row about her late shifts; that is part of the change.",
])
def test_a_conflict_the_answer_keeps_within_its_focus_is_still_named(library, tail):
    """Must still say it: the answer speaks of a conflict and keeps it within the transition."""
    evidence = feedback(score(library.get("a-02"), HEAD + tail), "evidence_timeline")
    assert f"You kept one focus, which IPT prefers; {WITHIN}." in evidence
