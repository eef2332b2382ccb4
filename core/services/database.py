"""Opening the database a command works on, setting a council up in it, and checking its ledger."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import Engine

from ..engine.plugins import PluginHost
from ..engine.registration import council_row, register_council
from ..errors import ArrearsError
from ..profiles.profile import Profile
from ..store.db import database_url, make_engine, schema_is_current, upgrade
from ..store.ledger import verify_ledger

__all__ = ["database_url", "open_database", "set_up_council", "check_ledger"]


def open_database(url: str | None, *, migrate_check: bool = True) -> Engine:
    """The engine for ``url`` (else ``ARREARS_DB``, else ``arrears.db`` here); with ``migrate_check``, only once the
    database exists with the current schema, else :class:`ArrearsError` saying what to do."""
    engine = make_engine(url)
    if migrate_check:
        try:
            _check_schema(engine)
        except ArrearsError:
            engine.dispose()
            raise
    return engine


def _check_schema(engine: Engine) -> None:
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:" and not os.path.exists(database):
        raise ArrearsError(f"no database at {database}; create it with `arrears init --council ID` (or give --db URL)")
    try:
        current = schema_is_current(engine)
    except Exception as exc:
        raise ArrearsError(f"cannot open database {engine.url!r}: {exc}") from None
    if not current:
        raise ArrearsError(
            f"database {engine.url!r} has no arrears schema or an older one; run `arrears init --council ID` first"
        )


def set_up_council(engine: Engine, host: PluginHost, council_id: str, profile_path: str | Path | None) -> tuple[Profile, bool]:
    """Create or upgrade the schema, then register (or re-register) the council; (profile, created)."""
    upgrade(engine)
    return register_council(engine, host, council_id, profile_path)


def check_ledger(engine: Engine, council_id: str) -> list[str]:
    """References of the council's accounts whose cached totals differ from their ledger entries."""
    with engine.connect() as conn:
        council_row(conn, council_id)
        return verify_ledger(conn, council_id)
