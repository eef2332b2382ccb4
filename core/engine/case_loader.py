"""Loading cases in chunks with SQLAlchemy Core, with their ledger totals as of a business date.

The account row's cached totals are the facts whenever the account has no
ledger entry dated after the business date (the usual case); otherwise, during
a catch-up over past days, the totals are recomputed from the ledger as of
that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy.engine import Connection

from ..cases import Case
from ..store.ledger import totals_as_of
from ..store.models import Account, Debtor, LedgerEntry

__all__ = ["load_cases", "LoadedCase", "stored_day", "ACCOUNT", "LEDGER", "DEBTOR"]

ACCOUNT = Account.__table__
LEDGER = LedgerEntry.__table__
DEBTOR = Debtor.__table__
A = ACCOUNT.c

_SELECT = (
    "SELECT a.id, a.reference, a.debt_type, d.kind, a.stage, a.stage_since, a.opened_on, a.amount_pence, "
    "a.balance_pence, a.paid_pence, a.charged_pence, a.last_payment_on, a.last_entry_on, a.attrs, a.state, "
    "a.next_bill_on, a.next_review_on, a.schedule FROM account a JOIN debtor d ON d.id = a.debtor_id "
    "WHERE a.id IN ({ids}){open} ORDER BY a.id{lock}"
)
"""The nightly path's one read per chunk, straight through the driver (ids are integers written inline)."""
_OPEN = " AND a.closed_on IS NULL"
_LOCK = " FOR NO KEY UPDATE OF a"


@lru_cache(maxsize=8192)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text)


def stored_day(value) -> date | None:
    """A stored date (ISO text on SQLite, a date on PostgreSQL); the few distinct days of a chunk are decoded once."""
    if value is None or isinstance(value, date):
        return value
    return _iso_day(value)


@dataclass(slots=True)
class LoadedCase:
    """A case with what the runner needs besides: when it is due for billing and review, its next later entry."""

    case: Case
    next_bill_on: date | None
    next_review_on: date | None
    upcoming: date | None


def _raw(text):
    """JSON text as stored (decoded by :class:`Case` when first read); ``{}`` needs no decoding."""
    if text is None or text == "{}":
        return None
    return text


def load_cases(conn: Connection, ids: Sequence[int], day: date, *, for_update: bool = False,
               open_only: bool = False) -> list[LoadedCase]:
    """Cases for ``ids`` (in id order) with balances as of ``day``.

    ``for_update`` locks the account rows until the transaction ends (PostgreSQL;
    SQLite's write transaction already holds the database), so what is decided
    from them is written back before anyone else can change them; ``open_only``
    leaves out accounts closed meanwhile (written off by an officer, say).
    """
    if not ids:
        return []
    lock = _LOCK if for_update and conn.dialect.name == "postgresql" else ""
    sql = _SELECT.format(ids=",".join(str(int(i)) for i in ids), open=_OPEN if open_only else "", lock=lock)
    rows = conn.exec_driver_sql(sql).fetchall()
    recompute = [r[0] for r in rows if r[12] is not None and stored_day(r[12]) > day]
    as_of = totals_as_of(conn, recompute, day) if recompute else {}
    out = []
    for r in rows:
        balance, paid, charged, last_paid, upcoming = r[8], r[9], r[10], stored_day(r[11]), None
        if r[0] in as_of:
            totals, upcoming = as_of[r[0]]
            balance, paid, charged, last_paid = totals.balance, totals.paid, totals.charged, totals.last_payment_on
        case = Case(
            r[0], r[1], r[2], r[3], r[4], stored_day(r[5]), stored_day(r[6]), r[7],
            balance, paid, charged, last_paid, day, _raw(r[13]), _raw(r[14]), r[17],
        )
        out.append(LoadedCase(case, stored_day(r[15]), stored_day(r[16]), upcoming))
    return out
