"""Files nbgrader's own exchange adds to a submission are not reported as the trainee's extra files."""

from __future__ import annotations

import shutil

from ipt_training.grading.trusted.diagnose import diagnose_submission


def test_submission_secret_is_expected_but_other_extra_files_are_reported(repo, tmp_path):
    source = repo / "source" / "ipt_foundations"
    submitted = tmp_path / "submitted" / "ipt_foundations"
    submitted.mkdir(parents=True)
    shutil.copy(repo / "release" / "ipt_foundations" / "ipt_foundations.ipynb", submitted)
    (submitted / "timestamp.txt").write_text("2026-11-29 10:00:00.000000 UTC")
    (submitted / "submission_secret.txt").write_text("abc123")
    assert not any("extra files" in p for p in diagnose_submission(submitted, source))
    (submitted / "notes.txt").write_text("mine")
    problems = [p for p in diagnose_submission(submitted, source) if "extra files" in p]
    assert problems == ["extra files ignored by grading: notes.txt"]
