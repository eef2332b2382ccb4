"""Case services: show an account with its whole timeline; officers and who they are (actions: :mod:`.actions`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..engine.case_loader import ACCOUNT, DEBTOR, LEDGER
from ..cases import read_schedule
from ..store.db import writing
from ..engine.registration import council_profile, council_row
from ..errors import ActionRefused, NotFound
from ..store.locks import ACTION_LOCK_WAIT
from ..store.models import AccountParty, Officer, StageEvent, utcnow
from ..engine.plugins import PluginHost

__all__ = ["council_of", "show_account", "resolve_officer", "add_officer", "account_row"]

EVENT = StageEvent.__table__
OFFICER = Officer.__table__
PARTY = AccountParty.__table__


def account_row(conn: Connection, council_id: str, reference: str, *, for_update: bool = False):
    """The account row with its debtor; ``for_update`` locks it until the transaction ends (waiting a little at most)."""
    query = (
        sa.select(ACCOUNT, DEBTOR.c.reference.label("debtor_ref"), DEBTOR.c.name.label("debtor_name"), DEBTOR.c.kind.label("debtor_kind"))
        .join(DEBTOR, DEBTOR.c.id == ACCOUNT.c.debtor_id)
        .where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.reference == reference)
    )
    if for_update and conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{ACTION_LOCK_WAIT}'")
        query = query.with_for_update(of=ACCOUNT, key_share=True)
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no account {reference!r} for council {council_id!r}")
    return row


def council_of(engine: Engine, reference: str) -> str:
    """The council holding account ``reference``, when only one does."""
    with engine.connect() as conn:
        found = list(conn.execute(
            sa.select(ACCOUNT.c.council_id).where(ACCOUNT.c.reference == reference).distinct()
        ).scalars())
    if not found:
        raise NotFound(f"no account {reference!r}")
    if len(found) > 1:
        raise NotFound(f"account {reference!r} exists for councils {', '.join(sorted(found))}; give --council")
    return found[0]


def schedule_status(schedule: list, paid_pence: int, on: date | None) -> list[dict[str, Any]]:
    """Each instalment with what of it is paid (payments applied in due order) and, as of ``on``, whether it is late."""
    left = max(paid_pence, 0)
    out = []
    for due_on, amount in read_schedule(schedule):
        paid = min(left, amount) if amount > 0 else amount
        left -= max(paid, 0)
        if paid >= amount:
            status = "paid"
        elif on is not None and due_on < on:
            status = "late"
        else:
            status = "part paid" if paid else "due"
        out.append({"due_on": due_on.isoformat(), "amount_pence": amount, "paid_pence": paid, "status": status})
    return out


def show_account(engine: Engine, host: PluginHost, council_id: str, reference: str, on: date | None = None) -> dict[str, Any]:
    """Everything about an account: who owes what, where it stands, its schedule (late instalments as of ``on``),
    and every event with its reason."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        acc = account_row(conn, council_id, reference)
        ledger = conn.execute(
            sa.select(LEDGER).where(LEDGER.c.account_id == acc.id).order_by(LEDGER.c.effective_on, LEDGER.c.id)
        ).all()
        events = conn.execute(
            sa.select(EVENT, OFFICER.c.login)
            .outerjoin(OFFICER, OFFICER.c.id == EVENT.c.officer_id)
            .where(EVENT.c.account_id == acc.id)
            .order_by(EVENT.c.on_date, EVENT.c.id)
        ).all()
        parties = conn.execute(
            sa.select(DEBTOR.c.reference, DEBTOR.c.name).join(PARTY, PARTY.c.debtor_id == DEBTOR.c.id)
            .where(PARTY.c.account_id == acc.id)
        ).all()
    debt_type = host.debt_types.get(acc.debt_type)
    ledger_sum = sum(e.amount_pence for e in ledger)
    timeline: list[dict[str, Any]] = []
    for e in ledger:
        timeline.append({
            "date": e.effective_on.isoformat(), "type": e.kind, "amount_pence": e.amount_pence,
            "description": e.description, "code": e.code,
        })
    for ev in events:
        timeline.append({
            "date": ev.on_date.isoformat(), "type": "stage", "from": ev.from_stage, "to": ev.to_stage,
            "rule": ev.rule, "reason": ev.reason, "facts": ev.facts, "profile_version": ev.profile_version,
            "plugin_version": ev.plugin_version, "run_id": ev.run_id, "officer": ev.login,
        })
    order = {"charge": 0, "payment": 1, "adjustment": 1, "reversal": 1, "stage": 2, "fee": 3, "write_off": 4}
    timeline.sort(key=lambda t: (t["date"], order.get(t["type"], 5)))
    priority = host.hook.case_priority(profile=profile, debt_type=acc.debt_type, stage=acc.stage, balance_pence=acc.balance_pence)
    return {
        "council": council_id,
        "reference": acc.reference,
        "debt_type": acc.debt_type,
        "debt_type_label": debt_type.label if debt_type else acc.debt_type,
        "debtor": {"reference": acc.debtor_ref, "name": acc.debtor_name, "kind": acc.debtor_kind},
        "joint_debtors": [{"reference": p.reference, "name": p.name} for p in parties],
        "opened_on": acc.opened_on.isoformat(),
        "amount_pence": acc.amount_pence,
        "balance_pence": ledger_sum,
        "balance_cache_ok": ledger_sum == acc.balance_pence,
        "stage": acc.stage,
        "stage_label": debt_type.ladder.stage(acc.stage).label if debt_type else acc.stage,
        "stage_since": acc.stage_since.isoformat(),
        "next_review_on": acc.next_review_on.isoformat() if acc.next_review_on else None,
        "closed_on": acc.closed_on.isoformat() if acc.closed_on else None,
        "priority": priority,
        "attrs": acc.attrs,
        "paid_pence": acc.paid_pence,
        "schedule": schedule_status(acc.schedule, acc.paid_pence, on),
        "timeline": timeline,
    }


def add_officer(engine: Engine, council_id: str, login: str, role: str, write_off_limit_pence: int | None = None) -> int:
    """Register (or update) an officer of a council; a login is 1 to 120 characters without spaces or control characters."""
    problem = _login_problem(login)
    if problem:
        raise ActionRefused(f"officer login {login!r}: {problem}")
    if len(role) > 60 or not role.strip():
        raise ActionRefused(f"officer role {role!r}: give a role of 1 to 60 characters")
    with writing(engine) as conn:
        council_row(conn, council_id)
        row = conn.execute(
            sa.select(OFFICER.c.id).where(OFFICER.c.council_id == council_id, OFFICER.c.login == login)
        ).first()
        if row:
            conn.execute(sa.update(OFFICER).where(OFFICER.c.id == row.id).values(role=role, write_off_limit_pence=write_off_limit_pence))
            return row.id
        return conn.execute(
            sa.insert(OFFICER).values(
                council_id=council_id, login=login, role=role, write_off_limit_pence=write_off_limit_pence, created_at=utcnow()
            ).returning(OFFICER.c.id)
        ).scalar_one()


def _login_problem(login: str) -> str | None:
    if not login or not login.strip():
        return "is empty"
    if len(login) > 120:
        return f"is {len(login)} characters long; at most 120"
    if any(ch.isspace() or not ch.isprintable() for ch in login):
        return "contains spaces or control characters"
    return None


def resolve_officer(conn: Connection, council_id: str, login: str):
    """The officer record for ``login``; an officer acts only for councils they belong to."""
    row = conn.execute(
        sa.select(OFFICER).where(OFFICER.c.council_id == council_id, OFFICER.c.login == login)
    ).first()
    if row is None:
        raise ActionRefused(
            f"{login!r} is not an officer of council {council_id!r}; add them with "
            f"`arrears officer add {login} --council {council_id} --role ROLE`"
        )
    return row
