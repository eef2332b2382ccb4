"""arrears: recovery of what English councils are owed.

This package is the public API for debt-type plugins: import from ``arrears``
only. A plugin declares its debt types through :func:`register_debt_types`
and takes part in billing, stage progression, fees, priority and write-off
through the hooks in :mod:`arrears.hookspecs`, marked with :data:`hookimpl`.
"""

from importlib.metadata import PackageNotFoundError, version

from .statutory.action_fields import date_field, past_date_problem
from .cases import Action, Billing, Case, Charge, Fee, Move, Outcome, WriteOffRequest
from .context import Context
from .debt_types import Column, DebtType, DebtTypeRegistry, Parameters
from .statutory.demands import (
    balance_payable_from, balance_unpaid_when_due, court_outcome_transitions, default_guard, demand_year_problems,
    first_unpaid_due, hearing_dates, hearing_held, judge_reminder, next_due_on, out_of_time_stage,
    out_of_time_transitions, overdue, paid_before_hearing, period_end, remedy_ended, reminder_complied,
    reminder_not_complied, reminder_outcome_transitions, reminder_pay_by, reminder_verdict, review_by_window_end, state_day,
    summons_dates, summons_from, summons_time_barred, summons_withdrawal_transitions,
)
from .statutory.enforcement import (
    EA_STAGES, EnforcementAgentParameters, EnforcementFees, agent_step_problem, earliest_visit,
    enforcement_agent_stages, enforcement_agent_transitions, enforcement_fee,
)
from .errors import ArrearsError, InvalidLadder, PluginError, ProfileError
from .statutory.instalments import due_dates, financial_year_start, instalment_count, split_total, statutory_schedule
from .hookspecs import hookimpl
from .ladder import ANY, STAY, Ladder, Stage, Transition, cleared, render_reason
from .review import LadderReview
from .rules import DebtTypeRules, QueueSpec
from .money import format_pence, parse_pounds, percent_of, pounds
from .statutory.working_days import WorkingCalendar

try:
    __version__ = version("arrears")
except PackageNotFoundError:  # pragma: no cover - running from an unbuilt tree
    __version__ = "0"

__all__ = [
    "Action", "ANY", "ArrearsError", "Billing", "Case", "Charge", "Column", "Context", "DebtType", "DebtTypeRules",
    "DebtTypeRegistry", "EA_STAGES", "EnforcementAgentParameters", "EnforcementFees", "Fee", "InvalidLadder", "Ladder", "LadderReview",
    "Move", "Outcome", "Parameters", "PluginError", "ProfileError", "QueueSpec", "Stage", "STAY", "Transition",
    "WorkingCalendar", "WriteOffRequest", "__version__", "agent_step_problem", "balance_payable_from", "balance_unpaid_when_due",
    "cleared", "court_outcome_transitions", "date_field", "default_guard", "demand_year_problems", "due_dates",
    "earliest_visit", "enforcement_agent_stages", "enforcement_agent_transitions", "enforcement_fee",
    "financial_year_start", "first_unpaid_due", "format_pence", "hearing_dates", "hearing_held", "hookimpl",
    "instalment_count", "judge_reminder", "next_due_on", "out_of_time_stage", "out_of_time_transitions",
    "overdue", "paid_before_hearing", "parse_pounds", "past_date_problem", "percent_of", "period_end",
    "pounds", "remedy_ended", "reminder_complied", "reminder_not_complied", "reminder_outcome_transitions",
    "reminder_pay_by", "reminder_verdict", "render_reason", "review_by_window_end", "split_total", "state_day", "statutory_schedule",
    "summons_dates", "summons_from", "summons_time_barred", "summons_withdrawal_transitions",
]
