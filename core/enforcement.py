"""Enforcement agent fees under the Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1).

The schedule is a dated parameter in each debt type's profile section: a
change in the law is a profile edit. Each stage's fee is its fixed amount plus
a percentage of the sum to be recovered above a threshold.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from .debt_types import Parameters
from .money import percent_of

__all__ = ["EnforcementFees", "enforcement_fee", "EA_STAGES"]

EA_STAGES = ("compliance", "enforcement", "sale")


class EnforcementFees(Parameters):
    """Non-High-Court enforcement agent fees (SI 2014/1 Sch; DOMAIN §7.1, [H] 2014 figures)."""

    compliance_pence: int = Field(default=7500, ge=0, description="Compliance stage fixed fee.")
    enforcement_pence: int = Field(default=23500, ge=0, description="Enforcement stage fixed fee.")
    sale_pence: int = Field(default=11000, ge=0, description="Sale or disposal stage fixed fee.")
    percentage: Decimal = Field(default=Decimal("7.5"), ge=0, le=100, description="Per cent of the sum above the threshold (enforcement and sale).")
    threshold_pence: int = Field(default=150000, ge=0, description="The percentage applies to the sum to be recovered exceeding this.")


def enforcement_fee(stage: str, debt_pence: int, fees: EnforcementFees) -> int:
    """The fee for ``stage`` on a sum to be recovered of ``debt_pence`` (the agent's own fees excluded)."""
    if stage == "compliance":
        return fees.compliance_pence
    fixed = {"enforcement": fees.enforcement_pence, "sale": fees.sale_pence}.get(stage)
    if fixed is None:
        raise ValueError(f"unknown enforcement stage {stage!r} (one of {', '.join(EA_STAGES)})")
    return fixed + percent_of(max(0, debt_pence - fees.threshold_pence), fees.percentage)
