"""A demonstration: synthetic sundry invoices and Council Tax demands for a bundled council, months of nightly runs, payments.

Everything goes through the same services an operator uses (import, run,
account view), on a SQLite file, with a fixed random seed so it tells the
same story every time.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .accounts import add_officer, show_account
from .actions import record_action
from ..engine.case_loader import ACCOUNT
from ..engine.registration import register_council
from ..store.db import make_engine, upgrade
from .account_import import import_accounts
from .payment_import import import_payments
from ..statutory.instalments import statutory_schedule
from ..engine.plugins import PluginHost
from ..engine.runner import run_council

__all__ = ["DemoResult", "run_demo"]

FIRST_NAMES = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Chris", "Megan", "Tariq", "Ruth", "Owen", "Grace"]
SURNAMES = ["Smith", "Khan", "Jones", "Patel", "Brown", "Wilson", "Taylor", "Ahmed", "Evans", "Walker"]
BUSINESSES = ["Bakery", "Garage", "Florist", "Cafe", "Builders", "Salon", "Removals", "Printers"]
SERVICES = ["trade waste", "pest control", "hall hire", "bulky waste", "licensing", "garden waste"]


@dataclass
class DemoResult:
    database: str
    council_id: str
    accounts: int
    payments: int
    months: list[dict] = field(default_factory=list)
    stages: dict[str, int] = field(default_factory=dict)
    fees_pence: int = 0
    examples: list[dict] = field(default_factory=list)
    actions: Counter = field(default_factory=Counter)


CT_DEMAND = date(2025, 3, 10)
CT_YEAR = date(2025, 4, 1)


def _name(rng: random.Random, kind: str) -> str:
    if kind == "company":
        return f"{rng.choice(SURNAMES)} {rng.choice(BUSINESSES)} Ltd"
    if kind == "sole_trader":
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} t/a {rng.choice(SURNAMES)}'s {rng.choice(BUSINESSES)}"
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _pounds(pence: int) -> str:
    return f"{pence // 100}.{pence % 100:02d}"


def _accounts_csv(path: Path, rng: random.Random, count: int, start: date, days: int) -> list[tuple[str, str, int, date]]:
    """Two thirds sundry invoices over ``days`` from ``start``; one third Council Tax demands for 2025/26."""
    rows = []
    taxpayers = count // 3
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["reference", "debt_type", "debtor_ref", "debtor_name", "debtor_kind", "amount", "date",
                    "description", "financial_year"])
        for i in range(1, count - taxpayers + 1):
            kind = rng.choices(["person", "sole_trader", "company"], [6, 2, 2])[0]
            pence = rng.choice([rng.randint(2000, 20000), rng.randint(20000, 150000)])
            opened = start + timedelta(days=rng.randrange(days))
            ref = f"INV{i:06d}"
            w.writerow([ref, "sundry", f"D{i:06d}", _name(rng, kind), kind, _pounds(pence), opened.isoformat(),
                        rng.choice(SERVICES), ""])
            rows.append((ref, "sundry", pence, opened))
        for i in range(1, taxpayers + 1):
            pence = rng.randint(90000, 250000)
            ref = f"CT{i:06d}"
            w.writerow([ref, "council_tax", f"P{i:06d}", _name(rng, "person"), "person", _pounds(pence),
                        CT_DEMAND.isoformat(), "", CT_YEAR.year])
            rows.append((ref, "council_tax", pence, CT_DEMAND))
    return rows


def _payments_csv(path: Path, rng: random.Random, accounts, month_start: date, month_end: date, paid: set[str]) -> int:
    """A month's payments: some invoices paid (in full or half); most taxpayers pay each instalment, a few late or never."""
    count = 0
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["reference", "amount", "date", "method", "payment_ref"])
        tag = f"{month_start:%Y%m}"
        for ref, debt_type, pence, opened in accounts:
            if debt_type == "council_tax":
                habit = int(ref[2:]) % 10  # 0-6 pay on time, 7-8 pay ten days late, 9 stop after May
                schedule = statutory_schedule(pence, CT_DEMAND, CT_YEAR, requested=None, day_of_month=1, floor_pence=500)
                for due, amount in schedule:
                    on = due + timedelta(days=10 if habit in (7, 8) else 0)
                    if month_start <= on <= month_end and not (habit == 9 and due.month > 5 and due.year == 2025):
                        count += 1
                        w.writerow([ref, _pounds(amount), on.isoformat(), "direct debit" if habit < 7 else "card",
                                    f"TX{tag}{count:06d}"])
                continue
            if ref in paid or opened > month_end or rng.random() > 0.3:
                continue
            on = min(max(opened, month_start) + timedelta(days=rng.randrange(28)), month_end)
            amount = pence if rng.random() < 0.8 else pence // 2
            if amount == pence:
                paid.add(ref)
            count += 1
            w.writerow([ref, _pounds(amount), on.isoformat(), rng.choice(["card", "bank", "direct debit"]),
                        f"TX{tag}{count:06d}"])
    return count


def run_demo(host: PluginHost, council_id: str, database: Path, count: int = 3000, months: int = 6, seed: int = 2025) -> DemoResult:
    """Build the demo database at ``database`` (replacing an earlier one) and tell its story."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    engine: Engine = make_engine(f"sqlite:///{database}")
    upgrade(engine)
    register_council(engine, host, council_id)
    rng = random.Random(seed)
    start = date(2025, 1, 6)
    result = DemoResult(str(database), council_id, count, 0)
    with tempfile.TemporaryDirectory() as tmp:
        invoices = _accounts_csv(Path(tmp) / "accounts.csv", rng, count, start, 90)
        import_accounts(engine, host, council_id, Path(tmp) / "accounts.csv", business_date=start)
        paid: set[str] = set()
        month_start = start
        for _ in range(months):
            month_end = (month_start.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            pay_file = Path(tmp) / f"payments-{month_start:%Y-%m}.csv"
            made = _payments_csv(pay_file, rng, invoices, month_start, month_end, paid)
            if made:
                import_payments(engine, host, council_id, pay_file, business_date=month_end)
            result.payments += made
            report = run_council(engine, host, council_id, month_end)
            result.months.append({"month": f"{month_start:%Y-%m}", "payments": made, **report.as_dict()})
            result.fees_pence += report.fees_pence
            month_start = month_end + timedelta(days=1)
    result.actions = _officer_work(engine, host, council_id, month_start - timedelta(days=1))
    with engine.connect() as conn:
        result.stages = {
            f"{dt}: {stage}": n for dt, stage, n in conn.execute(
                sa.select(ACCOUNT.c.debt_type, ACCOUNT.c.stage, sa.func.count())
                .where(ACCOUNT.c.council_id == council_id)
                .group_by(ACCOUNT.c.debt_type, ACCOUNT.c.stage)
                .order_by(ACCOUNT.c.debt_type, ACCOUNT.c.stage)
            )
        }
        picks = []
        for debt_type, stage in (("sundry", "with_agent"), ("council_tax", "liability_order"), ("council_tax", "demand")):
            ref = conn.execute(
                sa.select(ACCOUNT.c.reference)
                .where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.debt_type == debt_type, ACCOUNT.c.stage == stage)
                .order_by(ACCOUNT.c.id).limit(1)
            ).scalar()
            if ref:
                picks.append(ref)
    result.examples = [show_account(engine, host, council_id, ref) for ref in picks]
    engine.dispose()
    return result


def _officer_work(engine: Engine, host: PluginHost, council_id: str, on: date) -> Counter:
    """An officer works the further-recovery queue: small debts written off, the rest sent to an agent."""
    add_officer(engine, council_id, "demo.officer", "recovery_officer")
    done: Counter = Counter()
    with engine.connect() as conn:
        queue = conn.execute(
            sa.select(ACCOUNT.c.reference, ACCOUNT.c.balance_pence)
            .where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.stage == "further_recovery")
            .order_by(ACCOUNT.c.id)
        ).all()
    for reference, balance in queue:
        if balance < 3000:
            record_action(engine, host, council_id, reference, "write_off", {"reason": "uneconomical"}, "demo.officer", on)
            done["write_off"] += 1
        else:
            record_action(engine, host, council_id, reference, "refer_collection_agent", {"agent": "Marstons"}, "demo.officer", on)
            done["refer_collection_agent"] += 1
    return done
