"""The senior trainer's review of round 9 (findings C3, H1, H2): credit the new readings gave for words, not work.

* H1: sleep and weight tell the onset in a symptom's sense, of the patient ("she has hardly slept and has lost
  weight"), not in any sense ("Sipho has slept in the spare room", "she carried the weight of the funeral") nor of
  another person of the case ("Sipho has hardly slept");
* H2: a piece of the case's text gives its words to an evidence item only where it tells what the item is about, not
  only who is in it ("His wife Lakshmi", "with Lakshmi, and started an antidepressant"), and a list goes on across
  commas only ('the school says: "withdrawn, a loner"'); the words the rationale quotes to set a reading aside (the
  referral's "a loner, shy by nature") are no item's other words;
* C3: the model letter's plan is a key to the answer's plan only where the answer proposes that work: not where it
  refuses it ("I would not talk about what she has lost", in the model letter's words or in the plain-words frames'),
  not in verbs of talking alone ("help him speak German
  better ... and talk about the relationship with his boss"), and not where the phrase is about other work, in rare
  words that neither the case, its model letter nor IPT's vocabulary has ("a sleep diary to look at patterns",
  "contacts with a mortgage adviser", "bus routes in Turin").

The answers the trainer marked come from the review (its text is ours to use, the marks are the trainer's, or the
old scorer's where the trainer found it right, within half a point); the others are invented here.
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.scoring.formulation import _matcher_for, _model_key
from ipt_training.scoring.onset_words import onset_told, onset_words
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in ("p-01", "p-03", "p-04", "p-05", "p-12", "p-13", "p-21", "p-25", "p-31",
                                              "p-36")}


def _note(case, text):
    return score(case, text, rubric="supervision", reveal=True)


def _told(case, text: str) -> bool:
    words = onset_words(case.reference, case)
    return any(onset_told(tokens, words) for tokens in clauses(text))


# --- H1: sleep and weight in a symptom's sense, of the patient ------------------------------------------------------

_ONSET_IDIOMS = [
    # (case, the trainer's answer, the trainer's mark, the onset item): no onset stated anywhere
    ("p-12", "Role dispute with Sipho, renegotiation. Since the arguments started in May, Sipho has slept in the spare "
             "room and kept his Saturday football, although they agreed to share night feeds. Both still want a fair "
             "arrangement. Goals: identify the dispute, plan, resolve. Strategies: expectations, communication "
             "analysis, role play.", 8, "onset_after_arguments"),
    ("p-13", "Grief. After Kwabena died in January she carried the weight of the funeral and forty relatives on her "
             "own; she had to be strong for everyone and has not cried. She keeps his room closed. Goals: mourn and "
             "reinvest. Strategies: reconstruct the relationship including the loan, go over the death, forbidden "
             "feelings.", 9, "onset_after_death"),
    ("p-03", "Grief. After Eleni died in March he has slept in the armchair and will not move her things or go to the "
             "grave; he says he killed her. Secondary dispute with Nikos at impasse. Goals: mourn, reinvest, reopen "
             "contact with Nikos. Strategies: reconstruct the marriage, her last weeks and the decision, guilt.", 8.5,
             "onset_after_death"),
    ("p-05", "Role transition. Since the move to Winnipeg Clara has carried the weight of the new job and he has slept "
             "in late; he lost his team and futsal friends. Goals: mourn the old role, realistic new, mastery. "
             "Strategies: feelings about the change, review old and new, new support.", 9, "onset_after_move"),
]


@pytest.mark.parametrize(("cid", "text", "mark", "onset"), _ONSET_IDIOMS)
def test_sleep_and_weight_in_another_sense_link_no_onset(cases, cid, text, mark, onset):
    report = _note(cases[cid], text)
    assert onset not in report.evidence_cited
    assert abs(report.total - mark) <= 0.5


def test_sleep_and_weight_as_symptoms_of_the_patient_tell_the_onset(cases):
    grief = cases["p-13"]
    # kept from the new reading: the symptoms said in plain words, with the death before them, link the onset
    kept = _note(grief, "Grief. Since Kwabena died in January she has hardly slept and has lost weight. She had to "
                        "be strong for everyone and has not cried. Goals: mourn and reinvest. Strategies: reconstruct "
                        "the relationship including the loan, go over the death, forbidden feelings.")
    assert "onset_after_death" in kept.evidence_cited
    assert kept.total >= 9.5
    for said in ("she has hardly slept", "you have slept badly since", "has lost weight", "weight loss since March",
                 "she slept very little in February", "Hardly slept since the funeral"):
        assert _told(grief, said), said
    dispute = cases["p-12"]
    for other in ("Sipho has slept in the spare room", "Sipho has hardly slept", "she carried the weight of it",
                  "Sipho has lost weight", "he has slept in the armchair"):
        assert not _told(dispute, other), other


# --- H2: the case's other words for an item ---------------------------------------------------------------------


def test_a_piece_that_names_only_who_gives_no_item_its_words(cases):
    _, derived = _matcher_for(cases["p-36"].reference, cases["p-36"])
    arguments = derived.extra.get("arguments_after_onset", frozenset())
    assert not {"word:antidepressant", "word:analysi", "word:bill", "word:teacher", "word:tutor"} & arguments
    # a retelling of the treatment beside a word of the item's timing cites nothing
    report = _note(cases["p-36"], "Karthik: role transition after the job loss. Since his mood started to fall, the "
                                  "psychiatrist has him on an antidepressant and he sends applications all day. "
                                  "Goals: mourn the old role, realistic new, mastery. Strategies: feelings, review "
                                  "old and new, decision analysis.")
    assert "arguments_after_onset" not in report.evidence_cited
    # the area (3), 0.5 on evidence and link, the three goals (2), and two of the key's strategies, the
    # review of old and new (read since strat13) and decision analysis (1.5): 7 ("feelings" alone is not read)
    assert abs(report.total - 7.0) <= 0.5


def test_the_referrals_trap_words_back_up_no_item(cases):
    _, derived = _matcher_for(cases["p-25"].reference, cases["p-25"])
    learnt = set().union(*derived.extra.values())
    assert not {"word:loner", "word:shy", "word:nature", "word:withdrawn"} & learnt
    # the case's other words for an item still back up its own ones where the piece tells the fact
    _, karthik = _matcher_for(cases["p-36"].reference, cases["p-36"])
    assert "word:software" in karthik.extra.get("job_loss", frozenset())
    # kept from the new reading (the trainer checked it): "never starts contact" is the fear of rejection told
    kept = _note(cases["p-21"], "Interpersonal deficits. He apologised in the clinic for wasting time and chats online "
                                "at night but never starts contact; he has never had a close friend and ate lunch "
                                "alone in the cafeteria. Goals: reduce isolation, new relationships. Strategies: "
                                "therapeutic relationship, role play, graded contact.")
    assert "fear_of_rejection" in kept.evidence_cited


# --- C3: the model letter's plan as a key, only for this patient's IPT work -----------------------------------------

_TRANSITION_01 = ("Role transition after the kidney failure diagnosis and dialysis in January 2025; low mood from "
                  "March. She gave up full-time teaching and her dancing. ")
_TRANSITION_05 = ("Amaru has a role transition: the move to Winnipeg seven months ago for Clara's job, with onset "
                  "about two months later; he lost his team and futsal friends. ")

_OTHER_WORK = [
    # (case, the trainer's answer, the trainer's mark, where the new reading went): the plan is not IPT's work
    ("p-01", _TRANSITION_01 + "I would not talk about what she has lost - that would only make her sadder. Instead "
                              "we will look at what is still possible medically with the transplant team.", 6, 9),
    ("p-04", "Interpersonal deficits: lifelong loneliness, lunch alone for 20 years, no death, no conflict, no change. "
             "Plan: keep a sleep diary to look at patterns in her waking at 4 a.m., notice how she feels each morning "
             "with a mood rating, and small steps of exercise and reading novels again.", 7, 9),
    ("p-25", "Ioana, 14: role transition after moving from Iași to Turin in August 2024 with her mother to join her "
             "father; low mood from October. She lost her best friend Bianca, volleyball and her grandmother's daily "
             "care. We will look at bus routes in Turin and build her Italian skills with a tutor so her grades "
             "improve.", 6, 8.5),
    ("p-31", "Grief for his father, who died in February 2022; the depression began in March 2025 after the third "
             "anniversary. We will help him speak German better at work with Jens, and talk about the relationship "
             "with his boss.", 4.5, 6),
    ("p-01", "Marisol has major depression, onset March 2025, two months after the kidney failure diagnosis and "
             "starting dialysis. She cut her teaching and left the dance group. Problem area: role transition. "
             "Plan: I will ask the dietician to look at what is still possible for her to eat in this new life on "
             "dialysis, and the nurse Tom will talk about what she has lost in weight and how she feels about it "
             "physically.", 8, 9),
]


@pytest.mark.parametrize(("cid", "text", "mark", "was"), _OTHER_WORK)
def test_other_work_in_the_model_letters_words_earns_no_plan(cases, cid, text, mark, was):
    # (p-01's refusal: the trainer gives 6 or less; the old scorer gave 7.5, its plain-words frames reading the refused
    # sentence as the plan)
    report = _note(cases[cid], text)
    assert abs(report.total - mark) <= 0.5
    assert report.total < was


def test_a_plan_outside_ipt_gains_less_than_the_same_answer_planning_ipt_work(cases):
    money = _note(cases["p-05"], _TRANSITION_05 + "I suggest we look at his financial situation and what the contract "
                                                  "job could offer in pay, and we will build contacts with a mortgage "
                                                  "adviser.")
    assert abs(money.total - 6.5) <= 0.5  # the trainer's mark (the new reading gave it 10)
    # the model's "look honestly at what you lost and what the new situation could offer" is two items, not one item
    # of three concepts: "his financial situation" shares nothing with the item of what was lost
    key = _model_key(cases["p-05"].reference, cases["p-05"])
    items = {item.concept: item.weights for item in key.items}
    assert "situ" not in items["goal:transition.mourn_old"] and "situ" in items["goal:transition.realistic_new"]
    # invented: the same frame, once for new people and once for advisers; once proposed and once refused
    people = _note(cases["p-05"], _TRANSITION_05 + "We will build contacts with other fathers at the school here.")
    advisers = _note(cases["p-05"], _TRANSITION_05 + "We will build contacts with a mortgage adviser and a debt "
                                                     "counsellor.")
    bare = _note(cases["p-05"], _TRANSITION_05)
    assert people.total > advisers.total == bare.total
    mourned = _note(cases["p-01"], _TRANSITION_01 + "We will talk about what she has lost.")
    also = _note(cases["p-01"], _TRANSITION_01 + "We will not only talk about what she has lost but also about "
                                                 "Rosario.")
    refused = _note(cases["p-01"], _TRANSITION_01 + "We will not talk about what she has lost.")
    rather = _note(cases["p-01"], _TRANSITION_01 + "I would rather not dwell on what she has lost, it upsets her.")
    alone = _note(cases["p-01"], _TRANSITION_01)
    assert mourned.total > refused.total == alone.total == rather.total
    assert also.total >= mourned.total


_KEPT = [
    # (case, rubric, the trainer's answer, the mark to keep): plan9's gains the trainer checked
    ("p-12", "patient", "Dear Thandiwe, you have depression after the birth, which is common, treatable and not your "
                        "fault, and you are caring well for Lwazi. It started a few weeks after you and Sipho began "
                        "arguing about the night feeds and weekends you had agreed to share. We call this a role "
                        "dispute. Over twelve weeks let's look at what each of you expects, go through some arguments "
                        "step by step, practise asking for what you need, and plan for going back to work. Does that "
                        "fit?", 8.5),
    ("p-03", "supervision", "Grief for Eleni, who died in March 2025; his depression began in May. He says he "
                            "killed her, avoids the grave and won't move her things. We will talk about his marriage "
                            "including the hard years.", 5.5),
]


@pytest.mark.parametrize(("cid", "rubric", "text", "mark"), _KEPT)
def test_the_ipt_plan_in_the_model_letters_words_keeps_its_credit(cases, cid, rubric, text, mark):
    assert score(cases[cid], text, rubric=rubric, reveal=True).total == mark
