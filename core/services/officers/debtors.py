"""A debtor as one person: every account they are liable for, across debt types, in the council's priority order."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ...engine.plugins import PluginHost
from ...engine.registration import council_profile
from ...errors import NotFound
from .pages import LAST
from .lines import ACCOUNT, DEBTOR, PARTY, ROW_COLUMNS, joint_ids, rows_out

__all__ = ["show_debtor"]


def show_debtor(engine: Engine, host: PluginHost, council_id: str, debtor_ref: str, on: date) -> dict[str, Any]:
    """The debtor ``debtor_ref`` with each account they owe on (their own and those held jointly), open ones first by
    priority (the hierarchy of debt) then largest balance, and totals by debt type."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        debtor = conn.execute(sa.select(DEBTOR).where(DEBTOR.c.council_id == council_id, DEBTOR.c.reference == debtor_ref)).first()
        if debtor is None:
            raise NotFound(f"no debtor {debtor_ref!r} for council {council_id!r}")
        # Each by its own index (not one OR, not the council's every account): the debtor's own, then those held jointly.
        lines = sa.select(*ROW_COLUMNS, ACCOUNT.c.council_id).join(DEBTOR, DEBTOR.c.id == ACCOUNT.c.debtor_id)
        own = conn.execute(lines.where(ACCOUNT.c.debtor_id == debtor.id)).all()
        held = list(conn.execute(sa.select(PARTY.c.account_id).where(PARTY.c.debtor_id == debtor.id)).scalars())
        joint = conn.execute(lines.where(ACCOUNT.c.id.in_(held))).all() if held else []
        rows = list({r.id: r for r in own + joint if r.council_id == council_id}.values())
        shared = joint_ids(conn, [r.id for r in rows])
    rows.sort(key=lambda r: (r.closed_on is not None, LAST if r.priority is None else r.priority, -r.balance_pence, r.reference))
    accounts = rows_out(host, profile, rows, on, shared)
    by_type: dict[str, dict[str, Any]] = defaultdict(lambda: {"open": 0, "balance_pence": 0})
    for line in accounts:
        if line["closed_on"] is None:
            by_type[line["debt_type"]]["open"] += 1
            by_type[line["debt_type"]]["balance_pence"] += line["balance_pence"]
            by_type[line["debt_type"]]["label"] = line["debt_type_label"]
    return {
        "council": council_id,
        "debtor": {"reference": debtor.reference, "name": debtor.name, "kind": debtor.kind},
        "accounts": accounts,
        "totals": {
            "open_accounts": sum(t["open"] for t in by_type.values()),
            "closed_accounts": sum(1 for line in accounts if line["closed_on"] is not None),
            "balance_pence": sum(t["balance_pence"] for t in by_type.values()),
            "by_debt_type": dict(sorted(by_type.items())),
        },
    }
