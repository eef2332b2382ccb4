"""The council tax ladder as data (DOMAIN §1.2; CT Regs SI 1992/613).

A demand in good standing is the ``demand`` stage: the first and second
defaults send a reminder (reg 23(1)); a reminder complied with returns the case
to ``demand``; a reminder not complied with, or a third default, loses the
right to instalments (reg 23(3)-(4)). Sums due outside an instalment scheme go
by final notice (reg 33). After the liability order an officer chooses the
remedy; each remedy can hand the case back to ``liability_order``.
"""

from arrears import ANY, Ladder, Stage, Transition

STAGES = (
    Stage("demand", "Demand notice issued", description="Billed; instalments payable and up to date (reg 18, Sch 1)."),
    Stage("reminder_1", "First reminder issued",
          description="7 days beginning with the issue day to pay the arrears (reg 23(1), (3))."),
    Stage("reminder_2", "Second reminder issued",
          description="Second default in the year; warns of the third-default rule (reg 23(1)(iv))."),
    Stage("instalments_lost", "Instalments lost", description="The whole balance for the year is payable (reg 23(3)-(4))."),
    Stage("final_notice", "Final notice issued",
          description="No reg 23 reminder applies; 7 days to pay before a summons (regs 33, 34(1))."),
    Stage("summons", "Summons issued", description="Complaint to the magistrates with summons costs (reg 34)."),
    Stage("liability_order", "Liability order granted", description="An officer chooses the remedy (regs 36-50)."),
    Stage("attachment_of_earnings", "Attachment of earnings order",
          description="Employer deducts by the Sch 4 tables (DOMAIN §1.3)."),
    Stage("benefit_deductions", "Deductions from benefits", description="Council applies to the DWP (SI 1993/494)."),
    Stage("enforcement_agent", "With enforcement agent: compliance stage",
          description="Notice of enforcement; compliance fee (DOMAIN §7.1)."),
    Stage("ea_enforcement", "Enforcement agent: enforcement stage",
          description="First attendance at the premises; enforcement fee."),
    Stage("ea_sale", "Enforcement agent: sale stage", description="Goods removed or sale prepared; sale fee."),
    Stage("charging_order", "Charging order applied for",
          description="Debtor owns an interest in the dwelling; at least £1,000 outstanding (reg 50)."),
    Stage("bankruptcy", "Bankruptcy petition",
          description="Individual; petition debt at least £5,000 (reg 49; IA 1986 s267(4))."),
    Stage("committal", "Committal proceedings", description="Means enquiry; wilful refusal or culpable neglect only (reg 47)."),
    Stage("withdrawn", "Summons withdrawn", terminal=True, description="Paid with costs before the hearing (reg 34(5))."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)


def _returns(rule: str, source: str, what: str) -> Transition:
    """An officer hands a case back from a remedy so another can be chosen."""
    return Transition(
        rule, source, "liability_order", kind="action", fields=("outcome",),
        reason=f"Record that {what} has ended and choose another remedy.",
    )


TRANSITIONS = (
    Transition(
        "summons_withdrawn", "summons", "withdrawn", guard="paid_before_hearing",
        reason="Sum and costs paid before the hearing; summons withdrawn (reg 34(5)).",
    ),
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # Reminders and loss of instalments (reg 23).
    Transition(
        "first_reminder", "demand", "reminder_1", guard="first_default",
        uses=("reminder_days",),
        reason="Instalment missed; first reminder issued for {balance}, {reminder_days} days to pay.",
    ),
    Transition(
        "second_reminder", "demand", "reminder_2", guard="second_default",
        uses=("reminder_days",),
        reason="Second instalment default this year; second reminder issued, {reminder_days} days to pay.",
    ),
    Transition(
        "third_default", "demand", "instalments_lost", guard="third_default",
        reason="Third default after a complied-with second reminder; whole balance {balance} payable from {due_from} (reg 23(4)).",
    ),
    Transition(
        "final_notice", "demand", "final_notice", guard="unpaid_outside_instalments",
        uses=("final_notice_days",),
        reason="{balance} unpaid with no instalment scheme; final notice issued, {final_notice_days} days to pay (reg 33).",
    ),
    Transition(
        "reminder_1_complied", "reminder_1", "demand", guard="reminder_complied",
        uses=("reminder_days",),
        reason="Arrears paid within {reminder_days} days of the first reminder; instalments continue.",
    ),
    Transition(
        "reminder_1_not_complied", "reminder_1", "instalments_lost", guard="reminder_not_complied",
        uses=("reminder_days", "loss_of_instalments_offset_days"),
        reason="First reminder not complied with; {balance} payable {loss_of_instalments_offset_days} days after the "
               "reminder (reg 23(3)).",
    ),
    Transition(
        "reminder_2_complied", "reminder_2", "demand", guard="reminder_complied",
        uses=("reminder_days",),
        reason="Arrears paid within {reminder_days} days of the second reminder; a further default loses instalments.",
    ),
    Transition(
        "reminder_2_not_complied", "reminder_2", "instalments_lost", guard="reminder_not_complied",
        uses=("reminder_days", "loss_of_instalments_offset_days"),
        reason="Second reminder not complied with; {balance} payable {loss_of_instalments_offset_days} days after the "
               "reminder (reg 23(3)).",
    ),
    # Summons and liability order (regs 34-35).
    Transition(
        "summons_after_loss", "instalments_lost", "summons", guard="balance_unpaid_when_due",
        uses=("summons_costs_pence",),
        reason="{balance} unpaid after it fell due; summons issued with {summons_costs} costs.",
    ),
    Transition(
        "summons_after_final_notice", "final_notice", "summons", guard="final_notice_unpaid",
        uses=("final_notice_days", "summons_costs_pence"),
        reason="{balance} unpaid {final_notice_days} days after the final notice; summons issued with {summons_costs} costs.",
    ),
    Transition(
        "liability_order_granted", "summons", "liability_order", kind="action", fields=("hearing_date",),
        uses=("hearing_min_days", "liability_order_costs_pence"),
        reason="Record the liability order made at the hearing (at least 14 days after service of the summons, reg 35(2A)).",
    ),
    # Remedies after the liability order: an officer's choice.
    Transition(
        "attach_earnings", "liability_order", "attachment_of_earnings", kind="action", fields=("employer",),
        reason="Serve an attachment of earnings order on the debtor's employer (reg 37).",
    ),
    Transition(
        "apply_benefit_deductions", "liability_order", "benefit_deductions", kind="action", fields=("benefit",),
        reason="Apply to the DWP for deductions from the debtor's benefit.",
    ),
    Transition(
        "refer_enforcement_agent", "liability_order", "enforcement_agent", kind="action", fields=("agent",),
        reason="Refer the liability order to an enforcement agent (reg 45).",
    ),
    Transition(
        "apply_charging_order", "liability_order", "charging_order", kind="action", fields=("property",),
        uses=("charging_order_min_pence",),
        reason="Apply to the county court for a charging order on the dwelling (reg 50; at least the charging-order "
               "threshold outstanding).",
    ),
    Transition(
        "petition_bankruptcy", "liability_order", "bankruptcy", kind="action", fields=("court",),
        uses=("bankruptcy_min_pence",),
        reason="Petition for the debtor's bankruptcy (reg 49; at least the bankruptcy threshold owed).",
    ),
    Transition(
        "apply_committal", "liability_order", "committal", kind="action", fields=("ea_return_date",),
        reason="Apply for a commitment summons after the enforcement agent reported insufficient goods (reg 47).",
    ),
    Transition(
        "ea_enforcement_stage", "enforcement_agent", "ea_enforcement", kind="action", fields=("visit_date",),
        reason="Record the agent's first attendance at the premises (enforcement stage).",
    ),
    Transition(
        "ea_sale_stage", "ea_enforcement", "ea_sale", kind="action", fields=("removal_date",),
        reason="Record the agent's removal of goods or start of sale preparation (sale stage).",
    ),
    _returns("aeo_ended", "attachment_of_earnings", "the attachment of earnings"),
    _returns("deductions_ended", "benefit_deductions", "the benefit deductions"),
    _returns("ea_returned", "enforcement_agent", "the enforcement agent's work at compliance stage"),
    _returns("ea_returned_after_visit", "ea_enforcement", "the enforcement agent's work at enforcement stage"),
    _returns("ea_returned_after_sale", "ea_sale", "the enforcement agent's work at sale stage"),
    _returns("charging_order_ended", "charging_order", "the charging order application"),
    _returns("bankruptcy_ended", "bankruptcy", "the bankruptcy petition"),
    _returns("committal_refused", "committal", "the committal application without a committal order"),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the balance (a debt subject to a committal order is written off; needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
