"""The scorer's shortcuts (readings skipped when the answer's words show they would find nothing) give what the full
reading gives: checked on plan sentences built from the plain-plan frames' own words and their other forms, the
answers a shortcut is most likely to get wrong."""

import random

from ipt_training.domain import ProblemArea
from ipt_training.scoring import plain_plan
from ipt_training.scoring.word_forms import stem
from ipt_training.text.normalize import clauses
from ipt_training.text.words import AnswerWords


def _other_forms(word: str) -> list[str]:
    """Forms of ``word`` the frames read as the word itself ("hoping" for "hopes")."""
    made = {word + "s", word + "ed", word + "ing", word + "d", word[:-1] + "ing", word[:-1] + "ed", word + "es"}
    return sorted(w for w in made if w not in plain_plan._CLASSES_OF and w not in plain_plan._PAIR_WORDS
                  and plain_plan._FORMS.get(stem(w)) is not None)


def _plans(count: int) -> list[str]:
    """Plans of a few sentences, each with a word of every class of a voting frame, some in another form."""
    rng = random.Random(9)
    frames = [f for f in plain_plan.FRAMES if f.votes]
    plans = []
    for _ in range(count):
        sentences = []
        for frame in rng.sample(frames, rng.randint(2, 6)):
            picked = []
            for words in (*frame.classes, *([frame.twice] * 2 if frame.twice else [])):
                word = rng.choice(sorted(words))
                forms = _other_forms(word) if " " not in word else []
                picked.append(rng.choice(forms) if forms and rng.random() < 0.5 else word)
            sentences.append("We will help you " + " ".join(picked))
        plans.append(". ".join(sentences) + ".")
    return plans


def _every_area(prepared: list[list[str]]) -> bool:
    """The every-area reading in full: the voting frames read in every plan sentence, then the areas counted."""
    concepts = plain_plan.plain_plan_concepts(prepared, set(ProblemArea), words=AnswerWords(prepared),
                                              voting=True) - plain_plan._SHARED
    areas = {a for c in concepts if (a := plain_plan.CONCEPT_AREA.get(c)) is not None}
    return len(areas) >= plain_plan.EVERY_AREA


def test_every_area_shortcut_reads_as_the_full_reading():
    plans = [clauses(plan) for plan in _plans(300)]
    full = [_every_area(p) for p in plans]
    assert any(full) and not all(full)  # both kinds of plan are there, so a wrong shortcut shows
    assert [plain_plan._every_area_planned(p, AnswerWords(p)) for p in plans] == full


def test_hurry_shortcut_reads_as_the_full_reading():
    plans = _plans(150)
    texts = [*plans, *(p.replace("We will help you", "We will help you move on and stop crying about him, only the "
                                 "good times") for p in plans)]
    found = 0
    for prepared in map(clauses, texts):
        full = {c for c in plain_plan.plan_sentences(prepared)
                if plain_plan._hurried(prepared[c], plain_plan._pairs(prepared[c]))}.intersection(
            AnswerWords(prepared).with_any(plain_plan._ABOUT_LOSS))
        found += bool(full)
        assert plain_plan.hurried_clauses(prepared, AnswerWords(prepared)) == full
    assert 0 < found < len(texts)
