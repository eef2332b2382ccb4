"""Summons and liability-order costs, and enforcement agent fees on business rates (DOMAIN §7.1, §7.3; WE-01, WE-02)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arrears import EnforcementFees, Move
from arrears_nndr.fees import fees_for
from arrears_nndr.params import NndrParameters

P = NndrParameters()
DAY = date(2025, 9, 1)


def _move(rule, to_stage):
    return Move(to_stage, rule, "", {})


def _fee(case, rule, to_stage, params=P):
    fees = fees_for(case, _move(rule, to_stage), params)
    assert len(fees) <= 1
    return fees[0] if fees else None


def _ea_journey(case, lo_debt, *, snapshot=True, params=P):
    """Compliance, enforcement and sale fees on a liability order for ``lo_debt`` pence (costs included)."""
    amount = lo_debt - params.summons_costs_pence - params.liability_order_costs_pence
    state = {"charged_before_ea_pence": lo_debt} if snapshot else {}
    fees = []
    for rule, stage in (("refer_enforcement_agent", "enforcement_agent"), ("ea_enforcement_stage", "ea_enforcement"),
                        ("ea_sale_stage", "ea_sale")):
        charged = lo_debt + sum(fees)
        c = case(today=DAY, stage="liability_order", amount=amount, charged=charged, state=state)
        fees.append(_fee(c, rule, stage, params).amount_pence)
    return fees


@pytest.mark.parametrize("snapshot", [True, False])
def test_we01_fees_on_a_2000_pound_liability_order(case, snapshot):
    fees = _ea_journey(case, 200_000, snapshot=snapshot)
    assert fees == [7_500, 27_250, 14_750]
    assert sum(fees[:2]) == 34_750 and sum(fees) == 49_500


def test_we02_threshold_is_exceeding_1500_pounds(case):
    assert _ea_journey(case, 150_000) == [7_500, 23_500, 11_000]
    assert _ea_journey(case, 150_001)[1] == 23_500   # 7.5% of 1p rounds half up to 0p
    assert _ea_journey(case, 150_007)[1] == 23_501


def test_percentage_base_is_the_balance_after_payments_less_the_agents_fees(case):
    c = case(today=DAY, amount=190_000, charged=207_500, paid=50_000, state={"charged_before_ea_pence": 200_000})
    fee = _fee(c, "ea_enforcement_stage", "ea_enforcement")
    assert fee.amount_pence == 23_500   # £1,575.00 owed less £75.00 fee = £1,500.00: no percentage
    assert "on £1,500.00 to be recovered" in fee.description


def test_fee_schedule_comes_from_the_dated_parameter(case):
    uplift = NndrParameters(enforcement=EnforcementFees(compliance_pence=7_875, enforcement_pence=24_675,
                                                        sale_pence=11_550, threshold_pence=190_000))
    assert _ea_journey(case, 200_000, params=uplift)[:2] == [7_875, 24_675 + 750]   # WE-04 arithmetic
    assert uplift.enforcement.percentage == Decimal("7.5")


def test_summons_and_liability_order_costs_from_the_profile(case):
    c = case(today=DAY, stage="final_notice")
    summons = _fee(c, "summons", "summons")
    assert (summons.amount_pence, summons.code) == (8_000, "summons_costs")
    lo = _fee(c, "liability_order_granted", "liability_order", NndrParameters(liability_order_costs_pence=3_000))
    assert (lo.amount_pence, lo.code) == (3_000, "liability_order_costs")


def test_no_fee_for_other_moves_or_a_zero_cost(case):
    c = case(today=DAY)
    assert fees_for(c, _move("reminder", "reminder"), P) == []
    assert fees_for(c, _move("ea_returned", "liability_order"), P) == []
    assert fees_for(c, _move("summons", "summons"), NndrParameters(summons_costs_pence=0)) == []


def test_a_dated_change_of_the_fee_schedule_in_the_profile(host, data_dir):
    from arrears.profiles.profile import load_profile_bytes

    text = (data_dir / "nndr_council.toml").read_text() + (
        "\n[[debt_types.nndr.changes]]\neffective_from = 2026-04-01\n"
        "[debt_types.nndr.changes.enforcement]\ncompliance_pence = 7875\nenforcement_pence = 24675\n"
    )
    profile = load_profile_bytes(text.encode(), "dated.toml", host.debt_types)
    before, after = (profile.params("nndr", day).enforcement for day in (date(2026, 3, 31), date(2026, 4, 1)))
    assert (before.compliance_pence, after.compliance_pence) == (7_500, 7_875)
    assert (after.enforcement_pence, after.sale_pence, after.threshold_pence) == (24_675, 11_000, 150_000)
