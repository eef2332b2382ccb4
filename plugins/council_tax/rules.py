"""Stage progression: the guards of the council tax ladder and the nightly review (CT Regs regs 23, 33-35).

Each guard answers from which date its transition may fire. What must be
known on a particular day is written to the case's state on that day:
whether a reminder was complied with (judged on its window's last day), the
date the whole balance becomes payable, the summons's service and hearing
dates, and the liability order's sum and costs. The review always returns a
next review no later than the day the next such fact must be taken.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import (
    Case, LadderReview, balance_unpaid_when_due, cleared, default_guard, hearing_held, overdue, paid_before_hearing,
    reminder_complied, reminder_not_complied, review_by_window_end, summons_from, summons_time_barred,
)

from .ladder import LADDER
from .records import REMINDERS, no_scheme, observe, on_move
from .routes import policy_route

DAY = timedelta(days=1)


# --- guards -----------------------------------------------------------------------------------------------


_memo: list = [None, None, None]
"""The last answer of :func:`next_default` (case, key, answer): the ladder asks it once per default rule."""


def next_default(case: Case, context) -> tuple[date, str] | None:
    """When the next instalment default takes effect (today if one already has) and which rule it brings.

    A default is an instalment unpaid at the end of its due date, acted on the
    next day. Without an instalment scheme, or when no instalment is left to
    fall due, it brings a final notice; otherwise the first and second bring
    reminders and the third loses the instalments. A default still to come is
    only a forecast for the next review (rule ``any``).
    """
    reminders = case.state.get("reminders", 0)
    key = (case.today, case.balance_pence, case.charged_pence, reminders)
    if _memo[0] is case and _memo[1] == key:
        return _memo[2]
    answer = None
    if case.balance_pence > 0:
        today = case.today
        due = 0
        upcoming = after = None
        for d, pence in case.schedule:
            if d < today:
                due += pence
            elif upcoming is None:
                upcoming = d
            else:
                after = d
                break
        if min(case.balance_pence, due - (case.charged_pence - case.balance_pence)) > 0:
            answer = (today, upcoming is not None)
        elif upcoming is not None:
            answer = (upcoming + DAY, after is not None)
        if answer is not None and answer[0] > today:
            answer = (answer[0], "any")  # only a forecast for the next review: any default rule may fire then
        elif answer is not None:
            kind = "final_notice" if no_scheme(case) or not answer[1] else ("first", "second", "third")[min(reminders, 2)]
            answer = (answer[0], kind)
    _memo[0], _memo[1], _memo[2] = case, key, answer
    return answer


def final_notice_unpaid(case: Case, context) -> date | None:
    if overdue(case, case.today) <= 0:
        return None
    return summons_from(case.stage_since, context.params.final_notice_days)


def _policy_guard(route: str):
    def guard(case: Case, context) -> date | None:
        p = context.params
        st = case.state
        if not p.route_policy or st.get("policy_route") or st.get("lo_on") != case.stage_since.isoformat():
            return None
        chosen = policy_route(case, p)
        if chosen is None or chosen[0] != route:
            return None
        return case.stage_since + timedelta(days=p.route_after_days)

    guard.__name__ = f"policy_{route}"
    return guard


GUARDS = {
    "cleared": cleared,
    "first_default": default_guard("first", next_default),
    "second_default": default_guard("second", next_default),
    "third_default": default_guard("third", next_default),
    "unpaid_outside_instalments": default_guard("final_notice", next_default),
    "reminder_complied": reminder_complied,
    "reminder_not_complied": reminder_not_complied,
    "balance_unpaid_when_due": balance_unpaid_when_due,
    "final_notice_unpaid": final_notice_unpaid,
    "summons_time_barred": summons_time_barred,
    "paid_before_hearing": paid_before_hearing,
    "hearing_held": hearing_held,
    **{f"policy_{r}": _policy_guard(r) for r in ("attachment_of_earnings", "benefit_deductions", "enforcement_agent")},
}


# --- the review -------------------------------------------------------------------------------------------


REVIEW = LadderReview(LADDER, GUARDS, on_move=on_move, observe=observe, adjust=review_by_window_end(REMINDERS))
"""The nightly review: the first due rule fires after today's facts are recorded; a reminder's last day is always looked at."""


review = REVIEW.review
progress = REVIEW.progress
