"""The people a case's key talks about are people the vignette gives.

A model formulation, an evidence hint or an evidence cue that names someone only the inventory knows (p-05's
formulation once had Amaru "reconnect with your sister", who was nowhere in the vignette) is advice the trainee
cannot reach from the story. Checked for every library case, practice and assessment (keys from source/keys):

* every inventory person named in the model formulation, an evidence hint or text, or an evidence cue is named
  in the vignette;
* every family role said in the model formulation ("your sister") is in the vignette, where a husband also gives
  the patient's role of wife and the other way round.

A vignette may hand the trainee the inventory itself ("it is summarised below", the hidden-grief design of p-16):
then the inventory's people count as given.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"
HONORIFICS = {"mr", "mrs", "ms", "dr", "mama"}
FAMILY = ("sister", "brother", "mother", "father", "son", "daughter", "grandmother", "grandfather", "grandson",
          "granddaughter", "aunt", "uncle", "cousin", "niece", "nephew", "husband", "wife", "partner",
          "stepfather", "stepmother", "mother-in-law", "father-in-law")
#: A role the patient holds is given by the other side of the relationship.
COUNTERPART = {"wife": "husband", "husband": "wife"}
_HANDS_OVER_INVENTORY = re.compile(r"inventory\b[^.]*\bbelow\b", re.I)


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(_fold(word))}(e?s|'s)?(?![a-z])", _fold(text)) is not None


def _given(case: Case) -> str:
    """What the trainee reads about the people in the case."""
    given = " ".join([case.vignette, case.patient.name, case.patient.background])
    if _HANDS_OVER_INVENTORY.search(case.vignette):
        given += " " + " ".join(f"{p.name} {p.relationship}" for p in case.inventory)
    return given


def _names(case: Case) -> set[str]:
    """The distinctive words of the inventory's personal names ("Mr. Sato" gives "Sato")."""
    names = set()
    for person in case.inventory:
        words = [w.strip(".,()") for w in person.name.split()]
        if all(w[:1].isupper() for w in words):
            names |= {w for w in words if w.lower() not in HONORIFICS and len(w) > 1}
    return names


def people_not_given(case: Case) -> list[str]:
    """Every person or family role the key states that the case does not give; empty when consistent."""
    if case.reference is None:
        return []
    reference, given, problems = case.reference, _given(case), []
    evidence = [*reference.key_evidence, reference.timeline_link]
    texts = {"model formulation": reference.formulation,
             **{f"evidence {e.id}": f"{e.hint} {e.text}" for e in evidence},
             **{f"cues of {e.id}": " ".join(e.cues) for e in evidence}}
    for where, text in texts.items():
        for name in sorted(_names(case)):
            if _has_word(text, name) and not _has_word(given, name):
                problems.append(f"{name} ({where}) is not named in the vignette")
    for role in FAMILY:
        if _has_word(reference.formulation, role) and not (
                _has_word(given, role) or _has_word(given, COUNTERPART.get(role, role))):
            problems.append(f"the model formulation speaks of a {role} the vignette does not mention")
    return problems


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [case for case in CaseLibrary.load(keys_dir=KEYS) if case.reference is not None]


def test_every_key_names_only_people_the_vignette_gives(cases: list[Case]) -> None:
    assert len(cases) >= 40
    problems = [f"{case.id}: {problem}" for case in cases for problem in people_not_given(case)]
    assert problems == [], "\n".join(problems)


def test_a_sister_known_only_from_the_inventory_is_caught(cases: list[Case]) -> None:
    case = next(c for c in cases if c.id == "p-05")
    vignette = " ".join(case.vignette.split()).replace("His sister Rosa", "His friend")
    assert vignette != case.vignette
    problems = people_not_given(case.model_copy(update={"vignette": vignette}))
    assert any("sister" in p for p in problems), problems


def test_a_named_person_known_only_from_the_inventory_is_caught(cases: list[Case]) -> None:
    case = next(c for c in cases if c.id == "p-08")
    vignette = case.vignette.replace("Yusuf", "a colleague")
    problems = people_not_given(case.model_copy(update={"vignette": vignette}))
    assert any(p.startswith("Yusuf (model formulation)") for p in problems), problems


def test_a_vignette_that_hands_over_the_inventory_gives_its_people(cases: list[Case]) -> None:
    case = next(c for c in cases if c.id == "p-16")
    assert _HANDS_OVER_INVENTORY.search(case.vignette) and people_not_given(case) == []
    hidden = case.model_copy(update={"vignette": _HANDS_OVER_INVENTORY.sub("history", case.vignette)})
    assert any("Nelly" in p for p in people_not_given(hidden))


def test_the_patients_own_role_is_given_by_the_other_side() -> None:
    assert _has_word("her husband Marek moved out", COUNTERPART["wife"])
