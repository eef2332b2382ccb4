"""Billing: the overpayment notice raises the overpayment as a charge on its date (DOMAIN §4.1).

An overpayment that is not recoverable (official error the claimant could not
reasonably have realised, reg 100(2)) is recorded with the same charge and an
equal adjustment, so the ledger shows what was overpaid and that nothing is owed.
"""

from __future__ import annotations

from arrears import Billing, Case, Charge

from .methods import not_recoverable

CAUSES = {
    "claimant_error": "claimant error",
    "official_error": "official error",
    "fraud": "fraud",
    "landlord_error": "landlord error",
    "other": "other cause",
}


def describe(case: Case) -> str:
    """``HB overpayment 2025-01-06 to 2025-03-30 (claimant error)``."""
    attrs = case.attrs
    return (f"HB overpayment {attrs.get('period_start')} to {attrs.get('period_end')} "
            f"({CAUSES.get(attrs.get('cause'), attrs.get('cause'))})")


def bill(case: Case) -> Billing:
    """The overpayment on the notice date; with its cancelling adjustment when it is not recoverable."""
    charges = [Charge(case.amount_pence, case.opened_on, describe(case))]
    if not_recoverable(case):
        charges.append(Charge(-case.amount_pence, case.opened_on,
                              "Not recoverable: official error the claimant could not reasonably have realised (reg 100(2))",
                              kind="adjustment"))
    return Billing(charges=charges)
