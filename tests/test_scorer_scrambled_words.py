"""A formulation whose words are shuffled earns no full marks and goes to review; honest prose is never flagged.

The attack: the vignette and a model formulation (a practice case's, names changed, or the trainee's own good
answer) with their words shuffled. Shuffling escapes the pasted-vignette and copied-formulation checks (they compare
word sequences) but keeps every cue word, and scored 8.5 to 10 of 10 with full confidence and no flag.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from scoring_helpers import score

from ipt_training.scoring.readability import read_style
from ipt_training.text.normalize import clauses

ASSESSED = ("a-02", "a-03", "a-05")
#: A practice case of the same problem area: its model formulation ships with the course, so a trainee has it.
SAME_AREA_PRACTICE = {"a-02": "p-01", "a-03": "p-02", "a-05": "p-03"}
DATA = Path(__file__).parent / "data" / "review_answers"


def _names(case) -> list[str]:
    return [case.patient.name.split()[0], *(p.name for p in case.inventory)]


def _swap_names(text: str, source, target) -> str:
    for old, new in zip(_names(source), _names(target), strict=False):
        text = text.replace(old, new)
    return text


def _shuffled(text: str, seed: int) -> str:
    words = text.split()
    random.Random(seed).shuffle(words)
    return " ".join(words)


@pytest.mark.parametrize("case_id", ASSESSED)
@pytest.mark.parametrize("seed", range(3))
def test_shuffled_vignette_and_model_formulation_is_flagged_and_capped(library, case_id: str, seed: int) -> None:
    case, practice = library.cases[case_id], library.cases[SAME_AREA_PRACTICE[case_id]]
    model = _swap_names(practice.reference.formulation, practice, case)
    fair = score(case, case.reference.formulation, case.reference.primary_area)
    assert fair.total >= 0.9 * fair.max_total and "scrambled_words" not in fair.flags
    for text in (_shuffled(f"{case.vignette} {model}", seed), _shuffled(case.reference.formulation, seed)):
        report = score(case, text, case.reference.primary_area)
        assert "scrambled_words" in report.flags, (text[:80], report.flags)
        assert report.confidence < 0.7  # the review queue's threshold
        assert report.total <= min(0.75 * report.max_total, fair.total - 2), (report.total, report.flags)


def test_no_model_formulation_rationale_or_review_answer_reads_as_scrambled(library) -> None:
    texts = {f"{cid} formulation": c.reference.formulation for cid, c in library.cases.items() if c.reference}
    texts |= {f"{cid} rationale": c.reference.rationale for cid, c in library.cases.items() if c.reference}
    texts |= {f"{cid} vignette": c.vignette for cid, c in library.cases.items()}
    texts |= {path.name: path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))}
    flagged = [name for name, text in texts.items() if read_style(text, clauses(text, quotes=True)).scrambled]
    assert len(texts) > 100 and flagged == []


def test_awkward_but_real_english_is_not_scrambled() -> None:
    text = ("His in-laws blame him for the then manager's decision. A not uncommon reaction: in May the May rota "
            "fell to at most two shifts, and the will was read. She gave her the news with a heavy heart. "
            "Pt a 45yo man w/ MDD after a move; onset 2 mo later. Goals: mourn the old role, master the new one. "
            "The plan is to link his mood to the move, to explore his feelings about it and to build support.")
    assert not read_style(text, clauses(text, quotes=True)).scrambled
