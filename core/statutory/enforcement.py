"""Enforcement agents: their stages, the notice-of-enforcement rule before a visit, and their fees.

Every debt type that passes a warrant or liability order to an enforcement agent
uses the stages and steps declared here, and its parameters derive from
:class:`EnforcementAgentParameters`; the core checks every visit and removal an
officer records against the one rule below, whatever the debt type, so the
Taking Control of Goods Regulations 2013 reg 6 (7 clear days' notice of
enforcement before a visit) hold everywhere in the same words.

Fees follow the Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1): a
dated parameter in each debt type's profile section, so a change in the law is
a profile edit. Each stage's fee is its fixed amount plus a percentage of the
sum to be recovered above a threshold.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pydantic import Field

from .action_fields import date_field, past_date_problem
from ..debt_types import Parameters
from ..errors import PluginError
from ..ladder import Stage, Transition
from ..money import percent_of
from .working_days import WorkingCalendar

__all__ = [
    "EnforcementFees", "EnforcementAgentParameters", "enforcement_fee", "earliest_visit", "agent_step_problem",
    "check_agent_parameters",
    "EA_STAGES", "EA_STAGE_IDS", "EA_VISIT", "EA_REMOVAL", "enforcement_agent_stages", "enforcement_agent_transitions",
]

EA_STAGES = ("compliance", "enforcement", "sale")
EA_STAGE_IDS = ("enforcement_agent", "ea_enforcement", "ea_sale")
"""The ladder stages of :func:`enforcement_agent_stages`, one per fee stage."""
EA_VISIT = "ea_enforcement_stage"
"""The officer's record of the agent's first visit (enforcement stage; adds the enforcement fee)."""
EA_REMOVAL = "ea_sale_stage"
"""The officer's record of the agent's removal of goods (sale stage; adds the sale fee)."""
REG_6 = "Taking Control of Goods Regulations 2013 reg 6"


class EnforcementFees(Parameters):
    """Non-High-Court enforcement agent fees (SI 2014/1 Schedule, 2014 figures)."""

    compliance_pence: int = Field(default=7500, ge=0, description="Compliance stage fixed fee.")
    enforcement_pence: int = Field(default=23500, ge=0, description="Enforcement stage fixed fee.")
    sale_pence: int = Field(default=11000, ge=0, description="Sale or disposal stage fixed fee.")
    percentage: Decimal = Field(default=Decimal("7.5"), ge=0, le=100, description="Per cent of the sum above the threshold (enforcement and sale).")
    threshold_pence: int = Field(default=150000, ge=0, description="The percentage applies to the sum to be recovered exceeding this.")


class EnforcementAgentParameters(Parameters):
    """Parameters every debt type that passes cases to an enforcement agent carries (derive from this)."""

    enforcement: EnforcementFees = Field(
        default_factory=EnforcementFees,
        description="Enforcement agent fees (Taking Control of Goods (Fees) Regulations 2014, SI 2014/1), added when "
                    "each stage starts.",
    )
    ea_compliance_days: int = Field(
        default=0, ge=0, le=60,
        description="Days, beginning with the notice of enforcement, the council's policy gives the debtor to agree "
                    "terms before the agent may visit; 0: only the statutory clear days apply.",
    )
    ea_notice_clear_days: int = Field(
        default=7, ge=7, le=60,
        description="Clear days (Sundays and bank holidays not counted) between the notice of enforcement and the "
                    "first visit: at least 7, Taking Control of Goods Regulations 2013 reg 6.",
    )


def check_agent_parameters(debt_type) -> None:
    """At registration: a ladder with the agent's stages needs the parameters the notice-of-enforcement rule reads."""
    used = [s.id for s in debt_type.ladder.stages if s.id in EA_STAGE_IDS]
    if used and not issubclass(debt_type.params, EnforcementAgentParameters):
        raise PluginError(
            f"debt type {debt_type.id!r} has the enforcement agent's stages ({', '.join(used)}), so its params must "
            "derive from arrears.EnforcementAgentParameters (fees, compliance days, notice clear days)"
        )


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
    Taking Control of Goods Regulations 2013 reg 6).
    """
    return max(notice + timedelta(days=compliance_days), calendar.clear_days_end(notice, clear_days))


def agent_step_problem(case, action: str, fields: dict, context) -> str | None:
    """Why an agent's visit or removal cannot be recorded as given, in the same words for every debt type (None: it can).

    A visit (``visit_date``) needs the notice of enforcement's clear days and the
    council's compliance days behind it. The notice is taken as given on the day
    the case went to the agent, or on ``notice_date`` when the officer records a
    later one. A removal (``removal_date``) cannot come before the first visit.
    Neither may be after the day of the action. Other actions: None.
    """
    today = context.today
    if action == EA_REMOVAL:
        return past_date_problem(fields, "removal_date", today, case.stage_since,
                                 f"the agent's first visit was on {case.stage_since.isoformat()} and goods cannot be "
                                 "removed before it")
    if action != EA_VISIT:
        return None
    p = context.params
    notice = case.stage_since
    if fields.get("notice_date"):
        given, problem = date_field(fields, "notice_date")
        if problem:
            return problem
        problem = past_date_problem(fields, "notice_date", today, notice,
                                    f"the case went to the enforcement agent on {notice.isoformat()}")
        if problem:
            return problem
        notice = given
    why = (f"the notice of enforcement of {notice.isoformat()} needs {p.ea_notice_clear_days} clear days before a visit "
           f"(Sundays and bank holidays not counted; {REG_6})")
    if p.ea_compliance_days:
        why += f" and the council's policy allows {p.ea_compliance_days} days from it to agree terms"
    earliest = earliest_visit(notice, context.calendar, p.ea_compliance_days, p.ea_notice_clear_days)
    return past_date_problem(fields, "visit_date", today, earliest, why)


def enforcement_agent_stages(compliance_note: str = "Notice of enforcement; compliance fee.") -> tuple[Stage, ...]:
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
        Transition(EA_VISIT, "enforcement_agent", "ea_enforcement", kind="action", fields=("visit_date",),
                   optional_fields=("notice_date",),
                   reason="Record the agent's first attendance at the premises (enforcement stage; adds the enforcement "
                          "fee). Not before the notice of enforcement's 7 clear days (reg 6) and the council's "
                          "compliance days; notice_date when the agent gave notice after the case reached it."),
        Transition(EA_REMOVAL, "ea_enforcement", "ea_sale", kind="action", fields=("removal_date",),
                   reason="Record the agent's removal of goods or start of sale preparation (sale stage; adds the sale fee)."),
        *back,
    )
