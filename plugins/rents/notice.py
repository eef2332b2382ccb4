"""Dates of a Notice of Seeking Possession and of the limitation period (DOMAIN §6.2 stages 3 and 8, §13).

An NSP handed over (or left at the dwelling) is served that day; one sent by
first-class post is deemed served on the ``nsp_postal_service_working_days``-th
working day after posting. Its proceedings date may be no earlier than a notice
to quit served the same day could end the tenancy: at least ``nsp_min_days``
after service and the last day of a rent period (HA 1985 s83(5); PEA 1977 s5).
Proceedings are begun after that date, and the notice lapses ``nsp_lapse_months``
after it (s83(4)(b)). Former-tenant arrears cannot be claimed more than
``limitation_years`` after they accrued: the day after the tenancy's last day,
or the last payment if later (Limitation Act 1980 ss19, 29(5); WE-41 convention).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .periods import RentPeriods

__all__ = ["SERVICE", "deemed_served", "earliest_proceedings_date", "lapses_on", "limitation"]

SERVICE = ("hand", "letterbox", "post")
DAY = timedelta(days=1)


def deemed_served(given_on: date, served_by: str, calendar, params) -> date:
    if served_by == "post":
        return calendar.deemed_served(given_on, params.nsp_postal_service_working_days)
    return given_on


def earliest_proceedings_date(served_on: date, periods: RentPeriods, params) -> date:
    """The first lawful proceedings date: the end of the rent period that contains the day ``nsp_min_days`` after service."""
    return periods.period_end(served_on + timedelta(days=params.nsp_min_days))


def lapses_on(proceedings_date: date, params) -> date:
    """The day the notice ceases to be in force."""
    return proceedings_date + relativedelta(months=params.nsp_lapse_months)


def limitation(ended: date, last_payment: date | None, params) -> tuple[date, str, date]:
    """(accrued on, why, last day a claim may be issued) for former-tenant arrears."""
    accrued, why = ended + DAY, f"the day after the tenancy ended on {ended.isoformat()}"
    if last_payment is not None and last_payment > ended:
        accrued, why = last_payment, "the last payment"
    return accrued, why, accrued + relativedelta(years=params.limitation_years)
