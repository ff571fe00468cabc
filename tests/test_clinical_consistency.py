"""Clinical consistency of the course material (issue 13, items 8-14), checked against ../shared/ipt-reference.md.

Each test here failed on the material as it was before the clinical review:

* item answers and their feedback name the same therapy (MBT is Bateman & Fonagy, DIT is Lemma, Target & Fonagy);
* the sick-role free-text item credits "not their fault" and costs the duty point for "doing nothing";
* every person, role and date in a case's inventory, timeline and model formulation is in its vignette;
* debatable keys carry acceptable alternatives with a reason;
* the phase sorter does not teach that suicide risk belongs to the initial phase only;
* communication codes have disjoint definitions and are used consistently; the patient's utterances weigh more;
* the communication assignment, the dialogues and the model formulations agree with each other and with §6/§7a.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.model import Case
from ipt_training.communication.coding import OTHER_WEIGHT, PATIENT_WEIGHT, score_coding
from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.taxonomy import PROBLEMS
from ipt_training.domain import PHASE_TASKS, ProblemArea

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "source" / "keys"


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return list(CaseLibrary.load(keys_dir=KEYS))


@pytest.fixture(scope="module")
def dialogues() -> DialogueLibrary:
    return DialogueLibrary.load(keys_dir=KEYS)


def _fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes folded."""
    text = text.replace("\u2019", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _has_word(text: str, word: str) -> bool:
    """``word`` (or its plural) as a whole word in ``text``, ignoring case and accents."""
    return re.search(rf"(?<![a-z]){re.escape(_fold(word))}(e?s)?(?![a-z])", _fold(text)) is not None


# ---------------------------------------------------------------- item 8: MBT and DIT


def test_item_options_and_feedback_name_the_same_therapy() -> None:
    """An option naming MBT (or Bateman) must not get feedback about DIT (or Lemma/Target), and vice versa."""
    notebook = json.loads((ROOT / "source" / "ipt_foundations" / "ipt_foundations.ipynb").read_text())
    options: dict[tuple[str, str], str] = {}
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        heading = re.match(r"### Q(\d+)", source)
        if cell["cell_type"] == "markdown" and heading:
            for letter, text in re.findall(r"\*\*\((\w)\)\*\* (.+)", source):
                options[(heading.group(1), letter)] = text
    keys = yaml.safe_load((KEYS / "items" / "ipt_foundations.yaml").read_text())
    mbt = re.compile(r"\bMBT\b|mentali[sz]ation|Bateman", re.I)
    dit = re.compile(r"\bDIT\b|Dynamic Interpersonal|Lemma|Target", re.I)
    checked = 0
    for item_id, key in keys.items():
        number = re.match(r"q(\d+)", item_id).group(1)
        for letter, feedback in key.get("explanations", {}).items():
            option = options.get((number, letter), "")
            for names, other in ((mbt, dit), (dit, mbt)):
                if names.search(option) and not other.search(option):
                    checked += 1
                    assert names.search(feedback), f"{item_id} ({letter}): feedback does not discuss {option!r}"
                    if other.search(feedback):
                        assert re.search(r"not the same|different|separate", feedback), (
                            f"{item_id} ({letter}): feedback mixes MBT and DIT: {feedback!r}")
    assert checked, "no MBT/DIT option found to check"


# ---------------------------------------------------------------- item 9: the sick role (Q8)


def _q8(answer: str) -> float:
    from ipt_training.grading.graders.items import grade_concepts

    return grade_concepts("ipt_foundations", "q8_sick_role", {"q8": answer}, "q8", points=3)


@pytest.fixture()
def course_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPT_COURSE_KEYS", str(KEYS))


SICK_ROLE_PASS = [
    ("Depression is a treatable medical illness and it is not their fault. They are excused from some duties "
     "for a while, and they have the duty to work at recovery by coming to sessions.", 3),
    ("The patient is told that depression is an illness and that they are not to blame. They can do less for now, "
     "but they take on the responsibility to engage in treatment.", 3),
    ("Depression is a medical condition; it isn't your fault and it is not a weakness. You may step back from some "
     "obligations, and your job is to work on recovery with me.", 3),
    ("It is an illness and not their fault. They are excused from work, and rather than staying in bed doing "
     "nothing they have the duty to work at recovery.", 3),
]
SICK_ROLE_FAIL = [
    ("Depression is an illness, so the patient is excused from work and should stay in bed doing nothing until "
     "they recover.", 2),
    ("It is an illness. They should rest and wait until they get better, doing nothing else.", 1),
    ("They are excused from work. Nothing else matters until they recover.", 1),
    ("It is their fault and they are to blame for being weak, so they have to push through at work.", 0),
    # three concepts stated, but the duty is contradicted: no full marks
    ("It is a medical illness and it is not their fault; they are excused from work and should rest passively "
     "until it passes.", 2),
    ("Depression is an illness. The patient should not blame others. They can take it easy.", 2),
]


@pytest.mark.usefixtures("course_keys")
@pytest.mark.parametrize("answer,points", SICK_ROLE_PASS + SICK_ROLE_FAIL)
def test_sick_role_item_scores_what_the_answer_says(answer: str, points: float, capsys) -> None:
    assert _q8(answer) == points, capsys.readouterr().out


@pytest.mark.usefixtures("course_keys")
def test_sick_role_feedback_explains_the_lost_duty_point(capsys) -> None:
    _q8(SICK_ROLE_FAIL[0][0])
    out = capsys.readouterr().out
    assert "duty to work at recovery" in out and "doing nothing" in out


# ---------------------------------------------------------------- item 10: keys consistent with vignettes

HONORIFICS = {"mr", "mrs", "ms", "dr", "professor", "reverend", "matron", "mama"}
GROUP_WORDS = {"friends", "members", "group", "people", "team", "and", "the", "from", "with", "club"}
#: Roles a key may give a person; each one used must be readable in the vignette.
ROLE_WORDS = (
    "husband", "wife", "partner", "ex-husband", "ex-wife", "girlfriend", "boyfriend", "fiance", "son", "daughter",
    "mother", "father", "sister", "brother", "grandmother", "grandfather", "grandson", "granddaughter", "aunt",
    "uncle", "niece", "nephew", "cousin", "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law",
    "stepfather", "stepmother", "neighbour", "flatmate", "housemate", "course-mate", "classmate", "colleague",
    "manager", "director", "boss", "supervisor", "foreman", "treasurer", "secretary", "captain", "coach", "tutor",
    "teacher", "principal", "minister", "pastor", "priest", "imam", "nurse", "doctor", "matron", "client",
    "landlord", "leader", "chair", "counsellor",
)
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH_OR_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\b|\b(19\d\d|20\d\d)\b", re.I)


def _people_words(name: str) -> tuple[list[str], bool]:
    """Words of an inventory name that must be in the vignette, and whether the name is a group label."""
    words = [w.strip(".,()") for w in name.split()]
    group = any(w[:1].islower() and w != "and" for w in words)
    if group:
        return [w for w in words if len(w) >= 4 and w.lower() not in GROUP_WORDS], True
    return [w for w in words if w.lower() not in HONORIFICS and w != "and"], False


def _roles_in(text: str) -> set[str]:
    return {r for r in ROLE_WORDS if _has_word(text, r)}


def _stated_months(vignette: str) -> set[int]:
    """Months (year * 12 + month) the vignette states; a bare month takes the year named in its sentence,
    else the last year named before it."""
    stated: set[int] = set()
    year: int | None = None
    found = list(_MONTH_OR_YEAR.finditer(" ".join(vignette.split())))
    for i, m in enumerate(found):
        if m.group(2):
            year = int(m.group(2))
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and following.group(2) and following.start() - m.end() <= 2:  # "January 2025"
            stated.add(int(following.group(2)) * 12 + MONTHS.index(m.group(1).lower()) + 1)
        elif year is not None:
            stated.add(year * 12 + MONTHS.index(m.group(1).lower()) + 1)
    return stated


def _month_index(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7])


def _case_problems(case: Case, hidden: bool = True) -> list[str]:
    """What in the key a trainee could not read. ``hidden``: the inventory and timeline are instructor keys the
    trainee must rebuild from the vignette alone (otherwise they are shown next to the vignette)."""
    vignette = case.vignette
    readable = vignette if hidden else " ".join([vignette, *(f"{p.name} {p.relationship}" for p in case.inventory),
                                                 *(e.event for e in case.timeline)])
    problems = _hidden_key_problems(case) if hidden else []
    if case.reference is not None:
        for sentence in re.split(r"(?<=[.!?])\s+", case.reference.formulation):
            for name in re.findall(r"(?<=\s)[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)*", sentence):
                for word in name.split():
                    if word.lower() not in {*MONTHS, *HONORIFICS, "ipt", "i"} and not _has_word(readable, word):
                        problems.append(f"name {word!r} in the model formulation is not in the vignette")
    return problems


def _hidden_key_problems(case: Case) -> list[str]:
    vignette = case.vignette
    problems: list[str] = []
    for person in case.inventory:
        words, group = _people_words(person.name)
        present = [w for w in words if _has_word(vignette, w)]
        if (group and not present) or (not group and len(present) < len(words)):
            problems.append(f"inventory person {person.name!r} is not named in the vignette")
        fields = [person.relationship, person.contact, person.expectations, person.satisfactions,
                  person.dissatisfactions, person.change_wished, person.recent_change]
        for role in sorted(set().union(*(_roles_in(f) for f in fields))):
            if not _has_word(vignette, role):
                problems.append(f"role {role!r} of {person.name!r} is not in the vignette")
    stated = _stated_months(vignette)
    for event in case.timeline:
        when = _month_index(event.date)
        if not any(abs(when - s) <= 1 for s in stated):  # the timeline grader's tolerance is one month
            problems.append(f"timeline date {event.date} ({event.event}) is not stated in the vignette")
        for role in sorted(_roles_in(event.event)):
            if not _has_word(vignette, role):
                problems.append(f"role {role!r} in timeline event {event.event!r} is not in the vignette")
        for name in re.findall(r"\b[A-Z][a-zà-ÿ]+\b", event.event[1:]):
            if name.lower() not in MONTHS and not _has_word(vignette, name) and name not in {"GP", "EAP"}:
                problems.append(f"name {name!r} in timeline event {event.event!r} is not in the vignette")
    if _month_index(case.symptom_onset) not in stated:
        problems.append(f"symptom onset {case.symptom_onset} is not stated in the vignette")
    return problems


def test_every_key_is_consistent_with_its_vignette(cases: list[Case]) -> None:
    """Inventories and timelines kept in the instructor keys are rebuilt by trainees from the vignette alone, so
    every person, role and date in them must be in it; in every case, the model formulation may name only people
    and places the trainee can read."""
    shipped = {c.id: bool(c.inventory) for c in CaseLibrary.load(keys_dir=False)}
    assert all(c.inventory and c.timeline for c in cases), "every case has an inventory and a timeline"
    hidden = [c.id for c in cases if not shipped[c.id]]
    assert hidden, "at least one case keeps its inventory in the instructor keys"
    problems = [f"{case.id}: {p}" for case in cases for p in _case_problems(case, hidden=not shipped[case.id])]
    assert problems == [], "\n".join(problems)


def test_the_consistency_check_catches_an_invented_person_role_and_date(cases: list[Case]) -> None:
    case = next(c for c in cases if c.id == "a-01")
    person = case.inventory[0].model_copy(update={"name": "Beatrix", "relationship": "captain of the bowls club"})
    event = case.timeline[0].model_copy(update={"date": "2019-04"})
    broken = case.model_copy(update={"inventory": [*case.inventory, person], "timeline": [*case.timeline, event]})
    problems = _case_problems(broken)
    assert any("'Beatrix'" in p for p in problems) and any("'captain'" in p for p in problems)
    assert any("2019-04" in p for p in problems)


def test_stated_months_carry_the_year_forward() -> None:
    text = "In January 2025 she stopped driving. In March she moved. Her husband died in August 2012."
    assert _stated_months(text) == {2025 * 12 + 1, 2025 * 12 + 3, 2012 * 12 + 8}


# ---------------------------------------------------------------- item 11: debatable keys


@pytest.mark.parametrize("case_id,area", [("p-12", ProblemArea.ROLE_TRANSITION),
                                          ("a-03", ProblemArea.ROLE_TRANSITION)])
def test_debatable_keys_accept_a_reasoned_alternative(cases: list[Case], case_id: str, area: ProblemArea) -> None:
    case = next(c for c in cases if c.id == case_id)
    alternatives = {a.area: a for a in case.reference.acceptable_alternatives}
    assert area in alternatives and 0 < alternatives[area].credit < 1
    assert len(alternatives[area].reason.split()) >= 12


def test_no_vignette_says_duties_unchanged_after_a_duty_was_taken_away(cases: list[Case]) -> None:
    for case in cases:
        text = " ".join(case.vignette.split())
        if re.search(r"(account|client|duties|responsibilit\w+) (was |were )?(moved|taken|removed)", text) or \
                re.search(r"moved her (main )?client", text):
            assert not re.search(r"duties[^.]*(otherwise )?unchanged", text) or "apart from" in text.lower(), case.id


# ---------------------------------------------------------------- item 12: risk in every phase


def test_phase_sorter_does_not_confine_risk_review_to_one_phase() -> None:
    risky = [t for t in PHASE_TASKS if re.search(r"suicid|risk", t.description, re.I)]
    assert risky
    for task in risky:
        # a task accepted in one phase only must be the *first* assessment, and its explanation must say that
        # risk is reviewed in every phase (reference §7a)
        assert re.search(r"\bfirst\b", task.description, re.I), task.description
        assert re.search(r"every phase|whenever", task.why, re.I), task.why


# ---------------------------------------------------------------- item 13: dialogue codes


def _triggers(problem_id: str) -> set[str]:
    problem = PROBLEMS[problem_id]
    quoted = re.findall(r"'([^']+?)(?:\.\.\.)?'", " ".join([problem.definition, *problem.cues]))
    plain = [c for c in problem.cues if "'" not in c]
    return {_fold(t).strip(" .") for t in [*quoted, *plain] if len(t) > 3}


def test_code_definitions_share_no_trigger_phrase() -> None:
    shared = []
    for a, b in itertools.permutations(PROBLEMS, 2):
        text = _fold(" ".join([PROBLEMS[b].definition, *PROBLEMS[b].cues, PROBLEMS[b].example]))
        shared += [(a, b, t) for t in _triggers(a) if t in text]
    assert shared == []


def test_near_duplicate_utterances_have_the_same_codes(dialogues: DialogueLibrary) -> None:
    utterances = [(d.id, n, u) for d in dialogues for n, u in d.numbered()]
    clashes = []
    for (d1, n1, u1), (d2, n2, u2) in itertools.combinations(utterances, 2):
        if len(u1.text) > 15 and fuzz.ratio(_fold(u1.text), _fold(u2.text)) > 85 and set(u1.codes) != set(u2.codes):
            clashes.append((f"{d1}#{n1}", f"{d2}#{n2}", u1.codes, u2.codes))
    assert clashes == []


def test_first_person_statements_of_loss_are_coded_ok(dialogues: DialogueLibrary) -> None:
    """"I was a pharmacist", "I used to have a career" are the affect IPT encourages, not a complaint."""
    found = []
    for dialogue in dialogues:
        for n, u in dialogue.numbered():
            if dialogue.speaker(u.speaker).is_patient and re.search(r"\bI (was a|used to (be|have))\b", u.text):
                found.append((dialogue.id, n, u.codes))
    assert found and all(codes == ["ok"] for _, _, codes in found), found


def test_hostile_is_kept_for_open_attacks(dialogues: DialogueLibrary) -> None:
    """A veiled reproach (a rhetorical question, 'a daughter who cared would...') is indirect, not hostile."""
    veiled = re.compile(r"wouldn't you\?|would(n't)? just|who cared would", re.I)
    for dialogue in dialogues:
        for n, u in dialogue.numbered():
            if veiled.search(u.text) and "hostile" in u.codes:
                pytest.fail(f"{dialogue.id}#{n} codes a veiled reproach as hostile: {u.text!r}")


def test_sweeping_accusations_are_hostile_not_global_complaints(dialogues: DialogueLibrary) -> None:
    """'You always' / 'you never' belongs to one code only (the definitions are disjoint)."""
    sweeping = [(d.id, n, u.codes) for d in dialogues for n, u in d.numbered()
                if re.search(r"\byou (always|never)\b", u.text, re.I)]
    assert sweeping
    assert [s for s in sweeping if "hostile" not in s[2] or "global_complaint" in s[2]] == []


def test_patient_utterances_weigh_more_in_coding_points(dialogues: DialogueLibrary) -> None:
    dialogue = dialogues.get("dp-05")
    reference = dialogue.reference_codes()
    patient = [n for n, u in dialogue.numbered() if dialogue.speaker(u.speaker).is_patient]
    other = [n for n in reference if n not in patient]
    only_patient = score_coding(dialogue, {n: list(reference[n]) for n in patient})
    only_other = score_coding(dialogue, {n: list(reference[n]) for n in other})
    assert PATIENT_WEIGHT > OTHER_WEIGHT
    assert only_patient.points > only_other.points
    total = PATIENT_WEIGHT * len(patient) + OTHER_WEIGHT * len(other)
    assert only_patient.points == pytest.approx(round(10 * PATIENT_WEIGHT * len(patient) / total, 2))


# ---------------------------------------------------------------- item 14: smaller inconsistencies


def test_communication_assignment_asks_for_the_marked_rewrites(dialogues: DialogueLibrary) -> None:
    notebook = json.loads((ROOT / "source" / "communication_analysis" / "communication_analysis.ipynb").read_text())
    text = "\n".join("".join(c["source"]) for c in notebook["cells"])
    dialogue_id = re.search(r'show_dialogue\("([^"]+)"\)', text).group(1)
    graded = sorted(int(n) for n in re.findall(rf'_grade\("{dialogue_id}", (\d+),', text))
    words = {"one": 1, "two": 2, "three": 3, "four": 4}
    said = re.search(r"\*\*Rewrite\*\* the (\w+) utterances marked `\[rewrite\]` \(numbers ([\d, and]+)\)", text)
    assert said, "the assignment should say how many utterances are marked for rewriting, and which"
    named = sorted(int(n) for n in re.findall(r"\d+", said.group(2)))
    assert words[said.group(1)] == len(named) == len(graded)
    assert named == graded == dialogues.get(dialogue_id).rewrite_targets


def test_student_year_matches_the_dates(cases: list[Case]) -> None:
    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
    for case in cases:
        year = re.search(r"(\w+)-year\b", case.patient.background)
        started = re.search(r"came to the city in (\w+) (\d{4})|started university in (\w+) (\d{4})", case.vignette)
        if not (year and started and year.group(1) in ordinals):
            continue
        start_year = int(started.group(2) or started.group(4))
        onset_year = int(case.symptom_onset[:4])
        # academic years start in March (Chile) or September; the case year is counted at the referral
        referral = max(e.date for e in case.timeline)
        start_month = MONTHS.index((started.group(1) or started.group(3)).lower()) + 1
        months = _month_index(referral) - (start_year * 12 + start_month)
        assert ordinals[year.group(1)] == months // 12 + 1, (case.id, onset_year, referral)


def test_no_one_reads_audiobooks(cases: list[Case]) -> None:
    assert not [c.id for c in cases if re.search(r"read\w* (an |the )?audiobooks?", c.vignette)]


FORMULATION_ELEMENTS = {
    "diagnosis": r"\bdepression\b",
    "treatable illness": r"\btreat(able|ed)\b",
    "not the patient's fault": r"\bnot\b[^.;]{0,40}\b(fault|failing|failure|weakness|to blame)\b",
    "onset link": r"\b(began|started|start|before)\b",
    "problem area named": r"\b(grief|role dispute|role transition|interpersonal deficits|bereavement)\b",
    "contract with number of sessions": r"\b(\d+|six|eight|ten|twelve|fourteen|sixteen|twenty)\b[\w\s-]{0,20}"
                                        r"\b(sessions|weeks)\b",
    "question asking agreement": r"\?\s*$",
}


def test_every_model_formulation_has_the_six_elements(cases: list[Case]) -> None:
    missing = [(c.id, element) for c in cases for element, pattern in FORMULATION_ELEMENTS.items()
               if not re.search(pattern, c.reference.formulation, re.I)]
    assert missing == []


def test_dialogues_that_mention_risk_cues_show_risk_reviewed(dialogues: DialogueLibrary) -> None:
    """Reference §7a: material that mentions risk must show it being assessed. Poor eating, 'no point' and
    hopelessness in a depressed patient are cues a supervisor would expect the therapist to follow up."""
    cue = re.compile(r"no point|hardly eaten|not eating|better off without|wish(es)? (I|he|she) (was|were) dead", re.I)
    for dialogue in dialogues:
        text = " ".join([dialogue.context, *(u.text + " " + (u.nonverbal or "") for u in dialogue.utterances)])
        if cue.search(text):
            assert re.search(r"(reviewed|assessed) (suicide )?risk|risk (was )?(reviewed|assessed)", dialogue.context,
                             re.I), dialogue.id
