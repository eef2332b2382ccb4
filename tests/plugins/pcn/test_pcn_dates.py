"""The PCN's dates: service, discount and payment periods, the Notice to Owner window, later notices (DOMAIN §5.2, §13)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import WorkingCalendar
from arrears_pcn.dates import PcnDates, months_end, notice_dates, pcn_dates, pcn_served_on


def dates_of(case, ctx, **kw) -> PcnDates:
    c = case(**kw)
    return pcn_dates(c, ctx(c.today))


def test_we23_the_pcn_periods_of_an_on_street_pcn(case, ctx):
    d = dates_of(case, ctx, today=date(2025, 6, 2), opened_on=date(2025, 6, 2))
    assert d.served_on == date(2025, 6, 2)
    assert d.discount_end == date(2025, 6, 15)  # 14 days beginning with service
    assert d.payment_end == date(2025, 6, 29)  # 28 days beginning with service
    assert d.nto_from == date(2025, 6, 30)  # day 29
    assert d.nto_latest == date(2025, 12, 1)  # 6 months beginning with 2 June


def test_we23_later_notices_are_served_two_working_days_after_posting(ctx):
    c = ctx(date(2025, 7, 1))
    assert notice_dates(date(2025, 7, 1), 28, c) == (date(2025, 7, 3), date(2025, 7, 30))  # NtO: reps/payment by 30 July
    assert notice_dates(date(2025, 7, 31), 14, c) == (date(2025, 8, 4), date(2025, 8, 17))  # CC posted Thursday: Fri, Mon


def test_handed_to_the_driver_is_served_on_the_day(case, ctx):
    d = dates_of(case, ctx, today=date(2025, 6, 7), opened_on=date(2025, 6, 7), served_by="handed")  # a Saturday
    assert (d.served_on, d.discount_end, d.payment_end) == (date(2025, 6, 7), date(2025, 6, 20), date(2025, 7, 4))


def test_a_camera_pcn_is_served_two_working_days_after_posting_and_has_21_days_discount(case, ctx):
    d = dates_of(case, ctx, today=date(2025, 6, 2), opened_on=date(2025, 6, 2), served_by="camera")
    assert d.served_on == date(2025, 6, 4)
    assert d.discount_end == date(2025, 6, 24)  # 21 days beginning with 4 June
    assert d.payment_end == date(2025, 7, 1)


def test_other_postal_pcns_have_14_days_discount(case, ctx):
    d = dates_of(case, ctx, today=date(2025, 6, 2), opened_on=date(2025, 6, 2), served_by="postal")
    assert (d.served_on, d.discount_end) == (date(2025, 6, 4), date(2025, 6, 17))


def test_a_recorded_service_date_wins_over_the_deemed_one(case, ctx):
    c = case(today=date(2025, 6, 9), served_by="camera", attrs={"served_on": "2025-06-06"})
    assert pcn_served_on(c, ctx(c.today)) == date(2025, 6, 6)


@pytest.mark.parametrize("posted, served", [
    (date(2025, 4, 17), date(2025, 4, 23)),  # Thursday before Good Friday and Easter Monday
    (date(2025, 8, 22), date(2025, 8, 27)),  # Friday before the August bank holiday
    (date(2025, 12, 23), date(2025, 12, 29)),  # Christmas Day and Boxing Day
    (date(2026, 12, 24), date(2026, 12, 30)),  # Boxing Day on a Saturday: substitute Monday 28 December
    (date(2025, 6, 6), date(2025, 6, 10)),  # posted on a Friday: Monday, Tuesday
    (date(2025, 6, 7), date(2025, 6, 10)),  # posted on a Saturday: Monday, Tuesday
])
def test_deemed_service_skips_weekends_and_england_bank_holidays(case, ctx, posted, served):
    c = case(today=posted, opened_on=posted, served_by="postal")
    assert pcn_served_on(c, ctx(posted)) == served


def test_a_councils_extra_bank_holiday_delays_service(case, ctx):
    c = case(today=date(2025, 6, 2), opened_on=date(2025, 6, 2), served_by="camera")
    assert pcn_served_on(c, ctx(c.today, WorkingCalendar(extra=[date(2025, 6, 3)]))) == date(2025, 6, 5)


def test_service_after_posting_is_a_profile_parameter(case, ctx):
    c = case(today=date(2025, 6, 2), opened_on=date(2025, 6, 2), served_by="postal")
    assert pcn_served_on(c, ctx(c.today, postal_service_working_days=4)) == date(2025, 6, 6)


@pytest.mark.parametrize("served, latest", [
    (date(2025, 6, 2), date(2025, 12, 1)),
    (date(2025, 1, 1), date(2025, 6, 30)),
    (date(2025, 3, 1), date(2025, 8, 31)),
    (date(2025, 8, 31), date(2026, 2, 27)),  # no 31 February: the day before the month's last day
    (date(2025, 9, 1), date(2026, 2, 28)),
    (date(2023, 9, 1), date(2024, 2, 29)),  # leap year
    (date(2023, 8, 31), date(2024, 2, 28)),
    (date(2025, 12, 31), date(2026, 6, 29)),
])
def test_no_notice_to_owner_after_six_months_beginning_with_service(served, latest):
    assert months_end(served, 6) == latest


def test_a_short_payment_period_cannot_be_set(ctx):
    with pytest.raises(ValueError):
        ctx(date(2025, 6, 2), payment_days=27)
    with pytest.raises(ValueError):
        ctx(date(2025, 6, 2), notice_to_owner_limit_months=7)
