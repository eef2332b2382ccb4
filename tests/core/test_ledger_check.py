"""``arrears ledger check``: the cached totals on each account agree with its ledger, and a difference is caught."""

from __future__ import annotations

import json

import sqlalchemy as sa


def test_ledger_check_passes_after_imports_and_runs_and_catches_a_difference(arrears, engine, data_dir, tmp_path):
    arrears("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    accounts = tmp_path / "a.csv"
    accounts.write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                        "A1,sundry,D1,Jo,100.00,2025-03-03\nA2,sundry,D2,Al,50.00,2025-03-03\n")
    payments = tmp_path / "p.csv"
    payments.write_text("reference,amount,date,payment_ref\nA1,40.00,2025-03-10,T1\nA2,50.00,2025-05-01,T2\n")
    arrears("import", "accounts", accounts, "--council", "testshire")
    arrears("import", "payments", payments, "--council", "testshire")
    arrears("run", "--council", "testshire", "--date", "2025-04-15")
    result = arrears("ledger", "check", "--council", "testshire", "--json")
    assert json.loads(result.output) == {"council": "testshire", "mismatched": []}

    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE account SET paid_pence = paid_pence + 1 WHERE reference = 'A2'"))
    result = arrears("ledger", "check", "--council", "testshire", expect=1)
    assert "A2: cached totals differ from the ledger" in result.output
    assert "A1" not in result.output
