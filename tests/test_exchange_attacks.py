"""Hostile submissions in nbgrader's exchange, collected by the real `ipt-course collect` next to honest ones.

The exchange is a shared folder as in docs/deployment.md; trainees are existing system accounts (``daemon``,
``bin``... and ``nobody``), each writing their own inbound folder with ``runuser`` as a trainee with a terminal
could (the attacks of /work/attack/02_exchange.py: a link to the instructor's key, a link to ``/dev/zero``, a named
pipe, a forged time stamp). One collection holds all of them; a second one checks resubmissions. The honest
trainees must be collected byte for byte, every hostile submission refused in plain words, no key text may reach
the course's ``submitted/``, and the command must finish.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ipt_training.grading.workflow.inbound import Limits, Refused, copy_submission, inspect_submission

ASSIGNMENT = "ipt_foundations"
COURSE_ID = "ipt-course"
BIN = Path(sys.executable).parent
CAPS = {"IPT_COLLECT_FILE_MB": "1", "IPT_COLLECT_TOTAL_MB": "2"}  # small caps, so the big files stay small


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "needs root: trainees are existing system accounts written to with runuser"
    if shutil.which("runuser") is None:
        return "needs runuser"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _stamp(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S.%f} UTC"


@dataclass
class Exchange:
    course: Path
    inbound: Path
    key: Path
    written: dict[str, dict[str, bytes]] = field(default_factory=dict)  # trainee -> file -> bytes they wrote
    runs: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    due: datetime | None = None

    def submit(self, account: str, claimed: str, files: dict[str, bytes], extra: str = "") -> Path:
        """Write ``inbound/<account>+<assignment>+<claimed>/`` as ``account`` (then run ``extra`` in it)."""
        folder = self.inbound / f"{account}+{ASSIGNMENT}+{claimed}"
        secret = f"secret-{account}-{secrets.token_hex(16)}"  # nbgrader's submit makes a new one each time
        stage = Path(tempfile.mkdtemp(prefix="ipt-stage-"))
        try:
            os.chmod(stage, 0o755)
            for name, data in files.items():
                (stage / name).write_bytes(data)
                os.chmod(stage / name, 0o644)
            copies = "".join(f'cp "$1/{name}" "$d/{name}"; ' for name in files)
            script = (f'set -e; umask 022; d="$0"; mkdir "$d"; {copies}'
                      f'echo "{claimed}" > "$d/timestamp.txt"; {extra or "true"}; '
                      f'echo {secret} > "$d/submission_secret.txt"')
            result = subprocess.run(["runuser", "-u", account, "--", "sh", "-c", script, str(folder), str(stage)],
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, f"{account} could not submit: {result.stderr}"
        finally:
            shutil.rmtree(stage)
        self.written[account] = {**files, "submission_secret.txt": f"{secret}\n".encode()}
        return folder

    def collect(self, label: str) -> subprocess.CompletedProcess:
        env = {**os.environ, **CAPS, "COLUMNS": "250", "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
        started = time.monotonic()
        result = subprocess.run([str(BIN / "ipt-course"), "collect", ASSIGNMENT], cwd=self.course, env=env,
                                capture_output=True, text=True, timeout=180)
        self.seconds[label] = time.monotonic() - started
        self.runs[label] = result
        return result

    def submitted(self, account: str) -> Path:
        return self.course / "submitted" / account / ASSIGNMENT


def _notebook(repo: Path, marker: str, extra_cell: str = "") -> bytes:
    import nbformat

    nb = nbformat.read(repo / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"My work ({marker})"))
    if extra_cell:
        nb.cells.insert(1, nbformat.v4.new_code_cell(extra_cell))
    return nbformat.writes(nb).encode()


LEAK_CELL = "import base64\nprint('LEAK', base64.b64encode(open('notes.txt', 'rb').read()).decode())"


def _roster(result: subprocess.CompletedProcess) -> dict[str, str]:
    """Each trainee's row of the printed table, its wrapped continuation lines joined on."""
    rows: dict[str, str] = {}
    name = ""
    for line in result.stdout.splitlines():
        if line.count("│") >= 4:
            cells = [c.strip() for c in line.split("│")[1:-1]]
            name = cells[0] or name
            rows[name] = " ".join(filter(None, [rows.get(name, ""), *cells[1:]]))
    return rows


def _key_lines(key: Path) -> list[str]:
    return [line.strip() for line in key.read_text().splitlines() if len(line.strip()) > 30]


@pytest.fixture(scope="module")
def exchange(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    from ipt_training.grading.workflow.course import Course
    from ipt_training.grading.workflow.exchange import release_to_exchange, set_due_date

    course = tmp_path_factory.mktemp("exchange-course")
    shutil.copy2(repo / "nbgrader_config.py", course)
    shutil.copytree(repo / "source" / "keys", course / "source" / "keys")
    shutil.copytree(repo / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    root = Path(tempfile.mkdtemp(prefix="ipt-exchange-"))
    os.chmod(root, 0o1777)
    (course / "nbgrader_config_local.py").write_text(
        f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(root)!r}\n")
    target = Course(course)
    assert not target.release([ASSIGNMENT])  # nbgrader generate_assignment: the gradebook knows its grade cells
    accounts = ("daemon", "bin", "uucp", "list", "news", "irc", "proxy", "backup", "nobody", "sys", "games", "man",
                "lp", "mail", "www-data")
    with target.gradebook() as gb:
        for account in accounts:
            gb.update_or_create_student(account)
    release_to_exchange(target, ASSIGNMENT, _now() + timedelta(days=7))
    state = Exchange(course, root / COURSE_ID / "inbound", course / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml")
    nb = {a: _notebook(repo, f"marker-{a}") for a in accounts}
    try:
        # Before the due date: honest trainees, and every attack of findings F2-F4.
        state.submit("daemon", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["daemon"]})
        state.submit("bin", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["bin"], "notes.txt": b"my own notes\n"})
        state.submit("uucp", "2099-01-01 00:00:00.000000 UTC", {f"{ASSIGNMENT}.ipynb": nb["uucp"]})
        state.submit("list", "not-a-time", {f"{ASSIGNMENT}.ipynb": nb["list"]})
        state.submit("proxy", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["proxy"]},
                     'echo not-a-time > "$d/timestamp.txt"')
        # irc's notebook deletes nbgrader's submission_secret.txt from the folder it runs in (finding F10).
        state.submit("irc", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": _notebook(
            repo, "marker-irc", "import os\nos.remove('submission_secret.txt')")})
        leak = _notebook(repo, "marker-nobody", LEAK_CELL)
        state.submit("nobody", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": leak}, f'ln -s "{state.key}" "$d/notes.txt"')
        state.submit("sys", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["sys"]}, 'ln -s /dev/zero "$d/notes.txt"')
        state.submit("games", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["games"]}, 'mkfifo "$d/notes.txt"')
        folder = state.submit("man", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["man"]})
        os.link(state.key, folder / "notes.txt")  # a hard link where protected_hardlinks is off (made as root)
        state.submit("lp", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["lp"], "data.bin": os.urandom(1536 * 1024)})
        state.submit("mail", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["mail"],
                                              **{f"part{i}.bin": os.urandom(900 * 1024) for i in range(3)}})
        # backup floods the exchange with 51 submissions before their real one: only the newest 50 are looked at.
        subprocess.run(["runuser", "-u", "backup", "--", "sh", "-c",
                        'for i in $(seq 1 51); do d="$0/backup+$1+2026-11-01 00:00:$i.000000 UTC"; mkdir "$d"; '
                        'echo "{}" > "$d/$1.ipynb"; echo "flood$i" > "$d/submission_secret.txt"; done',
                        str(state.inbound), ASSIGNMENT], check=True, timeout=60)
        time.sleep(0.05)
        state.submit("backup", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": nb["backup"]})
        # www-data puts a submission under daemon's name (newer than daemon's own).
        forged = state.inbound / f"daemon+{ASSIGNMENT}+{_stamp(_now())}"
        subprocess.run(["runuser", "-u", "www-data", "--", "sh", "-c",
                        f'mkdir "$0" && echo forged > "$0/{ASSIGNMENT}.ipynb" && echo x > "$0/submission_secret.txt"',
                        str(forged)], check=True)
        # The due date passes; news hands in late, claiming (folder name and timestamp.txt) a time before it (F5).
        cutoff = _now() + timedelta(seconds=1)
        set_due_date(target, ASSIGNMENT, cutoff)
        state.due = cutoff
        time.sleep(max(0.0, (cutoff - _now()).total_seconds()) + 0.3)
        state.submit("news", "2026-10-31 23:59:00.000000 UTC", {f"{ASSIGNMENT}.ipynb": nb["news"]})
        state.collect("first")
        # Second round: daemon's newer submission is hostile (their collected one must survive); uucp resubmits
        # honestly after their far-future stamp (the honest one must win).
        state.written["daemon-first"] = state.written["daemon"]
        state.submit("daemon", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": leak}, f'ln -s "{state.key}" "$d/notes.txt"')
        state.written["daemon"] = state.written.pop("daemon-first")
        state.submit("uucp", _stamp(_now()), {f"{ASSIGNMENT}.ipynb": _notebook(repo, "marker-uucp-again")})
        # bin edits their collected submission in place, after the due date: not a new submission.
        edited = next(state.inbound.glob(f"bin+{ASSIGNMENT}+*"))
        subprocess.run(["runuser", "-u", "bin", "--", "sh", "-c", f'echo late-edit >> "$0/{ASSIGNMENT}.ipynb"',
                        str(edited)], check=True)
        state.collect("second")
        # Plain nbgrader on the same course (the course's nbgrader_config.py names our collect).
        started = time.monotonic()
        state.runs["nbgrader"] = subprocess.run(
            [str(BIN / "python"), "-m", "nbgrader", "collect", ASSIGNMENT, "--update"], cwd=course,
            env={**os.environ, **CAPS}, capture_output=True, text=True, timeout=180)
        state.seconds["nbgrader"] = time.monotonic() - started
        yield state
    finally:
        shutil.rmtree(root, ignore_errors=True)


REFUSALS = {
    "nobody": "the submission contains a link to a file outside it (notes.txt)",
    "sys": "the submission contains a link to a file outside it (notes.txt)",
    "games": "the submission contains a named pipe (FIFO), not a file: notes.txt",
    "man": "the submission contains a hard link to a file that belongs to another account (notes.txt)",
    "lp": "data.bin is 1.5 MB, more than the 1 MB a submitted file may be",
    "mail": "the submission is more than 2 MB in total",
}


def test_collect_finishes_and_refuses_each_hostile_submission_in_plain_words(exchange: Exchange) -> None:
    first = exchange.runs["first"]
    assert first.returncode == 0, first.stderr[-3000:]
    assert exchange.seconds["first"] < 60, exchange.seconds
    for account, reason in REFUSALS.items():
        line = next((x for x in first.stderr.splitlines() if x.startswith(f"refused: {account}'s submission")), "")
        assert reason in line and line.endswith("nothing of it was collected"), (account, first.stderr)
        assert not exchange.submitted(account).exists(), f"{account}'s hostile submission was collected"
        assert "refused" in _roster(first)[account]
    assert "names daemon but was written by www-data" in first.stderr
    assert "Traceback" not in first.stderr + first.stdout


def test_honest_trainees_are_collected_unchanged(exchange: Exchange) -> None:
    rows, again = _roster(exchange.runs["first"]), _roster(exchange.runs["second"])
    for account in ("daemon", "bin", "list"):
        folder = exchange.submitted(account)
        for name, data in exchange.written[account].items():
            assert (folder / name).read_bytes() == data, f"{account}/{name} changed in collection"
        assert {p.name for p in folder.iterdir()} == {*exchange.written[account], "timestamp.txt"}
        assert "on time" in rows[account] and "on time" in again[account], (rows[account], again[account])
    assert "backup: 52 submissions are in the exchange; only the newest 50 were looked at" in \
        exchange.runs["first"].stderr
    assert (exchange.submitted("backup") / f"{ASSIGNMENT}.ipynb").read_bytes() == \
        exchange.written["backup"][f"{ASSIGNMENT}.ipynb"]
    # bin's in-place edit after the due date did not replace the collected submission (nor its time).
    assert "late-edit" not in (exchange.submitted("bin") / f"{ASSIGNMENT}.ipynb").read_text()
    assert "could not be read" in next(x for x in exchange.runs["first"].stderr.splitlines() if "list:" in x)


def test_no_key_text_and_no_special_file_reaches_the_course(exchange: Exchange) -> None:
    lines = _key_lines(exchange.key)
    assert lines
    total = 0
    for path in (exchange.course / "submitted").rglob("*"):
        info = os.lstat(path)
        assert stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode), f"{path} is not a plain file"
        assert not path.name.startswith(".collecting"), f"staging folder left behind: {path}"
        if stat.S_ISREG(info.st_mode):
            assert info.st_nlink == 1 and not info.st_mode & (stat.S_ISUID | stat.S_ISGID)
            total += info.st_size
            text = path.read_bytes().decode("utf-8", "replace")
            assert not any(line in text for line in lines), f"key text in {path}"
    assert total < 2 * 1024 * 1024, f"{total} bytes collected"


def test_lateness_comes_from_the_exchange_not_from_the_trainee(exchange: Exchange) -> None:
    from nbgrader.utils import parse_utc

    first = exchange.runs["first"]
    assert "late" in _roster(first)["news"] and "2026-10-31" not in _roster(first)["news"]
    warning = next(x for x in first.stderr.splitlines() if x.startswith("warning: news:"))
    assert "says it was made at 2026-10-31 23:59 UTC but it reached the exchange at" in warning
    stamp = parse_utc((exchange.submitted("news") / "timestamp.txt").read_text())
    inbound = next(exchange.inbound.glob(f"news+{ASSIGNMENT}+*"))
    ctime = datetime.fromtimestamp(inbound.lstat().st_ctime, timezone.utc).replace(tzinfo=None)
    assert exchange.due < stamp and abs((stamp - ctime).total_seconds()) < 1
    assert (exchange.submitted("news") / f"{ASSIGNMENT}.ipynb").read_bytes() == exchange.written["news"][
        f"{ASSIGNMENT}.ipynb"]


def test_a_future_stamp_is_never_newest_and_a_refused_resubmission_keeps_the_earlier_one(exchange: Exchange) -> None:
    first, second = exchange.runs["first"], exchange.runs["second"]
    assert "2099" not in _roster(first)["uucp"] and "later than it reached the exchange" in first.stderr
    assert second.returncode == 0, second.stderr[-3000:]
    assert exchange.seconds["second"] < 60
    notebook = (exchange.submitted("uucp") / f"{ASSIGNMENT}.ipynb").read_text()
    assert "marker-uucp-again" in notebook, "the honest resubmission lost to the far-future stamp"
    # daemon's newer submission holds a link to the key: refused, their earlier submission kept as it was.
    assert "refused: daemon's submission" in second.stderr
    for name, data in exchange.written["daemon"].items():
        assert (exchange.submitted("daemon") / name).read_bytes() == data
    row = _roster(second)["daemon"]
    assert "on time" in row and "a newer submission was refused (the submission contains a link" in row
    assert "the earlier one is kept" in row


def test_plain_nbgrader_collect_is_protected_too(exchange: Exchange) -> None:
    result = exchange.runs["nbgrader"]
    assert result.returncode == 0 and exchange.seconds["nbgrader"] < 60, result.stderr[-3000:]
    assert "Refused: nobody's submission" in result.stderr and "link to a file outside it" in result.stderr
    assert not exchange.submitted("nobody").exists() and not exchange.submitted("sys").exists()
    assert "marker-uucp-again" in (exchange.submitted("uucp") / f"{ASSIGNMENT}.ipynb").read_text()


GRADED = ("news", "daemon", "irc", "proxy")


@pytest.fixture(scope="module")
def graded(exchange: Exchange) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    students = [arg for name in GRADED for arg in ("--student", name)]
    return subprocess.run([str(BIN / "ipt-course"), "autograde", ASSIGNMENT, *students], cwd=exchange.course,
                          env=env, capture_output=True, text=True, timeout=900)


def test_nbgrader_grades_and_exports_with_the_exchange_time(exchange: Exchange, graded) -> None:
    """The gradebook's submission time (late penalties, formgrader, export) is the collected one."""
    from nbgrader.api import Gradebook
    from nbgrader.utils import parse_utc

    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    assert "Autograde summary" in graded.stdout, graded.stdout[-3000:] + graded.stderr[-3000:]
    with Gradebook(f"sqlite:///{exchange.course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        for name in GRADED:  # proxy's own timestamp.txt said "not-a-time": the collected one is used
            submission = gb.find_submission(ASSIGNMENT, name)
            assert submission.timestamp == parse_utc((exchange.submitted(name) / "timestamp.txt").read_text())
            assert submission.score is not None
        news = gb.find_submission(ASSIGNMENT, "news")
        daemon = gb.find_submission(ASSIGNMENT, "daemon")
        assert news.total_seconds_late > 0 and daemon.total_seconds_late == 0
        news_time = news.timestamp
    exported = subprocess.run([str(BIN / "python"), "-m", "nbgrader", "export", "--to", "grades.csv"],
                              cwd=exchange.course, env=env, capture_output=True, text=True, timeout=300)
    assert exported.returncode == 0, exported.stderr[-2000:]
    row = next(x for x in (exchange.course / "grades.csv").read_text().splitlines() if ",news," in f",{x},")
    assert str(news_time) in row and "2026-10-31" not in row


def _tree(tmp_path: Path) -> Path:
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / f"{ASSIGNMENT}.ipynb").write_text("{}")
    return folder


def test_inspection_refuses_sockets_and_devices(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "talk"))
        with pytest.raises(Refused, match=r"contains a socket, not a file: talk"):
            inspect_submission(folder)
    finally:
        server.close()
        (folder / "talk").unlink()
    os.mknod(folder / "zero", 0o644 | stat.S_IFCHR, os.makedev(1, 5))
    with pytest.raises(Refused, match=r"contains a device file, not a file: zero"):
        inspect_submission(folder)


def test_the_copy_itself_follows_no_link_and_stops_at_the_caps_and_the_clock(tmp_path: Path) -> None:
    """Even without the inspection first (a file swapped in between), the copy refuses on its own."""
    folder = _tree(tmp_path)
    (folder / "zero").symlink_to("/dev/zero")
    with pytest.raises(Refused, match="link to a file outside it"):
        copy_submission(folder, tmp_path / "out1")
    (folder / "zero").unlink()
    (folder / "big.bin").write_bytes(b"x" * 3000)
    with pytest.raises(Refused, match=r"big\.bin is 3 KB, more than the 2 KB"):
        copy_submission(folder, tmp_path / "out2", limits=Limits(file_bytes=2048))
    with pytest.raises(Refused, match=r"took longer than the 1e-09 s"):
        copy_submission(folder, tmp_path / "out3", limits=Limits(seconds=1e-9))
    arrived = copy_submission(folder, tmp_path / "out4")
    assert (tmp_path / "out4" / "big.bin").read_bytes() == b"x" * 3000
    assert abs((arrived - datetime.fromtimestamp(os.lstat(folder).st_ctime, timezone.utc).replace(tzinfo=None))
               .total_seconds()) < 1


def test_plain_nbgrader_release_feedback_names_pages_by_the_collected_secret(exchange: Exchange, graded) -> None:
    """Finding F10 under nbgrader's own command: the course's release_feedback plugin puts the collected secret back
    (irc's notebook deleted it), and a trainee with no collected secret is named while the others are released."""
    from nbgrader.utils import notebook_hash

    assert graded.returncode in (0, 1), graded.stdout + graded.stderr
    course, outbound = exchange.course, exchange.inbound.parent / "feedback"
    kept = course / "feedback" / "irc" / ASSIGNMENT / "submission_secret.txt"
    assert not kept.exists(), "the notebook's deletion did not reach the feedback folder: the test proves nothing"
    secrets = {name: exchange.written[name]["submission_secret.txt"].decode() for name in GRADED}
    pages = {name: outbound / f"{notebook_hash(secret=secret, notebook_id=ASSIGNMENT)}.html"
             for name, secret in secrets.items()}
    collected = course / "submitted" / "proxy" / ASSIGNMENT / "submission_secret.txt"
    hidden = collected.with_name("secret.away")
    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    command = [str(BIN / "python"), "-m", "nbgrader", "release_feedback", ASSIGNMENT]
    collected.rename(hidden)  # proxy's submission as if it had not come through the exchange
    try:
        partial = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=120)
    finally:
        hidden.rename(collected)
    assert partial.returncode != 0
    assert "feedback not released for proxy (the others were released): proxy: the submission did not come " \
           "through the exchange" in partial.stderr, partial.stderr[-3000:]
    assert not pages["proxy"].exists() and all(pages[n].is_file() for n in GRADED if n != "proxy")
    whole = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0, whole.stderr[-3000:]
    for name, page in pages.items():
        assert page.is_file() and f"marker-{name}" in page.read_text(), f"{name} cannot fetch their feedback"
    for page in pages.values():  # as before this test, for the ipt-course release below
        page.unlink()
    kept.unlink()


def test_feedback_is_released_to_each_trainee_even_when_a_notebook_deleted_its_secret(exchange: Exchange,
                                                                                      graded) -> None:
    """Finding F10: the secret the release names pages by comes from the collected copy, not the kernel's folder."""
    from nbgrader.utils import notebook_hash

    assert not (exchange.course / "autograded" / "irc" / ASSIGNMENT / "submission_secret.txt").exists(), \
        "the notebook did not delete its secret: the test proves nothing"
    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    released = subprocess.run([str(BIN / "ipt-course"), "feedback", ASSIGNMENT, "--release"], cwd=exchange.course,
                              env=env, capture_output=True, text=True, timeout=300)
    assert released.returncode == 0, released.stdout + released.stderr
    assert "feedback released for 4 trainee(s)" in released.stdout
    outbound = exchange.inbound.parent / "feedback"
    for name in GRADED:
        secret = exchange.written[name]["submission_secret.txt"].decode()
        page = outbound / f"{notebook_hash(secret=secret, notebook_id=ASSIGNMENT)}.html"
        assert page.is_file() and f"marker-{name}" in page.read_text(), f"{name} cannot fetch their feedback"
