"""A summer of parking enforcement driven only through the command line, on both backends.

Four PCNs of 2 June 2025: DISC (on-street, band 2 higher, £70) is paid at the discount; FULL (on-street, band 1
lower, £40) is paid in full after its Notice to Owner; REPS (camera, band 2 higher, £70) has representations
rejected, then goes charge certificate -> TEC -> Order for Recovery -> warrant -> enforcement agent; CHAL (on-street)
is challenged and the challenge accepted.
"""

from __future__ import annotations

import json

import pytest
from arrears_test_csv import payment_lines

C = ("--council", "parkshire")
OFFICER = ("--officer", "parking")
HEADER = "reference,debt_type,debtor_ref,debtor_name,amount,date,vehicle_reg,band,level,served_by,contravention_code\n"
ACCOUNTS = """DISC,pcn,K1,Ann Able,70.00,2025-06-02,AB12 CDE,2,higher,affixed,01
FULL,pcn,K2,Bob Brown,40.00,2025-06-02,CD34 EFG,1,lower,handed,30
REPS,pcn,K3,Cat Cole,70.00,2025-06-02,EF56 GHI,2,higher,camera,31J
CHAL,pcn,K4,Dan Dale,70.00,2025-06-02,GH78 IJK,2,higher,affixed,01
"""


def show(cli, ref: str) -> dict:
    return json.loads(cli("account", "show", ref, *C, "--json").output)


def moves(cli, ref: str) -> list[tuple[str, str]]:
    return [(t["date"], t["to"]) for t in show(cli, ref)["timeline"] if t["type"] == "stage"]


@pytest.fixture
def summer(arrears, data_dir, tmp_path):
    """Import, pay, run on the days that matter, and act as the officer would."""
    arrears("init", *C, "--profile", data_dir / "pcn_council.toml")
    arrears("officer", "add", "parking", *C, "--role", "parking_officer")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(HEADER + ACCOUNTS)
    arrears("import", "accounts", accounts, *C)

    def pay(name: str, rows: str) -> None:
        path = tmp_path / name
        path.write_text("\n".join(payment_lines(line.split(",") for line in rows.splitlines())) + "\n")
        arrears("import", "payments", path, *C)

    def act(ref: str, action: str, on: str, *pairs: str) -> None:
        arrears("account", "act", ref, action, *pairs, *C, *OFFICER, "--date", on)

    pay("pay_june.csv", "DISC,35.00,2025-06-12\n")
    report = json.loads(arrears("run", *C, "--date", "2025-06-12", "--json").output)
    assert report["debt_types_without_rules"] == []
    act("CHAL", "informal_challenge", "2025-06-13", "grounds=valid permit displayed")
    act("REPS", "representations_on_pcn", "2025-06-20", "grounds=not the driver")
    arrears("run", *C, "--date", "2025-06-30")
    act("REPS", "representations_rejected", "2025-07-01", "decision=keeper liable")
    act("CHAL", "challenge_accepted", "2025-07-02", "decision=permit valid")
    pay("pay_july.csv", "FULL,40.00,2025-07-15\n")
    arrears("run", *C, "--date", "2025-09-10")
    act("REPS", "refer_enforcement_agent", "2025-09-15", "agent=Marstons")
    arrears("run", *C, "--date", "2025-10-31")
    return arrears


def test_the_summer_through_the_cli(summer):
    assert moves(summer, "DISC") == [("2025-06-12", "paid")]
    assert moves(summer, "FULL") == [("2025-06-30", "notice_to_owner"), ("2025-07-15", "paid")]
    assert moves(summer, "CHAL") == [("2025-06-13", "informal_challenge"), ("2025-07-02", "cancelled")]
    assert moves(summer, "REPS") == [
        ("2025-06-20", "representations"), ("2025-07-01", "notice_of_rejection"), ("2025-07-31", "charge_certificate"),
        ("2025-08-18", "tec_registration"), ("2025-09-10", "warrant_of_control"), ("2025-09-15", "enforcement_agent"),
    ]
    balances = {ref: (show(summer, ref)["balance_pence"], show(summer, ref)["closed_on"]) for ref in ("DISC", "FULL", "CHAL", "REPS")}
    assert balances == {"DISC": (0, "2025-06-12"), "FULL": (0, "2025-07-15"), "CHAL": (0, "2025-07-02"), "REPS": (18800, None)}
    reps = show(summer, "REPS")
    entries = [(t["date"], t["type"], t["amount_pence"]) for t in reps["timeline"] if t["type"] != "stage"]
    assert entries == [("2025-06-02", "charge", 7000), ("2025-07-31", "fee", 3500), ("2025-08-18", "fee", 800),
                       ("2025-09-15", "fee", 7500)]
    assert reps["balance_cache_ok"] and reps["priority"] == 5


def test_account_show_explains_every_move(summer):
    disc = summer("account", "show", "DISC", *C).output
    assert "£35.00 if paid by 2025-06-15 (14 days), £70.00 by 2025-06-29" in disc
    assert ("£35.00 paid by 2025-06-12, within the discount period ending 2025-06-15 (14 days beginning with service on "
            "2025-06-02): the discounted charge of £35.00 settles the PCN; £35.00 discount applied.") in disc
    assert "-£35.00  Discount (50%): the discounted charge of £35.00 paid within the discount period" in disc
    assert "balance:  £0.00" in disc

    full = summer("account", "show", "FULL", *C).output
    assert ("On-street PCN served 2025-06-02: £40.00 unpaid at the end of its 28-day payment period on 2025-06-29; "
            "Notice to Owner sent, deemed served 2025-07-02; pay or make representations by 2025-07-29 (reg 20; no "
            "Notice to Owner after 2025-12-01).") in full
    assert "Nothing left to pay: £40.00 received." in full

    chal = summer("account", "show", "CHAL", *C).output
    assert "Record an informal challenge to an on-street PCN (the discount is kept while it is considered). Recorded by parking." in chal
    assert "PCN cancelled (informal challenge accepted): £70.00 taken off" in chal

    reps = summer("account", "show", "REPS", *C).output
    assert "PCN posted (camera) 2025-06-02, served 2025-06-04; £35.00 if paid by 2025-06-24 (21 days), £70.00 by 2025-07-01" in reps
    assert "Reject the representations and serve a notice of rejection. Recorded by parking." in reps
    assert ("£70.00 unpaid and no appeal by 2025-07-30 (28 days beginning with service of the notice of rejection on "
            "2025-07-03); charge certificate sent, charge increased by 50% (£35.00) to £105.00; deemed served 2025-08-04, "
            "pay by 2025-08-17 (reg 21).") in reps
    assert ("£105.00 unpaid by 2025-08-17 (14 days beginning with service of the charge certificate on 2025-08-04): "
            "registered at the Traffic Enforcement Centre with the £8.00 fee, debt now £113.00; Order for Recovery deemed "
            "served 2025-08-20, pay or file a witness statement by 2025-09-09 (CPR 75).") in reps
    assert ("£113.00 unpaid and no witness statement by 2025-09-09 (21 days beginning with service of the Order for "
            "Recovery on 2025-08-20): warrant of control requested from the TEC.") in reps
    assert "Pass the warrant of control to an enforcement agent (adds the compliance fee). Recorded by parking." in reps
    assert "£75.00  Enforcement agent compliance fee (SI 2014/1)" in reps
    for ref in ("DISC", "FULL", "CHAL", "REPS"):
        assert all(t["reason"] and "{" not in t["reason"] for t in show(summer, ref)["timeline"] if t["type"] == "stage")


def test_the_officer_sees_the_actions_and_is_refused_what_the_profile_does_not_allow(summer):
    listed = {a["action"] for a in json.loads(summer("account", "actions", "REPS", *C, "--json").output)}
    assert listed == {"ea_enforcement_stage", "ea_returned", "write_off"}
    summer("account", "act", "REPS", "ea_returned", "outcome=no contact", *C, *OFFICER, "--date", "2025-11-03")
    refused = summer("account", "act", "REPS", "agree_payment_plan_at_warrant", "instalment=20.00", "first_due=2025-12-01",
                     *C, *OFFICER, "--date", "2025-11-04", expect=1)
    assert "the council's profile does not allow PCNs to be paid by instalments" in refused.output
    assert show(summer, "REPS")["stage"] == "warrant_of_control"


def test_a_bad_import_names_file_line_and_column(arrears, data_dir, tmp_path):
    arrears("init", *C, "--profile", data_dir / "pcn_council.toml")
    accounts = tmp_path / "bad.csv"
    accounts.write_text(HEADER + "A1,pcn,K1,Ann Able,60.00,2025-06-02,AB12 CDE,2,higher,affixed,01\n"
                                 "A2,pcn,K2,Bob Brown,40.00,2025-06-02,CD34 EFG,4,lower,affixed,01\n")
    result = arrears("import", "accounts", accounts, *C, expect=1)
    assert (f"{accounts}:2: amount: £60.00 is not the band 2 higher level charge of £70.00 in the council's charge "
            "table") in result.output
    assert f"{accounts}:3: band: '4' is not a band in the council's charge table (bands: 1, 2)" in result.output
    assert "no account" in arrears("account", "show", "A1", *C, expect=1).output.lower()
