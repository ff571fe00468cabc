"""Shared fixtures: the repository root, the case library and a fresh PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[1]


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
