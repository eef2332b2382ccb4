"""Pytest fixtures for a debt-type plugin's tests: ``pytest_plugins = ["arrears.testing.fixtures"]`` in a conftest.

* ``arrears_host``: the installed plugins, as the ``arrears`` command sees them (yours among them once installed);
* ``arrears_make_host``: ``arrears_make_host(("name", plugin), ..., entry_points=False)``, a host with just the
  plugins you choose (the installed ones too unless ``entry_points=False``);
* ``arrears_profile``: ``arrears_profile({"trade_waste": {params}})``, a council profile file to register;
* ``arrears_db``: a fresh, empty database URL: SQLite in the test's folder, or PostgreSQL when
  ``ARREARS_TEST_POSTGRES`` names a server (a database made for the test and dropped after it);
* ``arrears_today``: the business-date clock the commands read (``arrears_today.set(date)``);
* ``arrears_council``: ``arrears_council({"trade_waste": {params}})``, a :class:`~arrears.testing.TestCouncil`
  in ``arrears_db``, dated by the clock;
* ``arrears_cli``: run ``arrears`` commands in-process against ``arrears_db``; a traceback fails the test.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest

from ..engine.plugins import build_plugin_host
from .council import TestCouncil, profile_text


class Clock:
    """The date the commands take as today (``ARREARS_TODAY``)."""

    def __init__(self, monkeypatch, today: date) -> None:
        self._monkeypatch = monkeypatch
        self.set(today)

    def set(self, today: date) -> None:
        self.today = today
        self._monkeypatch.setenv("ARREARS_TODAY", today.isoformat())


@pytest.fixture
def arrears_today(monkeypatch) -> Clock:
    return Clock(monkeypatch, date(2035, 12, 31))


@pytest.fixture(scope="session")
def arrears_host():
    return build_plugin_host()


@pytest.fixture
def arrears_make_host():
    def make(*plugins: tuple[str, object], entry_points: bool = True):
        return build_plugin_host(load_entry_points=entry_points, blocked=(), extra_plugins=plugins)

    return make


@pytest.fixture
def arrears_profile(tmp_path):
    def make(debt_types: dict, council_id: str = "testshire"):
        path = tmp_path / f"{council_id}.toml"
        path.write_text(profile_text(debt_types, council_id))
        return path

    return make


@pytest.fixture
def arrears_db(tmp_path):
    server = os.environ.get("ARREARS_TEST_POSTGRES")
    if not server:
        yield f"sqlite:///{tmp_path / 'arrears.db'}"
        return
    import sqlalchemy as sa

    name = f"arrears_plugin_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def arrears_council(arrears_db, arrears_host, arrears_today, tmp_path):
    made = []

    def make(debt_types: dict, council_id: str = "testshire") -> TestCouncil:
        council = TestCouncil(arrears_db, arrears_host, tmp_path / council_id, debt_types, today=arrears_today.today,
                              council_id=council_id)
        made.append(council)
        return council

    yield make
    for council in made:
        council.close()


class Cli:
    """``arrears`` run in-process against one database."""

    def __init__(self, url: str) -> None:
        from click.testing import CliRunner

        self.url, self.runner = url, CliRunner()

    def __call__(self, *args, expect: int | None = 0):
        from ..cli import cli

        result = self.runner.invoke(cli, ["--db", self.url, *map(str, args)], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if expect is not None:
            assert result.exit_code == expect, f"arrears {' '.join(map(str, args))} exited {result.exit_code}:\n{result.output}"
        return result


@pytest.fixture
def arrears_cli(arrears_db, arrears_today) -> Cli:
    return Cli(arrears_db)
