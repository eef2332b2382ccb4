"""Officer actions: refused when the facts do not allow them, and the amounts each method records."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import Move
from arrears_hb_overpayment.actions import (
    action_entries, action_facts, action_state, check_action, transition_fees,
)

TODAY = date(2025, 6, 2)
REVIEW = dict(stage="recovery_review", stage_since=date(2025, 5, 1), today=TODAY)


def check(case, ctx, action, **fields):
    return check_action(case, action, fields, ctx(case.today), ["D-H1"])


# --- deduction from ongoing HB and the hardship rate --------------------------------------------------------


def test_deduct_from_hb_needs_an_hb_award_on_record(case, ctx):
    assert "does not record that the debtor gets HB (on_hb)" in check(case(**REVIEW), ctx, "deduct_from_hb",
                                                                       earnings_disregard="0")
    assert check(case(on_hb=True, **REVIEW), ctx, "deduct_from_hb", earnings_disregard="0") is None


def test_deduct_from_hb_is_refused_once_hb_deductions_stopped(case, ctx):
    stopped = case(on_hb=True, state={"hb_stopped_on": "2025-05-06"}, **REVIEW)
    assert check(stopped, ctx, "deduct_from_hb", earnings_disregard="0") == (
        "HB deductions stopped on 2025-05-06: the debtor no longer gets HB")


def test_deduct_from_hb_refuses_a_disregard_that_is_not_money(case, ctx):
    assert check(case(on_hb=True, **REVIEW), ctx, "deduct_from_hb", earnings_disregard="ten").startswith(
        "earnings_disregard: 'ten' is not an amount")


def test_we20_deduct_from_hb_records_the_weekly_maximum_with_the_officers_disregard(case, ctx):
    facts, said = action_facts(case(on_hb=True, **REVIEW), "deduct_from_hb", {"earnings_disregard": "25.00"}, ctx(TODAY))
    assert facts["weekly_maximum_pence"] == 2645
    assert said.startswith("Weekly maximum £26.45 a week: standard rate 3 × £4.65")
    st = action_state(case(on_hb=True, **REVIEW), "deduct_from_hb", {"earnings_disregard": "25.00"}, ctx(TODAY))
    assert st["hb_disregard_pence"] == 2500


def test_a_hardship_rate_must_be_lower_than_the_maximum(case, ctx):
    deducting = case(stage="ongoing_hb_deduction", stage_since=date(2025, 5, 1), today=TODAY, on_hb=True)
    assert check(deducting, ctx, "agree_hardship_rate", weekly_amount="13.95", evidence="SFS") == (
        "£13.95 a week is not lower than the weekly maximum £13.95: a hardship rate must be lower")
    assert check(deducting, ctx, "agree_hardship_rate", weekly_amount="0", evidence="SFS") == (
        "weekly_amount: must be more than £0.00")
    assert check(deducting, ctx, "agree_hardship_rate", weekly_amount="13.94", evidence="SFS") is None


def test_a_hardship_rate_below_a_maximum_raised_by_the_recorded_disregard(case, ctx):
    deducting = case(stage="ongoing_hb_deduction", stage_since=date(2025, 5, 1), today=TODAY, on_hb=True,
                     state={"hb_disregard_pence": 2500})
    assert check(deducting, ctx, "agree_hardship_rate", weekly_amount="20.00", evidence="SFS") is None
    facts, said = action_facts(deducting, "agree_hardship_rate", {"weekly_amount": "20.00", "evidence": "SFS"}, ctx(TODAY))
    assert facts["agreed_weekly_pence"] == 2000 and facts["weekly_maximum_pence"] == 2645
    assert said.startswith("Agreed £20.00 a week, below the weekly maximum £26.45 a week")
    st = action_state(deducting, "agree_hardship_rate", {"weekly_amount": "20.00", "evidence": "SFS"}, ctx(TODAY))
    assert st == {"hb_disregard_pence": 2500, "hardship_weekly_pence": 2000, "hardship_from": "2025-06-02"}


def test_ending_hb_deductions_records_the_stop(case, ctx):
    st = action_state(case(on_hb=True, stage="ongoing_hb_deduction", today=TODAY), "hb_deduction_ended",
                      {"outcome": "HB claim closed"}, ctx(TODAY))
    assert st["hb_stopped_on"] == "2025-06-02"
    assert action_state(case(**REVIEW), "issue_invoice", {}, ctx(TODAY)) is None


# --- DWP deduction (WE-22) and DEA ---------------------------------------------------------------------------


def test_dwp_deduction_needs_a_benefit_the_dwp_deducts_from(case, ctx):
    assert "'Child Benefit' is not a benefit the DWP deducts HB overpayments from" in check(
        case(**REVIEW), ctx, "request_dwp_deduction", benefit="Child Benefit", has_earnings="no")
    assert check(case(**REVIEW), ctx, "request_dwp_deduction", benefit="Universal Credit", has_earnings="maybe") == (
        "has_earnings: 'maybe' is not yes or no")
    assert check(case(**REVIEW), ctx, "request_dwp_deduction", benefit="Universal Credit", has_earnings="no") is None


def test_we22_dwp_deduction_records_the_uc_amount_within_the_cap(case, ctx):
    facts, said = action_facts(case(**REVIEW), "request_dwp_deduction",
                               {"benefit": "universal_credit", "has_earnings": "yes"}, ctx(TODAY))
    assert facts["monthly_deduction_pence"] == 6002 and facts["capped"] is True
    assert said == ("Deduction £60.02 a month: rate with earnings 25% of the £400.14 UC standard allowance = £100.04, held "
                    "to the overall cap of 15% in force from 2025-04-30 = £60.02.")


def test_dea_is_refused_for_a_company_for_a_debtor_on_hb_and_for_earnings_in_the_nil_band(case, ctx):
    fields = dict(employer="Acme", net_earnings="1200.00", pay_period="monthly")
    assert "needs an employed individual; the debtor is a company" in check(case(kind="company", **REVIEW), ctx,
                                                                           "start_dea", **fields)
    assert "the debtor still gets HB" in check(case(on_hb=True, **REVIEW), ctx, "start_dea", **fields)
    assert check(case(**REVIEW), ctx, "start_dea", **{**fields, "net_earnings": "430.00"}) == (
        "net earnings of £430.00 monthly are in the DEA table's 0% band: nothing would be deducted")
    assert check(case(**REVIEW), ctx, "start_dea", **{**fields, "pay_period": "daily"}) == (
        "pay_period: 'daily' is not weekly or monthly")
    assert check(case(**REVIEW), ctx, "start_dea", **fields) is None
    after_hb = case(on_hb=True, state={"hb_stopped_on": "2025-05-06"}, **REVIEW)
    assert check(after_hb, ctx, "start_dea", **fields) is None


def test_dea_records_what_the_employer_deducts(case, ctx):
    facts, said = action_facts(case(**REVIEW), "start_dea",
                               {"employer": "Acme", "net_earnings": "1000.00", "pay_period": "Monthly"}, ctx(TODAY))
    assert facts["dea_pence"] == 7000 and facts["dea_percent"] == "7"
    assert said.startswith("The employer deducts £70.00 a month: 7% of £1,000.00 net earnings")


# --- landlord, court, nothing outstanding ---------------------------------------------------------------------


def test_recovery_from_a_landlord_needs_hb_paid_to_the_landlord(case, ctx):
    assert "HB was not paid to a landlord" in check(case(**REVIEW), ctx, "recover_from_landlord", landlord="Homes Ltd")
    assert check(case(landlord_paid=True, **REVIEW), ctx, "recover_from_landlord", landlord="Homes Ltd") is None


def test_a_county_claim_must_start_within_six_years_of_the_notice(case, ctx):
    late = dict(REVIEW, today=date(2031, 2, 4))
    assert check(case(**late), ctx, "start_county_claim", claim_number="K1") == (
        "court action had to start by 2031-02-03, 6 years after the overpayment notice (Limitation Act 1980 s9); benefit "
        "deductions are not time-limited")
    assert check(case(**dict(REVIEW, today=date(2031, 2, 3))), ctx, "start_county_claim", claim_number="K1") is None


def test_a_county_claim_adds_the_issue_fee_for_its_value(case, ctx):
    claim = case(balance=114540, **REVIEW)
    facts, said = action_facts(claim, "start_county_claim", {"claim_number": "K1"}, ctx(TODAY))
    assert facts["fee_pence"] == 8000 and facts["limitation_end"] == "2031-02-03"
    fees = transition_fees(ctx(TODAY), [(claim, Move("county_court", "start_county_claim", "", {}))])
    assert [(f.code, f.amount_pence) for f in fees] == [("claim_issue_fee", 8000)]
    assert transition_fees(ctx(TODAY), [(claim, Move("collection_agent", "refer_collection_agent", "", {}))]) == []


@pytest.mark.parametrize("action, fields", [
    ("issue_invoice", {}), ("refer_collection_agent", {"agent": "Agents Ltd"}),
    ("transfer_to_rent_account", {"rent_account": "R1"}),
])
def test_no_method_when_nothing_is_outstanding(case, ctx, action, fields):
    assert check(case(paid=120_000, **REVIEW), ctx, action, **fields) == "nothing is outstanding (balance £0.00)"
    assert check(case(**REVIEW), ctx, action, **fields) is None


def test_returning_to_review_lists_the_methods_the_facts_allow(case, ctx):
    facts, said = action_facts(case(landlord_paid=True, stage="collection_agent", today=TODAY), "agent_returned",
                               {"outcome": "no contact"}, ctx(TODAY))
    assert facts["methods"].startswith("invoice (an invoice needs no other fact); recovery from the landlord")
    assert said.startswith("The facts allow: invoice")


# --- appeals ---------------------------------------------------------------------------------------------------


def test_an_appeal_date_must_fall_between_the_notice_and_today(case, ctx):
    notice = case(today=date(2025, 2, 20))
    assert check(notice, ctx, "appeal_lodged", lodged_on="2025-02-02") == (
        "lodged_on 2025-02-02 must be between the notice date 2025-02-03 and today 2025-02-20")
    assert "must be between" in check(notice, ctx, "appeal_lodged", lodged_on="2025-02-21")
    assert check(notice, ctx, "appeal_lodged", lodged_on="20/02/2025") == "lodged_on: '20/02/2025' is not a date (YYYY-MM-DD)"
    assert check(notice, ctx, "appeal_lodged", lodged_on="2025-02-03") is None


def test_an_appeal_allowed_cancels_the_balance(case, ctx):
    entries = action_entries(case(stage="appeal", paid=10_000, today=TODAY), "appeal_allowed",
                             {"decision": "no overpayment"}, ctx(TODAY))
    assert [(e.amount_pence, e.kind) for e in entries] == [(-110_000, "adjustment")]


def test_an_appeal_revising_the_amount_reduces_the_debt_and_may_not_raise_it(case, ctx):
    appeal = case(stage="appeal", today=TODAY)
    entries = action_entries(appeal, "appeal_decided", {"decision": "revised", "recoverable_amount": "900.00"}, ctx(TODAY))
    assert [(e.amount_pence, e.description) for e in entries] == [(-30_000, "Overpayment revised on appeal to £900.00: revised")]
    assert action_entries(appeal, "appeal_decided", {"decision": "dismissed", "recoverable_amount": "1200"}, ctx(TODAY)) == []
    assert "more than the overpayment £1,200.00" in check(appeal, ctx, "appeal_decided", decision="x",
                                                          recoverable_amount="1200.01")
    assert check(appeal, ctx, "appeal_decided", decision="x", recoverable_amount="0") == (
        "recoverable_amount: must be more than £0.00")
