"""The guards of the rent ladder: from which date each automatic move may fire (DOMAIN §6.2).

Facts an officer recorded (the NSP's dates, the terms of an agreement or
order, the possession date, the tenancy's end) are read from the case's
state, where :mod:`arrears_rents.routes` puts them.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Case, cleared

from .measure import at_least, unpaid_since
from .notice import limitation
from .periods import periods_of
from .terms import shortfall

__all__ = ["GUARDS", "nsp_in_force", "terms_broken_on"]

DAY = timedelta(days=1)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def arrears_arise(case: Case, context) -> date | None:
    """Arrears over the threshold: early contact ``early_contact_days`` after the rent owed longest fell due."""
    p = context.params
    if case.balance_pence <= p.arrears_threshold_pence or case.balance_pence <= 0:
        return None
    return unpaid_since(case, periods_of(case)) + timedelta(days=p.early_contact_days)


def _unpaid_after(days_param: str, weeks_param: str):
    def guard(case: Case, context) -> date | None:
        p = context.params
        if case.balance_pence <= 0 or not at_least(case, getattr(p, weeks_param)):
            return None
        return case.stage_since + timedelta(days=getattr(p, days_param))

    guard.__name__ = f"unpaid_{days_param}"
    return guard


def nsp_in_force(case: Case, on: date) -> bool:
    """Whether the case's Notice of Seeking Possession is still in force on ``on``."""
    nsp = case.state.get("nsp")
    return bool(nsp) and on < date.fromisoformat(nsp["lapses_on"])


def terms_broken_on(case: Case, context) -> date | None:
    """The day the case's agreement or order is (or will be) broken, if arrears remain."""
    terms = case.state.get("terms")
    if not terms or case.balance_pence <= 0:
        return None
    return shortfall(case, terms, periods_of(case), context.params.terms_grace_days).on


def arrangement_broken_under_notice(case: Case, context) -> date | None:
    on = terms_broken_on(case, context)
    return on if on is not None and nsp_in_force(case, max(on, case.today)) else None


def arrangement_broken(case: Case, context) -> date | None:
    on = terms_broken_on(case, context)
    return on if on is not None and not nsp_in_force(case, max(on, case.today)) else None


def nsp_lapsed(case: Case, context) -> date | None:
    nsp = case.state.get("nsp")
    return _day(nsp["lapses_on"]) if nsp else None


def possession_date_passed(case: Case, context) -> date | None:
    day = _day(case.state.get("possession_date"))
    return day + DAY if day else None


def arrears_outstanding(case: Case, context) -> date | None:
    """Owed after the tenancy: from the day the end (or the eviction) was recorded, never a catch-up day before it."""
    return max(case.today, case.stage_since) if case.balance_pence > 0 else None


def account_clear(case: Case, context) -> date | None:
    return max(case.today, case.stage_since) if case.balance_pence <= 0 else None


def _letter_unpaid(days_param: str):
    def guard(case: Case, context) -> date | None:
        if case.balance_pence <= 0:
            return None
        return case.stage_since + timedelta(days=getattr(context.params, days_param) + 1)

    guard.__name__ = f"unpaid_{days_param}"
    return guard


def time_barred(case: Case, context) -> date | None:
    """The day after the last day a claim for the former-tenant arrears may be issued."""
    ended = _day(case.state.get("ended_on"))
    if ended is None or case.balance_pence <= 0:
        return None
    return limitation(ended, case.last_payment_on, context.params)[2] + DAY


GUARDS = {
    "arrears_cleared": cleared,
    "arrears_arise": arrears_arise,
    "unpaid_after_early_contact": _unpaid_after("first_letter_days", "first_letter_min_weeks"),
    "unpaid_after_first_letter": _unpaid_after("second_letter_days", "second_letter_min_weeks"),
    "unpaid_after_second_letter": _unpaid_after("contact_task_days", "contact_task_min_weeks"),
    "arrangement_broken_under_notice": arrangement_broken_under_notice,
    "arrangement_broken": arrangement_broken,
    "nsp_lapsed": nsp_lapsed,
    "order_terms_broken": terms_broken_on,
    "possession_date_passed": possession_date_passed,
    "arrears_outstanding": arrears_outstanding,
    "account_clear": account_clear,
    "former_letter_unpaid": _letter_unpaid("former_tenant_letter_days"),
    "former_reminder_unpaid": _letter_unpaid("former_tenant_reminder_days"),
    "former_final_notice_unpaid": _letter_unpaid("former_tenant_final_notice_days"),
    "time_barred": time_barred,
}
