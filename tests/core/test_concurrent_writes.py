"""Officer actions recorded while the nightly run is working the same cases are never undone by it.

The run is a real subprocess working one day in small chunks; meanwhile this
process records write-offs and route choices on the cases it is moving. Every
action that was recorded must be intact afterwards, every account's stage
history a single chain (each move leaves the stage the one before reached, the
last reaches the account's stage, nothing after a write-off), and the ledger's
cached totals right.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from arrears.services.accounts import add_officer

from arrears.services.actions import record_action
from arrears.errors import ActionRefused, Busy
from arrears.store.ledger import verify_ledger


EARLY, LATE = date(2025, 1, 6), date(2025, 1, 21)
DAY = EARLY + timedelta(days=52)  # EARLY's invoices reach further recovery, LATE's their final notice
N = 3000


def _chains(engine) -> list[str]:
    """Accounts whose stage history is not one chain from the first stage to the account's stage."""
    broken = []
    with engine.connect() as conn:
        stages = dict(conn.execute(sa.text("SELECT id, stage FROM account")).all())
        refs = dict(conn.execute(sa.text("SELECT id, reference FROM account")).all())
        history: dict[int, list] = {}
        for account_id, frm, to in conn.execute(
                sa.text("SELECT account_id, from_stage, to_stage FROM stage_event ORDER BY account_id, id")):
            history.setdefault(account_id, []).append((frm, to))
    for account_id, moves in history.items():
        reached = "invoice"
        for frm, to in moves:
            if frm != reached or reached in ("written_off", "paid"):
                broken.append(f"{refs[account_id]}: {moves}")
                break
            reached = to
        else:
            if reached != stages[account_id]:
                broken.append(f"{refs[account_id]}: ends at {reached}, account at {stages[account_id]}")
    return broken


@pytest.mark.slow
def test_officer_actions_during_a_run_are_never_undone(council, engine, db_url, host, h, tmp_path):
    h.write_invoices(tmp_path / "a.csv", [(f"C{i:05d}", "120.00", EARLY if i % 2 else LATE) for i in range(N)])
    council("import", "accounts", tmp_path / "a.csv", "--council", "testshire")
    add_officer(engine, "testshire", "alice", "s151_officer")
    h.run_json(council, DAY - timedelta(days=1))
    env = dict(os.environ, ARREARS_CHUNK_SIZE="20")
    run = subprocess.Popen([sys.executable, "-m", "arrears", "--db", db_url, "run", "--council", "testshire",
                            "--date", DAY.isoformat()], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rng = random.Random(7)
    done: dict[str, str] = {}
    refused = busy = 0
    started = time.monotonic()
    try:
        while run.poll() is None and time.monotonic() - started < 300:
            ref = f"C{rng.randrange(N):05d}"
            if ref in done:
                continue
            action = "refer_collection_agent" if int(ref[1:]) % 2 else "write_off"
            fields = {"agent": "Marstons"} if action == "refer_collection_agent" else {"reason": "uneconomical"}
            try:
                record_action(engine, host, "testshire", ref, action, fields, "alice", DAY)
            except ActionRefused:
                refused += 1   # the run has not moved this case to further recovery yet
                continue
            except Busy:
                busy += 1
                continue
            done[ref] = action
        out, err = run.communicate(timeout=300)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err
    assert len(done) >= 20, (len(done), refused, busy)
    assert {"write_off", "refer_collection_agent"} <= set(done.values())

    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT a.reference, a.stage, a.closed_on, a.balance_pence, "
            "(SELECT e.rule FROM stage_event e WHERE e.account_id = a.id ORDER BY e.id DESC LIMIT 1) "
            "FROM account a WHERE a.council_id = 'testshire'"
        )).all()
        assert not verify_ledger(conn, "testshire")
    final = {ref: (stage, closed, balance, last_rule) for ref, stage, closed, balance, last_rule in rows}
    for ref, action in done.items():
        stage, closed, balance, last_rule = final[ref]
        assert last_rule == action, (ref, final[ref])   # nothing the run did came after the officer
        if action == "write_off":
            assert (stage, balance) == ("written_off", 0) and closed is not None, (ref, final[ref])
        else:
            assert stage == "with_agent" and closed is None, (ref, final[ref])
    assert _chains(engine) == []
    # The day's work was all done: every case not acted on moved one step.
    moved = {ref: final[ref][0] for ref in final if ref not in done}
    assert moved == {ref: "further_recovery" if int(ref[1:]) % 2 else "final_notice" for ref in moved}


def test_an_action_on_a_case_the_run_holds_waits_and_then_is_refused_to_try_again(
        council, db_url, host, h, tmp_path, monkeypatch):
    import arrears.services.accounts
    import arrears.store.db
    from arrears.engine.case_loader import load_cases
    from arrears.store.db import make_engine, writing

    monkeypatch.setattr(arrears.store.db, "BUSY_WAIT_MS", 300)
    monkeypatch.setattr(arrears.services.accounts, "ACTION_LOCK_WAIT", "300ms")
    h.write_invoices(tmp_path / "a.csv", [("A1", "50.00", EARLY)])
    council("import", "accounts", tmp_path / "a.csv", "--council", "testshire")
    run_side, officer_side = make_engine(db_url), make_engine(db_url)
    try:
        add_officer(officer_side, "testshire", "alice", "s151_officer")
        with writing(run_side) as conn:   # as the nightly run holds a chunk: locked, read, not yet written
            account_id = conn.exec_driver_sql("SELECT id FROM account WHERE reference = 'A1'").scalar_one()
            assert load_cases(conn, [account_id], EARLY, for_update=True, open_only=True)
            started = time.monotonic()
            with pytest.raises(Busy) as caught:
                record_action(officer_side, host, "testshire", "A1", "write_off", {"reason": "uneconomical"}, "alice", EARLY)
            assert time.monotonic() - started >= 0.25   # it waited for the run first
        assert str(caught.value) == ("A1: write_off: the case is being changed by the nightly run or another officer; "
                                     "nothing was recorded, try again in a moment")
        assert h.show(council, "A1")["stage"] == "invoice"
        record_action(officer_side, host, "testshire", "A1", "write_off", {"reason": "uneconomical"}, "alice", EARLY)
        assert h.show(council, "A1")["stage"] == "written_off"
    finally:
        run_side.dispose()
        officer_side.dispose()


def test_a_profile_change_or_an_import_waits_for_no_run_it_is_refused_while_the_run_holds_the_council(
        council, engine, data_dir, h, tmp_path):
    from arrears.store.locks import council_lock

    path = h.write_invoices(tmp_path / "a.csv", [("A1", "50.00", EARLY)])
    with council_lock(engine, "testshire"):
        for argv in (("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml"),
                     ("import", "accounts", path, "--council", "testshire")):
            result = council(*argv, expect=1)
            assert "council 'testshire' is busy: a recovery run" in result.output, result.output
            assert "try again when it ends" in result.output
    assert h.snapshot(engine)["accounts"] == []
    council("import", "accounts", path, "--council", "testshire")
    assert [a[0] for a in h.snapshot(engine)["accounts"]] == ["A1"]
