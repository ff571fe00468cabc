"""Calibration: how the auto-scorer agrees with instructors, and which auto scores need a human look.

Instructor scores come from a CSV (``student,assignment,item,score[,area]``) and from manual grades
entered in nbgrader's formgrader (``Grade.manual_score``). Confidence and the scorer's reading of the
problem area are re-derived by re-scoring the parsed answer variables against the instructor keys
(instructor context only: the keys live in the course's ``source/keys``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ipt_training.agreement import cohen_kappa, mean_absolute_error, spearman
from ipt_training.analytics.confusion import NO_CHOICE
from ipt_training.analytics.gradebook import CohortData, case_for, reference_for

MANUAL_COLUMNS = ["student", "assignment", "item", "score", "area", "source"]
RESCORE_COLUMNS = ["student", "assignment", "item", "case_id", "detected_area", "confidence", "flags",
                   "rescored", "recorded"]
QUEUE_COLUMNS = ["student", "assignment", "item", "case_id", "auto_score", "max_score", "confidence",
                 "chosen_area", "detected_area", "reasons", "answer_as_graded"]
REVIEW_THRESHOLD = 0.7
SCORE_GAP = 1.0
NOT_GRADED_ITEM = "whole submission"  # the review-queue item of a submission that was not graded
_IGNORED_FLAGS = {"empty_answer"}
#: What each formulation-scorer flag means, for the instructor reading the queue (an unknown flag is shown by name).
FLAG_REASONS = {
    "keyword_stuffing": "keyword stuffing (problem-area terms piled up rather than reasoned)",
    "self_contradiction": "self-contradiction (the answer argues for different problem areas)",
    "no_commitment": "no commitment (no single problem area chosen)",
    "area_from_reasoning": "area from reasoning (the problem area was not named; the scorer inferred it)",
    "retelling": ("retelling (the case told back, events and symptoms in order, with no area named and no claim "
                  "about the cause, the problem or the work)"),
    "not_english": "not English (the scorer reads English only)",
    "list_without_reasoning": "list without reasoning (terms listed, no formulation written)",
    "pasted_vignette": "pasted vignette (the case text copied into the answer)",
    "scrambled_words": "scrambled words (the words of sentences in no sentence's order, e.g. shuffled)",
    "repeated_text": "repeated text (sentences written more than once)",
    "overlong": "overlong (far longer than a formulation)",
    "no_case_facts": "no case facts (nothing from this patient's story)",
    "few_case_facts": "few case facts (little from this patient's story)",
    "inconsistent_plan": "inconsistent plan (goals or strategies of another problem area)",
    "two_readings": "two readings (two formulations of different areas, each with its own plan)",
    "conflicting_claims": ("conflicting claims (the answer's own statements contradict its focus or the case, e.g. "
                           "'no one has died' beside grief; half of the better reading)"),
    "copied_formulation": "copied formulation (another case's model formulation, names changed)",
    "refers_elsewhere": "refers elsewhere (points to text outside the answer, e.g. 'see above'; graded as written)",
}


class CalibrationError(ValueError):
    """A calibration file that cannot be read."""


def read_manual_csv(path: Path) -> pd.DataFrame:
    """Instructor scores from ``student,assignment,item,score[,area]`` (area: a problem-area value or blank)."""
    from ipt_training.domain import ProblemArea

    table = pd.read_csv(path, dtype={"student": str, "assignment": str, "item": str, "area": str})
    missing = {"student", "assignment", "item", "score"} - set(table.columns)
    if missing:
        raise CalibrationError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    if "area" not in table.columns:
        table["area"] = None
    areas = []
    for line, value in enumerate(table["area"], start=2):
        if pd.isna(value) or not str(value).strip():
            areas.append(None)
            continue
        try:
            areas.append(ProblemArea(str(value).strip().lower().replace(" ", "_")).value)
        except ValueError:
            raise CalibrationError(f"{path}:{line}: unknown problem area {value!r}") from None
    table["area"] = pd.Series(areas, index=table.index, dtype=object)
    table["score"] = pd.to_numeric(table["score"], errors="raise").astype(float)
    table["source"] = "csv"
    return table[MANUAL_COLUMNS]


def manual_from_gradebook(cohort: CohortData) -> pd.DataFrame:
    """Manual grades entered in the formgrader (``Grade.manual_score``), as instructor scores."""
    graded = cohort.items[cohort.items["manual_score"].notna()]
    return pd.DataFrame({"student": graded["student"], "assignment": graded["assignment"], "item": graded["item"],
                         "score": graded["manual_score"].astype(float), "area": None, "source": "formgrader"},
                        columns=MANUAL_COLUMNS).reset_index(drop=True)


def rescore_formulations(cohort: CohortData) -> pd.DataFrame:
    """Re-score each formulation answer against the instructor key: confidence, detected area and flags.

    ``rescored`` is the scorer's total scaled to the item's points; ``recorded`` the autograder's score as
    stored (``auto_score``), so a difference points at a grading problem (e.g. a deleted answer cell).
    """
    from ipt_training.scoring.formulation import score_formulation
    from ipt_training.scoring.report import FormulationAnswer

    auto = cohort.items.set_index(["student", "assignment", "item"])["auto_score"]
    rows = []
    for f in cohort.formulations.itertuples(index=False):
        reference = reference_for(cohort.keys_dir, f.case_id)
        if reference is None:
            continue
        answer = FormulationAnswer.from_dict({"text": f.text if isinstance(f.text, str) else "",
                                              "primary_area": _value(f.chosen_area),
                                              "secondary_area": _value(f.chosen_secondary),
                                              "dispute_stage": _value(f.chosen_stage)})
        report = score_formulation(answer, reference, reveal=False, case=case_for(cohort.keys_dir, f.case_id))
        points = f.max_score or report.max_total
        rescored = math.floor(points * report.total / report.max_total * 2 + 0.5) / 2
        rows.append({"student": f.student, "assignment": f.assignment, "item": f.item, "case_id": f.case_id,
                     "detected_area": report.detected_primary.value if report.detected_primary else None,
                     "confidence": round(report.confidence, 3), "flags": ",".join(report.flags),
                     "rescored": rescored, "recorded": auto.get((f.student, f.assignment, f.item))})
    return pd.DataFrame(rows, columns=RESCORE_COLUMNS)


@dataclass(frozen=True)
class Agreement:
    """Instructor vs auto-scorer agreement on the sampled items."""

    n_scores: int
    spearman: float
    mae: float
    n_areas: int
    kappa: float
    pairs: pd.DataFrame

    def summary(self) -> dict[str, float | int]:
        return {"items_scored": self.n_scores, "spearman": self.spearman, "mae": self.mae,
                "areas_rated": self.n_areas, "kappa_problem_area": self.kappa}


def agreement(cohort: CohortData, manual: pd.DataFrame, rescored: pd.DataFrame | None = None) -> Agreement:
    """Cohen's kappa on problem areas; Spearman and mean absolute error on item totals (manual vs auto)."""
    keys = ["student", "assignment", "item"]
    auto = cohort.items[[*keys, "auto_score", "max_score"]]
    pairs = manual.merge(auto, on=keys, how="inner")
    areas = cohort.formulations[[*keys, "chosen_area"]]
    if rescored is not None and not rescored.empty:
        areas = areas.merge(rescored[[*keys, "detected_area"]], on=keys, how="left")
        auto_area = areas["detected_area"].astype(object).where(areas["detected_area"].notna(), areas["chosen_area"])
        areas = areas.assign(auto_area=auto_area)
    else:
        areas = areas.assign(auto_area=areas["chosen_area"])
    pairs = pairs.merge(areas[[*keys, "auto_area"]], on=keys, how="left")
    scored = pairs[pairs["auto_score"].notna()]
    x, y = list(scored["score"]), list(scored["auto_score"])
    rho = spearman(x, y) if len(x) >= 2 else float("nan")
    mae = mean_absolute_error(x, y) if x else float("nan")
    rated = pairs[pairs["area"].notna()]
    instructor = list(rated["area"])
    machine = [a if isinstance(a, str) else NO_CHOICE for a in rated["auto_area"]]
    kappa = cohen_kappa(instructor, machine) if instructor else float("nan")
    return Agreement(len(x), rho, mae, len(instructor), kappa, pairs)


def review_queue(cohort: CohortData, rescored: pd.DataFrame, manual: pd.DataFrame | None = None,
                 threshold: float = REVIEW_THRESHOLD, score_gap: float = SCORE_GAP) -> pd.DataFrame:
    """Auto scores an instructor should look at, least confident first, each with its reasons.

    Reasons: scorer confidence below ``threshold``; a scorer flag (keyword stuffing, self-contradiction);
    a grader's review flag printed with the grade (an inventory or timeline answer whose credit was scaled down
    or refused); an instructor score ``score_gap`` or more away from the auto score, or a different problem area;
    a re-score that no longer matches the gradebook; an answer the grader could not read as given and scored 0 (its
    variable undefined after a deleted cell or a SyntaxError, or not in the expected form); a grade nbgrader marks
    as needing a manual grade; and, as a row named after the notebook, what sent a whole submission to review
    (HTML made inert, code reaching for the keys or changing the grader); a submission autograde did not grade
    (refused or stopped) gets a row named ``NOT_GRADED_ITEM`` with the reasons the grader stored ("not graded: ...").

    Each answer's row holds the answers its grade scored (``answer_as_graded``), as the feedback page shows them:
    the text to review, whatever the answer cells show.
    """
    from ipt_training.grading.trusted.scored import ABSENT_ANSWER

    keys = ["student", "assignment", "item"]
    reasons: dict[tuple[str, str, str], list[str]] = {}
    # An answer that was never defined has no reading: its re-score (an empty answer, read with confidence) is left out.
    absent = {(r.student, r.assignment, r.item) for r in cohort.items.itertuples(index=False)
              if str(r.answer_problem).startswith(ABSENT_ANSWER)}
    if absent and not rescored.empty:
        kept = [(s, a, i) not in absent for s, a, i in
                zip(rescored["student"], rescored["assignment"], rescored["item"], strict=True)]
        rescored = rescored.loc[pd.Series(kept, index=rescored.index, dtype=bool)]
    for r in rescored.itertuples(index=False):
        key = (r.student, r.assignment, r.item)
        if r.confidence < threshold:
            reasons.setdefault(key, []).append(f"low scorer confidence {r.confidence:.2f}")
        for flag in filter(None, str(r.flags).split(",")):
            if flag not in _IGNORED_FLAGS:
                reasons.setdefault(key, []).append(f"scorer flag: {_flag_reason(flag)}")
        if r.recorded is not None and not pd.isna(r.recorded) and abs(r.rescored - r.recorded) >= 0.5:
            reasons.setdefault(key, []).append(f"re-score {r.rescored:g} differs from gradebook {r.recorded:g}")
    if manual is not None and not manual.empty:
        found = agreement(cohort, manual, rescored).pairs
        for p in found.itertuples(index=False):
            key = (p.student, p.assignment, p.item)
            if p.auto_score is not None and not pd.isna(p.auto_score) and abs(p.score - p.auto_score) >= score_gap:
                reasons.setdefault(key, []).append(f"instructor {p.score:g} vs auto {p.auto_score:g}")
            auto_area = p.auto_area if isinstance(p.auto_area, str) else NO_CHOICE
            if isinstance(p.area, str) and p.area != auto_area:
                reasons.setdefault(key, []).append(f"instructor area {p.area} vs auto {auto_area}")
    for r in cohort.items.itertuples(index=False):
        for reason in grader_flags(r.feedback):
            reasons.setdefault((r.student, r.assignment, r.item), []).append(f"flagged by the grader: {reason}")
    for r in cohort.items.itertuples(index=False):  # an answer the grader could not read as given, scored 0
        if isinstance(r.answer_problem, str) and r.answer_problem and not (r.auto_score and r.auto_score > 0):
            reasons.setdefault((r.student, r.assignment, r.item), []).append(f"{r.answer_problem}; scored 0")
    for r in cohort.submission_reviews.itertuples(index=False):  # the whole notebook, under its own name
        item = f"{r.notebook}.ipynb" if r.notebook else NOT_GRADED_ITEM
        reasons.setdefault((r.student, r.assignment, item), []).append(r.reason)
    for r in cohort.items[cohort.items["needs_manual_grade"]].itertuples(index=False):
        reasons.setdefault((r.student, r.assignment, r.item), []).append("needs a manual grade in formgrader")
    if not reasons:
        return pd.DataFrame(columns=QUEUE_COLUMNS)
    queue = pd.DataFrame([(*k, "; ".join(v)) for k, v in reasons.items()], columns=[*keys, "reasons"])
    queue = queue.merge(cohort.items[[*keys, "case_id", "auto_score", "max_score"]], on=keys, how="left")
    queue = queue.merge(cohort.formulations[[*keys, "chosen_area"]], on=keys, how="left")
    queue = queue.merge(rescored[[*keys, "confidence", "detected_area"]], on=keys, how="left")
    graded = cohort.graded_answers.drop_duplicates(keys)
    queue = queue.merge(graded[[*keys, "answer_as_graded"]], on=keys, how="left")
    queue["answer_as_graded"] = queue["answer_as_graded"].fillna("")
    rescored_no_area = queue["confidence"].notna() & queue["detected_area"].isna()  # a formulation with no area
    queue["detected_area"] = queue["detected_area"].astype(object).where(~rescored_no_area, NO_CHOICE)
    queue = queue.sort_values(["confidence", "student", "item"], na_position="last").reset_index(drop=True)
    return queue[QUEUE_COLUMNS]


def grader_flags(feedback: object) -> list[str]:
    """The reasons a grader gave for sending an answer to review (its "Flagged for your instructor's review: ..."
    feedback lines, as the trusted re-scoring printed them with the grade)."""
    from ipt_training.grading.graders.items import REVIEW_MARK

    if not isinstance(feedback, str):
        return []
    # A flag is a feedback line of its own; the same words inside another line are an answer the grader echoed.
    return [line.removeprefix(REVIEW_MARK).strip().rstrip(".") for line in feedback.splitlines()
            if line.startswith(REVIEW_MARK)]


def _flag_reason(flag: str) -> str:
    return FLAG_REASONS.get(flag, flag.replace("_", " "))


def _value(value: object) -> object:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value
