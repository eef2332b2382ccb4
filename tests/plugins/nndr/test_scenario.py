"""A year of business rates for four ratepayers, driven only through the CLI (DOMAIN §2; WE-01 arithmetic).

Ratepayers (demands issued 10 March 2025 for 2025/26, ten instalments on the 1st from April):
* LATE, a sole trader (£2,400): pays May's instalment late but within the reminder; clears the year.
* DEFAULT, a person (£1,800): misses June, ignores the reminder, loses the instalments, pays after the final notice.
* COMPANY, a company (£3,000): pays nothing; summons, liability order, enforcement agent, winding-up petition.
* HEARING, a person (£1,200): misses July, is summonsed, pays the sum and costs before the hearing.
Each day to the end of August: that day's payments are imported, the nightly run goes, then the officers act;
from September the run goes on the 1st of each month (it catches up day by day) and at the year's end.
"""

from __future__ import annotations

from datetime import date, timedelta

ACCOUNTS = [
    {"reference": "LATE", "debtor_ref": "P-LATE", "debtor_name": "Lee Late", "amount": "2400.00", "date": "2025-03-10",
     "debtor_kind": "sole_trader", "financial_year": 2025},
    {"reference": "DEFAULT", "debtor_ref": "P-DEF", "debtor_name": "Dee Fault", "amount": "1800.00", "date": "2025-03-10",
     "debtor_kind": "person", "financial_year": 2025},
    {"reference": "COMPANY", "debtor_ref": "C-CO", "debtor_name": "Widgets Ltd", "amount": "3000.00", "date": "2025-03-10",
     "debtor_kind": "company", "financial_year": 2025},
    {"reference": "HEARING", "debtor_ref": "P-HEAR", "debtor_name": "Harry Hearing", "amount": "1200.00",
     "date": "2025-03-10", "debtor_kind": "person", "financial_year": 2025},
]
MONTHS = [date(2025, m, 1) for m in range(4, 13)] + [date(2026, 1, 1)]
PAYMENTS = (
    [("LATE", "240.00", d) for d in MONTHS if d.month != 5] + [("LATE", "240.00", date(2025, 5, 6))]
    + [("DEFAULT", "180.00", d) for d in MONTHS[:2]] + [("DEFAULT", "1440.00", date(2025, 6, 20))]
    + [("HEARING", "120.00", d) for d in MONTHS[:3]] + [("HEARING", "920.00", date(2025, 8, 5))]
)
# (date, reference, action, fields, refusal expected in the output or None)
ACTIONS = [
    (date(2025, 5, 13), "COMPANY", "refer_enforcement_agent", ["agent=Marstons"], None),
    (date(2025, 5, 16), "COMPANY", "ea_enforcement_stage", ["visit_date=2025-05-16"], "the earliest is 2025-05-22"),
    (date(2025, 5, 22), "COMPANY", "ea_enforcement_stage", ["visit_date=2025-05-22"], None),
    (date(2025, 5, 23), "COMPANY", "attach_earnings", ["employer=Acme"], "does not allow 'attach_earnings'"),
    (date(2025, 6, 2), "COMPANY", "ea_returned_after_visit", ["outcome=insufficient goods"], None),
    (date(2025, 6, 3), "COMPANY", "apply_benefit_deductions", ["benefit=universal_credit"], "does not allow"),
    (date(2025, 6, 3), "COMPANY", "apply_committal", ["ea_return_date=2025-06-02"], "not a company"),
    (date(2025, 6, 3), "COMPANY", "petition_winding_up", ["court=High Court"], None),
]

EXPECTED = {
    "LATE": ("paid", 0, [
        ("2025-05-02", "reminder", "reminder"), ("2025-05-06", "reminder_complied", "demand"),
        ("2026-01-01", "cleared", "paid"),
    ]),
    "DEFAULT": ("paid", 0, [
        ("2025-06-02", "reminder", "reminder"), ("2025-06-09", "reminder_not_complied", "instalments_lost"),
        ("2025-06-16", "final_notice", "final_notice"), ("2025-06-20", "cleared", "paid"),
    ]),
    "COMPANY": ("winding_up", 300_000 + 8_000 + 2_000 + 7_500 + 35_500, [
        ("2025-04-02", "reminder", "reminder"), ("2025-04-09", "reminder_not_complied", "instalments_lost"),
        ("2025-04-16", "final_notice", "final_notice"), ("2025-04-23", "summons", "summons"),
        ("2025-05-12", "liability_order_granted", "liability_order"),
        ("2025-05-13", "refer_enforcement_agent", "enforcement_agent"),
        ("2025-05-22", "ea_enforcement_stage", "ea_enforcement"),
        ("2025-06-02", "ea_returned_after_visit", "liability_order"),
        ("2025-06-03", "petition_winding_up", "winding_up"),
    ]),
    "HEARING": ("withdrawn", 0, [
        ("2025-07-02", "reminder", "reminder"), ("2025-07-09", "reminder_not_complied", "instalments_lost"),
        ("2025-07-16", "final_notice", "final_notice"), ("2025-07-23", "summons", "summons"),
        ("2025-08-05", "summons_withdrawn", "withdrawn"),
    ]),
}


def test_a_year_of_business_rates_through_the_cli(council, csv, h):
    council("import", "accounts", csv.accounts(ACCOUNTS), "--council", "ratesville")
    day = date(2025, 3, 10)
    while day <= date(2026, 3, 31):
        if day > date(2025, 8, 31) and day.day != 1 and day != date(2026, 3, 31):
            day += timedelta(days=1)
            continue
        todays = [(ref, amount, on) for ref, amount, on in PAYMENTS if on == day]
        if todays:
            council("import", "payments", csv.payments(todays), "--council", "ratesville")
        h.run_to(council, day)
        for on, ref, action, fields, refusal in ACTIONS:
            if on == day:
                result = h.act(council, ref, action, on, *fields, expect=None if refusal else 0)
                if refusal:
                    assert result.exit_code != 0 and refusal in result.output, result.output
        day += timedelta(days=1)

    for ref, (stage, balance, moves) in EXPECTED.items():
        shown = h.show(council, ref)
        assert (shown["stage"], shown["balance_pence"]) == (stage, balance), ref
        assert h.moves(shown) == moves, ref
        assert shown["balance_cache_ok"] and shown["priority"] == 3
        for event in (t for t in shown["timeline"] if t["type"] == "stage"):   # every move explains itself
            assert event["reason"] and "?" not in event["reason"] and "{" not in event["reason"], (ref, event)
            assert event["run_id"] is not None or event["officer"] == "jsmith"

    company = h.show(council, "COMPANY")
    fees = [(t["date"], t["code"], t["amount_pence"]) for t in company["timeline"] if t["type"] == "fee"]
    assert fees == [("2025-04-23", "summons_costs", 8_000), ("2025-05-12", "liability_order_costs", 2_000),
                    ("2025-05-13", "ea_compliance_fee", 7_500), ("2025-05-22", "ea_enforcement_fee", 35_500)]
    text = h.text(council, "COMPANY")
    assert "Enforcement agent enforcement fee (SI 2014/1) on £3,100.00 to be recovered" in text
    assert "liability order made with £20.00 costs" in text
    assert "Recorded by jsmith" in text
    hearing = h.text(council, "HEARING")
    assert "deemed served 2025-07-25, hearing 2025-08-11" in hearing
    assert "Sum and costs paid (£1,280.00 received) before the hearing on 2025-08-11" in hearing
    assert "reminder complied with" not in h.text(council, "DEFAULT")
    assert council("ledger", "check", "--council", "ratesville").exit_code == 0
