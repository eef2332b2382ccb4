"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, the plugin host, a CLI runner.

Every test that takes ``db_url`` (directly or through ``engine``) runs twice, once
per backend. PostgreSQL comes from ``ARREARS_TEST_POSTGRES`` (default: the local
server's ``postgres`` role); when it cannot be reached those tests skip, unless
``ARREARS_REQUIRE_POSTGRES=1``, which makes them fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from arrears.cli import cli
from arrears.store.db import make_engine, upgrade
from arrears.engine.plugins import build_plugin_host

pytest_plugins = ["pytester"]  # for trying the plugin kit's fixtures in a test's own pytest

DATA = Path(__file__).parent / "data"


def _load_csv_rows():
    """tests/csv_rows.py as ``arrears_test_csv`` (the tests folder is not a package), for every folder's helpers."""
    spec = importlib.util.spec_from_file_location("arrears_test_csv", Path(__file__).with_name("csv_rows.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["arrears_test_csv"] = module
    spec.loader.exec_module(module)


_load_csv_rows()
SUITE_TODAY = "2035-12-31"
"""The date the commands take as today throughout the suite (``ARREARS_TODAY``), after every scenario date, so
no test depends on the calendar; the tests of the future-date guard set their own."""
PG_BASE = os.environ.get("ARREARS_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("ARREARS_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def suite_today(monkeypatch) -> date:
    """Fix the commands' today (and that of every subprocess a test starts)."""
    monkeypatch.setenv("ARREARS_TODAY", SUITE_TODAY)
    return date.fromisoformat(SUITE_TODAY)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_database():
    """A PostgreSQL database for this session, migrated once; dropped at the end."""
    name = f"arrears_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_BASE, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # server down or unreachable
        admin.dispose()
        message = f"PostgreSQL not reachable at {PG_BASE}: {exc.__class__.__name__}: {exc}"
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    url = sa.make_url(PG_BASE).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    tables = [r[0] for r in engine.connect().execute(sa.text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
    ))]
    engine.dispose()
    yield url, tables
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, migrated, empty database URL on each backend."""
    if request.param == "sqlite":
        target = tmp_path / "arrears.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    url, tables = request.getfixturevalue("pg_database")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def host():
    """The installed plugins, as an operator's command sees them."""
    return build_plugin_host(blocked=())


class Cli:
    """Runs ``arrears`` in-process against one database; fails the test on a traceback."""

    def __init__(self, db_url: str | None):
        self.db_url = db_url
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int | None = 0):
        argv = (["--db", self.db_url] if self.db_url else []) + [str(a) for a in args]
        result = self.runner.invoke(cli, argv, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if expect is not None:
            assert result.exit_code == expect, f"arrears {' '.join(argv)} exited {result.exit_code}:\n{result.output}"
        return result


@pytest.fixture
def arrears(db_url) -> Cli:
    return Cli(db_url)


@pytest.fixture
def data_dir() -> Path:
    return DATA
