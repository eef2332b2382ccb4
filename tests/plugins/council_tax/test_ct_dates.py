"""Day counts of the demand-notice rules (arrears.statutory.demands; DOMAIN §13; WE-12, WE-14, WE-15)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import (
    WorkingCalendar, balance_payable_from, first_unpaid_due, hearing_dates, judge_reminder, next_due_on, overdue,
    reminder_pay_by, reminder_verdict, summons_from,
)

CAL = WorkingCalendar()
SCHEDULE = [(date(2025, 4, 1), 12000), (date(2025, 5, 1), 12000), (date(2025, 6, 1), 12000)]


def test_we12_reminder_window_and_balance_payable():
    issued = date(2025, 7, 2)  # Wednesday
    assert reminder_pay_by(issued) == date(2025, 7, 8)  # Tuesday: 7 days beginning with the issue day
    assert balance_payable_from(issued) == date(2025, 7, 16)  # engine default +14
    assert balance_payable_from(issued, 13) == date(2025, 7, 15)  # the literal "day of failure = last day" reading


def test_we14_summons_seven_days_after_final_notice():
    assert summons_from(date(2025, 6, 2)) == date(2025, 6, 9)


def test_we15_deemed_service_and_earliest_hearing():
    assert hearing_dates(date(2025, 6, 16), CAL) == (date(2025, 6, 18), date(2025, 7, 3))


@pytest.mark.parametrize("posted, served, hearing", [
    (date(2025, 4, 17), date(2025, 4, 23), date(2025, 5, 8)),     # Good Friday and Easter Monday are not working days
    (date(2025, 12, 23), date(2025, 12, 29), date(2026, 1, 13)),  # Christmas and Boxing Day
    (date(2026, 12, 24), date(2026, 12, 30), date(2027, 1, 14)),  # 28 Dec 2026 is the substitute for Boxing Day
    (date(2025, 5, 2), date(2025, 5, 7), date(2025, 5, 22)),      # early May bank holiday (5 May)
])
def test_deemed_service_skips_weekends_and_bank_holidays(posted, served, hearing):
    assert hearing_dates(posted, CAL) == (served, hearing)


def test_hearing_falls_on_a_working_day():
    # Served Friday 20 June; 14 days elapse to 4 July; Saturday 5 July is no court day: Monday 7 July.
    assert hearing_dates(date(2025, 6, 18), CAL) == (date(2025, 6, 20), date(2025, 7, 7))


def test_profile_bank_holiday_second_class_post_and_listing_delay():
    extra = WorkingCalendar(extra=[date(2025, 6, 17)])
    assert hearing_dates(date(2025, 6, 16), extra) == (date(2025, 6, 19), date(2025, 7, 4))
    assert hearing_dates(date(2025, 6, 16), CAL, service_working_days=4)[0] == date(2025, 6, 20)
    assert hearing_dates(date(2025, 6, 16), CAL, listing_days=7)[1] == date(2025, 7, 10)


def test_overdue_meets_the_earliest_instalments_first(case):
    c = case(today=date(2025, 5, 20), amount=36000, paid=15000, schedule=SCHEDULE)
    assert overdue(c, date(2025, 3, 31)) == 0
    assert overdue(c, date(2025, 4, 30)) == 0
    assert overdue(c, date(2025, 5, 1)) == 9000
    assert overdue(c, date(2025, 6, 1)) == 21000
    assert first_unpaid_due(c, date(2025, 5, 20)) == date(2025, 5, 1)
    assert next_due_on(c, date(2025, 5, 2)) == date(2025, 6, 1) and next_due_on(c, date(2025, 6, 2)) is None
    # A reduction of the charge counts as a credit; the answer never exceeds the balance.
    reduced = case(today=date(2025, 5, 20), amount=36000, paid=0, charged=36000, balance=10000, schedule=SCHEDULE)
    assert overdue(reduced, date(2025, 6, 1)) == 10000


def test_reminder_verdict_is_recorded_on_the_last_day_and_a_later_payment_does_not_change_it(case):
    reminder_on = date(2025, 5, 2)
    state: dict = {}
    on_last_day = case(today=date(2025, 5, 8), amount=36000, paid=12000, schedule=SCHEDULE)
    assert reminder_verdict(on_last_day, state, reminder_on) is None  # still open and unmet
    assert judge_reminder(on_last_day, state, reminder_on) is True
    assert state == {"judged_reminder_on": "2025-05-02", "reminder_complied": False, "unpaid_at_pay_by_pence": 12000}
    assert judge_reminder(on_last_day, state, reminder_on) is False  # judged once
    paid_late = case(today=date(2025, 5, 9), amount=36000, paid=24000, schedule=SCHEDULE, last_payment_on=date(2025, 5, 9))
    assert reminder_verdict(paid_late, state, reminder_on) is False


def test_reminder_complied_within_the_window_as_soon_as_everything_due_is_paid(case):
    reminder_on = date(2025, 5, 2)
    early = case(today=date(2025, 5, 4), amount=36000, paid=24000, schedule=SCHEDULE)
    assert reminder_verdict(early, {}, reminder_on) is True
    # An instalment falling due inside the window must be paid too (reg 23(3)).
    tight = [(date(2025, 5, 1), 12000), (date(2025, 5, 6), 12000), (date(2025, 6, 1), 12000)]
    part = case(today=date(2025, 5, 4), amount=36000, paid=12000, schedule=tight)
    assert reminder_verdict(part, {}, reminder_on) is None
    whole = case(today=date(2025, 5, 8), amount=36000, paid=24000, schedule=tight)
    state: dict = {}
    judge_reminder(whole, state, reminder_on)
    assert state["reminder_complied"] is True


def test_a_late_review_judges_exactly_when_nothing_was_paid_after_the_window(case):
    state: dict = {}
    late = case(today=date(2025, 5, 12), amount=36000, paid=12000, schedule=SCHEDULE, last_payment_on=date(2025, 4, 1))
    judge_reminder(late, state, date(2025, 5, 2))
    assert state["reminder_complied"] is False and "judged_late" not in state
