"""One recovery run per council at a time.

PostgreSQL: a session advisory lock. SQLite: an exclusive ``flock`` on a file
beside the database. Both are released by the operating system or the server
when the process dies, so a run killed with ``kill -9`` never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .errors import RunRefused

__all__ = ["council_lock"]


def _key(council_id: str) -> int:
    return int.from_bytes(hashlib.sha256(f"arrears-run:{council_id}".encode()).digest()[:8], "big", signed=True)


def _lock_path(engine: Engine, council_id: str) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        return Path(tempfile.gettempdir()) / f"arrears-memory-{os.getpid()}-{id(engine)}.{council_id}.lock"
    return Path(f"{os.path.abspath(database)}.{council_id}.lock")


@contextmanager
def council_lock(engine: Engine, council_id: str) -> Iterator[None]:
    """Hold the council's run lock, or raise :class:`RunRefused` naming the holder."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": _key(council_id)}).scalar()
            conn.commit()
            if not got:
                raise RunRefused(f"a recovery run for council {council_id!r} is already in progress; try again when it ends")
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": _key(council_id)})
                conn.commit()
        return
    path = _lock_path(engine, council_id)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
            raise RunRefused(
                f"a recovery run for council {council_id!r} is already in progress ({holder}); try again when it ends"
            ) from None
        os.ftruncate(fd, 0)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} since {stamp}".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
