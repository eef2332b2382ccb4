"""After the liability order: officer and policy remedies, their checks and fees, committal to write-off."""

from __future__ import annotations

import pytest

from arrears.errors import ActionRefused


def to_order(council, amount: str, ref: str = "CT1", **cols) -> None:
    """A no-scheme demand of ``amount`` due 8 June 2025: liability order on 3 July with £80 + £20 costs (WE-15)."""
    council.account(ref, amount=amount, date="2025-05-20", instalments="0", instalment_day="8", **cols)
    council.run("2025-07-03")
    assert council.show(ref)["stage"] == "liability_order"


def test_we01_enforcement_agent_fees_added_as_each_stage_starts(council):
    to_order(council, "1900.00")
    assert council.show()["balance_pence"] == 200000
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.act("CT1", "ea_enforcement_stage", "2025-08-01", visit_date="2025-08-01")
    council.act("CT1", "ea_sale_stage", "2025-08-20", removal_date="2025-08-20")
    assert council.fees()[2:] == [
        ("2025-07-10", "ea_compliance", 7500), ("2025-08-01", "ea_enforcement", 27250), ("2025-08-20", "ea_sale", 14750),
    ]
    assert council.show()["balance_pence"] == 200000 + 49500
    descriptions = [t["description"] for t in council.show()["timeline"] if t["type"] == "fee"]
    assert "£235.00 + 7.5% of £500.00 over £1,500.00" in descriptions[3]


def test_we02_no_percentage_on_exactly_1500(council):
    to_order(council, "1400.00")
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.run("2025-07-11")
    council.act("CT1", "ea_enforcement_stage", "2025-08-01", visit_date="2025-08-01")
    council.act("CT1", "ea_sale_stage", "2025-08-20", removal_date="2025-08-20")
    assert [f[2] for f in council.fees()[2:]] == [7500, 23500, 11000]


def test_payments_after_the_order_reduce_the_sum_the_percentage_is_on(council):
    to_order(council, "2900.00")  # £3,000.00 with costs
    council.pay(("CT1", "1000.00", "2025-07-05"))
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.act("CT1", "ea_enforcement_stage", "2025-08-01", visit_date="2025-08-01")
    assert council.fees()[-1] == ("2025-08-01", "ea_enforcement", 23500 + 3750)  # 7.5% of (£2,000 - £1,500)


def test_we17_charging_order_refused_below_1000_outstanding(council):
    to_order(council, "899.99")
    assert council.show()["balance_pence"] == 99999
    with pytest.raises(ActionRefused, match=r"charging order needs at least £1,000.00 .* £999.99 is"):
        council.act("CT1", "apply_charging_order", "2025-07-10", property="1 High St", debtor="P-CT1")
    assert council.show()["stage"] == "liability_order"


def test_we17_charging_order_allowed_at_1000(council):
    to_order(council, "900.00")
    council.act("CT1", "apply_charging_order", "2025-07-10", property="1 High St", debtor="P-CT1")
    assert council.show()["stage"] == "charging_order"


def test_we18_bankruptcy_petition_threshold(council):
    to_order(council, "4899.99")
    with pytest.raises(ActionRefused, match=r"at least £5,000.00; £4,999.99 is owed"):
        council.act("CT1", "petition_bankruptcy", "2025-07-10", court="Sheffield", debtor="P-CT1")
    council.pay(("CT1", "0.01", "2025-07-11"))
    council.run("2025-07-11")
    with pytest.raises(ActionRefused, match=r"£4,999.98 is owed"):
        council.act("CT1", "petition_bankruptcy", "2025-07-12", court="Sheffield", debtor="P-CT1")


def test_bankruptcy_allowed_at_5000(council):
    to_order(council, "4900.00")
    council.act("CT1", "petition_bankruptcy", "2025-07-10", court="Sheffield", debtor="P-CT1")
    assert council.show()["stage"] == "bankruptcy"


def back_from_the_agent(council, amount: str) -> None:
    """A liability order for ``amount`` + £100 costs, the compliance fee added by a referral, and the agent's return."""
    to_order(council, amount)
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.act("CT1", "ea_returned", "2025-08-01", outcome="no contact")
    council.run("2025-08-01")


def test_we17_an_order_for_950_with_a_75_compliance_fee_is_not_enough_for_a_charging_order(council):
    back_from_the_agent(council, "850.00")
    assert council.show()["balance_pence"] == 102500
    with pytest.raises(ActionRefused, match=r"at least £1,000.00 of the liability order outstanding; £950.00 is"):
        council.act("CT1", "apply_charging_order", "2025-08-04", property="1 High St", debtor="P-CT1")


def test_we17_exactly_1000_of_the_order_outstanding_allows_a_charging_order(council):
    back_from_the_agent(council, "900.00")
    council.act("CT1", "apply_charging_order", "2025-08-04", property="1 High St", debtor="P-CT1")
    assert council.show()["stage"] == "charging_order"


def test_we18_an_order_for_4950_with_a_75_compliance_fee_is_not_enough_for_bankruptcy(council):
    back_from_the_agent(council, "4850.00")
    assert council.show()["balance_pence"] == 502500
    with pytest.raises(ActionRefused, match=r"at least £5,000.00; £4,950.00 is owed under the liability order"):
        council.act("CT1", "petition_bankruptcy", "2025-08-04", court="Sheffield", debtor="P-CT1")


def test_we18_exactly_5000_of_the_order_outstanding_allows_bankruptcy(council):
    back_from_the_agent(council, "4900.00")
    council.act("CT1", "petition_bankruptcy", "2025-08-04", court="Sheffield", debtor="P-CT1")
    assert council.show()["stage"] == "bankruptcy"


def test_benefit_deductions_need_a_qualifying_benefit(council):
    to_order(council, "500.00")
    with pytest.raises(ActionRefused, match="not a benefit the DWP deducts council tax from"):
        council.act("CT1", "apply_benefit_deductions", "2025-07-10", benefit="child_benefit", debtor="P-CT1")
    council.act("CT1", "apply_benefit_deductions", "2025-07-10", benefit="universal_credit", debtor="P-CT1")
    council.act("CT1", "deductions_ended", "2025-09-10", outcome="claim closed")
    assert council.show()["stage"] == "liability_order"


def test_attachment_of_earnings_needs_an_individual(council):
    to_order(council, "500.00", debtor_kind="company")
    with pytest.raises(ActionRefused, match="needs an individual"):
        council.act("CT1", "attach_earnings", "2025-07-10", employer="Acme Ltd", debtor="P-CT1")


def test_committal_after_insufficient_goods_then_write_off(council):
    to_order(council, "500.00")
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.act("CT1", "ea_no_goods", "2025-09-01", report_date="2025-08-29")
    with pytest.raises(ActionRefused, match="'P-X' is not liable"):
        council.act("CT1", "apply_committal", "2025-09-05", debtor="P-X")
    council.act("CT1", "apply_committal", "2025-09-05", debtor="P-CT1")
    council.act("CT1", "committal_order_made", "2025-10-01", order_date="2025-10-01")
    council.run("2025-10-02")
    assert council.show()["stage"] == "committal_order"
    council.act("CT1", "write_off", "2025-10-03", reason="committal_order")
    shown = council.show()
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("written_off", 0, "2025-10-03")


def test_committal_refused_for_a_company(council):
    to_order(council, "500.00", debtor_kind="company")
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.act("CT1", "ea_no_goods", "2025-09-01", report_date="2025-08-29")
    with pytest.raises(ActionRefused, match="committal is only against an individual"):
        council.act("CT1", "apply_committal", "2025-09-05", debtor="P-CT1")


def test_policy_refers_to_the_enforcement_agent_after_the_information_period(council_with):
    council = council_with('route_policy = ["attachment_of_earnings", "enforcement_agent"]')
    to_order(council, "500.00")
    council.run("2025-08-31")
    assert council.moves()[-1] == ("2025-07-17", "enforcement_agent")
    assert council.events()[-1]["reason"] == (
        "Council policy (attachment_of_earnings, enforcement_agent) takes referral to an enforcement agent 14 days after "
        "the liability order: £600.00 outstanding.")
    assert council.fees()[-1] == ("2025-07-17", "ea_compliance", 7500)
    # Handed back by the agent, the case waits for an officer: the policy acts once per order.
    council.act("CT1", "ea_returned", "2025-08-01", outcome="arrangement broken")
    council.run("2025-09-30")
    assert council.show()["stage"] == "liability_order"


def test_policy_attaches_earnings_when_the_employer_is_known(council_with):
    council = council_with('route_policy = ["attachment_of_earnings", "enforcement_agent"]\nroute_after_days = 21')
    to_order(council, "500.00", employer="Acme Ltd")
    assert "attachment of earnings (employer Acme Ltd on record)" in council.events()[-1]["reason"]
    council.run("2025-07-31")
    assert council.moves()[-1] == ("2025-07-24", "attachment_of_earnings")


def test_policy_waits_if_the_debt_is_paid(council_with):
    council = council_with('route_policy = ["enforcement_agent"]')
    to_order(council, "500.00")
    council.pay(("CT1", "600.00", "2025-07-10"))
    council.run("2025-08-31")
    assert council.moves()[-1] == ("2025-07-10", "paid")


def test_remedies_hand_back_to_the_liability_order(council):
    to_order(council, "500.00")
    council.act("CT1", "attach_earnings", "2025-07-10", employer="Acme Ltd", debtor="P-CT1")
    council.act("CT1", "aeo_ended", "2025-09-01", outcome="left employment")
    council.act("CT1", "refer_enforcement_agent", "2025-09-02", agent="Marstons")
    assert [f[1] for f in council.fees()] == ["summons_costs", "liability_order_costs", "ea_compliance"]
    actions = [e["rule"] for e in council.events()]
    assert actions[-3:] == ["attach_earnings", "aeo_ended", "refer_enforcement_agent"]
    assert council.events()[-3]["facts"]["employer"] == "Acme Ltd"
