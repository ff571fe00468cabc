"""The course's folder in nbgrader's exchange: made by the installer for the instructor, never by a trainee (F17).

The exchange root is world-writable with the sticky bit (every trainee submits into it). Whoever creates
``<exchange>/<course id>/`` first owns it; a trainee who did so before the first release stopped every release
(nbgrader: "You don't own the directory") and the sticky bit stops the instructor from removing it. So the folder is
created at setup, by root, for the instructor (:func:`prepare_exchange`, run by the hub at start; docs/deployment.md
gives the same two commands), and ``ipt-course`` refuses to use one that belongs to anyone but the instructor or
root (:func:`course_folder_problem`), saying so plainly. Every path is looked at with ``lstat`` and the new folder is
changed through a descriptor opened without following links, so a link planted there is never followed as root.
"""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path

SUBFOLDERS = ("outbound", "inbound", "feedback")  # nbgrader's, made by the instructor's first release


class ExchangeSetupError(Exception):
    """The exchange cannot be set up safely (the message says why, in plain words)."""


def _account(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"number {uid}"


def course_folder_problem(root: Path, course_id: str, owners: set[int]) -> str | None:
    """Why ``<root>/<course_id>`` (and nbgrader's folders in it) must not be used, or ``None`` when each one that
    exists is a real folder owned by one of ``owners`` or root. A missing folder is fine: the instructor's release
    makes it."""
    allowed = owners | {0}
    expected = " or ".join(sorted({_account(uid) for uid in allowed}))
    for path in (root / course_id, *(root / course_id / name for name in SUBFOLDERS)):
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            return f"the exchange folder {path} cannot be checked ({exc.strerror})"
        if not stat.S_ISDIR(info.st_mode):
            return (f"the exchange folder {path} is not a folder (a link or a file made by the account "
                    f"{_account(info.st_uid)}); nothing was released or collected. Ask the administrator to remove "
                    "it and set the exchange up as in docs/deployment.md.")
        if info.st_uid not in allowed:
            return (f"the exchange folder {path} belongs to the account {_account(info.st_uid)}, not to {expected}: "
                    "another account created it before the course's first release, and it would stop every "
                    "release or let that account change what trainees fetch. Nothing was released or collected. "
                    "Ask the administrator to remove it and create it for the instructor as in docs/deployment.md.")
    return None


def prepare_exchange(root: Path, course_id: str, uid: int, gid: int) -> None:
    """Create the exchange (root-owned, mode 1777) and its course folder for the instructor ``uid``/``gid`` (mode
    0755, so only the instructor can make nbgrader's folders in it). An existing course folder is kept when it is
    the instructor's or root's and refused (:class:`ExchangeSetupError`) otherwise; nothing existing is chowned."""
    root.mkdir(parents=True, exist_ok=True)
    info = os.lstat(root)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise ExchangeSetupError(f"the exchange {root} must be a folder that belongs to {_account(os.geteuid())} "
                                 f"(it is a {'folder' if stat.S_ISDIR(info.st_mode) else 'link or file'} of the "
                                 f"account {_account(info.st_uid)})")
    os.chmod(root, 0o1777)
    folder = root / course_id
    try:
        os.mkdir(folder, 0o755)
    except FileExistsError:
        problem = course_folder_problem(root, course_id, {uid})
        if problem:
            raise ExchangeSetupError(problem) from None
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        if os.fstat(descriptor).st_uid != os.geteuid():  # not the folder just made (cannot happen: sticky root)
            raise ExchangeSetupError(f"the exchange folder {folder} was replaced while it was being created")
        if os.geteuid() == 0:
            os.fchown(descriptor, uid, gid)
        os.fchmod(descriptor, 0o755)
    finally:
        os.close(descriptor)
