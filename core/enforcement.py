"""Enforcement agent fees under the Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1).

The schedule is a dated parameter in each debt type's profile section: a
change in the law is a profile edit. Each stage's fee is its fixed amount plus
a percentage of the sum to be recovered above a threshold.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pydantic import Field

from .debt_types import Parameters
from .ladder import Stage, Transition
from .money import percent_of
from .working_days import WorkingCalendar

__all__ = ["EnforcementFees", "enforcement_fee", "earliest_visit", "EA_STAGES", "enforcement_agent_stages", "enforcement_agent_transitions"]

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


def earliest_visit(notice: date, calendar: WorkingCalendar, compliance_days: int, clear_days: int = 7) -> date:
    """First day an agent may attend after a notice of enforcement given on ``notice``.

    After the days the council's policy allows the debtor to agree terms, and
    after ``clear_days`` clear days (Sundays and bank holidays not counted;
    TCG Regs 2013 reg 6, DOMAIN §13).
    """
    return max(notice + timedelta(days=compliance_days), calendar.clear_days_end(notice, clear_days))


def enforcement_agent_stages(compliance_note: str = "Notice of enforcement; compliance fee (DOMAIN §7.1).") -> tuple[Stage, ...]:
    """The three stages of an enforcement agent's work (compliance, enforcement, sale), each adding its fee."""
    return (
        Stage("enforcement_agent", "With enforcement agent: compliance stage", description=compliance_note),
        Stage("ea_enforcement", "Enforcement agent: enforcement stage", description="First attendance at the premises; enforcement fee."),
        Stage("ea_sale", "Enforcement agent: sale stage", description="Goods removed or sale prepared; sale fee."),
    )


def enforcement_agent_transitions(
    back_to: str, returned: str = "Record that the enforcement agent's work at {stage} stage has ended and choose another remedy.",
) -> tuple[Transition, ...]:
    """The officer-recorded steps through :func:`enforcement_agent_stages`, and the agent's return to ``back_to``.

    ``returned`` is the return's reason, ``{stage}`` filled with the stage's name.
    """
    back = tuple(
        Transition(rule, source, back_to, kind="action", fields=("outcome",), reason=returned.format(stage=stage))
        for rule, source, stage in (
            ("ea_returned", "enforcement_agent", "compliance"),
            ("ea_returned_after_visit", "ea_enforcement", "enforcement"),
            ("ea_returned_after_sale", "ea_sale", "sale"),
        )
    )
    return (
        Transition("ea_enforcement_stage", "enforcement_agent", "ea_enforcement", kind="action", fields=("visit_date",),
                   reason="Record the agent's first attendance at the premises (enforcement stage; adds the enforcement fee)."),
        Transition("ea_sale_stage", "ea_enforcement", "ea_sale", kind="action", fields=("removal_date",),
                   reason="Record the agent's removal of goods or start of sale preparation (sale stage; adds the sale fee)."),
        *back,
    )
