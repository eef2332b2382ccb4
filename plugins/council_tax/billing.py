"""Billing: the demand notice raises the year's charge and its instalment schedule (CT Regs Sch 1; DOMAIN §1.1).

An account's ``instalments`` column chooses the scheme: blank, the profile's
default (10); ``12``, the twelve-instalment scheme on request; ``10``, the
statutory ten; ``0``, no scheme (the sum is due in one amount and recovered by
final notice); any other number, that many by agreement, no more than the
months the year has left. The instalment day is the account's
``instalment_day``, else the profile's Direct Debit day for a Direct Debit
payer, else the profile's day (the month's last day when shorter).
"""

from __future__ import annotations

from datetime import date

from arrears import Billing, Case, Charge, statutory_schedule

"""Due dates depend only on the issue date, year, count, day and notice: annual billing shares a handful."""


def scheme_of(case: Case) -> int | None:
    """The account's ``instalments`` column as a number (None when blank)."""
    raw = case.attrs.get("instalments")
    return None if raw is None or raw == "" else int(raw)


def instalment_day(case: Case, params) -> int:
    """Day of the month the account's instalments fall due."""
    raw = case.attrs.get("instalment_day")
    if raw not in (None, ""):
        return int(raw)
    return params.direct_debit_day if case.attrs.get("direct_debit") else params.instalment_day


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def schedule_for(total_pence: int, issued: date, year: int, scheme: int | None, day: int, params) -> list[tuple[date, int]]:
    """The instalments (due date, pence) a demand for ``total_pence`` issued on ``issued`` for the year from 1 April ``year`` sets.

    Every instalment after the first is rounded to the nearest pound and the
    first takes the difference; the small-amount rules may merge instalments;
    no instalment of a multi-instalment scheme falls after the year's end.
    """
    requested = params.default_instalments if scheme is None else scheme
    return statutory_schedule(
        total_pence, issued, date(year, 4, 1), requested=None if requested == 10 else requested, day_of_month=day,
        floor_pence=params.min_instalment_pence, notice_days=params.first_instalment_notice_days,
    )


def bill(case: Case, params) -> Billing:
    """The year's charge on the demand date, and its instalments."""
    year = int(case.attrs["financial_year"])
    schedule = schedule_for(case.amount_pence, case.opened_on, year, scheme_of(case), instalment_day(case, params), params)
    charge = Charge(case.amount_pence, case.opened_on, f"Council Tax {year_label(year)}: demand notice")
    return Billing(charges=[charge], instalments=schedule, next_bill_on=None)
