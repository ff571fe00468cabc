"""Scripted sessions do not give the best line away by its place or its length: scripts are written with the
best line first, and the player shows the lines in a fixed shuffled order; the best line is not usually the
longest (``benchmarks/quiz_length_cue.py`` prints the figures)."""

from __future__ import annotations

from collections import Counter
from html import escape

import pytest

from ipt_training.session_script import load_script, scripts_dir
from ipt_training.widgets.script_player import LETTERS, display_orders, script_player

SCRIPTS = [load_script(path.stem) for path in sorted(scripts_dir().glob("*.yaml"))]


def _best_positions() -> Counter[int]:
    positions: Counter[int] = Counter()
    for script in SCRIPTS:
        orders = display_orders(script)
        positions.update(orders[d.id].index(d.options.index(d.best)) for d in script.decisions)
    return positions


def test_the_shipped_scripts_list_the_best_line_first_so_the_check_below_is_not_vacuous() -> None:
    assert all(d.options[0].best for script in SCRIPTS for d in script.decisions)


def test_every_decision_shows_every_option_once_in_the_same_order_each_time() -> None:
    for script in SCRIPTS:
        orders = display_orders(script)
        assert orders == display_orders(script)
        for decision in script.decisions:
            assert sorted(orders[decision.id]) == list(range(len(decision.options))), (script.id, decision.id)


def test_no_letter_holds_more_than_half_of_the_best_lines() -> None:
    positions = _best_positions()
    total = sum(positions.values())
    assert total >= 20
    assert max(positions.values()) <= total / 2, {LETTERS[p]: n for p, n in positions.items()}


def test_the_player_lists_the_lines_in_the_shown_order_and_grades_the_line_chosen() -> None:
    script = SCRIPTS[0]
    player = script_player(script)
    decision = player.current
    order = display_orders(script)[decision.id]
    assert [value for _, value in player.choice.options][:len(order)] == order
    listed = player.transcript.value
    texts = [escape(decision.options[i].text) for i in order]
    assert sorted(texts, key=listed.index) == texts
    player.choice.value = decision.options.index(decision.best)
    assert player.check()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.id)
def test_the_best_line_is_rarely_the_longest(script) -> None:
    longest = [d.id for d in script.decisions if len(d.best.text) >= max(len(o.text) for o in d.options)]
    assert len(longest) <= 0.4 * len(script.decisions), (
        f"{script.id}: the best line is the longest in {len(longest)} of {len(script.decisions)} decisions "
        f"({', '.join(longest)}); lengthen a plausible weaker line")


#: No rank by length may hold more than half of the best lines, and the best line is sometimes the shortest.
MAX_RANK_SHARE = 0.50
MIN_SHORTEST_BEST = 0.15


def test_no_length_rank_gives_the_best_line_away() -> None:
    ranks: Counter[int] = Counter()
    for script in SCRIPTS:
        for d in script.decisions:
            order = sorted(range(len(d.options)), key=lambda i: len(d.options[i].text))
            ranks[order.index(d.options.index(d.best))] += 1
    total = sum(ranks.values())
    assert total >= 20
    assert max(ranks.values()) / total <= MAX_RANK_SHARE, dict(ranks)
    assert ranks[0] / total >= MIN_SHORTEST_BEST, dict(ranks)
