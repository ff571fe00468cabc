"""Score an fb15 batch with its must / must_not sentences (supervision rubric, key hidden).
Usage: PYTHONPATH=<tree> python tests/data/fb15/run_batch.py batch_b.yaml"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from check_feedback import run

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation

HERE = Path(__file__).parent

if __name__ == "__main__":
    library = CaseLibrary.load()
    run(HERE / sys.argv[1], {case_id: library.get(case_id) for case_id in library.cases},
        lambda text, case: score_formulation(text, case.reference, case=case))
