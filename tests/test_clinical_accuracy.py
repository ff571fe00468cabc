"""Course text, cases and dialogues repeat none of the common web errors listed in the clinical reference."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from ipt_training.domain import ProblemArea

# (pattern, the error it catches) from the reference's "Common errors" table
ERRORS = [
    (r"shapiro", "wrong founder"),
    (r"based on (cbt|cognitive)|form of (cbt|cognitive)|derived from (cbt|cognitive)(?! behav)", "IPT based on CBT"),
    (r"(is|as) a (psychoanalytic|psychodynamic) (therapy|treatment)", "IPT called psychodynamic"),
    (r"problem areas? (include|such as)[^.]*\bpain\b", "invented problem area 'pain'"),
    (r"personality change", "invented problem area 'personality change'"),
    (r"\bfour phases\b|\b4 phases\b", "wrong number of phases"),
    (r"klerman (created|developed) ipsrt", "IPSRT misattributed"),
    (r"imagery rescripting is an ipt", "imagery rescripting as an IPT technique"),
]
ALLOWED_NEGATIONS = re.compile(r"\bnot\b|\bno\b|n't|never|neither|wrongly|often|error|myth", re.I)


def _lesson_texts(repo: Path) -> list[tuple[str, str]]:
    texts = []
    for path in sorted((repo / "course").rglob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                texts += [(f"{path.name}", sentence) for sentence in re.split(r"(?<=[.!?])\s+", cell.source)]
    return texts


def _data_texts(repo: Path) -> list[tuple[str, str]]:
    texts = []
    for folder in ("ipt_training/data", "source/keys"):
        for path in sorted((repo / folder).rglob("*.yaml")):
            texts += [(path.name, s) for s in re.split(r"(?<=[.!?])\s+", path.read_text())]
    return texts


@pytest.mark.parametrize("pattern,error", ERRORS)
def test_no_common_error_in_lessons_cases_or_dialogues(repo, pattern, error):
    offenders = [(name, sentence.strip()[:120]) for name, sentence in _lesson_texts(repo) + _data_texts(repo)
                 if re.search(pattern, sentence, re.I) and not ALLOWED_NEGATIONS.search(sentence)]
    assert offenders == [], f"{error}: {offenders}"


def test_lesson_one_names_the_founders_and_roots(repo):
    text = " ".join(s for name, s in _lesson_texts(repo) if name.startswith("01"))
    for name in ("Klerman", "Weissman", "Sullivan", "Meyer", "Bowlby"):
        assert name in text


def test_exactly_four_problem_areas():
    assert len(ProblemArea) == 4
