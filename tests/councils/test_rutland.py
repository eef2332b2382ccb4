"""Rutland's bundled profile driven through the CLI (seed 003): the priority table (WE-32) with a judgment ranking as a
CCJ, write-off by the section 151 officer then Cabinet, payment plans cleared by the year end, PCN plans without
reminders, the nineteen vulnerability categories."""

from __future__ import annotations

DEBTOR = "R-1"


def ranked(rutland, refs: list[str]) -> list[str]:
    """The debtor's accounts in the order the council's priority puts them (level, then the table's order)."""
    order = rutland.profile()["priority"]["order"]
    shown = {ref: rutland.show(ref) for ref in refs}
    return sorted(refs, key=lambda r: (shown[r]["priority"], order.index(shown[r]["debt_type"])))


def test_we32_rutland_priority_rent_then_council_tax_then_hb_overpayment_then_pcn(council, explained):
    rutland = council("rutland")
    rutland.officer("clerk", "recovery_officer")
    rutland.accounts("pcn", {"reference": "PCN", "debtor_ref": DEBTOR, "amount": "70.00", "date": "2025-06-02",
                             "vehicle_reg": "AB12 CDE", "band": "2", "level": "higher", "served_by": "affixed"})
    rutland.accounts("hb_overpayment", {"reference": "HBOP", "debtor_ref": DEBTOR, "amount": "300.00", "date": "2025-03-03",
                                        "period_start": "2025-01-06", "period_end": "2025-02-23", "cause": "claimant_error"})
    rutland.accounts("council_tax", {"reference": "CTAX", "debtor_ref": DEBTOR, "amount": "1234.56", "date": "2025-03-10",
                                     "financial_year": "2025"})
    rutland.accounts("rents", {"reference": "RENT", "debtor_ref": DEBTOR, "amount": "95.00", "date": "2025-04-07",
                               "rent_period": "weekly", "rent_day": "1"})
    rutland.accounts("sundry", {"reference": "INVOICE", "debtor_ref": DEBTOR, "amount": "300.00", "date": "2025-03-03"})
    rutland.run_to("2025-06-03")
    refs = ["PCN", "HBOP", "CTAX", "RENT", "INVOICE"]
    assert [rutland.show(r)["priority"] for r in refs] == [5, 5, 2, 1, 5]
    # §5.4: rent 1, Council Tax 2, then the level-5 debts in the table's order (HB overpayment, PCN, other debts).
    assert ranked(rutland, refs) == ["RENT", "CTAX", "HBOP", "PCN", "INVOICE"]

    # §5.4 "4 County Court Judgement (CCJ)": the sundry debt, once judgment is entered, ranks above the level-5 debts.
    assert rutland.moves("INVOICE") == [("2025-04-03", "reminder"), ("2025-04-18", "final_notice"),
                                        ("2025-05-03", "letter_of_claim"), ("2025-06-03", "officer_review")]
    rutland.act("INVOICE", "issue_county_court_claim", "2025-06-03", "clerk", "court=County Court Business Centre")
    early = rutland.act("INVOICE", "record_judgment", "2025-06-19", "clerk", "judgment_date=2025-06-19", "kind=default",
                        expect=1)
    assert "2025-06-20" in early.output   # served 2025-06-05 (2nd business day), 14 days to respond
    rutland.act("INVOICE", "record_judgment", "2025-06-20", "clerk", "judgment_date=2025-06-20", "kind=default")
    assert rutland.show("INVOICE")["priority"] == 4
    assert ranked(rutland, refs) == ["RENT", "CTAX", "INVOICE", "HBOP", "PCN"]
    for ref in refs:
        explained(rutland.show(ref))


def test_rutland_write_off_section_151_officer_to_the_limit_then_cabinet(council):
    rutland = council("rutland")
    for login, role in (("clerk", "recovery_officer"), ("s151", "s151_officer"), ("leader", "cabinet")):
        rutland.officer(login, role)
    rutland.accounts("sundry", {"reference": "AT_LIMIT", "amount": "10000.00", "date": "2025-03-03"},
                     {"reference": "OVER", "amount": "10000.01", "date": "2025-03-03"},
                     {"reference": "SMALL", "amount": "12.00", "date": "2025-03-03"})
    rutland.run_to("2025-03-10")
    # §18.2 names no officer below the section 151 officer.
    assert "needs authority 's151_officer'" in rutland.act("SMALL", "write_off", "2025-03-11", "clerk",
                                                            "reason=uneconomical", expect=1).output
    rutland.act("SMALL", "write_off", "2025-03-11", "s151", "reason=uneconomical")
    rutland.act("AT_LIMIT", "write_off", "2025-03-11", "s151", "reason=bankrupt")
    over = rutland.act("OVER", "write_off", "2025-03-11", "s151", "reason=bankrupt", expect=1)
    assert "needs authority 'cabinet'" in over.output
    assert "not one of the council's reasons" in rutland.act("OVER", "write_off", "2025-03-11", "leader",
                                                              "reason=cannot_trace", expect=1).output
    rutland.act("OVER", "write_off", "2025-03-11", "leader", "reason=bankrupt")
    assert {rutland.show(r)["stage"] for r in ("SMALL", "AT_LIMIT", "OVER")} == {"written_off"}


def test_rutland_plans_clear_by_the_year_end_start_within_a_month_and_are_reviewed(council):
    rutland = council("rutland")

    def plan(balance, first, *extra, expect=0):
        return rutland.plan("--debt-type", "council_tax", "--balance", balance, "--instalment", "100.00",
                            "--agreed-on", "2025-09-10", "--first-payment", first, *extra, expect=expect)

    within = plan("600.00", "2025-10-01")
    assert within["review_on"] == ["2025-12-10"]   # 3 months; 6 and 12 fall after the last payment
    assert "one missed payment cancel the plan and recovery resumes without a further reminder" in within["requirements"]
    late_start = plan("600.00", "2025-10-12", expect=1)
    assert late_start["problems"] == ["the first payment must be by 2025-10-11 (31 days from the agreement); it is 2025-10-12"]
    past_year_end = plan("1000.00", "2025-10-01", expect=1)
    assert past_year_end["problems"] == ["the plan must clear the debt by the financial year end, 2026-03-31; its last "
                                         "payment of £100.00 is on 2026-07-01"]
    assessed = plan("1000.00", "2025-10-01", "--assessed-vulnerable", "--income-form-on", "2025-09-08")
    assert assessed["review_on"] == ["2025-12-10", "2026-03-10"]
    assert any("allowed for a vulnerable debtor" in line for line in assessed["requirements"])


def test_rutland_pcn_plan_is_cancelled_without_a_reminder(council, explained):
    rutland = council("rutland")
    rutland.officer("po", "parking_officer")
    rutland.accounts("pcn", {"reference": "PCN", "amount": "70.00", "date": "2025-06-02", "vehicle_reg": "AB12 CDE",
                             "band": "2", "level": "higher", "served_by": "affixed"})
    rutland.run_to("2025-08-18")
    assert rutland.show("PCN")["stage"] == "tec_registration"
    rutland.act("PCN", "agree_payment_plan", "2025-08-18", "po", "instalment=40.00", "first_due=2025-08-25")
    rutland.pay(("PCN", "40.00", "2025-08-25"))
    rutland.run_to("2025-09-30")
    # The second instalment (2025-09-25) is missed: the plan ends the next day, with no grace and no reminder.
    assert rutland.moves("PCN")[-2:] == [("2025-08-18", "payment_plan"), ("2025-09-26", "warrant_of_control")]
    assert "0 days' grace over; the plan is broken" in rutland.text("PCN")
    explained(rutland.show("PCN"))


def test_rutland_nineteen_vulnerability_categories_are_not_proof_of_vulnerability(council):
    vulnerability = council("rutland").profile()["vulnerability"]
    labels = [c["label"] for c in vulnerability["categories"]]
    assert len(labels) == 19 and labels[0] == "Disability" and labels[-1] == "Indebtedness"
    pregnancy = next(c for c in vulnerability["categories"] if c["id"] == "pregnancy")
    assert "(6-9 months)" in pregnancy["note"] and "(birth - 3 months)" in pregnancy["note"]
    assert vulnerability["category_is_not_proof"] is True
    assert "Allowing extra time to seek advice and support by postponing recovery action if necessary." in vulnerability["responses"]
