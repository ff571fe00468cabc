"""Round 11 (norm11): readers that counted words before an area, checked once contractions are written out.

"I'd say it's a mix of ..." used to reach the readers as "i say it a mix of ...", and now as "i would say it is a
mix of ...": two words longer, so the attribution verb "say" stood first in the six words before the area and its
subject ("i would") fell outside them, and the writer's own saying was read as someone else's report. The subject
is now looked for in the words just before that window too. A third party's saying stays a report.
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary

_FACTS = ("Marisol started dialysis in January, cut her teaching and left the dance group; she argues with her "
          "husband about money. ")
_MIX = (" a mix of role transition and role dispute, and the two can't really be separated. I would work on both, "
        "and on her sleep.")


def _area(library: CaseLibrary, text: str) -> tuple[float, str | None]:
    report = score(library.get("p-01"), text)
    primary = report.detected_primary
    return report.criterion("problem_area").points, None if primary is None else primary.value


@pytest.mark.parametrize("opening", ["I'd say it's", "I would say it's", "I would say it is", "We would say it is"])
def test_the_writers_own_saying_reads_as_the_answer_says_it(library: CaseLibrary, opening: str) -> None:
    assert _area(library, f"{_FACTS}{opening}{_MIX}") == _area(library, f"{_FACTS}It's{_MIX}")


@pytest.mark.parametrize("opening", ["Her husband would say it's", "Her sister would say it is",
                                     "Her doctors might say it is"])
def test_a_third_partys_saying_is_still_reported(library: CaseLibrary, opening: str) -> None:
    assert _area(library, f"{_FACTS}{opening}{_MIX}") == (0.0, None)


# --- a bare label after an argument for another area, whatever the plan sentence's helper verb

_DISPUTE_ARGUED = ("Since the row at Sunday lunch in May 2024 Beatriz and Fernanda have not mentioned it again, and "
                   "her mood fell in August. Neither of them talks about it, so this is the impasse stage. {} bring "
                   "the disagreement back into the open, with communication analysis of the lunch.")


@pytest.mark.parametrize("helper", ["I'd", "I would", "I will", "We'll", "I"])
def test_a_bare_label_after_an_argued_plan_is_halved_whatever_the_helper(library: CaseLibrary, helper: str) -> None:
    """The ambiguous phrase of the argument's plan ("communication analysis") is not the label's own plan, whether
    or not its sentence is read as a plan ("I would bring ..." is; "I bring ..." was not)."""
    report = score(library.get("p-06"), _DISPUTE_ARGUED.format(helper) + " PA: role transition (retirement).")
    assert "conflicting_claims" in report.flags
    assert report.criterion("problem_area").points == 1.5


@pytest.mark.parametrize("helper", ["I'd", "I would"])
def test_a_label_with_a_plan_of_its_own_is_not_bare(library: CaseLibrary, helper: str) -> None:
    report = score(library.get("p-06"), _DISPUTE_ARGUED.format(helper) + " PA: role dispute with Fernanda.")
    assert "conflicting_claims" not in report.flags
    assert report.criterion("problem_area").points == 3.0


# --- "let's", written out as "let us": still the writer's own words

@pytest.mark.parametrize("text", ["Let's call this a role transition.", "Let\u2019s say role transition for now."])
def test_lets_is_the_writers_own_naming(library: CaseLibrary, text: str) -> None:
    assert _area(library, _FACTS + text) == (3.0, "role_transition")


def test_a_third_party_calling_it_is_no_choice(library: CaseLibrary) -> None:
    assert _area(library, _FACTS + "Her husband calls this a role dispute.")[0] < 3.0
