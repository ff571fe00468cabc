"""A trainee's submission folder in nbgrader's exchange, inspected and copied without trusting anything in it.

Everything in ``inbound/<trainee>+<assignment>+<time>/`` is the trainee's: the folder name and ``timestamp.txt``
(the time they claim), and any kind of file. nbgrader's own copy follows a link as the instructor (a link to an
answer key becomes a copy of the key), copies ``/dev/zero`` for ever, and stops the whole collection at a named
pipe. Here :func:`inspect_submission` looks at every entry with ``lstat`` before anything is copied, and
:func:`copy_submission` copies regular files only, each opened relative to its folder with ``O_NOFOLLOW``,
measuring sizes again while copying and stopping at a wall clock, so one folder can never hang collection or
fill the disk.

The time a submission reached the exchange is the newest change time (``ctime``) of its folder and of
everything in it: the kernel sets it at every change (writing, renaming, linking, ``touch``) and no owner can set
it back, so unlike the folder name it cannot claim an earlier time.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ipt_training.grading.trusted.files import describe_size, file_kind

FILE_LIMIT_ENV = "IPT_COLLECT_FILE_MB"
TOTAL_LIMIT_ENV = "IPT_COLLECT_TOTAL_MB"
ENTRIES_LIMIT_ENV = "IPT_COLLECT_MAX_FILES"
SECONDS_ENV = "IPT_COLLECT_SECONDS"
MAX_DEPTH = 20
_CHUNK = 1024 * 1024
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


class Refused(Exception):
    """A submission that is not collected; the message says why in plain words."""


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    """How much one submission may hold and how long collecting it may take."""

    file_bytes: int = 25 * 1024 * 1024
    total_bytes: int = 50 * 1024 * 1024
    entries: int = 1000
    seconds: float = 120.0

    @classmethod
    def from_env(cls) -> Limits:
        """``$IPT_COLLECT_FILE_MB`` (25), ``$IPT_COLLECT_TOTAL_MB`` (50), ``$IPT_COLLECT_MAX_FILES`` (1000) and
        ``$IPT_COLLECT_SECONDS`` (120)."""
        mb = 1024 * 1024
        return cls(int(_env_number(FILE_LIMIT_ENV, 25) * mb), int(_env_number(TOTAL_LIMIT_ENV, 50) * mb),
                   int(_env_number(ENTRIES_LIMIT_ENV, 1000)), _env_number(SECONDS_ENV, 120))


@dataclass(frozen=True)
class Inspection:
    """What a submission folder holds, seen with ``lstat`` only."""

    arrived: datetime  # UTC, naive (as nbgrader stores times): the newest ctime in the folder
    size: int
    entries: int


def utc(ns: int) -> datetime:
    """A file time (nanoseconds since the epoch) as a naive UTC datetime, to the microsecond."""
    return datetime.fromtimestamp(ns // 1000 / 1e6, tz=timezone.utc).replace(tzinfo=None)


class _Budget:
    """The caps of one submission, counted as the walk and the copy go."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.entries = 0
        self.total = 0
        self.newest = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise Refused(f"collecting it took longer than the {self.limits.seconds:g} s one submission may take; "
                          "it was stopped")

    def entry(self) -> None:
        self.entries += 1
        if self.entries > self.limits.entries:
            raise Refused(f"the submission holds more than {self.limits.entries} files and folders")
        self.tick()

    def seen(self, info: os.stat_result) -> None:
        self.newest = max(self.newest, info.st_ctime_ns)

    def file_size(self, rel: str, size: int) -> None:
        if size > self.limits.file_bytes:
            raise Refused(f"{rel} is {describe_size(size)}, more than the {describe_size(self.limits.file_bytes)} "
                          "a submitted file may be")

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.limits.total_bytes:
            raise Refused(f"the submission is more than {describe_size(self.limits.total_bytes)} in total, more than a "
                          "submission may be")


def _check_entry(rel: str, name: str, dir_fd: int, info: os.stat_result, owner: int) -> None:
    """Refuse a link, pipe, socket, device, or a file of another account (a hard link to it, or moved in)."""
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(name, dir_fd=dir_fd)
        except OSError:
            target = "/"
        inside = os.path.normpath(os.path.join(os.path.dirname(rel), target))
        if os.path.isabs(target) or inside == ".." or inside.startswith("../"):
            raise Refused(f"the submission contains a link to a file outside it ({rel})")
        raise Refused(f"the submission contains a link ({rel}); links are not collected")
    kind = file_kind(info.st_mode)
    if kind:
        raise Refused(f"the submission contains {kind}, not a file: {rel}")
    if info.st_uid != owner:
        if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
            raise Refused(f"the submission contains a hard link to a file that belongs to another account ({rel})")
        raise Refused(f"the submission contains a file that belongs to another account ({rel})")


def _open_top(folder: Path) -> tuple[int, os.stat_result]:
    try:
        info = os.lstat(folder)
    except OSError as exc:
        raise Refused(f"the submission folder could not be read ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise Refused("the submission is a link, not a folder")
    if not stat.S_ISDIR(info.st_mode):
        raise Refused("the submission is not a folder")
    try:
        fd = os.open(folder, _DIR_FLAGS)
    except OSError as exc:
        raise Refused(f"the submission folder could not be opened ({exc.strerror})") from None
    opened = os.fstat(fd)
    if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
        os.close(fd)
        raise Refused("the submission folder was replaced while it was being collected")
    return fd, info


def _walk(dir_fd: int, prefix: str, depth: int, budget: _Budget, owner: int,
          ) -> Iterator[tuple[str, str, int, os.stat_result]]:
    """(relative path, name, fd of its folder, lstat) of every entry, folders before their contents."""
    if depth > MAX_DEPTH:
        raise Refused(f"the submission has folders nested more than {MAX_DEPTH} deep")
    names = []
    with os.scandir(dir_fd) as listing:
        for entry in listing:
            budget.entry()
            names.append(entry.name)
    for name in sorted(names):
        rel = f"{prefix}{name}"
        budget.tick()
        try:
            info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            raise Refused(f"{rel} disappeared while the submission was being collected") from None
        _check_entry(rel, name, dir_fd, info, owner)
        budget.seen(info)
        yield rel, name, dir_fd, info
        if stat.S_ISDIR(info.st_mode):
            sub = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
            try:
                opened = os.fstat(sub)
                if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
                    raise Refused(f"{rel} was replaced while the submission was being collected")
                yield from _walk(sub, f"{rel}/", depth + 1, budget, owner)
            finally:
                os.close(sub)


def inspect_submission(folder: Path, owner: int | None = None, limits: Limits | None = None) -> Inspection:
    """Look at every entry of ``folder`` with ``lstat`` (nothing is opened or followed); raise :class:`Refused`
    for a link, named pipe, socket or device, a file of another account than ``owner`` (default: the folder's
    owner), a file or a whole folder over the size caps, too many entries, or a walk past the wall clock."""
    budget = _Budget(limits or Limits.from_env())
    fd, info = _open_top(folder)
    owner = info.st_uid if owner is None else owner
    try:
        if info.st_uid != owner:
            raise Refused("the submission folder belongs to another account")
        budget.seen(info)
        for rel, _name, _dir_fd, entry in _walk(fd, "", 1, budget, owner):
            if stat.S_ISREG(entry.st_mode):
                budget.file_size(rel, entry.st_size)
                budget.add(entry.st_size)
        budget.seen(os.fstat(fd))
    except OSError as exc:  # a folder inside it that cannot be read, a name too long...
        raise Refused(f"part of the submission could not be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return Inspection(utc(budget.newest), budget.total, budget.entries)


def _copy_file(rel: str, name: str, dir_fd: int, info: os.stat_result, dest: Path, budget: _Budget,
               owner: int) -> None:
    try:
        src = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        raise Refused(f"{rel} could not be opened as a file ({exc.strerror})") from None
    try:
        opened = os.fstat(src)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            raise Refused(f"{rel} was replaced while the submission was being collected")
        if opened.st_uid != owner:
            raise Refused(f"the submission contains a file that belongs to another account ({rel})")
        out = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        copied = 0
        try:
            while True:
                budget.tick()
                chunk = os.read(src, _CHUNK)
                if not chunk:
                    break
                copied += len(chunk)
                budget.file_size(rel, copied)
                budget.add(len(chunk))
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view):]
        finally:
            os.close(out)
        after = os.fstat(src)
        budget.seen(after)
        os.utime(dest, ns=(after.st_atime_ns, after.st_mtime_ns))
    finally:
        os.close(src)


def copy_submission(folder: Path, dest: Path, owner: int | None = None, limits: Limits | None = None,
                    skip: Callable[[str, bool], bool] | None = None, group_shared: bool = False) -> datetime:
    """Copy ``folder`` into the new folder ``dest`` (it must not exist): regular files and folders only, opened
    without following links, sizes counted while copying, within the wall clock. ``skip(name, is_folder)``
    leaves an entry out (nbgrader's ignore and include patterns). Returns the time the copied content reached the
    exchange (the newest ctime seen, also after reading). On :class:`Refused` the partial copy is left for the
    caller to delete."""
    budget = _Budget(limits or Limits.from_env())
    fd, info = _open_top(folder)
    owner = info.st_uid if owner is None else owner
    file_mode, dir_mode = (0o664, 0o2775) if group_shared else (0o644, 0o755)
    try:
        if info.st_uid != owner:
            raise Refused("the submission folder belongs to another account")
        budget.seen(info)
        os.mkdir(dest, 0o700)
        folders = [dest]
        skipped: list[str] = []
        for rel, name, dir_fd, entry in _walk(fd, "", 1, budget, owner):
            is_folder = stat.S_ISDIR(entry.st_mode)
            if any(rel.startswith(f"{s}/") for s in skipped) or (skip and skip(name, is_folder)):
                skipped.append(rel)
                continue
            target = dest / rel
            if is_folder:
                os.mkdir(target, 0o700)
                folders.append(target)
            else:
                _copy_file(rel, name, dir_fd, entry, target, budget, owner)
                os.chmod(target, file_mode)
        budget.seen(os.fstat(fd))
        for path in reversed(folders):
            os.chmod(path, dir_mode)
    except OSError as exc:
        raise Refused(f"it could not be copied ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return utc(budget.newest)
