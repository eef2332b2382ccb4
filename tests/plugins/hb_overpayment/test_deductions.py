"""What each recovery method may take: reg 102 (WE-20), UC (WE-22), the DEA table, court issue fees."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arrears_hb_overpayment import claim_issue_fee, dea_deduction, dwp_deduction, hb_unit, hb_weekly_maximum, uc_deduction
from arrears_hb_overpayment.deductions import in_force
from arrears_hb_overpayment.params import ClaimFees, DatedPence, DatedPercent, DeaTable, HbOverpaymentParameters

P = HbOverpaymentParameters()
Y2024, Y2025 = date(2024, 6, 3), date(2025, 6, 2)


# --- reg 102: deduction from ongoing HB (DOMAIN §4.1) --------------------------------------------------------


@pytest.mark.parametrize("allowance, unit", [(9050, 455), (9205, 465), (9000, 450), (9001, 455), (9100, 455), (0, 0)])
def test_the_unit_is_five_per_cent_of_the_allowance_rounded_up_to_five_pence(allowance, unit):
    assert hb_unit(allowance) == unit


@pytest.mark.parametrize("on, fraud, expected", [
    (Y2024, False, 1365), (Y2024, True, 2275), (Y2025, False, 1395), (Y2025, True, 2325),
])
def test_we20_weekly_maximum_standard_and_fraud_by_year(on, fraud, expected):
    found = hb_weekly_maximum(P, on, fraud=fraud)
    assert found.pence == expected
    assert found.facts["rate"] == ("fraud" if fraud else "standard")


def test_we20_lone_parent_with_a_25_pound_earnings_disregard_adds_half_of_it():
    found = hb_weekly_maximum(P, Y2025, fraud=False, disregard_pence=2500)
    assert found.pence == 2645
    assert found.facts["disregard_share_pence"] == 1250
    assert "3 × £4.65" in found.how and "50% of the £25.00 earnings disregard = £12.50" in found.how
    assert found.how.startswith("£26.45 a week")


def test_half_a_disregard_of_odd_pence_is_rounded_down_and_added_to_the_fraud_rate_too():
    assert hb_weekly_maximum(P, Y2025, fraud=True, disregard_pence=1711).pence == 2325 + 855


@pytest.mark.parametrize("on, expected", [
    (date(2025, 4, 6), 1365),   # Sunday before the first Monday in April: 2024/25 rate still in force
    (date(2025, 4, 7), 1395),   # the first Monday in April: 2025/26
    (date(2024, 4, 1), 1365),   # first day of the first row
])
def test_the_rate_in_force_changes_on_the_uprating_date(on, expected):
    assert hb_weekly_maximum(P, on, fraud=False).pence == expected


def test_a_date_before_the_first_row_is_refused_with_the_table_named():
    with pytest.raises(LookupError, match="hb_personal_allowance has no row in force on 2024-03-31"):
        hb_weekly_maximum(P, date(2024, 3, 31), fraud=False)


def test_a_council_may_add_next_years_allowance_and_other_multiples():
    params = HbOverpaymentParameters(
        hb_personal_allowance=(*P.hb_personal_allowance, DatedPence(effective_from=date(2026, 4, 6), pence=9400)),
        hb_fraud_units=4,
    )
    assert hb_weekly_maximum(params, date(2026, 4, 6), fraud=False).pence == 3 * 470
    assert hb_weekly_maximum(params, date(2026, 4, 5), fraud=True).pence == 4 * 465


def test_in_force_takes_the_last_row_on_or_before_the_date():
    rows = (DatedPence(effective_from=date(2024, 1, 1), pence=1), DatedPence(effective_from=date(2024, 2, 29), pence=2))
    assert in_force(rows, date(2024, 2, 28)).pence == 1
    assert in_force(rows, date(2024, 2, 29)).pence == 2   # leap day row
    assert in_force(rows, date(2030, 1, 1)).pence == 2


def test_negative_disregard_is_refused():
    with pytest.raises(ValueError):
        hb_weekly_maximum(P, Y2025, fraud=False, disregard_pence=-1)


# --- DWP deductions from other benefits (DOMAIN §4.1, WE-22) ------------------------------------------------


def test_we22_uc_standard_rate_for_an_hb_overpayment_is_fifteen_per_cent_and_within_the_cap():
    found = uc_deduction(P, date(2025, 6, 2), fraud=False, has_earnings=False)
    assert found.pence == 6002   # 15% of £400.14 = £60.02
    assert found.facts["cap_pence"] == 6002 and not found.facts["capped"]


def test_we22_five_per_cent_of_the_uc_standard_allowance_is_20_01():
    from arrears import percent_of
    assert percent_of(in_force(P.uc_standard_allowance, date(2025, 6, 2)).pence, 5) == 2001


def test_uc_rate_with_earnings_is_held_to_the_fifteen_per_cent_cap_from_30_april_2025():
    before = uc_deduction(P, date(2025, 4, 29), fraud=False, has_earnings=True)
    after = uc_deduction(P, date(2025, 4, 30), fraud=False, has_earnings=True)
    assert before.pence == 10004 and not before.facts["capped"]    # 25% of £400.14, cap 25% then
    assert after.pence == 6002 and after.facts["capped"]           # the Fair Repayment Rate cap
    assert "held to the overall cap of 15% in force from 2025-04-30" in after.how


def test_uc_fraud_rate_is_outside_the_cap_unless_the_profile_says_otherwise():
    assert uc_deduction(P, Y2025, fraud=True, has_earnings=False).pence == 16006   # 40% of £400.14
    capped = HbOverpaymentParameters(uc_cap_applies_to_fraud=True)
    assert uc_deduction(capped, Y2025, fraud=True, has_earnings=False).pence == 6002


def test_uc_deduction_uses_the_allowance_in_force():
    assert uc_deduction(P, date(2025, 4, 6), fraud=False, has_earnings=False).facts["uc_standard_allowance_pence"] == 39345
    assert uc_deduction(P, date(2025, 4, 7), fraud=False, has_earnings=False).facts["uc_standard_allowance_pence"] == 40014


def test_a_legacy_benefit_deduction_is_weekly_at_the_reg_102_units():
    found = dwp_deduction(P, Y2025, benefit="Jobseekers Allowance", fraud=False, has_earnings=True)
    assert found.pence == 1395 and "jobseekers_allowance" in found.how
    assert dwp_deduction(P, Y2025, benefit="Universal Credit", fraud=False, has_earnings=False).pence == 6002


def test_the_cap_table_is_dated():
    params = HbOverpaymentParameters(uc_deductions_cap=(DatedPercent(effective_from=date(2025, 4, 30), percent=Decimal(10)),))
    assert uc_deduction(params, Y2025, fraud=False, has_earnings=False).pence == 4001
    with pytest.raises(LookupError, match="uc_deductions_cap"):
        uc_deduction(params, date(2025, 4, 29), fraud=False, has_earnings=False)


# --- Direct Earnings Attachment (DOMAIN §4.1 table) -----------------------------------------------------------


@pytest.mark.parametrize("net, period, expected", [
    (10000, "weekly", 0), (10001, "weekly", 300), (16000, "weekly", 480), (16001, "weekly", 800),
    (22001, "weekly", 1540), (27001, "weekly", 2970), (37501, "weekly", 5625), (52000, "weekly", 7800),
    (52001, "weekly", 10400),
    (43000, "monthly", 0), (43001, "monthly", 1290), (95000, "monthly", 4750), (116001, "monthly", 12760),
    (224000, "monthly", 33600), (224001, "monthly", 44800),
])
def test_dea_table_band_edges(net, period, expected):
    assert dea_deduction(net, period, DeaTable()).pence == expected


def test_dea_is_held_to_forty_per_cent_with_other_attachments():
    table = DeaTable()
    found = dea_deduction(200000, "monthly", table, other_attachments_pence=50000)   # 15% = £300; 40% = £800 less £500
    assert found.pence == 30000
    held = dea_deduction(200000, "monthly", table, other_attachments_pence=70000)
    assert held.pence == 10000 and "held to the 40% protection limit" in held.how
    assert dea_deduction(200000, "monthly", table, other_attachments_pence=90000).pence == 0


def test_dea_refuses_other_pay_periods_and_negative_earnings():
    with pytest.raises(ValueError, match="fortnightly"):
        dea_deduction(50000, "fortnightly", DeaTable())
    with pytest.raises(ValueError):
        dea_deduction(-1, "weekly", DeaTable())


def test_dea_table_must_ascend():
    with pytest.raises(ValueError, match="ascending"):
        DeaTable(weekly=((200, Decimal(3)), (100, Decimal(5))))


# --- County court issue fee (DOMAIN §7.4) -------------------------------------------------------------------------


@pytest.mark.parametrize("claim, fee", [
    (30000, 3500), (30001, 5000), (100000, 7000), (150001, 11500), (500001, 45500), (1000000, 45500),
    (1000001, 50000), (1234567, 61728), (20000000, 1000000), (20000001, 1000000),
])
def test_claim_issue_fee_by_value(claim, fee):
    assert claim_issue_fee(claim, ClaimFees()).pence == fee
