"""Officer actions: which a case's stage allows, checking one as it is filled in, and recording it.

Checking and recording share one decision (:func:`_decide`), so a form that
checks as the officer types shows exactly the refusal the command line gives,
and what it previews (the stage the case goes to, the fees) is what is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..cases import Move, WriteOffRequest
from ..context import Context
from ..engine.case_loader import ACCOUNT, DEBTOR, LEDGER, load_cases
from ..engine.plugins import PluginHost
from ..engine.priorities import Priorities
from ..engine.registration import council_profile
from ..errors import ActionRefused
from ..statutory.enforcement import agent_step_problem
from ..store.db import busy_refused, writing
from ..store.ledger import Totals, add_entry, apply_totals
from ..store.models import AccountParty, StageEvent, utcnow
from ..store.stage_counts import add_stage_counts
from .accounts import account_row, resolve_officer
from .write_off import authorise_write_off

__all__ = ["list_actions", "check_action", "record_action", "WRITE_OFF_FIELDS"]

EVENT = StageEvent.__table__
PARTY = AccountParty.__table__
WRITE_OFF_FIELDS = ("consulted",)
"""Fields every write-off action may carry besides the debt type's own: who was consulted first."""


def list_actions(engine: Engine, host: PluginHost, council_id: str, reference: str) -> list[dict[str, Any]]:
    """The officer actions the account's stage allows, each with the fields it needs and those it may take."""
    with engine.connect() as conn:
        acc = account_row(conn, council_id, reference)
    ladder = host.debt_type(acc.debt_type).ladder
    return [
        {"action": a.name, "to_stage": a.to_stage or acc.stage, "description": a.description, "fields": list(a.fields),
         "optional_fields": list(a.optional_fields) + (list(WRITE_OFF_FIELDS) if a.name == "write_off" else [])}
        for a in ladder.actions(acc.stage)
    ]


@dataclass
class _Decision:
    target: str
    moves: bool
    facts: dict[str, Any]
    reason: str
    entries: list[dict[str, Any]]
    fees_pence: int
    new_state: dict | None
    terminal: bool
    balance_pence: int


def _decide(conn: Connection, host: PluginHost, profile, officer, acc, action: str, fields: dict[str, str], on: date) -> _Decision:
    """Everything the action would do to the case as it stands, or :class:`ActionRefused` saying why it cannot."""
    reference = acc.reference
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
    ctx = Context(profile.council_id, debt_type, profile.params(acc.debt_type, on), profile.calendar, on, profile, profile.version)
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
            "account_id": acc.id, "kind": "write_off", "amount_pence": -(case.balance_pence + fees_pence + posted_pence),
            "effective_on": on, "code": fields["reason"][:60], "description": f"Written off: {fields['reason']}",
            "officer_id": officer.id, "created_at": utcnow(),
        })
    return _Decision(target, spec.to_stage is not None, facts, move.reason, entries, fees_pence, new_state,
                     ladder.is_terminal(target), case.balance_pence)


def check_action(engine: Engine, host: PluginHost, council_id: str, reference: str, action: str,
                 fields: dict[str, str], officer_login: str, on: date) -> dict[str, Any]:
    """What recording the action would do (the stage it leads to, the fees), or :class:`ActionRefused` with the
    reason the command line would give. Reads only: nothing is locked or written."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        officer = resolve_officer(conn, council_id, officer_login)
        acc = account_row(conn, council_id, reference)
        decision = _decide(conn, host, profile, officer, acc, action, fields, on)
    return {"reference": reference, "action": action, "from": acc.stage, "to": decision.target,
            "fees_pence": decision.fees_pence, "reason": decision.reason}


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
        acc = account_row(conn, council_id, reference, for_update=True)
        d = _decide(conn, host, profile, officer, acc, action, fields, on)
        if d.entries:
            conn.execute(sa.insert(LEDGER), d.entries)
            totals = Totals()
            for entry in d.entries:
                add_entry(totals, entry["kind"], entry["amount_pence"], on)
            apply_totals(conn, {acc.id: totals})
        conn.execute(sa.insert(EVENT).values(
            account_id=acc.id, on_date=on, from_stage=acc.stage, to_stage=d.target, rule=action,
            reason=d.reason, facts=d.facts, profile_version=profile.version,
            plugin_version=host.debt_type(acc.debt_type).version, officer_id=officer.id, created_at=utcnow(),
        ))
        values = dict(
            stage=d.target, stage_since=on if d.moves else acc.stage_since,
            closed_on=on if d.terminal else None, next_review_on=None if d.terminal else on,
        )
        if d.new_state is not None:
            values["state"] = d.new_state
        if d.target != acc.stage:
            values["priority"] = Priorities(host, profile).of(acc.debt_type, d.target, d.balance_pence)
            add_stage_counts(conn, council_id, {(acc.debt_type, acc.stage): -1, (acc.debt_type, d.target): 1})
        conn.execute(sa.update(ACCOUNT).where(ACCOUNT.c.id == acc.id).values(**values))
    return {"reference": reference, "action": action, "from": acc.stage, "to": d.target, "fees_pence": d.fees_pence,
            "officer": officer.login}
