"""Matplotlib figures for the instructor report, drawn on the Agg canvas and saved as PNG.

Figures are built with :class:`matplotlib.figure.Figure` and ``FigureCanvasAgg`` directly, so no pyplot
state or interactive backend is touched (safe in tests, scripts and notebooks alike).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ipt_training.analytics.export import NOT_SUBMITTED

DPI = 110
_MAX_NAMED_TRAINEES = 40


def _figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _save(figure: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path


def score_distributions_figure(totals: pd.DataFrame) -> Figure:
    """One histogram per assignment of trainees' percentage scores (submissions only); an assignment nobody
    has submitted yet gets an empty panel that says so, with a count axis starting at 0."""
    assignments = list(totals.sort_values("position")["assignment"].unique())
    figure = _figure(4.2 * max(1, len(assignments)), 3.4)
    axes = figure.subplots(1, max(1, len(assignments)), squeeze=False)[0]
    bins = [i * 10 for i in range(11)]
    for ax, assignment in zip(axes, assignments, strict=False):
        rows = totals[(totals["assignment"] == assignment) & totals["submitted"]]
        percent = 100 * rows["score"] / rows["max_score"]
        title = f"{assignment} (n={len(rows)})"
        if len(percent):
            counts, _, _ = ax.hist(percent.clip(0, 100), bins=bins, color="#4c72b0", edgecolor="white")
            median = float(percent.median())
            ax.axvline(median, color="#dd8452", linestyle="--")
            title += f"\nmedian {median:.0f}% (dashed)"
            ax.set_ylim(0, max(1.0, float(max(counts))) * 1.1)
        else:
            ax.text(50, 0.5, f"{NOT_SUBMITTED} yet", ha="center", va="center", color="grey")
            ax.set_ylim(0, 1)
        ax.set_title(title, fontsize=10)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("score (%)")
        ax.set_ylabel("trainees")
        ax.set_xlim(0, 100)
    figure.suptitle("Score distributions")
    return figure


def score_distributions(totals: pd.DataFrame, path: Path) -> Path:
    """:func:`score_distributions_figure` saved as PNG."""
    return _save(score_distributions_figure(totals), path)


def confusion_heatmap(matrix: pd.DataFrame, path: Path) -> Path:
    """:func:`confusion_figure` saved as PNG."""
    return _save(confusion_figure(matrix), path)


def confusion_figure(matrix: pd.DataFrame) -> Figure:
    """Heat map of the problem-area confusion matrix with counts in each cell."""
    figure = _figure(6.4, 4.8)
    ax = figure.subplots()
    values = matrix.to_numpy()
    # aspect="auto": the cells fill the axes, so the colour bar beside them is exactly as tall as the map
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(1, int(values.max()) if values.size else 1),
                      aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), [str(c).replace("_", "\n") for c in matrix.columns], fontsize=8)
    ax.set_yticks(range(len(matrix.index)), [str(i).replace("_", " ") for i in matrix.index], fontsize=8)
    ax.set_xlabel("area chosen by the trainee")
    ax.set_ylabel("reference area")
    threshold = values.max() / 2 if values.size else 0
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize=9,
                    color="white" if values[i, j] > threshold else "black")
    figure.colorbar(image, ax=ax, label="answers", ticks=MaxNLocator(integer=True))
    ax.set_title("Problem area: chosen vs reference")
    return figure


def criterion_weaknesses(criteria: pd.DataFrame, cohort: pd.DataFrame, path: Path) -> Path:
    """Left: share of rubric points earned per criterion (cohort). Right: the same per trainee."""
    figure = _figure(11, 4.2)
    left, right = figure.subplots(1, 2, width_ratios=[1, 1.4])
    if cohort.empty:
        left.text(0.5, 0.5, "no formulation criteria", ha="center", va="center")
        right.set_axis_off()
        return _save(figure, path)
    ordered = cohort.sort_values("fraction", ascending=False)
    left.barh(ordered["label"], 100 * ordered["fraction"], color="#55a868")
    left.set_xlim(0, 100)
    left.set_xlabel("points earned (% of available)")
    left.set_title("Cohort, weakest at the top")
    per = criteria.groupby(["student", "criterion"])[["points", "max_points"]].sum()
    share = (per["points"] / per["max_points"]).unstack("criterion").reindex(columns=list(cohort["criterion"]))
    image = right.imshow(share.to_numpy(dtype=float), aspect="auto", cmap="RdYlGn", vmin=0, vmax=1)
    labels = dict(zip(cohort["criterion"], cohort["label"], strict=True))
    right.set_xticks(range(share.shape[1]), [labels[c] for c in share.columns], fontsize=8, rotation=40,
                     ha="right", rotation_mode="anchor")
    if len(share) <= _MAX_NAMED_TRAINEES:
        right.set_yticks(range(len(share)), list(share.index), fontsize=8)
    else:
        right.set_ylabel(f"{len(share)} trainees")
        right.set_yticks([])
    right.set_title("Per trainee (share of points earned)")
    figure.colorbar(image, ax=right)
    figure.suptitle("Rubric criteria on formulation items")
    return _save(figure, path)


def progress_table(totals: pd.DataFrame) -> pd.DataFrame:
    """Percentage per trainee (rows) and assignment (columns, course order); ``NaN`` where not submitted."""
    ordered = totals.sort_values("position")
    table = ordered.assign(percent=(100 * ordered["score"] / ordered["max_score"]).where(ordered["submitted"]))
    wide = table.pivot(index="student", columns="assignment", values="percent")
    return wide.reindex(columns=list(ordered["assignment"].unique()))


def progress_figure(totals: pd.DataFrame) -> Figure:
    """Percentage per assignment in course order: one thin line per trainee, the cohort median in bold.

    A missing submission is a gap in the trainee's line, never a 0; each assignment's label says how many
    trainees have not submitted it, and an assignment nobody has submitted is marked "not submitted".
    """
    wide = progress_table(totals)
    figure = _figure(max(7.0, 2.0 * len(wide.columns) + 2.0), 4)  # room for each assignment's label
    ax = figure.subplots()
    xs = list(range(len(wide.columns)))
    show_names = len(wide) <= 12
    for student, row in wide.iterrows():
        ax.plot(xs, row.to_numpy(dtype=float), marker="o", linewidth=1, alpha=0.8 if show_names else 0.25,
                color=None if show_names else "grey", label=student if show_names else None)
    if xs:
        ax.plot(xs, wide.median().to_numpy(dtype=float), color="black", linewidth=3, marker="o", label="median")
    labels = []
    for x, assignment in zip(xs, wide.columns, strict=True):
        missing = int(wide[assignment].isna().sum())
        if missing == len(wide):
            ax.text(x, 50, NOT_SUBMITTED, rotation=90, ha="center", va="center", color="grey")
            labels.append(f"{assignment}\n({NOT_SUBMITTED})")
        else:
            labels.append(f"{assignment}\n({missing} {NOT_SUBMITTED})" if missing else assignment)
    ax.set_xticks(xs, labels, fontsize=8)
    ax.set_xlim(-0.5, max(0.5, len(xs) - 0.5))
    ax.set_ylim(-3, 103)
    ax.set_ylabel("score (%)")
    ax.set_title("Progress over assignments")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5))  # beside the lines, never on them
    return figure


def progress(totals: pd.DataFrame, path: Path) -> Path:
    """:func:`progress_figure` saved as PNG."""
    return _save(progress_figure(totals), path)
