"""The ``[debt_types.garden_waste]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class GardenWasteParameters(Parameters):
    """Garden waste figures. Days are calendar days."""

    payment_terms_days: int = Field(default=28, ge=0, le=365, description="Days from the invoice to pay it.")
    reminder_days: int = Field(default=14, ge=1, le=365, description="Days a reminder gives to pay.")
