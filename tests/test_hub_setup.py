"""What the course hub does as root, attacked by a trainee with a terminal (findings F16 and F17).

F16: the hub copied the lessons into a trainee's home as root, and a trainee who swapped ``~/ipt-lessons`` for a link
while root worked got any folder chowned to them. Now the copy runs as the trainee: a link already in place, a link
swapped in halfway through the copy (a hook in the copy does it at the worst moment) and a trainee racing real server
starts must all leave a root-only folder as it was. F17: a trainee who makes ``<exchange>/ipt-course/`` before the
first release stopped every release; the hub (and the documented setup) makes it for the instructor first, and
``ipt-course`` refuses, in plain words, one that another account made. The trainee is the system account ``nobody``.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipt_training.hub import lessons as lessons_module
from ipt_training.hub.exchange_folder import ExchangeSetupError, course_folder_problem, prepare_exchange
from ipt_training.hub.lessons import Trainee, give_lessons, run_as_trainee

ASSIGNMENT = "ipt_foundations"
COURSE_ID = "ipt-course"


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "needs root: the hub's copy runs as root and becomes the account nobody"
    if shutil.which("runuser") is None:
        return "needs runuser"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")
LESSONS_SCRIPT = str(Path(lessons_module.__file__).resolve())


@pytest.fixture(scope="module")
def python() -> str:
    """An interpreter ``nobody`` may run: the suite's own, or the system's when the suite's is under /root."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if subprocess.run(["runuser", "-u", "nobody", "--", candidate, "-I", "-c", "pass"],
                          capture_output=True).returncode == 0:
            return candidate
    pytest.skip("no Python interpreter the account nobody may run")


def _as_nobody(script: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["runuser", "-u", "nobody", "--", "sh", "-c", script, *args], capture_output=True,
                            text=True, timeout=60)
    assert not check or result.returncode == 0, result.stderr
    return result


def _snapshot(folder: Path) -> list[tuple[str, int, int, int, bytes]]:
    """Every entry under ``folder`` (and itself): name, owner, group, mode, contents (files)."""
    entries = []
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        entries.append((str(path.relative_to(folder)), info.st_uid, info.st_gid, info.st_mode, data))
    return entries


@pytest.fixture()
def place() -> Iterator[Path]:
    """A folder every account can enter (pytest's own tmp folders are root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="ipt-hub-setup-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def trainee(place: Path) -> Trainee:
    """``nobody`` with a private home of its own (as docs/deployment.md makes homes)."""
    account = pwd.getpwnam("nobody")
    home = place / "home_nobody"
    home.mkdir(mode=0o700)
    os.chown(home, account.pw_uid, account.pw_gid)
    return Trainee("nobody", account.pw_uid, account.pw_gid, home)


@pytest.fixture()
def lessons(place: Path) -> Path:
    source = place / "course"
    (source / "part2").mkdir(parents=True)
    (source / "instructor").mkdir()
    (source / "01_intro.ipynb").write_text('{"cells": []}\n')
    (source / "part2" / "02_areas.ipynb").write_text('{"cells": ["areas"]}\n')
    (source / "instructor" / "answers.ipynb").write_text("instructor only\n")
    for path in [source, *source.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return source


def _victim(place: Path, name: str = "victim_dir") -> Path:
    """A root-only folder holding a root-only file, like /etc and /etc/shadow."""
    victim = place / name
    victim.mkdir(mode=0o700)
    (victim / "shadow").write_text("root:secret-hash\n")
    os.chmod(victim / "shadow", 0o600)
    return victim


def test_the_lessons_are_copied_into_the_home_and_belong_to_the_trainee(trainee: Trainee, lessons: Path,
                                                                         python: str) -> None:
    assert asyncio.run(give_lessons(trainee, lessons, python=python)) is None
    copied = trainee.home / "ipt-lessons"
    assert (copied / "part2" / "02_areas.ipynb").read_text() == '{"cells": ["areas"]}\n'
    assert not (copied / "instructor").exists(), "the instructor notebooks stay behind"
    assert {path.lstat().st_uid for path in [copied, *copied.rglob("*")]} == {trainee.uid}
    assert sorted(p.name for p in trainee.home.iterdir()) == ["ipt-lessons"], "no partial copy left behind"
    # The next server start leaves the trainee's own work alone.
    (copied / "01_intro.ipynb").write_text("my notes")
    assert asyncio.run(give_lessons(trainee, lessons, python=python)) is None
    assert (copied / "01_intro.ipynb").read_text() == "my notes"


def test_the_copy_runs_with_the_trainees_identity_and_no_privileges(trainee: Trainee, place: Path, python: str) -> None:
    report = trainee.home / "status.txt"
    code = "import shutil, sys; shutil.copyfile('/proc/self/status', sys.argv[1])"
    assert asyncio.run(run_as_trainee(trainee, [python, "-I", "-c", code, str(report)])) is None
    status = dict(line.split(":", 1) for line in report.read_text().splitlines() if ":" in line)
    assert set(status["Uid"].split()) == {str(trainee.uid)}
    assert set(status["Gid"].split()) == {str(trainee.gid)}
    assert {int(g) for g in status["Groups"].split()} <= set(os.getgrouplist("nobody", trainee.gid))
    for capabilities in ("CapInh", "CapPrm", "CapEff", "CapAmb"):
        assert int(status[capabilities], 16) == 0, f"{capabilities}: {status[capabilities]}"
    failed = asyncio.run(run_as_trainee(trainee, [python, "-I", "-c", f"open({str(place / 'x')!r}, 'w')"]))
    assert failed and "Permission denied" in failed, failed


def test_a_link_already_in_place_is_never_followed(trainee: Trainee, lessons: Path, place: Path, python: str) -> None:
    victim = _victim(place)
    before = _snapshot(victim)
    _as_nobody('ln -s "$0" "$1"', str(victim), str(trainee.home / "ipt-lessons"))
    assert asyncio.run(give_lessons(trainee, lessons, python=python)) is None
    assert _snapshot(victim) == before
    assert (trainee.home / "ipt-lessons").is_symlink()


# The real copy (ipt_training.hub.lessons.main), with a hook in copytree: before the first file is copied, the
# folder being filled is swapped for a link to the victim; the copy goes on, then the "trainee" tries to chown it.
HOOKED_COPY = """
import os, shutil, sys
source, target, victim, script = sys.argv[1:5]
sys.path.insert(0, os.path.dirname(script))
import lessons
real_copytree, swapped = shutil.copytree, []
def copy_then_swap(src, dst, *args, **kw):
    if args:  # copytree's own call for a subfolder: already hooked
        return real_copytree(src, dst, *args, **kw)
    def hooked(a, b):
        if not swapped:
            swapped.append(str(dst))
            os.rename(dst, str(dst) + '.moved')
            os.symlink(victim, dst)
        return shutil.copy2(a, b)
    return real_copytree(src, dst, copy_function=hooked, **kw)
shutil.copytree = copy_then_swap
code = lessons.main([source, target])
for attempt in (lambda: os.chown(target, 65534, 65534), lambda: os.chmod(target, 0o777)):
    try:
        attempt()
    except OSError:
        pass
print('swapped', swapped, 'exit', code, file=sys.stderr)
sys.exit(3 if swapped else 4)
"""


def test_a_link_swapped_in_mid_copy_reaches_nothing(trainee: Trainee, lessons: Path, place: Path, python: str) -> None:
    victim = _victim(place)
    before = _snapshot(victim)
    argv = [python, "-I", "-c", HOOKED_COPY, str(lessons), str(trainee.home / "ipt-lessons"), str(victim),
            LESSONS_SCRIPT]
    outcome = asyncio.run(run_as_trainee(trainee, argv))
    assert outcome and "swapped" in outcome and "exit 1" in outcome, outcome  # the hook ran; the copy failed
    assert _snapshot(victim) == before
    # The same hooked copy run as root (the old hub) does reach its victim: the hook is a real attack.
    decoy = _victim(place, "decoy_dir")
    root_home = place / "root_home"
    root_home.mkdir()
    subprocess.run([python, "-I", "-c", HOOKED_COPY, str(lessons), str(root_home / "ipt-lessons"), str(decoy),
                    LESSONS_SCRIPT], capture_output=True, timeout=60)
    assert pwd.getpwuid(decoy.stat().st_uid).pw_name == "nobody" and (decoy / "01_intro.ipynb").exists()


RACER = """
import ctypes, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
home, victim = sys.argv[1:3]
target = os.path.join(home, 'ipt-lessons').encode()
link = os.path.join(home, 'link')
end = time.time() + 20
n = 0
while time.time() < end:
    if not os.path.islink(link):
        if os.path.lexists(link):
            os.rename(link, os.path.join(home, 'old-%d' % n)); n += 1
        os.symlink(victim, link)
    for name in os.listdir(home):
        if name.startswith('.ipt-lessons'):
            part = os.path.join(home, name).encode()
            libc.syscall(316, -100, part, -100, link.encode(), 2)   # renameat2(RENAME_EXCHANGE)
    libc.syscall(316, -100, target, -100, link.encode(), 2)
"""


def test_a_trainee_racing_real_server_starts_gains_nothing(trainee: Trainee, lessons: Path, place: Path,
                                                          python: str) -> None:
    """/work/attack/15_hub_lessons_chown.py against the new copy: 12 server starts while the trainee swaps."""
    victim = _victim(place)
    before = _snapshot(victim)
    racer = subprocess.Popen(["runuser", "-u", "nobody", "--", python, "-I", "-c", RACER,
                              str(trainee.home), str(victim)])
    try:
        time.sleep(0.3)
        for start in range(12):
            asyncio.run(give_lessons(trainee, lessons, timeout=30, python=python))
            _as_nobody('mv -T "$0" "$1" 2>/dev/null; true', str(trainee.home / "ipt-lessons"),
                       str(trainee.home / f"gone-{start}"))
    finally:
        racer.kill()
        racer.wait()
    assert _snapshot(victim) == before


# --- F17: the course's folder in the exchange ---


def _exchange(place: Path) -> Path:
    root = place / "exchange"
    root.mkdir()
    os.chmod(root, 0o1777)
    return root


def _course(repo: Path, place: Path, exchange: Path):
    from ipt_training.grading.workflow.course import Course

    course = place / "course-folder"
    course.mkdir()
    shutil.copy2(repo / "nbgrader_config.py", course)
    shutil.copytree(repo / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copytree(repo / "release" / ASSIGNMENT, course / "release" / ASSIGNMENT)
    (course / "nbgrader_config_local.py").write_text(
        f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n")
    return Course(course)


def test_a_course_folder_made_by_a_trainee_is_reported_and_never_used(repo: Path, place: Path) -> None:
    """/work/attack/16_exchange_squat.py: the trainee makes the course's folder before the first release."""
    from ipt_training.grading.workflow.exchange import ExchangeError, release_to_exchange

    exchange = _exchange(place)
    _as_nobody('umask 022; mkdir -p "$0/ipt-course/outbound" "$0/ipt-course/inbound"', str(exchange))
    course = _course(repo, place, exchange)
    with pytest.raises(ExchangeError) as refused:
        release_to_exchange(course, ASSIGNMENT)
    message = str(refused.value)
    assert f"the exchange folder {exchange / COURSE_ID} belongs to the account nobody, not to root" in message
    assert "docs/deployment.md" in message and "Errno" not in message and "Traceback" not in message
    assert not (exchange / COURSE_ID / "outbound" / ASSIGNMENT).exists()
    cli = subprocess.run([str(Path(sys.executable).parent / "ipt-course"), "collect", ASSIGNMENT], cwd=course.root,
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 2 and "belongs to the account nobody" in cli.stderr, cli.stderr
    assert "Traceback" not in cli.stderr + cli.stdout
    # The hub's setup refuses it too (with the same words) and chowns nothing.
    with pytest.raises(ExchangeSetupError, match="belongs to the account nobody"):
        prepare_exchange(exchange, COURSE_ID, 0, 0)
    assert pwd.getpwuid((exchange / COURSE_ID).stat().st_uid).pw_name == "nobody"


def test_a_link_planted_as_the_course_folder_is_not_followed(place: Path) -> None:
    exchange = _exchange(place)
    victim = _victim(place)
    before = _snapshot(victim)
    _as_nobody('ln -s "$0" "$1/ipt-course"', str(victim), str(exchange))
    daemon = pwd.getpwnam("daemon")
    with pytest.raises(ExchangeSetupError, match="is not a folder"):
        prepare_exchange(exchange, COURSE_ID, daemon.pw_uid, daemon.pw_gid)
    assert _snapshot(victim) == before
    assert "is not a folder" in (course_folder_problem(exchange, COURSE_ID, {daemon.pw_uid}) or "")


def test_the_documented_setup_keeps_trainees_out_and_releases(repo: Path, place: Path) -> None:
    from ipt_training.grading.workflow.exchange import release_to_exchange

    exchange = place / "srv" / "exchange"  # does not exist yet: the hub makes it
    prepare_exchange(exchange, COURSE_ID, 0, 0)  # the instructor here is root, who runs the test
    assert exchange.stat().st_mode & 0o7777 == 0o1777
    folder = exchange / COURSE_ID
    assert (folder.stat().st_uid, folder.stat().st_mode & 0o7777) == (0, 0o755)
    for attempt in ('mkdir "$0/ipt-course/outbound"', 'mv "$0/ipt-course" "$0/mine"', 'rmdir "$0/ipt-course"'):
        assert _as_nobody(attempt, str(exchange), check=False).returncode != 0, attempt
    prepare_exchange(exchange, COURSE_ID, 0, 0)  # a restart of the hub keeps it
    released = release_to_exchange(_course(repo, place, exchange), ASSIGNMENT)
    assert (Path(released) / f"{ASSIGNMENT}.ipynb").is_file()
    assert course_folder_problem(exchange, COURSE_ID, {0}) is None
    # For an instructor account: the folder is theirs, mode 0755.
    daemon = pwd.getpwnam("daemon")
    other = place / "exchange-daemon"
    prepare_exchange(other, COURSE_ID, daemon.pw_uid, daemon.pw_gid)
    info = (other / COURSE_ID).lstat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o7777) == (daemon.pw_uid, daemon.pw_gid, 0o755)
