"""Shared helpers for the core tests: CSV writers, database snapshots, CLI shortcuts.

Loaded by the ``h`` fixture in this folder's conftest (tests run with
``--import-mode=importlib`` and the tests folder is not a package).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from arrears_test_csv import payment_lines

COUNCIL = "testshire"
# The test profile's sundry timeline (tests/data/sundry_council.toml): 21/14/14 days. A step
# falls due the day after its period runs out, so a case unpaid throughout is reviewed on its
# invoice date and moves on these offsets from it: reminder, final notice, further recovery.
TERMS, REMINDER, FINAL = 21, 14, 14
OFFSETS = (TERMS + 1, TERMS + 1 + REMINDER + 1, TERMS + 1 + REMINDER + 1 + FINAL + 1)  # 22, 37, 52


def write_invoices(path: Path, rows) -> Path:
    """rows: (reference, amount, date) or (reference, amount, date, debtor_ref)."""
    lines = ["reference,debt_type,debtor_ref,debtor_name,amount,date"]
    for row in rows:
        ref, amount, on = row[:3]
        debtor = row[3] if len(row) > 3 else f"D-{ref}"
        lines.append(f"{ref},sundry,{debtor},Debtor {debtor},{amount},{_iso(on)}")
    path.write_text("\n".join(lines) + "\n")
    return path


def write_payments(path: Path, rows) -> Path:
    """rows: (reference, amount, date)."""
    path.write_text("\n".join(payment_lines(rows)) + "\n")
    return path


def _iso(on) -> str:
    return on.isoformat() if isinstance(on, date) else str(on)


def days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def run_json(cli, on, *extra, council: str = COUNCIL) -> dict:
    result = cli("run", "--council", council, "--date", _iso(on), "--json", *extra)
    return json.loads(result.output)


def show(cli, ref: str, council: str = COUNCIL) -> dict:
    return json.loads(cli("account", "show", ref, "--council", council, "--json").output)


def moves_total(report: dict) -> int:
    return sum(sum(stages.values()) for stages in report["moves"].values())


def _plain(value):
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value  # SQLite may hand dates back as text through raw SQL
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return value


def snapshot(engine, council: str = COUNCIL) -> dict:
    """The council's recovery state without ids, run ids or timestamps, in a stable order."""
    md = sa.MetaData()
    md.reflect(engine, only=["account", "stage_event", "ledger_entry", "council"])
    acc, ev, le, co = (md.tables[t] for t in ("account", "stage_event", "ledger_entry", "council"))
    with engine.connect() as conn:
        accounts = [
            tuple(_plain(v) for v in row)
            for row in conn.execute(
                sa.select(acc.c.reference, acc.c.stage, acc.c.stage_since, acc.c.balance_pence,
                          acc.c.next_review_on, acc.c.closed_on, acc.c.next_bill_on, acc.c.state)
                .where(acc.c.council_id == council).order_by(acc.c.reference)
            )
        ]
        events = sorted(
            tuple(_plain(v) for v in row)
            for row in conn.execute(
                sa.select(acc.c.reference, ev.c.on_date, ev.c.from_stage, ev.c.to_stage, ev.c.rule, ev.c.reason,
                          ev.c.facts, ev.c.profile_version, ev.c.plugin_version, ev.c.officer_id)
                .join(acc, acc.c.id == ev.c.account_id).where(acc.c.council_id == council)
            )
        )
        ledger = sorted(
            (tuple(_plain(v) for v in row) for row in conn.execute(
                sa.select(acc.c.reference, le.c.kind, le.c.amount_pence, le.c.effective_on, le.c.code,
                          le.c.description, le.c.officer_id, le.c.reverses_id)
                .join(acc, acc.c.id == le.c.account_id).where(acc.c.council_id == council)
            )),
            key=repr,
        )
        last_run_on = conn.execute(sa.select(co.c.last_run_on).where(co.c.id == council)).scalar()
    return {"accounts": accounts, "events": events, "ledger": ledger, "last_run_on": _plain(last_run_on)}


def runs(engine, council: str = COUNCIL) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, status, dry_run, from_date, to_date FROM run WHERE council_id = :c ORDER BY id"),
            {"c": council},
        ).mappings().all()
    return [dict(r) for r in rows]


def ledger_sums(engine, council: str = COUNCIL) -> dict[str, tuple[int, int]]:
    """reference -> (cached balance, sum of its ledger entries)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT a.reference, a.balance_pence, COALESCE(SUM(l.amount_pence), 0) FROM account a "
            "LEFT JOIN ledger_entry l ON l.account_id = a.id WHERE a.council_id = :c "
            "GROUP BY a.reference, a.balance_pence"
        ), {"c": council}).all()
    return {ref: (int(cached), int(total)) for ref, cached, total in rows}


def last_event_matches_stage(engine, council: str = COUNCIL) -> list[str]:
    """References whose stage is not the target of their latest stage event (a half-applied move)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT a.reference, a.stage, a.stage_since, e.to_stage, e.on_date FROM account a "
            "JOIN stage_event e ON e.account_id = a.id WHERE a.council_id = :c "
            "AND e.id = (SELECT MAX(e2.id) FROM stage_event e2 WHERE e2.account_id = a.id)"
        ), {"c": council}).all()
    return [r[0] for r in rows if r[1] != r[3] or str(r[2]) != str(r[4])]


SCENARIO_START = date(2025, 2, 1)


def load_scenario(cli, folder: Path) -> None:
    """30 invoices from 1 February 2025, every other day, with full, part, split and over-payments."""
    invoices = [(f"S{i:02d}", f"{50 + 7 * i}.{(13 * i) % 100:02d}", SCENARIO_START + timedelta(days=2 * i))
                for i in range(30)]
    opened = {ref: on for ref, _, on in invoices}
    amount = {ref: amt for ref, amt, _ in invoices}
    plus = lambda ref, n: opened[ref] + timedelta(days=n)  # noqa: E731
    payments = [
        ("S03", amount["S03"], plus("S03", 10)),    # paid in full before the reminder
        ("S05", amount["S05"], plus("S05", 30)),    # paid in full between reminder and final notice
        ("S07", "20.00", plus("S07", 5)),           # part payment: escalation goes on
        ("S09", "30.00", plus("S09", 25)),          # paid in two parts, cleared after the final notice
        ("S09", f"{float(amount['S09']) - 30:.2f}", plus("S09", 45)),
        ("S11", "500.00", plus("S11", 60)),         # overpaid at further recovery
        ("S13", amount["S13"], opened["S13"]),      # paid on the invoice date
        ("S29", amount["S29"], plus("S29", 3)),
    ]
    cli("import", "accounts", write_invoices(folder / "scenario_accounts.csv", invoices), "--council", COUNCIL)
    cli("import", "payments", write_payments(folder / "scenario_payments.csv", payments), "--council", COUNCIL)
