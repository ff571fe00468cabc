"""What the scorer works out once per case (its matcher, its facts, its dates), cached per reference and case object.

A grading run scores many answers against few cases. The cache is keyed by the objects' identity (cases and
references are not hashable) and holds them too, so that a key is never reused by a new object at a freed address;
it is emptied when it grows past :data:`_SIZE` entries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from ipt_training.cases.model import Case, ReferenceFormulation

T = TypeVar("T")
_SIZE = 1024


def per_case(build: Callable[[ReferenceFormulation, Case | None], T]) -> Callable[..., T]:
    """``build(reference, case)``, worked out once per reference and case object."""
    cache: dict[tuple[int, int], tuple[ReferenceFormulation, Case | None, T]] = {}
    #: the entry asked for last (one slot; ``None`` before the first): a grading run scores the answers to one case
    #: one after another, and then two identity tests find it without making a key
    last: list[tuple[ReferenceFormulation, Case | None, T] | None] = [None]

    @wraps(build)
    def cached(reference: ReferenceFormulation, case: Case | None = None) -> T:
        entry = last[0]
        if entry is not None and entry[0] is reference and entry[1] is case:
            return entry[2]
        key = (id(reference), id(case))
        entry = cache.get(key)
        if entry is None or entry[0] is not reference or entry[1] is not case:
            value = build(reference, case)
            if len(cache) > _SIZE:
                cache.clear()
            entry = cache[key] = (reference, case, value)
        last[0] = entry
        return entry[2]

    return cached
