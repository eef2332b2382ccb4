"""The business rates ladder as data (DOMAIN §2.2; NNDR Regs SI 1989/1058).

One statutory reminder per year (reg 8): complied with, the case returns to
``demand``; not complied with, or a later instalment missed, the instalments
are lost. A second reminder is council practice, switched on by the profile's
``second_reminder``. A final notice precedes the summons; the liability
order is made on the hearing day when the sum and costs are unpaid (an
officer records an adjournment or a refusal instead). After it there is no
attachment of earnings, benefit deduction or charging order: the enforcement
agent, then committal (individuals), bankruptcy (individuals) or winding-up
(companies), each an officer's choice.
"""

from arrears import (
    ANY, Ladder, Stage, Transition, court_outcome_transitions, enforcement_agent_stages, enforcement_agent_transitions,
    out_of_time_stage, out_of_time_transitions, reminder_outcome_transitions, remedy_ended,
    summons_withdrawal_transitions,
)

STAGES = (
    Stage("demand", "Demand notice issued", description="Billed; instalments payable and up to date (regs 4-7, Sch 1)."),
    Stage("reminder", "Reminder issued", description="7 days beginning with the day of service to pay (reg 8(2)(a))."),
    Stage("second_reminder", "Second reminder issued",
          description="Council practice, when the profile switches it on (DOMAIN §2.2 stage 3a)."),
    Stage("instalments_lost", "Instalments lost", description="The whole balance for the year is payable (reg 8(2)(b))."),
    Stage("final_notice", "Final notice issued", description="Council practice before a summons (DOMAIN §2.2 stage 4)."),
    Stage("summons", "Summons issued",
          description="Complaint to the magistrates with summons costs; hearing at least 14 days after service (regs 11-12)."),
    Stage("adjourned", "Hearing adjourned", description="The court adjourned the hearing; an officer records its outcome.", officer_decides=True),
    Stage("order_refused", "Liability order refused", description="The court refused the order; an officer decides what next.", officer_decides=True),
    Stage("liability_order", "Liability order granted", description="An officer chooses the remedy (regs 14-18).", officer_decides=True),
    *enforcement_agent_stages("Notice of enforcement; compliance fee; no tools-of-trade exemption (reg 14(1A))."),
    Stage("committal", "Committal proceedings", description="Sole traders only, insufficient goods; means enquiry (regs 16-17)."),
    Stage("bankruptcy", "Bankruptcy petition",
          description="Individuals; petition debt at least £5,000 (reg 18; IA 1986 s267(4))."),
    Stage("winding_up", "Winding-up petition", description="Companies; debt over £750 (reg 18; IA 1986 s123)."),
    out_of_time_stage(),
    Stage("withdrawn", "Summons withdrawn", terminal=True, description="Paid with costs before the hearing."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)


_SUMMONS_DATES = "deemed served {served_on}, hearing {hearing_on}."


TRANSITIONS = (
    *summons_withdrawal_transitions(),
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # Reminders and loss of instalments (reg 8).
    Transition(
        "reminder", "demand", "reminder", guard="first_default", uses=("reminder_days",),
        reason="Instalment due {missed_on} not paid: {arrears} in arrears; reminder issued, pay by {pay_by} "
               "({reminder_days} days beginning with today, reg 8(1), (2)(a)).",
    ),
    Transition(
        "second_reminder", "demand", "second_reminder", guard="second_default", when="second_reminder",
        uses=("reminder_days", "second_reminder"),
        reason="Second default this year: instalment due {missed_on} not paid, {arrears} in arrears; second reminder "
               "issued (council practice), pay by {pay_by}; a further default loses the instalments.",
    ),
    Transition(
        "later_default", "demand", "instalments_lost", guard="later_default", uses=("later_default_offset_days",),
        reason="Instalment due {missed_on} missed after the reminder period: instalments lost, whole balance {balance} "
               "payable from {payable_from} (a further 7 days from the failure, reg 8(2)(b)).",
    ),
    *reminder_outcome_transitions("reminder", "the reminder", "instalments continue", "reg 8(2)(b)"),
    *reminder_outcome_transitions("second_reminder", "the second reminder", "a further default loses the instalments",
                                  "reg 8(2)(b)"),
    # Final notice, summons and liability order; never a summons more than six years after the sum fell due.
    *out_of_time_transitions(("instalments_lost", "final_notice"), "NNDR Regs reg 11(3)"),
    Transition(
        "final_notice", "instalments_lost", "final_notice", guard="balance_unpaid_when_due",
        uses=("final_notice_days",),
        reason="{balance} payable since {payable_from} and unpaid; final notice issued, pay by {pay_by} "
               "({final_notice_days} days, council practice).",
    ),
    Transition(
        "summons", "final_notice", "summons", guard="final_notice_unpaid",
        uses=("final_notice_days", "summons_costs_pence", "hearing_min_days"),
        reason="{balance} unpaid {final_notice_days} days after the final notice of {final_notice_on}; summons issued "
               "with {summons_costs} costs, " + _SUMMONS_DATES,
    ),
    Transition(
        "liability_order_granted", "summons", "liability_order", guard="hearing_held",
        uses=("hearing_min_days", "liability_order_costs_pence"),
        reason="{balance} of sum and costs unpaid at the hearing on {hearing_on} (summons served {served_on}); liability "
               "order made with {liability_order_costs} costs (reg 12).",
    ),
    *court_outcome_transitions(),
    Transition(
        "hardship_relief", ANY, "demand", kind="action", fields=("relief_amount", "decision_ref"),
        reason="Record hardship relief (LGFA 1988 s49) as an adjustment and issue an amended demand; recovery restarts from it.",
    ),
    # Remedies after the liability order: an officer's choice.
    Transition(
        "refer_enforcement_agent", "liability_order", "enforcement_agent", kind="action", fields=("agent",),
        reason="Refer the liability order to an enforcement agent (reg 14).",
    ),
    Transition(
        "apply_committal", "liability_order", "committal", kind="action", fields=("ea_return_date",),
        reason="Apply for a commitment summons: sole trader only, after the agent reported insufficient goods (regs 16-17).",
    ),
    Transition(
        "petition_bankruptcy", "liability_order", "bankruptcy", kind="action", fields=("court",),
        uses=("bankruptcy_min_pence",),
        reason="Petition for an individual ratepayer's bankruptcy (reg 18; at least the bankruptcy threshold owed).",
    ),
    Transition(
        "petition_winding_up", "liability_order", "winding_up", kind="action", fields=("court",),
        uses=("winding_up_over_pence",),
        reason="Petition to wind up a company ratepayer (reg 18; debt over the winding-up threshold).",
    ),
    *enforcement_agent_transitions("liability_order"),
    remedy_ended("committal_refused", "committal", "the committal application without a committal order"),
    remedy_ended("bankruptcy_ended", "bankruptcy", "the bankruptcy petition"),
    remedy_ended("winding_up_ended", "winding_up", "the winding-up petition"),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the balance (needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
