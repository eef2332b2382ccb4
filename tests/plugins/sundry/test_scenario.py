"""Sundry invoices driven only through the CLI, on both backends (DOMAIN §3; WE-26, WE-38, WE-41, §7.4).

Invoices of 3 March 2025 under Rotherham's 21/14/14 days, with pre-action letters and Late Payment Act charges on:
* PAYS, a person (£120.50): pays after the reminder, before the final notice.
* COURT, a person (£850.00): Letter of Claim, says they are getting debt advice (the claim is held), then a county
  court claim with its issue fee, default judgment (a too-early date refused) and a warrant of control.
* BIZ, a company (£1,200.00): letter before claim with £70 compensation and statutory interest, a part payment,
  then a claim with interest to date and its issue fee.
* OLD, a person (£300.00, invoice due 15 January 2019) imported in June 2025: time-barred since 17 January 2025,
  flagged for write-off review and written off.
The nightly run goes only on the days that matter (it catches up); officers act on their days.
"""

from __future__ import annotations

import json
from arrears_test_csv import payment_lines

C = ("--council", "testshire")
ACCOUNTS = """reference,debt_type,debtor_ref,debtor_name,debtor_kind,amount,date,service
PAYS,sundry,P1,Pat Payer,person,120.50,2025-03-03,hall hire
COURT,sundry,P2,Cory Court,person,850.00,2025-03-03,bulky waste
BIZ,sundry,C1,Widgets Ltd,company,"1,200.00",2025-03-03,trade waste
"""
OLD = "reference,debt_type,debtor_ref,debtor_name,debtor_kind,amount,date\nOLD,sundry,P3,Olive Old,person,300.00,2018-12-25\n"
PAYMENTS = {"2025-04-02": [("PAYS", "120.50")], "2025-05-01": [("BIZ", "500.00")]}
# (date, reference, action, fields, officer, refusal expected in the output or None)
ACTIONS = [
    ("2025-05-06", "COURT", "debtor_taking_advice", ["adviser=StepChange"], "revs", None),
    ("2025-05-12", "BIZ", "issue_county_court_claim", ["court=County Court Money Claims Centre"], "revs", None),
    ("2025-06-03", "OLD", "issue_county_court_claim", ["court=CCMCC"], "revs", "does not allow 'issue_county_court_claim'"),
    ("2025-06-03", "OLD", "write_off", ["reason=statute_barred"], "cfo", None),
    ("2025-06-09", "COURT", "send_letter_before_claim", [], "revs", "requires a Letter of Claim"),
    ("2025-06-09", "COURT", "issue_county_court_claim", ["court=County Court Money Claims Centre"], "revs", None),
    ("2025-06-20", "COURT", "record_judgment", ["judgment_date=2025-06-20", "kind=default"], "revs",
     "default judgment on a claim issued 2025-06-09 is possible from 2025-06-26"),
    ("2025-06-27", "COURT", "record_judgment", ["judgment_date=2025-06-26", "kind=default"], "revs", None),
    ("2025-07-01", "COURT", "enforce_judgment", ["method=bankruptcy"], "revs", "at least £5,000.00"),
    ("2025-07-01", "COURT", "enforce_judgment", ["method=warrant_of_control"], "revs", None),
]
RUN_DAYS = ["2025-03-03", "2025-03-25", "2025-04-02", "2025-04-24", "2025-05-01", "2025-05-06", "2025-05-09",
            "2025-05-12", "2025-06-01", "2025-06-02", "2025-06-03", "2025-06-06", "2025-06-09", "2025-06-20",
            "2025-06-27", "2025-07-01", "2025-12-31"]

EXPECTED = {
    "PAYS": ("paid", 0, [("2025-03-25", "reminder_after_terms", "reminder"), ("2025-04-02", "cleared", "paid")]),
    "COURT": ("enforcement", 85_000 + 7_000, [
        ("2025-03-25", "reminder_after_terms", "reminder"), ("2025-04-09", "final_notice_after_reminder", "final_notice"),
        ("2025-04-24", "letter_of_claim_after_final_notice", "letter_of_claim"),
        ("2025-05-06", "debtor_taking_advice", "advice_hold"), ("2025-06-06", "advice_hold_ended", "officer_review"),
        ("2025-06-09", "issue_county_court_claim", "claim_issued"), ("2025-06-27", "record_judgment", "judgment"),
        ("2025-07-01", "enforce_judgment", "enforcement"),
    ]),
    "BIZ": ("claim_issued", 120_000 + 7_000 + 1_299 - 50_000 + 440 + 7_000, [
        ("2025-03-25", "reminder_after_terms", "reminder"), ("2025-04-09", "final_notice_after_reminder", "final_notice"),
        ("2025-04-24", "letter_before_claim_after_final_notice", "letter_before_claim"),
        ("2025-05-09", "letter_before_claim_unanswered", "officer_review"),
        ("2025-05-12", "issue_county_court_claim", "claim_issued"),
    ]),
    "OLD": ("written_off", 0, [("2025-06-02", "limitation_expired", "write_off_review"),
                               ("2025-06-03", "write_off", "written_off")]),
}


def _profile(data_dir, tmp_path):
    text = (data_dir / "sundry_council.toml").read_text()
    text = text.replace('reasons = ["uneconomical", "cannot_trace"]', 'reasons = ["uneconomical", "cannot_trace", "statute_barred"]')
    text = text.replace("pre_action_letters = false", "pre_action_letters = true\nlate_payment_charges = true")
    path = tmp_path / "scenario.toml"
    path.write_text(text)
    return path


def _show(cli, ref: str) -> dict:
    return json.loads(cli("account", "show", ref, *C, "--json").output)


def _moves(shown: dict) -> list[tuple[str, str, str]]:
    return [(t["date"], t["rule"], t["to"]) for t in shown["timeline"] if t["type"] == "stage"]


def test_sundry_recovery_through_the_cli(arrears, data_dir, tmp_path):
    arrears("init", *C, "--profile", _profile(data_dir, tmp_path))
    arrears("officer", "add", "revs", *C, "--role", "recovery_officer")
    arrears("officer", "add", "cfo", *C, "--role", "s151_officer")
    (tmp_path / "accounts.csv").write_text(ACCOUNTS)
    arrears("import", "accounts", tmp_path / "accounts.csv", *C)
    for day in RUN_DAYS:
        if day in PAYMENTS:
            pay = tmp_path / f"pay_{day}.csv"
            pay.write_text("\n".join(payment_lines((ref, amount, day) for ref, amount in PAYMENTS[day])) + "\n")
            arrears("import", "payments", pay, *C)
        if day == "2025-06-02":  # an old invoice found in a service's records
            (tmp_path / "old.csv").write_text(OLD)
            arrears("import", "accounts", tmp_path / "old.csv", *C)
        arrears("run", *C, "--date", day)
        for on, ref, action, fields, officer, refusal in ACTIONS:
            if on == day:
                result = arrears("account", "act", ref, action, *fields, *C, "--officer", officer, "--date", on,
                                 expect=None if refusal else 0)
                if refusal:
                    assert result.exit_code != 0 and refusal in result.output, result.output

    for ref, (stage, balance, moves) in EXPECTED.items():
        shown = _show(arrears, ref)
        assert (shown["stage"], shown["balance_pence"], shown["balance_cache_ok"]) == (stage, balance, True), ref
        assert _moves(shown) == moves, ref
        for event in (t for t in shown["timeline"] if t["type"] == "stage"):  # every move explains itself
            assert event["reason"] and "{" not in event["reason"], (ref, event)
            assert event["run_id"] is not None or event["officer"] in ("revs", "cfo")

    pays = arrears("account", "show", "PAYS", *C).output
    assert "£120.50 unpaid after the 21-day payment terms; reminder issued. Due 2025-03-24; pay by 2025-04-08" in pays
    assert "Nothing left to pay: £120.50 received." in pays

    court = arrears("account", "show", "COURT", *C).output
    assert ("Letter of Claim sent to the individual under the Pre-Action Protocol for Debt Claims, with statement of "
            "account, information sheet, reply form and financial statement: reply by 2025-05-24 (30 days).") in court
    assert "getting debt advice" in court and "Recorded by revs." in court
    assert ("The claim was held from 2025-05-06 while the debtor got debt advice (30 days); the hold ended on 2025-06-05 "
            "with £850.00 unpaid. A county court claim may now be issued (until 2031-03-25)") in court
    assert ("County court claim issue fee on a claim of £850.00 (band £500.01 to £1,000.00, fixed; Civil Proceedings "
            "Fees Order 2008)") in court

    biz = _show(arrears, "BIZ")
    assert [(t["date"], t["code"], t["amount_pence"]) for t in biz["timeline"] if t["type"] == "fee"] == [
        ("2025-04-24", "late_payment_compensation", 7_000), ("2025-04-24", "statutory_interest", 1_299),
        ("2025-05-12", "statutory_interest", 440), ("2025-05-12", "claim_issue_fee", 7_000)]
    text = arrears("account", "show", "BIZ", *C).output
    assert ("letter before claim sent to the business: pay by 2025-05-08 (14 days). Late Payment Act: compensation "
            "£70.00 (debt £1,000.00 to £9,999.99, s5A) and statutory interest £12.99 (12.75% a year, 8% over the 4.75% "
            "base rate on 2024-12-31, on £1,200.00 for 31 days from 2025-03-25) added.") in text
    assert "on £700.00 for 18 days from 2025-04-25" in text  # interest since the letter, on what is left of the invoice
    assert "No payment within 14 days of the letter before claim of 2025-04-24 (£782.99 unpaid)." in text

    old = arrears("account", "show", "OLD", *C).output
    assert ("Time-barred: £300.00 unpaid; the right to claim accrued on 2019-01-16, so the last day to issue a claim "
            "was 2025-01-16 (6 years, Limitation Act 1980 s5). Flagged for write-off review; not pursued further.") in old
    assert "Written off: statute_barred" in old
    assert arrears("ledger", "check", *C).exit_code == 0
