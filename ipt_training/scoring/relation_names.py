"""The case's people by what they are to the patient: "her dad" is Yerlan where the inventory says "Yerlan: father".

Trainees name people by their relation to the patient ("his wife", "the daughter", "her manager") where the case's
evidence sentence names them ("Wambui expects Grace to ..."). The inventory says who each person is, so the table is
built once per case from it, never from an answer: each person with a proper name gets the head word of their
relationship ("daughter, 27": daughter; "wife of 44 years": wife; "manager at the outdoor-education centre":
manager), with the words a family uses for it ("dad", "mum", "gran"). A word two people of the inventory share ("son"
for two sons, "friend" for two friends) says nobody in particular and is left out; so is a relationship said of
someone other than the patient ("Jesper's widow", "husband's younger brother"). The evidence matcher reads the word
as the person's name beside a word of what happened ("her dad died": Yerlan's death), never as a fact on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ipt_training.text.normalize import clauses

#: Where the head of an inventory relationship ends ("wife of 44 years", "younger sister in Eldoret", "manager at the
#: centre", "grandmother who raised him", "cousin and best friend", "nurse on Rosa's unit").
#: (whole words only: "mother-in-law" keeps its "in")
_HEAD_END = re.compile(
    r",|;|\(|(?<![\w-])(?:and|since|from|who|of|in|at|on|for|to|with|died|dies|lives|living)(?![\w-])")
#: What a family calls its kin ("since we buried your dad"): found as the relation itself.
_FAMILY_WORDS: dict[str, tuple[str, ...]] = {
    "father": ("dad", "papa", "daddy"), "mother": ("mum", "mom", "mama", "mummy"),
    "grandmother": ("grandma", "granny", "gran", "nan", "nana"), "grandfather": ("grandpa", "grandad", "granddad"),
    "husband": ("hubby",), "brother": ("bro",), "sister": ("sis",), "manager": ("boss",),
    "mother-in-law": ("mil",)}
#: The words of one person's relation to the patient that an answer names them by (kin, partners, the people of
#: work and home); a job ("nurse", "driver") or a group ("colleagues") says nobody in particular.
RELATIONS = frozenset({
    "mother", "father", "daughter", "son", "wife", "husband", "sister", "brother", "grandmother", "grandfather",
    "grandson", "granddaughter", "aunt", "uncle", "cousin", "nephew", "niece", "stepson", "stepdaughter",
    "stepmother", "stepfather", "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law",
    "daughter-in-law", "son-in-law", "partner", "girlfriend", "boyfriend", "fiance", "fiancee", "friend", "neighbour",
    "flatmate", "roommate", "classmate", "teammate", "colleague", "workmate", "manager", "boss", "supervisor",
    "foreman", "director", "principal", "headteacher", "teacher", "tutor", "coach", "mentor", "choirmaster", "pastor",
    "priest", "minister", "captain", "landlord", "landlady"})
#: Relations an ex-partner is named by in an answer ("her ex", "his ex-wife").
_EX = frozenset({"husband", "wife", "partner", "boyfriend", "girlfriend", "fiance", "fiancee"})


def _head(relationship: str) -> list[str]:
    """The words of the relationship before its details ("younger sister in Eldoret": younger, sister)."""
    first = _HEAD_END.split(relationship.lower(), maxsplit=1)[0]
    return next(iter(clauses(first)), [])


def _relation_words(relationship: str) -> tuple[str, ...]:
    """The words an answer names the person by: the relation noun and the family's words for it ("dad")."""
    head = _head(relationship)
    if not head or any("'" in w for w in relationship.lower().split()[:3]) or not head[-1].replace("-", "").isalpha():
        return ()
    noun = head[-1]
    ex = noun.startswith("ex-") and noun[3:] in _EX  # "ex-husband" is a husband of before
    noun = noun[3:] if ex else noun
    if noun not in RELATIONS:
        return ()  # a group ("colleagues", "the drivers"), a job ("nurse"), a description ("someone he met online")
    words = [noun, *_FAMILY_WORDS.get(noun, ())]
    if noun in _EX and (ex or not {"former", "ex"}.isdisjoint(head)):
        words += [f"ex-{noun}", "ex"]
    return tuple(words)


def relation_names(people: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Inventory name -> the relation words that name that person, for ``people`` given as (name, relationship)
    pairs. A relation word more than one person of the inventory has is left out."""
    words = {name: _relation_words(relationship) for name, relationship in people}
    holders = Counter(w for ws in words.values() for w in set(ws))
    kept = {name: tuple(w for w in ws if holders[w] == 1) for name, ws in words.items()}
    return {name: ws for name, ws in kept.items() if ws}
