"""A clinical note's shorthand ("DA", "RP", "ther. rel.", "enc. affect", "exp. of ...") is read as the words it stands
for, and only where it is shorthand: "CA" as a place, "DA" before any plan heading, lower-case letters and a bare
list of acronyms gain nothing. Every answer here is invented for the test."""

from __future__ import annotations

import pytest

from ipt_training.scoring.normalize import clean_answer
from ipt_training.scoring.shorthand import expand_shorthand
from tests.scoring_helpers import score


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-02", "p-08", "p-13", "p-14")}


def strategies(case, text: str) -> float:
    return score(case, text).criterion("strategies").points


@pytest.mark.parametrize(("note", "written_out"), [
    ("S: DA re the firm, RP the last talk", "S: decision analysis re the firm, role play the last talk"),
    ("Tx: ther. rel. as sample; enc. affect", "Tx: therapeutic relationship. as sample; encourage affect"),
    ("Plan: exp. anger; exp. of each partner", "Plan: expression of anger; expectations of each partner"),
    ("Strat: reconstruct rel'ship, past rels, r/p", "Strat: reconstruct relationship, past relationships, role play"),
    ("Reneg. Exp: he wants more say", "renegotiation. Expectations: he wants more say"),
])
def test_note_shorthand_is_written_out(note, written_out):
    assert expand_shorthand(note) == written_out


@pytest.mark.parametrize("text", [
    "I expect she will come back to the clinic.",          # "expect" without its full stop is the verb
    "Her sister lives in Fresno, CA and calls every week.",  # a state, written out as one
    "The DA dropped the charges against her son in May.",  # no plan heading: letters, not a technique
    "rp and da are not written in capitals here.",
])
def test_ordinary_words_and_letters_are_not_expanded(text):
    expanded = expand_shorthand(text)
    for technique in ("decision analysis", "role play", "communication analysis", "expectations"):
        assert technique not in expanded


def test_a_state_after_a_town_is_not_communication_analysis():
    moved = clean_answer("PA: RT - moved from Fresno, CA to Leeds 1/25. Plan: CA of calls home.").clauses
    words = [" ".join(clause) for clause in moved]
    assert sum(w.count("communication analysis") for w in words) == 1  # the plan's, not the town's
    assert any("california" in w for w in words)


def test_a_decision_analysis_written_da_earns_its_strategy(cases):
    case = cases["p-02"]
    body = ("PA: RD w/ Sameer (co-founder), dissolution - N. decided to end partnership 4/25, lawyers dividing firm. "
            "Contract + 4 staff 7/24 w/o consulting N.; mediation failed 10/24. Sx from 1/25. ")
    written = strategies(case, body + "S: decision analysis re the split; expectations of the partnership.")
    shorthand = strategies(case, body + "S: DA re the split; exp. of the partnership.")
    unread = strategies(case, body + "S: dq re the split; xq. of the partnership.")
    assert shorthand == written > unread


def test_a_deficits_plan_in_shorthand_earns_what_it_says(cases):
    case = cases["p-08"]
    body = ("PA: ID. Nights x9y, lives alone x10y, no close friend since Bram at 11, teased at school. "
            "Onset 1/25, no trigger - 'crept up'. ")
    shorthand = strategies(case, body + "Tx: past rels, ther. rel. as sample, RP conversations.")
    written = strategies(case, body + "Tx: past relationships, therapeutic relationship as sample, role play "
                                      "conversations.")
    truncated_unread = strategies(case, body + "Tx: past rels, thr. rl. as sample, RQ conversations.")
    assert shorthand == written > truncated_unread


def test_a_bare_list_of_acronyms_stays_a_list(cases):
    case = cases["p-14"]
    report = score(case, "RD, RT, G, ID, CA, DA, RP, exp., enc. affect, ther. rel.")
    assert "list_without_reasoning" in report.flags or "keyword_stuffing" in report.flags
    assert report.total <= 3


def test_a_truncated_relationship_does_not_join_the_next_item_into_an_area(cases):
    """"reconstruct rel. incl. conflict" keeps its items apart: "relationship ... conflict" is not a role dispute."""
    case = cases["p-13"]
    text = ("PA: grief. Onset 2/12 after the death. Goals: mourning; reinvest. "
            "Strat: reconstruct rel. incl. conflict, enc. affect.")
    report = score(case, text)
    assert report.detected_primary is not None and report.detected_primary.value == "grief"
    assert "self_contradiction" not in report.flags
