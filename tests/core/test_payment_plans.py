"""Checking proposed plans against the councils' stated plan rules (DOMAIN §10; Reading, Rutland, Oadby & Wigston, Rotherham)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears.services.payment_plans import PlanProposal, check_plan, plan_dates
from arrears.profiles.sections import PaymentPlansSection

READING = PaymentPlansSection(max_months_without_income_form=3, max_months_with_income_form=12, longer_needs_review=True,
                              not_for_debt_types=["pcn"])
RUTLAND = PaymentPlansSection(clear_by_year_end=True, beyond_year_end_needs_assessment=True, first_payment_within_days=31,
                              max_months_without_income_form=12, review_after_months=[3, 6, 12],
                              reminder_on_missed_payment=False, missed_payments_to_cancel=1)
OADBY = PaymentPlansSection(max_months_without_income_form=12, set_up_within_days_of_income_form=10)
ROTHERHAM = PaymentPlansSection(max_months_without_income_form=24, max_months_by_debt_type={"sundry": 12})


def proposal(balance=120_000, instalment=10_000, agreed=date(2025, 5, 1), first=date(2025, 5, 15), **kw) -> PlanProposal:
    return PlanProposal(kw.pop("debt_type", "sundry"), balance, instalment, kw.pop("frequency", "monthly"), agreed, first, **kw)


def test_payments_run_until_the_balance_is_cleared_the_last_taking_the_rest():
    pays = plan_dates(proposal(balance=25_050, instalment=10_000, first=date(2025, 1, 31)))
    assert pays == [(date(2025, 1, 31), 10_000), (date(2025, 2, 28), 10_000), (date(2025, 3, 31), 5_050)]


def test_weekly_payments_step_seven_days():
    pays = plan_dates(proposal(balance=3_000, instalment=1_000, first=date(2025, 12, 29), frequency="weekly"))
    assert [d for d, _ in pays] == [date(2025, 12, 29), date(2026, 1, 5), date(2026, 1, 12)]


def test_nothing_and_unknown_frequencies_are_refused():
    with pytest.raises(ValueError, match="more than nothing"):
        plan_dates(proposal(instalment=0))
    with pytest.raises(ValueError, match="frequency 'daily'"):
        plan_dates(proposal(frequency="daily"))


def test_reading_three_months_without_an_income_form():
    ok = check_plan(READING, proposal(balance=30_000, instalment=10_000, first=date(2025, 5, 1)))  # May, Jun, Jul
    assert ok.allowed, ok.problems
    long = check_plan(READING, proposal(balance=40_000, instalment=10_000, first=date(2025, 5, 15)))
    assert not long.allowed
    assert "longer than the 3 months allowed without an income and expenditure form" in long.problems[0]


def test_reading_twelve_months_with_an_income_form_and_longer_only_with_review():
    form = date(2025, 4, 20)
    assert check_plan(READING, proposal(balance=120_000, income_form_on=form, first=date(2025, 5, 1))).allowed
    assert check_plan(READING, proposal(balance=130_000, income_form_on=form, first=date(2025, 5, 1))).allowed  # clears 1 May 2026
    over = check_plan(READING, proposal(balance=130_000, income_form_on=form, first=date(2025, 5, 2)))
    assert not over.allowed and "allowed only with periodic review" in over.problems[0]
    reviewed = check_plan(READING, proposal(balance=130_000, income_form_on=form, first=date(2025, 5, 2), periodic_review=True))
    assert reviewed.allowed and any("reviewed periodically" in r for r in reviewed.requirements)


def test_reading_pcns_are_not_for_instalments():
    verdict = check_plan(READING, proposal(debt_type="pcn", balance=7_000, instalment=3_500))
    assert not verdict.allowed and "pcn debts are not normally paid by instalments" in verdict.problems[0]


def test_rutland_clears_by_the_financial_year_end_unless_assessed_vulnerable():
    inside = check_plan(RUTLAND, proposal(balance=110_000, instalment=10_000, agreed=date(2025, 5, 1), first=date(2025, 5, 30)))
    assert inside.allowed, inside.problems  # 11 payments, the last on 30 Mar 2026
    past = check_plan(RUTLAND, proposal(balance=120_000, instalment=10_000, agreed=date(2025, 5, 1), first=date(2025, 5, 30)))
    assert not past.allowed
    assert "by the financial year end, 2026-03-31" in past.problems[0] and "on 2026-04-30" in past.problems[0]
    assessed = check_plan(RUTLAND, proposal(balance=120_000, instalment=10_000, agreed=date(2025, 5, 1),
                                            first=date(2025, 5, 30), assessed_vulnerable=True))
    assert assessed.allowed and any("vulnerable debtor" in r for r in assessed.requirements)


def test_rutland_year_end_is_that_of_the_debt_not_the_agreement():
    late = check_plan(RUTLAND, proposal(balance=20_000, instalment=10_000, agreed=date(2026, 3, 1), first=date(2026, 3, 20),
                                        debt_year=date(2025, 6, 1)))
    assert not late.allowed and "2026-03-31" in late.problems[0]


def test_rutland_first_payment_within_a_month():
    assert check_plan(RUTLAND, proposal(balance=20_000, agreed=date(2025, 5, 1), first=date(2025, 6, 1))).allowed
    late = check_plan(RUTLAND, proposal(balance=20_000, agreed=date(2025, 5, 1), first=date(2025, 6, 2)))
    assert not late.allowed and "the first payment must be by 2025-06-01" in late.problems[0]


def test_rutland_reviews_at_three_six_and_twelve_months_while_the_plan_runs_and_no_reminders():
    verdict = check_plan(RUTLAND, proposal(balance=100_000, instalment=10_000, agreed=date(2025, 4, 10), first=date(2025, 4, 25)))
    assert verdict.review_on == [date(2025, 7, 10), date(2025, 10, 10)]  # the plan ends in January: no 12-month review
    assert any("one missed payment cancel the plan" in r for r in verdict.requirements)


def test_oadby_wigston_sets_up_within_ten_days_of_the_income_form():
    on_time = check_plan(OADBY, proposal(income_form_on=date(2025, 5, 1), agreed=date(2025, 5, 11), first=date(2025, 5, 20)))
    assert not any("should have been set up" in r for r in on_time.requirements)
    late = check_plan(OADBY, proposal(income_form_on=date(2025, 5, 1), agreed=date(2025, 5, 12), first=date(2025, 5, 20)))
    assert any("should have been set up by 2025-05-11" in r for r in late.requirements)


def test_rotherham_sundry_plans_within_twelve_months():
    assert check_plan(ROTHERHAM, proposal(balance=120_000, first=date(2025, 5, 1))).allowed
    verdict = check_plan(ROTHERHAM, proposal(balance=140_000, first=date(2025, 5, 1)))
    assert not verdict.allowed and "the 12 months allowed for sundry" in verdict.problems[0]
    assert check_plan(ROTHERHAM, proposal(debt_type="council_tax", balance=140_000, first=date(2025, 5, 1))).allowed


def test_no_plan_without_a_form_when_the_policy_gives_no_limit():
    verdict = check_plan(PaymentPlansSection(), proposal(balance=10_000))
    assert not verdict.allowed and "needs an income and expenditure form" in verdict.problems[0]


def test_plan_check_command(arrears, tmp_path, data_dir):
    path = tmp_path / "p.toml"
    path.write_text((data_dir / "sundry_council.toml").read_text() + """
[payment_plans]
max_months_without_income_form = 3
""")
    ok = arrears("plan", "check", "--council", path, "--debt-type", "sundry", "--balance", "300.00", "--instalment", "100.00",
                 "--agreed-on", "2025-05-01", "--first-payment", "2025-05-01")
    assert "allowed" in ok.output and "the last £100.00 on 2025-07-01" in ok.output
    refused = arrears("plan", "check", "--council", path, "--debt-type", "sundry", "--balance", "400.00", "--instalment", "100.00",
                      "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", expect=1)
    assert "not allowed" in refused.output and "without an income and expenditure form" in refused.output
    bad = arrears("plan", "check", "--council", path, "--debt-type", "sundry", "--balance", "4x", "--instalment", "100.00",
                  "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", expect=2)
    assert "--balance" in bad.output
    wrong = arrears("plan", "check", "--council", path, "--debt-type", "rents", "--balance", "4.00", "--instalment", "1.00",
                    "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", expect=2)
    assert "'rents' is not a debt type testshire runs" in wrong.output
