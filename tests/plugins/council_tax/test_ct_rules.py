"""The review of one case, built by hand: what is recorded in state, and when the case is looked at next."""

from __future__ import annotations

from datetime import date

from arrears_council_tax.ladder import LADDER
from arrears_council_tax.rules import GUARDS, next_default, progress, review

TEN = [(date(2025, 4 + i, 1) if i < 9 else date(2026, 1, 1), 12000) for i in range(10)]


def test_every_guard_the_ladder_names_is_provided():
    LADDER.validate(GUARDS, owner="council_tax")
    assert {t.guard for t in LADDER.transitions if t.guard} == set(GUARDS)


def test_a_case_up_to_date_is_next_looked_at_the_day_after_the_next_instalment_and_nothing_is_written(case, ctx):
    c = case(today=date(2025, 4, 2), paid=12000, schedule=TEN)
    out = review(c, ctx(c.today))
    assert (out.move, out.next_review, out.state) == (None, date(2025, 5, 2), None)


def test_instalment_day_31_missed_in_april_brings_the_reminder_on_1_may(case, ctx):
    sched = [(date(2025, 4, 30), 12000), (date(2025, 5, 31), 12000), (date(2025, 6, 30), 12000)]
    before = review(case(today=date(2025, 4, 30), amount=36000, schedule=sched), ctx(date(2025, 4, 30)))
    assert before.move is None and before.next_review == date(2025, 5, 1)
    out = review(case(today=date(2025, 5, 1), amount=36000, schedule=sched), ctx(date(2025, 5, 1)))
    assert out.move.rule == "first_reminder" and out.move.facts["pay_by"] == "2025-05-07"
    assert out.next_review == date(2025, 5, 7)


def test_reminder_window_judged_on_its_last_day_and_acted_on_the_next(case, ctx):
    state = {"reminders": 1}
    last_day = case(today=date(2025, 4, 8), stage="reminder_1", stage_since=date(2025, 4, 2), state=state, schedule=TEN)
    out = review(last_day, ctx(last_day.today))
    assert out.move is None and out.next_review == date(2025, 4, 9)
    assert out.state["reminder_complied"] is False and out.state["judged_reminder_on"] == "2025-04-02"
    # The next day a payment of the arrears has arrived: too late, the verdict stands.
    next_day = case(today=date(2025, 4, 9), stage="reminder_1", stage_since=date(2025, 4, 2), paid=12000,
                    last_payment_on=date(2025, 4, 9), state=dict(out.state), schedule=TEN)
    moved = review(next_day, ctx(next_day.today))
    assert moved.move.rule == "reminder_1_not_complied"
    assert moved.move.facts["payable_from"] == "2025-04-16" and moved.move.facts["unpaid_at_pay_by_pence"] == 12000
    assert moved.state["payable_from"] == "2025-04-16" and moved.next_review == date(2025, 4, 16)


def test_a_reminder_is_reviewed_on_its_last_day_whatever_else_is_forecast(case, ctx):
    c = case(today=date(2025, 4, 3), stage="reminder_1", stage_since=date(2025, 4, 2), state={"reminders": 1}, schedule=TEN)
    assert review(c, ctx(c.today)).next_review == date(2025, 4, 8)
    longer = review(c, ctx(c.today, reminder_days=10))
    assert longer.next_review == date(2025, 4, 11)


def test_an_instalment_falling_due_in_the_window_must_be_paid_to_comply(case, ctx):
    sched = [(date(2025, 4, 1), 12000), (date(2025, 4, 5), 12000), (date(2025, 5, 5), 12000)]
    c = case(today=date(2025, 4, 8), amount=36000, stage="reminder_1", stage_since=date(2025, 4, 2), paid=12000,
             state={"reminders": 1}, schedule=sched)
    out = review(c, ctx(c.today))
    assert out.state["reminder_complied"] is False and out.state["unpaid_at_pay_by_pence"] == 12000


def test_which_default_rule_applies(case, ctx):
    today = date(2025, 6, 2)
    c = lambda **kw: case(today=today, paid=24000, schedule=TEN, **kw)  # noqa: E731
    assert next_default(c(), ctx(today)) == (today, "first")
    assert next_default(c(state={"reminders": 1}), ctx(today)) == (today, "second")
    assert next_default(c(state={"reminders": 2}), ctx(today)) == (today, "third")
    assert next_default(c(attrs={"financial_year": 2025, "instalments": "0"}), ctx(today)) == (today, "final_notice")
    last = case(today=date(2026, 1, 2), paid=108000, schedule=TEN, state={"reminders": 2})
    assert next_default(last, ctx(last.today)) == (date(2026, 1, 2), "final_notice")
    ahead = case(today=date(2025, 5, 20), paid=24000, schedule=TEN)
    assert next_default(ahead, ctx(ahead.today)) == (date(2025, 6, 2), "any")  # only a forecast


def test_an_order_recorded_by_an_officer_is_remembered_for_the_agent_fees(case, ctx):
    c = case(today=date(2025, 7, 22), stage="liability_order", stage_since=date(2025, 7, 21), amount=60000, paid=0,
             state={"summons_on": "2025-06-16"})
    out = review(c, ctx(c.today))
    assert out.state["lo_on"] == "2025-07-21" and out.state["lo_debt_pence"] == 60000


def test_a_fresh_summons_gets_its_own_hearing(case, ctx):
    c = case(today=date(2025, 7, 14), stage="summons", stage_since=date(2025, 7, 14), amount=60000,
             state={"summons_on": "2025-06-16", "served_on": "2025-06-18", "hearing_on": "2025-07-03"})
    out = review(c, ctx(c.today))
    assert out.state["hearing_on"] == "2025-07-31" and out.next_review == date(2025, 7, 31)


def test_progress_answers_every_case_in_order(case, ctx):
    today = date(2025, 4, 2)
    cases = [case(today=today, paid=p, schedule=TEN) for p in (0, 12000, 0)]
    assert [o.move and o.move.to_stage for o in progress(ctx(today), cases)] == ["reminder_1", None, "reminder_1"]
