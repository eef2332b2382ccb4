"""Housing Benefit overpayments: notice, then deduction, invoice, DWP, DEA, landlord or court recovery (DOMAIN §4)."""

from arrears import hookimpl

from .debt_type import HB_OVERPAYMENT
from .deductions import claim_issue_fee, dea_deduction, dwp_deduction, hb_unit, hb_weekly_maximum, uc_deduction

__all__ = [
    "HB_OVERPAYMENT", "claim_issue_fee", "dea_deduction", "dwp_deduction", "hb_unit", "hb_weekly_maximum", "uc_deduction",
]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(HB_OVERPAYMENT)
