"""The guards of the HB overpayment ladder: from which date each automatic move may fire (DOMAIN §4, §13).

Periods are calendar days (DOMAIN §13, seed local periods): the appeal window
is one calendar month from the notice (the month's last day when shorter), and
recovery starts the day after it ends; an invoice or final notice of N days
issued on day X is payable by X + N and the next step comes on X + N + 1 (the
Rotherham convention of WE-26).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from arrears import Case, cleared

from .methods import AUTOMATIC, choose_method, not_recoverable

__all__ = ["GUARDS", "window_end", "pay_by", "last_received"]

DAY = timedelta(days=1)


@lru_cache(maxsize=4096)
def window_end(notice_on: date, months: int) -> date:
    """The last day of the appeal window: the same day ``months`` later, or that month's last day when shorter."""
    return notice_on + relativedelta(months=months)


def pay_by(issued: date, days: int) -> date:
    """The last day to pay an invoice or final notice of ``days`` days issued on ``issued``."""
    return issued + timedelta(days=days)


def last_received(case: Case) -> date:
    """The later of the last payment and the day the current method began: a lapse is counted from it."""
    last = case.last_payment_on
    return case.stage_since if last is None or last < case.stage_since else last


def official_error(case: Case, context) -> date | None:
    return case.opened_on if not_recoverable(case) else None


def _target(case: Case, params, after: str | None) -> str:
    chosen = choose_method(case, params, after)
    return "recovery_review" if chosen is None else AUTOMATIC.get(chosen[0], "recovery_review")


def _after_notice(target: str):
    def guard(case: Case, context) -> date | None:
        if case.balance_pence <= 0:
            return None
        due = window_end(case.opened_on, context.params.appeal_window_months) + DAY
        if due > case.today:
            return due  # a forecast for the next review: the method is chosen on the day
        return due if _target(case, context.params, None) == target else None

    guard.__name__ = f"notice_to_{target}"
    return guard


def invoice_unpaid(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return pay_by(case.stage_since, context.params.invoice_days) + DAY


def _after_final_notice(target: str):
    def guard(case: Case, context) -> date | None:
        if case.balance_pence <= 0:
            return None
        due = pay_by(case.stage_since, context.params.final_notice_days) + DAY
        if due > case.today:
            return due  # a forecast for the next review: the method is chosen on the day
        return due if _target(case, context.params, "invoice") == target else None

    guard.__name__ = f"final_notice_to_{target}"
    return guard


def hb_deductions_stopped(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return last_received(case) + timedelta(days=context.params.hb_deduction_lapse_days + 1)


def attachment_stopped(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return last_received(case) + timedelta(days=context.params.attachment_lapse_days + 1)


GUARDS = {
    "official_error": official_error,
    "cleared": cleared,
    "notice_to_ongoing_hb": _after_notice("ongoing_hb_deduction"),
    "notice_to_landlord": _after_notice("landlord_recovery"),
    "notice_to_invoice": _after_notice("invoice"),
    "notice_to_review": _after_notice("recovery_review"),
    "invoice_unpaid": invoice_unpaid,
    "final_notice_to_ongoing_hb": _after_final_notice("ongoing_hb_deduction"),
    "final_notice_to_landlord": _after_final_notice("landlord_recovery"),
    "final_notice_to_review": _after_final_notice("recovery_review"),
    "hb_deductions_stopped": hb_deductions_stopped,
    "attachment_stopped": attachment_stopped,
}
