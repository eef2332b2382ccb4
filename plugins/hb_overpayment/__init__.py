"""Housing Benefit overpayments: notice, then deduction, invoice, DWP, DEA, landlord or court recovery (DOMAIN §4)."""

from arrears import hookimpl

from .debt_type import HB_OVERPAYMENT

__all__ = ["HB_OVERPAYMENT"]


@hookimpl
def register_debt_types(register):
    register(HB_OVERPAYMENT)
