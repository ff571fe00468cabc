"""JupyterHub configuration for an IPT course hub on one machine (a small cohort; docs/deployment.md).

Start it as root from the repository (the proxy comes from npm: ``npm install --prefix deploy``):

    PATH=$PWD/deploy/node_modules/.bin:$PATH IPT_INSTRUCTORS=instructor IPT_TRAINEES=alice,bob \
        jupyterhub -f deploy/jupyterhub_config.py

Every person is a unix account on the machine (PAM login); each gets their own Jupyter server started as their own
account (LocalProcessSpawner), so the file system keeps trainees apart. Settings come from environment variables:

IPT_INSTRUCTORS   comma-separated instructor accounts (required); they get the course folder and the formgrader
IPT_TRAINEES      comma-separated trainee accounts allowed to log in
IPT_COURSE_DIR    an instructor's course folder (a clone of this repository), default ``~/ipt-course``
IPT_COURSE_ID     nbgrader course id, default ``ipt-course`` (the course folder's nbgrader_config.py says the same)
IPT_EXCHANGE_ROOT nbgrader's exchange folder, default ``/srv/nbgrader/exchange`` (world-writable, sticky)
IPT_LESSONS_DIR   lessons copied into a trainee's ``~/ipt-lessons`` at first start, default this repository's course/
IPT_HUB_STATE_DIR the hub's database and cookie secret, default ``/srv/jupyterhub``
IPT_HUB_IP / IPT_HUB_PORT   where the hub listens, default 0.0.0.0:8000 (put TLS in front of it, see the docs)
IPT_HUB_AUTH      ``pam`` (default), ``dummy`` (tests only: any password), ``github`` or ``lti13`` (see the docs)
"""

from __future__ import annotations

import os
import pwd
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ROLE_CONFIG = {"trainee": HERE / "jupyter" / "trainee", "instructor": HERE / "jupyter" / "instructor"}


def _names(variable: str) -> set[str]:
    return {name.strip() for name in os.environ.get(variable, "").split(",") if name.strip()}


INSTRUCTORS = _names("IPT_INSTRUCTORS")
TRAINEES = _names("IPT_TRAINEES")
COURSE_ID = os.environ.get("IPT_COURSE_ID", "ipt-course")
EXCHANGE_ROOT = os.environ.get("IPT_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
COURSE_DIR = os.environ.get("IPT_COURSE_DIR", "~/ipt-course")
LESSONS_DIR = Path(os.environ.get("IPT_LESSONS_DIR", str(REPO / "course")))
STATE_DIR = Path(os.environ.get("IPT_HUB_STATE_DIR", "/srv/jupyterhub"))
if not INSTRUCTORS:
    raise SystemExit("Set IPT_INSTRUCTORS to the instructor account(s), e.g. IPT_INSTRUCTORS=instructor")

# --- The hub and its proxy (configurable-http-proxy from npm, found on PATH) ---
c.JupyterHub.ip = os.environ.get("IPT_HUB_IP", "0.0.0.0")
c.JupyterHub.port = int(os.environ.get("IPT_HUB_PORT", "8000"))
STATE_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
c.JupyterHub.db_url = f"sqlite:///{STATE_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE_DIR / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE_DIR / "jupyterhub-proxy.pid")

# --- Who may log in ---
AUTH = os.environ.get("IPT_HUB_AUTH", "pam")
if AUTH == "dummy":  # tests only: any password is accepted
    c.JupyterHub.authenticator_class = "dummy"
elif AUTH == "github":  # pip install oauthenticator; OAUTH_CLIENT_ID/SECRET/CALLBACK_URL from the environment
    c.JupyterHub.authenticator_class = "github"
    # GitHub names must match the unix accounts (or use a spawner that creates them).
elif AUTH == "lti13":  # pip install jupyterhub-ltiauthenticator; the LMS launches the hub (see the docs)
    c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
else:
    c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = INSTRUCTORS | TRAINEES
c.Authenticator.admin_users = set(INSTRUCTORS)

# --- Each person's own Jupyter server, as their own unix account ---
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 90
c.Spawner.environment = {"IPT_COURSE_ID": COURSE_ID, "IPT_EXCHANGE_ROOT": EXCHANGE_ROOT,
                         # the course's Python (nbgrader, alembic, ipt-course) before the system's
                         "PATH": os.pathsep.join(dict.fromkeys([str(Path(sys.executable).parent),
                                                                str(Path(sys.base_prefix) / "bin"),
                                                                "/usr/local/bin", "/usr/bin", "/bin"]))}
# A virtualenv on system site-packages: JupyterLab, nbgrader and nbconvert keep their settings and data with the
# base interpreter, which Jupyter does not look at from inside the virtualenv.
BASE_CONFIG = [str(Path(sys.base_prefix) / "etc" / "jupyter")] if sys.prefix != sys.base_prefix else []
if sys.prefix != sys.base_prefix:
    c.Spawner.environment["JUPYTER_PATH"] = str(Path(sys.base_prefix) / "share" / "jupyter")


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    for folder, dirs, files in os.walk(path):
        os.chown(folder, uid, gid)
        for name in dirs + files:
            os.chown(os.path.join(folder, name), uid, gid, follow_symlinks=False)


def give_lessons(home: Path, uid: int, gid: int) -> None:
    """Copy the trainee-facing lessons into ``~/ipt-lessons`` once (the instructor notebooks stay behind)."""
    target = home / "ipt-lessons"
    if target.exists() or not LESSONS_DIR.is_dir():
        return
    shutil.copytree(LESSONS_DIR, target, ignore=shutil.ignore_patterns("instructor", ".ipynb_checkpoints"))
    _chown_tree(target, uid, gid)


def prepare_exchange() -> None:
    """The exchange folder every account can write into and nobody can list (nbgrader's layout)."""
    root = Path(EXCHANGE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o1777)


def pre_spawn_hook(spawner) -> None:
    """Give an instructor the course folder and the formgrader; give a trainee the lessons and the assignment list
    only (no formgrader, no course list, no "create assignment" toolbar)."""
    name = spawner.user.name
    account = pwd.getpwnam(name)
    home = Path(account.pw_dir)
    role = "instructor" if name in INSTRUCTORS else "trainee"
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(ROLE_CONFIG[role]), *BASE_CONFIG])
    if role == "instructor":
        course = Path(COURSE_DIR.replace("~", str(home), 1))
        if not (course / "nbgrader_config.py").is_file():
            raise RuntimeError(f"{name}: no course folder at {course} (clone the course repository there)")
        spawner.environment["IPT_COURSE_DIR"] = str(course)
        spawner.notebook_dir = str(course)
    else:
        give_lessons(home, account.pw_uid, account.pw_gid)
        spawner.notebook_dir = str(home)


prepare_exchange()
c.Spawner.pre_spawn_hook = pre_spawn_hook
