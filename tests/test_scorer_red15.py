"""Round 15 attack on the scorer: the holes round 14 left open, closed as mechanisms.

A trainee who does not reason but knows the scorer (and sees the vignette and the timeline, never the model
formulation):

* ties the onset, by a date or a span read off the timeline, to an event named only by the timeline's kind word or
  an empty word: "She became low in November 2024, a month after the conflict", "There was a change in June 2024.
  He became low in August 2024.", "Something happened in July 2024 and one month later, in August 2024, he became
  depressed". The key event's own date, or the case's span from it, named the event "in whatever words the answer
  tells it", so these earned the link on 19 or 20 of the 48 cases (round 14's open hole, "change 03/25 ... symptom
  05/25"). A date or a span names the key event only in a clause that says what happened: a detail of the case's
  story, a word of a timeline event or a person of the inventory, not a month, a number, an empty event word or the
  area's name (``event_told.py``). "Two months after the death" on a grief case keeps its link: a death is what
  happened.

* gets the label read as the key event: on a case whose key names its event by a cue that is the area's own name
  ("dispute*"), the label "Role dispute." was the event's clause, and an onset dated beside it was tied to it. A cue
  of the key event matched only by an empty event word or the area's name names no event.

* tells the timeline's death and guesses who died: "Her daughter died of a stroke in January 2025" (the husband died)
  earned what the right relation word earns, since the death item is read from the death and its date (round 14's
  open hole). A clause that says a living person of the inventory died, by their own relation word or their name, and
  names none of the case's dead, states no fact, cites no item and dates no event (``wrong_death.py``).

Every answer here is our own, written for this file for library cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from attack_templates import area_label, cases_with_keys, pronoun
from scoring_helpers import LINK_FULL as _LINKED
from scoring_helpers import LINK_HALF as _HALF
from scoring_helpers import check_read_as_marked, points, score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.event_told import names_nothing, says_what
from ipt_training.scoring.relation_names import relation_names
from ipt_training.scoring.specificity import facts_for
from ipt_training.scoring.wrong_death import WRONG_DEATH_FEEDBACK, wrong_deaths

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _month(date: str) -> str:
    year, month = date.split("-")[:2]
    return f"{_MONTHS[int(month) - 1]} {year}"


def _span(earlier: str, later: str) -> str:
    (y1, m1), (y2, m2) = (map(int, d.split("-")[:2]) for d in (earlier, later))
    months = (y2 - y1) * 12 + m2 - m1
    return f"{_NUMBERS[months] if months < len(_NUMBERS) else months} months"


def _last_before(case):
    """The timeline's last event before the onset (a trainee's guess of the key event, read off the timeline)."""
    events = [e for e in case.timeline if e.kind.value != "symptom" and e.date <= case.symptom_onset]
    return events[-1] if events else None


def _clause(event) -> str:
    return event.event[0].lower() + event.event[1:].rstrip(".")


#: The kind-word templates: the onset tied by a date or a span to the event named by its timeline kind or by nothing.
_KIND = {
    "span": lambda case, e: (f"{area_label(case)} {pronoun(case)} became low in {_month(case.symptom_onset)}, "
                             f"{_span(e.date, case.symptom_onset)} after the {e.kind.value}."),
    "dated": lambda case, e: (f"{area_label(case)} {pronoun(case)} became low in {_month(case.symptom_onset)}, "
                              f"after the {e.kind.value} in {_month(e.date)}."),
    "apart": lambda case, e: (f"{area_label(case)} There was a {e.kind.value} in {_month(e.date)}. {pronoun(case)} "
                              f"became low in {_month(case.symptom_onset)}."),
    "something": lambda case, e: (f"{area_label(case)} Something happened in {_month(e.date)} and "
                                  f"{_span(e.date, case.symptom_onset)} later, in {_month(case.symptom_onset)}, "
                                  f"{pronoun(case).lower()} became low."),
    "the event": lambda case, e: (f"{area_label(case)} The symptoms started in {_month(case.symptom_onset)}, "
                                  f"{_span(e.date, case.symptom_onset)} after the event of {_month(e.date)}."),
}


@pytest.mark.parametrize("form", list(_KIND))
def test_the_timeline_kind_word_with_its_date_makes_no_link(library: CaseLibrary, form: str) -> None:
    gained, checked = [], 0
    for case in cases_with_keys(library):
        event = _last_before(case)
        if event is None or event.kind.value == "death":  # (a death is what happened: "after the death" tells it)
            continue
        report = score(case, _KIND[form](case, event))
        feedback = report.criterion("evidence_timeline").feedback
        assert _LINKED not in feedback and _HALF not in feedback, case.id
        gained.append(points(report, "evidence_timeline"))
        checked += 1
    assert checked >= 40
    # (before: the link on 19 or 20 of the 48 cases with "span", "dated" and "something", half on 14 with "apart")
    assert sum(gained) / len(gained) <= 0.15


def test_the_event_told_in_its_own_words_keeps_the_link(library: CaseLibrary) -> None:
    # the honest guess of the same effort: the last event before the onset, told in the timeline's words
    linked = 0
    for case in cases_with_keys(library):
        event = _last_before(case)
        if event is None:
            continue
        text = (f"{area_label(case)} {pronoun(case)} became low in {_month(case.symptom_onset)}, "
                f"{_span(event.date, case.symptom_onset)} after {_clause(event)}.")
        linked += _LINKED in score(case, text).criterion("evidence_timeline").feedback
    assert linked >= 30  # (30 of 48 before the fix and after it: the guessed event is not always the key's)


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-40", "Grief. He became low in April 2025, two months after the death."),
    ("p-36", "Role transition. He became depressed in August 2024, a month after the Chennai unit closed."),
    ("p-17", "Role dispute. She became low in November 2024, a month after things went wrong with Moses."),
    ("p-12", "Role dispute. She became low in June 2025, a month after the conflict with her husband began."),
    # the event told in the sentence before, the span pointing back to it
    ("p-30", "Role transition. He hurt his back on the site in Doha and was sent home in June 2024. Two months after "
             "this change, in August 2024, he started to feel useless."),
])
def test_a_date_or_span_beside_what_happened_keeps_the_link(library: CaseLibrary, case_id: str, text: str) -> None:
    assert _LINKED in score(library.get(case_id), text).criterion("evidence_timeline").feedback


def test_the_label_is_not_the_key_event(library: CaseLibrary) -> None:
    case = library.get("a-03")
    label_only = score(case, "Role dispute. Her symptoms started in March 2025, two months after the event in "
                             "January 2025.")
    told = score(case, "Role dispute. Her symptoms started in March 2025, two months after the promotion she was "
                       "promised went to a newer colleague in January 2025.")
    assert _LINKED not in label_only.criterion("evidence_timeline").feedback
    assert _LINKED in told.criterion("evidence_timeline").feedback


def test_what_says_what_happened(library: CaseLibrary) -> None:
    case = library.get("p-36")
    facts = facts_for(case.reference, case)

    def says(text: str) -> bool:
        return says_what(text.split(), facts, case.reference, case)

    assert says("karthik lost his job when the chennai unit closed in july 2024")
    assert says("role transition after immigration in august 2024")  # (not the case's word, but an event)
    assert not says("something happened in july 2024")
    assert not says("he became depressed a month after the change")
    assert not says("karthik became low two months after a major stressful event")  # (the patient's name says who)
    assert not says("he sleeps late ashamed to meet colleagues a month after the change")  # (the case's symptoms)
    assert names_nothing(["conflict"], ["there", "was", "a", "conflict"], facts, case.reference, case)
    assert names_nothing(["role", "dispute"], ["role", "dispute"], facts, case.reference, case)
    assert not names_nothing(["conflict"], ["the", "conflict", "with", "lakshmi"], facts, case.reference, case)
    assert not names_nothing(["arguments"], ["the", "arguments"], facts, case.reference, case)


# --- a death told of someone the case has alive

def _relations(case) -> tuple[str | None, str | None]:
    """A relation word of one of the case's dead and one of a living person (each only theirs), or None."""
    names = relation_names((p.name, p.relationship) for p in case.inventory)
    dead = [w for p in case.inventory if p.deceased for w in names.get(p.name, ())]
    alive = [w for p in case.inventory if not p.deceased for w in names.get(p.name, ())]
    return (dead[0] if dead else None), (alive[0] if alive else None)


def test_a_death_told_of_the_wrong_person_earns_nothing(library: CaseLibrary) -> None:
    right_points, wrong_points = [], []
    for case in cases_with_keys(library):
        death = [e for e in case.timeline if e.kind.value == "death"]
        dead, alive = _relations(case)
        if not death or dead is None or alive is None:
            continue
        his = "her" if pronoun(case) == "She" else "his"
        frame = (f"{area_label(case)} {pronoun(case)} became low in {_month(case.symptom_onset)}, "
                 f"{_span(death[-1].date, case.symptom_onset)} after {his} {{}} died in {_month(death[-1].date)}.")
        wrong = score(case, frame.format(alive))
        assert points(wrong, "evidence_timeline") == 0.0, case.id
        assert WRONG_DEATH_FEEDBACK in wrong.criterion("evidence_timeline").feedback
        right_points.append(points(score(case, frame.format(dead)), "evidence_timeline"))
        wrong_points.append(points(wrong, "evidence_timeline"))
    assert len(right_points) >= 10
    # (before: the wrong relation 1.18 of 3 on average, the right one 1.14; the right one keeps it)
    assert sum(right_points) / len(right_points) >= 1.0


@pytest.mark.parametrize(("case_id", "text"), [
    ("p-13", "Grief. Her daughter Ama says she has not stopped crying since Kwabena died in January 2025."),
    ("p-26", "Grief. His son Kin-man flew back to Vancouver after the funeral of his wife in September 2024."),
    ("a-05", "Grief. His brother Emre runs the shop now, since their father's death in February 2025."),
])
def test_the_living_beside_the_dead_keep_their_facts(library: CaseLibrary, case_id: str, text: str) -> None:
    report = score(library.get(case_id), text)
    assert WRONG_DEATH_FEEDBACK not in report.criterion("evidence_timeline").feedback
    assert points(report, "evidence_timeline") >= 0.5


def test_what_is_said_of_the_dead() -> None:
    living, dead = frozenset({"son", "ama"}), frozenset({"husband", "kwabena"})
    assert wrong_deaths([["her", "son", "died", "in", "january"]], living, dead) == {0}
    assert wrong_deaths([["the", "death", "of", "her", "son"]], living, dead) == {0}
    assert wrong_deaths([["she", "buried", "her", "son"]], living, dead) == {0}
    assert wrong_deaths([["her", "son", "ama", "died"]], living | {"ama"}, dead) == {0}
    assert not wrong_deaths([["she", "has", "lost", "her", "son", "s", "support"]], living, dead)
    assert not wrong_deaths([["when", "mama", "ama", "died"]], living | {"ama"}, dead)  # (Ama's mother)
    assert wrong_deaths([["her", "son", "s", "death"]], living, dead) == {0}
    assert not wrong_deaths([["the", "loss", "of", "her", "son", "s", "job"]], living, dead)
    assert not wrong_deaths([["her", "son", "cried", "after", "her", "husband", "died"]], living, dead)
    assert not wrong_deaths([["her", "son", "flew", "home", "after", "the", "funeral"]], living, dead)


# --- batch 1, written before the fixes (tests/data/red15/batch1.yaml): 16 of 22 read as marked on 5f4172e, 22 now

_BATCH1 = yaml.safe_load((Path(__file__).parent / "data" / "red15" / "batch1.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", _BATCH1, ids=[item["id"] for item in _BATCH1])
def test_the_first_batch_ischeck_read_as_marked(library: CaseLibrary, item: dict) -> None:
    check_read_as_marked(library, item)


# --- batch 2, written after the first fix (6d363fe) and run once (tests/data/red15/batch2.yaml): 6 of 10 read as
# marked (4 of 10 on 66a11b9); b1 and b6 ("His son died in September 2024 and he became low ..., two months later":
# the span "later" counted from the wrong death) were read after that run

_BATCH2 = yaml.safe_load((Path(__file__).parent / "data" / "red15" / "batch2.yaml").read_text(encoding="utf-8"))
_OPEN2 = {
    "b8-honest": "p-30: 'after the injury he had to come home from Doha in June 2024; by August 2024 he felt useless' "
                 "is read as dated apart (half), not tied (as on 66a11b9)",
    "b10-honest": "p-16: the death and the onset each dated in one sentence ('... died in December 2024 ...; the "
                  "oversleeping and guilt began in February 2025') earns no link (as on 66a11b9)",
}


@pytest.mark.parametrize("item", [pytest.param(item, marks=pytest.mark.xfail(reason=_OPEN2[item["id"]], strict=True))
                                  if item["id"] in _OPEN2 else item for item in _BATCH2],
                         ids=[item["id"] for item in _BATCH2])
def test_the_second_batch_ischeck_read_as_marked(library: CaseLibrary, item: dict) -> None:
    check_read_as_marked(library, item)


# --- phase 2: area15's reading of the inner work said stuck after a copied vignette (stuck_work.py)
# A copied vignette with a claim of its own that adapting or mourning is stuck keeps the focus the copy implies. A
# trainee who does not know the focus claimed every area's work after the copy ("He struggles to adapt to the change,
# his mourning is stuck, he keeps arguing and he has always been isolated."): whichever focus the copy implied, a claim
# confirmed it (area 3 on 7 transition and 5 grief cases, 0.78 of 3 over the 48, none before area15). Both inner works
# claimed stuck claim both areas and choose neither.

def _his(case) -> str:
    return "her" if pronoun(case) == "She" else "his"


def test_every_areas_work_claimed_after_a_copy_chooses_none(library: CaseLibrary) -> None:
    for case in cases_with_keys(library):
        text = (f"{case.vignette.strip()} {pronoun(case)} struggles to adapt to the change, {_his(case)} mourning is "
                f"stuck, {pronoun(case).lower()} keeps arguing and {pronoun(case).lower()} has always been isolated.")
        assert points(score(case, text), "problem_area") == 0.0, case.id


def test_adapting_claimed_after_a_copy_keeps_the_transition(library: CaseLibrary) -> None:
    gained = [points(score(case, f"{case.vignette.strip()} {pronoun(case)} struggles to adapt to the change."),
                     "problem_area")
              for case in cases_with_keys(library) if case.reference.primary_area.value == "role_transition"]
    assert sum(gained) / len(gained) >= 2.0  # (2.25 of 3 over the 12 transition cases with area15, and with the fix)
