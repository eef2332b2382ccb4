"""A run killed with SIGKILL part-way leaves whole chunks done, and the next run completes it.

The same starting state is built in two databases by the same CLI steps; one run is killed
mid-way and resumed, the other runs uninterrupted; the two end states must be identical.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from arrears.store.db import make_engine

pytestmark = pytest.mark.slow

FIRST = date(2025, 1, 1)
END = date(2025, 6, 30)
N = 2000


def _write_dataset(h, folder):
    invoices, payments = [], []
    for i in range(N):
        ref = f"K{i:05d}"
        opened = FIRST + timedelta(days=i % 90)
        pence = 2_500 + (i * 7_919) % 150_000
        amount = f"{pence // 100}.{pence % 100:02d}"
        invoices.append((ref, amount, opened, f"DK{i % 1500:05d}"))
        if i % 5 == 0:    # paid in full at some point of the ladder (or before it starts)
            payments.append((ref, amount, opened + timedelta(days=(i * 13) % 70)))
        elif i % 7 == 0:  # part payment: escalation continues
            payments.append((ref, "10.00", opened + timedelta(days=15)))
        elif i % 11 == 0:  # paid in two halves, cleared late
            half = pence // 2
            payments.append((ref, f"{half // 100}.{half % 100:02d}", opened + timedelta(days=30)))
            rest = pence - half
            payments.append((ref, f"{rest // 100}.{rest % 100:02d}", opened + timedelta(days=80)))
    accounts = h.write_invoices(folder / "kill_accounts.csv", invoices)
    paid = h.write_payments(folder / "kill_payments.csv", payments)
    return accounts, paid


def _progress(engine):
    with engine.connect() as conn:
        events = conn.execute(sa.text("SELECT COUNT(*) FROM stage_event")).scalar()
        status = conn.execute(sa.text("SELECT status FROM run ORDER BY id DESC LIMIT 1")).scalar()
    return events, status


def _arrears(url, *args, env=None, cwd=None, **kw):
    return subprocess.Popen([sys.executable, "-m", "arrears", "--db", url, *args], env=env, cwd=cwd, **kw)


# The uninterrupted run makes about 5,800 moves: kill early (in the first month with any move)
# and about 40% of the way through.
@pytest.mark.parametrize("kill_after", [1, 2500])
def test_a_killed_run_resumes_to_the_same_state_as_an_uninterrupted_one(
    council, other, db_url, other_db_url, h, tmp_path, kill_after
):
    accounts, payments = _write_dataset(h, tmp_path)
    for cli in (council, other):
        cli("import", "accounts", accounts, "--council", "testshire")
        cli("import", "payments", payments, "--council", "testshire")
    engine, other_engine = make_engine(db_url), make_engine(other_db_url)
    try:
        assert h.snapshot(engine) == h.snapshot(other_engine)

        env = {**os.environ, "ARREARS_CHUNK_SIZE": "50"}
        log = open(tmp_path / "killed.log", "w+")
        proc = _arrears(db_url, "run", "--council", "testshire", "--date", END.isoformat(),
                        env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        killed_at = None
        while time.monotonic() < deadline and proc.poll() is None:
            events, status = _progress(engine)
            if events >= kill_after and status == "running":
                proc.send_signal(signal.SIGKILL)
                killed_at = events
                break
            time.sleep(0.005)
        proc.wait(timeout=60)
        log.seek(0)
        assert proc.returncode == -signal.SIGKILL, f"the run was not killed mid-way:\n{log.read()}"
        assert killed_at is not None and killed_at >= kill_after

        # Killed mid-run: the run row is still 'running', the council is not yet at END, and no
        # case is half-applied (every move has its event; every cached balance matches its ledger).
        assert [r["status"] for r in h.runs(engine)] == ["running"]
        mid = h.snapshot(engine)
        assert mid["last_run_on"] is None or mid["last_run_on"] < END.isoformat()
        assert len(mid["events"]) >= killed_at
        assert h.last_event_matches_stage(engine) == []
        assert all(cached == total for cached, total in h.ledger_sums(engine).values())

        rerun = _arrears(db_url, "run", "--council", "testshire", "--date", END.isoformat(),
                         env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert [r["status"] for r in h.runs(engine)] == ["interrupted", "completed"]

        straight = h.run_json(other, END)
        assert straight["moves_total"] > len(mid["events"])

        resumed, expected = h.snapshot(engine), h.snapshot(other_engine)
        assert resumed["last_run_on"] == END.isoformat()
        for part in ("accounts", "events", "ledger"):
            assert len(resumed[part]) == len(expected[part]), part
            assert resumed[part] == expected[part], part
        assert resumed == expected
        stages = {a[1] for a in resumed["accounts"]}
        assert {"paid", "further_recovery"} <= stages
    finally:
        engine.dispose()
        other_engine.dispose()
