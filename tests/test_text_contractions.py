"""Positive contractions are expanded in the text layer, so every reader sees "we will", "I would", "you are".

"We'll think about him" used to reach the readers as "we think about him", "I'd go over" as "i go over", and a
plan reader that looks for "we will ..." missed plans written with contractions (most letters to the patient, much
plain prose). Negated modals were already expanded ("won't" -> "will not"); possessive "'s" is still dropped
("Maria's husband" -> "maria husband"), and so is the "'s" of "he's", "it's".
"""

from __future__ import annotations

import pytest
from scoring_helpers import score

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.plain_plan import plan_and_items
from ipt_training.text.normalize import clauses


def _words(text: str) -> str:
    return " | ".join(" ".join(c) for c in clauses(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("We'll talk about him.", "we will talk about him"),
    ("We\u2019ll talk about him.", "we will talk about him"),  # curly apostrophe
    ("We\u00b4ll talk about him.", "we will talk about him"),  # an acute accent typed for the apostrophe
    ("I'd go over her old friendships.", "i would go over her old friendships"),
    ("I'd rather start with the dispute.", "i would rather start with the dispute"),
    ("I'd need to know more.", "i would need to know more"),
    ("I'd proceed with grief.", "i would proceed with grief"),
    ("It'll take time.", "it will take time"),
    ("I've seen this before, we've a plan.", "i have seen this before we have a plan"),
    ("You're depressed and they're worried.", "you are depressed and they are worried"),
    ("I'm not sure.", "i am not sure"),
    ("Let's look at the move.", "let us look at the move"),
    ("LET\u2019S look at the move.", "let us look at the move"),
    ("She should've told him.", "she should have told him"),
    # 'd before a past participle is "had"
    ("I'd gone too far.", "i had gone too far"),
    ("She'd lost her job in May.", "she had lost her job in may"),
    ("He'd already moved out.", "he had already moved out"),
    ("They'd never been apart.", "they had never been apart"),
    ("You'd better tell him.", "you had better tell him"),
    # negated modals as before
    ("We won't, she can't, I wouldn't.", "we will not she can not i would not"),
])
def test_contractions_are_expanded(text: str, expected: str) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Maria's husband left.", "maria husband left"),
    ("Maria\u2019s husband left.", "maria husband left"),
    ("The patients' group met.", "the patients group met"),
    ("He's lonely and it's hard.", "he lonely and it hard"),  # "he's": left as it was
    ("Nikos's anger.", "nikos anger"),
    ("She called it 'deficits' and 'role dispute'.", "she called it deficits and role dispute"),
])
def test_possessives_and_quotes_are_untouched(text: str, expected: str) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize("text", [
    "We'll think about what you miss most.",
    "We'll map out who is around you now.",
    "We'll name the feelings about the diagnosis.",
    "You'll feel less alone once we've looked at your friendships.",
])
def test_a_plan_written_with_a_contraction_is_a_plan(text: str) -> None:
    assert plan_and_items(clauses(text))


@pytest.mark.parametrize("text", [
    "She'd thought about what she missed most.",  # a past told, not a plan
    "He'd mapped out who was around him.",
])
def test_a_past_written_with_had_is_no_plan(text: str) -> None:
    assert not plan_and_items(clauses(text))


_SPELT = [("We'll", "We will"), ("we'll", "we will"), ("You'll", "You will"), ("you'll", "you will"),
          ("I'd", "I would"), ("we've", "we have"), ("you've", "you have"), ("You're", "You are"),
          ("you're", "you are"), ("I'm", "I am"), ("Let's", "Let us"), ("he'd agreed", "he had agreed"),
          ("she'd", "she would"), ("We'd", "We would")]


def _spelt(text: str) -> str:
    text = text.replace("\u2019", "'")
    for short, long in _SPELT:
        text = text.replace(short, long)
    return text


_ANSWERS = {
    "p-13": ("Comfort, I think your low mood since January is grief for Kwabena: you have been strong for everyone and "
             "have not cried since the burial. We'll think about him and your years together, the good times and the "
             "hard ones, and we'll piece together the two days in hospital. You'll feel freer to be sad, and we'll "
             "map out who you can lean on now."),
    "p-01": ("Marisol, I'd call this a role transition: since dialysis began in January you've cut your teaching and "
             "left the dance group, and your mood fell in March. We'll think about what you've lost and what the new "
             "life could hold, and I'd help you find a way back to dancing or to friends from the group."),
    "p-02": ("I'd formulate this as a role dispute with Sameer, at an impasse since July 2024 when he signed the "
             "contract without telling Nikhil. We'll think about what each of them expects of the partnership, and "
             "I'd go over their arguments to see how the talks break down; then we'll rehearse how he'd raise it."),
    "p-03": ("Stavros is grieving Eleni, who died in February after he'd agreed to no feeding tube. I'd treat this as "
             "grief. We'll think about their life together and the hard decision, and let's name what he feels "
             "about Nikos's anger."),
}


@pytest.mark.parametrize("case_id", sorted(_ANSWERS))
def test_an_answer_scores_the_same_with_contractions_as_spelt_out(library: CaseLibrary, case_id: str) -> None:
    case = library.get(case_id)
    contracted = score(case, _ANSWERS[case_id])
    spelt = score(case, _spelt(_ANSWERS[case_id]))
    assert [(c.criterion, c.points) for c in contracted.criteria] == [(c.criterion, c.points) for c in spelt.criteria]


_COMFORT = ("Comfort, I think your low mood since January is grief for Kwabena: you have been strong for everyone "
            "and have not cried since the burial.")


@pytest.mark.parametrize("plan", [
    "We'll think about the events before, during and after his death.",
    "We\u2019ll reconstruct the relationship with Kwabena, good and bad.",
    "We'll name the feelings you have held back, the sadness and the anger.",
    "We'd name the feelings you have held back, the sadness and the anger.",
])
def test_a_letter_whose_plan_is_contracted_proposes_its_work(library: CaseLibrary, plan: str) -> None:
    """A letter's plan implies the aims of the work it proposes: "we'll think about ..." proposes it as "we will"
    does (it was read as "we think about ..." and proposed nothing)."""
    case = library.get("p-13")
    contracted = score(case, f"{_COMFORT} {plan}")
    spelt = score(case, f"{_COMFORT} {_spelt(plan)}")
    assert contracted.criterion("goals").points == spelt.criterion("goals").points > 0


@pytest.mark.parametrize("told", [
    "We'd named the feelings you have held back, the sadness and the anger.",  # "had": done, not proposed
    "You'd thought about the events before, during and after his death.",
    "We thought about the events before, during and after his death.",
])
def test_a_letter_that_tells_the_work_done_proposes_nothing(library: CaseLibrary, told: str) -> None:
    assert score(library.get("p-13"), f"{_COMFORT} {told}").criterion("goals").points == 0
