"""The statutory instalment arithmetic shared by Council Tax and business rates (DOMAIN §1.1, §2.1)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import due_dates, financial_year_start, instalment_count, split_total, statutory_schedule

YEAR = date(2025, 4, 1)


@pytest.mark.parametrize(
    ("issued", "twelve", "expected"),
    [
        (date(2025, 3, 10), False, 10), (date(2025, 4, 30), False, 10), (date(2025, 5, 1), False, 9),
        (date(2025, 6, 10), False, 8), (date(2025, 12, 31), False, 2), (date(2026, 1, 1), False, 1),
        (date(2025, 3, 10), True, 12), (date(2025, 4, 15), True, 12),
        # A twelve-instalment request after 15 April: the whole months left, never past March.
        (date(2025, 4, 16), True, 11), (date(2025, 6, 10), True, 9), (date(2026, 1, 15), True, 1),
    ],
)
def test_instalment_count(issued, twelve, expected):
    assert instalment_count(issued, YEAR, twelve=twelve) == expected


@pytest.mark.parametrize(("issued", "twelve"), [(date(2025, 4, 16), True), (date(2025, 4, 30), True), (date(2025, 5, 1), False)])
def test_a_late_schedule_never_runs_past_the_end_of_the_year(issued, twelve):
    schedule = statutory_schedule(120000, issued, YEAR, requested=12 if twelve else None, day_of_month=1, floor_pence=500)
    assert schedule[-1][0] <= date(2026, 3, 31)
    assert schedule[0][0] >= issued
    assert sum(p for _, p in schedule) == 120000


def test_statutory_schedule_choices():
    assert statutory_schedule(120000, date(2025, 3, 10), YEAR, requested=0, day_of_month=1, floor_pence=500) == [
        (date(2025, 4, 1), 120000)]
    assert len(statutory_schedule(120000, date(2025, 3, 10), YEAR, requested=3, day_of_month=1, floor_pence=500)) == 3
    # A choice of more instalments than the scheme allows gets what the scheme allows.
    assert len(statutory_schedule(120000, date(2025, 9, 10), YEAR, requested=11, day_of_month=1, floor_pence=500)) == 5


def test_split_total_rounding_and_small_amounts():
    assert split_total(123456, 10, floor_pence=500) == [12756] + [12300] * 9          # WE-05
    assert split_total(120000, 10, floor_pence=500) == [12000] * 10                    # whole pounds: equal
    assert split_total(950, 10, floor_pence=500) == [950]                              # WE-09: under £10
    assert split_total(2300, 10, floor_pence=500) == [500, 600, 600, 600]              # n = floor(£23 / £5) = 4; £5.75 -> £6
    assert split_total(12345, 10, floor_pence=5000) == [6145, 6200]                    # £50 floor: n = 2, £61.725 -> £62
    parts = split_total(100001, 10, floor_pence=500)
    assert sum(parts) == 100001 and len(set(parts[1:])) == 1 and parts[1] % 100 == 0


def test_due_dates_day_31_and_leap_february():
    dates = due_dates(date(2027, 3, 1), date(2027, 4, 1), 12, 31)
    assert date(2028, 2, 29) in dates and date(2027, 4, 30) == dates[0] and dates[-1] == date(2028, 3, 31)


def test_financial_year_start():
    assert financial_year_start(date(2026, 3, 31)) == date(2025, 4, 1)
    assert financial_year_start(date(2026, 4, 1)) == date(2026, 4, 1)
