"""Spaced review of traps a trainee fell into, scheduled with FSRS (the Free Spaced Repetition Scheduler).

Each trap the trainee has fallen into at least once becomes a review card. Every later attempt on a case with
that trap is a review: falling in again rates it *Again* (review soon), avoiding it rates it *Good* (the
interval grows). The schedule is derived by replaying the record, so nothing extra is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

from ipt_training.practice.record import Attempt
from ipt_training.practice.skills import trap_skill

#: Spacing suited to case practice: a missed trap comes back the next day, then at growing intervals.
_SCHEDULER_SETTINGS = {"learning_steps": (timedelta(days=1),),
                       "relearning_steps": (timedelta(days=1),), "enable_fuzzing": False}


def trap_cards(attempts: Iterable[Attempt]) -> dict[str, Card]:
    """FSRS cards for every trap the trainee has fallen into, after replaying all attempts."""
    scheduler = Scheduler(**_SCHEDULER_SETTINGS)
    cards: dict[str, Card] = {}
    for attempt in attempts:
        for obs in attempt.observations():
            if not obs.skill.startswith("trap:"):
                continue
            trap = obs.skill[len("trap:"):]
            if trap not in cards and obs.correct:
                continue  # only traps the trainee fell into are reviewed
            card = cards.get(trap) or Card(card_id=len(cards) + 1, due=attempt.at)
            cards[trap], _ = scheduler.review_card(card, Rating.Good if obs.correct else Rating.Again, attempt.at)
    return cards


def due_traps(attempts: Iterable[Attempt], now: datetime | None = None) -> list[str]:
    """Traps whose review is due, most overdue first."""
    moment = now or datetime.now(timezone.utc)
    cards = trap_cards(attempts)
    due = [(card.due, trap) for trap, card in cards.items() if card.due <= moment]
    return [trap for _, trap in sorted(due)]


__all__ = ["due_traps", "trap_cards", "trap_skill"]
