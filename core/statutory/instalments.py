"""Statutory instalment schemes for Council Tax and business rates (CT Regs 1992 Sch 1; NNDR Regs 1989 Sch 1).

The arithmetic both schemes share: how many instalments a demand allows, how a
total is split (every instalment after the first rounded to the nearest pound,
the first taking the difference), the small-amount rules, and the due dates.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from dateutil.relativedelta import relativedelta

__all__ = ["financial_year_start", "instalment_count", "split_total", "due_dates", "statutory_schedule"]


def financial_year_start(day: date) -> date:
    """1 April of the financial year ``day`` falls in."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def _whole_months_left(issued: date, year_end: date) -> int:
    """Whole calendar months after the month of issue, up to the end of the financial year."""
    return (year_end.year - issued.year) * 12 + (year_end.month - issued.month)


@lru_cache(maxsize=4096)
def instalment_count(issued: date, year_start: date, *, twelve: bool = False) -> int:
    """How many monthly instalments a demand issued on ``issued`` for the year from ``year_start`` allows.

    Ten if issued before the year or by 30 April (twelve on request if by 15 April);
    from 1 May to 31 December one fewer than the whole months left in the year
    (on a twelve-instalment request, the whole months left: an assumption, the
    regulations' formula for late requests was not confirmed); from 1 January a
    single instalment.
    """
    year_end = date(year_start.year + 1, 3, 31)
    if issued < year_start:
        return 12 if twelve else 10
    if twelve and issued <= date(year_start.year, 4, 15):
        return 12
    if not twelve and issued <= date(year_start.year, 4, 30):
        return 10
    if issued <= date(year_start.year, 12, 31):
        left = _whole_months_left(issued, year_end)
        return max(1, left if twelve else left - 1)
    return 1


def split_total(total_pence: int, count: int, *, floor_pence: int) -> list[int]:
    """Split a total into ``count`` instalments by the statutory rounding rule, applying the small-amount rules.

    If an instalment would be under ``floor_pence`` (£5 Council Tax, £50 business
    rates) the count falls to the largest n with n × floor ≤ total; a total under
    twice the floor is a single instalment. When the total divides into whole
    pounds all instalments are equal; otherwise every instalment after the first
    is the total ÷ n rounded to the nearest pound, and the first is the rest.
    """
    if total_pence <= 0 or count <= 1:
        return [total_pence]
    if total_pence < 2 * floor_pence:
        return [total_pence]
    if total_pence < count * floor_pence:
        count = max(1, total_pence // floor_pence)
        if count == 1:
            return [total_pence]
    if total_pence % (100 * count) == 0:
        return [total_pence // count] * count
    pounds = (Decimal(total_pence) / Decimal(100 * count)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    later = int(pounds) * 100
    first = total_pence - (count - 1) * later
    return [first] + [later] * (count - 1)


def due_dates(issued: date, year_start: date, count: int, day_of_month: int, *, notice_days: int = 14) -> list[date]:
    """Consecutive monthly due dates on ``day_of_month`` (the month's last day when shorter).

    The first falls on the first such day at least ``notice_days`` after issue,
    not before the year starts and, for a demand issued during the year, in a
    later month than the demand. (Annual billing gives most accounts the same
    arguments, so the answer is remembered.)
    """
    return list(_due_dates(issued, year_start, count, day_of_month, notice_days))


@lru_cache(maxsize=4096)
def _due_dates(issued: date, year_start: date, count: int, day_of_month: int, notice_days: int) -> tuple[date, ...]:
    earliest = max(issued + timedelta(days=notice_days), year_start)
    if issued >= year_start:
        earliest = max(earliest, issued.replace(day=1) + relativedelta(months=1))
    first = earliest + relativedelta(day=day_of_month)
    if first < earliest:
        first = earliest + relativedelta(months=1, day=day_of_month)
    month_start = first.replace(day=1)
    return tuple(month_start + relativedelta(months=i, day=day_of_month) for i in range(count))


def statutory_schedule(
    total_pence: int, issued: date, year_start: date, *, requested: int | None, day_of_month: int,
    floor_pence: int, notice_days: int = 14,
) -> list[tuple[date, int]]:
    """The (due date, pence) instalments a demand sets, by the rules above.

    ``requested``: None for the standard scheme, 12 for a twelve-instalment
    request, 0 for no scheme (a single sum), any other number for the
    taxpayer's choice of fewer instalments (never more than the scheme allows).
    No instalment of a multi-instalment scheme falls after the year's end: when
    the first due date comes late in the year, the count shrinks to fit.
    """
    year_end = date(year_start.year + 1, 3, 31)
    if requested == 0:
        count = 1
    else:
        count = instalment_count(issued, year_start, twelve=requested == 12)
        if requested not in (None, 10, 12):
            count = min(count, requested)
    amounts = split_total(total_pence, count, floor_pence=floor_pence)
    dates = due_dates(issued, year_start, len(amounts), day_of_month, notice_days=notice_days)
    if len(dates) > 1 and dates[-1] > year_end:
        fitting = max(1, sum(1 for d in dates if d <= year_end))
        amounts = split_total(total_pence, fitting, floor_pence=floor_pence)
        dates = due_dates(issued, year_start, len(amounts), day_of_month, notice_days=notice_days)
    return list(zip(dates, amounts))
