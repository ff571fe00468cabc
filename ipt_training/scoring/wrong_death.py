"""A death told of someone the case has alive: "Her daughter died of a stroke in January 2025" where the husband died.

The evidence of a death is read from the death and its date ("died", "stroke", "January 2025"), and a relation word
beside a word of what happened names the person ("her dad died": Yerlan's death). So a trainee who copies the
timeline's death and guesses who died ("His son died in September 2024" for a wife's death) earned what the right
relation earns (round 14's open hole). A clause that says that a living person of the inventory died, by the
relation word only they have or by their name, and names none of the case's dead, tells a death that did not happen:
it states no fact, cites no item and dates no event. "Her daughter Ama found her crying after Kwabena died" names
the dead man: it keeps what it says.
"""

from __future__ import annotations

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.evidence import STOP_WORDS
from ipt_training.scoring.per_case import per_case
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.relation_names import relation_names
from ipt_training.text.matcher import Clauses
from ipt_training.text.normalize import to_ascii_lower

#: Verbs that say the person before them died ("her son died", "his wife passed away").
_DIED = frozenset({"died", "dies", "passed", "perished"})
#: Nouns of a death said of the person around them ("the death of her son", "her son's death").
_DEATH = frozenset({"death", "loss", "funeral", "burial"})
#: Verbs of a death with the person after them ("buried her daughter"; not "lost", which is said of friends and
#: support as often: "she has lost her friends on the floor").
_LOST = frozenset({"buried"})
_DETERMINERS = frozenset({"his", "her", "their", "your", "the", "my", "our", "a"})
#: Words before a name that make it someone else's: a parent named by the child ("Mama Wanjiku", the wife, mother
#: of Wanjiku), "Baba Otieno".
_TEKNONYMS = frozenset({"mama", "baba", "mum", "mom", "mother", "father", "dad", "papa", "umm", "abu", "of"})
#: Every word that can say a death in these forms: the one set test that gates the reading.
DEATH_WORDS = _DIED | _DEATH | _LOST
#: Feedback when a clause tells the death of someone the case has alive.
WRONG_DEATH_FEEDBACK = ("The answer says that someone died whom this case has alive; a death told of the wrong person "
                        "is no fact of this patient's story, so it counts as no evidence and dates no event. Check in "
                        "the timeline and the inventory who died.")


@per_case
def living_and_dead(reference: ReferenceFormulation, case: Case | None) -> tuple[frozenset[str], frozenset[str]]:
    """The words that name a living person of the inventory (their own relation word, the words of their name) and
    those that name one of the case's dead; both empty without the case or where nobody is marked dead."""
    if case is None or not any(p.deceased for p in case.inventory):
        return frozenset(), frozenset()
    relations = relation_names((p.name, p.relationship) for p in case.inventory)

    def words(person) -> set[str]:
        # (the words of a name, not the function words of a group's: "Women of the Qur'an circle")
        return {w for w in to_ascii_lower(person.name).replace(".", " ").split()
                if len(w) > 2 and w not in STOP_WORDS and w not in FUNCTION_WORDS} | set(relations.get(person.name, ()))

    dead = set().union(*(words(p) for p in case.inventory if p.deceased))
    living = set().union(*(words(p) for p in case.inventory if not p.deceased)) - dead
    return frozenset(living), frozenset(dead)


def _said_dead(tokens: list[str], k: int, living: frozenset[str]) -> bool:
    """Whether the person named at ``k`` is the one said to have died: "son died", "son's death", "daughter Wanjiku
    died", "death of her son", "buried her son"; not a parent named by this person ("Mama Wanjiku died")."""
    if k > 0 and tokens[k - 1] in _TEKNONYMS and tokens[k - 1] not in living:
        return False
    after = [t for t in tokens[k + 1:k + 4] if t != "s" and t not in living][:1]
    if after and (after[0] in _DIED or after[0] in _DEATH):
        return True
    if k + 1 < len(tokens) and tokens[k + 1] == "s":
        return False  # (the person's own thing: "the loss of her son's job")
    before = [t for t in tokens[max(0, k - 3):k] if t not in _DETERMINERS]
    return bool(before) and (before[-1] in _LOST or (before[-1] == "of" and len(before) > 1 and before[-2] in _DEATH))


def wrong_deaths(prepared: Clauses, living: frozenset[str], dead: frozenset[str]) -> set[int]:
    """The clauses that say a living person of the case died and name none of its dead."""
    return {c for c, tokens in enumerate(prepared)
            if not DEATH_WORDS.isdisjoint(tokens) and not living.isdisjoint(tokens) and dead.isdisjoint(tokens)
            and any(token in living and _said_dead(tokens, k, living) for k, token in enumerate(tokens))}
