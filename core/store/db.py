"""Database engines and migrations. SQLite by default (a file in the working directory), PostgreSQL by URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from . import jsontext
from ..errors import ArrearsError, Busy

__all__ = [
    "DEFAULT_DB", "database_url", "make_engine", "upgrade", "schema_is_current", "is_sqlite", "writing",
    "busy_refused", "refresh_statistics",
]

DEFAULT_DB = "sqlite:///arrears.db"
_JSON = {"json_serializer": jsontext.dumps, "json_deserializer": jsontext.loads}
_WRITES = "arrears_writes"
BUSY_WAIT_MS = 30_000
"""How long a SQLite writer waits for the one write lock before giving up (the nightly run's chunks take about a second)."""
SCHEMES = ("sqlite", "postgresql")


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else ``ARREARS_DB``, else ``arrears.store.db`` here.

    ``postgresql://`` URLs use the psycopg 3 driver. Any other kind of database
    is refused with the kinds that are supported.
    """
    url = url or os.environ.get("ARREARS_DB") or DEFAULT_DB
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme.split("+", 1)[0] not in SCHEMES:
        shown = scheme or url
        raise ArrearsError(
            f"database URL {shown!r}: not a supported database; give sqlite:///PATH or postgresql://USER@HOST/NAME"
        )
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_cache_kib() -> int:
    """SQLite's page cache per connection, in KiB: ``ARREARS_SQLITE_CACHE_MB`` (default 200 MB)."""
    try:
        return max(2, int(os.environ.get("ARREARS_SQLITE_CACHE_MB", "200"))) * 1024
    except ValueError:
        raise ArrearsError(f"ARREARS_SQLITE_CACHE_MB={os.environ['ARREARS_SQLITE_CACHE_MB']!r} is not a number of megabytes") from None


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys, a busy timeout and real transactions.

    SQLite's driver would otherwise read outside any transaction and open one
    only at the first write, so a read-decide-write could overwrite a change
    committed in between: here every transaction starts with ``BEGIN``, and
    one opened by :func:`writing` with ``BEGIN IMMEDIATE``.
    """
    url = database_url(url)
    if url.startswith("sqlite"):
        try:
            engine = sa.create_engine(url, connect_args={"timeout": 30}, **_JSON)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
            raise ArrearsError(f"database URL {url!r}: {exc}") from None

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every SQLite test
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(BUSY_WAIT_MS)}")
            cur.execute(f"PRAGMA cache_size=-{sqlite_cache_kib()}")
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn):  # pragma: no cover - exercised by every SQLite test
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITES) else "BEGIN")

        return engine
    try:
        return sa.create_engine(url, pool_pre_ping=True, **_JSON)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
        raise ArrearsError(f"database URL {url!r}: {exc}") from None


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that changes cases, serialised with every other such writer.

    SQLite takes its one write lock at the start (``BEGIN IMMEDIATE``), so what
    the transaction reads is still true when it writes; another writer waits
    (up to :data:`BUSY_WAIT_MS`). On PostgreSQL the transaction locks the
    account rows it will change as it reads them (``FOR NO KEY UPDATE``).
    """
    with engine.connect() as conn:
        conn.execution_options(**{_WRITES: True})
        with conn.begin():
            yield conn


def _busy(exc: sa.exc.DBAPIError) -> bool:
    orig = exc.orig
    if "database is locked" in str(orig):
        return True
    return getattr(orig, "sqlstate", None) in ("55P03", "40P01")  # lock_not_available, deadlock_detected


@contextmanager
def busy_refused(what: str) -> Iterator[None]:
    """Turn "someone else holds these rows" into :class:`Busy` naming ``what``: try again, nothing was written."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        if not _busy(exc):
            raise
        raise Busy(
            f"{what}: the case is being changed by the nightly run or another officer; nothing was recorded, "
            "try again in a moment"
        ) from None


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision."""
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def schema_is_current(engine: Engine) -> bool:
    """True when the database carries the newest revision."""
    heads = set(ScriptDirectory.from_config(_alembic_config()).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == heads


def refresh_statistics(engine: Engine) -> None:
    """After many rows changed (an import, a night's run): PostgreSQL re-reads the accounts' and debtors' statistics, so
    its planner picks the queue and search indexes at once, not whenever autovacuum gets round to it."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE account, debtor")
