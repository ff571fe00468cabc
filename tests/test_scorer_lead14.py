"""'You kept one focus, which IPT prefers' only where the answer kept one (a trainee's hedge in Lesson 3's builder).

A trainee wrote "Maybe it is a role transition ... It could also be a dispute with Clara, or maybe he is grieving his
old life. I would need more sessions to decide." and was praised for keeping one focus. An area read from the
reasoning of an answer that weighs several areas is no focus kept; an answer that chooses one area keeps the praise.
"""

from __future__ import annotations

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

_PRAISE = "You kept one focus, which IPT prefers"


def _evidence_feedback(text: str) -> str:
    case = CaseLibrary.load().get("p-05")
    report = score_formulation(text, case.reference, case=case)
    return report.criterion("evidence_timeline").feedback


def test_an_answer_weighing_three_areas_is_not_praised_for_one_focus() -> None:
    text = ("Maybe it is a role transition, because he lost his job and his old routine. It could also be a dispute "
            "with Clara, or maybe he is grieving his old life. I would need more sessions to decide.")
    assert _PRAISE not in _evidence_feedback(text)


def test_an_answer_choosing_one_area_keeps_the_praise() -> None:
    text = ("The focus is a role transition: he lost his job and his old routine, and the low mood began after it. "
            "He argues with Clara about money, which is part of the change.")
    assert _PRAISE in _evidence_feedback(text)
