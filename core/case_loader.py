"""Loading cases in chunks with SQLAlchemy Core, with their ledger totals as of a business date.

The account row's cached totals are the facts whenever the account has no
ledger entry dated after the business date (the usual case); otherwise, during
a catch-up over past days, the totals are recomputed from the ledger as of
that date.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .cases import Case
from .ledger import totals_as_of
from .models import Account, Debtor, LedgerEntry

__all__ = ["load_cases", "LoadedCase", "ids_clause", "ACCOUNT", "LEDGER", "DEBTOR"]

ACCOUNT = Account.__table__
LEDGER = LedgerEntry.__table__
DEBTOR = Debtor.__table__
A = ACCOUNT.c

_COLUMNS = (
    A.id, A.reference, A.debt_type, DEBTOR.c.kind, A.stage, A.stage_since, A.opened_on, A.amount_pence,
    A.balance_pence, A.paid_pence, A.charged_pence, A.last_payment_on, A.last_entry_on,
    sa.type_coerce(A.attrs, sa.Text), sa.type_coerce(A.state, sa.Text), A.next_bill_on, A.next_review_on,
)


@dataclass(slots=True)
class LoadedCase:
    """A case with what the runner needs besides: when it is due for billing and review, its next later entry."""

    case: Case
    next_bill_on: date | None
    next_review_on: date | None
    upcoming: date | None


def ids_clause(column, ids: Sequence[int]):
    """``column IN (...)`` with the integer ids written into the SQL (no per-id bind parameters)."""
    return sa.text(f"{column.table.name}.{column.name} IN ({','.join(str(int(i)) for i in ids)})")


def _json(text) -> dict:
    if text is None or text == "{}":
        return {}
    if isinstance(text, dict):
        return text
    return json.loads(text)


def load_cases(conn: Connection, ids: Sequence[int], day: date) -> list[LoadedCase]:
    """Cases for ``ids`` (in id order) with balances as of ``day``."""
    if not ids:
        return []
    rows = conn.execute(
        sa.select(*_COLUMNS)
        .join(DEBTOR, DEBTOR.c.id == A.debtor_id)
        .where(ids_clause(A.id, ids))
        .order_by(A.id)
        
    ).all()
    recompute = [r[0] for r in rows if r[12] is not None and r[12] > day]
    as_of = totals_as_of(conn, recompute, day) if recompute else {}
    out = []
    for r in rows:
        balance, paid, charged, last_paid, upcoming = r[8], r[9], r[10], r[11], None
        if r[0] in as_of:
            totals, upcoming = as_of[r[0]]
            balance, paid, charged, last_paid = totals.balance, totals.paid, totals.charged, totals.last_payment_on
        case = Case(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
            balance, paid, charged, last_paid, day, _json(r[13]), _json(r[14]),
        )
        out.append(LoadedCase(case, r[15], r[16], upcoming))
    return out
