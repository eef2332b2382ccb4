"""The ledger's cached totals on each account: how entries change them, and the check against the ledger.

Entries are signed pence: charges and fees positive, payments and write-offs
negative. ``charged`` counts charges and fees; ``paid`` counts payments (as a
positive number).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .models import Account, LedgerEntry

__all__ = ["Totals", "add_entry", "apply_totals", "verify_ledger", "totals_as_of"]

ACCOUNT = Account.__table__
LEDGER = LedgerEntry.__table__
A = ACCOUNT.c
L = LEDGER.c


@dataclass(slots=True)
class Totals:
    """What a set of entries adds to an account's cached totals."""

    balance: int = 0
    paid: int = 0
    charged: int = 0
    last_payment_on: date | None = None
    last_entry_on: date | None = None


def add_entry(totals: Totals, kind: str, amount_pence: int, on: date) -> Totals:
    """Fold one ledger entry into ``totals``."""
    totals.balance += amount_pence
    if kind == "payment":
        totals.paid -= amount_pence
        if totals.last_payment_on is None or on > totals.last_payment_on:
            totals.last_payment_on = on
    elif kind in ("charge", "fee"):
        totals.charged += amount_pence
    if totals.last_entry_on is None or on > totals.last_entry_on:
        totals.last_entry_on = on
    return totals


def _later(column, param: str):
    value = sa.bindparam(param, type_=sa.Date)
    return sa.case((sa.or_(column.is_(None), sa.and_(value.is_not(None), column < value)), value), else_=column)


def totals_update(prefix: str = "t"):
    """The values clause that adds a :class:`Totals` (bound as ``{prefix}_*``) to an account row."""
    return {
        "balance_pence": A.balance_pence + sa.bindparam(f"{prefix}_balance"),
        "paid_pence": A.paid_pence + sa.bindparam(f"{prefix}_paid"),
        "charged_pence": A.charged_pence + sa.bindparam(f"{prefix}_charged"),
        "last_payment_on": sa.case(
            (sa.bindparam(f"{prefix}_last_payment", type_=sa.Date).is_(None), A.last_payment_on),
            else_=_later(A.last_payment_on, f"{prefix}_last_payment"),
        ),
        "last_entry_on": sa.case(
            (sa.bindparam(f"{prefix}_last_entry", type_=sa.Date).is_(None), A.last_entry_on),
            else_=_later(A.last_entry_on, f"{prefix}_last_entry"),
        ),
    }


def totals_params(totals: Totals, prefix: str = "t") -> dict:
    return {
        f"{prefix}_balance": totals.balance,
        f"{prefix}_paid": totals.paid,
        f"{prefix}_charged": totals.charged,
        f"{prefix}_last_payment": totals.last_payment_on,
        f"{prefix}_last_entry": totals.last_entry_on,
    }


def apply_totals(conn: Connection, by_account: dict[int, Totals]) -> None:
    """Add each account's :class:`Totals` to its cached totals."""
    if not by_account:
        return
    conn.execute(
        sa.update(ACCOUNT).where(A.id == sa.bindparam("t_id")).values(**totals_update()),
        [{"t_id": account_id, **totals_params(t)} for account_id, t in by_account.items()],
    )


_AS_OF = sa.bindparam("day", type_=sa.Date)
_ON_OR_BEFORE = L.effective_on <= _AS_OF


def totals_as_of(conn: Connection, ids: Sequence[int], day: date) -> dict[int, tuple[Totals, date | None]]:
    """The totals of each account counting only entries dated on or before ``day``, and its next later entry date."""
    if not ids:
        return {}
    query = (
        sa.select(
            L.account_id,
            sa.func.sum(sa.case((_ON_OR_BEFORE, L.amount_pence), else_=0)),
            sa.func.sum(sa.case((sa.and_(_ON_OR_BEFORE, L.kind == "payment"), -L.amount_pence), else_=0)),
            sa.func.sum(sa.case((sa.and_(_ON_OR_BEFORE, L.kind.in_(("charge", "fee"))), L.amount_pence), else_=0)),
            sa.func.max(sa.case((sa.and_(_ON_OR_BEFORE, L.kind == "payment"), L.effective_on))),
            sa.func.max(sa.case((_ON_OR_BEFORE, L.effective_on))),
            sa.func.min(sa.case((L.effective_on > _AS_OF, L.effective_on))),
        )
        .where(L.account_id.in_(list(ids)))
        .group_by(L.account_id)
    )
    out = {}
    for account_id, balance, paid, charged, last_paid, last_entry, upcoming in conn.execute(query, {"day": day}):
        out[account_id] = (
            Totals(int(balance or 0), int(paid or 0), int(charged or 0), _d(last_paid), _d(last_entry)),
            _d(upcoming),
        )
    return out


def _d(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def verify_ledger(conn: Connection, council_id: str, references: Iterable[str] | None = None) -> list[str]:
    """References of accounts whose cached totals differ from their ledger (empty when all agree)."""
    sums = (
        sa.select(
            L.account_id.label("account_id"),
            sa.func.sum(L.amount_pence).label("balance"),
            sa.func.sum(sa.case((L.kind == "payment", -L.amount_pence), else_=0)).label("paid"),
            sa.func.sum(sa.case((L.kind.in_(("charge", "fee")), L.amount_pence), else_=0)).label("charged"),
            sa.func.max(sa.case((L.kind == "payment", L.effective_on))).label("last_payment"),
            sa.func.max(L.effective_on).label("last_entry"),
        )
        .group_by(L.account_id)
        .subquery()
    )
    query = (
        sa.select(A.reference, A.balance_pence, A.paid_pence, A.charged_pence, A.last_payment_on, A.last_entry_on,
                  sums.c.balance, sums.c.paid, sums.c.charged, sums.c.last_payment, sums.c.last_entry)
        .outerjoin(sums, sums.c.account_id == A.id)
        .where(A.council_id == council_id)
    )
    if references is not None:
        query = query.where(A.reference.in_(list(references)))
    bad = []
    for row in conn.execute(query):
        cached = (row[1], row[2], row[3], row[4], row[5])
        actual = (int(row[6] or 0), int(row[7] or 0), int(row[8] or 0), _d(row[9]), _d(row[10]))
        if cached != actual:
            bad.append(row[0])
    return bad
