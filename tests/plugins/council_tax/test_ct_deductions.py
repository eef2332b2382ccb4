"""What an attachment of earnings (CT Regs Sch 4, DOMAIN §1.3) and a deduction from Universal Credit (DOMAIN §1.2
stage 10b, WE-22) take, from the optional figures an officer gives with the action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from arrears import Ladder
from arrears.errors import ActionRefused
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile
from arrears_council_tax.deductions import aeo_how, earnings, standard_allowance
from arrears_council_tax.params import CouncilTaxParameters
from arrears_council_tax.routes import action_facts, check_action

TODAY = date(2025, 8, 1)
OPTIONAL = {"attach_earnings": ("net_earnings", "pay_period"), "apply_benefit_deductions": ("standard_allowance",)}


def lo_case(case):
    return case(today=TODAY, stage="liability_order", amount=60000, attrs={"financial_year": 2025})


def act(case_, ctx, action, fields):
    """(the refusal, the facts and sentence) as the core asks them: the facts only for an allowed action."""
    refused = check_action(case_, action, fields, ctx(TODAY), ["P1"])
    return refused, None if refused else action_facts(case_, action, fields, ctx(TODAY))


def attach(case_, ctx, **more):
    return act(case_, ctx, "attach_earnings", {"employer": "Acme Ltd", "debtor": "P1", **more})


def apply_uc(case_, ctx, benefit="universal_credit", **more):
    return act(case_, ctx, "apply_benefit_deductions", {"benefit": benefit, "debtor": "P1", **more})


# --- attachment of earnings -----------------------------------------------------------------------------------------


def test_the_sch4_band_explained():
    assert aeo_how(30000, "weekly") == "12% of £300.00"
    assert aeo_how(60000, "weekly") == "17% of £505.00 + 50% of £95.00 above"
    assert aeo_how(30000, "monthly") == "0% of £300.00"


@pytest.mark.parametrize("net, net_pence, period, pence, how", [
    ("400.00", 40000, "weekly", 6800, "17% of £400.00"),
    ("1,000.00", 100000, "Monthly", 12000, "12% of £1,000.00"),
    ("600.00", 60000, "weekly", 8585 + 4750, "17% of £505.00 + 50% of £95.00 above"),
    ("30", 3000, "daily", 210, "7% of £30.00"),
])
def test_the_deduction_each_pay_period_is_recorded_with_the_order(case, ctx, net, net_pence, period, pence, how):
    refused, (facts, said) = attach(lo_case(case), ctx, net_earnings=net, pay_period=period)
    assert refused is None
    assert facts == {"net_earnings_pence": net_pence, "pay_period": period.lower(),
                     "aeo_deduction_pence": pence, "aeo_employer_fee_pence": 100}
    assert f"({how}, CT Regs Sch 4)" in said and "may add £1.00 a deduction for its costs" in said


def test_nothing_deducted_in_the_lowest_band(case, ctx):
    refused, (facts, said) = attach(lo_case(case), ctx, net_earnings="75.00", pay_period="weekly")
    assert refused is None and facts["aeo_deduction_pence"] == 0
    assert said == "On net earnings of £75.00 a week nothing is deducted (0% of £75.00, CT Regs Sch 4)."


def test_an_order_without_earnings_records_no_deduction(case, ctx):
    assert attach(lo_case(case), ctx) == (None, None)
    assert attach(lo_case(case), ctx, net_earnings="", pay_period="") == (None, None)


@pytest.mark.parametrize("fields, problem", [
    ({"net_earnings": "400.00"}, "net_earnings needs pay_period (one of weekly, monthly, daily) to find the Sch 4 band"),
    ({"net_earnings": "400.00", "pay_period": "fortnightly"},
     "pay_period 'fortnightly' is not one of weekly, monthly, daily (the Sch 4 tables)"),
    ({"pay_period": "weekly"}, "pay_period needs net_earnings (pounds a pay period, after tax, NI and pension)"),
    ({"net_earnings": "four hundred", "pay_period": "weekly"},
     "net_earnings: 'four hundred' is not an amount in pounds and pence"),
    ({"net_earnings": "-400.00", "pay_period": "weekly"}, "net_earnings: '-400.00' is negative"),
])
def test_earnings_that_do_not_read_are_refused(case, ctx, fields, problem):
    with pytest.raises(ValueError, match="^" + problem.replace("(", r"\(").replace(")", r"\)") + "$"):
        earnings(fields)
    refused = check_action(lo_case(case), "attach_earnings", {"employer": "Acme", "debtor": "P1", **fields}, ctx(TODAY), ["P1"])
    assert refused == problem


# --- deductions from Universal Credit ----------------------------------------------------------------------------


def test_we22_uc_deduction_is_5_percent_of_the_standard_allowance(case, ctx):
    refused, (facts, said) = apply_uc(lo_case(case), ctx, standard_allowance="400.14")
    assert refused is None
    assert facts == {"standard_allowance_pence": 40014, "uc_deduction_percent": "5", "uc_deduction_monthly_pence": 2001}
    assert said == ("The DWP deducts 5% of the Universal Credit standard allowance of £400.14 a month: £20.01 a month "
                    "(SI 1993/494).")


def test_uc_deduction_rounds_half_a_penny_up(case, ctx):
    _, (facts, _) = apply_uc(lo_case(case), ctx, standard_allowance="400.10")  # 5% = £20.005
    assert facts["uc_deduction_monthly_pence"] == 2001
    _, (facts, _) = apply_uc(lo_case(case), ctx, standard_allowance="400.09")  # 5% = £20.0045
    assert facts["uc_deduction_monthly_pence"] == 2000


def test_an_application_without_the_allowance_records_no_deduction(case, ctx):
    assert apply_uc(lo_case(case), ctx) == (None, None)
    assert apply_uc(lo_case(case), ctx, benefit="pension_credit") == (None, None)


@pytest.mark.parametrize("benefit, allowance, problem", [
    ("universal_credit", "0.00", "standard_allowance must be more than £0.00 (pounds a month)"),
    ("universal_credit", "£400.1456", "standard_allowance: '£400.1456' has more than two decimal places"),
    ("Pension Credit", "400.14", "standard_allowance is the Universal Credit standard allowance; the deduction from "
                                 "pension_credit is set by the DWP from the personal allowance"),
])
def test_an_allowance_that_does_not_fit_is_refused(case, ctx, benefit, allowance, problem):
    assert apply_uc(lo_case(case), ctx, benefit=benefit, standard_allowance=allowance)[0] == problem
    with pytest.raises(ValueError):
        standard_allowance({"standard_allowance": allowance}, "universal_credit" if benefit == "universal_credit" else "x")


def test_the_percentage_is_a_dated_profile_parameter(tmp_path, case, ctx, data_dir):
    text = (data_dir / "council_tax_council.toml").read_text().replace(
        "[debt_types.council_tax]\n", "[debt_types.council_tax]\nuc_deduction_percent = \"5\"\n") + (
        "\n[[debt_types.council_tax.changes]]\neffective_from = 2026-04-01\nuc_deduction_percent = \"4.5\"\n")
    path = tmp_path / "p.toml"
    path.write_text(text)
    profile = load_profile(path, build_plugin_host().debt_types)
    assert profile.params("council_tax", date(2026, 3, 31)).uc_deduction_percent == Decimal(5)
    later = profile.params("council_tax", date(2026, 4, 1))
    assert later.uc_deduction_percent == Decimal("4.5")
    _, (facts, said) = apply_uc(lo_case(case), lambda today: ctx(today, uc_deduction_percent=later.uc_deduction_percent),
                                standard_allowance="400.14")
    assert facts["uc_deduction_monthly_pence"] == 1801 and "deducts 4.5% of" in said  # £18.0063
    with pytest.raises(ValueError):
        CouncilTaxParameters(uc_deduction_percent=0)


# --- recorded with the officer's action ------------------------------------------------------------------------


def with_optional_fields(debt_type):
    """The council tax debt type with the optional figures on its two actions (its rules record their facts)."""
    transitions = tuple(replace(t, optional_fields=OPTIONAL.get(t.rule, t.optional_fields))
                        for t in debt_type.ladder.transitions)
    return replace(debt_type, ladder=Ladder(debt_type.ladder.stages, transitions))


@pytest.fixture
def council(services_council, host, monkeypatch):
    monkeypatch.setitem(host.debt_types, "council_tax", with_optional_fields(host.debt_types["council_tax"]))
    council = services_council()
    council.account("CT1", amount="500.00", date="2025-05-20", instalments="0", instalment_day="8")
    council.run("2025-07-03")
    assert council.show()["stage"] == "liability_order"
    return council


def test_we22_the_uc_deduction_is_recorded_with_the_application(council):
    council.act("CT1", "apply_benefit_deductions", "2025-07-10", benefit="universal_credit", debtor="P-CT1",
                standard_allowance="400.14")
    event = council.events()[-1]
    assert (event["to"], event["facts"]["uc_deduction_monthly_pence"]) == ("benefit_deductions", 2001)
    assert "£400.14 a month: £20.01 a month (SI 1993/494). Recorded by officer." in event["reason"]


def test_the_aeo_deduction_is_recorded_with_the_order_and_bad_earnings_refused(council):
    with pytest.raises(ActionRefused, match=r"attach_earnings: pay_period 'yearly' is not one of weekly, monthly, daily"):
        council.act("CT1", "attach_earnings", "2025-07-10", employer="Acme Ltd", debtor="P-CT1", net_earnings="400.00",
                    pay_period="yearly")
    assert council.show()["stage"] == "liability_order"
    council.act("CT1", "attach_earnings", "2025-07-10", employer="Acme Ltd", debtor="P-CT1", net_earnings="400.00",
                pay_period="weekly")
    event = council.events()[-1]
    assert (event["to"], event["facts"]["aeo_deduction_pence"], event["facts"]["pay_period"]) == (
        "attachment_of_earnings", 6800, "weekly")
    assert "the employer deducts £68.00 a week (17% of £400.00, CT Regs Sch 4)" in event["reason"]
