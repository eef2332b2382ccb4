"""Loading cases in chunks with SQLAlchemy Core, with ledger facts as of a business date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .cases import Case
from .models import Account, Debtor, LedgerEntry

__all__ = ["load_cases", "ACCOUNT", "LEDGER", "DEBTOR"]

ACCOUNT = Account.__table__
LEDGER = LedgerEntry.__table__
DEBTOR = Debtor.__table__

_ids = sa.bindparam("ids", expanding=True)
_day = sa.bindparam("day", type_=sa.Date)
_le = LEDGER.c
_on_or_before = _le.effective_on <= _day

_CASE_ROWS = (
    sa.select(
        ACCOUNT.c.id, ACCOUNT.c.reference, ACCOUNT.c.debt_type, DEBTOR.c.kind, ACCOUNT.c.stage,
        ACCOUNT.c.stage_since, ACCOUNT.c.opened_on, ACCOUNT.c.amount_pence, ACCOUNT.c.attrs, ACCOUNT.c.state,
    )
    .join(DEBTOR, DEBTOR.c.id == ACCOUNT.c.debtor_id)
    .where(ACCOUNT.c.id.in_(_ids))
)

_LEDGER_FACTS = (
    sa.select(
        _le.account_id,
        sa.func.sum(sa.case((_on_or_before, _le.amount_pence), else_=0)),
        sa.func.sum(sa.case((sa.and_(_on_or_before, _le.kind == "payment"), -_le.amount_pence), else_=0)),
        sa.func.sum(
            sa.case((sa.and_(_on_or_before, _le.kind.in_(("charge", "fee"))), _le.amount_pence), else_=0)
        ),
        sa.func.max(sa.case((sa.and_(_on_or_before, _le.kind == "payment"), _le.effective_on))),
        sa.func.min(sa.case((_le.effective_on > _day, _le.effective_on))),
    )
    .where(_le.account_id.in_(_ids))
    .group_by(_le.account_id)
)


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def load_cases(conn: Connection, ids: Sequence[int], day: date) -> tuple[list[Case], dict[int, date]]:
    """Cases for ``ids`` as of ``day``, and for each the date of its next ledger entry after ``day``."""
    facts = {}
    upcoming: dict[int, date] = {}
    for account_id, balance, paid, charged, last_paid, next_entry in conn.execute(
        _LEDGER_FACTS, {"ids": list(ids), "day": day}
    ):
        facts[account_id] = (int(balance or 0), int(paid or 0), int(charged or 0), _as_date(last_paid))
        if next_entry is not None:
            upcoming[account_id] = _as_date(next_entry)
    empty = (0, 0, 0, None)
    cases = []
    for row in conn.execute(_CASE_ROWS, {"ids": list(ids)}):
        balance, paid, charged, last_paid = facts.get(row[0], empty)
        cases.append(
            Case(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                balance, paid, charged, last_paid, day, row[8] or {}, row[9] or {},
            )
        )
    cases.sort(key=lambda c: c.id)
    return cases, upcoming
