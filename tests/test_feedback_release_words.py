"""What `ipt-course feedback --release` says when some or all trainees' feedback cannot be released.

Found by an instructor grading submissions copied into submitted/ by hand (not through the exchange): the command
printed "feedback released for 0 trainee(s): ; each fetches their own ..." and did not say what to do instead.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from ipt_training import cli
from ipt_training.grading.workflow import exchange
from ipt_training.grading.workflow.exchange import FeedbackRelease, restore_exchange_files


def _release(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, outcome: FeedbackRelease):
    monkeypatch.setattr(cli, "_course", lambda path, db_url=None: SimpleNamespace(root=tmp_path))
    monkeypatch.setattr(exchange, "release_feedback", lambda course, assignment: outcome)
    return CliRunner().invoke(cli.app, ["feedback", "ipt_foundations", "--release"])


def test_when_nobody_could_be_released_does_it_say_so_in_words(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    result = _release(monkeypatch, tmp_path, FeedbackRelease((), (("bob", "no secret"),)))
    assert result.exit_code == 1
    assert "feedback of ipt_foundations released for no trainee" in result.output
    assert "0 trainee(s)" not in result.output and ": ;" not in result.output
    assert "not released for bob: no secret" in result.output


def test_are_the_released_trainees_still_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = _release(monkeypatch, tmp_path, FeedbackRelease(("amara", "elena"), ()))
    assert result.exit_code == 0
    assert "feedback released for 2 trainee(s): amara, elena; each fetches their own" in result.output


def test_does_a_submission_from_outside_the_exchange_point_at_its_feedback_page(tmp_path: Path) -> None:
    submitted = tmp_path / "submitted" / "bob" / "ipt_foundations"
    feedback = tmp_path / "feedback" / "bob" / "ipt_foundations"
    submitted.mkdir(parents=True)
    feedback.mkdir(parents=True)
    why = restore_exchange_files(submitted, feedback)
    assert why is not None and "did not come through the exchange" in why
    assert f"give the trainee the page in {feedback} yourself" in why
    (submitted / "submission_secret.txt").write_text("s3cret")
    assert restore_exchange_files(submitted, feedback) is None


def test_does_the_listing_offer_release_only_for_exchange_submissions(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    """Round 16: with every submission copied into submitted/ by hand, the listing still said 'release it with:
    ... --release', which then released nobody."""
    monkeypatch.setattr(cli, "_course", lambda path, db_url=None: SimpleNamespace(root=tmp_path))
    for trainee in ("nora", "sam"):
        (tmp_path / "submitted" / trainee / "ipt_foundations").mkdir(parents=True)
        (tmp_path / "feedback" / trainee / "ipt_foundations").mkdir(parents=True)
        (tmp_path / "feedback" / trainee / "ipt_foundations" / "ipt_foundations.html").write_text("<html></html>")
    listing = CliRunner().invoke(cli.app, ["feedback", "ipt_foundations"])
    assert listing.exit_code == 0 and "feedback ready for 2 trainee(s): nora, sam" in listing.output
    assert "--release" not in listing.output
    assert "give each their page yourself: nora, sam (feedback/<trainee>/ipt_foundations/)" in listing.output
    (tmp_path / "submitted" / "sam" / "ipt_foundations" / "submission_secret.txt").write_text("s3cret")
    listing = CliRunner().invoke(cli.app, ["feedback", "ipt_foundations"])
    assert "release it with: ipt-course feedback ipt_foundations --release" in listing.output
    assert "give each their page yourself: nora (" in listing.output
