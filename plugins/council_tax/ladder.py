"""The council tax ladder as data (DOMAIN §1.2; CT Regs SI 1992/613).

A demand in good standing is the ``demand`` stage: the first and second
defaults send a reminder (reg 23(1)); a reminder complied with returns the case
to ``demand``; a reminder not complied with, or a third default, loses the
right to instalments (reg 23(3)-(4)). Sums outside an instalment scheme, or
left when no instalment remains to fall due, go by final notice (reg 33). The
nightly run makes the liability order on the hearing date if the sum and costs
are unpaid; an officer may record an adjournment or a refusal instead. After
the order an officer (or the council's ``route_policy``) chooses the remedy;
each remedy can hand the case back to ``liability_order``.
"""

from arrears import (
    ANY, Ladder, Stage, Transition, court_outcome_transitions, enforcement_agent_stages, enforcement_agent_transitions,
    out_of_time_stage, out_of_time_transitions, reminder_outcome_transitions, remedy_ended,
    summons_withdrawal_transitions,
)

STAGES = (
    Stage("demand", "Demand notice issued", description="Billed; instalments payable and up to date (reg 18, Sch 1)."),
    Stage("reminder_1", "First reminder issued",
          description="7 days beginning with the issue day to pay the arrears (reg 23(1), (3))."),
    Stage("reminder_2", "Second reminder issued",
          description="Second default in the year; warns of the third-default rule (reg 23(1)(iv))."),
    Stage("instalments_lost", "Instalments lost",
          description="Right to instalments lost; the whole balance is payable from the date in the decision (reg 23(3)-(4))."),
    Stage("final_notice", "Final notice issued",
          description="No reg 23 reminder applies; 7 days to pay before a summons (regs 33, 34(1))."),
    Stage("summons", "Summons issued",
          description="Complaint to the magistrates with summons costs; hearing at least 14 days after service (regs 34-35)."),
    Stage("adjourned", "Hearing adjourned", description="The court adjourned the hearing; an officer records its outcome.", officer_decides=True),
    Stage("order_refused", "Liability order refused", description="The court refused the order; an officer decides what next.", officer_decides=True),
    Stage("liability_order", "Liability order granted", description="A remedy is chosen (regs 36-50).", officer_decides=True),
    Stage("attachment_of_earnings", "Attachment of earnings order",
          description="Employer deducts by the Sch 4 tables (DOMAIN §1.3)."),
    Stage("benefit_deductions", "Deductions from benefits", description="Council applies to the DWP (SI 1993/494)."),
    *enforcement_agent_stages(),
    Stage("insufficient_goods", "Enforcement agent reported insufficient goods",
          description="Committal may be sought against an individual (reg 47).", officer_decides=True),
    Stage("charging_order", "Charging order applied for",
          description="Debtor owns an interest in the dwelling; at least £1,000 outstanding (reg 50)."),
    Stage("bankruptcy", "Bankruptcy petition",
          description="Individual; petition debt at least £5,000 (reg 49; IA 1986 s267(4))."),
    Stage("committal", "Committal proceedings", description="Means enquiry; wilful refusal or culpable neglect only (reg 47)."),
    out_of_time_stage(),
    Stage("committal_order", "Committal order made",
          description="A debt subject to a committal order is written off (Rutland seed §9; DOMAIN §0)."),
    Stage("withdrawn", "Summons withdrawn", terminal=True, description="Paid with costs before the hearing (reg 34(5))."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)


def _no_goods(rule: str, source: str) -> Transition:
    """The enforcement agent returns the case reporting insufficient goods (the ground for committal)."""
    return Transition(
        rule, source, "insufficient_goods", kind="action", fields=("report_date",),
        reason="Record the enforcement agent's report that there are insufficient goods to cover the debt.",
    )


def _policy(rule: str, target: str, what: str) -> Transition:
    """The council's route policy takes a remedy by itself once the debtor's time to give details has passed."""
    return Transition(
        rule, "liability_order", target, guard=f"policy_{target}", uses=("route_policy", "route_after_days"),
        reason=f"Council policy ({{route_policy}}) takes {what} {{route_after_days}} days after the liability order: {{route_fact}}.",
    )


_SUMMONS_DATES = "deemed served {served_on}, hearing {hearing_on} (reg 34)."

TRANSITIONS = (
    *summons_withdrawal_transitions(" (reg 34(5))"),
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # Reminders and loss of instalments (reg 23).
    Transition(
        "first_reminder", "demand", "reminder_1", guard="first_default", uses=("reminder_days",),
        reason="Instalment due {missed_on} not paid: {arrears} in arrears; first reminder issued, pay by {pay_by} "
               "({reminder_days} days beginning with today, reg 23(1), (3)).",
    ),
    Transition(
        "second_reminder", "demand", "reminder_2", guard="second_default", uses=("reminder_days",),
        reason="Second default this year: instalment due {missed_on} not paid, {arrears} in arrears; second reminder "
               "issued, pay by {pay_by}; a third default loses the right to instalments (reg 23(1)(iv)).",
    ),
    Transition(
        "third_default", "demand", "instalments_lost", guard="third_default",
        reason="Third default: instalment due {missed_on} not paid after the second reminder was complied with; right "
               "to instalments lost, whole balance {balance} payable from {payable_from} (reg 23(2)(b), (4)).",
    ),
    Transition(
        "final_notice", "demand", "final_notice", guard="unpaid_outside_instalments", uses=("final_notice_days",),
        reason="{arrears} due {missed_on} unpaid and {why}; final notice issued, pay by {pay_by} "
               "({final_notice_days} days, regs 33, 34(1)).",
    ),
    *reminder_outcome_transitions("reminder_1", "the first reminder", "instalments continue", "reg 23(3)"),
    *reminder_outcome_transitions("reminder_2", "the second reminder", "a further default loses the right to instalments",
                                  "reg 23(3)"),
    # Summons and liability order (regs 34-35), never more than six years after the sum fell due.
    *out_of_time_transitions(("instalments_lost", "final_notice"), "reg 34(3)"),
    Transition(
        "summons_after_loss", "instalments_lost", "summons", guard="balance_unpaid_when_due",
        uses=("summons_costs_pence", "hearing_min_days"),
        reason="{balance} payable since {payable_from} and unpaid; summons issued with {summons_costs} costs, "
               + _SUMMONS_DATES,
    ),
    Transition(
        "summons_after_final_notice", "final_notice", "summons", guard="final_notice_unpaid",
        uses=("final_notice_days", "summons_costs_pence", "hearing_min_days"),
        reason="{balance} unpaid {final_notice_days} days after the final notice of {final_notice_on}; summons issued "
               "with {summons_costs} costs, " + _SUMMONS_DATES,
    ),
    Transition(
        "liability_order_granted", "summons", "liability_order", guard="hearing_held",
        uses=("hearing_min_days", "liability_order_costs_pence"),
        reason="{balance} of sum and costs unpaid at the hearing on {hearing_on} (summons served {served_on}); liability "
               "order made with {liability_order_costs} costs. Routes the facts allow: {routes}.",
    ),
    *court_outcome_transitions(),
    # Remedies after the liability order: the council's policy, or an officer's choice.
    _policy("policy_attach_earnings", "attachment_of_earnings", "an attachment of earnings"),
    _policy("policy_benefit_deductions", "benefit_deductions", "deductions from benefit"),
    _policy("policy_enforcement_agent", "enforcement_agent", "referral to an enforcement agent"),
    Transition(
        "attach_earnings", "liability_order", "attachment_of_earnings", kind="action", fields=("employer", "debtor"),
        optional_fields=("net_earnings", "pay_period"),
        reason="Serve an attachment of earnings order on the liable person's employer (reg 37).",
    ),
    Transition(
        "apply_benefit_deductions", "liability_order", "benefit_deductions", kind="action", fields=("benefit", "debtor"),
        optional_fields=("standard_allowance",),
        uses=("qualifying_benefits",),
        reason="Apply to the DWP for deductions from the liable person's qualifying benefit (SI 1993/494).",
    ),
    Transition(
        "refer_enforcement_agent", "liability_order", "enforcement_agent", kind="action", fields=("agent",),
        reason="Refer the liability order to an enforcement agent (reg 45; adds the compliance fee).",
    ),
    Transition(
        "apply_charging_order", "liability_order", "charging_order", kind="action", fields=("property", "debtor"),
        uses=("charging_order_min_pence",),
        reason="Apply to the county court for a charging order on the dwelling (reg 50; at least the charging-order "
               "threshold outstanding).",
    ),
    Transition(
        "petition_bankruptcy", "liability_order", "bankruptcy", kind="action", fields=("court", "debtor"),
        uses=("bankruptcy_min_pence",),
        reason="Petition for the liable person's bankruptcy (reg 49; at least the bankruptcy threshold owed).",
    ),
    *enforcement_agent_transitions("liability_order"),
    _no_goods("ea_no_goods", "enforcement_agent"),
    _no_goods("ea_no_goods_after_visit", "ea_enforcement"),
    _no_goods("ea_no_goods_after_sale", "ea_sale"),
    Transition(
        "apply_committal", "insufficient_goods", "committal", kind="action", fields=("debtor",),
        reason="Apply for a commitment summons against an individual after the agent reported insufficient goods (reg 47).",
    ),
    Transition(
        "committal_order_made", "committal", "committal_order", kind="action", fields=("order_date",),
        reason="Record the committal order; the debt is then to be written off.",
    ),
    remedy_ended("aeo_ended", "attachment_of_earnings", "the attachment of earnings"),
    remedy_ended("deductions_ended", "benefit_deductions", "the benefit deductions"),
    remedy_ended("no_goods_next_remedy", "insufficient_goods", "the enforcement agent's work"),
    remedy_ended("charging_order_ended", "charging_order", "the charging order application"),
    remedy_ended("bankruptcy_ended", "bankruptcy", "the bankruptcy petition"),
    remedy_ended("committal_refused", "committal", "the committal application without a committal order"),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the balance (a debt subject to a committal order is written off; needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
