"""The nightly rules: not recoverable, the appeal window, the council's order, invoice and final notice, lapses."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_hb_overpayment.rules import window_end


# --- official error (reg 100(2)) -----------------------------------------------------------------------------


def test_official_error_the_claimant_could_not_have_realised_is_closed_as_not_recoverable_on_the_notice_date(case, decide):
    case = case(today=date(2025, 2, 3), balance=0, cause="official_error", error_apparent=False)
    out = decide(case)
    assert out.move.to_stage == "not_recoverable" and out.next_review is None
    assert out.move.reason == (
        "Overpayment of £1,200.00 for 2024-10-07 to 2025-01-05 was caused by official error the claimant or payee could "
        "not reasonably have realised: not recoverable (HB Regs 2006 reg 100(2)); nothing is owed.")
    assert out.move.facts["cause"] == "official_error"


def test_official_error_the_claimant_could_have_realised_is_recovered(case, decide):
    case = case(today=date(2025, 2, 3), cause="official_error", error_apparent=True, on_hb=True)
    out = decide(case)
    assert out.move is None and out.next_review == date(2025, 3, 4)


def test_not_recoverable_comes_before_cleared_although_the_balance_is_nil(case, decide):
    case = case(today=date(2025, 2, 3), balance=0, cause="official_error", error_apparent=False)
    assert decide(case).move.rule == "official_error"


# --- the appeal window (one calendar month, DOMAIN §4.1, §13) -------------------------------------------------


@pytest.mark.parametrize("notice, end", [
    (date(2025, 2, 3), date(2025, 3, 3)), (date(2025, 1, 31), date(2025, 2, 28)), (date(2024, 1, 31), date(2024, 2, 29)),
    (date(2025, 3, 31), date(2025, 4, 30)), (date(2025, 12, 15), date(2026, 1, 15)),
])
def test_the_window_ends_a_calendar_month_after_the_notice(notice, end):
    assert window_end(notice, 1) == end


@pytest.mark.parametrize("notice, last_day", [(date(2025, 1, 31), date(2025, 2, 28)), (date(2024, 1, 31), date(2024, 2, 29))])
def test_recovery_starts_the_day_after_the_window_at_month_ends(case, decide, notice, last_day):
    waiting = case(today=last_day, opened_on=notice)
    assert decide(waiting).move is None
    starting = case(today=date(last_day.year, 3, 1), opened_on=notice)
    out = decide(starting)
    assert out.move.rule == "invoice_after_notice"
    assert out.move.facts["window_end"] == last_day.isoformat()


def test_while_the_window_runs_the_case_waits_for_the_day_after_it(case, decide):
    out = decide(case(today=date(2025, 2, 10)))
    assert out.move is None and out.next_review == date(2025, 3, 4)


def test_a_longer_window_from_the_profile(case, decide):
    assert decide(case(today=date(2025, 4, 3)), appeal_window_months=2).move is None
    assert decide(case(today=date(2025, 4, 4)), appeal_window_months=2).move is not None


# --- the council's order (DOMAIN §4.2; Rutland: ongoing HB first) ---------------------------------------------


def test_on_hb_deductions_start_first_at_the_weekly_maximum_in_force(case, decide):
    out = decide(case(today=date(2025, 3, 4), on_hb=True))
    assert out.move.rule == "hb_deduction_after_notice" and out.move.to_stage == "ongoing_hb_deduction"
    assert out.move.facts["weekly_maximum_pence"] == 1365   # 2024/25 rate still in force on 4 March 2025
    assert out.move.reason.startswith(
        "No appeal within the 1-month window ending 2025-03-03; next method in the council's order: deduction from "
        "ongoing HB (the debtor still gets HB). Deductions from ongoing HB at up to £13.65 a week: standard rate 3 × "
        "£4.55")


def test_fraud_and_a_disregard_raise_the_weekly_maximum_in_the_decision(case, decide):
    case = case(today=date(2025, 5, 6), opened_on=date(2025, 4, 1), on_hb=True, cause="fraud", fraud=True,
                     earnings_disregard=2500)
    out = decide(case)
    assert out.move.facts["weekly_maximum_pence"] == 2325 + 1250
    assert "fraud rate 5 × £4.65" in out.move.reason


def test_not_on_hb_an_invoice_is_issued_with_its_pay_by_date(case, decide):
    out = decide(case(today=date(2025, 3, 4)))
    assert out.move.rule == "invoice_after_notice"
    assert out.move.reason.endswith("Invoice issued for £1,200.00, pay by 2025-03-11 (7 days).")
    assert out.next_review == date(2025, 3, 12)


def test_the_councils_order_decides_even_when_the_debtor_is_on_hb(case, decide):
    out = decide(case(today=date(2025, 3, 4), on_hb=True), recovery_order=("invoice", "ongoing_hb"))
    assert out.move.rule == "invoice_after_notice"


def test_landlord_first_when_the_council_says_so_and_hb_was_paid_to_the_landlord(case, decide):
    order = ("landlord", "ongoing_hb", "invoice")
    out = decide(case(today=date(2025, 3, 4), landlord_paid=True, on_hb=True), recovery_order=order)
    assert out.move.rule == "landlord_after_notice"
    assert "(HB was paid to the landlord)" in out.move.reason
    assert decide(case(today=date(2025, 3, 4), on_hb=True), recovery_order=order).move.rule == "hb_deduction_after_notice"


def test_an_officer_method_first_sends_the_case_to_review_with_the_methods_the_facts_allow(case, decide):
    case = case(today=date(2025, 3, 4), benefit="Universal Credit", employer="Acme Ltd")
    out = decide(case, recovery_order=("dwp_deduction", "dea", "invoice"))
    assert out.move.rule == "review_after_notice"
    assert out.move.reason.endswith(
        "An officer chooses the method; the facts allow: DWP deduction from another benefit (the debtor gets "
        "universal_credit); Direct Earnings Attachment (employer Acme Ltd on record and no ongoing HB); invoice (an "
        "invoice needs no other fact).")


def test_a_benefit_the_dwp_does_not_deduct_from_does_not_allow_a_dwp_deduction(case, decide):
    case = case(today=date(2025, 3, 4), benefit="child_benefit")
    assert decide(case, recovery_order=("dwp_deduction", "invoice")).move.rule == "invoice_after_notice"


def test_no_method_fitting_the_facts_goes_to_an_officer(case, decide):
    out = decide(case(today=date(2025, 3, 4)), recovery_order=("ongoing_hb",))
    assert out.move.rule == "review_after_notice" and "none in the council's order" in out.move.reason


def test_paid_in_full_before_the_window_ends_is_paid(case, decide):
    out = decide(case(today=date(2025, 2, 20), paid=120_000))
    assert out.move.to_stage == "paid" and out.move.reason == "Nothing left to pay: £1,200.00 received."


# --- invoice and final notice (Rotherham 7 + 7 days, WE-26 convention) ---------------------------------------


def test_final_notice_the_day_after_the_invoices_seven_days(case, decide):
    invoice = dict(stage="invoice", stage_since=date(2025, 3, 4))
    assert decide(case(today=date(2025, 3, 11), **invoice)).move is None
    out = decide(case(today=date(2025, 3, 12), **invoice))
    assert out.move.rule == "final_notice"
    assert out.move.reason == ("£1,200.00 unpaid 7 days after the invoice of 2025-03-04 (pay by 2025-03-11); final notice "
                               "issued, pay by 2025-03-19 (7 days).")
    assert out.next_review == date(2025, 3, 20)


def test_an_invoice_paid_within_its_days_is_paid_and_a_part_payment_is_not_enough(case, decide):
    invoice = dict(stage="invoice", stage_since=date(2025, 3, 4), today=date(2025, 3, 12))
    assert decide(case(paid=120_000, **invoice)).move.to_stage == "paid"
    assert decide(case(paid=100_000, **invoice)).move.rule == "final_notice"


def test_after_the_final_notice_the_next_method_after_invoice_in_the_order(case, decide):
    fn = dict(stage="final_notice", stage_since=date(2025, 3, 12))
    assert decide(case(today=date(2025, 3, 19), **fn)).move is None
    out = decide(case(today=date(2025, 3, 20), employer="Acme Ltd", **fn))
    assert out.move.rule == "review_after_final_notice"
    assert out.move.reason.startswith("£1,200.00 unpaid 7 days after the final notice (pay by 2025-03-19); next method in "
                                      "the council's order: Direct Earnings Attachment (employer Acme Ltd on record")
    assert "invoice (" not in out.move.facts["methods"]


def test_after_the_final_notice_the_landlord_when_next_in_the_order(case, decide):
    fn = dict(stage="final_notice", stage_since=date(2025, 3, 12), today=date(2025, 3, 20), landlord_paid=True)
    assert decide(case(**fn), recovery_order=("invoice", "landlord")).move.rule == "landlord_after_final_notice"


# --- deductions that stop ---------------------------------------------------------------------------------------


def test_hb_deductions_stopped_after_the_lapse_invoice_the_balance_left_and_record_the_stop(case, decide):
    deducting = dict(stage="ongoing_hb_deduction", stage_since=date(2025, 3, 4), on_hb=True, paid=4 * 1365,
                     last_payment_on=date(2025, 3, 31))
    assert decide(case(today=date(2025, 5, 5), **deducting)).move is None   # 35 days after the last deduction
    out = decide(case(today=date(2025, 5, 6), **deducting))
    assert out.move.rule == "hb_deductions_stopped" and out.move.to_stage == "invoice"
    assert out.move.reason == ("No deduction from HB received for 35 days (last 2025-03-31); £1,145.40 left is invoiced, "
                               "pay by 2025-05-13 (7 days).")
    assert out.state["hb_stopped_on"] == "2025-05-06"


def test_hb_deductions_that_never_began_are_counted_from_the_stage_start(case, decide):
    out = decide(case(today=date(2025, 4, 9), stage="ongoing_hb_deduction", stage_since=date(2025, 3, 4), on_hb=True))
    assert out.move.rule == "hb_deductions_stopped" and "(last none since 2025-03-04)" in out.move.reason


def test_a_payment_in_time_keeps_deductions_going_and_sets_the_next_look(case, decide):
    out = decide(case(today=date(2025, 4, 9), stage="ongoing_hb_deduction", stage_since=date(2025, 3, 4), on_hb=True,
                           paid=1365, last_payment_on=date(2025, 4, 7)))
    assert out.move is None and out.next_review == date(2025, 5, 13)


@pytest.mark.parametrize("stage, rule", [("dwp_deduction", "dwp_deductions_stopped"), ("direct_earnings_attachment", "dea_stopped")])
def test_dwp_and_dea_payments_that_stop_send_the_case_to_an_officer(case, decide, stage, rule):
    kw = dict(stage=stage, stage_since=date(2025, 3, 4), paid=6002, last_payment_on=date(2025, 4, 1))
    assert decide(case(today=date(2025, 6, 2), **kw)).move is None
    out = decide(case(today=date(2025, 6, 3), **kw))
    assert out.move.rule == rule and out.move.to_stage == "recovery_review"
    assert "for 62 days (last 2025-04-01)" in out.move.reason and "the facts allow: invoice" in out.move.reason


@pytest.mark.parametrize("stage", ["recovery_review", "landlord_recovery", "rent_account_transfer", "collection_agent",
                                   "county_court", "appeal"])
def test_stages_an_officer_works_wait_for_the_officer(case, decide, stage):
    out = decide(case(today=date(2025, 6, 3), stage=stage, stage_since=date(2025, 3, 4)))
    assert out.move is None and out.next_review is None


def test_after_the_final_notice_deductions_from_hb_when_the_council_puts_them_after_the_invoice(case, decide):
    fn = dict(stage="final_notice", stage_since=date(2025, 4, 8), today=date(2025, 4, 16), on_hb=True)
    out = decide(case(**fn), recovery_order=("invoice", "ongoing_hb"))
    assert out.move.rule == "hb_deduction_after_final_notice" and out.move.facts["weekly_maximum_pence"] == 1395


# --- the facts each method needs (DOMAIN §4.2) ----------------------------------------------------------------


def test_methods_the_facts_allow_in_the_councils_order(case, ctx):
    from arrears_hb_overpayment.methods import allowed_methods

    params = ctx(date(2025, 6, 2)).params
    full = case(today=date(2025, 6, 2), employer="Acme", rent_account="RA-9", landlord_paid=True, benefit="pension credit")
    assert [m for m, _ in allowed_methods(full, params)] == [
        "invoice", "dwp_deduction", "dea", "landlord", "rent_account", "collection_agent", "county_court"]
    assert dict(allowed_methods(full, params))["rent_account"] == "council rent account RA-9 on record"
    company = case(today=date(2025, 6, 2), employer="Acme", kind="company")
    assert "dea" not in dict(allowed_methods(company, params))
    on_hb = case(today=date(2025, 6, 2), employer="Acme", on_hb=True)
    assert "dea" not in dict(allowed_methods(on_hb, params)) and "ongoing_hb" in dict(allowed_methods(on_hb, params))
    stopped = case(today=date(2025, 6, 2), employer="Acme", on_hb=True, state={"hb_stopped_on": "2025-05-06"})
    assert "dea" in dict(allowed_methods(stopped, params)) and "ongoing_hb" not in dict(allowed_methods(stopped, params))


def test_court_is_no_longer_a_method_the_day_after_the_limitation_period(case, ctx):
    from arrears_hb_overpayment.methods import allowed_methods

    params = ctx(date(2031, 2, 3)).params
    assert "county_court" in dict(allowed_methods(case(today=date(2031, 2, 3)), params))
    assert "county_court" not in dict(allowed_methods(case(today=date(2031, 2, 4)), params))
    leap = case(today=date(2030, 2, 28), opened_on=date(2024, 2, 29))
    assert dict(allowed_methods(leap, params))["county_court"] == "court action may start until 2030-02-28"


def test_invoice_days_are_calendar_days_and_a_bank_holiday_moves_nothing(case, decide):
    # Invoice issued Monday 14 April 2025: pay by Easter Monday 21 April (a bank holiday); final notice on 22 April.
    invoice = dict(stage="invoice", stage_since=date(2025, 4, 14))
    assert decide(case(today=date(2025, 4, 21), **invoice)).move is None
    out = decide(case(today=date(2025, 4, 22), **invoice))
    assert out.move.rule == "final_notice" and out.move.facts["invoice_pay_by"] == "2025-04-21"
