"""The PCN's dates: service, the discount and payment periods, the Notice to Owner window, later notices.

Periods "of N days beginning with" a day include that day (DOMAIN §13); a
posted notice is served on the second working day after posting (SI 2022/71
reg 3, England bank holidays). The Notice to Owner may not be sent after six
months beginning with the PCN's service (reg 20(2)): the last day is the day
before the same date six months on; where that month is shorter, the day
before its last day (the earlier reading, so a notice is never late).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from arrears import Case, WorkingCalendar, period_end
from dateutil.relativedelta import relativedelta

DAY = timedelta(days=1)
ON_STREET = ("affixed", "handed")
"""Service under reg 9: fixed to the vehicle or handed to the driver. Anything else is a reg 10 postal PCN."""


@lru_cache(maxsize=4096)
def served(calendar: WorkingCalendar, posted: date, working_days: int) -> date:
    """Deemed service of a notice posted on ``posted``: the ``working_days``-th working day after."""
    return calendar.deemed_served(posted, working_days)


@lru_cache(maxsize=4096)
def months_end(start: date, months: int) -> date:
    """Last day of a period of ``months`` months beginning with ``start``."""
    return start + relativedelta(months=months) - DAY


def after(start: date, days: int) -> date:
    """The first day after a period of ``days`` days beginning with ``start``."""
    return start + timedelta(days=days)


def on_street(case: Case) -> bool:
    return case.attrs.get("served_by") in ON_STREET


def pcn_served_on(case: Case, context) -> date:
    """The PCN's service: the core date for an on-street PCN; the recorded or deemed service of a posted one."""
    attrs = case.attrs
    if attrs.get("served_by") in ON_STREET:
        return case.opened_on
    recorded = attrs.get("served_on")
    if recorded:
        return date.fromisoformat(recorded)
    return served(context.calendar, case.opened_on, context.params.postal_service_working_days)


def discount_days(case: Case, params) -> int:
    """14 days, or 21 for a camera-enforced postal PCN (DOMAIN §5.2 stage 1b)."""
    return params.camera_discount_days if case.attrs.get("served_by") == "camera" else params.discount_days


class PcnDates:
    """The dates a PCN's own periods give, from its service (and from a rejected challenge, when there was one)."""

    __slots__ = ("served_on", "discount_end", "payment_end", "nto_latest", "reoffer_end", "nto_from", "nto_capped")

    def __init__(self, served_on: date, discount: int, payment: int, grace: int, months: int, reoffer: int,
                 rejected: date | None) -> None:
        self.served_on = served_on
        self.discount_end = period_end(served_on, discount)
        self.payment_end = period_end(served_on, payment)
        self.nto_latest = months_end(served_on, months)
        self.reoffer_end = period_end(rejected, reoffer) if rejected and reoffer else None
        earliest = after(self.payment_end, 1 + grace)
        if self.reoffer_end is not None and self.reoffer_end >= earliest:
            earliest = self.reoffer_end + DAY
        if rejected:
            earliest = max(earliest, rejected)
        self.nto_capped = earliest > self.nto_latest
        self.nto_from = self.nto_latest if self.nto_capped else earliest

    @property
    def window_end(self) -> date:
        """Last day on which the discounted charge settles the PCN (a re-offered discount may run later)."""
        if self.reoffer_end is not None and self.reoffer_end > self.discount_end:
            return self.reoffer_end
        return self.discount_end


_dates = lru_cache(maxsize=8192)(PcnDates)
"""PCNs served on the same day share their dates."""


def pcn_dates(case: Case, context) -> PcnDates:
    """The case's :class:`PcnDates`; a rejected challenge counts while the case is back at ``pcn_served``."""
    p = context.params
    rejected = case.state.get("challenge_rejected_on") if case.stage == "pcn_served" else None
    return _dates(pcn_served_on(case, context), discount_days(case, p), p.payment_days, p.notice_to_owner_grace_days,
                  p.notice_to_owner_limit_months, p.challenge_reoffer_days,
                  None if rejected is None else date.fromisoformat(rejected))


def notice_dates(posted: date, days: int, context) -> tuple[date, date]:
    """(deemed service, last day to act) for a notice posted on ``posted`` giving ``days`` days beginning with service."""
    return _notice(context.calendar, posted, context.params.postal_service_working_days, days)


@lru_cache(maxsize=8192)
def _notice(calendar: WorkingCalendar, posted: date, working_days: int, days: int) -> tuple[date, date]:
    service = calendar.deemed_served(posted, working_days)
    return service, period_end(service, days)
