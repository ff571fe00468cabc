"""The practice library is big and varied enough to practise on (issue 14, item 3).

At least 12 cases per problem area (practice plus assessment, assessment areas read from the instructor keys),
at least 16 dialogues covering every area, every trap the clinical reference names at least twice, a reference
for every practice case, titles that do not give the answer away, and the authoring rules for the cases added
for this issue (plain-sentence evidence, sizes, settings and populations).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case, CaseSet
from ipt_training.communication.library import DialogueLibrary
from ipt_training.domain import ProblemArea

KEYS = Path(__file__).resolve().parents[1] / "source" / "keys"

#: The traps ../shared/ipt-reference.md names (sections 1, 3.0 and 3), as trap tags.
NAMED_TRAPS = ("non-death-loss", "withdrawal-not-deficits", "dispute-vs-transition-timing", "delayed-grief",
               "hidden-grief", "impasse-vs-dissolution")

#: Names of the problem areas and dispute stages, as the reference and the WHO group manual give them.
AREA_OR_STAGE = re.compile(
    r"(?<![a-z])(?:gri(?:ef|ev)|bereav|mourn|death|dead(?![a-z])|di(?:e|ed|es|ing)(?![a-z])|disput|conflict|"
    r"transition|life change|deficit|sensitivity|isolat|loneliness|renegotiat|impasse|dissol)",
    re.IGNORECASE,
)
#: Words that point at an area through its typical event, a mourning image or a relationship under strain; kept out
#: of every practice title (a title names a place, a job or an activity, like "A fisherman on Lewis").
EVENT_WORDS = re.compile(
    r"(?<![a-z])(?:loss|lost|fight|argu|quarrel|move|moving|chang|lonel|alone|widow|funeral|divorc|separat|"
    r"grave|headstone|empty seat|slipper|strong for|the same|silent|shut out|slam|on the edge|friendship|"
    r"nobody|closed|redundan|retire|new school|back from|second weekend|whose way|start a family|partnership)",
    re.IGNORECASE,
)
FIRST_NEW_CASE = 17


@pytest.fixture(scope="module")
def library() -> CaseLibrary:
    return CaseLibrary.load(keys_dir=KEYS)


@pytest.fixture(scope="module")
def new_cases(library: CaseLibrary) -> list[Case]:
    cases = [c for c in library.by_set(CaseSet.PRACTICE) if int(c.id.split("-")[1]) >= FIRST_NEW_CASE]
    assert len(cases) >= 24
    return cases


def test_at_least_12_cases_per_problem_area(library: CaseLibrary) -> None:
    counts = Counter(case.primary_area for case in library)
    assert None not in counts, "every case needs a reference (practice in the package, assessment in the keys)"
    short = {area.value: counts[area] for area in ProblemArea if counts[area] < 12}
    assert short == {}, f"fewer than 12 cases: {short}"
    assert len(library) >= 48


def test_every_practice_case_ships_a_reference() -> None:
    missing = [c.id for c in CaseLibrary.load(keys_dir=False).by_set(CaseSet.PRACTICE) if c.reference is None]
    assert missing == []


def test_every_named_trap_appears_at_least_twice(library: CaseLibrary) -> None:
    tags = Counter(tag for case in library for tag in case.traps)
    rare = {trap: tags[trap] for trap in NAMED_TRAPS if tags[trap] < 2}
    assert rare == {}, f"traps in fewer than two cases: {rare}"


def test_trap_tags_agree_with_the_reference(library: CaseLibrary) -> None:
    """A trap tag is a claim about the answer: check the claims a reference can contradict."""
    wrong = []
    for case in library:
        ref = case.reference
        if {"delayed-grief", "hidden-grief"} & set(case.traps) and ref.primary_area is not ProblemArea.GRIEF:
            wrong.append((case.id, "grief trap on a case whose focus is not grief"))
        if "non-death-loss" in case.traps and ref.primary_area is ProblemArea.GRIEF:
            wrong.append((case.id, "a non-death loss keyed as grief"))
        if "withdrawal-not-deficits" in case.traps and ref.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
            wrong.append((case.id, "withdrawal-not-deficits trap keyed as deficits"))
        if "impasse-vs-dissolution" in case.traps and ref.dispute_stage is None:
            wrong.append((case.id, "impasse-vs-dissolution trap without a dispute stage"))
    assert wrong == []


def test_practice_titles_name_no_area_or_stage() -> None:
    titles = {c.id: c.title for c in CaseLibrary.load(keys_dir=False).by_set(CaseSet.PRACTICE)}
    named = {cid: title for cid, title in titles.items() if AREA_OR_STAGE.search(title)}
    assert named == {}


def test_practice_titles_avoid_area_event_words(library: CaseLibrary) -> None:
    practice = library.by_set(CaseSet.PRACTICE)
    hinting = {c.id: c.title for c in practice if AREA_OR_STAGE.search(c.title) or EVENT_WORDS.search(c.title)}
    assert hinting == {}


def test_title_patterns_catch_hinting_titles() -> None:
    for title in ("Grief in July", "The bereaved son", "A cold conflict", "Stuck at an impasse", "After he died",
                  "Lifelong loneliness", "Isolated at work"):
        assert AREA_OR_STAGE.search(title), title
    for title in ("The lonely student", "A move abroad", "Arguing about money", "Job loss", "A widow's year",
                  "A widower and his silent son", "Strong for everyone", "Nothing feels the same",
                  "Friendships that always end the same way", "Slippers by the door", "The empty seat at the wedding"):
        assert EVENT_WORDS.search(title), title
    for title in ("School fees and the coffee harvest", "Studied abroad", "Diet and exercise",
                  "The boat at Stornoway harbour", "The church choir in Leicester"):
        assert not AREA_OR_STAGE.search(title) and not EVENT_WORDS.search(title), title


def test_new_cases_use_plain_sentence_evidence(new_cases: list[Case]) -> None:
    bad = []
    for case in new_cases:
        for item in [*case.reference.key_evidence, case.reference.timeline_link]:
            if item.cues or not item.text.strip() or not item.text.rstrip().endswith("."):
                bad.append((case.id, item.id))
    assert bad == []


def test_new_cases_have_the_agreed_size(new_cases: list[Case]) -> None:
    sizes = {c.id: (len(c.vignette.split()), len(c.timeline), len(c.inventory)) for c in new_cases}
    wrong = {cid: (words, events, people) for cid, (words, events, people) in sizes.items()
             if not (180 <= words <= 300 and 3 <= events <= 6 and 3 <= people <= 5)}
    assert wrong == {}


def test_new_cases_are_spread_over_areas_and_difficulties(new_cases: list[Case]) -> None:
    areas = Counter(c.primary_area for c in new_cases)
    assert all(areas[area] >= 6 for area in ProblemArea), areas
    difficulty = Counter(c.difficulty for c in new_cases)
    assert set(difficulty) == {"beginner", "intermediate", "advanced"} and min(difficulty.values()) >= 4, difficulty
    genders = Counter(c.patient.gender in ("woman", "girl") for c in new_cases)
    assert genders[True] >= 8 and genders[False] >= 8, genders


def test_new_cases_cover_the_populations_and_settings_of_the_issue(new_cases: list[Case]) -> None:
    def count(predicate) -> int:
        return sum(1 for c in new_cases if predicate(c))

    adolescents = count(lambda c: 12 <= c.patient.age <= 17 and "IPT-A" in c.setting
                        and re.search(r"\b(mother|father|parents?)\b", c.vignette))
    perinatal_words = re.compile(r"perinatal|antenatal|pregnan|well-baby|postpartum", re.I)
    perinatal = count(lambda c: perinatal_words.search(c.setting + c.vignette) and c.patient.gender == "woman"
                      and re.search(r"pregnan|born|birth", c.vignette))
    older = count(lambda c: c.patient.age >= 65)
    primary_care = count(lambda c: "primary care" in c.setting.lower())
    task_shared = count(lambda c: "task-shared" in c.setting.lower())
    countries = {c.setting.rsplit(",", 1)[-1].strip() for c in new_cases}
    assert adolescents >= 3 and perinatal >= 3 and older >= 4, (adolescents, perinatal, older)
    assert primary_care >= 6 and task_shared >= 3, (primary_care, task_shared)
    assert len(countries) >= 15, countries


def test_debatable_new_cases_carry_reasoned_alternatives(new_cases: list[Case]) -> None:
    """Reference §8: accept a defensible alternative (with partial credit and a reason) where experts differ."""
    with_alternatives = [c for c in new_cases if c.reference.acceptable_alternatives]
    assert len(with_alternatives) >= 4
    for case in with_alternatives:
        for alt in case.reference.acceptable_alternatives:
            assert alt.area not in case.reference.areas and 0 < alt.credit < 1, case.id
            assert len(alt.reason.split()) >= 20, case.id


def test_new_cases_that_mention_risk_show_it_assessed(new_cases: list[Case]) -> None:
    """Reference §7a: a vignette that mentions suicidal thoughts shows them being asked about and acted on."""
    mentions = re.compile(r"suicid|harm(ing)? (her|him)self|wish(es)? (she|he) could|not wake|better off", re.I)
    assessed = re.compile(r"asked (directly|about|alone)|when asked|safety plan|will (check|ask|review)", re.I)
    texts = {c.id: " ".join(c.vignette.split()) for c in new_cases}
    missing = [cid for cid, text in texts.items() if mentions.search(text) and not assessed.search(text)]
    assert missing == []


@pytest.fixture(scope="module")
def dialogues() -> DialogueLibrary:
    return DialogueLibrary.load(keys_dir=KEYS)


def test_at_least_16_dialogues_covering_every_area(dialogues: DialogueLibrary) -> None:
    all_dialogues = list(dialogues)
    assert len(all_dialogues) >= 16
    areas = Counter(d.problem_area for d in all_dialogues)
    assert all(areas[area] >= 3 for area in ProblemArea), areas


def test_practice_dialogues_are_coded_and_use_many_codes(dialogues: DialogueLibrary) -> None:
    practice = [d for d in dialogues if d.set.value == "practice"]
    assert len(practice) >= 13
    used = Counter()
    for dialogue in practice:
        patient_turns = [u for u in dialogue.utterances if dialogue.speaker(u.speaker).is_patient]
        assert patient_turns and all(u.codes for u in dialogue.utterances), dialogue.id
        assert any(u.codes != ["ok"] for u in patient_turns), dialogue.id
        assert dialogue.rewrite_targets, dialogue.id
        used.update(code for u in patient_turns for code in u.codes)
    assert len(used) >= 10, used


def test_a_dialogue_shows_risk_reviewed_when_the_patient_voices_hopelessness(dialogues: DialogueLibrary) -> None:
    hopeless = re.compile(r"no point|no great loss|better off without|burden", re.I)
    reviewed = [d.id for d in dialogues
                if any(hopeless.search(u.text) for u in d.utterances if d.speaker(u.speaker).is_patient)
                and re.search(r"reviewed risk|risk was reviewed|assessed risk", d.context, re.I)]
    assert reviewed, "no dialogue shows the therapist reviewing risk after the patient voices hopelessness"
