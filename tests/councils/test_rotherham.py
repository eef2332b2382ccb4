"""Rotherham's bundled profile driven through the CLI (seed 001): the sundry timeline beside Reading's, HB overpayments
7/7 then the framework's order of methods, Council Tax remedies in the framework's order, write-off grounds, plans."""

from __future__ import annotations

INVOICES = [
    {"reference": "PERSON", "debtor_kind": "person", "amount": "250.00", "date": "2025-03-03"},
    {"reference": "COMPANY", "debtor_kind": "company", "amount": "500.00", "date": "2025-03-03"},
]


def test_we26_rotherham_and_reading_sundry_invoices_side_by_side(council, explained):
    """The same invoices of 3 March 2025: Rotherham 21/14/14 then an officer (reminder on day 22), Reading 30 days,
    a reminder on day 31 and further recovery at 60 days with the pre-action letter (and Late Payment Act charges
    on the company)."""
    rotherham, reading = council("rotherham"), council("reading")
    for c in (rotherham, reading):
        c.accounts("sundry", *INVOICES)
        c.run_to("2025-08-31")

    for ref in ("PERSON", "COMPANY"):
        assert rotherham.moves(ref) == [
            ("2025-03-25", "reminder"),          # day 22: due 2025-03-24 after 21 days
            ("2025-04-09", "final_notice"),      # pay by 2025-04-08 (14 days)
            ("2025-04-24", "further_recovery"),  # pay by 2025-04-23 (14 days); an officer chooses the route
            ("2025-07-24", "officer_review"),    # three months with no further action
        ]
        assert rotherham.show(ref)["priority"] == 5
        explained(rotherham.show(ref))
    assert "Due 2025-03-24; pay by 2025-04-08 (14 days)" in rotherham.text("PERSON")
    assert rotherham.fees("COMPANY") == []

    assert reading.moves("PERSON") == [
        ("2025-04-03", "reminder"),           # day 31: due 2025-04-02 after 30 days
        ("2025-05-02", "letter_of_claim"),    # the debt 60 days old; no final notice
        ("2025-06-02", "officer_review"),     # 30 days to reply to the Letter of Claim
    ]
    assert reading.moves("COMPANY") == [
        ("2025-04-03", "reminder"),
        ("2025-05-02", "letter_before_claim"),
        ("2025-05-17", "officer_review"),     # 14 days to pay the letter before claim
    ]
    assert "the debt now 60 days old (further recovery from 60)" in reading.text("PERSON")
    fees = reading.fees("COMPANY")
    assert fees[0] == ("2025-05-02", "late_payment_compensation", 4000)   # debt under £1,000 (WE-38)
    assert reading.fees("PERSON") == []
    assert reading.show("PERSON")["priority"] == 3
    explained(reading.show("COMPANY"))


def test_rotherham_hb_overpayment_invoice_7_days_final_notice_7_days_then_the_frameworks_order(council, explained):
    rotherham = council("rotherham")
    common = {"amount": "840.00", "date": "2025-03-03", "period_start": "2024-10-07", "period_end": "2025-01-26",
              "cause": "claimant_error"}
    rotherham.accounts(
        "hb_overpayment",
        {"reference": "ON_UC", **common, "on_hb": "no", "benefit": "universal_credit"},
        {"reference": "ON_HB", **common, "on_hb": "yes"},
        {"reference": "PAYS", **common, "on_hb": "no"},
    )
    rotherham.pay(("PAYS", "840.00", "2025-04-16"))
    rotherham.run_to("2025-04-30")

    # Appeal window of one month ends 2025-04-03; every recoverable overpayment is invoiced first (§3).
    assert rotherham.moves("ON_UC") == [("2025-04-04", "invoice"), ("2025-04-12", "final_notice"),
                                        ("2025-04-20", "recovery_review")]
    text = rotherham.text("ON_UC")
    assert "Invoice issued for £840.00, pay by 2025-04-11 (7 days)" in text
    assert "final notice issued, pay by 2025-04-19 (7 days)" in text
    assert "next method in the council's order: DWP deduction from another benefit" in text
    # Still on HB: after the final notice, the next method in §6's order is deduction from ongoing HB.
    assert rotherham.moves("ON_HB") == [("2025-04-04", "invoice"), ("2025-04-12", "final_notice"),
                                        ("2025-04-20", "ongoing_hb_deduction")]
    assert "up to £13.95 a week" in rotherham.text("ON_HB")   # 2025/26 standard rate (WE-20)
    assert rotherham.moves("PAYS") == [("2025-04-04", "invoice"), ("2025-04-12", "final_notice"), ("2025-04-16", "paid")]
    for ref in ("ON_UC", "ON_HB"):
        assert rotherham.show(ref)["priority"] == 5
        explained(rotherham.show(ref))


def test_rotherham_council_tax_remedies_in_the_frameworks_order(council, explained):
    """§6: after the liability order an attachment of earnings where the employer is known, else (no qualifying
    benefit either) an enforcement agent, 14 days after the order; £75 compliance fee (seed's figure)."""
    rotherham = council("rotherham")
    rotherham.accounts(
        "council_tax",
        {"reference": "EMPLOYED", "amount": "1234.56", "date": "2025-03-10", "financial_year": "2025", "employer": "Acme Ltd"},
        {"reference": "UNKNOWN", "amount": "1234.56", "date": "2025-03-10", "financial_year": "2025", "employer": ""},
    )
    rotherham.pay(("EMPLOYED", "127.56", "2025-04-01"), ("UNKNOWN", "127.56", "2025-04-01"))
    rotherham.run_to("2025-06-30")

    statutory = [("2025-05-02", "reminder_1"), ("2025-05-09", "instalments_lost"), ("2025-05-16", "summons"),
                 ("2025-06-04", "liability_order")]
    assert rotherham.moves("EMPLOYED") == statutory + [("2025-06-18", "attachment_of_earnings")]
    assert rotherham.moves("UNKNOWN") == statutory + [("2025-06-18", "enforcement_agent")]
    assert rotherham.fees("EMPLOYED") == [("2025-05-16", "summons_costs", 8000), ("2025-06-04", "liability_order_costs", 2000)]
    assert rotherham.fees("UNKNOWN")[-1] == ("2025-06-18", "ea_compliance", 7500)
    assert "Council policy (attachment_of_earnings, benefit_deductions, enforcement_agent)" in rotherham.text("EMPLOYED")
    assert rotherham.show("UNKNOWN")["balance_pence"] == 110_700 + 8_000 + 2_000 + 7_500
    for ref in ("EMPLOYED", "UNKNOWN"):
        assert rotherham.show(ref)["priority"] == 2
        explained(rotherham.show(ref))


def test_rotherham_writes_off_only_on_the_frameworks_two_grounds(council):
    rotherham = council("rotherham")
    rotherham.officer("clerk", "recovery_officer")
    rotherham.officer("finance", "s151_officer")
    rotherham.accounts("sundry", {"reference": "SMALL", "amount": "25.00", "date": "2025-03-03"},
                       {"reference": "LARGE", "amount": "600.00", "date": "2025-03-03"})
    rotherham.run_to("2025-03-10")
    refused = rotherham.act("SMALL", "write_off", "2025-03-11", "clerk", "reason=cannot_trace", expect=1)
    assert "not one of the council's reasons: uneconomical, inappropriate" in refused.output
    rotherham.act("SMALL", "write_off", "2025-03-11", "clerk", "reason=uneconomical")
    assert rotherham.show("SMALL")["stage"] == "written_off"
    # Over the recovery officer's £500 the section 151 officer decides (a default: the framework gives no limits).
    too_big = rotherham.act("LARGE", "write_off", "2025-03-11", "clerk", "reason=inappropriate", expect=1)
    assert "needs authority 's151_officer'" in too_big.output
    rotherham.act("LARGE", "write_off", "2025-03-11", "finance", "reason=inappropriate")
    assert rotherham.show("LARGE")["stage"] == "written_off"


def test_rotherham_sundry_plans_aim_at_twelve_months(council):
    rotherham = council("rotherham")
    thirteen = rotherham.plan("--debt-type", "sundry", "--balance", "1300.00", "--instalment", "100.00",
                              "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15",
                              "--income-form-on", "2025-04-28", expect=1)
    assert "longer than the 12 months allowed for sundry" in " ".join(thirteen["problems"])
    twelve = rotherham.plan("--debt-type", "sundry", "--balance", "1200.00", "--instalment", "100.00",
                            "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", "--income-form-on", "2025-04-28")
    assert twelve["allowed"] and "confirm the plan to the debtor in writing" in twelve["requirements"]
    # Up to 3 months without an income and expenditure form (a default: the framework is silent).
    assert rotherham.plan("--debt-type", "council_tax", "--balance", "300.00", "--instalment", "100.00",
                          "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15")["allowed"]
    four = rotherham.plan("--debt-type", "council_tax", "--balance", "400.00", "--instalment", "100.00",
                          "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", expect=1)
    assert "longer than the 3 months allowed without an income and expenditure form" in " ".join(four["problems"])



def test_rotherham_business_rates_one_reminder_then_final_notice_and_seven_days_with_the_agent(council, explained):
    """§6 Business Rates: a reminder on the first default, a final notice on a further default (no second reminder);
    the agent's notification gives up to 7 days before a visit; fees £75, then £235 + 7½% over £1,500."""
    rotherham = council("rotherham")
    rotherham.officer("clerk", "recovery_officer")
    rates = {"date": "2025-03-10", "financial_year": "2025", "debtor_kind": "company"}
    rotherham.accounts("nndr", {"reference": "AGAIN", "amount": "2400.00", **rates},
                       {"reference": "NEVER", "amount": "3000.00", **rates})
    rotherham.pay(("AGAIN", "240.00", "2025-04-01"), ("AGAIN", "240.00", "2025-05-06"))
    rotherham.run_to("2025-05-13")
    rotherham.act("NEVER", "refer_enforcement_agent", "2025-05-13", "clerk", "agent=Marstons")
    early = rotherham.act("NEVER", "ea_enforcement_stage", "2025-05-16", "clerk", "visit_date=2025-05-16", expect=1)
    assert "the earliest is 2025-05-22" in early.output
    rotherham.run_to("2025-05-22")
    rotherham.act("NEVER", "ea_enforcement_stage", "2025-05-22", "clerk", "visit_date=2025-05-22")
    rotherham.run_to("2025-06-30")

    assert rotherham.moves("NEVER") == [
        ("2025-04-02", "reminder"), ("2025-04-09", "instalments_lost"), ("2025-04-16", "final_notice"),
        ("2025-04-23", "summons"), ("2025-05-12", "liability_order"), ("2025-05-13", "enforcement_agent"),
        ("2025-05-22", "ea_enforcement")]
    # Sum and costs £3,100.00: enforcement fee £235 + 7.5% of £1,600 = £355.00 (WE-01 arithmetic).
    assert rotherham.fees("NEVER")[-2:] == [("2025-05-13", "ea_compliance_fee", 7500), ("2025-05-22", "ea_enforcement_fee", 35500)]
    # Reminder on 2 May complied with on 6 May; the June instalment missed: no second reminder.
    assert rotherham.moves("AGAIN") == [("2025-05-02", "reminder"), ("2025-05-06", "demand"), ("2025-06-02", "instalments_lost"),
                                        ("2025-06-09", "final_notice"), ("2025-06-16", "summons")]
    for ref in ("AGAIN", "NEVER"):
        assert rotherham.show(ref)["priority"] == 3
        explained(rotherham.show(ref))
