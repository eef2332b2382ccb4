"""The Housing Benefit overpayment ladder as data (DOMAIN §4.2; HB Regs 2006 Part 13).

After the overpayment notice and its appeal window, recovery starts by
deduction from ongoing HB where the debtor still gets it (Rutland: always
first; the profile's ``recover_from_hb_first``), otherwise by invoice and final
notice. When a method ends, the case goes to ``recovery_review``, where an
officer chooses the next one. An appeal holds recovery until decided.
"""

from arrears import ANY, Ladder, Stage, Transition

STAGES = (
    Stage("overpayment_notice", "Overpayment notice issued",
          description="Decision, amount and method notified; appeal window running (DOMAIN §4.1)."),
    Stage("appeal", "Appeal lodged", description="Recovery held until the appeal is decided."),
    Stage("recovery_review", "Recovery method to be chosen", description="An officer chooses the next recovery method."),
    Stage("ongoing_hb_deduction", "Deducting from ongoing HB", description="Weekly deduction within the reg 102 maximum."),
    Stage("invoice", "Invoice issued", description="Debtor not on HB, or a balance is left (Rotherham: 7 days)."),
    Stage("final_notice", "Final notice issued", description="Invoice unpaid (Rotherham: +7 days)."),
    Stage("dwp_deduction", "DWP benefit deduction",
          description="Deduction from another prescribed benefit (reg 105; SI 2013/384)."),
    Stage("direct_earnings_attachment", "Direct Earnings Attachment",
          description="Employer deducts by the DEA table; no court order (SI 2013/384 Part 6)."),
    Stage("landlord_recovery", "Recovery from landlord or other council",
          description="HB was paid to the landlord, or another council pays HB (regs 101, 106)."),
    Stage("rent_account_transfer", "Transfer to council rent account",
          description="The balance is moved to the tenant's council rent account."),
    Stage("collection_agent", "With a visiting officer or collection agent",
          description="Other routes failed (DOMAIN §4.2 stage 8)."),
    Stage("county_court", "County court claim", description="Civil debt claim; 6-year limit (DOMAIN §4.1, §3.2)."),
    Stage("cancelled", "Overpayment cancelled", terminal=True, description="Decision overturned on appeal: nothing recoverable."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)

# Recovery methods an officer may choose at ``recovery_review``: (rule, stage, field, what).
METHODS = (
    ("deduct_from_hb", "ongoing_hb_deduction", "weekly_amount", "Deduct from the debtor's ongoing HB (reg 102)."),
    ("issue_invoice", "invoice", "invoice_number", "Invoice the debtor for the balance."),
    ("request_dwp_deduction", "dwp_deduction", "benefit", "Ask the DWP to deduct from another benefit (reg 105)."),
    ("start_dea", "direct_earnings_attachment", "employer", "Serve a Direct Earnings Attachment on the employer."),
    ("recover_from_landlord", "landlord_recovery", "payee", "Recover from the landlord or another council paying HB (regs 101, 106)."),
    ("transfer_to_rent_account", "rent_account_transfer", "rent_account", "Move the balance to the debtor's council rent account."),
    ("refer_collection_agent", "collection_agent", "agent", "Refer to a visiting officer or collection agent."),
    ("start_county_claim", "county_court", "claim_number", "Issue a county court claim (within 6 years)."),
)

# Methods an officer may end, sending the case back to ``recovery_review``: (rule, stage).
ENDINGS = (
    ("hb_deduction_ended", "ongoing_hb_deduction"),
    ("dwp_deduction_ended", "dwp_deduction"),
    ("dea_ended", "direct_earnings_attachment"),
    ("landlord_recovery_ended", "landlord_recovery"),
    ("rent_transfer_ended", "rent_account_transfer"),
    ("agent_returned", "collection_agent"),
    ("county_claim_ended", "county_court"),
)

TRANSITIONS = (
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    Transition(
        "deduct_after_notice", "overpayment_notice", "ongoing_hb_deduction", guard="appeal_window_passed_on_hb",
        when="recover_from_hb_first", uses=("appeal_window_days",),
        reason="No appeal within {appeal_window_days} days and the debtor still gets HB; deductions start for {balance}.",
    ),
    Transition(
        "invoice_after_notice", "overpayment_notice", "invoice", guard="appeal_window_passed",
        uses=("appeal_window_days", "invoice_days"),
        reason="No appeal within {appeal_window_days} days; invoice issued for {balance}, {invoice_days} days to pay.",
    ),
    Transition(
        "appeal_lodged", "overpayment_notice", "appeal", kind="action", fields=("lodged_on",),
        reason="Record an appeal against the overpayment decision; recovery is held.",
    ),
    Transition(
        "appeal_allowed", "appeal", "cancelled", kind="action", fields=("decision",),
        reason="Record that the appeal overturned the decision: nothing is recoverable.",
    ),
    Transition(
        "appeal_decided", "appeal", "recovery_review", kind="action", fields=("decision",),
        reason="Record that the appeal was dismissed or the amount revised; recovery resumes.",
    ),
    Transition(
        "final_notice", "invoice", "final_notice", guard="invoice_unpaid",
        uses=("invoice_days", "final_notice_days"),
        reason="{balance} unpaid {invoice_days} days after the invoice; final notice issued, {final_notice_days} days to pay.",
    ),
    Transition(
        "final_notice_unpaid", "final_notice", "recovery_review", guard="final_notice_unpaid",
        uses=("final_notice_days",),
        reason="{balance} unpaid {final_notice_days} days after the final notice; another recovery method is needed.",
    ),
    *(
        Transition(rule, "recovery_review", stage, kind="action", fields=(field,), reason=what)
        for rule, stage, field, what in METHODS
    ),
    *(
        Transition(
            rule, stage, "recovery_review", kind="action", fields=("outcome",),
            reason="Record that this recovery method has ended; choose another.",
        )
        for rule, stage in ENDINGS
    ),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the balance (needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
