"""Penalty Charge Notices: PCN, Notice to Owner, representations, charge certificate, TEC and warrant (DOMAIN §5)."""

from arrears import hookimpl

from .billing import bill
from .debt_type import PCN
from .fees import transition_fees as _fees
from .rules import progress

__all__ = ["PCN"]


@hookimpl
def register_debt_types(register):
    register(PCN)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != PCN.id:
        return None
    return [bill(case, context) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != PCN.id:
        return None
    return progress(context, cases)


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != PCN.id:
        return None
    return _fees(context, moves)
