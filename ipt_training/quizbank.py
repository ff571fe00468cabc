"""Self-check questions kept as data: one YAML file per lesson in ``ipt_training/data/quizzes/``.

Each file is a list of questions::

    - id: mourning_first
      prompt: "Which comes first in grief work?"
      options: ["...", "...", "..."]
      answer: 1            # index of the right option
      explanation: "Why, in one or two sentences, agreeing with the clinical reference."

Errors name the file and the question, so a lesson author can fix them without reading code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from ipt_training.quiz import QUIZZES, Question

REQUIRED = ("id", "prompt", "options", "answer", "explanation")


class QuizFileError(ValueError):
    """A quiz file that cannot be used; the message names the file, the question and the fix."""


def quizzes_dir() -> Path:
    return Path(str(resources.files("ipt_training") / "data" / "quizzes"))


def available() -> list[str]:
    """Names of the quizzes shipped with the course."""
    return sorted(p.stem for p in quizzes_dir().glob("*.yaml"))


def all_banks() -> dict[str, tuple[Question, ...]]:
    """Every self-check bank the lessons use: the YAML files here and the early lessons' questions in ``quiz.py``."""
    banks = {f"quiz.py:{key}": tuple(questions) for key, questions in QUIZZES.items()}
    banks.update({f"{name}.yaml": load_quiz(name) for name in available()})
    return banks


@cache
def load_quiz(name: str) -> tuple[Question, ...]:
    """The questions of quiz ``name`` (a file stem in the quizzes folder)."""
    path = quizzes_dir() / f"{name}.yaml"
    if not path.is_file():
        raise QuizFileError(f"no quiz called {name!r}; available: {', '.join(available())}")
    return parse_quiz(path)


def parse_quiz(path: Path) -> tuple[Question, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not data:
        raise QuizFileError(f"{path.name}: expected a list of questions")
    questions: list[Question] = []
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        where = f"{path.name}, question {number}"
        if not isinstance(item, dict):
            raise QuizFileError(f"{where}: each question is a mapping with {', '.join(REQUIRED)}")
        missing = [k for k in REQUIRED if k not in item]
        if missing:
            raise QuizFileError(f"{where}: missing {', '.join(missing)}")
        options = item["options"]
        if not isinstance(options, list) or len(options) < 2:
            raise QuizFileError(f"{where}: 'options' needs at least two choices")
        answer = item["answer"]
        if not isinstance(answer, int) or not 0 <= answer < len(options):
            raise QuizFileError(f"{where}: 'answer' must be the index (0 to {len(options) - 1}) of the right option")
        if item["id"] in seen:
            raise QuizFileError(f"{where}: id {item['id']!r} is used twice")
        seen.add(item["id"])
        questions.append(Question(str(item["id"]), str(item["prompt"]), tuple(str(o) for o in options), answer,
                                  str(item["explanation"]).strip()))
    return tuple(questions)
