"""A real cohort on a real JupyterHub: nbgrader's exchange, a PostgreSQL gradebook, real unix accounts.

One instructor and three trainees are unix accounts created for the test (``useradd``, so the test needs root).
The hub runs ``deploy/jupyterhub_config.py`` itself (only the login is JupyterHub's dummy authenticator, and ports
and folders are the test's), with configurable-http-proxy from npm and a LocalProcessSpawner that starts each
person's Jupyter server as their own account. The test drives it as people would, through the hub with each
person's own API token: every trainee's server fetches the assignment (nbgrader's assignment-list extension),
the notebook is filled in through the server's contents API (one good, one half-done, one hostile) and submitted
through the exchange; the instructor (a shell in their account) releases, collects, autogrades with ``--jobs 2``
and releases feedback; each trainee's server fetches their feedback. Then the gradebook is read in PostgreSQL.

Everything runs in a private mount namespace: the interpreter lives under a folder other accounts cannot enter
on some machines (``/root``), so that folder is replaced there by one holding only the interpreter, and the
repository's own ``source/`` and git folders are hidden: the hub of docs/deployment.md installs a wheel and copies
``deploy/`` and ``course/`` only, so the only key copy on the machine is in the instructor's private home. After
feedback is released the hostile trainee hunts for keys as on a real hub: ``git show`` on every git folder it can
find (the repository's own included, as in attack F15) and key text in every file it can read where the hub
keeps things (homes, the exchange, the installation, temporary files the run created).
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ipt_foundations"
COURSE_ID = "ipt-course"
BIN = Path(sys.executable).parent
# nbgrader and alembic may live with the base interpreter when the venv uses system site-packages
PATH = os.pathsep.join(dict.fromkeys([str(BIN), str(Path(sys.base_prefix) / "bin"), "/usr/local/bin", "/usr/bin",
                                      "/bin"]))
NBGRADER = (str(BIN / "python"), "-m", "nbgrader")


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "needs root: it creates unix accounts for the trainees (useradd) and starts a hub that spawns as them"
    for tool in ("useradd", "userdel", "runuser", "unshare", "nsenter", "mount"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    return None


def _proxy_bin() -> Path:
    found = shutil.which("configurable-http-proxy")
    if found:
        return Path(found).parent
    local = REPO / "deploy" / "node_modules" / ".bin"
    if (local / "configurable-http-proxy").exists():
        return local
    message = "configurable-http-proxy is not installed: run `npm install --prefix deploy` (scripts/test.sh does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _blocked_ancestor(path: Path) -> Path | None:
    """The highest folder above ``path`` that other accounts cannot enter (e.g. /root), if any."""
    for folder in reversed(path.parents):
        if folder != Path("/") and not os.stat(folder).st_mode & 0o001:
            return folder
    return None


def namespace_script(stage: Path) -> str:
    """Shell lines that, in a private mount namespace, make the interpreter reachable and hide repo keys."""
    lines = ["set -e"]
    needed = {Path(p).resolve() for p in (sys.base_prefix, sys.prefix, BIN)}
    blocked: dict[Path, set[Path]] = {}
    for path in needed:
        top = _blocked_ancestor(path)
        if top is not None:
            blocked.setdefault(top, set()).add(top / path.relative_to(top).parts[0])
    for n, (top, children) in enumerate(sorted(blocked.items())):
        for m, child in enumerate(sorted(children)):
            keep = stage / f"keep{n}-{m}"
            keep.mkdir()
            lines += [f"mount --bind '{child}' '{keep}'"]
        lines += [f"mount -t tmpfs -o mode=755 tmpfs '{top}'"]
        for m, child in enumerate(sorted(children)):
            lines += [f"mkdir -p '{child}'", f"mount --bind '{stage / f'keep{n}-{m}'}' '{child}'"]
    lines += [f"mount -t tmpfs -o mode=755 tmpfs '{REPO / 'source'}'"]
    for git in git_folders():  # not on the documented hub (a wheel and two copied folders, no checkout)
        lines += [f"mount -t tmpfs -o mode=700 tmpfs '{git}'" if git.is_dir() else f"mount --bind /dev/null '{git}'"]
    return "\n".join(lines)


def git_folders() -> list[Path]:
    """The repository's ``.git`` (a folder, or a worktree's pointer file) and the folders it points to."""
    found: list[Path] = []
    dot_git = REPO / ".git"
    if dot_git.is_file():
        pointed = Path(dot_git.read_text().split("gitdir:", 1)[-1].strip())
        common = pointed / "commondir"
        found += [dot_git, pointed]
        if common.is_file():
            found.append((pointed / common.read_text().strip()).resolve())
    elif dot_git.is_dir():
        found.append(dot_git)
    return list(dict.fromkeys(found))


@dataclass
class Person:
    name: str
    role: str
    token: str = ""
    marker: str = field(default_factory=lambda: f"marker-{secrets.token_hex(8)}")

    @property
    def home(self) -> Path:
        return Path("/home") / self.name


@dataclass
class Hub:
    process: subprocess.Popen
    url: str
    service_token: str
    log: Path
    timings: list[tuple[str, float]] = field(default_factory=list)

    def api(self, method: str, path: str, token: str | None = None, **kw):
        import requests

        headers = {"Authorization": f"token {token or self.service_token}"}
        return requests.request(method, f"{self.url}{path}", headers=headers, timeout=120, **kw)

    def as_user(self, person: Person, *cmd: str, cwd: Path | None = None, check: bool = True,
                timeout: float = 300, stdin: str | None = None) -> subprocess.CompletedProcess:
        """Run a command as ``person`` in the hub's mount namespace (their shell in a terminal)."""
        env = ["env", "-i", f"HOME={person.home}", f"USER={person.name}", f"LOGNAME={person.name}",
               f"PATH={PATH}", "LANG=C.UTF-8", "COLUMNS=200",
               f"JUPYTER_CONFIG_PATH={REPO / 'deploy' / 'jupyter' / person.role}{os.pathsep}"
               f"{Path(sys.base_prefix) / 'etc' / 'jupyter'}",
               f"IPT_EXCHANGE_ROOT={EXCHANGE[0]}", f"IPT_COURSE_ID={COURSE_ID}",
               f"JUPYTER_PATH={Path(sys.base_prefix) / 'share' / 'jupyter'}"]  # as the hub gives servers
        full = ["nsenter", "-t", str(self.process.pid), "-m", "--", "runuser", "-u", person.name, "--",
                *env, "sh", "-c", 'cd "$0" && exec "$@"', str(cwd or person.home), *cmd]
        started = time.monotonic()
        result = subprocess.run(full, capture_output=True, text=True, timeout=timeout, input=stdin)
        self.timings.append((" ".join(cmd[-4:]), time.monotonic() - started))
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} as {person.name} failed ({result.returncode}):\n"
                                 f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result


EXCHANGE: list[Path] = []  # the exchange folder of the running hub (set by the fixture)


def _wait(what: str, check, timeout: float = 90, hub: Hub | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with suppress(Exception):
            value = check()
            if value:
                return value
        if hub is not None and hub.process.poll() is not None:
            raise AssertionError(f"the hub exited while waiting for {what}:\n{hub.log.read_text()[-4000:]}")
        time.sleep(0.3)
    tail = hub.log.read_text()[-4000:] if hub else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


@contextmanager
def unix_accounts(people: list[Person]) -> Iterator[None]:
    created = []
    try:
        for person in people:
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", person.name], check=True)
            created.append(person)
            os.chmod(person.home, 0o700)  # docs/deployment.md: homes are private
        yield
    finally:
        for person in created:
            pids = subprocess.run(["pgrep", "-u", person.name], capture_output=True, text=True).stdout.split()
            for pid in pids:  # servers and kernels this test started as that account
                with suppress(ProcessLookupError):
                    os.kill(int(pid), 9)
            subprocess.run(["userdel", "--remove", person.name], capture_output=True)


def _course_folder(instructor: Person, db_url: str, exchange: Path) -> Path:
    course = instructor.home / "ipt-course"
    course.mkdir()
    shutil.copy2(REPO / "nbgrader_config.py", course)
    shutil.copytree(REPO / "source" / "keys", course / "source" / "keys")
    shutil.copytree(REPO / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    (course / "nbgrader_config_local.py").write_text(
        f"c = get_config()  # noqa: F821\nc.CourseDirectory.db_url = {db_url!r}\nc.Exchange.root = {str(exchange)!r}\n")
    subprocess.run(["chown", "-R", f"{instructor.name}:", str(course)], check=True)
    return course


@dataclass
class Cohort:
    hub: Hub
    instructor: Person
    good: Person
    half: Person
    hostile: Person
    course: Path
    db_url: str
    exchange: Path
    steps: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)
    probes: dict[str, str] = field(default_factory=dict)
    hunt: dict[str, list[str]] = field(default_factory=dict)
    forged_name: str = ""
    validation: dict[str, dict] = field(default_factory=dict)

    @property
    def trainees(self) -> list[Person]:
        return [self.good, self.half, self.hostile]


def _start_hub(tmp: Path, people: list[Person], exchange: Path) -> Hub:
    proxy_bin = _proxy_bin()
    port, hub_port, proxy_api = _free_port(), _free_port(), _free_port()
    token = secrets.token_hex(32)
    config = tmp / "hub_config.py"
    config.write_text(f'''c = get_config()  # noqa: F821
load_subconfig({str(REPO / "deploy" / "jupyterhub_config.py")!r})  # noqa: F821 - the shipped configuration
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.JupyterHub.services = [{{"name": "ipt-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "ipt-test-driver", "services": ["ipt-test"],
                            "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"]}}]
c.JupyterHub.log_level = "INFO"
''')
    stage = tmp / "stage"
    stage.mkdir()
    env = {**os.environ, "PATH": f"{proxy_bin}:{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
           "IPT_HUB_AUTH": "dummy", "IPT_HUB_IP": "127.0.0.1", "IPT_HUB_PORT": str(port),
           "IPT_INSTRUCTORS": people[0].name, "IPT_TRAINEES": ",".join(p.name for p in people[1:]),
           "IPT_EXCHANGE_ROOT": str(exchange), "IPT_HUB_STATE_DIR": str(tmp / "hub-state"), "IPT_COURSE_ID": COURSE_ID}
    env.pop("JUPYTER_CONFIG_PATH", None)
    script = namespace_script(stage) + f"\ncd '{tmp}'\nexec '{BIN / 'jupyterhub'}' -f '{config}'\n"
    log = tmp / "hub.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                                   env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp)
    hub = Hub(process, f"http://127.0.0.1:{port}", token, log)
    _wait("the hub", lambda: hub.api("GET", "/hub/api/").status_code == 200, hub=hub)
    return hub


def _start_servers(hub: Hub, people: list[Person]) -> None:
    for person in people:
        response = hub.api("POST", f"/hub/api/users/{person.name}/server")
        assert response.status_code in (201, 202), response.text
    for person in people:
        _wait(f"{person.name}'s server",
              lambda p=person: hub.api("GET", f"/hub/api/users/{p.name}").json()["servers"][""]["ready"],
              hub=hub)
        response = hub.api("POST", f"/hub/api/users/{person.name}/tokens", json={"note": "e2e"})
        assert response.status_code == 201, response.text
        person.token = response.json()["token"]


def _server(hub: Hub, person: Person, method: str, path: str, **kw):
    """A request to ``person``'s own Jupyter server through the hub's proxy, with their token."""
    return hub.api(method, f"/user/{person.name}/{path}", token=person.token, **kw)


def _assignment_action(hub: Hub, person: Person, action: str) -> None:
    response = _server(hub, person, "POST", f"assignments/{action}",
                       json={"course_id": COURSE_ID, "assignment_id": ASSIGNMENT})
    assert response.status_code == 200, f"{action} by {person.name}: {response.status_code} {response.text[:500]}"
    body = response.json()
    assert not (isinstance(body, dict) and body.get("success") is False), f"{action} by {person.name}: {body}"


def _fill(hub: Hub, person: Person, answers: dict[str, str], extra: list[str] = ()) -> None:
    """Open the fetched notebook in the trainee's server, write the answers, save it (contents API)."""
    path = f"api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    response = _server(hub, person, "GET", path, params={"content": "1"})
    assert response.status_code == 200, f"{person.name} has no fetched notebook: {response.text[:300]}"
    model = response.json()
    cells = []
    for cell in model["content"]["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
        cells.append(cell)
    for code in extra:
        cells.append({"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None})
    model["content"]["cells"] = cells
    saved = _server(hub, person, "PUT", path, json={"type": "notebook", "format": "json",
                                                    "content": model["content"]})
    assert saved.status_code == 200, saved.text[:300]


def _validate(hub: Hub, person: Person) -> dict:
    """What the Validate button asks the trainee's own server: nbgrader runs the saved notebook there."""
    response = _server(hub, person, "POST", "assignments/validate",
                       data={"path": f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"})
    assert response.status_code == 200, f"validate by {person.name}: {response.status_code} {response.text[:500]}"
    return response.json()


HOSTILE_CELL = '''import glob, os
found = []
for pattern in ("/home/*/ipt_foundations/*.ipynb", "/home/*/ipt-course/source/keys/*/*", "{exchange}/*/inbound/*",
                "../*/ipt_foundations/*.ipynb", "../../source/keys/*/*", "{exchange}/*/feedback/*"):
    for path in glob.glob(pattern):
        try:
            found.append(path + ": " + open(path).read()[:2000])
        except OSError:
            pass
print("\\n".join(found))
'''


def _probe(hub: Hub, hostile: Person, victim: Person, cohort: Cohort) -> None:
    """What the hostile trainee's own account can reach on the file system and through the hub."""
    targets = {
        "victim home": str(victim.home),
        "victim notebook": str(victim.home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
        "instructor course": str(cohort.course),
        "instructor keys": str(cohort.course / "source" / "keys"),
        "exchange inbound": str(cohort.exchange / COURSE_ID / "inbound"),
        "repository keys": str(REPO / "source" / "keys"),
    }
    code = ("import json, os, sys\nout = {}\nfor label, path in json.loads(sys.argv[1]).items():\n"
            "    try:\n        out[label] = 'listed ' + ','.join(os.listdir(path)) if os.path.isdir(path) "
            "else 'read ' + open(path).read()[:80]\n"
            "    except OSError as exc:\n        out[label] = 'refused ' + type(exc).__name__\nprint(json.dumps(out))")
    result = hub.as_user(hostile, str(BIN / "python"), "-c", code, json.dumps(targets))
    cohort.probes.update(json.loads(result.stdout))
    # Through the hub: the hostile trainee's token on the victim's server.
    response = _server(hub, Person(victim.name, "trainee", token=hostile.token), "GET", "api/contents/")
    cohort.probes["victim server via hub"] = str(response.status_code)
    # Through the exchange: submit under the victim's name (nbgrader accepts --student) with a marker.
    forged = hub.as_user(hostile, *NBGRADER, "submit", ASSIGNMENT, f"--student={victim.name}",
                         f"--course={COURSE_ID}", check=False)
    cohort.probes["forged submit"] = f"exit {forged.returncode}"
    # The exchange's course folder, made for the instructor when the hub started (F17): nothing to squat or move.
    for label, script in (("exchange course folder: mkdir", 'mkdir "$0/{course}/outbound2"'),
                          ("exchange course folder: move", 'mv "$0/{course}" "$0/mine"')):
        result = hub.as_user(hostile, "sh", "-c", script.format(course=COURSE_ID), str(cohort.exchange), check=False)
        cohort.probes[label] = f"exit {result.returncode}"


def _plant_key_link(hub: Hub, hostile: Person, cohort: Cohort) -> None:
    """From a terminal, a second submission made by hand whose notes.txt links to the instructor's key (finding F2):
    nbgrader's collect would copy the key, with the instructor's rights, into the kernel's folder."""
    key = cohort.course / "source" / "keys" / "items" / f"{ASSIGNMENT}.yaml"
    script = ('d="$0/$1+$2+$(date -u "+%Y-%m-%d %H:%M:%S.%N UTC" | cut -c1-26) UTC"; mkdir "$d" && '
              'cp "$HOME/$2/$2.ipynb" "$d/" && ln -s "$3" "$d/notes.txt" && echo planted > "$d/submission_secret.txt"')
    hub.as_user(hostile, "sh", "-c", script, str(cohort.exchange / COURSE_ID / "inbound"), hostile.name, ASSIGNMENT,
                str(key))


KEY_HUNT = r'''import json, os, subprocess, sys
args = json.loads(sys.argv[1])
secrets, since, skip = json.loads(sys.stdin.read()), args["since"], tuple(args["skip"])
found = {"git": [], "git_folders": [], "key_text": [], "files_read": [0]}
gits = set(args["git_candidates"])


def mine(root, path):
    """Everything under the hub's own folders; in the shared temporary folders only what this run's people made."""
    if root not in args["new_only"]:
        return True
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return info.st_mtime >= since and info.st_uid in args["owners"]


for root in args["roots"]:
    for folder, dirs, files in os.walk(root):
        if folder.startswith(skip):
            dirs[:] = []
            continue
        for name in dirs + files:
            if name == ".git" and mine(root, os.path.join(folder, name)):
                gits.add(os.path.join(folder, name))
        for name in files:
            path = os.path.join(folder, name)
            try:
                if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > 5_000_000:
                    continue
                if not mine(root, path):
                    continue
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = " ".join(handle.read().lower().split())
            except OSError:
                continue
            found["files_read"][0] += 1
            hits = [s for s in secrets if s in text]
            if hits:
                found["key_text"].append(path + ": " + hits[0][:60])
for git in sorted(gits):
    found["git_folders"].append(git)
    for command in (["ls-tree", "-r", "--name-only", "HEAD"], ["show", "HEAD:source/keys/items/ipt_foundations.yaml"]):
        result = subprocess.run(["git", "-c", "safe.directory=*", "--git-dir=" + git, *command],
                                capture_output=True, text=True)
        if result.returncode == 0 and ("source/keys" in result.stdout or "correct:" in result.stdout):
            found["git"].append(git + ": git " + command[0] + " worked")
print(json.dumps(found))
'''


def _hunt_keys(hub: Hub, hostile: Person, cohort: Cohort, since: float) -> None:
    """As the hostile trainee: ``git show`` on every git folder it finds, and key text in every readable file."""
    from ipt_training.grading.trusted.leaks import secret_strings

    installation = [REPO / "deploy", REPO / "course", REPO / "ipt_training", Path(sys.prefix)]
    temporary = ["/tmp", "/var/tmp", "/dev/shm"]  # what this hub's people (grading included) wrote there
    args = {"roots": [str(p) for p in ["/home", cohort.exchange, "/srv", *installation, *temporary]],
            "new_only": temporary, "since": since,
            "owners": [pwd.getpwnam(p.name).pw_uid for p in [cohort.instructor, *cohort.trainees]],
            "skip": [str(hostile.home)],  # their own work (the solutions they typed) is theirs
            "git_candidates": [str(p) for p in git_folders()]}
    result = hub.as_user(hostile, str(BIN / "python"), "-c", KEY_HUNT, json.dumps(args),
                         stdin=json.dumps(secret_strings(cohort.course)), timeout=600)
    cohort.hunt.update(json.loads(result.stdout))


@pytest.fixture(scope="module")
def cohort(request: pytest.FixtureRequest) -> Iterator[Cohort]:
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    db_url = request.getfixturevalue("postgres_url")
    from ipt_training.grading.workflow.simulate import solution_answers

    suffix = secrets.token_hex(3)
    instructor = Person(f"ipti{suffix}", "instructor")
    good, half, hostile = (Person(f"ipt{c}{suffix}", "trainee") for c in "abc")
    people = [instructor, good, half, hostile]
    answers = solution_answers(REPO / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    graded_ids = sorted(answers)
    with tempfile.TemporaryDirectory(prefix="ipt-hub-") as tmp_name, unix_accounts(people):
        tmp = Path(tmp_name)
        os.chmod(tmp, 0o755)
        exchange = tmp / "exchange"
        EXCHANGE[:] = [exchange]
        course = _course_folder(instructor, db_url, exchange)
        started = time.monotonic()
        hub = _start_hub(tmp, people, exchange)
        hub.timings.append(("hub up", time.monotonic() - started))
        state = Cohort(hub, instructor, good, half, hostile, course, db_url, exchange)
        test_started = time.time() - 5
        try:
            started = time.monotonic()
            _start_servers(hub, people)
            hub.timings.append(("servers up", time.monotonic() - started))
            # The instructor lists the cohort (one trainee never turns up) and releases through the exchange.
            (course / "cohort.csv").write_text("id,first_name,last_name\n" + "".join(
                f"{p.name},{p.name},Trainee\n" for p in state.trainees) + f"iptz{suffix},Absent,Trainee\n")
            hub.as_user(instructor, *NBGRADER, "db", "student", "import", "cohort.csv", cwd=course)
            due = (datetime.now(timezone.utc) + timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
            state.steps["release"] = hub.as_user(instructor, str(BIN / "ipt-course"), "release", ASSIGNMENT,
                                                 "--exchange", "--due", due, cwd=course)
            for person in state.trainees:
                _assignment_action(hub, person, "fetch")
            marker_cell = "# {}\n"
            _fill(hub, good, {k: marker_cell.format(good.marker) + v for k, v in answers.items()})
            half_answers = {k: answers[k] for k in graded_ids[: len(graded_ids) // 2]}
            _fill(hub, half, {k: marker_cell.format(half.marker) + v for k, v in half_answers.items()})
            _fill(hub, hostile, {k: marker_cell.format(hostile.marker) + v for k, v in answers.items()},
                  extra=[HOSTILE_CELL.format(exchange=exchange)])
            for person in (good, half):  # the Validate button of the trainee's lab, before handing in
                state.validation[person.name] = _validate(hub, person)
            _assignment_action(hub, good, "submit")
            _assignment_action(hub, hostile, "submit")
            _probe(hub, hostile, good, state)
            _plant_key_link(hub, hostile, state)
            # The half-done trainee hands in after the deadline (the instructor moves it to now).
            cutoff = datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(seconds=1)
            hub.as_user(instructor, str(BIN / "python"), "-c",
                        "import sys, datetime; from ipt_training.grading.workflow.course import Course; "
                        "from ipt_training.grading.workflow.exchange import set_due_date; "
                        "set_due_date(Course(__import__('pathlib').Path('.').resolve()), sys.argv[1], "
                        "datetime.datetime.fromisoformat(sys.argv[2]))", ASSIGNMENT, cutoff.isoformat(), cwd=course)
            time.sleep(max(0.0, (cutoff - datetime.now(timezone.utc).replace(tzinfo=None)).total_seconds()) + 0.5)
            _assignment_action(hub, half, "submit")
            # The instructor's loop.
            state.steps["collect"] = hub.as_user(instructor, str(BIN / "ipt-course"), "collect", ASSIGNMENT,
                                                 cwd=course)
            state.steps["autograde"] = hub.as_user(instructor, str(BIN / "ipt-course"), "autograde", ASSIGNMENT,
                                                   "--jobs", "2", cwd=course, check=False)
            graded = state.steps["autograde"]
            assert graded.returncode in (0, 1) and "Autograde summary" in graded.stdout, \
                f"autograde failed:\n{graded.stdout[-3000:]}\n{graded.stderr[-3000:]}"
            assert graded.stdout.count(" graded") >= 3, f"autograde:\n{graded.stdout[-3000:]}\n{graded.stderr[-3000:]}"
            state.steps["feedback"] = hub.as_user(instructor, str(BIN / "ipt-course"), "feedback", ASSIGNMENT,
                                                  "--release", cwd=course)
            for person in state.trainees:
                _assignment_action(hub, person, "fetch_feedback")
                listing = _server(hub, person, "GET", f"api/contents/{ASSIGNMENT}/feedback").json()
                pages = []
                for stamp in listing.get("content") or []:
                    inner = _server(hub, person, "GET", f"api/contents/{stamp['path']}").json()
                    for page in inner["content"]:
                        if page["name"].endswith(".html"):
                            pages.append(_server(hub, person, "GET", f"api/contents/{page['path']}",
                                                 params={"format": "text"}).json()["content"])
                state.feedback[person.name] = "\n".join(pages)
            _hunt_keys(hub, hostile, state, test_started)
            yield state
        finally:
            print("\n".join(f"{seconds:6.1f} s  {what}" for what, seconds in hub.timings))
            hub.process.terminate()
            try:
                hub.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                hub.process.kill()
            if os.environ.get("IPT_HUB_E2E_LOG"):
                shutil.copy2(hub.log, os.environ["IPT_HUB_E2E_LOG"])


def test_grades_are_in_postgresql(cohort: Cohort) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(cohort.db_url, course_id=COURSE_ID) as gb:
        scores = {p.name: gb.find_submission(ASSIGNMENT, p.name) for p in cohort.trainees}
        good, half = scores[cohort.good.name], scores[cohort.half.name]
        assert good.max_score > 0
        assert good.score == good.max_score, "the instructor's own solutions must earn every point"
        assert 0 < half.score < good.score, "half the answers earn part of the points"
        assert scores[cohort.hostile.name].score <= good.max_score
        assert {s.id for s in gb.students} >= {p.name for p in cohort.trainees}
    assert cohort.db_url.startswith("postgresql")


def test_collect_lists_on_time_late_and_missing(cohort: Cohort) -> None:
    out = cohort.steps["collect"].stdout
    lines = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") >= 4}
    assert "on time" in lines[cohort.good.name]
    assert "on time" in lines[cohort.hostile.name]
    assert "late" in lines[cohort.half.name]
    assert "missing" in next(line for name, line in lines.items() if name.startswith("iptz"))
    # The forged submission under the good trainee's name was refused, and theirs was collected instead.
    assert f"names {cohort.good.name} but was written by {cohort.hostile.name}" in cohort.steps["collect"].stderr
    submitted = (cohort.course / "submitted" / cohort.good.name / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert cohort.good.marker in submitted
    # The hand-made submission with a link to the key was refused; the hostile trainee's real one was collected.
    assert (f"refused: {cohort.hostile.name}'s submission" in cohort.steps["collect"].stderr
            and "the submission contains a link to a file outside it (notes.txt)" in cohort.steps["collect"].stderr)
    mine = cohort.course / "submitted" / cohort.hostile.name / ASSIGNMENT
    assert cohort.hostile.marker in (mine / f"{ASSIGNMENT}.ipynb").read_text()
    assert not (mine / "notes.txt").exists() and not (mine / "notes.txt").is_symlink()


def test_each_trainee_gets_their_own_feedback_only(cohort: Cohort) -> None:
    for person in cohort.trainees:
        page = cohort.feedback[person.name]
        assert person.marker in page, f"{person.name} did not receive their feedback"
        for other in cohort.trainees:
            if other is not person:
                assert other.marker not in page, f"{person.name}'s feedback shows {other.name}'s work"
    assert "Feedback withheld" not in cohort.feedback[cohort.good.name]


def test_a_trainee_cannot_reach_others_work_or_the_keys(cohort: Cohort) -> None:
    probes = cohort.probes
    assert probes["exchange course folder: mkdir"] != "exit 0" and probes["exchange course folder: move"] != "exit 0"
    folder = (cohort.exchange / COURSE_ID).lstat()
    assert folder.st_uid == pwd.getpwnam(cohort.instructor.name).pw_uid and folder.st_mode & 0o7777 == 0o755
    for label in ("victim home", "victim notebook", "instructor course", "instructor keys"):
        assert not probes[label].startswith("read") and probes[label] in ("refused PermissionError", "listed "), \
            f"{label}: {probes[label]}"
    # The documented installation has no source/ at all (docs/deployment.md step 2); the test hides the checkout's.
    assert probes["repository keys"] in ("refused FileNotFoundError", "refused PermissionError", "listed "), \
        probes["repository keys"]
    assert probes["exchange inbound"] == "refused PermissionError"
    assert probes["victim server via hub"] in ("403", "404"), probes["victim server via hub"]
    # Whatever the hostile notebook tried at grading time, its feedback holds nobody else's work and no key.
    page = cohort.feedback[cohort.hostile.name]
    assert cohort.good.marker not in page and cohort.half.marker not in page
    assert "reference_formulation" not in page and "BEGIN HIDDEN TESTS" not in page


def test_no_key_anywhere_a_trainee_can_read(cohort: Cohort) -> None:
    """Attack F15: no git folder gives the keys away (``git show``), and no readable file holds key text."""
    hunt = cohort.hunt
    assert hunt["files_read"][0] > 100, f"the hunt read almost nothing: {hunt}"
    assert hunt["git"] == [], hunt["git"]
    assert hunt["key_text"] == [], hunt["key_text"]


def test_validate_runs_in_the_trainees_server_and_names_the_unanswered_questions(cohort: Cohort) -> None:
    good, half = (cohort.validation[p.name] for p in (cohort.good, cohort.half))
    assert good["success"] is True and half["success"] is True, (good, half)
    assert not good["value"].get("failed"), good["value"]
    failed = half["value"].get("failed") or []
    assert failed and all("not answered yet" in f["error"] for f in failed), failed


def test_trainee_servers_have_no_instructor_tools(cohort: Cohort) -> None:
    trainee, instructor = cohort.good, cohort.instructor
    assert _server(cohort.hub, trainee, "GET", "formgrader").status_code == 404
    assert _server(cohort.hub, trainee, "GET", f"assignments?course_id={COURSE_ID}").status_code == 200
    response = _server(cohort.hub, trainee, "GET", "lab")
    assert "disabledExtensions" in response.text, f"{response.status_code} {response.url}: {response.text[:1500]}"
    disabled = response.text.split("disabledExtensions", 1)[1][:2000]
    for plugin in ("formgrader", "create-assignment", "course-list"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled
    assert "@jupyter/nbgrader:assignment-list" not in disabled
    assert _server(cohort.hub, instructor, "GET", "formgrader").status_code == 200
    lessons = _server(cohort.hub, trainee, "GET", "api/contents/ipt-lessons").json()
    names = {item["name"] for item in lessons["content"]}
    assert any(name.endswith(".ipynb") for name in names) and "instructor" not in names
    # Copied by the trainee's own account (F16: the hub, as root, never works in a trainee's home).
    for person in cohort.trainees:
        copied = person.home / "ipt-lessons"
        assert {path.lstat().st_uid for path in [copied, *copied.rglob("*")]} == {pwd.getpwnam(person.name).pw_uid}
    assert "lessons were not copied" not in cohort.hub.log.read_text()
