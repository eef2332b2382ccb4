"""How many of a council's cases stand at each stage: kept as cases arrive and move, read at once for the queues.

Every writer that adds accounts or moves a case passes its changes here in the
same transaction, so the counts never drift from the accounts; rows are
changed in key order, so two writers never deadlock on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .bulk import Bulk
from .models import Account, StageCount

__all__ = ["add_stage_counts", "stage_counts", "counted_afresh", "Deltas"]

Deltas = Counter
"""(debt type, stage) -> change in the number of accounts there."""

_UPSERT = ("INSERT INTO stage_count (council_id, debt_type, stage, n) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (council_id, debt_type, stage) DO UPDATE SET n = stage_count.n + excluded.n")


def add_stage_counts(conn: Connection, council_id: str, deltas: Mapping[tuple[str, str], int]) -> None:
    """Add ``deltas`` to the council's stage counts."""
    rows = [(council_id, dt, stage, n) for (dt, stage), n in sorted(deltas.items()) if n]
    Bulk(conn).run(_UPSERT, rows)


def stage_counts(conn: Connection, council_id: str) -> dict[tuple[str, str], int]:
    """The council's counts as kept: (debt type, stage) -> accounts."""
    c = StageCount.__table__.c
    return {(dt, stage): n for dt, stage, n in conn.execute(
        sa.select(c.debt_type, c.stage, c.n).where(c.council_id == council_id, c.n != 0))}


def counted_afresh(conn: Connection, council_id: str) -> dict[tuple[str, str], int]:
    """The same counts taken from the accounts themselves (slow at scale: for checking the kept ones)."""
    a = Account.__table__.c
    return {(dt, stage): n for dt, stage, n in conn.execute(
        sa.select(a.debt_type, a.stage, sa.func.count()).where(a.council_id == council_id).group_by(a.debt_type, a.stage))}
