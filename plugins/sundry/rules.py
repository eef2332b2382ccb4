"""Billing and the guards of the sundry ladder. Each guard answers the date a step falls due."""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Billing, Case, Charge, cleared


def bill(case: Case) -> Billing:
    """An invoice is one charge for its amount on its date."""
    return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Invoice")])


def _due_after(since: date, days: int) -> date:
    """A step may follow on the day after a period of ``days`` from ``since`` has run out."""
    return since + timedelta(days=days + 1)


def unpaid_after_terms(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return _due_after(case.opened_on, context.params.payment_terms_days)


def unpaid_after_reminder(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return _due_after(case.stage_since, context.params.reminder_days)


def unpaid_after_final_notice(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return _due_after(case.stage_since, context.params.final_notice_days)


GUARDS = {
    "cleared": cleared,
    "unpaid_after_terms": unpaid_after_terms,
    "unpaid_after_reminder": unpaid_after_reminder,
    "unpaid_after_final_notice": unpaid_after_final_notice,
}


def progress(context, cases: list[Case]):
    evaluate = context.debt_type.ladder.evaluate
    guards = GUARDS
    return [evaluate(case, guards, context) for case in cases]
