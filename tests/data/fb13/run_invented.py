"""Score fb13's invented answers (invented_*.yaml) with the key hidden: total against the examiner's mark, the
sentences that must (not) appear, and whether the evidence criterion's stated parts add up to its points.
Usage: PYTHONPATH=<tree> python tests/data/fb13/run_invented.py invented_a.yaml"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.loader import load_case_file, load_reference_file
from ipt_training.scoring.formulation import score_formulation

HERE = Path(__file__).parent
PARTS = re.compile(r"The ([\d.]+) points? here (?:is|are) ([\d.]+) for the evidence cited, ([\d.]+) for the "
                   r"timeline link(?: and ([\d.]+) for the dispute stage)?")


def cases() -> dict:
    found = {c.id: c for c in CaseLibrary.load().cases.values()}
    dispute = load_case_file(HERE / "cases" / "inst-01.yaml")
    found["inst-01"] = dispute.model_copy(update={"reference": load_reference_file(HERE / "keys" / "cases" /
                                                                                  "inst-01.yaml")[1]})
    found["inst-02"] = load_case_file(HERE / "cases" / "inst-02.yaml")
    return found


def main(name: str) -> None:
    library = cases()
    errors, checks, failed = [], 0, []
    for item in yaml.safe_load((HERE / name).read_text()):
        case = library[item["case"]]
        report = score_formulation(item["text"], case.reference, case=case, reveal=False)
        text = " ".join(c.feedback for c in report.criteria)
        errors.append(report.total - item["mark"])
        for s in item.get("must", []):
            checks += 1
            if s not in text:
                failed.append(f"{item['id']}: missing '{s}'")
        for s in item.get("must_not", []):
            checks += 1
            if s in text:
                failed.append(f"{item['id']}: has '{s}'")
        ev = report.criterion("evidence_timeline")
        found = PARTS.search(ev.feedback)
        if found and float(found.group(1)) != ev.points:
            failed.append(f"{item['id']}: parts say {found.group(1)}, points {ev.points}")
        print(f"{item['id']:4} {item['case']:8} auto {report.total:4} mark {item['mark']:4} evidence {ev.points}")
    print(f"MAE {sum(abs(e) for e in errors) / len(errors):.2f}, bias {sum(errors) / len(errors):+.2f}, "
          f"sentence checks {checks - len(failed)}/{checks}")
    for f in failed:
        print("  FAIL", f)


if __name__ == "__main__":
    main(sys.argv[1])
