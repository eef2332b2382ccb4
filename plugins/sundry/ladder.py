"""The sundry ladder: invoice, reminder, final notice, further recovery (DOMAIN §3.2)."""

from arrears import ANY, Ladder, Stage, Transition

LADDER = Ladder(
    stages=(
        Stage("invoice", "Invoice issued"),
        Stage("reminder", "Reminder issued"),
        Stage("final_notice", "Final notice issued"),
        Stage("further_recovery", "Referred for further recovery", description="An officer chooses the next route."),
        Stage("with_agent", "With a collection agent"),
        Stage("paid", "Paid in full", terminal=True),
        Stage("written_off", "Written off", terminal=True),
    ),
    transitions=(
        Transition(
            "cleared", ANY, "paid", guard="cleared",
            reason="Nothing left to pay: {paid} received.",
        ),
        Transition(
            "reminder_after_terms", "invoice", "reminder", guard="unpaid_after_terms",
            uses=("payment_terms_days",),
            reason="{balance} unpaid after the {payment_terms_days}-day payment terms; reminder issued.",
        ),
        Transition(
            "final_notice_after_reminder", "reminder", "final_notice", guard="unpaid_after_reminder",
            uses=("reminder_days",),
            reason="{balance} unpaid {reminder_days} days after the reminder; final notice issued.",
        ),
        Transition(
            "refer_after_final_notice", "final_notice", "further_recovery", guard="unpaid_after_final_notice",
            uses=("final_notice_days",),
            reason="{balance} unpaid {final_notice_days} days after the final notice; referred for further recovery.",
        ),
        Transition(
            "refer_collection_agent", "further_recovery", "with_agent", kind="action", fields=("agent",),
            reason="Refer the debt to a collection agent.",
        ),
        Transition(
            "agent_returned", "with_agent", "further_recovery", kind="action", fields=("outcome",),
            reason="Record the agent's return of the debt.",
        ),
        Transition(
            "write_off", ANY, "written_off", kind="action", fields=("reason",),
            reason="Write off the balance (needs the authority the council's delegations require).",
        ),
    ),
)
