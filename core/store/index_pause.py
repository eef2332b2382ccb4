"""Setting the queue indexes aside for a night that moves most cases, and building them again in one sorted pass.

On SQLite every moved case rewrites its entries in the queue indexes, at
random places (they are ordered by balance); when a day's run looks at a
large share of the cases, dropping those two indexes first and creating them
again afterwards costs a few seconds instead of tens. While they are set aside
the queues still answer, only more slowly. A run killed meanwhile leaves them
missing: the next run (which resumes it) builds them again before it starts.
PostgreSQL keeps them: there a DROP INDEX would lock the officers out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine

from .db import writing
from .models import Account

__all__ = ["QUEUE_INDEXES", "SET_ASIDE_FROM", "ensure_queue_indexes", "queue_indexes_set_aside"]

QUEUE_INDEXES = ("ix_account_queue_priority", "ix_account_queue_age")
SET_ASIDE_FROM = 100_000
"""A day looking at this many cases or more sets the queue indexes aside (SQLite)."""


def ensure_queue_indexes(conn: Connection) -> None:
    """Create the queue indexes where they are missing."""
    for index in Account.__table__.indexes:
        if index.name in QUEUE_INDEXES:
            index.create(conn, checkfirst=True)


@contextmanager
def queue_indexes_set_aside(engine: Engine, due: int) -> Iterator[None]:
    """Around a day's run that looks at ``due`` cases: without the queue indexes when that is many, on SQLite."""
    if engine.dialect.name != "sqlite" or due < SET_ASIDE_FROM:
        yield
        return
    with writing(engine) as conn:
        for name in QUEUE_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    try:
        yield
    finally:
        with writing(engine) as conn:
            ensure_queue_indexes(conn)
