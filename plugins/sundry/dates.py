"""Date arithmetic of a sundry debt: due date, the notices' last days, the action limit, limitation.

Periods are calendar days (DOMAIN §13). A notice giving N days to pay, issued
on day D, must be paid by D + N; the next step falls due the day after (WE-26:
reminder 2025-03-25 gives until 2025-04-08, final notice 2025-04-09). Month and
year arithmetic goes through ``relativedelta`` (a month end stays a month end:
30 November + 3 months is 28 or 29 February; 29 February + 6 years is 28 February).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from arrears import Case
from dateutil.relativedelta import relativedelta

DAY = timedelta(days=1)


@lru_cache(maxsize=8192)
def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months (the month's last day when shorter)."""
    return day + relativedelta(months=months)


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years (29 February becomes 28 February, as ``relativedelta`` has it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def days_after(day: date, days: int) -> date:
    return day + timedelta(days=days)


def state_day(value: str | None) -> date | None:
    """A date a review stored in the case's state (ISO text)."""
    return None if value is None else date.fromisoformat(value)


def due_on(case: Case, p) -> date:
    """The invoice's due date: the invoice date plus the payment terms."""
    return case.opened_on + timedelta(days=p.payment_terms_days)


# --- limitation (Limitation Act 1980 ss5, 29-30; DOMAIN §3.2 stage 8, WE-41) -----------------------------


def accrued_on(case: Case, p) -> date:
    """The cause of action accrues the day after the due date (engine rule, WE-41)."""
    return due_on(case, p) + DAY


def limitation_start(case: Case, p, st: dict) -> date:
    """The date time runs from: accrual, or the last part payment or written acknowledgement that restarted it."""
    accrual = accrued_on(case, p)
    restart = st.get("limitation_from")
    if restart is None:
        return accrual
    return max(accrual, date.fromisoformat(restart))


def limitation_end(case: Case, p, st: dict) -> date:
    """The last day a claim may be issued: six years from the start (WE-41: due 2019-01-15 gives 2025-01-16)."""
    return _limitation_end(case.opened_on, p.payment_terms_days, p.limitation_years, st.get("limitation_from"))


@lru_cache(maxsize=16384)
def _limitation_end(opened: date, terms: int, years: int, restart: str | None) -> date:
    """Kept per invoice date and terms: many cases share them, and the nightly review asks for every case."""
    start = opened + timedelta(days=terms + 1)
    if restart is not None:
        start = max(start, date.fromisoformat(restart))
    return add_years(start, years)


def restart_limitation(case: Case, p, st: dict, on: date, by: str) -> bool:
    """Restart time from ``on`` for a part payment or acknowledgement (s29(5)); True when the state changed.

    Only an event after the present start and within the current period counts:
    a right of action once barred is not revived (s29(7)).
    """
    start = limitation_start(case, p, st)
    if on <= start or on > add_years(start, p.limitation_years):
        return False
    st["limitation_from"] = on.isoformat()
    st["limitation_by"] = by
    return True


# --- the action limit (Rotherham: no account 3 months past due without further action; WE-26) ------------

NOTICES = frozenset({"reminder", "final_notice"})


def idle_from(case: Case, p) -> date:
    """The day the action limit counts from.

    At a notice the limit runs from the due date (an account is not to run more
    than the limit past due before further recovery), unless the notice itself
    came later than that (an old debt imported late); elsewhere from the day the
    case reached its stage.
    """
    return idle_limits(case, p)[0]


def idle_limits(case: Case, p) -> tuple[date, date]:
    """(the day the action limit counts from, the day it is reached)."""
    since, months = case.stage_since, p.action_limit_months
    if case.stage in NOTICES:
        due = case.opened_on + timedelta(days=p.payment_terms_days)
        limit = add_months(due, months)
        if since <= limit:
            return due, limit
    return since, add_months(since, months)
