"""At release: refuse an assignment that grades a trainee's inventory or timeline of a packaged case whose package
file holds the expert table.

The packaged assessment cases ``a-02`` to ``a-08`` were written for the formulation exercise, where the expert
inventory and timeline are part of the case to read: their package file holds both, and every trainee has that
file installed. An assignment that grades a trainee's own inventory or timeline of such a case (a graded cell that
calls ``grade_inventory`` or ``grade_timeline`` on it) hands over the answer. ``a-01`` keeps its tables in its key
file only, and the instructor's own cases are released without them (:mod:`ipt_training.grading.workflow.own_cases`).
"""

from __future__ import annotations

from pathlib import Path

from ipt_training.grading.graders.case_items import EXPERT_FIELDS, packaged_cases, shipped_tables
from ipt_training.grading.workflow.own_cases import withheld_fields


def shipped_table_problems(root: Path, assignment: str) -> list[str]:
    """One plain sentence per packaged case the assignment grades against a table trainees have installed."""
    packaged = set(packaged_cases())
    graded: dict[str, set[str]] = {}
    for notebook in sorted((root / "source" / assignment).glob("*.ipynb")):
        for case_id, fields in withheld_fields(notebook, packaged).items():
            graded.setdefault(case_id, set()).update(fields)
    graders = {field: grader for grader, fields in EXPERT_FIELDS.items() for field in fields}
    return [f"it grades the {field} of the packaged case '{case_id}' ({graders[field]}), but the expert {field} of "
            f"that case ships in the course package every trainee has installed (ipt_training/data/cases/), so "
            "trainees can read the answer. Grade a case whose tables are in its key file only ('a-01'), or a case of "
            "your own (docs/authoring-cases.md)"
            for case_id in sorted(graded) for field in shipped_tables(case_id, sorted(graded[case_id]))]
