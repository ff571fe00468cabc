"""Agreement of the formulation scorer with expert scores, plus throughput and import time.

Run: python benchmarks/scorer_agreement.py [--gold benchmarks/data/formulation_gold.yaml]
Targets (issue 3): kappa >= 0.85 on the problem area, Spearman >= 0.8 and MAE <= 1.5 on totals (0-10),
>= 5,000 answers/s on one core, import ipt_training < 0.3 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from ipt_training.agreement import cohen_kappa, mean_absolute_error, spearman
from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer

HERE = Path(__file__).resolve().parent


def load_gold(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def import_time(module: str = "ipt_training") -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=HERE / "data" / "formulation_gold.yaml")
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    library = CaseLibrary.load()
    expert_areas, auto_areas, expert_totals, auto_totals = [], [], [], []
    per_criterion: Counter[str] = Counter()
    items = []
    for item in gold:
        reference = library.get(item["case_id"]).reference
        answer = FormulationAnswer.from_dict(item["answer"])
        report = score_formulation(answer, reference)
        items.append((answer, reference))
        expert = item["expert"]
        expert_areas.append(str(expert["area"]))
        auto_areas.append(report.detected_primary.value if report.detected_primary and
                          "keyword_stuffing" not in report.flags else "none")
        expert_totals.append(float(expert["total"]))
        auto_totals.append(report.total)
        for c in report.criteria:
            if expert.get(c.criterion) is not None:
                per_criterion[c.criterion] += abs(c.points - float(expert[c.criterion]))
        if args.verbose and (abs(report.total - float(expert["total"])) >= 2 or auto_areas[-1] != expert_areas[-1]):
            print(f"{item['id']} {item['case_id']} {item['kind']}: expert {expert['total']} ({expert['area']}) "
                  f"auto {report.total} ({auto_areas[-1]}) "
                  + " ".join(f"{c.criterion}={c.points}/{expert.get(c.criterion)}" for c in report.criteria))
    kinds = Counter(item["kind"] for item in gold)
    print(f"Gold answers: {len(gold)} over {len({i['case_id'] for i in gold})} cases; kinds: {dict(kinds)}")
    print(f"Problem-area agreement: Cohen's kappa = {cohen_kappa(expert_areas, auto_areas):.3f} (target >= 0.85)")
    print(f"Totals: Spearman rho = {spearman(expert_totals, auto_totals):.3f} (target >= 0.8), "
          f"MAE = {mean_absolute_error(expert_totals, auto_totals):.2f} points of 10 (target <= 1.5)")
    print("Mean absolute error per criterion: "
          + ", ".join(f"{k} {v / len(gold):.2f}" for k, v in sorted(per_criterion.items())))
    # Throughput on one core: score the gold answers repeatedly (matchers built once, as in a grading run).
    # CPU time of this process (one thread), so a busy second core does not distort the figure.
    repeats = max(1, 20000 // len(items))
    words = sum(len(answer.text.split()) for answer, _ in items) / len(items)
    start = time.process_time()
    for _ in range(repeats):
        for answer, reference in items:
            score_formulation(answer, reference)
    elapsed = time.process_time() - start
    print(f"Throughput: {repeats * len(items) / elapsed:,.0f} answers/s on one core, CPU time "
          f"(answers average {words:.0f} words; target >= 5,000)")
    print(f"import ipt_training: {import_time() * 1000:.1f} ms (best of 5; target < 300 ms)")
    print(f"import ipt_training.scoring.formulation: {import_time('ipt_training.scoring.formulation') * 1000:.0f} ms")


if __name__ == "__main__":
    main()
