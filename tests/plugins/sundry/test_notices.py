"""The notices: payment terms, reminder, final notice and the step after them, by the profile's days (DOMAIN §3.1; WE-26)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from arrears_sundry.review import review
from arrears_sundry.rules import unpaid_after_terms


def walk(case, ctx, start: date, end: date, **params) -> list[tuple[str, str, str]]:
    """Review ``case`` on every day it asks to be reviewed, applying each move; (date, rule, stage) of the moves."""
    moves, day = [], start
    while day <= end:
        case.today = day
        outcome = review(case, ctx(day, **params))
        if outcome.state is not None:
            case._state = outcome.state
        if outcome.move is not None:
            moves.append((day.isoformat(), outcome.move.rule, outcome.move.to_stage))
            case.stage, case.stage_since = outcome.move.to_stage, day
            if outcome.next_review is None:
                break
        if outcome.next_review is None:
            break
        assert outcome.next_review > day
        day = outcome.next_review
    return moves


def test_we26_rotherham_dates_and_the_three_month_limit(case, ctx):
    moves = walk(case(today=date(2025, 3, 3), kind="company"), ctx, date(2025, 3, 3), date(2025, 6, 30),
                 pre_action_letters=False)
    assert moves == [
        ("2025-03-25", "reminder_after_terms", "reminder"),
        ("2025-04-09", "final_notice_after_reminder", "final_notice"),
        ("2025-04-24", "refer_after_final_notice", "further_recovery"),
    ]
    # WE-26: due 2025-03-24; in further recovery before 3 months past due (2025-06-24).
    assert date.fromisoformat(moves[-1][0]) < date(2025, 6, 24)


def test_we26_the_reasons_give_the_due_date_and_pay_by_dates(case, ctx):
    c = case(today=date(2025, 3, 25))
    move = review(c, ctx(date(2025, 3, 25))).move
    assert move.reason == ("£120.50 unpaid after the 21-day payment terms; reminder issued. Due 2025-03-24; pay by "
                           "2025-04-08 (14 days).")
    c = case(today=date(2025, 4, 9), stage="reminder", stage_since=date(2025, 3, 25))
    move = review(c, ctx(date(2025, 4, 9))).move
    assert "final notice issued, pay by 2025-04-23 (14 days)" in move.reason
    assert "reminder of 2025-03-25" in move.reason


def test_no_step_while_the_period_runs_and_the_next_review_is_the_step_day(case, ctx):
    for day in (date(2025, 3, 3), date(2025, 3, 24)):
        outcome = review(case(today=day), ctx(day))
        assert outcome.move is None and outcome.next_review == date(2025, 3, 25)


def test_a_paid_invoice_asks_for_no_review_and_a_payment_on_the_step_day_clears(case, ctx):
    paid = case(today=date(2025, 3, 25), paid=12_050)
    outcome = review(paid, ctx(date(2025, 3, 25)))
    assert outcome.move.rule == "cleared" and outcome.next_review is None
    assert outcome.move.reason == "Nothing left to pay: £120.50 received."


def test_part_payment_does_not_stop_the_notices(case, ctx):
    c = case(today=date(2025, 3, 25), paid=2_000, last_payment_on=date(2025, 3, 10))
    move = review(c, ctx(date(2025, 3, 25))).move
    assert move.rule == "reminder_after_terms" and "£100.50 unpaid" in move.reason


def test_reading_thirty_days_reminder_and_further_recovery_from_sixty_days(case, ctx):
    """Reading: payable in 30 days, reminded within 14 days of non-payment, further recovery once 60 days old."""
    reading = dict(payment_terms_days=30, reminder_days=14, final_notice=False, further_recovery_min_age_days=60,
                   pre_action_letters=False)
    moves = walk(case(today=date(2025, 3, 3)), ctx, date(2025, 3, 3), date(2025, 6, 30), **reading)
    # Due 2 April; reminder 3 April (pay by 17 April); 60 days old on 2 May.
    assert moves == [
        ("2025-04-03", "reminder_after_terms", "reminder"),
        ("2025-05-02", "refer_after_reminder", "further_recovery"),
    ]
    c = case(today=date(2025, 5, 2), stage="reminder", stage_since=date(2025, 4, 3))
    reason = review(c, ctx(date(2025, 5, 2), **reading)).move.reason
    assert "reminder of 2025-04-03 (pay by 2025-04-17), the debt now 60 days old (further recovery from 60)" in reason


def test_reminder_later_than_the_day_after_the_due_date(case, ctx):
    c = case(today=date(2025, 3, 3))
    assert unpaid_after_terms(c, ctx(date(2025, 3, 3), reminder_after_due_days=14)) == date(2025, 4, 7)
    assert unpaid_after_terms(c, ctx(date(2025, 3, 3))) == date(2025, 3, 25)


def test_without_a_final_notice_the_reminder_leads_straight_on(case, ctx):
    moves = walk(case(today=date(2025, 3, 3)), ctx, date(2025, 3, 3), date(2025, 5, 30), final_notice=False)
    assert moves[:2] == [("2025-03-25", "reminder_after_terms", "reminder"),
                         ("2025-04-09", "letter_of_claim_after_reminder", "letter_of_claim")]


@pytest.mark.parametrize(("opened", "due", "reminder"), [
    (date(2025, 2, 7), date(2025, 2, 28), date(2025, 3, 1)),     # month end in a common year
    (date(2024, 2, 8), date(2024, 2, 29), date(2024, 3, 1)),     # leap day
    (date(2024, 12, 4), date(2024, 12, 25), date(2024, 12, 26)),  # calendar days: Christmas counts
])
def test_terms_are_calendar_days_across_month_ends_leap_days_and_holidays(case, ctx, opened, due, reminder):
    c = case(today=opened, opened_on=opened)
    assert unpaid_after_terms(c, ctx(opened)) == reminder == due + timedelta(days=1)


def test_profile_days_in_force_today_set_the_steps(case, ctx):
    c = case(today=date(2025, 3, 20), stage="reminder", stage_since=date(2025, 3, 10))
    outcome = review(c, ctx(date(2025, 3, 20)))
    assert outcome.move is None and outcome.next_review == date(2025, 3, 25)
    assert review(c, ctx(date(2025, 3, 20), reminder_days=7)).move.rule == "final_notice_after_reminder"
