"""Score a feedback reviewer's batch of answers to library cases with its must / must_not sentences (supervision
rubric, key hidden), through tests/data/check_feedback.py.
Usage: PYTHONPATH=<tree> python tests/data/run_feedback_batch.py tests/data/fb15/batch_b.yaml"""

from __future__ import annotations

import sys
from pathlib import Path

from check_feedback import run

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

if __name__ == "__main__":
    library = CaseLibrary.load()
    run(Path(sys.argv[1]), {case_id: library.get(case_id) for case_id in library.cases},
        lambda text, case: score_formulation(text, case.reference, case=case))
