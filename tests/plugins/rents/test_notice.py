"""Notice of Seeking Possession: the earliest lawful proceedings date, service by post, lapse (HA 1985 s83; DOMAIN §6.2, §13)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import WorkingCalendar
from arrears_rents.notice import deemed_served, earliest_proceedings_date, lapses_on
from arrears_rents.params import RentsParameters
from arrears_rents.periods import periods_of

P = RentsParameters()


def earliest(case, served, **kw):
    return earliest_proceedings_date(served, periods_of(case(today=served, **kw)), P)


@pytest.mark.parametrize("served,expected", [
    (date(2025, 6, 2), date(2025, 7, 6)),     # Monday: 4 weeks on is Monday 30 June, its week ends Sunday 6 July
    (date(2025, 6, 4), date(2025, 7, 6)),     # Wednesday
    (date(2025, 6, 1), date(2025, 6, 29)),    # Sunday: 4 weeks on is itself a Sunday, the last day of a rent week
    (date(2025, 12, 8), date(2026, 1, 11)),   # across the year end
])
def test_monday_rent_week_proceedings_date_is_a_sunday_at_least_four_weeks_on(case, served, expected):
    assert earliest(case, served, rent_day=1) == expected
    assert expected.weekday() == 6


@pytest.mark.parametrize("served,expected", [
    (date(2025, 6, 2), date(2025, 7, 5)),     # Monday: the Sunday-to-Saturday week containing 30 June ends 5 July
    (date(2025, 5, 31), date(2025, 6, 28)),   # Saturday: 28 June is itself a Saturday
])
def test_sunday_rent_week_proceedings_date_is_a_saturday(case, served, expected):
    assert earliest(case, served, rent_day=7) == expected
    assert expected.weekday() == 5


@pytest.mark.parametrize("served,expected", [
    (date(2025, 1, 15), date(2025, 2, 28)),
    (date(2028, 2, 1), date(2028, 2, 29)),    # leap year: 1 Feb + 28 days is 29 Feb, the month's last day
    (date(2027, 2, 1), date(2027, 3, 31)),    # not a leap year: 1 Feb + 28 days is 1 March
    (date(2025, 4, 3), date(2025, 5, 31)),    # 1 May is the start of a period, not the end of one
])
def test_monthly_rent_on_the_first_proceedings_date_is_a_months_last_day(case, served, expected):
    assert earliest(case, served, period="monthly", rent_day=1, opened_on=date(2024, 1, 1)) == expected


def test_monthly_rent_on_the_15th_proceedings_date_is_the_14th(case):
    assert earliest(case, date(2025, 1, 20), period="monthly", rent_day=15, opened_on=date(2024, 1, 15)) == date(2025, 3, 14)


def test_a_longer_local_notice_moves_the_earliest_date(case):
    c = case(today=date(2025, 6, 2), rent_day=1)
    assert earliest_proceedings_date(date(2025, 6, 2), periods_of(c), RentsParameters(nsp_min_days=35)) == date(2025, 7, 13)


def test_an_nsp_sent_by_post_is_served_on_the_second_working_day():
    cal = WorkingCalendar()
    assert deemed_served(date(2025, 6, 2), "hand", cal, P) == date(2025, 6, 2)
    assert deemed_served(date(2025, 6, 5), "post", cal, P) == date(2025, 6, 9)      # Thursday: Friday, then Monday
    assert deemed_served(date(2025, 4, 17), "post", cal, P) == date(2025, 4, 23)    # over Good Friday and Easter Monday


@pytest.mark.parametrize("proceedings,lapse", [
    (date(2025, 7, 6), date(2026, 7, 6)),
    (date(2028, 2, 29), date(2029, 2, 28)),   # leap day: 12 months on is the last day of February
    (date(2027, 2, 28), date(2028, 2, 28)),
])
def test_an_nsp_lapses_twelve_months_after_its_date(proceedings, lapse):
    assert lapses_on(proceedings, P) == lapse
