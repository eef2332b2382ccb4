"""The England working-day calendar (DOMAIN §13): bank holidays, deemed service, clear days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from arrears import WorkingCalendar
from arrears.profiles.profile import load_profile
from arrears.engine.plugins import build_plugin_host

# DOMAIN §13, England & Wales bank holidays [H].
BANK_HOLIDAYS = {
    2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
    2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
}


def d(text: str) -> date:
    return date.fromisoformat(text)


def every_day(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_bank_holidays_are_exactly_the_published_list(year):
    cal = WorkingCalendar()
    found = [day.isoformat() for day in every_day(year) if cal.is_bank_holiday(day)]
    assert found == BANK_HOLIDAYS[year]


def test_2026_boxing_day_falls_on_saturday_and_the_monday_is_the_substitute():
    cal = WorkingCalendar()
    assert d("2026-12-26").weekday() == 5
    assert cal.is_bank_holiday(d("2026-12-28"))
    assert not cal.is_working_day(d("2026-12-28"))
    assert not cal.is_bank_holiday(d("2026-12-26")), "the Saturday is not itself a bank holiday; the Monday is"
    assert cal.is_working_day(d("2026-12-29"))


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_working_days_are_weekdays_that_are_not_bank_holidays(year):
    cal = WorkingCalendar()
    holidays = set(BANK_HOLIDAYS[year])
    for day in every_day(year):
        expected = day.weekday() < 5 and day.isoformat() not in holidays
        assert cal.is_working_day(day) is expected, day


def test_weekends_are_never_working_days():
    cal = WorkingCalendar()
    assert not cal.is_working_day(d("2025-06-14"))  # Saturday
    assert not cal.is_working_day(d("2025-06-15"))  # Sunday
    assert cal.is_working_day(d("2025-06-16"))  # Monday


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("2025-06-16", 0, "2025-06-16"),  # the day itself, no working days added
        ("2025-06-16", 1, "2025-06-17"),
        ("2025-06-13", 1, "2025-06-16"),  # Friday -> Monday
        ("2025-06-14", 1, "2025-06-16"),  # Saturday -> Monday
        ("2025-06-16", 5, "2025-06-23"),
        ("2025-04-17", 1, "2025-04-22"),  # Thursday before Good Friday -> Tuesday after Easter Monday
        ("2025-12-24", 1, "2025-12-29"),  # Christmas Eve (Wed) -> Monday 29th
        ("2026-12-24", 1, "2026-12-29"),  # Christmas Eve (Thu) -> Tuesday 29th (28th is the substitute day)
        ("2025-12-31", 1, "2026-01-02"),
    ],
)
def test_add_working_days(start, count, expected):
    assert WorkingCalendar().add_working_days(d(start), count) == d(expected)


def test_add_working_days_refuses_a_negative_count():
    with pytest.raises(ValueError):
        WorkingCalendar().add_working_days(d("2025-06-16"), -1)


@pytest.mark.parametrize(
    ("posted", "served"),
    [
        ("2025-06-16", "2025-06-18"),  # WE-15: summons posted Monday, deemed served Wednesday
        ("2025-07-01", "2025-07-03"),  # WE-23: NtO posted Tuesday, served Thursday
        ("2025-07-31", "2025-08-04"),  # WE-23: CC posted Thursday, served Monday
        ("2025-06-19", "2025-06-23"),  # Thursday -> Monday over a weekend
        ("2025-04-17", "2025-04-23"),  # Thursday before Good Friday (18th) and Easter Monday (21st)
        ("2025-04-16", "2025-04-22"),  # Wednesday: Thursday 17th is the first working day, Tuesday 22nd the second
        ("2025-05-02", "2025-05-07"),  # Friday before the early May bank holiday
    ],
)
def test_deemed_served_on_the_second_working_day_after_posting(posted, served):
    assert WorkingCalendar().deemed_served(d(posted)) == d(served)


def test_deemed_served_by_second_class_post_is_the_fourth_working_day():
    assert WorkingCalendar().deemed_served(d("2025-06-16"), 4) == d("2025-06-20")


def test_we15_earliest_liability_order_hearing():
    served = WorkingCalendar().deemed_served(d("2025-06-16"))
    # 14 days must have elapsed since the day of service: the earliest hearing is service + 15.
    assert served + timedelta(days=15) == d("2025-07-03")


def test_extra_and_removed_holidays_change_the_calendar():
    proclaimed = d("2025-06-20")  # an ordinary Friday made a holiday (as for a jubilee)
    moved = d("2025-05-05")  # early May bank holiday moved away (as in 2020)
    cal = WorkingCalendar(extra=[proclaimed], removed=[moved])
    assert cal.is_bank_holiday(proclaimed) and not cal.is_working_day(proclaimed)
    assert not cal.is_bank_holiday(moved) and cal.is_working_day(moved)
    assert cal.deemed_served(d("2025-06-18")) == d("2025-06-23")  # Thu 19, (Fri 20 holiday), Mon 23
    assert cal.deemed_served(d("2025-05-01")) == d("2025-05-05")  # Fri 2, Mon 5 now working
    plain = WorkingCalendar()
    assert plain.deemed_served(d("2025-06-18")) == d("2025-06-20")
    assert plain.deemed_served(d("2025-05-01")) == d("2025-05-06")


def test_profile_calendar_section_feeds_the_working_calendar(tmp_path, data_dir):
    text = (data_dir / "sundry_council.toml").read_text()
    text = text.replace(
        "[priority]",
        '[calendar]\nextra_bank_holidays = [2025-06-20]\nremoved_bank_holidays = [2025-05-05]\n\n[priority]',
    )
    path = tmp_path / "calendar.toml"
    path.write_text(text)
    profile = load_profile(path, build_plugin_host(blocked=()).debt_types)
    assert not profile.calendar.is_working_day(d("2025-06-20"))
    assert profile.calendar.is_working_day(d("2025-05-05"))
    assert not profile.calendar.is_working_day(d("2025-05-26"))  # other holidays are untouched


@pytest.mark.parametrize(
    ("given", "clear", "expected"),
    [
        # Notice Monday 2 June 2025, 7 clear days, Sundays not counted: Tue 3 ... Sat 7, (Sun 8), Mon 9,
        # Tue 10 are the seven; the act may follow on Wednesday 11 June.
        ("2025-06-02", 7, "2025-06-11"),
        # Thursday before Easter 2025, 2 clear days: (Good Friday), Sat 19, (Sun), (Easter Monday), Tue 22 -> Wed 23.
        ("2025-04-17", 2, "2025-04-23"),
        # Christmas 2025: Wed 24, (Thu 25), (Fri 26), Sat 27, (Sun 28), Mon 29 -> act on Tue 30.
        ("2025-12-23", 3, "2025-12-30"),
        # Christmas 2026: (Fri 25), (Sun 27), (Mon 28 substitute day) are skipped; Tue 29 counts.
        ("2026-12-27", 1, "2026-12-30"),
        ("2025-06-02", 0, "2025-06-03"),
    ],
)
def test_clear_days_end_skips_sundays_and_bank_holidays(given, clear, expected):
    assert WorkingCalendar().clear_days_end(d(given), clear) == d(expected)


def test_clear_days_end_without_skipping_counts_every_day():
    # Neither the day of the notice nor the day of the act counts: 7 clear days after 2 June are 3-9 June.
    assert WorkingCalendar().clear_days_end(d("2025-06-02"), 7, skip_sundays=False) == d("2025-06-10")
    assert WorkingCalendar().clear_days_end(d("2025-04-17"), 2, skip_sundays=False) == d("2025-04-20")
