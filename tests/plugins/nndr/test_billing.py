"""The business rates demand: instalment counts, the nearest-pound split, the £50 floor, due days (DOMAIN §2.1)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_nndr.billing import bill, schedule_for
from arrears_nndr.params import NndrParameters

P = NndrParameters()


def _schedule(case, issued, amount=123_456, **attrs):
    c = case(today=issued, opened_on=issued, amount=amount, attrs={"financial_year": 2025, **attrs})
    return schedule_for(c, P)


def test_demand_before_the_year_gives_ten_instalments_first_takes_the_pence(case):
    got = _schedule(case, date(2025, 3, 10))
    assert [d for d, _ in got] == [date(2025, m, 1) for m in range(4, 13)] + [date(2026, 1, 1)]
    assert got[0][1] == 12_756 and {p for _, p in got[1:]} == {12_300}
    assert sum(p for _, p in got) == 123_456


def test_bill_raises_the_years_charge_on_the_issue_day_with_the_schedule(case):
    c = case(today=date(2025, 3, 10), opened_on=date(2025, 3, 10), amount=123_456)
    billing = bill(c, P)
    assert [(ch.amount_pence, ch.on, ch.kind) for ch in billing.charges] == [(123_456, date(2025, 3, 10), "charge")]
    assert billing.instalments == schedule_for(c, P)
    assert "Business rates 2025/26: 10 instalments from 2025-04-01" in billing.charges[0].description
    assert billing.next_bill_on is None


@pytest.mark.parametrize("issued, count, first", [
    (date(2025, 4, 30), 10, date(2025, 6, 1)),   # by 30 April: still ten
    (date(2025, 5, 1), 9, date(2025, 6, 1)),     # 1 May: whole months left (Jun-Mar) 10, less one
    (date(2025, 6, 10), 8, date(2025, 7, 1)),    # DOMAIN's example: 9 whole months, 8 instalments
    (date(2025, 12, 31), 2, date(2026, 2, 1)),   # 31 December: Jan-Mar, less one
    (date(2026, 1, 1), 1, date(2026, 2, 1)),     # from 1 January a single instalment
    (date(2026, 1, 15), 1, date(2026, 2, 1)),    # WE-11 pattern for business rates
])
def test_issue_date_edges(case, issued, count, first):
    got = _schedule(case, issued)
    assert len(got) == count
    assert got[0][0] == first
    assert (got[0][0] - issued).days >= 14
    assert sum(p for _, p in got) == 123_456


def test_every_instalment_falls_inside_the_year_when_issued_in_the_year(case):
    for issued in (date(2025, 4, 30), date(2025, 5, 1), date(2025, 9, 17), date(2025, 12, 31)):
        assert _schedule(case, issued)[-1][0] <= date(2026, 3, 31)


def test_twelve_instalments_on_request(case):
    got = _schedule(case, date(2025, 3, 10), instalments=12)
    assert len(got) == 12 and got[-1][0] == date(2026, 3, 1)
    assert got[0][1] == 10_156 and {p for _, p in got[1:]} == {10_300}


def test_twelve_on_request_after_15_april_gives_the_whole_months_left(case):
    assert len(_schedule(case, date(2025, 4, 16), instalments=12)) == 11


def test_fewer_instalments_by_choice_never_more_than_the_scheme(case):
    assert len(_schedule(case, date(2025, 3, 10), instalments=1)) == 1
    assert len(_schedule(case, date(2025, 3, 10), instalments=4)) == 4
    assert len(_schedule(case, date(2025, 6, 10), instalments=10)) == 8


def test_the_50_pound_floor_reduces_the_number_of_instalments(case):
    got = _schedule(case, date(2025, 3, 10), amount=30_000)        # £300: ten of £30 would be under £50
    assert [p for _, p in got] == [5_000] * 6
    assert [p for _, p in _schedule(case, date(2025, 3, 10), amount=50_000)] == [5_000] * 10
    assert len(_schedule(case, date(2025, 3, 10), amount=9_999)) == 1   # under twice the floor: one instalment
    assert len(_schedule(case, date(2025, 3, 10), amount=10_000)) == 2


def test_the_floor_is_a_parameter(case):
    c = case(today=date(2025, 3, 10), opened_on=date(2025, 3, 10), amount=30_000)
    assert len(schedule_for(c, NndrParameters(instalment_floor_pence=500))) == 10


def test_instalment_day_31_takes_the_last_day_of_shorter_months_and_29_february_in_a_leap_year(case):
    c = case(today=date(2023, 3, 10), opened_on=date(2023, 3, 10), amount=120_000,
             attrs={"financial_year": 2023, "instalment_day": 31, "instalments": 12})
    days = [d for d, _ in schedule_for(c, P)]
    assert days == [date(2023, 4, 30), date(2023, 5, 31), date(2023, 6, 30), date(2023, 7, 31), date(2023, 8, 31),
                    date(2023, 9, 30), date(2023, 10, 31), date(2023, 11, 30), date(2023, 12, 31), date(2024, 1, 31),
                    date(2024, 2, 29), date(2024, 3, 31)]


def test_instalment_day_comes_from_the_profile_unless_the_account_overrides_it(case):
    c = case(today=date(2025, 3, 10), opened_on=date(2025, 3, 10))
    assert schedule_for(c, NndrParameters(instalment_day=15))[0][0] == date(2025, 4, 15)
    c = case(today=date(2025, 3, 10), opened_on=date(2025, 3, 10), attrs={"financial_year": 2025, "instalment_day": 28})
    assert schedule_for(c, NndrParameters(instalment_day=15))[0][0] == date(2025, 4, 28)


def test_nothing_to_bill_gives_no_schedule(case):
    c = case(today=date(2025, 3, 10), opened_on=date(2025, 3, 10), amount=0)
    assert bill(c, P).instalments == []
