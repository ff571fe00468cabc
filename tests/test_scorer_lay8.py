"""Lay language on a case nobody studied (round 8 of issue 11): what the scorer derives from the case itself and
reads in the patient's words.

* the case's own timeline events, told in the answer's words, argue for the area of their kind (a change is a
  transition, a conflict a dispute, a death grief), so an answer that names no area is read from its events even
  when the lexicon has no word for them;
* a group or a role in the inventory ("Choir friends") is not a person: a plan to go back to the choir is not a plan
  to talk about someone;
* "we looked for something that set it off and there was nothing" is the deficits link;
* the dispute's stage in plain words ("neither of you has mentioned it since", "you are both still looking for an
  answer"); silence that comes when she is angry is how she argues, not the stage;
* a plan said to the patient in plain words: a good side and a hard side looked at together, what keeps the dispute
  going, the choices there are, raising it again, coming to a decision, making the disagreement explicit, changing
  how they argue, talking about how the change feels; a plan asked as a question ("shall we use our sessions to
  talk about him?") or carried on by "once" ("once the mourning moves, back towards Marek and the choir");
* the people of a case who are alive are those the patient goes back to, the dead the one the plan talks about;
  the dead's word of kin ("the loss of his sister") tells the death as the name does;
* the case's own abbreviations ("MS") tell the words they stand for; "took her own life" is a death; a verb of
  beginning tied by the case's own span to the key event dates the onset (unless what began is a quarrel).

The cases and answers are invented for these tests (none comes from a benchmark set). Each mechanism has answers
that must gain and answers that must not: a keyword list, a denial, the case's other event, a description that is
not a plan, a plan for another area.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_helpers import points, score

from ipt_training.cases.loader import load_case_file
from ipt_training.cases.model import EventKind
from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.scoring.evidence import case_acronyms, derive_evidence
from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses

_PILOT = """
id: x-81
title: "A ferry pilot in Brest"
set: practice
difficulty: intermediate
traps: [distractor-dispute]
patient:
  name: Ines Moreau
  age: 44
  gender: woman
  background: "Ferry pilot in Brest for sixteen years; married to Yann, a boatbuilder"
setting: "Occupational health psychologist, Brest"
vignette: |
  Ines, 44, piloted the island ferries out of Brest for sixteen years. In March 2025 an eye examination found
  keratoconus and her pilot's licence was suspended; the company kept her on at a desk in the harbour office,
  where she books crossings. From May 2025 she has slept badly, stopped swimming and cries on the way home. She
  says she is slow with the booking software and that the office staff treat her as a beginner. She misses the
  crew, the weather on her face and being the one in charge. In June 2025 she and her neighbour Gaël
  disagreed about a fence between their gardens; it was settled within a week and they are on good terms. Her
  husband Yann is supportive. She still sees her friends from the sailing club now and then. Nobody close to her
  has died. She has no thoughts of suicide.
symptom_onset: 2025-05
timeline:
  - date: 2025-03
    event: "Pilot's licence suspended after keratoconus is found; put at a desk in the harbour office"
    kind: change
  - {date: 2025-05, event: "Poor sleep, stops swimming, tearful", kind: symptom}
  - date: 2025-06
    event: "Quarrel with the neighbour Gaël about the fence between the gardens, settled in a week"
    kind: conflict
inventory:
  - name: Yann
    relationship: husband, boatbuilder
    closeness: inner
    contact: "daily"
    expectations: "Wants her to talk to him"
    satisfactions: "Supportive"
  - name: Sailing club friends
    relationship: friends from the sailing club
    closeness: middle
    contact: "now and then"
    expectations: "Friendship"
  - name: Gaël
    relationship: neighbour
    closeness: outer
    contact: "weekly"
    expectations: "Good neighbours"
reference:
  primary_area: role_transition
  acceptable_alternatives: []
  key_evidence:
    - id: licence
      hint: "What happened to her work?"
      text: "In March 2025 her pilot's licence was suspended and she was moved to a desk in the harbour office."
    - id: incompetent
      hint: "How does she feel in the office?"
      text: "She is slow with the booking software and feels treated as a beginner."
    - id: misses_ferries
      hint: "What does she miss?"
      text: "She misses the crew, the weather and being in charge of the ferry."
  timeline_link:
    id: onset_after_licence
    hint: "When did the symptoms begin?"
    text: "Her symptoms began in May 2025, two months after her licence was suspended."
  goals: [transition.mourn_old, transition.realistic_new, transition.mastery]
  strategies: [transition.feelings_about_change, transition.review_old_new, transition.new_skills,
               transition.new_support]
  rationale: "Written for these tests: a change of role; the quarrel with the neighbour came later and was settled."
  formulation: "Ines, you have depression, a common and treatable illness. Written for these tests."
"""

@pytest.fixture(scope="module")
def pilot(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("cases") / "x-81.yaml"
    path.write_text(_PILOT, encoding="utf-8")
    return load_case_file(path)


@pytest.fixture(scope="module")
def pilot_without_event(pilot):
    # the same case with the licence event told as "other": nothing in the case says what kind of event it was
    timeline = [e.model_copy(update={"kind": EventKind.OTHER}) if e.kind is EventKind.CHANGE else e
                for e in pilot.timeline]
    return pilot.model_copy(update={"timeline": timeline})


_OPENING = "Ines, you are depressed; it is a common illness and it can be treated. "
_MEET = "Over twelve weeks we will meet every week. Does that sound right?"


def test_the_cases_own_event_tells_the_area_an_answer_names_only_by_its_events(pilot, pilot_without_event):
    # no area named, no word of the lexicon's events: the case's own event is the only argument for a focus
    text = (_OPENING + "Since your pilot's licence was suspended and they sat you at a desk in the harbour office, "
            "your sleep has gone, and two months later you were low. " + _MEET)
    read = score(pilot, text)
    assert read.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(read, "problem_area") == 3.0
    assert "no_commitment" not in read.flags
    # without the case's word for what kind of event it was, the same answer chooses nothing
    unread = score(pilot_without_event, text)
    assert unread.detected_primary is None
    assert points(unread, "problem_area") == 0.0


def test_the_cases_other_event_argues_for_its_own_area_not_the_keys(pilot):
    # the answer explains the episode by the quarrel over the fence: a dispute, which is not the key's focus
    text = ("Ines, you are depressed; it is a common illness and it can be treated. It is because of the quarrel "
            "with Gaël about the fence between your gardens that you feel so low. We will look at what each of "
            "you wants from the other. Does that sound right?")
    read = score(pilot, text)
    assert read.detected_primary is not ProblemArea.ROLE_TRANSITION
    assert points(read, "problem_area") == 0.0


def test_a_denied_event_or_a_list_of_its_words_argues_for_nothing(pilot):
    denied = score(pilot, _OPENING + "It is not because your licence was suspended and you were sat at a desk in "
                   "the harbour office. " + _MEET)
    assert denied.detected_primary is not ProblemArea.ROLE_TRANSITION
    listed = score(pilot, "Licence suspended. Harbour office desk. Keratoconus. Booking software. Fence. Swimming.")
    assert points(listed, "problem_area") == 0.0


_GRIEF = """
id: x-82
title: "A bus garage in Łódź"
set: practice
difficulty: beginner
traps: [delayed-grief]
patient:
  name: Tomasz Wójcik
  age: 51
  gender: man
  background: "Bus mechanic in Łódź; sings bass in a parish choir"
setting: "Community mental health team, Łódź"
vignette: |
  Tomasz, 51, a bus mechanic, lost his sister Ewa to a stroke in January 2025. He arranged the funeral, went back
  to the garage the next day and has not cried. He will not enter her flat and lets her calls stay on his
  answerphone. He stopped going to the choir in February. From March he has slept badly and eaten little.
  Nobody else close to him has died and there are no quarrels at home.
symptom_onset: 2025-03
timeline:
  - {date: 2025-01, event: "His sister Ewa dies of a stroke; he goes back to work the next day", kind: death}
  - {date: 2025-03, event: "Poor sleep and appetite", kind: symptom}
inventory:
  - name: Ewa
    relationship: sister
    closeness: inner
    contact: "died January 2025"
    expectations: "Close"
    deceased: true
  - name: Choir friends
    relationship: friends from the parish choir
    closeness: middle
    contact: "none since February"
    expectations: "Friendship"
  - name: Marek
    relationship: brother
    closeness: inner
    contact: "weekly"
    expectations: "Close"
reference:
  primary_area: grief
  acceptable_alternatives: []
  key_evidence:
    - id: sister_died
      hint: "Who died?"
      text: "His sister Ewa died of a stroke in January 2025."
    - id: no_mourning
      hint: "How did he react?"
      text: "He went back to work the next day and has not cried."
    - id: avoidance
      hint: "What does he avoid?"
      text: "He will not enter her flat and keeps her calls on his answerphone."
  timeline_link:
    id: onset_after_death
    hint: "When did the symptoms begin?"
    text: "His symptoms began in March 2025, two months after Ewa died."
  goals: [grief.mourn, grief.reinvest]
  strategies: [general.link_onset, grief.reconstruct, grief.events_of_death, grief.forbidden_feelings]
  rationale: "Written for these tests."
  formulation: "Tomasz, you have depression, a common and treatable illness. Written for these tests."
"""

_GRIEF_STORY = ("Tomasz, you have depression, a common illness that can be treated. Ewa died of a stroke in "
                "January and you were back at the garage the next day; you have not cried, and you will not go "
                "into her flat. Your sleep went in March, two months after her death. I think your grief for her "
                "has had nowhere to go. Over twelve weeks we will talk about Ewa and let the sadness come. ")


@pytest.fixture(scope="module")
def mechanic(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("cases") / "x-82.yaml"
    path.write_text(_GRIEF, encoding="utf-8")
    return load_case_file(path)


def test_a_group_in_the_inventory_is_not_a_person_the_plan_talks_about(mechanic):
    back = score(mechanic, _GRIEF_STORY + "Later we can think about the choir again.")
    without = score(mechanic, _GRIEF_STORY + "Later we can think about how things are.")
    assert points(back, "goals") == back.criterion("goals").max_points  # mourning and going back to the choir
    assert points(without, "goals") < points(back, "goals")


def test_a_good_side_and_a_hard_side_looked_at_together_is_a_review_in_a_plan_only(pilot):
    story = ("Ines, you are depressed. Since your licence was suspended in March and you were moved to the harbour "
             "office, you have felt low; the low mood began two months later. This is a big change in your life. ")
    review = score(pilot, story + "We will look at the good and the hard parts of then and now, and talk about what "
                   "you miss and how that feels.")
    feelings_only = score(pilot, story + "We will talk about what you miss and how that feels.")
    told = score(pilot, story + "You say the good and the hard parts of the ferry were always clear to you. We will "
                 "talk about what you miss and how that feels.")
    assert points(review, "strategies") > points(feelings_only, "strategies")
    assert points(told, "strategies") == points(feelings_only, "strategies")  # a description, not a plan


@pytest.fixture(scope="module")
def impasse(library):
    return library.get("p-34")  # a grandmother and her daughter-in-law who stopped discussing it (impasse)


_IMPASSE_STORY = ("Mrs Zhao, you are depressed; it is an illness and it can be treated. In April you and Jessica "
                  "quarrelled about Leo's feeding and sleep, and since Wei asked you both to stop fighting you have "
                  "not talked about it at all; you eat in your room and are coldly polite. Your sleep went in "
                  "August, two months after you stopped talking. I would call this a falling-out with Jessica that "
                  "has gone quiet. ")


def test_a_dispute_plan_in_plain_words_earns_its_strategies_and_goals(impasse):
    plain = score(impasse, _IMPASSE_STORY + "In twelve sessions we will look at how the silence keeps the problem "
                  "going and what choices you have, and get ready to raise it with Jessica again.")
    vague = score(impasse, _IMPASSE_STORY + "In twelve sessions we will talk about how you are.")
    assert points(plain, "strategies") > points(vague, "strategies")
    assert points(plain, "goals") > points(vague, "goals")


def test_words_of_a_dispute_plan_in_a_description_or_about_talking_earn_nothing(impasse):
    base = score(impasse, _IMPASSE_STORY + "In twelve sessions we will talk about how you are.")
    told = score(impasse, _IMPASSE_STORY + "They keep going round in circles. In twelve sessions we will talk about "
                 "how you are.")
    told_going = score(impasse, _IMPASSE_STORY + "The silence keeps going. In twelve sessions we will talk about how "
                       "you are.")
    assert points(told, "strategies") == points(told_going, "strategies") == points(base, "strategies")
    # other ways of saying something are communication, not other options for the dispute
    spoken = score(impasse, _IMPASSE_STORY + "In twelve sessions we will practise saying what you need.")
    ways = score(impasse, _IMPASSE_STORY + "In twelve sessions we will practise other ways of saying what you need.")
    assert points(ways, "strategies") == points(spoken, "strategies")


@pytest.fixture(scope="module")
def loner(library):
    return library.get("p-09")  # friendships that start well and end in silence; nothing set this episode off


def test_a_search_that_found_nothing_is_the_deficits_link(loner):
    story = ("Your friendships start well, then you feel hurt or left out, say nothing and pull away, and you end "
             "up alone; you live on your own. ")
    searched = score(loner, story + "We looked for something that might have set this episode off, a death, a "
                     "quarrel or a change, and there was nothing.")
    silent = score(loner, story + "We talked about your week.")
    assert "onset_without_event" in searched.evidence_cited
    assert "onset_without_event" not in silent.evidence_cited
    assert points(searched, "evidence_timeline") > points(silent, "evidence_timeline")


def test_nothing_said_without_a_search_is_no_link(loner):
    story = ("Your friendships start well, then you feel hurt or left out, say nothing and pull away, and you end "
             "up alone; you live on your own. ")
    gone = score(loner, story + "You said nobody would notice if you were gone. Nothing ever happens to you.")
    assert "onset_without_event" not in gone.evidence_cited


_VINEYARD = """
id: x-83
title: "A vineyard near Mendoza"
set: practice
difficulty: intermediate
traps: [distractor-transition]
patient:
  name: Rosario Giménez
  age: 39
  gender: woman
  background: "Agronomist at a family vineyard near Mendoza; married to Facundo"
setting: "Primary care psychologist, Mendoza"
vignette: |
  Rosario, 39, an agronomist, came in April 2025 with poor sleep and crying spells. In November 2024 her husband
  Facundo promised his father that they would move into the old farmhouse on the estate, without discussing it
  with her. She wants to stay in their flat in the city near her lab and her sister Luz. They have quarrelled about
  it two or three times a week since; both still want a solution, visited the farmhouse twice and talked about a
  trial month. When she is angry she goes silent and he takes it as agreement. Her symptoms began in January 2025.
  In September 2024 she was promoted at the lab, which she enjoys. No thoughts of suicide.
symptom_onset: 2025-01
timeline:
  - {date: 2024-09, event: "Promoted to head of the soil laboratory", kind: change}
  - date: 2024-11
    event: "Facundo promises his father they will move to the farmhouse without asking her; quarrels begin"
    kind: conflict
  - {date: 2025-01, event: "Poor sleep, crying", kind: symptom}
inventory:
  - name: Facundo
    relationship: husband
    closeness: inner
    contact: "daily"
    expectations: "Wants them to move to the farmhouse"
  - name: Luz
    relationship: sister
    closeness: inner
    contact: "several times a week"
    expectations: "Close"
reference:
  primary_area: role_dispute
  dispute_stage: renegotiation
  acceptable_alternatives: []
  key_evidence:
    - id: promise
      hint: "What did Facundo decide?"
      text: "In November 2024 Facundo promised his father they would move to the farmhouse without asking her."
    - id: expectations
      hint: "What does each expect?"
      text: "Facundo says family comes first; Rosario wants to be asked and to stay in the city."
    - id: still_trying
      hint: "Are they still trying?"
      text: "Both still want a solution: they visited the farmhouse twice and discussed a trial month."
  timeline_link:
    id: onset_after_promise
    hint: "When did the symptoms begin?"
    text: "Her symptoms began in January 2025, two months after the promise and the quarrels began."
  goals: [dispute.identify, dispute.plan, dispute.resolve]
  strategies: [dispute.expectations, dispute.options, general.communication_analysis, general.role_play]
  rationale: "Written for these tests: a dispute still being negotiated."
  formulation: "Rosario, you have depression, a common and treatable illness. Written for these tests."
"""

_VINEYARD_STORY = ("Rosario, you are depressed; it is a common illness and it can be treated. It started in January, "
                   "two months after Facundo promised his father you would move to the farmhouse without asking you, "
                   "and you have argued about it a few times a week since. I see this as a disagreement between you "
                   "two. ")


@pytest.fixture(scope="module")
def vineyard(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("cases") / "x-83.yaml"
    path.write_text(_VINEYARD, encoding="utf-8")
    return load_case_file(path)


@pytest.mark.parametrize("described", [
    "You are both still looking for an answer: you went to see the farmhouse and talked about a trial month.",
    "Neither of you has given up: you went to see the farmhouse and talked about a trial month.",
])
def test_a_dispute_still_negotiated_in_plain_words_is_renegotiation(vineyard, described):
    read = score(vineyard, _VINEYARD_STORY + described)
    bare = score(vineyard, _VINEYARD_STORY)
    assert read.detected_stage is DisputeStage.RENEGOTIATION
    assert points(read, "evidence_timeline") > points(bare, "evidence_timeline")


def test_silence_when_angry_is_how_she_argues_not_the_stage(vineyard):
    habit = score(vineyard, _VINEYARD_STORY + "You are both still looking for an answer. When you are angry you go "
                  "quiet, and he takes your silence as a yes.")
    assert habit.detected_stage is DisputeStage.RENEGOTIATION  # not a tie with an impasse
    stopped = score(vineyard, _VINEYARD_STORY + "You have both gone quiet about it.")
    assert stopped.detected_stage is DisputeStage.IMPASSE  # silence that is the state of the dispute


@pytest.mark.parametrize("other", [
    "He has given up drinking on Fridays.",
    "He is still looking for his keys every morning.",
])
def test_words_of_persistence_about_something_else_describe_no_stage(vineyard, other):
    assert score(vineyard, _VINEYARD_STORY + other).detected_stage is None


@pytest.mark.parametrize("described", [
    "Since then neither of you has mentioned it.",
    "After that one row the subject has been closed.",
    "Things have frozen between you since then.",
    "You have given up trying to talk to her about it.",
    "Since that row, it has been swept under the carpet.",
])
def test_talk_that_has_stopped_in_plain_words_is_an_impasse(impasse, described):
    story = ("Mrs Zhao, you are depressed; it is an illness and it can be treated. In April you and Jessica "
             "quarrelled about Leo's feeding and sleep. Your sleep went in August. ")
    read = score(impasse, story + described)
    assert read.detected_stage is DisputeStage.IMPASSE
    assert score(impasse, story).detected_stage is None


def test_an_event_dated_after_the_onset_argues_for_nothing(pilot):
    # the quarrel over the fence came in June, after the low mood began in May: by the case's dates it set nothing off
    text = (_OPENING + "Your low mood is because of the business with Gaël about the fence between your gardens. "
            + _MEET)
    read = score(pilot, text)
    assert read.detected_primary is not ProblemArea.ROLE_DISPUTE


def test_a_plan_to_talk_about_the_person_still_argues_for_grief(mechanic):
    # "talk about her" is a plan of grief; the balanced-look words shared with the transition must not silence it
    text = ("Tomasz, I think your depression is connected with Ewa's death in January, which you have hardly let "
            "yourself feel. It started about two months later. Over twelve weeks I'd like us to talk about her and "
            "about what you have been holding in. Would that feel right?")
    read = score(mechanic, text)
    assert read.detected_primary is ProblemArea.GRIEF
    assert points(read, "problem_area") == 3.0


def test_the_event_the_answer_ties_the_onset_to_settles_a_tie_between_its_arguments(pilot):
    # "the sadness of what you lost" speaks for grief as much as for a change; the onset tied to the licence, the
    # case's key event (a change), settles it
    text = ("Ines, you are depressed; it can be treated. Your low mood began two months after you lost your licence. "
            "Over twelve weeks we will talk about the sadness of what you lost and find people you can lean on. "
            "Does that fit?")
    read = score(pilot, text)
    assert read.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(read, "problem_area") == 3.0


def test_the_key_event_alone_chooses_no_focus(pilot):
    # the onset tied to the licence, but the answer's own explanation is stress and its plan is coping: no focus
    text = ("Ines, you are depressed, and I think it is because of stress at work. Your low mood began two months "
            "after you lost your licence. We will find ways to cope with the stress. Is that ok?")
    read = score(pilot, text)
    assert read.detected_primary is None
    assert points(read, "problem_area") == 0.0


def test_a_choice_left_to_the_patient_is_no_commitment(pilot):
    text = ("Ines, the licence and the quarrel with Gaël both seem linked to your low mood. I would present both "
            "to you and let you choose which to work on; it would be premature for me to pick.")
    read = score(pilot, text)
    assert read.detected_primary is None
    assert "no_commitment" in read.flags


_MOURN_OPENING = ("Tomasz, you have depression, a common illness that can be treated. Ewa died of a stroke in "
                  "January and you were back at the garage the next day; you have not cried, and you will not go "
                  "into her flat. Your sleep went in March, two months after her death. I think your grief for her "
                  "has had nowhere to go. ")


def test_a_plan_asked_as_a_question_is_a_plan(mechanic):
    asked = score(mechanic, _MOURN_OPENING + "Shall we use our twelve sessions to talk about her and about what you "
                  "feel, even the anger?")
    told = score(mechanic, _MOURN_OPENING + "You told me you talk about her and about what you feel, even the anger.")
    assert points(asked, "goals") > points(told, "goals")


def test_the_living_are_whom_he_goes_back_to_and_the_dead_whom_the_plan_talks_about(mechanic):
    plan = "Over twelve weeks we will talk about Ewa and let the sadness come. "
    back = score(mechanic, _MOURN_OPENING + plan + "Once the mourning moves, back towards Marek and the choir.")
    alone = score(mechanic, _MOURN_OPENING + plan)
    assert points(back, "goals") > points(alone, "goals")  # going back to people is re-investment
    about_ewa = score(mechanic, _MOURN_OPENING + "Over twelve weeks we will talk about Ewa.")
    about_marek = score(mechanic, _MOURN_OPENING + "Over twelve weeks we will talk about Marek.")
    # talking about the living brother reconstructs no relationship with the dead
    assert points(about_marek, "strategies") < points(about_ewa, "strategies")


def test_the_loss_of_the_dead_by_their_kin_word_is_a_death(mechanic):
    sister = score(mechanic, "I'd frame this as an unresolved loss of his sister. He was fixing buses again within a "
                   "day and no tears since; his sleep went in March. Aims: let him mourn her.")
    job = score(mechanic, "I'd frame this as the loss of his place at the garage. His sleep went in March. Aims: "
                "help him settle.")
    assert sister.detected_primary is ProblemArea.GRIEF
    assert job.detected_primary is not ProblemArea.GRIEF


def test_a_dispute_plan_that_names_the_disagreement_and_changes_how_they_argue(vineyard):
    plain = score(vineyard, _VINEYARD_STORY + "Aims: make the disagreement explicit, help her decide what she is "
                  "asking for, and change how they argue so that an agreement becomes possible.")
    vague = score(vineyard, _VINEYARD_STORY + "Aims: help her feel better.")
    assert points(plain, "goals") == plain.criterion("goals").max_points
    assert points(vague, "goals") < points(plain, "goals")


def test_talking_about_how_the_change_feels_is_a_transition_strategy_only_for_a_transition(pilot, vineyard):
    change = score(pilot, "Ines, you are depressed. Since your licence was suspended in March and you were moved to "
                   "the harbour office, you have felt low; the low mood began two months later. This is a big change "
                   "in your life. We will talk about how that feels.")
    nothing = score(pilot, "Ines, you are depressed. Since your licence was suspended in March and you were moved to "
                    "the harbour office, you have felt low; the low mood began two months later. This is a big "
                    "change in your life. We will meet every week.")
    assert points(change, "strategies") > points(nothing, "strategies")
    dispute = score(vineyard, _VINEYARD_STORY + "We will talk about how that feels.")
    assert points(dispute, "strategies") == points(score(vineyard, _VINEYARD_STORY + "We will meet every week."),
                                                   "strategies")


def _cites(acronyms: frozenset[str], answer: str) -> set[str]:
    texts = {"illness": "In February he was diagnosed with multiple sclerosis after losing the sight in one eye.",
             "link": "His hopelessness began in April, two months after the diagnosis."}
    derived = derive_evidence(texts, "link", acronyms=acronyms)
    prepared, matches = build_matcher(derived.cues).find_prepared(clauses(answer))
    return derived.cited(matches, prepared)


def test_the_cases_own_abbreviation_tells_the_words_it_stands_for():
    # a case that writes "MS" lets "the MS diagnosis" tell "diagnosed with multiple sclerosis"
    vignette = "The neurologist says many people with his form of MS keep working."
    assert "illness" in _cites(case_acronyms([vignette]), "The MS diagnosis turned his life upside down.")
    # without the case's abbreviation, or with another one, "MS" is one word of nothing
    assert "illness" not in _cites(frozenset(), "The MS diagnosis turned his life upside down.")
    assert "illness" not in _cites(case_acronyms(["He works in the ICU."]), "The MS diagnosis turned his life "
                                   "upside down.")


def test_took_his_own_life_is_a_death(tmp_path):
    case_text = _GRIEF.replace("lost his sister Ewa to a stroke in January 2025", "lost his sister Ewa in January "
                               "2025, when she took her own life").replace(
        'text: "His sister Ewa died of a stroke in January 2025."',
        'text: "His sister Ewa took her own life in January 2025."')
    path = tmp_path / "x-84.yaml"
    path.write_text(case_text.replace("id: x-82", "id: x-84"), encoding="utf-8")
    case = load_case_file(path)
    said = score(case, "Tomasz is depressed because his sister died and he has not let himself be sad about it.")
    other = score(case, "Tomasz is depressed because his sister moved away and he has not let himself be sad about it.")
    assert "sister_died" in said.evidence_cited
    assert "sister_died" not in other.evidence_cited


def test_a_beginning_tied_by_the_cases_own_span_to_the_key_event_dates_the_onset(mechanic):
    story = ("His grief for Ewa has had nowhere to go: he was at the garage the next day and has not cried, and he "
             "will not go into her flat. ")
    began = score(mechanic, story + "His short temper is new and began about two months after Ewa's stroke.")
    quarrels = score(mechanic, story + "The quarrels at home only began about two months after Ewa's stroke.")
    assert "onset_after_death" in began.evidence_cited
    assert "onset_after_death" not in quarrels.evidence_cited


@pytest.mark.parametrize(("said", "stage"), [
    ("Since the promise she has cut him off and sleeps at her sister's.", DisputeStage.DISSOLUTION),
    ("At the last family meeting she told him she was finished with him.", DisputeStage.DISSOLUTION),
    ("Since the promise she feels cut off from her friends at the lab.", None),
])
def test_a_relationship_cut_off_by_one_of_them_is_dissolution(vineyard, said, stage):
    assert score(vineyard, _VINEYARD_STORY + said).detected_stage is stage


def test_closing_the_relationship_well_is_its_resolution_only_where_it_is_ending(vineyard):
    ended = vineyard.model_copy(update={"reference": vineyard.reference.model_copy(
        update={"dispute_stage": DisputeStage.DISSOLUTION})})
    story = _VINEYARD_STORY + "She has cut him off and sleeps at her sister's. "
    closing = "I would help her decide what she wants and close this chapter properly."
    deciding = "I would help her decide what she wants."
    assert points(score(ended, story + closing), "goals") > points(score(ended, story + deciding), "goals")
    # the same words where the dispute is still being negotiated (and the answer stages no ending) steer it toward
    # an end: no resolution
    assert points(score(vineyard, _VINEYARD_STORY + closing), "goals") <= points(
        score(vineyard, _VINEYARD_STORY + deciding), "goals")


@pytest.mark.parametrize("plan", [
    "We will give you permission to be sad about her.",
    "Then we can help you start living again.",
    "Later we will look at rebuilding your life around the people still here.",
])
def test_grief_goals_in_the_patients_words(mechanic, plan):
    base = "Over twelve weeks we will meet every week. "
    assert points(score(mechanic, _MOURN_OPENING + base + plan), "goals") > points(
        score(mechanic, _MOURN_OPENING + base), "goals")


def test_grief_goal_words_in_a_description_earn_nothing(mechanic):
    base = "Over twelve weeks we will meet every week. "
    told = score(mechanic, _MOURN_OPENING + base + "Marek says Tomasz started living again for a week in May.")
    assert points(told, "goals") == points(score(mechanic, _MOURN_OPENING + base), "goals")


@pytest.mark.parametrize("plan", [
    "We will understand what the fight is really about.",
    "We will help you choose your next step.",
    "We will help you find a way to talk without fighting.",
    "We will help you get things back on track with Facundo.",
])
def test_dispute_goals_in_the_patients_words(vineyard, plan):
    base = "Over twelve weeks we will meet every week. "
    assert points(score(vineyard, _VINEYARD_STORY + base + plan), "goals") > points(
        score(vineyard, _VINEYARD_STORY + base), "goals")


def test_dispute_goal_words_for_another_area_earn_nothing(pilot):
    # a transition answer (the licence) whose plan speaks of getting things back on track: no dispute goal
    story = ("Ines, you are depressed. Since your licence was suspended in March and you were moved to the harbour "
             "office, you have felt low; the low mood began two months later. This is a big change in your life. ")
    on_track = score(pilot, story + "We will help you get things back on track at work.")
    assert points(on_track, "goals") == points(score(pilot, story + "We will meet every week."), "goals")


def test_long_standing_aloneness_said_to_the_patient_is_the_deficits_link(loner):
    said = score(loner, "I think your low mood has a lot to do with how alone you have been for years. Over the "
                 "next months I'd like to help you take small steps toward people.")
    textbook = score(loner, "Low mood often has a lot to do with how alone people have been for years. Over the next "
                     "months the therapist helps them take small steps toward people.")
    assert "onset_without_event" in said.evidence_cited
    assert "onset_without_event" not in textbook.evidence_cited


@pytest.mark.parametrize("said", [
    "The low mood began this winter, and his isolation goes back to childhood, long before it.",
    "The low mood began this winter; he has felt alone for as long as he can remember, long before it.",
])
def test_isolation_from_childhood_is_long_standing(loner, said):
    story = "He lives on his own; his friendships start well, then he pulls away. "
    assert "onset_without_event" in score(loner, story + said).evidence_cited
    assert "onset_without_event" not in score(loner, story + "The low mood began this winter.").evidence_cited


def test_a_name_others_would_give_is_reported_not_chosen(pilot):
    story = ("Ines, you are depressed. Since your licence was suspended in March and you were moved to the harbour "
             "office, you have felt low; the low mood began two months later. ")
    others = score(pilot, story + "Some people would call this grief for the life you had, but nobody has died, so "
                   "I see it as a change of role.")
    mine = score(pilot, story + "I would call this grief for the life you had.")
    assert others.detected_primary is ProblemArea.ROLE_TRANSITION
    assert points(others, "problem_area") == 3.0
    assert "self_contradiction" not in others.flags
    assert mine.detected_primary is ProblemArea.GRIEF  # the writer's own naming is a choice
