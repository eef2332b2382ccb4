"""Sundry debts: invoices for council services, recovered by notices, pre-action letters and the county court (DOMAIN §3)."""

from arrears import hookimpl

from .debt_type import SUNDRY
from .fees import transition_fees as _fees
from .review import progress
from .rules import bill

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


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != SUNDRY.id:
        return None
    return _fees(context, moves)
