"""Finding a case: by account reference, debtor reference or the start of a debtor's name, within one council.

Each way is one probe of an index (the account's and the debtor's unique
references; the debtor's case-folded name), so a search costs the same at a
thousand cases as at a million. A name matches from its start, after case
folding ("smi" finds "Smith, J" and "SMITHSON LTD").
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ...engine.plugins import PluginHost
from ...engine.registration import council_profile
from ...store.models import Account, Debtor, name_key
from .lines import ROW_COLUMNS, rows_out

__all__ = ["matching_account_ids", "search", "SEARCH_LIMIT"]

ACCOUNT, DEBTOR = Account.__table__, Debtor.__table__
SEARCH_LIMIT = 200
"""At most this many accounts answer one search: a name's first letters narrow it, a reference finds one."""


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def by_bytes(conn: Connection, column: sa.ColumnElement) -> sa.ColumnElement:
    """``column`` compared byte by byte, as ``ix_debtor_name_prefix`` (PostgreSQL) and SQLite hold it."""
    return sa.collate(column, "C") if conn.dialect.name == "postgresql" else column


def name_prefix(conn: Connection, column: sa.ColumnElement, prefix: str) -> sa.ColumnElement:
    """``column`` starts with ``prefix``, written so that the dialect's index serves it."""
    if conn.dialect.name == "postgresql":  # the index under the C collation serves LIKE 'p%'
        return by_bytes(conn, column).like(_like_prefix(prefix), escape="\\")
    return sa.and_(column >= prefix, column < prefix + "\U0010ffff")  # SQLite compares bytes: a range is the prefix


def matching_account_ids(conn: Connection, council_id: str, text: str, limit: int = SEARCH_LIMIT) -> list[int]:
    """Open or closed accounts of the council whose reference, debtor's reference or debtor's name start matches ``text``."""
    text = " ".join(text.split())
    if not text:
        return []
    a, d = ACCOUNT.c, DEBTOR.c
    refs = {text, text.upper()}
    found: list[int] = list(conn.execute(
        sa.select(a.id).where(a.council_id == council_id, a.reference.in_(sorted(refs)))).scalars())
    debtors = list(conn.execute(sa.select(d.id).where(d.council_id == council_id, d.reference.in_(sorted(refs)))).scalars())
    key = name_key(text)
    if len(key) >= 2:
        debtors += conn.execute(sa.select(d.id).where(d.council_id == council_id, name_prefix(conn, d.name_key, key))
                                .order_by(by_bytes(conn, d.name_key), d.id).limit(limit)).scalars()
    if debtors and len(found) < limit:
        # By ix_account_debtor_id: the debtors are the council's, so are their accounts; asked in SQL as well, the
        # council would lead SQLite's planner to walk the council's every account.
        owned = conn.execute(sa.select(a.id, a.council_id).where(a.debtor_id.in_(debtors[:limit]))).all()
        found += sorted(i for i, council in owned if council == council_id)
    return list(dict.fromkeys(found))[:limit]


def search(engine: Engine, host: PluginHost, council_id: str, text: str, on, limit: int = 50) -> dict[str, Any]:
    """Accounts matching ``text`` (reference, debtor reference, name start), open ones first, then by name."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        ids = matching_account_ids(conn, council_id, text)
        rows = conn.execute(
            sa.select(*ROW_COLUMNS).join(DEBTOR, DEBTOR.c.id == ACCOUNT.c.debtor_id).where(ACCOUNT.c.id.in_(ids))
        ).all() if ids else []
    rows = sorted(rows, key=lambda r: (r.closed_on is not None, r.debtor_name.casefold(), r.reference))
    return {"council": council_id, "text": text, "rows": rows_out(host, profile, rows[:limit], on),
            "more": len(rows) > limit}
