"""The Housing Benefit overpayment ladder as data (DOMAIN §4.2; HB Regs 2006 Part 13).

An overpayment caused by official error the claimant could not reasonably have
realised is not recoverable (reg 100(2)): it closes at once in
``not_recoverable``. Otherwise, once the one-month appeal window after the
notice has passed, recovery starts by the first method in the council's order
the facts allow: deduction from ongoing HB, recovery from the landlord, or an
invoice (7 days, then a final notice with 7 more). Any other method (DWP
deduction, DEA, rent account, agent, court) is chosen by an officer at
``recovery_review``, where the decision lists the methods the facts allow. An
appeal holds recovery until decided.
"""

from arrears import ANY, STAY, Ladder, Stage, Transition

STAGES = (
    Stage("overpayment_notice", "Overpayment notice issued",
          description="Decision, amount and method notified; one-month appeal window running (DOMAIN §4.1)."),
    Stage("appeal", "Appeal lodged", description="Recovery held until the appeal is decided."),
    Stage("recovery_review", "Recovery method to be chosen",
          description="An officer chooses the next method; the decision lists those the facts allow.", officer_decides=True),
    Stage("ongoing_hb_deduction", "Deducting from ongoing HB",
          description="Weekly deduction within the reg 102 maximum (DOMAIN §4.1, WE-20)."),
    Stage("invoice", "Invoice issued", description="Debtor not on HB, or a balance is left (Rotherham: 7 days)."),
    Stage("final_notice", "Final notice issued", description="Invoice unpaid (Rotherham: +7 days)."),
    Stage("dwp_deduction", "DWP benefit deduction",
          description="Deduction from another prescribed benefit (reg 105; SI 2013/384; WE-22)."),
    Stage("direct_earnings_attachment", "Direct Earnings Attachment",
          description="Employer deducts by the DEA table, 40% at most; no court order (SI 2013/384 Part 6)."),
    Stage("landlord_recovery", "Recovery from landlord or other council",
          description="HB was paid to the landlord, or another council pays HB (regs 101, 106)."),
    Stage("rent_account_transfer", "Transfer to council rent account",
          description="The balance is moved to the tenant's council rent account (Rotherham seed)."),
    Stage("collection_agent", "With a visiting officer or collection agent",
          description="Other routes failed (DOMAIN §4.2 stage 8)."),
    Stage("county_court", "County court claim",
          description="Civil debt claim with the issue fee; within 6 years of the notice (DOMAIN §4.1, §7.4)."),
    Stage("not_recoverable", "Not recoverable: official error", terminal=True,
          description="Official error the claimant could not reasonably have realised (reg 100(2); DOMAIN §4.1, §9)."),
    Stage("cancelled", "Overpayment cancelled", terminal=True, description="Decision overturned on appeal: nothing recoverable."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)

_WINDOW = "No appeal within the {appeal_window_months}-month window ending {window_end}"
_AFTER_FN = "{balance} unpaid {final_notice_days} days after the final notice (pay by {pay_by})"


def _start(rule: str, source: str, target: str, guard: str, lead: str, uses: tuple[str, ...], then: str) -> Transition:
    return Transition(rule, source, target, guard=guard, uses=uses,
                      reason=f"{lead}; next method in the council's order: {{method}} ({{method_fact}}). {then}")


_HB = "Deductions from ongoing HB at up to {deduction_rule}."
_LANDLORD = "{balance} to be recovered from the landlord (reg 101)."
_REVIEW = "An officer chooses the method; the facts allow: {methods}."
_NOTICE_USES = ("appeal_window_months", "recovery_order")
_FN_USES = ("final_notice_days", "recovery_order")

TRANSITIONS = (
    Transition(
        "official_error", "overpayment_notice", "not_recoverable", guard="official_error",
        reason="Overpayment of {amount} for {period_start} to {period_end} was caused by official error the claimant or "
               "payee could not reasonably have realised: not recoverable (HB Regs 2006 reg 100(2)); nothing is owed.",
    ),
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # After the notice and its appeal window: the first method the facts allow (DOMAIN §4.2 stages 1-3).
    _start("hb_deduction_after_notice", "overpayment_notice", "ongoing_hb_deduction", "notice_to_ongoing_hb",
           _WINDOW, _NOTICE_USES, _HB),
    _start("landlord_after_notice", "overpayment_notice", "landlord_recovery", "notice_to_landlord",
           _WINDOW, _NOTICE_USES, _LANDLORD),
    _start("invoice_after_notice", "overpayment_notice", "invoice", "notice_to_invoice", _WINDOW,
           ("appeal_window_months", "recovery_order", "invoice_days"),
           "Invoice issued for {balance}, pay by {pay_by} ({invoice_days} days)."),
    _start("review_after_notice", "overpayment_notice", "recovery_review", "notice_to_review", _WINDOW,
           _NOTICE_USES, _REVIEW),
    # Invoice and final notice (Rotherham: 7 + 7 days).
    Transition(
        "final_notice", "invoice", "final_notice", guard="invoice_unpaid", uses=("invoice_days", "final_notice_days"),
        reason="{balance} unpaid {invoice_days} days after the invoice of {invoice_on} (pay by {invoice_pay_by}); final "
               "notice issued, pay by {pay_by} ({final_notice_days} days).",
    ),
    _start("hb_deduction_after_final_notice", "final_notice", "ongoing_hb_deduction", "final_notice_to_ongoing_hb",
           _AFTER_FN, _FN_USES, _HB),
    _start("landlord_after_final_notice", "final_notice", "landlord_recovery", "final_notice_to_landlord",
           _AFTER_FN, _FN_USES, _LANDLORD),
    _start("review_after_final_notice", "final_notice", "recovery_review", "final_notice_to_review", _AFTER_FN,
           _FN_USES, _REVIEW),
    # Deductions that stop (DOMAIN §4.2 stage 3: invoice when a balance is left).
    Transition(
        "hb_deductions_stopped", "ongoing_hb_deduction", "invoice", guard="hb_deductions_stopped",
        uses=("hb_deduction_lapse_days", "invoice_days"),
        reason="No deduction from HB received for {hb_deduction_lapse_days} days (last {last_received}); {balance} "
               "left is invoiced, pay by {pay_by} ({invoice_days} days).",
    ),
    Transition(
        "dwp_deductions_stopped", "dwp_deduction", "recovery_review", guard="attachment_stopped",
        uses=("attachment_lapse_days",),
        reason="No DWP deduction received for {attachment_lapse_days} days (last {last_received}); {balance} left. "
               + _REVIEW,
    ),
    Transition(
        "dea_stopped", "direct_earnings_attachment", "recovery_review", guard="attachment_stopped",
        uses=("attachment_lapse_days",),
        reason="No DEA payment from the employer for {attachment_lapse_days} days (last {last_received}); {balance} "
               "left. " + _REVIEW,
    ),
    # Appeals.
    Transition("appeal_lodged", "overpayment_notice", "appeal", kind="action", fields=("lodged_on",),
               reason="Record an appeal against the overpayment decision; recovery is held."),
    Transition("appeal_allowed", "appeal", "cancelled", kind="action", fields=("decision",),
               reason="Record that the appeal overturned the decision: nothing is recoverable and the balance is cancelled."),
    Transition("appeal_decided", "appeal", "recovery_review", kind="action", fields=("decision", "recoverable_amount"),
               reason="Record that the appeal was dismissed or the amount revised; recovery resumes."),
    # Methods an officer chooses (DOMAIN §4.2 stages 2-9); check_action refuses what the facts do not allow.
    Transition("deduct_from_hb", "recovery_review", "ongoing_hb_deduction", kind="action", fields=("earnings_disregard",),
               reason="Deduct from the debtor's ongoing HB, within the weekly maximum (reg 102)."),
    Transition("issue_invoice", "recovery_review", "invoice", kind="action",
               reason="Invoice the debtor for the balance."),
    Transition("request_dwp_deduction", "recovery_review", "dwp_deduction", kind="action",
               fields=("benefit", "has_earnings"),
               reason="Ask the DWP to deduct from another benefit the debtor gets (reg 105; SI 2013/384)."),
    Transition("start_dea", "recovery_review", "direct_earnings_attachment", kind="action",
               fields=("employer", "net_earnings", "pay_period"),
               reason="Serve a Direct Earnings Attachment on the debtor's employer (SI 2013/384 Part 6)."),
    Transition("recover_from_landlord", "recovery_review", "landlord_recovery", kind="action", fields=("landlord",),
               reason="Recover from the landlord HB was paid to (reg 101)."),
    Transition("ask_other_council", "recovery_review", "landlord_recovery", kind="action", fields=("council",),
               reason="Ask the council now paying the debtor's HB to recover from it (reg 106)."),
    Transition("transfer_to_rent_account", "recovery_review", "rent_account_transfer", kind="action",
               fields=("rent_account",), reason="Move the balance to the debtor's council rent account."),
    Transition("refer_collection_agent", "recovery_review", "collection_agent", kind="action", fields=("agent",),
               reason="Refer to a visiting officer or collection agent."),
    Transition("start_county_claim", "recovery_review", "county_court", kind="action", fields=("claim_number",),
               reason="Issue a county court money claim (within the limitation period; the issue fee is added)."),
    Transition("agree_hardship_rate", "ongoing_hb_deduction", STAY, kind="action", fields=("weekly_amount", "evidence"),
               reason="Agree a lower weekly deduction from HB on evidence of hardship."),
    *(
        Transition(rule, stage, "recovery_review", kind="action", fields=("outcome",),
                   reason="Record that this recovery method has ended; choose another.")
        for rule, stage in (
            ("hb_deduction_ended", "ongoing_hb_deduction"), ("dwp_deduction_ended", "dwp_deduction"),
            ("dea_ended", "direct_earnings_attachment"), ("landlord_recovery_ended", "landlord_recovery"),
            ("rent_transfer_ended", "rent_account_transfer"), ("agent_returned", "collection_agent"),
            ("county_claim_ended", "county_court"), ("invoice_recalled", "invoice"),
            ("final_notice_recalled", "final_notice"),
        )
    ),
    Transition("write_off", ANY, "written_off", kind="action", fields=("reason",),
               reason="Write off the balance (needs the council's delegated authority)."),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
