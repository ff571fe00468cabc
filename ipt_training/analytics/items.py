"""Item statistics: difficulty (mean score / max) and discrimination (corrected item-total correlation)."""

from __future__ import annotations

import pandas as pd

from ipt_training.agreement import pearson

ITEM_STAT_COLUMNS = ["assignment", "notebook", "item", "kind", "n", "max_score", "mean_score", "difficulty",
                     "discrimination"]


def item_statistics(items: pd.DataFrame) -> pd.DataFrame:
    """One row per assignment x notebook x item.

    ``difficulty`` is the mean score divided by the maximum (1 = everyone earned full marks).
    ``discrimination`` is the Pearson correlation across trainees between the item score and the
    trainee's total on the rest of the same assignment (the item itself left out); ``NaN`` when either
    side does not vary or fewer than three trainees submitted.
    """
    rows = []
    for assignment, group in items.groupby("assignment", sort=False):
        wide = group.pivot_table(index="student", columns=["notebook", "item"], values="score", aggfunc="sum")
        totals = wide.sum(axis=1)
        for (notebook, item), scores in wide.items():
            part = group[(group["notebook"] == notebook) & (group["item"] == item)]
            max_score = float(part["max_score"].max())
            rest = totals - scores
            mean = float(scores.mean())
            discrimination = pearson(list(scores), list(rest)) if len(scores) >= 3 else float("nan")
            rows.append({"assignment": assignment, "notebook": notebook, "item": item,
                         "kind": part["kind"].iloc[0], "n": len(scores), "max_score": max_score,
                         "mean_score": round(mean, 3),
                         "difficulty": round(mean / max_score, 3) if max_score else float("nan"),
                         "discrimination": round(discrimination, 3)})
    return pd.DataFrame(rows, columns=ITEM_STAT_COLUMNS)
