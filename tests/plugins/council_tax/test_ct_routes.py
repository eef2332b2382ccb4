"""After the liability order: route checks (WE-17, WE-18), joint and several liability, the Sch 4 AEO table (DOMAIN §1.3)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_council_tax import aeo_deduction
from arrears_council_tax.params import CouncilTaxParameters
from arrears_council_tax.routes import allowed_routes, check_action, describe_routes, policy_route

TODAY = date(2025, 8, 1)
LIABLE = ["P1", "P2"]


def lo_case(case, balance: int, kind: str = "person", **attrs):
    return case(today=TODAY, stage="liability_order", amount=balance, kind=kind, attrs={"financial_year": 2025, **attrs})


def check(case_, action, ctx, **fields):
    return check_action(case_, action, fields, ctx(TODAY), LIABLE)


# --- the Sch 4 table -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("net, deduction", [
    (7500, 0), (7501, 225), (13500, 405), (13501, 675), (18500, 925), (18501, 1295), (22500, 1575),
    (22501, 2700), (35500, 4260), (35501, 6035), (50500, 8585), (60000, 8585 + 4750),
])
def test_aeo_weekly_table(net, deduction):
    assert aeo_deduction(net, "weekly") == deduction


@pytest.mark.parametrize("net, deduction", [
    (30000, 0), (30001, 900), (55000, 1650), (74000, 3700), (90000, 6300), (142000, 17040), (202000, 34340),
    (250000, 34340 + 24000),
])
def test_aeo_monthly_table(net, deduction):
    assert aeo_deduction(net, "monthly") == deduction


@pytest.mark.parametrize("net, deduction", [
    (1100, 0), (1101, 33), (2000, 60), (2700, 135), (3300, 231), (5200, 624), (7200, 1224), (10000, 1224 + 1400),
])
def test_aeo_daily_table(net, deduction):
    assert aeo_deduction(net, "daily") == deduction


def test_aeo_rounds_half_up_and_refuses_nonsense():
    assert aeo_deduction(7550, "weekly") == 227  # 3% of £75.50 = £2.265
    with pytest.raises(ValueError, match="unknown pay period"):
        aeo_deduction(10000, "fortnightly")
    with pytest.raises(ValueError):
        aeo_deduction(-1)


# --- route checks -------------------------------------------------------------------------------------------------


def test_we17_charging_order_needs_1000_outstanding(case, ctx):
    refused = check(lo_case(case, 99999), "apply_charging_order", ctx, property="1 High St", debtor="P1")
    assert refused and "at least £1,000.00" in refused and "£999.99" in refused
    assert check(lo_case(case, 100000), "apply_charging_order", ctx, property="1 High St", debtor="P1") is None
    no_interest = lo_case(case, 200000, owns_dwelling=False)
    assert "owns no interest" in check(no_interest, "apply_charging_order", ctx, property="x", debtor="P1")


def test_we18_bankruptcy_needs_5000_and_an_individual(case, ctx):
    refused = check(lo_case(case, 499999), "petition_bankruptcy", ctx, court="Leeds", debtor="P1")
    assert refused and "£5,000.00" in refused and "£4,999.99" in refused
    assert check(lo_case(case, 500000), "petition_bankruptcy", ctx, court="Leeds", debtor="P1") is None
    assert check(lo_case(case, 500000, kind="sole_trader"), "petition_bankruptcy", ctx, court="Leeds", debtor="P1") is None
    company = check(lo_case(case, 900000, kind="company"), "petition_bankruptcy", ctx, court="Leeds", debtor="P1")
    assert "needs an individual" in company


def after_agent(case, order: int, fees: int = 7500, paid_since: int = 0):
    """Back at ``liability_order`` after an agent: an order for ``order`` pence, agent ``fees`` added since."""
    state = {"lo_on": "2025-07-03", "lo_debt_pence": order, "lo_paid_pence": 0}
    return case(today=TODAY, stage="liability_order", amount=order + fees, paid=paid_since, state=state,
                attrs={"financial_year": 2025})


def test_we17_charging_order_counts_the_order_not_the_agents_fees(case, ctx):
    refused = check(after_agent(case, 95000), "apply_charging_order", ctx, property="1 High St", debtor="P1")
    assert refused == ("a charging order needs at least £1,000.00 of the liability order outstanding; £950.00 is (the "
                       "balance of £1,025.00 includes enforcement agent fees, which the order does not cover) "
                       "(reg 50(1)(c))")
    assert check(after_agent(case, 100000), "apply_charging_order", ctx, property="1 High St", debtor="P1") is None
    # Payments since the order come off it: £1,100.00 less £100.01 paid leaves £999.99.
    paid = after_agent(case, 110000, paid_since=10001)
    assert "£999.99 is" in check(paid, "apply_charging_order", ctx, property="1 High St", debtor="P1")


def test_we18_bankruptcy_counts_the_order_not_the_agents_fees(case, ctx):
    refused = check(after_agent(case, 495000), "petition_bankruptcy", ctx, court="Leeds", debtor="P1")
    assert refused.startswith("a bankruptcy petition needs a debt of at least £5,000.00; £4,950.00 is owed under the "
                              "liability order (the balance of £5,025.00 includes enforcement agent fees")
    assert check(after_agent(case, 500000), "petition_bankruptcy", ctx, court="Leeds", debtor="P1") is None


def test_proposed_routes_leave_agent_fees_out(case):
    p = CouncilTaxParameters()
    assert [r for r, _ in allowed_routes(after_agent(case, 95000), p)] == ["enforcement_agent"]
    assert [r for r, _ in allowed_routes(after_agent(case, 495000), p)] == ["enforcement_agent", "charging_order"]
    assert [r for r, _ in allowed_routes(after_agent(case, 500000), p)][-1] == "bankruptcy"


def test_attachment_of_earnings_against_either_liable_person_but_not_a_stranger(case, ctx):
    c = lo_case(case, 50000)
    assert check(c, "attach_earnings", ctx, employer="Acme Ltd", debtor="P1") is None
    assert check(c, "attach_earnings", ctx, employer="Acme Ltd", debtor="P2") is None
    refused = check(c, "attach_earnings", ctx, employer="Acme Ltd", debtor="P9")
    assert refused == "'P9' is not liable for this account (liable: P1, P2)"
    assert "individual" in check(lo_case(case, 50000, kind="company"), "attach_earnings", ctx, employer="X", debtor="P1")


def test_benefit_deductions_need_a_qualifying_benefit(case, ctx):
    c = lo_case(case, 50000)
    assert check(c, "apply_benefit_deductions", ctx, benefit="Universal Credit", debtor="P1") is None
    refused = check(c, "apply_benefit_deductions", ctx, benefit="PIP", debtor="P1")
    assert "'PIP' is not a benefit the DWP deducts council tax from" in refused


def test_committal_only_against_an_individual_and_nothing_when_nothing_is_owed(case, ctx):
    assert check(lo_case(case, 50000), "apply_committal", ctx, debtor="P2") is None
    assert "only against an individual" in check(lo_case(case, 50000, kind="company"), "apply_committal", ctx, debtor="P1")
    assert "nothing is outstanding" in check(lo_case(case, 0), "refer_enforcement_agent", ctx, agent="Marstons")
    assert check(lo_case(case, 50000), "refer_enforcement_agent", ctx, agent="Marstons") is None
    assert check(lo_case(case, 50000), "write_off", ctx, reason="uneconomical") is None


def test_the_plugin_proposes_the_routes_the_facts_allow(case):
    p = CouncilTaxParameters()
    routes = [r for r, _ in allowed_routes(lo_case(case, 600000, employer="Acme Ltd", benefit="universal_credit"), p)]
    assert routes == ["attachment_of_earnings", "benefit_deductions", "enforcement_agent", "charging_order", "bankruptcy"]
    assert [r for r, _ in allowed_routes(lo_case(case, 50000, kind="company", employer="X"), p)] == ["enforcement_agent"]
    text = describe_routes(lo_case(case, 120000, employer="Acme Ltd"), p)
    assert text.startswith("attachment of earnings (employer Acme Ltd on record); enforcement agent (£1,200.00 outstanding)")
    assert "charging order" in text


def test_policy_route_takes_the_first_the_facts_allow(case):
    p = CouncilTaxParameters(route_policy=["attachment_of_earnings", "enforcement_agent"])
    assert policy_route(lo_case(case, 50000), p)[0] == "enforcement_agent"
    assert policy_route(lo_case(case, 50000, employer="Acme"), p)[0] == "attachment_of_earnings"
    assert policy_route(lo_case(case, 50000), CouncilTaxParameters()) is None


def test_the_remedies_take_earnings_and_allowance_and_record_the_deduction():
    from arrears_council_tax import COUNCIL_TAX

    assert "action_facts" in COUNCIL_TAX.rules.provides()
    actions = {a.name: a for a in COUNCIL_TAX.ladder.actions("liability_order")}
    assert actions["attach_earnings"].optional_fields == ("net_earnings", "pay_period")
    assert actions["apply_benefit_deductions"].optional_fields == ("standard_allowance",)
