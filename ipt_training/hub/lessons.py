"""Copy the lessons into a trainee's ``~/ipt-lessons``, as the trainee (finding F16).

The hub runs as root, and a trainee can swap any folder in their home for a link while root works on it: root's
copy-and-chown then wrote into, and handed over, whatever the link pointed to (``/etc``, the instructor's course).
So root does not touch the trainee's home at all. :func:`give_lessons` starts a child process that becomes the
trainee before any of its code runs (their uid, gid and groups, which leaves it no capabilities; a clean
environment; a time limit), and the child copies the lessons. Whatever the trainee does to their home meanwhile
happens with their own rights only. The child is ``python -I .../ipt_training/hub/lessons.py SOURCE TARGET`` (this
file as a script: the standard library only, so any interpreter the trainee may run will do).
"""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

LESSONS_FOLDER = "ipt-lessons"
IGNORED = ("instructor", ".ipynb_checkpoints")  # the instructor notebooks stay behind
MESSAGE_BYTES = 2000  # of the child's error output kept for the hub's log


@dataclass(frozen=True)
class Trainee:
    """The unix account a copy runs as."""

    name: str
    uid: int
    gid: int
    home: Path

    @classmethod
    def of(cls, name: str) -> Trainee:
        account = pwd.getpwnam(name)
        return cls(name, account.pw_uid, account.pw_gid, Path(account.pw_dir))

    def groups(self) -> list[int]:
        try:
            return os.getgrouplist(self.name, self.gid)
        except OSError:  # an account without an entry in the group database: its own group only
            return [self.gid]


async def run_as_trainee(trainee: Trainee, argv: list[str], timeout: float = 120.0) -> str | None:
    """Run ``argv`` as ``trainee`` (uid, gid and groups set before it starts; no capabilities, clean environment,
    working folder ``/``); ``None`` when it succeeds, else why not, in words (at most ``MESSAGE_BYTES`` of its error
    output). A child that outlives ``timeout`` is killed."""
    env = {"HOME": str(trainee.home), "USER": trainee.name, "LOGNAME": trainee.name, "LANG": "C.UTF-8",
           "PATH": "/usr/bin:/bin"}
    process = await asyncio.create_subprocess_exec(
        *argv, user=trainee.uid, group=trainee.gid, extra_groups=trainee.groups(), env=env, cwd="/", umask=0o022,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    kept = bytearray()

    async def finish() -> int:
        while chunk := await process.stderr.read(65536):  # read to the end, keep only the start
            kept.extend(chunk[: max(0, MESSAGE_BYTES - len(kept))])
        return await process.wait()

    try:
        code = await asyncio.wait_for(finish(), timeout)
    except asyncio.TimeoutError:
        process.kill()
        await process.wait()
        return f"it did not finish within {timeout:.0f} s and was stopped"
    if code == 0:
        return None
    text = kept.decode("utf-8", "replace").strip().splitlines()
    return text[-1] if text else f"it stopped with exit code {code}"


async def give_lessons(trainee: Trainee, source: Path, timeout: float = 120.0,
                       python: str = sys.executable) -> str | None:
    """Copy ``source`` into the trainee's ``~/ipt-lessons`` unless something of that name is there; runs as the
    trainee, with ``python`` (the hub's own interpreter, which every account runs its server with). ``None`` when
    done (or nothing to do), else why the lessons were not copied."""
    if not source.is_dir():
        return f"no lessons folder at {source}"
    argv = [python, "-I", str(Path(__file__).resolve()), str(source), str(trainee.home / LESSONS_FOLDER)]
    return await run_as_trainee(trainee, argv, timeout)


def copy_lessons(source: Path, target: Path) -> bool:
    """The copy itself (in the trainee's process): ``False`` when ``target`` exists already (a folder, a file or a
    link: never followed, never replaced). The copy is built beside it and renamed into place when complete."""
    if os.path.lexists(target):
        return False
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial, ignore=shutil.ignore_patterns(*IGNORED))
    if os.path.lexists(target):
        shutil.rmtree(partial)
        return False
    os.rename(partial, target)
    return True


def main(argv: list[str]) -> int:
    """``python -I lessons.py SOURCE TARGET``, run as the trainee by :func:`give_lessons`."""
    source, target = (Path(arg) for arg in argv)
    try:
        copy_lessons(source, target)
    except shutil.Error as exc:  # copytree's list of (source, destination, why) for the files it could not copy
        failures = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
        why = str(failures[0][2]) if failures and len(failures[0]) == 3 else "some files failed"
        print(f"the lessons could not be copied into {target}: {len(failures)} file(s) failed ({why})",
              file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"the lessons could not be copied into {target}: {exc.strerror or exc}"
              + (f" ({exc.filename})" if exc.filename else ""), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
