"""Case services: show an account with its whole timeline, list and record officer actions."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..engine.case_loader import ACCOUNT, DEBTOR, LEDGER, load_cases
from ..cases import Move, WriteOffRequest, read_schedule
from ..context import Context
from ..store.db import busy_refused, writing
from ..statutory.enforcement import agent_step_problem
from ..engine.priorities import Priorities
from ..engine.registration import council_profile, council_row
from ..errors import ActionRefused, NotFound
from ..store.ledger import Totals, add_entry, apply_totals
from ..store.locks import ACTION_LOCK_WAIT
from ..store.stage_counts import add_stage_counts
from ..store.models import AccountParty, Officer, StageEvent, utcnow
from ..engine.plugins import PluginHost
from .write_off import authorise_write_off

__all__ = ["council_of", "show_account", "list_actions", "record_action", "resolve_officer", "add_officer"]

EVENT = StageEvent.__table__
OFFICER = Officer.__table__
PARTY = AccountParty.__table__
WRITE_OFF_FIELDS = ("consulted",)
"""Fields every write-off action may carry besides the debt type's own: who was consulted first (WE-29)."""


def _account(conn: Connection, council_id: str, reference: str, *, for_update: bool = False):
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


def show_account(engine: Engine, host: PluginHost, council_id: str, reference: str) -> dict[str, Any]:
    """Everything about an account: who owes what, where it stands, and every event with its reason."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        acc = _account(conn, council_id, reference)
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
        "schedule": [{"due_on": d.isoformat(), "amount_pence": p} for d, p in read_schedule(acc.schedule)],
        "timeline": timeline,
    }


def list_actions(engine: Engine, host: PluginHost, council_id: str, reference: str) -> list[dict[str, Any]]:
    """The officer actions the account's stage allows."""
    with engine.connect() as conn:
        acc = _account(conn, council_id, reference)
    ladder = host.debt_type(acc.debt_type).ladder
    return [
        {"action": a.name, "to_stage": a.to_stage or acc.stage, "description": a.description, "fields": list(a.fields),
         "optional_fields": list(a.optional_fields)}
        for a in ladder.actions(acc.stage)
    ]


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


def record_action(
    engine: Engine, host: PluginHost, council_id: str, reference: str, action: str,
    fields: dict[str, str], officer_login: str, on: date,
) -> dict[str, Any]:
    """Record an officer's action: check the stage allows it and its fields, move the case, audit who and why.

    The account is locked first, so the action is decided on the case as it is
    and neither it nor the nightly run can overwrite the other; when the run
    holds the case for longer than a short wait the action is refused with
    :class:`~arrears.errors.Busy` and nothing is recorded.
    """
    with busy_refused(f"{reference}: {action}"), writing(engine) as conn:
        profile = council_profile(conn, host, council_id)
        officer = resolve_officer(conn, council_id, officer_login)
        acc = _account(conn, council_id, reference, for_update=True)
        debt_type = host.debt_type(acc.debt_type)
        if acc.stage_since is not None and on < acc.stage_since:
            raise ActionRefused(
                f"{reference}: {action}: dated {on.isoformat()}, before the case reached stage {acc.stage!r} on "
                f"{acc.stage_since.isoformat()}; an action cannot be recorded before the stage it acts on"
            )
        ladder = debt_type.ladder
        allowed = {a.name: a for a in ladder.actions(acc.stage)}
        if action not in allowed:
            names = ", ".join(allowed) or "none"
            raise ActionRefused(f"{reference} is at stage {acc.stage!r}, which does not allow {action!r} (allowed: {names})")
        spec = allowed[action]
        known = spec.fields + spec.optional_fields + (WRITE_OFF_FIELDS if action == "write_off" else ())
        missing = [name for name in spec.fields if not fields.get(name)]
        unknown = [name for name in fields if name not in known]
        if missing or unknown:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(f"{m}=..." for m in missing))
            if unknown:
                parts.append("unknown " + ", ".join(unknown))
            raise ActionRefused(f"{action}: {'; '.join(parts)} (fields: {', '.join(known) or 'none'})")
        case = load_cases(conn, [acc.id], on)[0].case
        facts: dict[str, Any] = {"stage": acc.stage, "balance_pence": case.balance_pence, **fields}
        if action == "write_off":
            request = WriteOffRequest(profile.council_id, acc.debt_type, acc.reference, case.balance_pence, fields.get("reason", ""), acc.stage)
            facts.update(authorise_write_off(host, profile, officer, request, fields.get("consulted")))
        ctx = Context(council_id, debt_type, profile.params(acc.debt_type, on), profile.calendar, on, profile, profile.version)
        refusal = agent_step_problem(case, action, fields, ctx)
        if refusal:
            raise ActionRefused(f"{reference}: {action}: {refusal}")
        rules = debt_type.rules
        liable = [acc.debtor_ref] + list(conn.execute(
            sa.select(DEBTOR.c.reference).join(PARTY, PARTY.c.debtor_id == DEBTOR.c.id).where(PARTY.c.account_id == acc.id)
        ).scalars())
        refusal = rules.check_action(case, action, fields, ctx, liable)
        if refusal:
            raise ActionRefused(f"{reference}: {action}: {refusal}")
        target = spec.to_stage or acc.stage  # an action with no target records a fact and stays
        new_state = rules.action_state(case, action, fields, ctx)
        said = spec.description
        extra, explanation = rules.action_facts(case, action, fields, ctx) or ({}, "")
        facts.update(extra)
        said = f"{said} {explanation}" if explanation else said
        move = Move(target, action, f"{said} Recorded by {officer.login}.", facts)
        fees = [f for answer in host.hook.transition_fees(context=ctx, moves=[(case, move)]) for f in (answer or ())]
        entries = [{
            "account_id": acc.id, "kind": fee.kind, "amount_pence": fee.amount_pence, "effective_on": on,
            "code": fee.code, "description": fee.description, "officer_id": officer.id, "created_at": utcnow(),
        } for fee in fees]
        posted = rules.action_entries(case, action, fields, ctx)
        for charge in posted or ():
            if charge.kind not in ("charge", "adjustment"):
                raise ActionRefused(f"{action}: a debt type may post charges or adjustments, not {charge.kind!r}")
            entries.append({
                "account_id": acc.id, "kind": charge.kind, "amount_pence": charge.amount_pence, "effective_on": charge.on,
                "code": action[:60], "description": charge.description, "officer_id": officer.id, "created_at": utcnow(),
            })
            facts.setdefault("posted_pence", 0)
            facts["posted_pence"] += charge.amount_pence
        fees_pence = sum(f.amount_pence for f in fees)
        posted_pence = sum(c.amount_pence for c in posted or ())
        if action == "write_off" and case.balance_pence + fees_pence + posted_pence > 0:
            entries.append({
                "account_id": acc.id, "kind": "write_off", "amount_pence": -(case.balance_pence + fees_pence + posted_pence), "effective_on": on,
                "code": fields["reason"][:60], "description": f"Written off: {fields['reason']}",
                "officer_id": officer.id, "created_at": utcnow(),
            })
        if entries:
            conn.execute(sa.insert(LEDGER), entries)
            totals = Totals()
            for entry in entries:
                add_entry(totals, entry["kind"], entry["amount_pence"], on)
            apply_totals(conn, {acc.id: totals})
        conn.execute(sa.insert(EVENT).values(
            account_id=acc.id, on_date=on, from_stage=acc.stage, to_stage=target, rule=action,
            reason=move.reason, facts=facts, profile_version=profile.version, plugin_version=debt_type.version,
            officer_id=officer.id, created_at=utcnow(),
        ))
        terminal = ladder.is_terminal(target)
        values = dict(
            stage=target, stage_since=on if spec.to_stage else acc.stage_since,
            closed_on=on if terminal else None, next_review_on=None if terminal else on,
        )
        if new_state is not None:
            values["state"] = new_state
        if target != acc.stage:
            values["priority"] = Priorities(host, profile).of(acc.debt_type, target, case.balance_pence)
            add_stage_counts(conn, council_id, {(acc.debt_type, acc.stage): -1, (acc.debt_type, target): 1})
        conn.execute(sa.update(ACCOUNT).where(ACCOUNT.c.id == acc.id).values(**values))
    return {"reference": reference, "action": action, "from": acc.stage, "to": target, "fees_pence": fees_pence, "officer": officer.login}

