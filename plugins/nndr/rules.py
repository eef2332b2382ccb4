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
    Case, balance_unpaid_when_due, cleared, default_guard, hearing_dates, overdue, reminder_complied,
    reminder_not_complied, summons_from,
)

__all__ = ["GUARDS", "next_default", "summons_dates"]

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


def summons_dates(case: Case, context) -> tuple[date, date]:
    """(deemed service, hearing) of the summons: as recorded when it was issued, else worked out from the stage's first day."""
    st = case.state
    if "hearing_on" in st and (case.stage != "summons" or st.get("summons_on") == case.stage_since.isoformat()):
        return date.fromisoformat(st["served_on"]), date.fromisoformat(st["hearing_on"])
    p = context.params
    return hearing_dates(case.stage_since, context.calendar, min_days=p.hearing_min_days,
                         service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)


def paid_before_hearing(case: Case, context) -> date | None:
    """Sum and costs paid on or before the hearing day (any time while the hearing stands adjourned)."""
    if case.balance_pence > 0 or case.charged_pence <= 0:
        return None
    if case.stage == "summons" and case.today > summons_dates(case, context)[1]:
        return None
    return case.today


def hearing_held(case: Case, context) -> date | None:
    """On the hearing day, with the sum and costs unpaid, the court makes the liability order."""
    if case.balance_pence <= 0:
        return None
    return summons_dates(case, context)[1]


GUARDS = {
    "cleared": cleared,
    "first_default": default_guard("first", next_default),
    "second_default": default_guard("second", next_default),
    "later_default": default_guard("later", next_default),
    "reminder_complied": reminder_complied,
    "reminder_not_complied": reminder_not_complied,
    "balance_unpaid_when_due": balance_unpaid_when_due,
    "final_notice_unpaid": final_notice_unpaid,
    "paid_before_hearing": paid_before_hearing,
    "hearing_held": hearing_held,
}
