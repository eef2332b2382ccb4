"""A year of HB overpayments for four claimants, driven only through the CLI (DOMAIN §4; WE-20, WE-22 amounts).

Notices issued 3 February 2025 (Monday) by council ``hbshire`` (Rutland's order: ongoing HB first; Rotherham's 7 + 7 days):
* DEDUCT (£120.00, still on HB): deductions from HB start the day after the one-month window at £13.65 a week; from
  the April uprating the maximum is £13.95, and an officer agrees a £10.00 hardship rate; cleared in May.
* INVOICED (£1,200.00, employed, not on HB): invoice, final notice, then an officer serves a DEA (£70.00 a month on
  £1,000.00 net); the employer stops paying, the case comes back for review, and a county court claim is issued.
* OFFICIAL (£500.00, official error the claimant could not have realised): not recoverable on the notice date.
* APPEALED (£800.00, on Universal Credit): an appeal holds recovery; the amount is revised to £600.00; the DWP
  deducts £60.02 a month (15% of £400.14, the cap from 30 April 2025) until cleared in March 2026.
The nightly run goes only on the days something happens (it catches up day by day) and at the year's end.
"""

from __future__ import annotations

from datetime import date, timedelta

ACCOUNTS = [
    {"reference": "DEDUCT", "amount": "120.00", "on_hb": "yes", "claim_ref": "HB-1"},
    {"reference": "INVOICED", "amount": "1200.00", "employer": "Acme Ltd"},
    {"reference": "OFFICIAL", "amount": "500.00", "cause": "official_error", "error_apparent": "no"},
    {"reference": "APPEALED", "amount": "800.00", "benefit": "universal_credit"},
]
MONDAYS = [date(2025, 3, 10) + timedelta(weeks=n) for n in range(11)]   # 10 March to 19 May
PAYMENTS = (
    [("DEDUCT", "13.65", d) for d in MONDAYS[:5]] + [("DEDUCT", "10.00", d) for d in MONDAYS[5:10]]
    + [("DEDUCT", "1.75", MONDAYS[10])]
    + [("INVOICED", "70.00", d) for d in (date(2025, 4, 30), date(2025, 5, 30), date(2025, 6, 30))]
    + [("APPEALED", "60.02", date(2025 + (m > 12), (m - 1) % 12 + 1, 10)) for m in range(6, 15)]
    + [("APPEALED", "59.82", date(2026, 3, 10))]
)
# (date, reference, action, fields, refusal expected in the output or None)
ACTIONS = [
    (date(2025, 2, 20), "APPEALED", "appeal_lodged", ["lodged_on=2025-02-18"], None),
    (date(2025, 3, 21), "INVOICED", "deduct_from_hb", ["earnings_disregard=0"], "does not record that the debtor gets HB"),
    (date(2025, 3, 21), "INVOICED", "start_dea", ["employer=Acme Ltd", "net_earnings=400.00", "pay_period=monthly"],
     "in the DEA table's 0% band"),
    (date(2025, 3, 21), "INVOICED", "start_dea", ["employer=Acme Ltd", "net_earnings=1000.00", "pay_period=monthly"], None),
    (date(2025, 4, 8), "DEDUCT", "agree_hardship_rate", ["weekly_amount=14.00", "evidence=SFS"], "not lower than"),
    (date(2025, 4, 8), "DEDUCT", "agree_hardship_rate", ["weekly_amount=10.00", "evidence=SFS 2025-04-04"], None),
    (date(2025, 5, 6), "APPEALED", "appeal_decided", ["decision=revised", "recoverable_amount=600.00"], None),
    (date(2025, 5, 7), "APPEALED", "request_dwp_deduction", ["benefit=Child Benefit", "has_earnings=yes"],
     "not a benefit the DWP deducts"),
    (date(2025, 5, 7), "APPEALED", "request_dwp_deduction", ["benefit=universal_credit", "has_earnings=yes"], None),
    (date(2025, 9, 2), "INVOICED", "start_county_claim", ["claim_number=K00HB123"], None),
]

EXPECTED = {
    "DEDUCT": ("paid", 0, [
        ("2025-03-04", "hb_deduction_after_notice", "ongoing_hb_deduction"),
        ("2025-04-08", "agree_hardship_rate", "ongoing_hb_deduction"),
        ("2025-05-19", "cleared", "paid"),
    ]),
    "INVOICED": ("county_court", 120_000 - 3 * 7_000 + 7_000, [
        ("2025-03-04", "invoice_after_notice", "invoice"), ("2025-03-12", "final_notice", "final_notice"),
        ("2025-03-20", "review_after_final_notice", "recovery_review"),
        ("2025-03-21", "start_dea", "direct_earnings_attachment"), ("2025-09-01", "dea_stopped", "recovery_review"),
        ("2025-09-02", "start_county_claim", "county_court"),
    ]),
    "OFFICIAL": ("not_recoverable", 0, [("2025-02-03", "official_error", "not_recoverable")]),
    "APPEALED": ("paid", 0, [
        ("2025-02-20", "appeal_lodged", "appeal"), ("2025-05-06", "appeal_decided", "recovery_review"),
        ("2025-05-07", "request_dwp_deduction", "dwp_deduction"), ("2026-03-10", "cleared", "paid"),
    ]),
}


def test_a_year_of_hb_overpayments_through_the_cli(council, csv, h):
    rows = [h.row(a["reference"], **{k: v for k, v in a.items() if k != "reference"}) for a in ACCOUNTS]
    council("import", "accounts", csv.accounts(rows), "--council", "hbshire")
    days = sorted({date(2025, 2, 3)} | {on for _, _, on in PAYMENTS} | {a[0] for a in ACTIONS} | {date(2026, 3, 31)})
    for day in days:
        todays = [(ref, amount, on) for ref, amount, on in PAYMENTS if on == day]
        if todays:
            council("import", "payments", csv.payments(todays), "--council", "hbshire")
        h.run_to(council, day)
        for on, ref, action, fields, refusal in ACTIONS:
            if on == day:
                result = h.act(council, ref, action, on, *fields, expect=None if refusal else 0)
                if refusal:
                    assert result.exit_code != 0 and refusal in result.output, result.output

    for ref, (stage, balance, moves) in EXPECTED.items():
        shown = h.show(council, ref)
        assert (shown["stage"], shown["balance_pence"]) == (stage, balance), ref
        assert h.moves(shown) == moves, ref
        assert shown["balance_cache_ok"] and shown["priority"] == 5
        for event in (t for t in shown["timeline"] if t["type"] == "stage"):   # every move explains itself
            assert event["reason"] and "{" not in event["reason"], (ref, event)
            assert event["run_id"] is not None or event["officer"] == "jsmith"

    deduct = h.text(council, "DEDUCT")
    assert ("No appeal within the 1-month window ending 2025-03-03; next method in the council's order: deduction from "
            "ongoing HB (the debtor still gets HB). Deductions from ongoing HB at up to £13.65 a week: standard rate "
            "3 × £4.55") in deduct
    assert "Agreed £10.00 a week, below the weekly maximum £13.95 a week: standard rate 3 × £4.65" in deduct
    assert "Nothing left to pay: £120.00 received." in deduct

    invoiced = h.text(council, "INVOICED")
    assert "Invoice issued for £1,200.00, pay by 2025-03-11 (7 days)." in invoiced
    assert "final notice issued, pay by 2025-03-19 (7 days)" in invoiced
    assert "next method in the council's order: Direct Earnings Attachment (employer Acme Ltd on record" in invoiced
    assert "The employer deducts £70.00 a month: 7% of £1,000.00 net earnings" in invoiced
    assert "No DEA payment from the employer for 62 days (last 2025-06-30); £990.00 left." in invoiced
    assert "Claim for £990.00: issue fee £70.00" in invoiced
    fees = [(t["date"], t["code"], t["amount_pence"]) for t in h.show(council, "INVOICED")["timeline"] if t["type"] == "fee"]
    assert fees == [("2025-09-02", "claim_issue_fee", 7_000)]

    official = h.show(council, "OFFICIAL")
    assert official["closed_on"] == "2025-02-03"
    assert "official error the claimant or payee could not reasonably have realised: not recoverable" in h.text(council, "OFFICIAL")

    appealed = h.show(council, "APPEALED")
    adjustments = [(t["date"], t["amount_pence"]) for t in appealed["timeline"] if t["type"] == "adjustment"]
    assert adjustments == [("2025-05-06", -20_000)]
    dwp = next(t for t in appealed["timeline"] if t.get("rule") == "request_dwp_deduction")
    assert dwp["facts"]["monthly_deduction_pence"] == 6002 and dwp["facts"]["capped"] is True
    assert ("Deduction £60.02 a month: rate with earnings 25% of the £400.14 UC standard allowance = £100.04, held to the "
            "overall cap of 15% in force from 2025-04-30 = £60.02.") in dwp["reason"]
    assert council("ledger", "check", "--council", "hbshire").exit_code == 0
