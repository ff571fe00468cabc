"""A senior trainer's reading of round 9's self-contradiction (TRAINER9 report, C1, C2, MEDIUM, FEEDBACK WORDING).

Round 9 halves every criterion of an answer that contradicts itself. The trainer found correct answers halved as
contradictions: a qualifier negated, not the area ("It is not an open dispute any more", "not only grief", "not
ordinary grief; it is delayed grief", "the dispute is not going to be resolved by saving the partnership", "she isn't
deficient in anything"), and a rejection followed by the final choice ("in IPT we don't call it grief ...; we call it
a role transition", "At first I thought this was grief ... On reflection it is a role transition"), or a turn set
aside within the focus ("In fact she is now a widow, which is a huge role transition, but the work is mourning
Kwabena"). The trainer's answers (their text is the project's to use) hold the trainer's marks within half a point;
the answers beside them that the trainer found right keep their halving or their full marks. The mechanisms are
tested with answers written for these tests as well (never from a benchmark set): answers that must gain and
answers that must stay halved.
"""

from __future__ import annotations

import pytest
from scoring_helpers import feedback, points, score

from ipt_training.scoring.claims import original_words

CASES = ("p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-11", "p-12", "p-13", "p-14", "p-15", "p-36")


@pytest.fixture(scope="module")
def cases(library):
    return {cid: library.get(cid) for cid in CASES}


QUALIFIED = [
    # b3#1: 'not an open dispute any more' is what impasse means (reference 3.2)
    ('p-06', 'supervision',
     'Beatriz: role dispute with her daughter Fernanda at impasse. It is not an open dispute any '
     'more - they no longer argue, Fernanda answers in one or two words and neither mentions the '
     'row. The depression began in August 2024, three months after the argument in May. Retirement '
     'in January came later. Goals: bring the dispute back into the open, clarify expectations, '
     'plan what to say. Strategies: communication analysis of the Sunday lunch, role play.',
     10),
    # b3#2: 'not only grief': the rift with Nikos worked on within the grief focus (3.0 rule 5)
    ('p-03', 'supervision',
     'Grief for Eleni, who died in March 2025; onset in May. He blames himself over the feeding '
     "tube, avoids the grave and won't touch her things. It is not only grief - there is also the "
     'silence with Nikos since the memorial, which I would work on within the grief focus rather '
     'than as a separate area. Goals: mourning, re-engaging with Manolis; strategies: reconstruct '
     'the marriage, go over her last weeks, allow guilt and anger, look at reopening contact with '
     'Nikos.',
     10),
    # b5#0: 'not ordinary grief; it is delayed grief' (3.1)
    ('p-15', 'supervision',
     "This is not ordinary grief; it is delayed grief. Ramon's mother Lolita died in January 2021, "
     "he watched the funeral on a video call and kept working double shifts. Mia's wedding in April "
     '2025, where he gave her the rosary, reopened it, and the depression began about three weeks '
     'later. Goals: mourn his mother, reinvest in fishing and basketball. Strategies: reconstruct '
     'the relationship, events of the death, guilt, encourage affect.',
     10),
    # b5#4: the dispute 'not going to be resolved by saving the partnership': dissolution (3.2)
    ('p-02', 'supervision',
     'The dispute is not going to be resolved by saving the partnership: Nikhil has decided to end '
     'it and lawyers are dividing the firm, so the role dispute with Sameer is at dissolution. '
     'Onset January 2025 during the months of conflict. Goals: end the partnership well and mourn '
     'the friendship, plan his next step. Strategies: expectations, anger and sadness, decision '
     'analysis.',
     10),
    # b5#7: 'though she isn't deficient in anything': a comment on the label (3.0 rule 6); 9-10
    ('p-04', 'supervision',
     "Interpersonal deficits - though she isn't deficient in anything, she is isolated. She has "
     'always been lonely: lunch alone for twenty years, lost touch with Keiko, never a partner, '
     'refuses invitations because she fears being a burden. There was no death, conflict or change '
     'before the onset in October 2024; Mrs Ito was only a neighbour. Goals: reduce isolation, new '
     'relationships. Strategies: past relationships, therapeutic relationship, role play, graded '
     'contact.',
     9.5),
]

FINAL_CHOICE = [
    # b9#0: the course convention explained in a letter
    ('p-01', 'patient',
     'Dear Marisol, you have major depression. It is common and treatable and it is not your fault. '
     'It began in March, about two months after you learned your kidneys had failed and started '
     'dialysis, and you gave up full-time teaching and your dancing. What you feel is grief for the '
     "woman you were, but in IPT we don't call it grief, because nobody has died; we call it a role "
     'transition. Over twelve weeks I suggest we talk about what you have lost, look at what is '
     'still possible in this new life, and reconnect with Rosario. We will keep checking on your '
     'safety. Does that fit?',
     9),
    # b1#3: 'At first I thought this was grief ... On reflection it is a role transition'
    ('p-01', 'supervision',
     'At first I thought this was grief, because she says "I\'m grieving the woman I was". On '
     'reflection it is a role transition, because nobody has died and what she lost is her health, '
     'her full-time teaching and her dancing. The depression began in March, two months after the '
     'diagnosis and dialysis. Goals: mourn the old role, see the new life realistically, regain '
     'mastery. Strategies: link onset to diagnosis, explore feelings about the change, review old '
     'and new roles, rebuild support (Rosario, Camila).',
     10),
    # b15#3: a transition turned to 'in fact', then set aside: 'but the work is mourning Kwabena'
    ('p-13', 'supervision',
     'Grief: Kwabena died in January 2025, onset March; she had to be strong, has not cried, keeps '
     'his room closed, avoids the cemetery. In fact she is now a widow, which is a huge role '
     'transition, but the work is mourning Kwabena. Goals: mourn, reinvest. Strategies: reconstruct '
     'the relationship including the loan, events of the death, forbidden feelings.',
     10),
    # b15#10: 'She really is grieving ... the heart of the transition work'
    ('p-01', 'supervision',
     'Role transition: kidney failure and dialysis from January 2025, part-time teaching and '
     "leaving the dance group in February, onset March. She really is grieving - 'the woman I was' "
     '- and this grief for the healthy self is the heart of the transition work, though nobody has '
     'died. Goals: mourn the old role, realistic new, mastery. Strategies: link onset, feelings '
     'about the change, review old and new, reconnect with Rosario.',
     10),
]

STILL_HALVED = [
    # b14#0: a letter that calls it a transition, then 'Really, though, ... a role dispute'
    ('p-05', 'patient',
     'Dear Amaru, you have major depression. It is common and treatable and not your fault, and it '
     'is fine to take things a bit easier while you recover; your part is to come each week and '
     'work on getting better. It started two months after the move to Winnipeg. We call this a role '
     'transition. Really, though, the problem is a role dispute with Clara, because she chose the '
     'job without thinking of you. Over twelve weekly sessions we will look at what you lost and '
     'help you tell Clara how you feel. Does that fit?',
     5),
    # b1#4: 'But really the problem area is grief'
    ('p-01', 'supervision',
     'This is a role transition after her kidney failure diagnosis and dialysis in January; the '
     'depression started in March. She gave up teaching full time and the dance group. But really '
     'the problem area is grief, she is grieving the woman she was. Goals: mourn the old role, '
     'accept the new one, rebuild support with Rosario.',
     3),
    # b1#41: 'The work really is mourning Eleni' after a transition
    ('p-03', 'supervision',
     'Problem area: role transition, he has become a widower living alone and lost his caring role. '
     'The work really is mourning Eleni: talk about the marriage and her last weeks.',
     2),
    # b3#12: a dispute staged, then 'The problem area is a role transition'
    ('p-06', 'supervision',
     'Role dispute with Fernanda at impasse since the row in May 2024. The depression began in '
     'August. The problem area is a role transition: retirement from the bank in January 2025. '
     'Goals: clarify expectations with Fernanda, practise what to say.',
     3.5),
    # b1#21: 'Actually there is not really a dispute ... the focus is her retirement'
    ('p-06', 'supervision',
     "Problem area: role dispute with Fernanda. Actually there is not really a dispute, they don't "
     "even argue, they just don't talk, so I think the focus is her retirement. Goals: adjust to "
     'retirement, rebuild routine.',
     1.5),
]

NOT_HALVED = [
    # b1#2: grief rejected by convention, then the transition
    ('p-01', 'supervision',
     'Marisol says she is grieving the woman she was, but nobody close has died, so by our '
     'convention this is not grief. The team wondered about interpersonal deficits, but she was '
     'very sociable until last year, so that does not fit either. It is a role transition: the '
     'kidney failure diagnosis in January and the start of dialysis, then giving up full-time '
     'teaching and the dance group in February, with the depression starting in March. Goals: mourn '
     'the loss of her old role and healthy self, develop a realistic view of life on dialysis and '
     'what is still possible, and build mastery. Strategies: link the onset to the diagnosis, '
     'encourage her to express feelings about the change, review old and new roles, and rebuild '
     'support with Rosario. Safety reviewed every session.',
     10),
    # b5#6: 'it isn't grief in the IPT sense'
    ('p-01', 'supervision',
     "Her grief is real, but it isn't grief in the IPT sense, because nobody has died. It is a role "
     'transition: the kidney failure diagnosis and dialysis in January 2025, then going part-time '
     'and leaving the dance group, with the depression from March. Goals: mourn the old role, '
     'realistic view of the new life, mastery. Strategies: link onset to the diagnosis, feelings '
     'about the change, review old and new roles, reconnect with Rosario.',
     10),
    # b8#2: 'Initially this looked like grief for the neighbour'
    ('p-04', 'supervision',
     "Initially this looked like grief for the neighbour, as the physician's letter says. On closer "
     'look Mrs Ito was only an acquaintance who moved in 2022, two years before the October 2024 '
     'onset, and no death, conflict or change can be found. Yumiko has always been lonely: lunch '
     'alone for twenty years, lost touch with Keiko, refuses invitations fearing she is a burden. '
     'Interpersonal deficits. Goals: reduce isolation, new relationships. Strategies: past '
     'relationships, therapeutic relationship, role play, graded contact.',
     10),  # (9 until fb15: "no death, conflict or change can be found" was not read as the deficits link)
    # b8#0: 'My first thought was grief ... But nobody died'
    ('p-11', 'supervision',
     'My first thought was grief, because she calls it "like a bereavement". But nobody died, so it '
     'is a role transition: separation decided together in April 2024, Marek moved out in June, she '
     'moved to a smaller flat in September, and the depression began in November. Goals: mourn the '
     'old role, realistic new life as a single parent, mastery. Strategies: link onset, feelings '
     'about the divorce, review old and new, new support.',
     10),
    # b15#7: 'Rather than a transition'
    ('p-15', 'supervision',
     'Delayed grief for his mother Lolita (died January 2021; he watched the funeral on video and '
     'kept working). Rather than a transition, the wedding in April 2025 was the trigger that '
     'reopened it; onset three weeks later. Goals: mourn, reinvest. Strategies: reconstruct the '
     'relationship, events of the death, guilt, affect.',
     10),
    # b7#5: 'Not deficits!!'
    ('p-05', 'supervision',
     'Transition. Not deficits!! He had close friends before. Moved to Winnipeg 7 months ago for '
     'Clara\'s job; onset 2 months later; lost team, futsal, identity ("just Clara\'s husband"). '
     'Goals: mourn old, realistic new, mastery. Strategies: link onset, feelings, review old/new, '
     'new support, tell Clara.',
     9.5),
    # b15#6: 'However, the arguments ... which we deal with as part of it'
    ('p-36', 'supervision',
     'Role transition: he lost his QA manager job in July 2024, onset August. However, the '
     'arguments with Lakshmi since October are a role dispute about how to handle the change, which '
     'we deal with as part of it. Goals: mourn the old role, realistic options, mastery. '
     'Strategies: feelings about the change, review old and new, decision analysis with Lakshmi.',
     9),
    # b3#8: 'part of the grief work here, not a separate focus'
    ('p-13', 'supervision',
     "Grief is the focus. Comfort's husband Kwabena died in January 2025 and her depression started "
     'in March. She might also be facing a role transition to widowhood, but that is part of the '
     'grief work here, not a separate focus. She had to be strong, has not cried, keeps his room '
     'shut and has stopped the choir. Goals: mourning and re-establishing interests. Strategies: '
     'reconstruct the relationship including the loan, events around the death, forbidden feelings.',
     9),
    # b5#3: 'but not an impasse'
    ('p-14', 'supervision',
     'Role dispute with Mareike, but not an impasse: they still talk it through late into the night '
     'and have looked up a couples counsellor, so it is renegotiation. They argue about when to try '
     'for a baby since December; onset March 2025. Goals: identify, plan, resolve. Strategies: '
     'expectations, communication analysis, role play.',
     8.5),
    # b5#8: 'impasse rather than dissolution'
    ('p-06', 'supervision',
     'Role dispute with Fernanda, impasse rather than dissolution: Beatriz does not want to end the '
     'relationship, she wants her Tuesdays and her daughter back. Since the row in May 2024 they '
     'exchange one or two words and never mention it. Onset August 2024; retirement came later when '
     'she was already low. Goals: identify, plan, resolve. Strategies: reopen the dispute, '
     'expectations, communication analysis, role play.',
     9.5),
    # b15#9: 'On the other hand ... dissolution ... will resemble a role transition'
    ('p-02', 'supervision',
     'Role dispute with Sameer. Onset January 2025 during the months of arguments after he hired '
     'staff without consulting Nikhil. On the other hand, Nikhil has now decided to end the '
     'partnership, so the dispute has reached dissolution and the work will resemble a role '
     'transition. Goals: end it well, mourn the friendship, plan the next step. Strategies: '
     'expectations, anger and sadness, decision analysis.',
     10),
]



@pytest.mark.parametrize(("case_id", "rubric", "text", "mark"), QUALIFIED + FINAL_CHOICE)
def test_the_trainers_correct_answers_are_not_halved(cases, case_id, rubric, text, mark):
    report = score(cases[case_id], text, rubric=rubric)
    assert "self_contradiction" not in report.flags and "two_readings" not in report.flags
    assert abs(report.total - mark) <= 0.5, report.total
    assert points(report, "problem_area") == 3.0


@pytest.mark.parametrize(("case_id", "rubric", "text", "mark"), STILL_HALVED)
def test_the_genuine_contradictions_the_trainer_checked_stay_halved(cases, case_id, rubric, text, mark):
    report = score(cases[case_id], text, rubric=rubric)
    assert "self_contradiction" in report.flags
    assert abs(report.total - mark) <= 0.5, report.total


@pytest.mark.parametrize(("case_id", "rubric", "text", "mark"), NOT_HALVED)
def test_rejections_secondary_foci_and_stages_the_trainer_checked_stay_unhalved(cases, case_id, rubric, text, mark):
    report = score(cases[case_id], text, rubric=rubric)
    assert "self_contradiction" not in report.flags
    assert abs(report.total - mark) <= 0.5, report.total


def test_the_letter_that_explains_the_convention_reports_the_focus_it_chose(cases):
    case_id, rubric, text, _ = FINAL_CHOICE[0]
    report = score(cases[case_id], text, rubric=rubric)
    area = feedback(report, "problem_area")
    assert area.startswith("You chose role transition.") and "grief" not in area.split(".")[0]
    # one halving at most: its transition plan is not also "another problem area's"
    assert "inconsistent_plan" not in report.flags
    assert "belong to another problem area" not in feedback(report, "goals")


# --- Written for these tests: the mechanisms, on cases p-05, p-13 and p-14 ---------------------------------------

TRANSITION = ("the move to Winnipeg seven months ago for Clara's hospital post took his bridge-inspection team and "
              "his Sunday futsal, and about two months later he began waking at 4 a.m. Goals: mourn the Toronto "
              "life, see what Winnipeg could offer, regain a sense of mastery. Strategies: link the low mood to the "
              "move, review the old and new roles, build new friendships.")
GRIEF = ("Kwabena died of a stroke in January 2025 and from March she was waking at 3 a.m.; she has not cried since "
         "the burial, keeps his room closed and stays away from the cemetery. Goals: mourn him, take up the choir "
         "again. Strategies: reconstruct the marriage, the good and the bitter (the loan), go over the days of his "
         "death, allow the anger.")

QUALIFIER_KEPT = [
    # a word said of the area negated, not the area (each halved before this change)
    ("p-05", f"Role transition. It is not a simple role transition: {TRANSITION}"),
    ("p-13", f"Grief for Kwabena. It is not only grief for him: the loan he hid is part of it too. {GRIEF}"),
    ("p-13", f"Grief. This is not a quiet grief. {GRIEF}"),
    # the area's course after it, not the area, is denied
    ("p-05", f"Role transition: {TRANSITION} The transition is not finished yet."),
    ("p-13", f"Grief for Kwabena. The grief is not resolved. {GRIEF}"),
]


@pytest.mark.parametrize(("case_id", "text"), QUALIFIER_KEPT)
def test_a_negated_qualifier_keeps_the_focus(cases, case_id, text):
    report = score(cases[case_id], text)
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3.0
    assert report.total >= 8


AREA_DENIED = [
    # the area itself denied after its formulation: a word of degree, a classing noun, a verb of naming between
    ("p-05", f"Role transition: {TRANSITION} Then again, it is not really a role transition."),
    ("p-05", f"Role transition: {TRANSITION} Looking again, this is not a case of role transition at all."),
    ("p-05", f"Role transition: {TRANSITION} On reflection I would not call it a role transition."),
    ("p-05", f"Role transition: {TRANSITION} But the transition is not the focus."),
    ("p-13", f"Grief for Kwabena. This is not really grief. {GRIEF}"),
    ("p-13", f"Grief for Kwabena. There is no sign of grief here. {GRIEF}"),
    ("p-13", f"Grief for Kwabena. Her grief is not the focus. {GRIEF}"),
]


@pytest.mark.parametrize(("case_id", "text"), AREA_DENIED)
def test_the_area_itself_denied_is_still_halved(cases, case_id, text):
    report = score(cases[case_id], text)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert report.total <= 5


def test_a_rejection_followed_by_the_final_choice_is_one_reading(cases):
    letter = ("Dear Amaru, some of what you feel is grief for the life you left in Toronto. We would not name it "
              "grief here, because no one has died; we name it a role transition. It began about two months after "
              "you moved to Winnipeg for Clara's post, when your bridge team and your Sunday futsal were gone. Over "
              "twelve weekly meetings we will look at what you left behind, what Winnipeg could offer you, and how "
              "to find people here. Is that how you see it?")
    report = score(cases["p-05"], letter, rubric="patient")
    assert "self_contradiction" not in report.flags
    assert report.detected_primary is not None and report.detected_primary.value == "role_transition"
    assert points(report, "problem_area") == 3.0


def test_a_title_denied_for_another_focus_is_still_two_readings(cases):
    text = (f"Role transition: {TRANSITION} The problem area is not a transition, though: this is a role dispute "
            "with Clara about her job.")
    report = score(cases["p-05"], text)
    assert "self_contradiction" in report.flags
    assert report.total <= 5


def test_a_turn_placed_within_the_focus_is_no_turn(cases):
    text = (f"Grief for Kwabena. {GRIEF} Actually, being a widow now is a big role transition too, but the focus of "
            "the work stays on mourning him.")
    report = score(cases["p-13"], text)
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3.0
    # without the focus kept, the same turn is a second reading
    turned = score(cases["p-13"], f"Grief for Kwabena. {GRIEF} Actually, the real problem is a role transition to "
                                  "widowhood.")
    assert "self_contradiction" in turned.flags


def test_an_earlier_thought_revised_is_no_commitment(cases):
    text = f"At first I thought this was grief for his old life. Looking closer it is a role transition: {TRANSITION}"
    report = score(cases["p-05"], text)
    assert "self_contradiction" not in report.flags
    assert points(report, "problem_area") == 3.0
    held = score(cases["p-05"], f"At first I think this is grief for his old life. Role transition: {TRANSITION}")
    assert points(held, "problem_area") < 3.0  # a present belief in grief is a second commitment


# --- MEDIUM: one halving, and the feedback says which criteria ----------------------------------------------------

def test_an_area_denied_beside_a_secondary_is_halved_once(cases):
    text = ("Problem area: grief for the healthy woman she was. Grief does not fit, though, because nobody has died. "
            "There is also a role transition: dialysis since January, part-time teaching, no more dancing; the "
            "depression began in March. Goals: mourn the old role, see the new life realistically, regain mastery. "
            "Strategies: explore feelings about the change, review old and new roles, rebuild support with Rosario.")
    report = score(cases["p-01"], text)
    assert "self_contradiction" in report.flags and "two_readings" in report.flags
    assert "inconsistent_plan" not in report.flags  # the transition plan is the better reading, halved once
    assert points(report, "goals") == 1.0 and points(report, "strategies") == 1.0
    assert 4 <= report.total <= 5


def test_a_contradicting_letter_says_which_criteria_are_halved(cases):
    case_id, rubric, text, _ = STILL_HALVED[0]
    report = score(cases[case_id], text, rubric=rubric)
    area = feedback(report, "problem_area")
    assert "on every criterion" not in area and "on every criterion" not in feedback(report, "evidence_timeline")
    assert "on the area, the evidence, the goals and the strategies" in area
    assert points(report, "sick_role") == 1.0  # the letter's own elements are not halved
    # one rule in the paragraph: not "half of the area credit" beside "every criterion"
    assert "half of the area credit" not in area


def test_the_feedback_promises_no_halving_it_does_not_explain(cases):
    case_id, rubric, text, _ = STILL_HALVED[-1]
    report = score(cases[case_id], text, rubric=rubric)
    goals = feedback(report, "goals")
    assert points(report, "goals") == 0 and "halving" not in goals and "Half credit" not in goals


def test_a_supervision_answer_keeps_every_criterion_and_one_rule(cases):
    case_id, rubric, text, _ = STILL_HALVED[1]
    report = score(cases[case_id], text, rubric=rubric)
    area = feedback(report, "problem_area")
    assert "on every criterion" in area and "half of the area credit" not in area


# --- FEEDBACK WORDING: the quotes in the trainee's words ------------------------------------------------------------

def test_quotes_are_spelled_as_the_trainee_wrote_them():
    text = "Dear Marisol, what you feel is grief, but in IPT we don't call it grief; she isn't deficient in anything."
    assert original_words(text, "in interpersonal psychotherapy we do not call it grief") == (
        "in IPT we don't call it grief")
    assert original_words(text, "she is not deficit in anything") == "she isn't deficient in anything"
    assert original_words(text, "nothing of the kind here") == "nothing of the kind here"  # not in the text: as is


def test_a_contradiction_is_quoted_in_whole_phrases(cases):
    text = (f"Role transition: {TRANSITION} On reflection it is a role dispute with Clara, because she took the "
            "post without asking him what he wanted.")
    report = score(cases["p-05"], text)
    area = feedback(report, "problem_area")
    assert "self_contradiction" in report.flags
    assert "'On reflection it is a role dispute with Clara'" in area


# --- Seen while probing (pre-existing, the same in be4cd3c): the textbook variant flagged as the reference asks ----

VARIANT_FLAGGED = [
    # b3#0: 'some textbooks (Stuart and Robertson) would call this grief ..., but by course convention'
    ('p-01', 'supervision',
     'Marisol: some textbooks (Stuart and Robertson) would call this grief for the lost healthy '
     'self, but by course convention a new diagnosis is a role transition, because nobody has died. '
     'Her depression began in March 2025, two months after the kidney failure diagnosis and the '
     'start of dialysis, when she also went part-time and left the dance group. Goals: mourn the '
     'old role, a realistic view of life on dialysis, mastery. Strategies: link onset to the '
     'diagnosis, feelings about the change, review of old and new roles, reconnect with Rosario.',
     10),
]


@pytest.mark.parametrize(("case_id", "rubric", "text", "mark"), VARIANT_FLAGGED)
def test_the_textbook_variant_flagged_is_not_a_second_reading(cases, case_id, rubric, text, mark):
    report = score(cases[case_id], text, rubric=rubric)
    assert "self_contradiction" not in report.flags
    assert abs(report.total - mark) <= 0.5, report.total


def test_a_naming_reported_across_a_parenthesis_is_someone_elses(cases):
    reported = score(cases["p-05"], "Some clinicians (older authors especially) would call this grief for his Toronto "
                                    f"life. {TRANSITION}")
    assert reported.detected_primary is not None and reported.detected_primary.value == "role_transition"
    assert points(reported, "problem_area") == 3.0
    # the writer's own naming, with or without an aside, is the writer's choice of grief
    for own in ("I would call this grief for his Toronto life.",
                "After much thought I (like my supervisor) would call this grief for his Toronto life."):
        report = score(cases["p-05"], f"{own} {TRANSITION}")
        assert report.detected_primary is not None and report.detected_primary.value == "grief"
        assert points(report, "problem_area") == 0.0
