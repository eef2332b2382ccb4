"""Oadby & Wigston's bundled profile driven through the CLI (seed 004): Council Tax on the 1st, or the 15th by Direct
Debit; arrangements by telephone or within 10 days of an income form; call-answering targets; its three debt types."""

from __future__ import annotations

DEMAND = {"amount": "1234.56", "date": "2025-03-10", "financial_year": "2025"}


def test_council_tax_instalments_on_the_first_or_the_fifteenth_by_direct_debit(council, explained):
    ow = council("oadby_wigston")
    ow.accounts("council_tax", {"reference": "CASH", "direct_debit": "no", **DEMAND},
                {"reference": "DD", "direct_debit": "yes", **DEMAND})
    ow.run_to("2025-03-10")   # the demands are billed
    months = [f"2025-{m:02d}" for m in range(4, 13)] + ["2026-01"]
    # Ten instalments April to January (WE-05 amounts): £127.56 then nine of £123.00.
    amounts = [12756] + [12300] * 9
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in ow.show("CASH")["schedule"]] == [{"due_on": f"{m}-01", "amount_pence": a} for m, a in zip(months, amounts)]
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in ow.show("DD")["schedule"]] == [{"due_on": f"{m}-15", "amount_pence": a} for m, a in zip(months, amounts)]

    # Both pay April; the Direct Debit of 15 May fails and is paid within the reminder's seven days.
    ow.pay(("CASH", "127.56", "2025-04-01"), ("DD", "127.56", "2025-04-15"), ("CASH", "123.00", "2025-05-01"),
           ("DD", "123.00", "2025-05-20"), ("CASH", "123.00", "2025-06-01"), ("DD", "123.00", "2025-06-15"))
    ow.run_to("2025-06-30")
    assert ow.moves("CASH") == []
    assert ow.moves("DD") == [("2025-05-16", "reminder_1"), ("2025-05-20", "demand")]
    assert "Instalment due 2025-05-15 not paid: £123.00 in arrears; first reminder issued, pay by 2025-05-22" in ow.text("DD")
    assert [ow.show(r)["balance_pence"] for r in ("CASH", "DD")] == [123456 - 37356] * 2
    explained(ow.show("DD"))


def test_business_rates_and_hb_overpayments_are_recovered_and_nothing_else(council):
    ow = council("oadby_wigston")
    ow.accounts("nndr", {"reference": "RATES", "amount": "2400.00", "date": "2025-03-10", "financial_year": "2025",
                         "debtor_kind": "company"})
    ow.accounts("hb_overpayment", {"reference": "HBOP", "amount": "500.00", "date": "2025-03-03",
                                   "period_start": "2025-01-06", "period_end": "2025-02-23", "cause": "claimant_error"})
    refused = ow.accounts("sundry", {"reference": "INV", "amount": "50.00", "date": "2025-03-03"}, expect=1)
    assert "unknown debt type 'sundry' for council 'oadby_wigston' (enabled: council_tax, nndr, hb_overpayment)" in refused.output
    ow.run_to("2025-04-30")
    assert ow.moves("RATES")[:1] == [("2025-04-02", "reminder")]
    assert ow.moves("HBOP") == [("2025-04-04", "invoice"), ("2025-04-12", "final_notice"), ("2025-04-20", "recovery_review")]
    assert [ow.show(r)["priority"] for r in ("RATES", "HBOP")] == [3, 5]


def test_arrangements_by_telephone_or_within_ten_days_of_an_income_form(council):
    ow = council("oadby_wigston")
    by_phone = ow.plan("--debt-type", "council_tax", "--balance", "600.00", "--instalment", "100.00",
                       "--agreed-on", "2025-06-02", "--first-payment", "2025-06-15")
    assert by_phone["allowed"] and by_phone["requirements"] == ["confirm the plan to the debtor in writing"]
    on_time = ow.plan("--debt-type", "council_tax", "--balance", "600.00", "--instalment", "100.00", "--agreed-on", "2025-06-12",
                      "--first-payment", "2025-06-15", "--income-form-on", "2025-06-02")
    assert on_time["requirements"] == ["confirm the plan to the debtor in writing"]
    late = ow.plan("--debt-type", "council_tax", "--balance", "600.00", "--instalment", "100.00", "--agreed-on", "2025-06-13",
                   "--first-payment", "2025-06-15", "--income-form-on", "2025-06-02")
    assert "the plan should have been set up by 2025-06-12, 10 days after the income and expenditure form" in late["requirements"]


def test_call_answering_targets_annual_billing_and_the_rest_of_the_year(council):
    standards = council("oadby_wigston").profile()["service_standards"]
    assert standards["call_answering"] == [{"period": "annual_billing", "target_percent": 82},
                                           {"period": "rest_of_year", "target_percent": 86}]
    assert standards["complaint_stages"] == []
