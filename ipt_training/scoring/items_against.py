"""The case's evidence items that name an event of another area: evidence against that area's focus.

Every key item is evidence for the key's focus. An item that names an event of another kind says why that event
does not explain the episode ("The move in June 2025 came long after his low mood began", "He lost his job because
of sick days that followed the depression", "He speaks warmly of the new school", "Nobody close to her has died").
An answer that argues the focus of that event tells the same fact as its cause, the opposite of what the item states,
and examiners credit none of it ("remission is presented as the change, the opposite of the no-event item"). So an
answer that argues another focus than the key's does not cite the items that name an event of the focus it argues.
"""

from __future__ import annotations

from collections.abc import Callable

from ipt_training.domain import ProblemArea
from ipt_training.text.matcher import Clauses, Match
from ipt_training.text.normalize import clauses

#: Words that say an event went well or is resolved ("the move was long planned, went smoothly and she loves the
#: house", "he speaks warmly of the new school", "her mother's death was mourned at the time"): no stressor now.
_SETTLED = frozenset({"smoothly", "warmly", "loves", "enjoys", "planned", "mourned", "grieved", "settled"})
_NEGATORS = frozenset({"not", "never", "no", "un", "hardly", "barely"})


def settled(tokens: list[str]) -> bool:
    """Whether a clause says an event went well or is resolved (not "has not mourned")."""
    return any(t in _SETTLED and _NEGATORS.isdisjoint(tokens[max(0, k - 3):k]) for k, t in enumerate(tokens))


def item_areas(texts: dict[str, str], find: Callable[[Clauses], list[Match]],
               onset: Callable[[list[str]], bool]) -> dict[str, frozenset[ProblemArea]]:
    """The areas of the events each item's sentence rules out (``texts``: item id -> sentence; ``find``: the event
    reader, ``event:<area>`` matches): an event it denies ("nobody close to him has died"), or any event it names
    where it places it beside the onset (``onset``: whether a clause speaks of it; "the move came long after his low
    mood began", "sick days that followed the depression") or says it went well or is resolved ("went smoothly",
    "was mourned at the time"). An item that tells another kind of event as part of the key's story ("the last
    argument with his brother before he drowned") rules out nothing."""
    found: dict[str, frozenset[ProblemArea]] = {}
    for item_id, text in texts.items():
        read = clauses(text)
        placed = any(onset(c) or settled(c) for c in read)
        areas = frozenset(ProblemArea(m.concept[6:]) for m in find(read)
                          if m.concept.startswith("event:") and (m.negated or placed))
        if areas:
            found[item_id] = areas
    return found


def against(areas: dict[str, frozenset[ProblemArea]], argued: ProblemArea, key: ProblemArea) -> frozenset[str]:
    """The items an answer arguing ``argued`` (not the key's focus ``key``) tells against their sense: those that
    name an event of ``argued`` and none of the key's own area."""
    if argued is key:
        return frozenset()
    return frozenset(i for i, named in areas.items() if argued in named and key not in named)
