"""Business rates (NNDR): demand, reminder, final notice, summons, liability order and remedies (DOMAIN §2)."""

from arrears import hookimpl

from .billing import bill
from .debt_type import NNDR
from .fees import fees_for
from .review import progress

__all__ = ["NNDR"]


@hookimpl
def register_debt_types(register):
    register(NNDR)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != NNDR.id:
        return None
    params = context.params
    return [bill(case, params) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != NNDR.id:
        return None
    return progress(context, cases)


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != NNDR.id:
        return None
    params = context.params
    return [fee for case, move in moves for fee in fees_for(case, move, params)]
