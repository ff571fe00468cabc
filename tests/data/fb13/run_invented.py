"""Score fb13's invented answers (invented_*.yaml) with the key hidden: total against the examiner's mark, the
sentences that must (not) appear, and whether the evidence criterion's stated parts add up to its points.
Usage: PYTHONPATH=<tree> python tests/data/fb13/run_invented.py invented_a.yaml"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from check_feedback import run

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.loader import load_case_file, load_reference_file
from ipt_training.scoring.formulation import score_formulation

HERE = Path(__file__).parent


def cases() -> dict:
    found = {c.id: c for c in CaseLibrary.load().cases.values()}
    dispute = load_case_file(HERE / "cases" / "inst-01.yaml")
    found["inst-01"] = dispute.model_copy(update={"reference": load_reference_file(HERE / "keys" / "cases" /
                                                                                  "inst-01.yaml")[1]})
    found["inst-02"] = load_case_file(HERE / "cases" / "inst-02.yaml")
    return found


if __name__ == "__main__":
    run(HERE / sys.argv[1], cases(),
        lambda text, case: score_formulation(text, case.reference, case=case, reveal=False))
