"""The Housing Benefit overpayment debt type as the platform sees it: ladder, guards, columns, row and action checks.

The core ``date`` of an account is the date the overpayment notice was issued
and ``amount`` the overpayment it decided.
"""

from __future__ import annotations

from datetime import date

from arrears import Column, DebtType, DebtTypeRules

from .actions import action_entries, action_facts, action_state, check_action, transition_fees
from .billing import CAUSES, bill
from .ladder import LADDER
from .params import HbOverpaymentParameters
from .review import REVIEW
from .rules import GUARDS

COLUMNS = (
    Column("period_start", "date", required=True, help="First day of the overpaid period."),
    Column("period_end", "date", required=True, help="Last day of the overpaid period (on or after period_start)."),
    Column("cause", "choice", required=True, choices=tuple(CAUSES),
           help="What caused the overpayment: official_error is not recoverable unless error_apparent (reg 100)."),
    Column("error_apparent", "bool",
           help="Official error only, and then required: the claimant or payee could reasonably have realised they were "
                "overpaid, so it is recoverable (reg 100(2))."),
    Column("fraud", "bool",
           help="Cause fraud only: convicted, admitted after caution or penalty accepted, so the fraud rates apply."),
    Column("on_hb", "bool", help="The debtor still gets HB, so deductions from ongoing HB are possible."),
    Column("earnings_disregard", "money",
           help="Weekly earnings disregard in the current HB assessment; half may be added to the deduction (on_hb only)."),
    Column("landlord_paid", "bool", help="HB was paid to the landlord, so the landlord may be asked to repay (reg 101)."),
    Column("benefit", "text", help="Another benefit the debtor gets (e.g. universal_credit), for a DWP deduction."),
    Column("employer", "text", help="The debtor's employer, if known, for a Direct Earnings Attachment."),
    Column("rent_account", "text", help="The debtor's council rent account, for a transfer of the balance."),
    Column("claim_ref", "text", help="The HB claim reference."),
)


def check_row(attrs: dict, amount_pence: int, opened_on: date) -> list[tuple[str, str]]:
    """Problems across an imported row's columns, as (column, message)."""
    problems = []
    start, end = attrs.get("period_start"), attrs.get("period_end")
    if start and end and end < start:
        problems.append(("period_end", f"{end} is before period_start {start}"))
    if start and start > opened_on.isoformat():
        problems.append(("period_start", f"{start} is after the notice date {opened_on.isoformat()}: an overpaid period "
                                         "begins before the decision"))
    cause = attrs.get("cause")
    if cause == "official_error" and "error_apparent" not in attrs:
        problems.append(("error_apparent", "is required when cause is official_error: could the claimant or payee "
                                           "reasonably have realised they were overpaid? (reg 100(2))"))
    if cause != "official_error" and "error_apparent" in attrs:
        problems.append(("error_apparent", f"applies only when cause is official_error, not {cause}"))
    if attrs.get("fraud") is True and cause != "fraud":
        problems.append(("fraud", f"the fraud rates need cause fraud, not {cause}"))
    if attrs.get("earnings_disregard") and attrs.get("on_hb") is not True:
        problems.append(("earnings_disregard", "applies only to a debtor still on HB (on_hb yes)"))
    return problems


class HbOverpaymentRules(DebtTypeRules):
    """The overpayment, the nightly review, the claim fee, the recovery methods an officer records."""

    review = REVIEW
    rule_names = (
        "dea_stopped", "dwp_deductions_stopped", "final_notice", "hb_deductions_stopped",
        "invoice_after_notice", "official_error", "start_county_claim",
    )
    reason_facts = {"*": (
        "amount", "deduction_rule", "invoice_on", "invoice_pay_by", "last_received", "method", "method_fact",
        "methods", "pay_by", "period_end", "period_start", "window_end",
    )}

    def bill(self, case, context):
        return bill(case)

    def fees(self, case, move, context):
        return transition_fees(context, [(case, move)])

    def check_row(self, attrs, amount_pence, opened_on, params):
        return check_row(attrs, amount_pence, opened_on)

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)

    def action_entries(self, case, action, fields, context):
        return action_entries(case, action, fields, context)

    def action_state(self, case, action, fields, context):
        return action_state(case, action, fields, context)

    def action_facts(self, case, action, fields, context):
        return action_facts(case, action, fields, context)


HB_OVERPAYMENT = DebtType(
    id="hb_overpayment",
    label="Housing Benefit overpayment",
    ladder=LADDER,
    params=HbOverpaymentParameters,
    columns=COLUMNS,
    guards=GUARDS,
    rules=HbOverpaymentRules(),
    description="Housing Benefit overpayments under the Housing Benefit Regulations 2006, Part 13.",
)
