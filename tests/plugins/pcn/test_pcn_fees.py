"""What PCN moves add or take off: discount, charge certificate, TEC fee, cancellations, agent fees (DOMAIN §5.1, §7)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import Move
from arrears_pcn.amounts import certificate_increase_pence, discounted_pence
from arrears_pcn.fees import fees_for, sum_to_recover
from arrears_pcn.params import PcnParameters

P = PcnParameters()
TODAY = date(2025, 10, 1)


def fee(case_, rule, params=P):
    return [(f.code, f.amount_pence) for f in fees_for(case_, Move("x", rule, ""), params)]


@pytest.mark.parametrize("band, level, full, early, certified", [
    ("1", "higher", 6000, 3000, 9000), ("1", "lower", 4000, 2000, 6000),
    ("2", "higher", 7000, 3500, 10500), ("2", "lower", 5000, 2500, 7500),
])
def test_the_amounts_outside_london(band, level, full, early, certified):
    """DOMAIN §5.1: the charge, paid early, and after a charge certificate, from the table and the two 50% rules."""
    assert P.charge(band, level) == full
    assert discounted_pence(full, P) == early
    assert full + certificate_increase_pence(full, P) == certified


def test_an_odd_penny_rounds_the_discount_up_and_the_increase_half_up():
    assert discounted_pence(7001, P) == 3500  # discount £35.01 (half up), discounted charge £35.00
    assert certificate_increase_pence(7001, P) == 3501


def test_the_discount_is_taken_off_when_the_discounted_charge_settles_the_pcn(case):
    c = case(today=date(2025, 6, 10), paid=3500, last_payment_on=date(2025, 6, 10))
    assert fee(c, "paid_at_discount") == [("pcn_discount", -3500)]
    assert fee(c, "paid_at_discount_in_challenge") == [("pcn_discount", -3500)]
    assert fee(case(today=TODAY, amount=4000), "paid_at_discount") == [("pcn_discount", -2000)]


@pytest.mark.parametrize("rule", ["charge_certificate", "charge_certificate_postal", "charge_certificate_after_rejection",
                                  "charge_certificate_after_appeal"])
def test_every_charge_certificate_adds_half_the_penalty_charge(case, rule):
    assert fee(case(today=TODAY), rule) == [("charge_certificate", 3500)]
    assert fee(case(today=TODAY, amount=6000, paid=1000), rule) == [("charge_certificate", 3000)]  # of the charge, not the balance


def test_the_registration_fee_is_a_profile_parameter(case):
    c = case(today=TODAY, stage="charge_certificate", charged=10500)
    assert fee(c, "register_at_tec") == [("tec_registration", 800)]
    assert fee(c, "register_at_tec", PcnParameters(tec_registration_fee_pence=900)) == [("tec_registration", 900)]
    assert fee(c, "register_at_tec", PcnParameters(tec_registration_fee_pence=0)) == []


def test_representations_taken_as_accepted_take_everything_off_and_refund_payments(case):
    c = case(today=TODAY, stage="representations", paid=2000)
    found = fees_for(c, Move("cancelled", "representations_deemed_accepted", ""), P)
    assert [(f.code, f.amount_pence) for f in found] == [("pcn_cancelled", -7000)]  # balance 50 + paid 20: -20 to refund
    assert found[0].description.endswith("£20.00 paid, to be refunded")


def test_out_of_time_takes_off_the_balance_only(case):
    assert fee(case(today=TODAY, paid=2000), "notice_to_owner_out_of_time") == [("pcn_unenforceable", -5000)]


def test_other_moves_add_nothing(case):
    c = case(today=TODAY)
    assert fee(c, "notice_to_owner") == [] and fee(c, "warrant_of_control") == [] and fee(c, "cleared") == []


def ea_case(case, debt: int, paid_since: int = 0, fees_so_far: int = 0, stage: str = "enforcement_agent"):
    state = {"ea_on": "2025-10-01", "ea_debt_pence": debt, "ea_paid_pence": 0}
    return case(today=TODAY, stage=stage, amount=debt + fees_so_far, paid=paid_since, state=state)


def test_agent_fees_on_a_pcn_warrant(case):
    warrant = case(today=TODAY, stage="warrant_of_control", charged=11300, amount=7000)
    assert fee(warrant, "refer_enforcement_agent") == [("ea_compliance", 7500)]
    assert fee(ea_case(case, 11300, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23500)]
    assert fee(ea_case(case, 11300, fees_so_far=31000, stage="ea_enforcement"), "ea_sale_stage") == [("ea_sale", 11000)]


def test_we01_we02_the_percentage_over_1500_pounds_on_the_sum_to_recover(case):
    assert fee(ea_case(case, 200000, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 27250)]
    assert fee(ea_case(case, 200000, fees_so_far=34750, stage="ea_enforcement"), "ea_sale_stage") == [("ea_sale", 14750)]
    assert fee(ea_case(case, 150000, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23500)]
    assert fee(ea_case(case, 150014, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23501)]


def test_the_sum_to_recover_excludes_agent_fees_and_falls_with_payments(case):
    assert sum_to_recover(ea_case(case, 11300, fees_so_far=7500), P) == 11300
    assert sum_to_recover(ea_case(case, 11300, paid_since=5000, fees_so_far=7500), P) == 6300
    plain = case(today=TODAY, stage="enforcement_agent", amount=18800)  # no record: less the compliance fee
    assert sum_to_recover(plain, P) == 11300


def test_the_agent_fee_schedule_is_a_profile_parameter(case):
    uplift = PcnParameters(enforcement={"compliance_pence": 7875, "enforcement_pence": 24675, "sale_pence": 11550,
                                        "percentage": "7.5", "threshold_pence": 190000})
    assert fee(ea_case(case, 200000, fees_so_far=7875), "ea_enforcement_stage", uplift) == [("ea_enforcement", 25425)]  # WE-04
