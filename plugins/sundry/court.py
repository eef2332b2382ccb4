"""The county court route: issue fees by claim value (DOMAIN §7.4), service and default-judgment dates, enforcement methods."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal

from arrears import WorkingCalendar, format_pence

ENFORCEMENT_METHODS = (
    "warrant_of_control", "high_court_writ", "attachment_of_earnings", "charging_order", "third_party_debt_order",
    "order_to_obtain_information", "bankruptcy", "winding_up",
)
"""How a judgment may be enforced (DOMAIN §3.2 stage 7)."""

JUDGMENT_KINDS = ("default", "admission", "hearing")
"""How a county court judgment is obtained (DOMAIN §3.2 stage 6)."""


def claim_issue_fee(claim_pence: int, bands) -> tuple[int, str]:
    """(fee, the band in words) for a money claim of ``claim_pence`` (interest included).

    A band covers claims up to and including its ``up_to_pence``; a percentage
    band's fee is rounded down to the penny (DOMAIN §7.4: £300.00 pays £35,
    £300.01 pays £50; £10,000.01 pays 5%).
    """
    lower = 0
    for band in bands:
        if band.up_to_pence is None or claim_pence <= band.up_to_pence:
            if band.percent is not None:
                fee = int((Decimal(claim_pence) * band.percent / 100).to_integral_value(rounding=ROUND_FLOOR))
                rule = f"{band.percent}% of the claim"
            else:
                fee, rule = band.fee_pence, "fixed"
            if band.up_to_pence is None:
                words = f"over {format_pence(lower)}" if lower else "any claim"
            elif lower:
                words = f"{format_pence(lower + 1)} to {format_pence(band.up_to_pence)}"
            else:
                words = f"up to {format_pence(band.up_to_pence)}"
            return fee, f"band {words}, {rule}"
        lower = band.up_to_pence
    raise ValueError("the claim fee table has no band for this claim")  # the profile validator forbids this


def claim_served_on(issued: date, calendar: WorkingCalendar, business_days: int = 2) -> date:
    """Deemed service of the claim form: the ``business_days``-th business day after issue (CPR 6.14, 6.26)."""
    return calendar.add_working_days(issued, business_days)


def default_judgment_from(issued: date, calendar: WorkingCalendar, p) -> date:
    """First day default judgment may be entered: after the response period from deemed service has run out."""
    served = claim_served_on(issued, calendar, p.claim_service_business_days)
    return served + timedelta(days=p.claim_response_days + 1)


def parse_day(text: str, field: str) -> tuple[date | None, str | None]:
    """(date, None) for an ISO date, else (None, a refusal naming the field)."""
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return None, f"{field}: {text!r} is not a date (YYYY-MM-DD)"
