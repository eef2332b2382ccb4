"""The sundry notices, day by day, through the nightly run (WE-26: Rotherham 21/14/14; the test profile sends no pre-action letter)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

INVOICE = "reference,debt_type,debtor_ref,debtor_name,amount,date\nINV1,sundry,D1,Jo Bloggs,120.50,2025-03-03\n"


@pytest.fixture
def council(arrears, data_dir, tmp_path):
    arrears("init", "--council", "testshire", "--profile", data_dir / "sundry_council.toml")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(INVOICE)
    arrears("import", "accounts", accounts, "--council", "testshire")
    return arrears


def _show(arrears, ref="INV1"):
    return json.loads(arrears("account", "show", ref, "--council", "testshire", "--json").output)


def test_we26_rotherham_timeline_day_by_day(council):
    expected = {
        date(2025, 3, 25): "reminder",
        date(2025, 4, 9): "final_notice",
        date(2025, 4, 24): "further_recovery",
    }
    stage = "invoice"
    day = date(2025, 3, 3)
    while day <= date(2025, 6, 30):
        council("run", "--council", "testshire", "--date", day.isoformat())
        shown = _show(council)
        stage = expected.get(day, stage)
        assert shown["stage"] == stage, f"on {day}"
        day += timedelta(days=1)
    moves = [t for t in _show(council)["timeline"] if t["type"] == "stage"]
    assert [(m["date"], m["to"]) for m in moves] == [(d.isoformat(), s) for d, s in expected.items()]
    assert moves[0]["facts"]["payment_terms_days"] == 21
    assert "21-day payment terms" in moves[0]["reason"]


def test_payment_clearing_the_balance_stops_escalation(council, tmp_path):
    pay = tmp_path / "pay.csv"
    pay.write_text("reference,amount,date,payment_ref\nINV1,120.50,2025-04-01,T1\n")
    council("import", "payments", pay, "--council", "testshire")
    council("run", "--council", "testshire", "--date", "2025-06-30")
    shown = _show(council)
    assert shown["stage"] == "paid"
    assert shown["closed_on"] == "2025-04-01"
    assert shown["balance_pence"] == 0
    assert [t["to"] for t in shown["timeline"] if t["type"] == "stage"] == ["reminder", "paid"]


def test_part_payment_does_not_stop_escalation(council, tmp_path):
    pay = tmp_path / "pay.csv"
    pay.write_text("reference,amount,date,payment_ref\nINV1,20.00,2025-03-10,T1\n")
    council("import", "payments", pay, "--council", "testshire")
    council("run", "--council", "testshire", "--date", "2025-04-09")
    shown = _show(council)
    assert shown["stage"] == "final_notice"
    assert shown["balance_pence"] == 10050
