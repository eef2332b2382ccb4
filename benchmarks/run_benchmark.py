"""Benchmark the import and the nightly run on N synthetic open cases (default 1,000,000).

Each step runs the real command line in its own process and reports wall time
and peak memory (max RSS). ``--debt-type`` picks the accounts: sundry invoices
or Council Tax demands (every account raised on the same day, so day 0 bills
and reviews all N), or ``mixed``, the six debt types in turn, raised on their
own days in March (a catch-up run bills them all). Then:

* on 2 April every case is due and moves (reminders, HB invoices, Notices to
  Owner, early contact on rent arrears);
* an ordinary day follows: payments for about 5% of the cases arrive, and
  only those cases are looked at;
* the same payments come again, re-saved with Windows line endings and a byte
  order mark: every one is skipped as already posted.

Targets on a 2-core machine with SQLite: import under 60 s, ordinary day under
10 s, every-case day under 60 s, peak memory under 1.5 GB.

    python benchmarks/run_benchmark.py [--cases N] [--debt-type sundry|council_tax|mixed] [--db URL [--recreate]] [--workdir DIR]

On PostgreSQL, ``--db postgresql://USER@HOST/NAME`` must name an empty database,
or give ``--recreate`` to drop and create it first (everything in it is lost).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PROFILE = Path(__file__).parent / "bench_council.toml"
COUNCIL = "benchshire"


@dataclass(frozen=True)
class Kind:
    """One debt type's synthetic accounts: the account date and the type's own columns."""

    debt_type: str
    date: date
    columns: dict[str, str]
    debtor_kind: str = "person"
    amount_pence: tuple[int, int] | None = None  # a fixed range, or None for 10.00-2,500.00


@dataclass(frozen=True)
class Scenario:
    """A benchmark: the account kinds it mixes (in turn) and the days that matter.

    ``first_day`` is the first run (every account billed by its end); on
    ``all_move`` every case is due and moves; payments for a share of the
    cases arrive on ``ordinary``.
    """

    kinds: tuple[Kind, ...]
    first_day: date
    all_move: date
    ordinary: date


SUNDRY = Kind("sundry", date(2025, 3, 11), {"description": "benchmark invoice"})
COUNCIL_TAX = Kind("council_tax", date(2025, 3, 10), {"financial_year": "2025"})
SCENARIOS = {
    # Invoices all raised on day 0; all get a reminder 22 days later; payments arrive a week after.
    "sundry": Scenario((SUNDRY,), date(2025, 3, 11), date(2025, 4, 2), date(2025, 4, 10)),
    # Annual demands issued on 10 March (ten instalments from 1 April, schedules included); every case
    # misses the first instalment and gets a reminder on 2 April; payments arrive on 5 April.
    "council_tax": Scenario((COUNCIL_TAX,), date(2025, 3, 10), date(2025, 4, 2), date(2025, 4, 5)),
    # All six debt types in turn, dated so that every case moves on 2 April: Council Tax and business rates
    # reminders, sundry reminders, HB overpayment invoices after the appeal month, PCN Notices to Owner after
    # 28 days, and early contact on rent arrears (weekly rent on Mondays, arrears brought forward).
    "mixed": Scenario((
        SUNDRY,
        COUNCIL_TAX,
        Kind("nndr", date(2025, 3, 10), {"financial_year": "2025"}, debtor_kind="company"),
        Kind("hb_overpayment", date(2025, 3, 1), {"period_start": "2024-10-07", "period_end": "2025-01-26",
                                                  "cause": "claimant_error", "on_hb": "no"}),
        Kind("pcn", date(2025, 3, 5), {"vehicle_reg": "AB12 CDE", "band": "2", "level": "higher", "served_by": "affixed"},
             amount_pence=(7000, 7000)),
        Kind("rents", date(2025, 3, 26), {"rent_period": "weekly", "rent_day": "1", "tenancy_start": "2020-01-06",
                                          "arrears_brought_forward": "250.00"}, amount_pence=(8000, 15000)),
    ), date(2025, 3, 1), date(2025, 4, 2), date(2025, 4, 5)),
}


def write_accounts(path: Path, n: int, rng: random.Random, scenario: Scenario) -> None:
    extra = list(dict.fromkeys(c for k in scenario.kinds for c in k.columns))
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["reference", "debt_type", "debtor_ref", "debtor_name", "debtor_kind", "amount", "date", *extra])
        kinds = [(k, k.date.isoformat(), [k.columns.get(c, "") for c in extra]) for k in scenario.kinds]
        for i in range(n):
            kind, day, values = kinds[i % len(kinds)]
            pence = rng.randint(*(kind.amount_pence or (1000, 250000)))
            w.writerow([f"S{i:08d}", kind.debt_type, f"D{i // 2:08d}", f"Debtor {i // 2}", kind.debtor_kind,
                        f"{pence // 100}.{pence % 100:02d}", day, *values])


def write_payments(path: Path, n: int, share: float, rng: random.Random, accounts: Path, on: date) -> int:
    count = 0
    on = on.isoformat()
    with accounts.open(newline="") as src, path.open("w", newline="") as fh:
        reader = csv.reader(src)
        next(reader)
        w = csv.writer(fh)
        w.writerow(["reference", "amount", "date", "method", "payment_ref"])
        for row in reader:
            if rng.random() < share:
                count += 1
                w.writerow([row[0], row[5], on, "card", f"CARD{count:09d}"])
    return count


def recreate_postgres(url: str) -> None:
    """Drop and create the database ``url`` names, through the server's ``postgres`` database."""
    import sqlalchemy as sa

    from arrears.store.db import database_url

    target = sa.make_url(database_url(url))
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{target.database}"')
    admin.dispose()


def step(label: str, argv: list[str], env: dict, results: list) -> dict:
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        start = time.perf_counter()  # output goes to files: a pipe left unread would stall a command that says much
        proc = subprocess.Popen([sys.executable, "-m", "arrears", *argv], env=env, stdout=out_file, stderr=err_file,
                                text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{label} failed ({code}):\n{out}\n{err}")
    record = {"step": label, "seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}
    try:
        report = json.loads(out)
        for key in ("cases_evaluated", "accounts_billed", "moves_total", "rows", "skipped"):
            if key in report:
                record[key] = report[key]
    except json.JSONDecodeError:
        pass
    results.append(record)
    print(f"{label:<34} {record['seconds']:>8.2f} s  {record['peak_rss_mb']:>8.1f} MB  "
          + "  ".join(f"{k}={v}" for k, v in record.items() if k not in ("step", "seconds", "peak_rss_mb")), flush=True)
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--db", help="Database URL (default: a SQLite file in the work directory).")
    parser.add_argument("--workdir", type=Path, help="Where to put the CSV files and database (default: a temporary directory).")
    parser.add_argument("--payment-share", type=float, default=0.05)
    parser.add_argument("--debt-type", choices=sorted(SCENARIOS), default="sundry")
    parser.add_argument("--recreate", action="store_true",
                        help="PostgreSQL: drop and create the --db database first (everything in it is lost).")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="arrears-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = args.db or f"sqlite:///{workdir / 'bench.db'}"
    if db.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(db[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
    elif args.recreate:
        recreate_postgres(db)
    env = dict(os.environ, ARREARS_DB=db)
    rng = random.Random(1)
    accounts, payments = workdir / "accounts.csv", workdir / "payments.csv"

    t = time.perf_counter()
    scenario = SCENARIOS[args.debt_type]
    write_accounts(accounts, args.cases, rng, scenario)
    paid = write_payments(payments, args.cases, args.payment_share, rng, accounts, scenario.ordinary)
    print(f"generated {args.cases:,} accounts and {paid:,} payments in {time.perf_counter() - t:.1f} s ({workdir})")

    results: list[dict] = []
    step("init", ["init", "--council", COUNCIL, "--profile", str(PROFILE)], env, results)
    step(f"import {args.cases:,} accounts", ["import", "accounts", str(accounts), "--council", COUNCIL, "--json"], env, results)
    run = ["run", "--council", COUNCIL, "--json", "--date"]
    first, before = scenario.first_day, scenario.all_move - timedelta(days=1)
    if len(scenario.kinds) == 1:
        step("day 0: every case billed + due", run + [first.isoformat()], env, results)
        step("quiet days", run + [before.isoformat()], env, results)
    else:
        step(f"catch-up {first.isoformat()} to {before.isoformat()} (all billed)", run + [before.isoformat()], env, results)
    step("every case due, all move", run + [scenario.all_move.isoformat()], env, results)
    step("quiet days", run + [(scenario.ordinary - timedelta(days=1)).isoformat()], env, results)
    step(f"import {paid:,} payments", ["import", "payments", str(payments), "--council", COUNCIL, "--json"], env, results)
    step(f"ordinary day ({args.payment_share:.0%} due)", run + [scenario.ordinary.isoformat()], env, results)
    resaved = workdir / "payments-resaved.csv"
    resaved.write_bytes(b"\xef\xbb\xbf" + payments.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    step("the same payments re-saved", ["import", "payments", str(resaved), "--council", COUNCIL, "--json"], env, results)
    print(json.dumps({"cases": args.cases, "debt_type": args.debt_type, "database": db.split(":")[0], "steps": results}))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
