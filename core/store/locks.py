"""Who may change a council's cases at once.

Two locks. The council lock is held for the whole of a recovery run, an import
or a profile change, so at most one of those works on a council at a time
(PostgreSQL: a session advisory lock; SQLite: an operating-system lock on a file
beside the database, through filelock on Linux, macOS and Windows; both
released by the server or the operating system when the process dies, so
``kill -9`` never leaves a stale lock). What holds it is written beside the lock. Account locks are
held for one short transaction: the nightly run's chunk and an officer's
action lock the rows they will change before reading them (PostgreSQL row
locks, ``FOR NO KEY UPDATE``; on SQLite the write transaction itself, see
:func:`arrears.store.db.writing`), so neither overwrites what the other has just written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from filelock import FileLock, Timeout
from sqlalchemy.engine import Connection, Engine

from ..errors import RunRefused

__all__ = ["council_lock", "ACTION_LOCK_WAIT"]

ACTION_LOCK_WAIT = "10s"
"""How long an officer's action waits for a case the nightly run is writing (a chunk takes about a second)."""


def _key(council_id: str) -> int:
    return int.from_bytes(hashlib.sha256(f"arrears-run:{council_id}".encode()).digest()[:8], "big", signed=True)


def _lock_path(engine: Engine, council_id: str) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        return Path(tempfile.gettempdir()) / f"arrears-memory-{os.getpid()}-{id(engine)}.{council_id}.lock"
    return Path(f"{os.path.abspath(database)}.{council_id}.lock")


def _refused(council_id: str, holder: str) -> RunRefused:
    return RunRefused(f"council {council_id!r} is busy: {holder} is already in progress; try again when it ends")


def _pg_holder(conn: Connection, key: int) -> str:
    """What holds the advisory lock ``key``: the application name its holder set, and its server process."""
    row = conn.execute(sa.text(
        "SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :hi AND l.objid = :lo AND l.objsubid = 1"
    ), {"hi": (key >> 32) & 0xFFFFFFFF, "lo": key & 0xFFFFFFFF}).first()
    if row is None:
        return "another run, import or profile change"
    what = row[0].removeprefix("arrears: ") if row[0].startswith("arrears: ") else "another run, import or profile change"
    return f"{what} (server process {row[1]})"


@contextmanager
def council_lock(engine: Engine, council_id: str, purpose: str = "a recovery run") -> Iterator[None]:
    """Hold the council's lock for ``purpose``, or raise :class:`RunRefused` naming what holds it."""
    if engine.dialect.name == "postgresql":
        key = _key(council_id)
        with engine.connect() as conn:
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
            if not got:
                holder = _pg_holder(conn, key)
                conn.commit()
                raise _refused(council_id, holder)
            conn.execute(sa.text("SELECT set_config('application_name', :name, false)"),
                         {"name": f"arrears: {purpose}"[:63]})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.execute(sa.text("SELECT set_config('application_name', '', false)"))
                conn.commit()
        return
    path = _lock_path(engine, council_id)
    holder_file = path.with_name(path.name + ".holder")
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        try:
            holder = holder_file.read_text(encoding="utf-8").strip()
        except OSError:
            holder = ""
        raise _refused(council_id, holder or "another run, import or profile change") from None
    try:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        holder_file.write_text(f"{purpose} (pid {os.getpid()} since {stamp})", encoding="utf-8")
        yield
    finally:
        holder_file.unlink(missing_ok=True)
        lock.release()
