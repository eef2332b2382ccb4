"""A case as one line of a queue: the columns read and the line an officer sees (labels, days at stage, flags)."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ...engine.plugins import PluginHost
from ...profiles.profile import Profile
from ...store.models import Account, AccountParty, Debtor

__all__ = ["ROW_COLUMNS", "rows_out", "joint_ids", "FLAGS"]

ACCOUNT, DEBTOR, PARTY = Account.__table__, Debtor.__table__, AccountParty.__table__
ROW_COLUMNS = (
    ACCOUNT.c.id, ACCOUNT.c.reference, ACCOUNT.c.debt_type, ACCOUNT.c.stage, ACCOUNT.c.stage_since,
    ACCOUNT.c.balance_pence, ACCOUNT.c.priority, ACCOUNT.c.next_review_on, ACCOUNT.c.closed_on, ACCOUNT.c.opened_on,
    DEBTOR.c.reference.label("debtor_ref"), DEBTOR.c.name.label("debtor_name"),
)
FLAGS = {
    "review": "its review date has come",
    "overdue": "waiting for an officer's decision longer than the council's limit",
    "decide": "waiting for an officer's decision",
    "joint": "more than one person is liable",
    "closed": "recovery ended",
}
"""The flags a queue line may carry, with what each means (the TUI's help lists them)."""


def joint_ids(conn: Connection, ids: list[int]) -> set[int]:
    """Which of the accounts ``ids`` have someone else jointly liable."""
    if not ids:
        return set()
    return set(conn.execute(sa.select(PARTY.c.account_id).where(PARTY.c.account_id.in_(ids)).distinct()).scalars())


def rows_out(host: PluginHost, profile: Profile, rows: list, on: date, joint: set[int] = frozenset()) -> list[dict[str, Any]]:
    """Queue lines for ``rows`` (of :data:`ROW_COLUMNS`) as of ``on``."""
    out = []
    for r in rows:
        debt_type = host.debt_types.get(r.debt_type)
        stage = debt_type.ladder.get(r.stage) if debt_type else None
        days = (on - r.stage_since).days if r.stage_since else None
        flags = []
        if r.closed_on is not None:
            flags.append("closed")
        else:
            if r.next_review_on is not None and r.next_review_on <= on:
                flags.append("review")
            if stage is not None and stage.officer_decides:
                late = days is not None and days > profile.queues.decision_days_for(r.debt_type)
                flags.append("overdue" if late else "decide")
        if r.id in joint:
            flags.append("joint")
        out.append({
            "reference": r.reference, "debtor_ref": r.debtor_ref, "debtor_name": r.debtor_name,
            "debt_type": r.debt_type, "debt_type_label": debt_type.label if debt_type else r.debt_type,
            "balance_pence": r.balance_pence, "stage": r.stage, "stage_label": stage.label if stage else r.stage,
            "stage_since": r.stage_since.isoformat() if r.stage_since else None, "days_at_stage": days,
            "priority": r.priority, "next_review_on": r.next_review_on.isoformat() if r.next_review_on else None,
            "opened_on": r.opened_on.isoformat(), "closed_on": r.closed_on.isoformat() if r.closed_on else None,
            "flags": flags,
        })
    return out
