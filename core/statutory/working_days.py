"""Working days in England: Monday to Friday, less bank holidays.

Bank holidays come from the ``holidays`` package (England), and a council's
profile may add days (a proclaimed holiday) or remove them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

__all__ = ["WorkingCalendar"]


@lru_cache(maxsize=64)
def _england(year: int) -> frozenset[date]:
    """England's bank holidays; a holiday falling at a weekend is replaced by its substitute weekday."""
    days = holidays.country_holidays("GB", subdiv="ENG", years=[year]).keys()
    return frozenset(d for d in days if d.weekday() < 5)


class WorkingCalendar:
    """England's working-day calendar, with a profile's additions and removals."""

    def __init__(self, extra: Iterable[date] = (), removed: Iterable[date] = ()) -> None:
        self.extra = frozenset(extra)
        self.removed = frozenset(removed)

    def is_bank_holiday(self, day: date) -> bool:
        """True on an England bank holiday (including substitute days) as the profile adjusts them."""
        if day in self.extra:
            return True
        return day in _england(day.year) and day not in self.removed

    def is_working_day(self, day: date) -> bool:
        """True Monday to Friday unless a bank holiday."""
        return day.weekday() < 5 and not self.is_bank_holiday(day)

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
        if count < 0:
            raise ValueError("count must not be negative")
        current = day
        while count:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count -= 1
        return current

    def deemed_served(self, posted: date, working_days: int = 2) -> date:
        """Deemed service by first-class post: the second working day after posting."""
        return self.add_working_days(posted, working_days)

    def clear_days_end(self, day: date, clear_days: int, *, skip_sundays: bool = True) -> date:
        """First day an act may follow a notice given on ``day`` with ``clear_days`` clear days.

        Neither the day of the notice nor the day of the act counts; Sundays and
        bank holidays are not counted when ``skip_sundays`` (Taking Control of Goods rule).
        """
        current, counted = day, 0
        while counted < clear_days:
            current += timedelta(days=1)
            if skip_sundays and (current.weekday() == 6 or self.is_bank_holiday(current)):
                continue
            counted += 1
        return current + timedelta(days=1)
