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

    @wraps(build)
    def cached(reference: ReferenceFormulation, case: Case | None = None) -> T:
        key = (id(reference), id(case))
        hit = cache.get(key)
        if hit is not None and hit[0] is reference and hit[1] is case:
            return hit[2]
        value = build(reference, case)
        if len(cache) > _SIZE:
            cache.clear()
        cache[key] = (reference, case, value)
        return value

    return cached
