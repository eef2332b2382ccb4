"""Rent periods: rent days, period ends across weeks, month ends and leap years; rent shared out by days; weeks of rent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arrears_rents.periods import apportion, at_least_weeks, periods_of, weeks_of_rent


def periods(case, kind="weekly", day=1, start=None, opened=date(2025, 4, 7)):
    attrs = {"tenancy_start": start.isoformat()} if start else {}
    return periods_of(case(today=opened, opened_on=opened, period=kind, rent_day=day, attrs=attrs))


def test_monday_rent_weeks_run_monday_to_sunday(case):
    p = periods(case, day=1)
    assert p.on_or_before(date(2025, 4, 13)) == date(2025, 4, 7)      # Sunday belongs to the week from Monday
    assert p.on_or_before(date(2025, 4, 14)) == date(2025, 4, 14)
    assert p.period_end(date(2025, 4, 9)) == date(2025, 4, 13)
    assert p.is_period_end(date(2025, 4, 13)) and not p.is_period_end(date(2025, 4, 14))


def test_sunday_rent_weeks_run_sunday_to_saturday(case):
    p = periods(case, day=7)
    assert p.on_or_before(date(2025, 4, 12)) == date(2025, 4, 6)
    assert p.period_end(date(2025, 4, 6)) == date(2025, 4, 12)
    assert p.is_period_end(date(2025, 4, 12)) and not p.is_period_end(date(2025, 4, 13))


def test_weekly_rent_days_across_a_month_and_year_end(case):
    p = periods(case, day=1)
    assert [d for d, _ in p.between(date(2025, 12, 25), date(2026, 1, 12))] == [date(2025, 12, 29), date(2026, 1, 5),
                                                                              date(2026, 1, 12)]
    assert p.between(date(2025, 12, 28), date(2025, 12, 29)) == [(date(2025, 12, 29), date(2026, 1, 4))]


def test_fortnightly_cycle_follows_the_tenancy_start(case):
    p = periods(case, kind="fortnightly", day=1, start=date(2025, 3, 31))
    assert [d for d, _ in p.between(date(2025, 4, 6), date(2025, 5, 12))] == [date(2025, 4, 14), date(2025, 4, 28),
                                                                           date(2025, 5, 12)]
    assert p.period_end(date(2025, 4, 14)) == date(2025, 4, 27)


def test_four_weekly_periods(case):
    p = periods(case, kind="four_weekly", day=1, start=date(2025, 4, 7))
    assert p.after(date(2025, 4, 7)) == date(2025, 5, 5)
    assert p.period_end(date(2025, 4, 20)) == date(2025, 5, 4)


def test_monthly_periods_on_the_first_end_on_the_last_day_of_the_month(case):
    p = periods(case, kind="monthly", day=1, opened=date(2025, 4, 1))
    assert p.period_end(date(2025, 2, 10)) == date(2025, 2, 28)
    assert p.period_end(date(2028, 2, 10)) == date(2028, 2, 29)          # leap year
    assert p.period_end(date(2025, 12, 31)) == date(2025, 12, 31)
    assert p.after(date(2025, 12, 31)) == date(2026, 1, 1)


def test_monthly_periods_on_the_28th_cross_month_ends(case):
    p = periods(case, kind="monthly", day=28, opened=date(2025, 4, 28))
    assert p.on_or_before(date(2025, 3, 1)) == date(2025, 2, 28)
    assert p.period_end(date(2028, 2, 28)) == date(2028, 3, 27)          # 29 February 2028 inside the period
    assert p.period_end(date(2025, 12, 30)) == date(2026, 1, 27)
    assert p.shift(date(2025, 12, 28), 2) == date(2026, 2, 28) and p.shift(date(2026, 1, 28), -13) == date(2024, 12, 28)


def test_rent_day_defaults_to_the_weekday_or_day_the_tenancy_starts(case):
    c = case(today=date(2025, 4, 9), opened_on=date(2025, 4, 9), rent_day=None, attrs={"tenancy_start": "2024-10-03"})
    assert periods_of(c).on_or_before(date(2025, 4, 9)) == date(2025, 4, 3)   # a Thursday
    m = case(today=date(2025, 4, 9), opened_on=date(2025, 4, 9), period="monthly", rent_day=None)
    assert periods_of(m).on_or_before(date(2025, 5, 1)) == date(2025, 4, 9)


@pytest.mark.parametrize("rent,days,whole,expected", [
    (10_000, 3, 7, 4_286),      # 4285.71... rounds up
    (10_000, 5, 7, 7_143),      # 7142.857 rounds up
    (10_001, 1, 2, 5_001),      # exactly half a penny rounds up
    (50_000, 29, 31, 46_774),   # 46774.19 rounds down
    (10_000, 7, 7, 10_000),
])
def test_apportion_shares_rent_by_days_half_up(rent, days, whole, expected):
    assert apportion(rent, days, whole) == expected


def test_weeks_of_rent_for_weekly_and_monthly_rents():
    assert weeks_of_rent(25_000, 10_000, "weekly") == Decimal("2.5")
    assert weeks_of_rent(50_000, 50_000, "monthly") == Decimal("4.3")    # a month is 52/12 weeks
    assert weeks_of_rent(15_000, 20_000, "fortnightly") == Decimal("1.5")
    assert at_least_weeks(11_538, Decimal(1), 50_000, "monthly") is False  # a week of £500 a month is £115.384...
    assert at_least_weeks(11_539, Decimal(1), 50_000, "monthly") is True
