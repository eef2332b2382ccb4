"""Stockport's bundled profile driven through the CLI (seed 000, one surviving page): the five debt types of its code,
one ranking across them, and the defaults chosen where the page is silent."""

from __future__ import annotations

DEBTOR = "S-1"


def test_stockport_recovers_the_five_debts_of_its_code_in_one_ranking(council, explained):
    stockport = council("stockport")
    stockport.accounts("council_tax", {"reference": "CTAX", "debtor_ref": DEBTOR, "amount": "1234.56", "date": "2025-03-10",
                                       "financial_year": "2025"})
    stockport.accounts("nndr", {"reference": "RATES", "debtor_ref": DEBTOR, "amount": "2400.00", "date": "2025-03-10",
                                "financial_year": "2025"})
    stockport.accounts("hb_overpayment", {"reference": "HBOP", "debtor_ref": DEBTOR, "amount": "500.00", "date": "2025-03-03",
                                          "period_start": "2025-01-06", "period_end": "2025-02-23", "cause": "claimant_error",
                                          "on_hb": "no"})
    stockport.accounts("rents", {"reference": "RENT", "debtor_ref": DEBTOR, "amount": "90.00", "date": "2025-04-07",
                                 "rent_period": "weekly", "rent_day": "1"})
    stockport.accounts("sundry", {"reference": "INVOICE", "debtor_ref": DEBTOR, "amount": "120.00", "date": "2025-03-03"})
    refused = stockport.accounts("pcn", {"reference": "PCN", "amount": "70.00", "date": "2025-06-02"}, expect=1)
    assert "unknown debt type 'pcn' for council 'stockport'" in refused.output
    stockport.run_to("2025-05-05")

    assert stockport.moves("CTAX")[:1] == [("2025-04-02", "reminder_1")]   # statutory (DOMAIN §1.2)
    assert stockport.moves("RATES")[:1] == [("2025-04-02", "reminder")]    # statutory (DOMAIN §2.2)
    # Defaults chosen where the page is silent: HB overpayment invoice 7 days and final notice 7 days.
    assert stockport.moves("HBOP") == [("2025-04-04", "invoice"), ("2025-04-12", "final_notice"),
                                       ("2025-04-20", "recovery_review")]
    assert stockport.moves("RENT")[:1] == [("2025-04-14", "early_contact")]
    # Sundry: 30 days, a 14-day reminder, a 14-day final notice, then the Pre-Action Protocol's Letter of Claim.
    assert stockport.moves("INVOICE") == [("2025-04-03", "reminder"), ("2025-04-18", "final_notice"),
                                          ("2025-05-03", "letter_of_claim")]

    # One ranking across the council's services, so they do not compete for the same debtor's money.
    refs = ["INVOICE", "HBOP", "RATES", "CTAX", "RENT"]
    order = stockport.profile()["priority"]["order"]
    shown = {ref: stockport.show(ref) for ref in refs}
    assert [shown[r]["priority"] for r in refs] == [5, 5, 3, 2, 1]
    ranked = sorted(refs, key=lambda r: (shown[r]["priority"], order.index(shown[r]["debt_type"])))
    assert ranked == ["RENT", "CTAX", "RATES", "HBOP", "INVOICE"]
    for ref in refs:
        explained(shown[ref])


def test_stockport_states_no_plan_vulnerability_or_complaint_rules_its_page_does_not_make(council):
    profile = council("stockport").profile()
    assert profile["vulnerability"]["categories"] == [] and profile["vulnerability"]["responses"] == []
    assert profile["service_standards"] == {"complaint_stages": [], "call_answering": []}
    assert profile["payment_plans"]["max_months_by_debt_type"] == {}
