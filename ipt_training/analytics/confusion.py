"""Problem-area confusion matrix: the area each trainee chose against the reference area of the case."""

from __future__ import annotations

import pandas as pd

from ipt_training.domain import ProblemArea

NO_CHOICE = "none"
AREAS = [area.value for area in ProblemArea]


def confusion_matrix(formulations: pd.DataFrame, chosen: str = "chosen_area") -> pd.DataFrame:
    """Counts with reference areas as rows and chosen areas as columns (plus ``none`` for no choice).

    ``chosen`` names the column to count: ``chosen_area`` (the trainee's declared ``primary_area``) by
    default, or ``detected_area`` (what the scorer read, see :mod:`ipt_training.analytics.calibration`).
    Every area appears as a row and column even when its count is zero; rows without a reference are left out.
    """
    data = formulations.dropna(subset=["reference_area"])
    picked = data[chosen].astype(object).where(data[chosen].notna(), NO_CHOICE) if len(data) else data[chosen]
    table = pd.crosstab(data["reference_area"].astype(object), picked)
    table = table.reindex(index=AREAS, columns=[*AREAS, NO_CHOICE], fill_value=0).fillna(0).astype(int)
    table.index.name, table.columns.name = "reference", "chosen"
    return table


def area_accuracy(formulations: pd.DataFrame, chosen: str = "chosen_area") -> float:
    """Share of formulation answers whose chosen area equals the reference (``NaN`` without answers)."""
    data = formulations.dropna(subset=["reference_area"])
    if data.empty:
        return float("nan")
    return float((data[chosen] == data["reference_area"]).mean())
