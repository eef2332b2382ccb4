"""Billing: the demand's charge and its Sch 1 instalment schedule (DOMAIN §1.1; WE-05, WE-07, WE-09, WE-11)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_council_tax.billing import bill, schedule_for
from arrears_council_tax.params import CouncilTaxParameters

P = CouncilTaxParameters()


def months(year: int, month: int, count: int, day: int = 1) -> list[date]:
    out = []
    for i in range(count):
        y, m = divmod(month - 1 + i, 12)
        out.append(date(year + y, m + 1, day))
    return out


def sched(total: int, issued: date, scheme=None, day: int = 1, year: int = 2025, **params):
    return schedule_for(total, issued, year, scheme, day, CouncilTaxParameters(**params))


def test_we05_ten_instalments_nearest_pound():
    got = sched(123456, date(2025, 3, 10))
    assert got == [(date(2025, 4, 1), 12756)] + [(d, 12300) for d in months(2025, 5, 9)]
    assert got[-1][0] == date(2026, 1, 1) and sum(p for _, p in got) == 123456


def test_we07_twelve_instalments_on_request():
    got = sched(123456, date(2025, 3, 10), scheme=12)
    assert got == [(date(2025, 4, 1), 10156)] + [(d, 10300) for d in months(2025, 5, 11)]
    assert got[-1][0] == date(2026, 3, 1)


def test_twelve_requested_after_15_april_still_ends_in_march():
    got = sched(120000, date(2025, 4, 20), scheme=12)
    assert [d for d, _ in got] == months(2025, 6, 10)
    assert sum(p for _, p in got) == 120000


def test_we09_very_small_total_is_one_instalment():
    assert sched(950, date(2025, 3, 10)) == [(date(2025, 4, 1), 950)]


def test_five_pound_floor_merges_instalments():
    got = sched(3000, date(2025, 3, 10))  # £30 over 10 would be £3 each: floor(30 / 5) = 6 instalments
    assert [p for _, p in got] == [500] * 6
    assert [p for _, p in sched(1000, date(2025, 3, 10))] == [500, 500]  # £10 or more: not a single instalment


def test_first_instalment_may_be_smaller_than_the_others():
    got = sched(99550, date(2025, 3, 10))  # 995.50 / 10 = 99.55, rounded to £100; the first takes the rest
    assert [p for _, p in got] == [9550] + [10000] * 9


def test_equal_instalments_when_the_total_divides_into_pounds():
    assert {p for _, p in sched(120000, date(2025, 3, 10))} == {12000}


def test_we11_demand_in_the_final_quarter_is_one_instalment():
    got = schedule_for(45000, date(2026, 1, 15), 2025, None, 1, P)
    assert got == [(date(2026, 2, 1), 45000)]


def test_demand_issued_30_april_gets_ten_instalments():
    got = sched(120000, date(2025, 4, 30))
    assert [d for d, _ in got] == months(2025, 6, 10)  # first at least 14 days on, in a later month: June to March


def test_demand_issued_1_may_gets_nine_instalments():
    got = sched(120000, date(2025, 5, 1))
    assert [d for d, _ in got] == months(2025, 6, 9)  # whole months left Jun-Mar = 10, one fewer


def test_demand_issued_10_june_gets_eight_instalments():
    assert [d for d, _ in sched(120000, date(2025, 6, 10))] == months(2025, 7, 8)


def test_demand_issued_31_december_and_1_january():
    assert [d for d, _ in sched(120000, date(2025, 12, 31))] == [date(2026, 2, 1), date(2026, 3, 1)]  # 3 months left, less one
    assert len(sched(120000, date(2026, 1, 1))) == 1


def test_instalment_day_31_falls_on_each_month_end():
    got = sched(120000, date(2025, 3, 10), scheme=12, day=31)
    assert [d for d, _ in got] == [
        date(2025, 4, 30), date(2025, 5, 31), date(2025, 6, 30), date(2025, 7, 31), date(2025, 8, 31), date(2025, 9, 30),
        date(2025, 10, 31), date(2025, 11, 30), date(2025, 12, 31), date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
    ]


@pytest.mark.parametrize("day", [29, 30, 31])
def test_leap_year_schedule_through_february_2028(day):
    got = sched(240000, date(2027, 3, 1), scheme=12, day=day, year=2027)
    feb = [d for d, _ in got if d.month == 2]
    assert feb == [date(2028, 2, 29)]
    assert got[-1][0] == date(2028, 3, day)


def test_agreed_number_of_instalments_and_no_scheme():
    assert len(sched(120000, date(2025, 3, 10), scheme=3)) == 3
    assert sched(120000, date(2025, 3, 10), scheme=0) == [(date(2025, 4, 1), 120000)]
    assert len(sched(120000, date(2025, 9, 10), scheme=11)) == 5  # no more than the scheme allows (6 whole months left - 1)


def test_profile_default_of_twelve_and_first_instalment_notice():
    assert len(sched(120000, date(2025, 3, 10), default_instalments=12)) == 12
    late = sched(120000, date(2025, 3, 25))  # 14 days' notice: not before 8 April, so the first falls on 1 May
    assert [d for d, _ in late] == months(2025, 5, 10)
    assert sched(120000, date(2025, 3, 25), first_instalment_notice_days=7)[0][0] == date(2025, 4, 1)


def test_bill_raises_the_charge_and_uses_the_day_from_profile_column_or_direct_debit(case):
    c = case(today=date(2025, 3, 10), charged=0, attrs={"financial_year": 2025})
    billing = bill(c, P)
    assert [(ch.amount_pence, ch.on, ch.description) for ch in billing.charges] == [
        (120000, date(2025, 3, 10), "Council Tax 2025/26: demand notice")]
    assert billing.next_bill_on is None and billing.instalments[0][0] == date(2025, 4, 1)
    dd = bill(case(today=date(2025, 3, 10), attrs={"financial_year": 2025, "direct_debit": True}), P)
    assert {d.day for d, _ in dd.instalments} == {15}
    own = bill(case(today=date(2025, 3, 10), attrs={"financial_year": 2025, "direct_debit": True, "instalment_day": "20"}), P)
    assert {d.day for d, _ in own.instalments} == {20}
    council = bill(case(today=date(2025, 3, 10), attrs={"financial_year": 2025}), CouncilTaxParameters(instalment_day=5))
    assert {d.day for d, _ in council.instalments} == {5}
    twelve = bill(case(today=date(2025, 3, 10), attrs={"financial_year": 2025, "instalments": "12"}), P)
    assert len(twelve.instalments) == 12
