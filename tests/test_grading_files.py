"""The grading process reads trainee-controlled files safely: regular files only, never blocking, with a cap."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from ipt_training import saved_answers
from ipt_training.grading.trusted.files import UnsafeFile, read_limited, special_files


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / saved_answers.ANSWERS_FILE
    os.mkfifo(pipe)
    with pytest.raises(UnsafeFile, match="is a named pipe"):
        read_limited(pipe)  # a plain open() would block here for ever
    assert saved_answers.load_all(tmp_path) == {}
    assert special_files(tmp_path) == [(saved_answers.ANSWERS_FILE, "a named pipe (FIFO)")]


def test_a_huge_answers_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / saved_answers.ANSWERS_FILE
    path.write_text('{"case_a": {"formulation": "' + "x" * 60 * 2**20 + '"}}')
    tracemalloc.start()
    try:
        with pytest.raises(UnsafeFile, match="60 MB, more than the 2 MB"):
            read_limited(path, saved_answers.ANSWERS_MAX_BYTES)
        assert saved_answers.load_all(tmp_path) == {}
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 2**20, peak


def test_links_are_not_followed_and_plain_files_are_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("correct: b\n")
    (tmp_path / "notes.txt").symlink_to(secret)
    with pytest.raises(OSError):
        read_limited(tmp_path / "notes.txt")
    saved_answers.save("case_a", {"primary_area": "grief"}, tmp_path)
    assert saved_answers.load_all(tmp_path)["case_a"]["primary_area"] == "grief"
