"""Agreement between the communication-analysis scorers and expert scores in ``data/communication_gold.yaml``.

Prints Cohen's kappa between the expert's per-utterance verdicts (correct / partial / wrong / blank) and the
coding scorer's statuses, Spearman and MAE for coding points, and Spearman and MAE for rewrite scores, plus the
largest disagreements. Targets: kappa >= 0.8, Spearman >= 0.8. Run: ``python benchmarks/communication_agreement.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from ipt_training.agreement import cohen_kappa, mean_absolute_error, spearman
from ipt_training.communication.coding import score_coding
from ipt_training.communication.library import DialogueLibrary
from ipt_training.communication.rewrite import score_utterance_rewrite

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / "data" / "communication_gold.yaml"
KEYS = ROOT.parent / "source" / "keys"
KAPPA_TARGET = 0.8
SPEARMAN_TARGET = 0.8


def _codings(library: DialogueLibrary, items: list[dict[str, Any]]) -> dict[str, float]:
    expert_labels: list[str] = []
    scorer_labels: list[str] = []
    expert_points: list[float] = []
    scorer_points: list[float] = []
    disagreements: list[str] = []
    for item in items:
        dialogue = library.get(item["dialogue"])
        verdicts = {int(k): v for k, v in item["expert"].items()}
        result = score_coding(dialogue, item["trainee"], numbers=verdicts)
        for feedback in result.utterances:
            expert_labels.append(verdicts[feedback.number])
            scorer_labels.append(feedback.status)
            if verdicts[feedback.number] != feedback.status:
                disagreements.append(f"  {item['id']} utterance {feedback.number}: expert {verdicts[feedback.number]}, "
                                     f"scorer {feedback.status}")
        expert_points.append(float(item["expert_points"]))
        scorer_points.append(result.points)
    kappa = cohen_kappa(expert_labels, scorer_labels)
    print(f"Codings: {len(items)} items, {len(expert_labels)} utterance verdicts")
    print(f"  kappa (expert verdict vs scorer status): {kappa:.3f}  (target >= {KAPPA_TARGET})")
    print(f"  points: Spearman {spearman(expert_points, scorer_points):.3f}, "
          f"MAE {mean_absolute_error(expert_points, scorer_points):.2f} / 10")
    if disagreements:
        print("  verdict disagreements:")
        print("\n".join(disagreements))
    return {"kappa": kappa}


def _rewrites(library: DialogueLibrary, items: list[dict[str, Any]]) -> dict[str, float]:
    expert: list[float] = []
    scored: list[float] = []
    rows: list[tuple[float, str]] = []
    for item in items:
        result = score_utterance_rewrite(library.get(item["dialogue"]), item["utterance"], item["text"])
        expert.append(float(item["expert"]))
        scored.append(result.total)
        rows.append((abs(result.total - item["expert"]),
                     f"  {item['id']}: expert {item['expert']:g}, scorer {result.total:g}: {item['text'][:70]}"))
    rho = spearman(expert, scored)
    print(f"Rewrites: {len(items)} items")
    print(f"  Spearman: {rho:.3f}  (target >= {SPEARMAN_TARGET})")
    print(f"  MAE: {mean_absolute_error(expert, scored):.2f} / 10")
    worst = [text for gap, text in sorted(rows, reverse=True) if gap >= 2]
    if worst:
        print("  differences of 2 points or more:")
        print("\n".join(worst))
    return {"spearman": rho}


def main() -> int:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    library = DialogueLibrary.load(keys_dir=KEYS)
    _codings(library, gold["codings"])
    _rewrites(library, gold["rewrites"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
