"""Housing Benefit overpayments: notice, then deduction, invoice, DWP, DEA, landlord or court recovery (DOMAIN §4)."""

from arrears import hookimpl

from .actions import transition_fees as _fees
from .billing import bill
from .debt_type import HB_OVERPAYMENT
from .deductions import claim_issue_fee, dea_deduction, dwp_deduction, hb_unit, hb_weekly_maximum, uc_deduction
from .review import progress

__all__ = [
    "HB_OVERPAYMENT", "claim_issue_fee", "dea_deduction", "dwp_deduction", "hb_unit", "hb_weekly_maximum", "uc_deduction",
]


@hookimpl
def register_debt_types(register):
    register(HB_OVERPAYMENT)


@hookimpl
def bill_accounts(context, cases):
    if context.debt_type.id != HB_OVERPAYMENT.id:
        return None
    return [bill(case) for case in cases]


@hookimpl
def progress_cases(context, cases):
    if context.debt_type.id != HB_OVERPAYMENT.id:
        return None
    return progress(context, cases)


@hookimpl
def transition_fees(context, moves):
    if context.debt_type.id != HB_OVERPAYMENT.id:
        return None
    return _fees(context, moves)
