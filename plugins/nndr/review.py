"""The nightly review of business rates cases: record the day's facts, evaluate the ladder, explain each move.

What must be known on a given day is written to the case's state that day:
the reminder's verdict on its window's last day (:func:`arrears.judge_reminder`),
the date the whole balance is payable, the summons's service and hearing
dates, and the charges before any enforcement agent fee. The review returns a
next review no later than the day the next such fact must be taken.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import (
    Case, LadderReview, balance_payable_from, first_unpaid_due, hearing_dates, judge_reminder, overdue, period_end,
    reminder_pay_by, review_by_window_end, state_day, summons_dates,
)

from .fees import CHARGED_BEFORE_EA
from .ladder import LADDER
from .rules import GUARDS

__all__ = ["review", "progress"]

REMINDERS = ("reminder", "second_reminder")
AFTER_ORDER = frozenset({"liability_order", "enforcement_agent", "ea_enforcement", "ea_sale", "committal",
                         "bankruptcy", "winding_up"})
RESET_ON_AMENDED_DEMAND = ("reminders", "missed_on", "payable_from", "judged_reminder_on", "reminder_complied",
                           "unpaid_at_pay_by_pence", "judged_late")


def _record_summons(case: Case, context, st: dict, issued: date) -> tuple[date, date]:
    p = context.params
    served, hearing = hearing_dates(issued, context.calendar, min_days=p.hearing_min_days,
                                    service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)
    st.update(summons_on=issued.isoformat(), served_on=served.isoformat(), hearing_on=hearing.isoformat())
    return served, hearing


def observe(case: Case, context, st: dict) -> bool:
    """Take the facts that must be recorded today; True when the state changed."""
    stage, since = case.stage, case.stage_since.isoformat()
    if not st:
        st.update(demand_since=since)
        observe(case, context, st)
        return True
    if stage in REMINDERS:
        return judge_reminder(case, st, case.stage_since, context.params.reminder_days)
    if stage == "demand" and st.get("demand_since", since) != since:
        # Back at ``demand`` by an officer's action (hardship relief): the amended demand restarts recovery.
        for key in RESET_ON_AMENDED_DEMAND:
            st.pop(key, None)
        st.update(demand_since=since, amended_on=since)
        return True
    if stage == "summons" and st.get("summons_on") != since:
        _record_summons(case, context, st, case.stage_since)  # a fresh summons an officer issued
        return True
    if stage in AFTER_ORDER and CHARGED_BEFORE_EA not in st:
        fee = context.params.enforcement.compliance_pence if stage == "enforcement_agent" else 0
        st[CHARGED_BEFORE_EA] = case.charged_pence - fee
        return True
    return False


def on_move(case: Case, context, rule: str, st: dict) -> dict:
    """Update the state for the move ``rule`` made today; return the facts its reason names."""
    p, today = context.params, case.today
    facts: dict = {}
    if rule in ("reminder", "second_reminder", "later_default"):
        missed = first_unpaid_due(case, today)
        facts.update(missed_on=missed.isoformat() if missed else None, arrears_pence=overdue(case, today))
        st["missed_on"] = facts["missed_on"]
        for key in ("judged_reminder_on", "reminder_complied", "unpaid_at_pay_by_pence", "judged_late"):
            st.pop(key, None)
    if rule in ("reminder", "second_reminder"):
        st["reminders"] = 1 if rule == "reminder" else 2
        facts["pay_by"] = reminder_pay_by(today, p.reminder_days).isoformat()
    elif rule == "later_default":
        payable = (state_day(st["missed_on"]) or today) + timedelta(days=p.later_default_offset_days)
        st["payable_from"] = facts["payable_from"] = max(payable, today).isoformat()
    elif rule.endswith("_complied"):  # both reminders, complied with or not
        pay_by = reminder_pay_by(case.stage_since, p.reminder_days)
        facts["pay_by"] = pay_by.isoformat()
        if rule.endswith("_not_complied"):
            facts["unpaid_at_pay_by_pence"] = st.get("unpaid_at_pay_by_pence", overdue(case, pay_by))
            payable = balance_payable_from(case.stage_since, p.loss_of_instalments_offset_days)
            st["payable_from"] = facts["payable_from"] = payable.isoformat()
        else:
            st["demand_since"] = today.isoformat()
    elif rule == "final_notice":
        facts["payable_from"] = st.get("payable_from") or case.stage_since.isoformat()
        facts["pay_by"] = period_end(today, p.final_notice_days).isoformat()
    elif rule == "summons":
        facts["final_notice_on"] = case.stage_since.isoformat()
        served, hearing = _record_summons(case, context, st, today)
        facts.update(served_on=served.isoformat(), hearing_on=hearing.isoformat())
    elif rule in ("summons_withdrawn", "liability_order_granted"):
        served, hearing = summons_dates(case, context)
        facts.update(served_on=served.isoformat(), hearing_on=hearing.isoformat())
        if rule == "liability_order_granted":
            st[CHARGED_BEFORE_EA] = case.charged_pence + p.liability_order_costs_pence
            st["lo_on"] = today.isoformat()
    return facts


REVIEW = LadderReview(LADDER, GUARDS, on_move=on_move, observe=observe, adjust=review_by_window_end(REMINDERS))
"""The nightly review: today's facts recorded, the first due rule fired, a reminder's last day always looked at."""

review = REVIEW.review
progress = REVIEW.progress
