"""Rubric criteria where trainees lose points: per trainee and across the cohort."""

from __future__ import annotations

import pandas as pd

COHORT_COLUMNS = ["criterion", "label", "n", "points", "max_points", "fraction"]
TRAINEE_COLUMNS = ["student", "rank", "criterion", "label", "points", "max_points", "fraction", "example_feedback"]


def cohort_criteria(criteria: pd.DataFrame) -> pd.DataFrame:
    """Per criterion: points earned over points available across the cohort, weakest first."""
    if criteria.empty:
        return pd.DataFrame(columns=COHORT_COLUMNS)
    table = (criteria.groupby(["criterion", "label"], sort=False)
             .agg(n=("points", "size"), points=("points", "sum"), max_points=("max_points", "sum"))
             .reset_index())
    table["fraction"] = (table["points"] / table["max_points"]).round(3)
    return table.sort_values(["fraction", "criterion"]).reset_index(drop=True)[COHORT_COLUMNS]


def weakest_criteria(criteria: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Each trainee's ``top`` weakest criteria (lowest share of points, at least one point lost).

    ``example_feedback`` is the feedback line of the item where the trainee did worst on that criterion.
    """
    if criteria.empty:
        return pd.DataFrame(columns=TRAINEE_COLUMNS)
    rows = criteria.assign(fraction=criteria["points"] / criteria["max_points"])
    table = (rows.groupby(["student", "criterion", "label"], sort=False)
             .agg(points=("points", "sum"), max_points=("max_points", "sum")).reset_index())
    table["fraction"] = (table["points"] / table["max_points"]).round(3)
    table = table[table["points"] < table["max_points"]].sort_values(["student", "fraction", "criterion"])
    table["rank"] = table.groupby("student").cumcount() + 1
    table = table[table["rank"] <= top]
    worst = (rows.sort_values("fraction", kind="stable").drop_duplicates(["student", "criterion"])
             [["student", "criterion", "feedback"]].rename(columns={"feedback": "example_feedback"}))
    table = table.merge(worst, on=["student", "criterion"], how="left")
    return table.reset_index(drop=True)[TRAINEE_COLUMNS]
