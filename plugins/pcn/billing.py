"""Billing: the PCN raises the full penalty charge on its date; its description says what the discount is and until when.

The amount due changes with time but the ledger does not guess ahead: the
account carries the full charge, and paying the discounted charge within the
discount period settles it (the discount is then entered by the
``paid_at_discount`` move, DOMAIN §5.1-5.2).
"""

from __future__ import annotations

from arrears import Billing, Case, Charge, format_pence

from .amounts import discounted_pence, level_label
from .dates import discount_days, on_street, pcn_dates

HOW = {"affixed": "fixed to the vehicle", "handed": "handed to the driver", "camera": "posted (camera)", "postal": "posted"}


def describe(case: Case, context) -> str:
    """``Penalty charge, band 2 higher level, AB12 CDE: PCN fixed to the vehicle 2025-06-02; £35.00 if paid by ...``."""
    p, attrs = context.params, case.attrs
    dates = pcn_dates(case, context)
    how = HOW.get(attrs.get("served_by"), "served")
    served = (f"PCN {how} {case.opened_on.isoformat()}" if on_street(case)
              else f"PCN {how} {case.opened_on.isoformat()}, served {dates.served_on.isoformat()}")
    return (f"Penalty charge, {level_label(attrs.get('band', '?'), attrs.get('level', '?'))}, {attrs.get('vehicle_reg', '')}: "
            f"{served}; {format_pence(discounted_pence(case.amount_pence, p))} if paid by {dates.discount_end.isoformat()} "
            f"({discount_days(case, p)} days), {format_pence(case.amount_pence)} by {dates.payment_end.isoformat()}")


def bill(case: Case, context) -> Billing:
    """One charge, the full penalty, on the PCN's date."""
    return Billing(charges=[Charge(case.amount_pence, case.opened_on, describe(case, context))])
