"""Arrears measured in pounds and in weeks of rent, and how long they have been owed.

The arrears are the account's balance: rent is payable in advance, so rent
debited today and not yet paid is owed. Payments clear the oldest rent first,
so the rent owed longest is the one ``ceil(balance / rent)`` periods back from
the latest rent day (never before the account's date).
"""

from __future__ import annotations

from datetime import date

from arrears import Case, format_pence

from .periods import RentPeriods, at_least_weeks, weeks_of_rent

__all__ = ["arrears_facts", "unpaid_since", "at_least"]


def unpaid_since(case: Case, periods: RentPeriods) -> date | None:
    """The rent day of the oldest rent still owed (the account's date for older debts); None when nothing is owed."""
    owed = case.balance_pence
    if owed <= 0:
        return None
    opened = case.opened_on
    latest = periods.on_or_before(case.today)
    if latest < opened:
        return opened
    rent = case.amount_pence
    back = -(-owed // rent) - 1
    return max(opened, periods.shift(latest, -back))


def at_least(case: Case, weeks) -> bool:
    """Whether the arrears are at least ``weeks`` weeks of rent."""
    return at_least_weeks(case.balance_pence, weeks, case.amount_pence, case.attrs["rent_period"])


def arrears_facts(case: Case) -> dict:
    """The arrears as a move records them: rent arrears in pounds (pence) and in weeks of rent, court costs apart.

    Payments clear rent before court costs, so the costs recorded in the
    case's state stay owed while the balance covers them. ``owed`` is the text
    a reason shows: ``£300.00 (3.0 weeks of rent) plus £404.00 court costs``.
    """
    kind = case.attrs["rent_period"]
    balance = max(0, case.balance_pence)
    costs = min(balance, case.state.get("costs_pence", 0))
    arrears = balance - costs
    weeks = weeks_of_rent(arrears, case.amount_pence, kind)
    owed = f"{format_pence(arrears)} ({weeks} weeks of rent)" + (f" plus {format_pence(costs)} court costs" if costs else "")
    return {
        "arrears_pence": arrears, "costs_pence": costs, "arrears_weeks": str(weeks),
        "rent_pence": case.amount_pence, "rent_period": kind, "owed": owed,
    }
