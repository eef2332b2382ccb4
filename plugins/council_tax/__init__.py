"""Council tax: demand, reminders, loss of instalments, summons, liability order and remedies (DOMAIN §1)."""

from arrears import hookimpl

from .billing import bill
from .debt_type import COUNCIL_TAX
from .fees import transition_fees as _fees
from .deductions import aeo_deduction
from .rules import progress

__all__ = ["COUNCIL_TAX", "aeo_deduction"]


@hookimpl
def register_debt_types(register):
    register(COUNCIL_TAX)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != COUNCIL_TAX.id:
        return None
    params = context.params
    return [bill(case, params) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != COUNCIL_TAX.id:
        return None
    return progress(context, cases)


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != COUNCIL_TAX.id:
        return None
    return _fees(context, moves)
