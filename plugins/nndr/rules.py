"""The guards of the business rates ladder: from which date each automatic move may fire (NNDR Regs reg 8, regs 11-12).

The same machinery as Council Tax, through the shared helpers of
:mod:`arrears` (``overdue``, ``reminder_verdict``, ``hearing_dates`` ...), with
the business-rates differences: one statutory reminder (a second only when the
profile says), then any later default loses the instalments; a final notice
before the summons. Facts that must be taken on a given day are read from the
case's state, where :mod:`arrears_nndr.review` records them.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import (
    Case, balance_unpaid_when_due, cleared, default_guard, hearing_held, overdue, paid_before_hearing,
    reminder_complied, reminder_not_complied, summons_from, summons_time_barred,
)

__all__ = ["GUARDS", "next_default"]

DAY = timedelta(days=1)


# --- guards -----------------------------------------------------------------------------------------------


def next_default(case: Case, context) -> tuple[date, str] | None:
    """When the next instalment default takes effect (today if one has) and which rule it brings.

    A default is an instalment unpaid at the end of its due date, acted on the
    next day: the first brings the reminder; the second a second reminder when
    the profile turns it on; any other loses the instalments. A future date is
    a forecast for the next review (kind ``any``).
    """
    if case.balance_pence <= 0:
        return None
    today = case.today
    if overdue(case, today - DAY) > 0:
        reminders = case.state.get("reminders", 0)
        if reminders == 0:
            return today, "first"
        if reminders == 1 and context.params.second_reminder:
            return today, "second"
        return today, "later"
    upcoming = next((d for d, _ in case.schedule if d >= today), None)
    return None if upcoming is None else (upcoming + DAY, "any")


def final_notice_unpaid(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return summons_from(case.stage_since, context.params.final_notice_days)


GUARDS = {
    "cleared": cleared,
    "first_default": default_guard("first", next_default),
    "second_default": default_guard("second", next_default),
    "later_default": default_guard("later", next_default),
    "reminder_complied": reminder_complied,
    "reminder_not_complied": reminder_not_complied,
    "balance_unpaid_when_due": balance_unpaid_when_due,
    "final_notice_unpaid": final_notice_unpaid,
    "summons_time_barred": summons_time_barred,
    "paid_before_hearing": paid_before_hearing,
    "hearing_held": hearing_held,
}
