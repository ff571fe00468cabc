"""Shared fixtures (the repository root, the case library, a fresh PostgreSQL database) and the work groups for
running the suite on several pytest-xdist workers (``-n 2 --dist loadgroup``, as scripts/test.sh does)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[1]

#: Files whose tests must never run at the same time as each other, on two workers, by group. "servers": the course
#: hub (unix accounts, a hub and its proxy on local ports, a key hunt over shared folders) and JupyterLab in chromium
#: (a graded demo cohort, a lab server on a local port): heavy, timing-sensitive, and they bind ports.
#: "course-lessons": the lesson notebooks run by nbval in course/ itself, where a builder saves ipt_answers.json.
_GROUPS = {"tests/test_hub_e2e.py": "servers", "tests/browser/test_jupyterlab.py": "servers",
           "tests/browser/test_lesson_widgets.py": "servers"}
_FOLDER_GROUPS = {"course": "course-lessons"}
#: The groups that take longest (measured with ``--durations``), handed out first so that no worker is left with a
#: long group at the end while the other one idles. Only the order of the work changes, never what runs.
_LONGEST_FIRST = ["servers", "tests/test_malformed_submissions.py", "tests/test_parallel_autograde.py",
                  "course-lessons"]


def _work_group(item: pytest.Item) -> str:
    """The xdist group of a test: its file (module fixtures are built once, on one worker), or a named group."""
    path = item.nodeid.split("::", 1)[0]
    return _GROUPS.get(path) or _FOLDER_GROUPS.get(path.split("/", 1)[0] if "/" in path else "") or path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--compiled-build", action="store_true",
                     help="also run the tests marked compiled_build (they build the mypyc-compiled wheel, minutes; "
                          ".ci/run runs them once)")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the compiled_build tests unless ``--compiled-build`` (reported as deselected, never skipped). On an
    xdist worker with ``--dist loadgroup``, put every test in its work group (before xdist reads the marks), and
    hand out the longest groups first. A plain ``pytest`` run is otherwise left exactly as it was."""
    if not config.getoption("compiled_build"):
        dropped = [item for item in items if item.get_closest_marker("compiled_build")]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if not item.get_closest_marker("compiled_build")]
    if not hasattr(config, "workerinput") or not config.getoption("loadgroup", False):
        return
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_work_group(item)))
    rank = {group: index for index, group in enumerate(_LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(_work_group(item), len(rank)))  # stable: files keep their order


@pytest.fixture(autouse=True, scope="session")
def _practice_record_in_a_temp_folder(tmp_path_factory: pytest.TempPathFactory):
    """Widgets record practice attempts; tests must not write to the developer's own practice record."""
    import os

    os.environ["IPT_PRACTICE_DB"] = str(tmp_path_factory.mktemp("practice") / "practice.sqlite")
    yield


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def library():
    from ipt_training.cases.library import CaseLibrary

    return CaseLibrary.load(keys_dir=REPO / "source" / "keys")


@pytest.fixture(scope="module")
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, randomly named database on the suite's PostgreSQL server (``IPT_TEST_POSTGRES_URL``, started by
    ``scripts/postgres.sh``) for one test module, dropped afterwards; its SQLAlchemy URL. Skips without a server,
    fails in CI. Parametrised fixtures ask for it only for their PostgreSQL case:
    ``request.getfixturevalue("postgres_url")``."""
    base = os.environ.get("IPT_TEST_POSTGRES_URL")
    if not base:
        message = "IPT_TEST_POSTGRES_URL is not set: run `source scripts/postgres.sh && start_test_postgres`"
        if os.environ.get("CI"):
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    import psycopg2

    module = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    name = f"ipt_{module}_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(base)
    admin = psycopg2.connect(urlunsplit(parts._replace(scheme="postgresql")))  # libpq wants no "+driver"
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        # SQLAlchemy >= 2.1 maps a bare postgresql:// to psycopg 3; the test extras install psycopg2.
        yield urlunsplit(parts._replace(scheme="postgresql+psycopg2", path=f"/{name}"))
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
