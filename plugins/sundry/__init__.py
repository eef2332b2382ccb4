"""Sundry debts: invoices for council services, recovered by reminder, final notice and further recovery."""

from arrears import hookimpl

from .debt_type import SUNDRY
from .rules import bill, progress

__all__ = ["SUNDRY"]


@hookimpl
def register_debt_types(register):
    register(SUNDRY)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != SUNDRY.id:
        return None
    return [bill(case) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != SUNDRY.id:
        return None
    return progress(context, cases)
