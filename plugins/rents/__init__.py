"""Council rent arrears: rent billing, contact, letters, NSP, possession claim, orders, warrant and former-tenant arrears (DOMAIN §6)."""

from arrears import hookimpl

from .billing import bill
from .debt_type import RENTS
from .fees import transition_fees as _fees
from .review import progress

__all__ = ["RENTS"]


@hookimpl
def register_debt_types(register):
    register(RENTS)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != RENTS.id:
        return None
    return [bill(case) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != RENTS.id:
        return None
    return progress(context, cases)


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != RENTS.id:
        return None
    return _fees(context, moves)
