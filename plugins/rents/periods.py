"""Rent periods: when rent falls due, where each period ends, and rent shared out by days.

Rent is payable in advance on each rent day. A weekly tenancy's period runs
from its rent day to the day before the next (Monday to Sunday for a Monday
rent day, Sunday to Saturday for a Sunday one); fortnightly and four-weekly
periods follow the cycle of the tenancy's first rent day; a monthly period
runs from the rent day (1-28) to the day before it in the next month. Rent for
part of a period is shared out by days, rounded half up to the penny.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from arrears import Case

__all__ = ["PERIODS", "WEEKS", "RentPeriods", "periods_of", "apportion", "weekly_rent", "weeks_of_rent"]

PERIODS = ("weekly", "fortnightly", "four_weekly", "monthly")
WEEKS = {"weekly": 1, "fortnightly": 2, "four_weekly": 4}
"""Weeks in each week-based rent period."""
PER_WEEK = {"weekly": Fraction(1), "fortnightly": Fraction(1, 2), "four_weekly": Fraction(1, 4), "monthly": Fraction(12, 52)}
"""A period's rent times this is the rent for a week (a monthly rent times 12, divided by 52)."""
DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class RentPeriods:
    """The rent days of one tenancy: ``kind`` (weekly ... monthly), ``day`` (weekday 1-7 from Monday, or day of month
    1-28), ``anchor`` (a rent day of a week-based tenancy; the tenancy's start for a monthly one)."""

    kind: str
    day: int
    anchor: date

    def on_or_before(self, d: date) -> date:
        """The latest rent day on or before ``d``."""
        if self.kind == "monthly":
            if d.day >= self.day:
                return date(d.year, d.month, self.day)
            return self.shift(date(d.year, d.month, self.day), -1)
        step, a = 7 * WEEKS[self.kind], self.anchor.toordinal()
        return date.fromordinal(a + (d.toordinal() - a) // step * step)

    def shift(self, rent_day: date, n: int) -> date:
        """The rent day ``n`` periods after ``rent_day`` (before it when ``n`` is negative)."""
        if self.kind == "monthly":
            months = rent_day.month - 1 + n
            return date(rent_day.year + months // 12, months % 12 + 1, self.day)
        return date.fromordinal(rent_day.toordinal() + 7 * WEEKS[self.kind] * n)

    def after(self, d: date) -> date:
        """The first rent day after ``d``."""
        return self.shift(self.on_or_before(d), 1)

    def on_or_after(self, d: date) -> date:
        """The first rent day on or after ``d``."""
        return self.after(d - DAY)

    def end_of(self, rent_day: date) -> date:
        """The last day of the period beginning on ``rent_day``."""
        return self.shift(rent_day, 1) - DAY

    def period_end(self, d: date) -> date:
        """The last day of the rent period that contains ``d``."""
        return self.end_of(self.on_or_before(d))

    def is_period_end(self, d: date) -> bool:
        return self.after(d) == d + DAY

    def between(self, after: date, through: date) -> list[tuple[date, date]]:
        """(rent day, last day of its period) for each rent day later than ``after`` and no later than ``through``."""
        out = []
        day = self.after(after)
        while day <= through:
            nxt = self.shift(day, 1)
            out.append((day, nxt - DAY))
            day = nxt
        return out

    def describe(self) -> str:
        """For reasons: ``weekly, from Monday`` or ``monthly, on day 1``."""
        if self.kind == "monthly":
            return f"monthly, on day {self.day}"
        return f"{self.kind.replace('_', '-')}, from {WEEKDAY_NAMES[self.day - 1]}"


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=4096)
def _periods(kind: str, day: int, start_ordinal: int) -> RentPeriods:
    start = date.fromordinal(start_ordinal)
    if kind == "monthly":
        return RentPeriods(kind, day, start)
    first = start + timedelta(days=(day - 1 - start.weekday()) % 7)
    return RentPeriods(kind, day, first)


def default_day(kind: str, start: date) -> int:
    """The rent day when the account gives none: the weekday, or the day of the month, the tenancy (or account) starts."""
    return start.day if kind == "monthly" else start.weekday() + 1


def tenancy_start(case: Case) -> date:
    raw = case.attrs.get("tenancy_start")
    return date.fromisoformat(raw) if raw else case.opened_on


def periods_of(case: Case) -> RentPeriods:
    """The case's rent days, from its ``rent_period``, ``rent_day`` and ``tenancy_start`` columns."""
    attrs = case.attrs
    kind = attrs["rent_period"]
    start = tenancy_start(case)
    day = attrs.get("rent_day") or default_day(kind, start)
    return _periods(kind, int(day), start.toordinal())


def apportion(rent_pence: int, days: int, period_days: int) -> int:
    """Rent for ``days`` of a period of ``period_days``, rounded half up to the penny."""
    if days >= period_days:
        return rent_pence
    share = Decimal(rent_pence) * days / period_days
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def weekly_rent(rent_pence: int, kind: str) -> Fraction:
    """The rent for a week, in pence (exact)."""
    return rent_pence * PER_WEEK[kind]


def _tenths_of_weeks(pence: int, rent_pence: int, kind: str) -> int:
    """``pence`` as tenths of a week of rent, rounded half up (integer arithmetic: this runs for every move)."""
    per = PER_WEEK[kind]
    num, den = pence * per.denominator * 10, rent_pence * per.numerator
    return (2 * num + den) // (2 * den)


def weeks_of_rent(pence: int, rent_pence: int, kind: str) -> Decimal:
    """``pence`` as weeks of rent, to one decimal place (half up)."""
    if rent_pence <= 0:
        return Decimal(0)
    return Decimal(_tenths_of_weeks(pence, rent_pence, kind)).scaleb(-1)


@lru_cache(maxsize=64)
def _as_fraction(weeks: Decimal) -> Fraction:
    return Fraction(weeks)


def at_least_weeks(pence: int, weeks: Decimal, rent_pence: int, kind: str) -> bool:
    """Whether ``pence`` is at least ``weeks`` weeks of rent (exact, in integers)."""
    threshold = _as_fraction(weeks)
    per = PER_WEEK[kind]
    return pence * threshold.denominator * per.denominator >= threshold.numerator * rent_pence * per.numerator
