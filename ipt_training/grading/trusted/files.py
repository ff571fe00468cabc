"""Reading files a trainee controls: regular files only, never blocking, never larger than a cap.

A submission (or a notebook at run time) can put a FIFO where the grader expects a file (``open`` would block
for ever), a device node, a link out of the submission, or a huge file (read whole, it would fill the grading
process's memory). :func:`read_limited` refuses all of these with :class:`UnsafeFile`, whose message says what
was wrong in plain words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

READ_LIMIT_ENV = "IPT_GRADING_READ_MB"
DEFAULT_READ_LIMIT_MB = 20


class UnsafeFile(OSError):
    """A file the grader will not read (not a regular file, or too large)."""


def read_limit_bytes() -> int:
    """The largest file the grading process reads from a submission (``$IPT_GRADING_READ_MB``, default 20)."""
    try:
        return max(1, int(float(os.environ.get(READ_LIMIT_ENV, DEFAULT_READ_LIMIT_MB)) * 1024 * 1024))
    except ValueError:
        return DEFAULT_READ_LIMIT_MB * 1024 * 1024


def describe_size(size: int) -> str:
    """A size in plain words: "512 KB", "1.5 MB", "60 MB" (one decimal below 10 MB, none when it is .0)."""
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    mb = size / 1024 / 1024
    text = f"{mb:.1f}" if mb < 10 else f"{mb:.0f}"
    return f"{text.removesuffix('.0')} MB"


def file_kind(mode: int) -> str | None:
    """What a file of ``st_mode`` ``mode`` is when it is neither a regular file nor a folder, in plain words."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode) or stat.S_ISCHR(mode):
        return "a device file"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "something that is not a file"
    return None


def not_regular(path: Path) -> str | None:
    """Why ``path`` is not a plain file or folder the grader may read (a link, FIFO, socket or device), or None."""
    try:
        return file_kind(os.lstat(path).st_mode)
    except OSError:
        return None


def _open_checked(path: Path, limit: int) -> int:
    """A read-only descriptor of ``path`` if it is a regular file (not a link) of at most ``limit`` bytes;
    opened without blocking, so a named pipe cannot stall the grader."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        kind = not_regular(path)
        if kind:
            raise UnsafeFile(f"{path.name} is {kind}, not a file; it was not read") from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"{path.name} is {not_regular(path) or 'not a regular file'}, not a file; "
                             "it was not read")
        if info.st_size > limit:
            raise UnsafeFile(f"{path.name} is {describe_size(info.st_size)}, more than the "
                             f"{describe_size(limit)} the grader reads; it was not read")
    except BaseException:
        os.close(fd)
        raise
    return fd


def check_readable(path: Path, limit: int | None = None) -> None:
    """Raise :class:`UnsafeFile` unless ``path`` is a regular file (not a link) of at most ``limit`` bytes."""
    os.close(_open_checked(path, read_limit_bytes() if limit is None else limit))


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link) of at most ``limit`` bytes."""
    limit = read_limit_bytes() if limit is None else limit
    fd = _open_checked(path, limit)
    try:
        data = os.read(fd, limit + 1)
        chunks = [data]
        while data and sum(map(len, chunks)) <= limit:
            data = os.read(fd, limit + 1)
            chunks.append(data)
        content = b"".join(chunks)
        if len(content) > limit:
            raise UnsafeFile(f"{path.name} grew past the {describe_size(limit)} the grader reads; it was not read")
        return content
    finally:
        os.close(fd)


def read_text_limited(path: Path, limit: int | None = None) -> str:
    return read_limited(path, limit).decode("utf-8")


def special_files(folder: Path) -> list[tuple[str, str]]:
    """(relative path, kind) of every entry under ``folder`` that is not a plain file or folder."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            kind = not_regular(path)
            if kind:
                found.append((str(path.relative_to(folder)), kind))
    return sorted(found)
