"""Council tax: demand, reminders, loss of instalments, summons, liability order and remedies (DOMAIN §1)."""

from arrears import hookimpl

from .debt_type import COUNCIL_TAX
from .deductions import aeo_deduction

__all__ = ["COUNCIL_TAX", "aeo_deduction"]

ARREARS_HOOK_API = 2
"""The plugin contract this plugin was written for (debt types with their rules)."""


@hookimpl
def register_debt_types(register):
    register(COUNCIL_TAX)
