"""Summons service and hearing dates through the review, with bank holidays (DOMAIN §13; WE-15)."""

from __future__ import annotations

from datetime import date

from arrears import WorkingCalendar
from arrears_nndr.review import review


def _summons(case, ctx, posted: date, calendar=None):
    c = case(today=posted, stage="final_notice", stage_since=date(2025, 1, 1), balance=110_000,
             state={"payable_from": "2024-12-25"})
    outcome = review(c, ctx(posted, calendar=calendar))
    assert outcome.move is not None and outcome.move.rule == "summons"
    return outcome


def test_we15_deemed_served_second_working_day_hearing_after_14_clear_days(case, ctx):
    out = _summons(case, ctx, date(2025, 6, 16))
    assert (out.move.facts["served_on"], out.move.facts["hearing_on"]) == ("2025-06-18", "2025-07-03")
    assert out.state["hearing_on"] == "2025-07-03" and out.next_review == date(2025, 7, 3)


def test_a_bank_holiday_in_the_deemed_service_period(case, ctx):
    # Posted Thu 22 May 2025: Fri 23 is the first working day, Mon 26 May a bank holiday, Tue 27 the second.
    out = _summons(case, ctx, date(2025, 5, 22))
    assert (out.move.facts["served_on"], out.move.facts["hearing_on"]) == ("2025-05-27", "2025-06-11")
    # Easter 2025: posted Thu 17 April, Good Friday and Easter Monday do not count; served Wed 23 April.
    out = _summons(case, ctx, date(2025, 4, 17))
    assert (out.move.facts["served_on"], out.move.facts["hearing_on"]) == ("2025-04-23", "2025-05-08")
    assert "deemed served 2025-04-23, hearing 2025-05-08" in out.move.reason


def test_a_profile_holiday_counts_and_a_hearing_falls_on_a_working_day(case, ctx):
    out = _summons(case, ctx, date(2025, 5, 22), calendar=WorkingCalendar(extra=[date(2025, 5, 23)]))
    assert out.move.facts["served_on"] == "2025-05-28"
    out = _summons(case, ctx, date(2025, 4, 23))     # served Fri 25 April; 10 May is a Saturday
    assert out.move.facts["hearing_on"] == "2025-05-12"


def test_liability_order_on_the_hearing_day_unless_paid(case, ctx):
    state = {"summons_on": "2025-06-16", "served_on": "2025-06-18", "hearing_on": "2025-07-03"}
    before = case(today=date(2025, 7, 2), stage="summons", stage_since=date(2025, 6, 16), balance=50_000, state=state)
    assert review(before, ctx(before.today)).next_review == date(2025, 7, 3)
    on_day = case(today=date(2025, 7, 3), stage="summons", stage_since=date(2025, 6, 16), balance=50_000, state=dict(state))
    out = review(on_day, ctx(on_day.today))
    assert out.move.rule == "liability_order_granted" and out.move.facts["hearing_on"] == "2025-07-03"
    assert out.state["charged_before_ea_pence"] == on_day.charged_pence + 2_000
    paid = case(today=date(2025, 7, 3), stage="summons", stage_since=date(2025, 6, 16), balance=0, paid=120_000,
                state=dict(state))
    assert review(paid, ctx(paid.today)).move.rule == "summons_withdrawn"
