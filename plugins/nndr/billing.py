"""The business rates demand: the year's charge and its instalments (NNDR Regs 1989 Sch 1; DOMAIN §2.1).

A demand issued by 30 April gives 10 monthly instalments (12 on request);
from 1 May to 31 December one fewer than the whole months left in the year;
from 1 January a single instalment. An instalment under the floor (£50, Sch 1
para 3) reduces their number. Every instalment after the first is the total
÷ n to the nearest pound and the first takes the rest (the core's
:func:`arrears.split_total`).
"""

from __future__ import annotations

from datetime import date

from arrears import Billing, Case, Charge, format_pence, statutory_schedule

__all__ = ["bill", "schedule_for", "instalments_requested", "instalment_day"]

TWELVE = 12


def _number(value) -> int | None:
    """An import column's number (the choice columns store their text; older rows may hold a number)."""
    return None if value in (None, "") else int(value)


def instalments_requested(case: Case) -> int | None:
    """The account's ``instalments`` column (1-12): None for the statutory scheme."""
    return _number(case.attrs.get("instalments"))


def instalment_day(case: Case, params) -> int:
    """The account's ``instalment_day`` column (1-31), else the profile's."""
    day = _number(case.attrs.get("instalment_day"))
    return params.instalment_day if day is None else day


def year_start(case: Case) -> date:
    """1 April of the account's ``financial_year`` (the demand's own year when the column is absent)."""
    year = case.attrs.get("financial_year")
    if isinstance(year, int) and 1990 <= year <= 2100:
        return date(year, 4, 1)
    issued = case.opened_on
    return date(issued.year if issued.month >= 4 else issued.year - 1, 4, 1)


def schedule_for(case: Case, params) -> list[tuple[date, int]]:
    """The instalments a demand for ``case.amount_pence`` issued on ``case.opened_on`` allows.

    ``instalments`` 12 is a request for twelve (SI 2014/479): twelve when issued
    by 15 April, else the whole months left [L]. Any other number is the
    ratepayer's choice of fewer instalments, never more than the statutory count.
    The last instalment falls within the financial year when the demand is issued in it.
    """
    return statutory_schedule(
        case.amount_pence, case.opened_on, year_start(case), requested=instalments_requested(case),
        day_of_month=instalment_day(case, params), floor_pence=params.instalment_floor_pence,
        notice_days=params.first_instalment_notice_days,
    )


def bill(case: Case, params) -> Billing:
    """The demand: one charge for the year's rates on the issue day, and its instalment schedule."""
    schedule = schedule_for(case, params) if case.amount_pence > 0 else []
    start = year_start(case)
    label = f"Business rates {start.year}/{str(start.year + 1)[-2:]}"
    if schedule:
        label += f": {len(schedule)} instalment{'s' if len(schedule) > 1 else ''} from {schedule[0][0].isoformat()}"
        label += f" ({format_pence(schedule[0][1])} first)"
    return Billing(charges=[Charge(case.amount_pence, case.opened_on, label)], instalments=schedule)
