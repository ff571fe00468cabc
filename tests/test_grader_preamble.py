"""Every item grader starts the same way (``answer_and_key``): inside the grading sandbox it only records the
answer; a deleted answer variable, or a key the grading process cannot find, earns 0 with a plain message (no
path, no Python repr); otherwise the grader scores with the instructor's key. Run on the real keys."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import yaml

from ipt_training.grading.graders.case_items import grade_inventory, grade_timeline
from ipt_training.grading.graders.dialogue_items import grade_coding, grade_rewrite
from ipt_training.grading.graders.items import NO_KEY, grade_choice, grade_concepts, grade_formulation, grade_mapping
from ipt_training.grading.trusted.keys import keys_from

Grader = Callable[[dict], float]
GRADERS: dict[str, tuple[Grader, dict]] = {
    "choice": (lambda ns: grade_choice("ipt_foundations", "q1_origins", ns, "q1", points=1), {"q1": "a"}),
    "mapping": (lambda ns: grade_mapping("ipt_foundations", "q7_phase_tasks", ns, "q7", points=4),
                {"q7": {"give_diagnosis": "initial"}}),
    "concepts": (lambda ns: grade_concepts("ipt_foundations", "q8_sick_role", ns, "q8", points=3),
                 {"q8": "Depression is an illness and it is not your fault."}),
    "formulation": (lambda ns: grade_formulation("a-02", ns, "a", points=10),
                    {"primary_area_a": "role_transition", "secondary_area_a": None, "dispute_stage_a": None,
                     "formulation_a": "A role transition after her promotion."}),
    "coding": (lambda ns: grade_coding("da-01", ns, "coding", points=6), {"coding": {1: "ok"}}),
    "rewrite": (lambda ns: grade_rewrite("da-01", 6, ns, "rewrite_6", points=2),
                {"rewrite_6": "I feel hurt. Could we talk tonight?"}),
    "inventory": (lambda ns: grade_inventory("a-01", ns, "inventory", points=6),
                  {"inventory": pd.DataFrame([{"name": "Graham", "relationship": "son", "closeness": "inner"}])}),
    "timeline": (lambda ns: grade_timeline("a-01", ns, "timeline", "onset_month", "onset_event", points=6),
                 {"timeline": pd.DataFrame([{"date": "2025-03", "event": "Sells the farm"}]),
                  "onset_month": "2025-05", "onset_event": "the move"}),
}


def _run(grader: Grader, namespace: dict) -> tuple[float, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        points = grader(namespace)
    return points, out.getvalue()


@pytest.mark.parametrize("kind", list(GRADERS))
def test_inside_the_sandbox_a_grader_only_records_the_answer(kind: str, monkeypatch: pytest.MonkeyPatch,
                                                              repo: Path) -> None:
    monkeypatch.setenv("IPT_GRADING_SANDBOX", "rlimits")
    grader, namespace = GRADERS[kind]
    with keys_from(repo / "source" / "keys"):  # even with keys at hand: scored later, outside the kernel
        points, out = _run(grader, namespace)
    assert points == 0 and "answer recorded; it is scored after the notebook has run" in out


@pytest.mark.parametrize("kind", list(GRADERS))
def test_a_deleted_answer_variable_earns_0_with_a_message(kind: str, repo: Path) -> None:
    grader, namespace = GRADERS[kind]
    first = next(iter(namespace))
    with keys_from(repo / "source" / "keys"):
        points, out = _run(grader, {k: v for k, v in namespace.items() if k != first})
    assert points == 0 and f"`{first}` is not defined" in out


def test_an_answer_cell_that_stopped_with_an_error_is_named_as_a_possible_cause(repo: Path) -> None:
    """A SyntaxError in a formulation's answer cell leaves all four variables undefined: the feedback named only a
    deleted or renamed cell, in the singular ("The answer variable `a, b, c, d` is not defined")."""
    grader, namespace = GRADERS["formulation"]
    with keys_from(repo / "source" / "keys"):
        points, out = _run(grader, {})
    names = ", ".join(f"`{name}`" for name in namespace)
    assert points == 0 and f"The answer variables {names} are not defined." in out
    assert "stop with an error (shown under the cell)" in out and "deleted or renamed" in out


@pytest.mark.parametrize("kind", list(GRADERS))
def test_a_missing_key_earns_0_with_a_plain_message(kind: str, tmp_path: Path) -> None:
    grader, namespace = GRADERS[kind]
    with keys_from(tmp_path):  # a key folder without these keys
        points, out = _run(grader, namespace)
    assert points == 0 and NO_KEY in out
    assert str(tmp_path) not in out and "'" not in out.split(NO_KEY)[0]


@pytest.mark.parametrize("kind", list(GRADERS))
def test_with_the_key_the_grader_scores(kind: str, repo: Path) -> None:
    grader, namespace = GRADERS[kind]
    with keys_from(repo / "source" / "keys"):
        points, out = _run(grader, namespace)
    assert NO_KEY not in out and "not defined" not in out and "recorded" not in out
    assert re.fullmatch(rf".+: {points:g} / \d+", out.splitlines()[0]), out


def test_choice_scores_the_keys_answer_right_and_another_wrong(repo: Path) -> None:
    key = yaml.safe_load((repo / "source" / "keys" / "items" / "ipt_foundations.yaml").read_text())["q1_origins"]
    wrong = next(o for o in key["options"] if o != key["correct"])
    with keys_from(repo / "source" / "keys"):
        right_points, right_out = _run(GRADERS["choice"][0], {"q1": key["correct"]})
        wrong_points, _ = _run(GRADERS["choice"][0], {"q1": wrong})
    assert (right_points, wrong_points) == (1, 0)
    assert right_out.startswith("Question 1: 1 / 1")  # named by the question, not the key's item id


def test_a_blank_answer_is_not_answered_with_the_key(repo: Path) -> None:
    """Left blank (the release's template), a question earns 0 without the explanations that name the answers."""
    keys = yaml.safe_load((repo / "source" / "keys" / "items" / "ipt_foundations.yaml").read_text())
    template = {task: None for task in keys["q7_phase_tasks"]["correct"]}
    with keys_from(repo / "source" / "keys"):
        mapping_points, mapping_out = _run(GRADERS["mapping"][0], {"q7": template})
        text_points, text_out = _run(GRADERS["concepts"][0], {"q8": '\nWrite your answer here.\n'})
    assert (mapping_points, text_points) == (0, 0)
    assert "Not answered: " + ", ".join(template) in mapping_out
    assert not any(why in mapping_out for why in keys["q7_phase_tasks"]["why"].values()), mapping_out
    assert not any(c["label"] in text_out for c in keys["q8_sick_role"]["concepts"].values()), text_out
    assert "Write your answer as text" in text_out
