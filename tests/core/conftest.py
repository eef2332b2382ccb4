"""Fixtures for the core tests: the shared helpers, a registered test council, a second database."""

from __future__ import annotations

import importlib.util
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

_HELPERS = Path(__file__).with_name("helpers.py")


def _load_helpers():
    name = "arrears_core_test_helpers"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _HELPERS)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def h():
    """The helpers module (tests/core/helpers.py)."""
    return _load_helpers()


@pytest.fixture
def council(arrears, data_dir):
    """The ``arrears`` CLI runner with council testshire (sundry, 21/14/14) registered."""
    arrears("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    return arrears


@pytest.fixture
def other_db_url(db_url, tmp_path):
    """A second, empty database (no schema) on the same backend as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.db'}"
        return
    name = f"arrears_other_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(sa.make_url(db_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(db_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def other(arrears, other_db_url, data_dir):
    """The CLI runner bound to the second database, with testshire registered there too."""
    cli = type(arrears)(other_db_url)
    cli("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    return cli
