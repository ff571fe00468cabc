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
IPT_EXCHANGE_ROOT nbgrader's exchange folder, default ``/srv/nbgrader/exchange`` (world-writable, sticky); its
                  course folder is created at start for the first of IPT_INSTRUCTORS
IPT_LESSONS_DIR   lessons copied (as the trainee) into their ``~/ipt-lessons`` at first start, default this
                  repository's course/ (must be readable by trainees)
IPT_HUB_STATE_DIR the hub's database and cookie secret, default ``/srv/jupyterhub``
IPT_HUB_IP / IPT_HUB_PORT   where the hub listens, default 0.0.0.0:8000 (put TLS in front of it, see the docs)
IPT_HUB_AUTH      ``pam`` (default), ``dummy`` (tests only: any password), ``github`` or ``lti13`` (see the docs)
"""

from __future__ import annotations

import os
import pwd
import sys
from pathlib import Path

from ipt_training.hub.exchange_folder import ExchangeSetupError, prepare_exchange
from ipt_training.hub.lessons import Trainee, give_lessons

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


async def pre_spawn_hook(spawner) -> None:
    """Give an instructor the course folder and the formgrader; give a trainee the lessons and the assignment list
    only (no formgrader, no course list, no "create assignment" toolbar). The lessons are copied by a process running
    as the trainee: root never works in a trainee's home (a trainee could swap a folder there for a link)."""
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
        problem = await give_lessons(Trainee.of(name), LESSONS_DIR)
        if problem:  # the server starts all the same; the trainee can ask for the lessons
            spawner.log.warning("%s: the lessons were not copied: %s", name, problem)
        spawner.notebook_dir = str(home)


def _exchange_owner() -> pwd.struct_passwd:
    first = next(name.strip() for name in os.environ["IPT_INSTRUCTORS"].split(",") if name.strip())
    try:
        return pwd.getpwnam(first)
    except KeyError:
        raise SystemExit(f"IPT_INSTRUCTORS names {first}, which is not an account on this machine") from None


# The exchange, and the course's folder in it for the first instructor, before any trainee can log in (F17).
try:
    OWNER = _exchange_owner()
    prepare_exchange(Path(EXCHANGE_ROOT), COURSE_ID, OWNER.pw_uid, OWNER.pw_gid)
except ExchangeSetupError as exc:
    raise SystemExit(f"The course hub did not start: {exc}") from None

c.Spawner.pre_spawn_hook = pre_spawn_hook
