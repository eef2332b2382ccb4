"""Billing: rent debited on each rent day, in advance, once per period (DOMAIN §6).

The runner bills an account again on the ``next_bill_on`` date billing gave
it, and reviews every account it billed in the same transaction. Billing
records the last day it has billed through in the case's state
(``billed_through``), which the review writes back with the day's outcome, so
a catch-up over many days, or a first billing long after the account's date,
raises each rent day exactly once. Arrears brought forward, and the part of a
period before the first rent day, are debited on the account's date. Once the
tenancy has ended, rent is debited up to its last day only, the last period
shared out by days, and billing stops.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Billing, Case, Charge, format_pence

from .periods import RentPeriods, apportion, periods_of

__all__ = ["bill", "rent_charges", "credit_after_end", "billed_through", "ended_on"]

DAY = timedelta(days=1)


def billed_through(case: Case) -> date | None:
    raw = case.state.get("billed_through")
    return date.fromisoformat(raw) if raw else None


def ended_on(case: Case) -> date | None:
    raw = case.state.get("ended_on")
    return date.fromisoformat(raw) if raw else None


def rent_charges(case: Case, periods: RentPeriods, after: date | None, through: date, end: date | None = None) -> list[Charge]:
    """Rent falling due later than ``after`` (None: nothing billed yet) and no later than ``through``, cut off at ``end``."""
    rent = case.amount_pence
    opened = case.opened_on
    last = through if end is None else min(through, end)
    out: list[Charge] = []
    if after is None:
        first_full = periods.on_or_after(opened)
        if first_full > opened and opened <= last:
            cover_to = first_full - DAY if end is None else min(first_full - DAY, end)
            whole = (periods.end_of(periods.on_or_before(opened)) - periods.on_or_before(opened)).days + 1
            days = (cover_to - opened).days + 1
            out.append(Charge(apportion(rent, days, whole), opened,
                              f"Rent {opened.isoformat()} to {cover_to.isoformat()} ({days} of {whole} days)"))
        after = opened - DAY
    for day, period_end in periods.between(after, last):
        if end is not None and end < period_end:
            whole = (period_end - day).days + 1
            days = (end - day).days + 1
            out.append(Charge(apportion(rent, days, whole), day,
                              f"Rent {day.isoformat()} to {end.isoformat()} ({days} of {whole} days, tenancy ended)"))
        else:
            out.append(Charge(rent, day, f"Rent {day.isoformat()} to {period_end.isoformat()}"))
    return out


def credit_after_end(case: Case, end: date) -> list[Charge]:
    """A credit for rent already debited for days after the tenancy's last day ``end``."""
    through = billed_through(case)
    if through is None or through < case.opened_on:
        return []
    periods = periods_of(case)
    debited = rent_charges(case, periods, None, through)
    owed = rent_charges(case, periods, None, through, end)
    credit = sum(c.amount_pence for c in debited) - sum(c.amount_pence for c in owed)
    if credit <= 0:
        return []
    return [Charge(-credit, end, f"Rent debited for after the tenancy ended on {end.isoformat()} credited "
                                 f"({format_pence(credit)})", kind="adjustment")]


def bill(case: Case) -> Billing:
    """Today's billing: rent days not yet billed up to today (and the opening debits), and the next rent day."""
    today = case.today
    st = case.state
    after = billed_through(case)
    end = ended_on(case)
    periods = periods_of(case)
    charges = []
    if after is None:
        brought = case.attrs.get("arrears_brought_forward")
        if brought:
            charges.append(Charge(int(brought), case.opened_on, "Arrears brought forward"))
    if end is None or after is None or after < end:
        charges.extend(rent_charges(case, periods, after, today, end))
        st["billed_through"] = today.isoformat()
    if end is not None:
        return Billing(charges=charges, next_bill_on=None)
    return Billing(charges=charges, next_bill_on=periods.after(today))
