"""Costs and enforcement agent fees (DOMAIN §7.1, §7.3; WE-01, WE-02)."""

from __future__ import annotations

from datetime import date

from arrears import EnforcementFees, Move
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile
from arrears_council_tax.fees import fees_for, sum_to_recover
from arrears_council_tax.params import CouncilTaxParameters

TODAY = date(2025, 8, 1)
P = CouncilTaxParameters()


def ea_case(case, lo_debt: int, paid_since: int = 0, fees_so_far: int = 0):
    state = {"lo_on": "2025-07-03", "lo_debt_pence": lo_debt, "lo_paid_pence": 0}
    return case(today=TODAY, stage="enforcement_agent", amount=lo_debt + fees_so_far, paid=paid_since, state=state)


def fee(case_, rule, params=P):
    found = fees_for(case_, Move("x", rule, ""), params)
    return [(f.code, f.amount_pence) for f in found]


def test_we01_enforcement_agent_fees_on_a_2000_debt(case):
    assert fee(ea_case(case, 200000), "refer_enforcement_agent") == [("ea_compliance", 7500)]
    assert fee(ea_case(case, 200000, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 27250)]
    assert fee(ea_case(case, 200000, fees_so_far=34750), "ea_sale_stage") == [("ea_sale", 14750)]


def test_we01_cumulative_fees_to_the_end_of_enforcement_and_to_sale(case):
    """Each stage's fee worked out on the case as the earlier fees left it: £75.00, then £347.50, then £495.00."""
    added, cumulative = 0, []
    for rule in ("refer_enforcement_agent", "ea_enforcement_stage", "ea_sale_stage"):
        added += sum(f.amount_pence for f in fees_for(ea_case(case, 200000, fees_so_far=added), Move("x", rule, ""), P))
        cumulative.append(added)
    assert cumulative == [7500, 34750, 49500]


def test_we02_threshold_is_exceeding_1500(case):
    assert fee(ea_case(case, 150000, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23500)]
    assert fee(ea_case(case, 150000, fees_so_far=31000), "ea_sale_stage") == [("ea_sale", 11000)]
    assert fee(ea_case(case, 150001, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23500)]
    assert fee(ea_case(case, 150014, fees_so_far=7500), "ea_enforcement_stage") == [("ea_enforcement", 23501)]


def test_the_sum_to_recover_excludes_agent_fees_and_falls_with_payments(case):
    assert sum_to_recover(ea_case(case, 200000, fees_so_far=7500), P) == 200000
    assert sum_to_recover(ea_case(case, 200000, paid_since=40000, fees_so_far=7500), P) == 160000
    # Without the liability order's record: the balance less the compliance fee.
    plain = case(today=TODAY, stage="enforcement_agent", amount=207500)
    assert sum_to_recover(plain, P) == 200000


def test_summons_and_liability_order_costs_come_from_the_profile(case):
    c = case(today=TODAY, stage="final_notice")
    assert fee(c, "summons_after_final_notice") == [("summons_costs", 8000)]
    assert fee(c, "summons_after_loss", CouncilTaxParameters(summons_costs_pence=12500)) == [("summons_costs", 12500)]
    assert fee(c, "liability_order_granted") == [("liability_order_costs", 2000)]
    assert fee(c, "adjourned_order_granted") == [("liability_order_costs", 2000)]
    assert fee(c, "liability_order_granted", CouncilTaxParameters(liability_order_costs_pence=0)) == []
    assert fee(c, "first_reminder") == [] and fee(c, "attach_earnings") == []


def test_a_dated_fee_schedule_in_the_profile(tmp_path, case, data_dir):
    text = (data_dir / "council_tax_council.toml").read_text() + (
        "\n[[debt_types.council_tax.changes]]\neffective_from = 2026-04-01\n"
        "enforcement = { compliance_pence = 7875, enforcement_pence = 24675, sale_pence = 11550, threshold_pence = 190000 }\n"
    )
    path = tmp_path / "p.toml"
    path.write_text(text)
    profile = load_profile(path, build_plugin_host().debt_types)
    before, after = profile.params("council_tax", date(2026, 3, 31)), profile.params("council_tax", date(2026, 4, 1))
    assert before.enforcement == EnforcementFees()
    assert after.enforcement.compliance_pence == 7875
    # WE-04 (unconfirmed 2025 proposal): £246.75 + 7.5% of £100 = £254.25 on a £2,000 debt.
    assert fee(ea_case(case, 200000, fees_so_far=7875), "ea_enforcement_stage", after) == [("ea_enforcement", 25425)]
