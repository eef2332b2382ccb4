"""A council tax year driven only through the command line, on both backends.

Five £1,200.00 demands issued 10 March 2025 (ten £120.00 instalments on the 1st, April to January):
LATE pays April late once and complies; THREE defaults three times; ENF reaches a liability order and
an enforcement agent; FULL pays sum and costs before the hearing; JOINT has two people jointly and
severally liable.
"""

from __future__ import annotations

import json

import pytest
from arrears_test_csv import payment_lines


C = ("--council", "ctshire")
HEADER = "reference,debt_type,debtor_ref,debtor_name,amount,date,financial_year,joint_debtor_ref,joint_debtor_name\n"
ACCOUNTS = """LATE,council_tax,P1,Ann Able,"1,200.00",2025-03-10,2025,,
THREE,council_tax,P2,Bob Brown,"1,200.00",2025-03-10,2025,,
ENF,council_tax,P3,Cat Cole,"1,200.00",2025-03-10,2025,,
FULL,council_tax,P4,Dan Dale,"1,200.00",2025-03-10,2025,,
JOINT,council_tax,P5,Eve Ely,"1,200.00",2025-03-10,2025,P6,Fred Ely
"""
MONTHS = ["2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01"]
PAYMENTS = {  # imported before the run that passes them, as a council's daily payment files would be
    "2025-04-30": [("LATE", "120.00", "2025-04-05"), ("THREE", "120.00", "2025-04-03"), ("FULL", "1280.00", "2025-04-30")],
    "2025-05-20": [("LATE", "120.00", "2025-05-01"), ("THREE", "120.00", "2025-05-01")],
    "2025-06-30": [("LATE", "120.00", "2025-06-01"), ("THREE", "120.00", "2025-06-04")],
    "2025-07-31": [("LATE", "120.00", "2025-07-01"), ("THREE", "120.00", "2025-07-01")],
    "2025-08-31": [("LATE", "120.00", "2025-08-01")],
    "2026-03-31": [("LATE", "120.00", d) for d in MONTHS],
}


def show(cli, ref: str) -> dict:
    return json.loads(cli("account", "show", ref, *C, "--json").output)


def moves(cli, ref: str) -> list[tuple[str, str]]:
    return [(t["date"], t["to"]) for t in show(cli, ref)["timeline"] if t["type"] == "stage"]


@pytest.fixture
def year(arrears, data_dir, tmp_path):
    """Run the year night by night (in steps), importing each period's payments first."""
    arrears("init", *C, "--profile", data_dir / "council_tax_council.toml")
    arrears("officer", "add", "revs", *C, "--role", "recovery_officer")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(HEADER + ACCOUNTS)
    arrears("import", "accounts", accounts, *C)
    for i, (run_to, rows) in enumerate(PAYMENTS.items()):
        pay = tmp_path / f"payments_{i}.csv"
        pay.write_text("\n".join(payment_lines(rows)) + "\n")
        arrears("import", "payments", pay, *C)
        if run_to == "2025-05-20":
            arrears("run", *C, "--date", "2025-05-20")
            arrears("account", "act", "ENF", "refer_enforcement_agent", "agent=Marstons", *C, "--officer", "revs",
                    "--date", "2025-05-20")
        arrears("run", *C, "--date", run_to)
    return arrears


def test_the_year_through_the_cli(year):
    assert moves(year, "LATE") == [("2025-04-02", "reminder_1"), ("2025-04-05", "demand"), ("2026-01-01", "paid")]
    assert moves(year, "THREE") == [
        ("2025-04-02", "reminder_1"), ("2025-04-03", "demand"), ("2025-06-02", "reminder_2"), ("2025-06-04", "demand"),
        ("2025-08-02", "instalments_lost"), ("2025-08-03", "summons"), ("2025-08-20", "liability_order"),
    ]
    assert moves(year, "ENF") == [
        ("2025-04-02", "reminder_1"), ("2025-04-09", "instalments_lost"), ("2025-04-16", "summons"),
        ("2025-05-07", "liability_order"), ("2025-05-20", "enforcement_agent"),
    ]
    assert moves(year, "FULL") == [
        ("2025-04-02", "reminder_1"), ("2025-04-09", "instalments_lost"), ("2025-04-16", "summons"), ("2025-04-30", "withdrawn"),
    ]
    enf = show(year, "ENF")
    fees = [(t["date"], t["code"], t["amount_pence"]) for t in enf["timeline"] if t["type"] == "fee"]
    assert fees == [("2025-04-16", "summons_costs", 8000), ("2025-05-07", "liability_order_costs", 2000),
                    ("2025-05-20", "ea_compliance", 7500)]
    assert enf["balance_pence"] == 120000 + 8000 + 2000 + 7500 and enf["balance_cache_ok"]
    full = show(year, "FULL")
    assert (full["stage"], full["balance_pence"], full["closed_on"]) == ("withdrawn", 0, "2025-04-30")
    assert show(year, "LATE")["closed_on"] == "2026-01-01"
    assert enf["priority"] == 2  # the profile's priority table (Rutland's level for council tax)


def test_account_show_explains_every_move(year):
    late = year("account", "show", "LATE", *C).output
    assert "Instalment due 2025-04-01 not paid: £120.00 in arrears; first reminder issued, pay by 2025-04-08" in late
    assert "Everything due by 2025-04-08 paid (£120.00 received in all); the first reminder complied with" in late
    three = year("account", "show", "THREE", *C).output
    assert "Second default this year: instalment due 2025-06-01 not paid, £120.00 in arrears" in three
    assert "Third default: instalment due 2025-08-01 not paid after the second reminder was complied with" in three
    assert "whole balance £720.00 payable from 2025-08-02" in three
    assert "deemed served 2025-08-05, hearing 2025-08-20" in three  # posted on a Sunday
    enf = year("account", "show", "ENF", *C).output
    assert "£120.00 still unpaid at the end of the first reminder's window on 2025-04-08" in enf
    assert "payable from 2025-04-16 (14 days after the reminder, reg 23(3))" in enf
    assert "deemed served 2025-04-22, hearing 2025-05-07" in enf  # Good Friday and Easter Monday skipped
    assert "liability order made with £20.00 costs. Routes the facts allow: enforcement agent (£1,300.00 outstanding)" in enf
    assert "Refer the liability order to an enforcement agent (reg 45; adds the compliance fee). Recorded by revs." in enf
    assert "Enforcement agent compliance fee" in enf
    full = year("account", "show", "FULL", *C).output
    assert "Sum and costs paid (£1,280.00 received) before the hearing on 2025-05-07; summons withdrawn (reg 34(5))" in full
    for ref in ("LATE", "THREE", "ENF", "FULL", "JOINT"):
        shown = show(year, ref)
        assert all(t["reason"] and "{" not in t["reason"] for t in shown["timeline"] if t["type"] == "stage")


def test_joint_and_several_liability(year):
    joint = show(year, "JOINT")
    assert joint["debtor"]["reference"] == "P5"
    assert joint["joint_debtors"] == [{"reference": "P6", "name": "Fred Ely"}]
    assert joint["stage"] == "liability_order"
    text = year("account", "show", "JOINT", *C).output
    assert "debtor:   Eve Ely [P5, person]" in text and "jointly:  Fred Ely [P6]" in text
    stranger = year("account", "act", "JOINT", "attach_earnings", "employer=Acme Ltd", "debtor=P9", *C,
                    "--officer", "revs", "--date", "2025-06-02", expect=1)
    assert "'P9' is not liable for this account (liable: P5, P6)" in stranger.output
    assert show(year, "JOINT")["stage"] == "liability_order"
    year("account", "act", "JOINT", "attach_earnings", "employer=Acme Ltd", "debtor=P6", *C, "--officer", "revs",
         "--date", "2025-06-02")
    event = [t for t in show(year, "JOINT")["timeline"] if t["type"] == "stage"][-1]
    assert (event["to"], event["facts"]["debtor"], event["facts"]["employer"]) == ("attachment_of_earnings", "P6", "Acme Ltd")
    year("account", "act", "JOINT", "aeo_ended", "outcome=left job", *C, "--officer", "revs", "--date", "2025-09-01")
    year("account", "act", "JOINT", "attach_earnings", "employer=Beta plc", "debtor=P5", *C, "--officer", "revs",
         "--date", "2025-09-02")
    assert show(year, "JOINT")["stage"] == "attachment_of_earnings"


def test_actions_list_the_routes_and_refuse_what_the_facts_do_not_allow(year):
    listed = json.loads(year("account", "actions", "ENF", *C, "--json").output)
    assert {a["action"] for a in listed} >= {"ea_enforcement_stage", "ea_no_goods", "ea_returned", "write_off"}
    three = json.loads(year("account", "actions", "THREE", *C, "--json").output)
    assert {a["action"] for a in three} >= {"attach_earnings", "apply_benefit_deductions", "refer_enforcement_agent",
                                            "apply_charging_order", "petition_bankruptcy"}
    refused = year("account", "act", "THREE", "petition_bankruptcy", "court=Sheffield", "debtor=P2", *C,
                   "--officer", "revs", "--date", "2025-09-01", expect=1)
    assert "a bankruptcy petition needs a debt of at least £5,000.00; £820.00 is owed" in refused.output


def test_joint_debtor_columns_import(arrears, data_dir, tmp_path):
    arrears("init", *C, "--profile", data_dir / "council_tax_council.toml")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(HEADER + 'JOINT,council_tax,P5,Eve Ely,"1,200.00",2025-03-10,2025,P6,Fred Ely\n')
    arrears("import", "accounts", accounts, *C)
    assert show(arrears, "JOINT")["joint_debtors"] == [{"reference": "P6", "name": "Fred Ely"}]
