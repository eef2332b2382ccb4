"""The ``[debt_types.sundry]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class SundryParameters(Parameters):
    """Sundry invoice timeline, in calendar days (DOMAIN §3.1; seeds: Rotherham 21/14/14, Reading 30/14/60)."""

    payment_terms_days: int = Field(default=30, ge=0, le=365, description="Days from the invoice date to its due date.")
    reminder_days: int = Field(default=14, ge=1, le=365, description="Days a reminder gives to pay.")
    final_notice_days: int = Field(default=14, ge=1, le=365, description="Days a final notice gives to pay.")
