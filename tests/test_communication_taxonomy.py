"""The communication taxonomy: ten problems, classic vs extension, better ways, hints that reveal nothing."""

from __future__ import annotations

import re
import subprocess
import sys

from ipt_training.communication.taxonomy import (
    BETTER_WAYS,
    CLASSIC_NOTE,
    CODES,
    EXTENSION_NOTE,
    OK,
    PROBLEMS,
    are_related,
    code_definition,
    code_label,
    code_name,
    is_code,
)

EXPECTED_IDS = ["indirect_nonverbal", "indirect_verbal", "assumed_communicated", "assumed_understood", "silence",
                "mind_reading", "hostile", "global_complaint", "mixed_message", "over_accommodation"]


def test_ten_problems_in_reference_order() -> None:
    assert list(PROBLEMS) == EXPECTED_IDS
    assert [p.number for p in PROBLEMS.values()] == list(range(1, 11))
    assert (*EXPECTED_IDS, OK) == CODES


def test_items_one_to_five_are_classic_and_the_rest_are_labelled_extensions() -> None:
    for problem in PROBLEMS.values():
        assert problem.classic is (problem.number <= 5)
        assert problem.provenance == (CLASSIC_NOTE if problem.classic else EXTENSION_NOTE)
        assert code_label(problem.id).endswith("(extension)") is (not problem.classic)
    assert "unverified" in CLASSIC_NOTE


def test_every_problem_is_complete() -> None:
    for problem in PROBLEMS.values():
        assert problem.name and len(problem.definition) > 30 and problem.example and problem.check.endswith("?")
        assert problem.cues and all(problem.cues)
        assert problem.better_ways and all(w in BETTER_WAYS for w in problem.better_ways)
        assert all(r in PROBLEMS and r != problem.id for r in problem.related)


def test_the_seven_better_ways() -> None:
    assert set(BETTER_WAYS) == {"explicit_request", "naming_feeling", "checking_understanding",
                                "staying_in_conversation", "specific_request", "consistent_message", "asserting_need"}
    assert all(w.definition and w.example for w in BETTER_WAYS.values())
    used = {w for p in PROBLEMS.values() for w in p.better_ways}
    assert used == set(BETTER_WAYS)


def test_ok_code_and_lookups() -> None:
    assert is_code(OK) and is_code("hostile") and not is_code("angry")
    assert code_name(OK).startswith("No problem") and code_definition(OK)
    assert code_name("silence") == PROBLEMS["silence"].name


def test_relatedness_is_symmetric() -> None:
    assert are_related("mind_reading", "assumed_communicated") and are_related("assumed_communicated", "mind_reading")
    assert not are_related("hostile", "silence")
    assert not are_related(OK, "hostile")


def test_check_questions_name_no_code() -> None:
    """Assessment hints quote the trainee's own code's check question; it must not point at any other code."""
    for problem in PROBLEMS.values():
        for other in CODES:
            assert code_name(other).lower() not in problem.check.lower()
            assert not re.search(rf"\b{other}\b", problem.check)


def test_communication_modules_do_not_import_pandas_or_ipywidgets() -> None:
    code = ("import sys, ipt_training.communication.coding, ipt_training.communication.rewrite, "
            "ipt_training.communication.library; "
            "print(sorted(m for m in ('pandas', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
