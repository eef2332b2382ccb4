"""The sundry ladder as data (DOMAIN §3.2): notices, pre-action letters, officer routes, court, limitation.

Invoice, reminder and final notice follow the profile's days. When the last
notice runs out the pre-action letter goes: a Letter of Claim under the
Pre-Action Protocol for Debt Claims to an individual or sole trader, a letter
before claim to a company (with Late Payment Act charges when the profile
turns them on); without pre-action letters the case waits at further recovery.
When the letter's time is up the case comes to officer review, where an officer
chooses a route: visiting officer, collection agent, county court claim (then
judgment and enforcement), service suspension. A case left without further
action for the profile's limit comes to officer review; a debt past the
limitation period goes to write-off review and is pursued no further.
"""

from arrears import ANY, Ladder, Stage, Transition

STAGES = (
    Stage("invoice", "Invoice issued", description="Payable within the profile's payment terms (Rotherham 21 days, Reading 30)."),
    Stage("reminder", "Reminder issued", description="Issued after the due date; gives the profile's reminder days to pay."),
    Stage("final_notice", "Final notice issued", description="The last notice before further recovery."),
    Stage("further_recovery", "Referred for further recovery",
          description="Profiles without automatic pre-action letters: an officer chooses the next route."),
    Stage("letter_of_claim", "Letter of Claim sent",
          description="Individual or sole trader: Pre-Action Protocol for Debt Claims, 30 days to reply."),
    Stage("advice_hold", "Claim held: debtor getting debt advice",
          description="No claim for the profile's advice_hold_days from the reply (Pre-Action Protocol)."),
    Stage("letter_before_claim", "Letter before claim sent",
          description="Business debtor; Late Payment Act compensation and interest when the profile charges them."),
    Stage("officer_review", "Officer review: choose the next route",
          description="Pre-action time up, an action limit reached or a route ended; an officer decides.", officer_decides=True),
    Stage("visiting_officer", "With a visiting officer", description="To collect the debt or agree instalments."),
    Stage("with_agent", "With a collection agent"),
    Stage("service_suspended", "Service suspended until paid",
          description="The council has suspended the service (profiles with service_suspension)."),
    Stage("acknowledged", "Debt acknowledged in writing",
          description="The limitation period restarts from the acknowledgement (Limitation Act 1980 ss29-30)."),
    Stage("claim_issued", "County court claim issued", description="Issue fee added; the defendant has 14 days from service."),
    Stage("judgment", "Judgment entered (CCJ)", description="An officer chooses how to enforce it."),
    Stage("enforcement", "Enforcing the judgment"),
    Stage("write_off_review", "Time-barred: write-off review",
          description="Past the six-year limitation period: not pursued further (Limitation Act 1980 s5).", officer_decides=True),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)

_DUE = "{balance} unpaid after the {notice}"
_REVIEW = " A county court claim may now be issued (until {limitation_end}); an officer chooses the route."


def _after_notice(source: str) -> tuple[Transition, ...]:
    """What follows the last notice (the final notice, or the reminder when the profile sends no final notice)."""
    return (
        Transition(
            f"letter_of_claim_after_{source}", source, "letter_of_claim", guard="letter_of_claim_due",
            when="pre_action_letters", uses=("letter_of_claim_reply_days",),
            reason=_DUE + "; Letter of Claim sent to the {debtor_kind} under the Pre-Action Protocol for Debt Claims, with "
                   "statement of account, information sheet, reply form and financial statement: reply by {reply_by} "
                   "({letter_of_claim_reply_days} days).",
        ),
        Transition(
            f"letter_before_claim_after_{source}", source, "letter_before_claim", guard="letter_before_claim_due",
            when="pre_action_letters", uses=("letter_before_claim_days",),
            reason=_DUE + "; letter before claim sent to the business: pay by {pay_by} ({letter_before_claim_days} "
                   "days).{late_payment}",
        ),
        Transition(
            f"refer_after_{source}", source, "further_recovery", guard="further_recovery_due",
            reason=_DUE + "; referred for further recovery: an officer chooses the route.",
        ),
    )


def _route(rule: str, source: str, target: str, fields: tuple[str, ...], reason: str) -> Transition:
    return Transition(rule, source, target, kind="action", fields=fields, reason=reason)


TRANSITIONS = (
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received.{service_note}"),
    Transition(
        "limitation_expired", ANY, "write_off_review", guard="time_barred", uses=("limitation_years",),
        reason="Time-barred: {balance} unpaid; the right to claim accrued on {accrued_on}{restarted}, so the last day to "
               "issue a claim was {limitation_end} ({limitation_years} years, Limitation Act 1980 s5). Flagged for "
               "write-off review; not pursued further.",
    ),
    # The notices (DOMAIN §3.1, §3.2 stages 1-3; WE-26).
    Transition(
        "reminder_after_terms", "invoice", "reminder", guard="unpaid_after_terms", uses=("payment_terms_days", "reminder_days"),
        reason="{balance} unpaid after the {payment_terms_days}-day payment terms; reminder issued. Due {due_on}; pay by "
               "{pay_by} ({reminder_days} days).",
    ),
    Transition(
        "final_notice_after_reminder", "reminder", "final_notice", guard="unpaid_after_reminder", when="final_notice",
        uses=("reminder_days", "final_notice_days"),
        reason="{balance} unpaid {reminder_days} days after the reminder of {notice_on}; final notice issued, pay by "
               "{pay_by} ({final_notice_days} days).",
    ),
    *_after_notice("final_notice"),
    *_after_notice("reminder"),
    # The pre-action letters' time (DOMAIN §3.2 stages 4, 4b).
    Transition(
        "letter_of_claim_unanswered", "letter_of_claim", "officer_review", guard="letter_of_claim_expired",
        uses=("letter_of_claim_reply_days",),
        reason="No payment or agreement within {letter_of_claim_reply_days} days of the Letter of Claim of {letter_on} "
               "({balance} unpaid)." + _REVIEW,
    ),
    Transition(
        "advice_hold_ended", "advice_hold", "officer_review", guard="advice_hold_over", uses=("advice_hold_days",),
        reason="The claim was held from {advice_on} while the debtor got debt advice ({advice_hold_days} days); the hold "
               "ended on {hold_end} with {balance} unpaid." + _REVIEW,
    ),
    Transition(
        "letter_before_claim_unanswered", "letter_before_claim", "officer_review", guard="letter_before_claim_expired",
        uses=("letter_before_claim_days",),
        reason="No payment within {letter_before_claim_days} days of the letter before claim of {letter_on} "
               "({balance} unpaid)." + _REVIEW,
    ),
    Transition(
        "acknowledgement_recorded", "acknowledged", "officer_review", guard="acknowledgement_taken",
        uses=("limitation_years",),
        reason="Written acknowledgement of the debt on {acknowledged_on}: the limitation period {restart}; a claim may be "
               "issued until {limitation_end} (Limitation Act 1980 ss29-30). Back to officer review.",
    ),
    Transition(
        "action_limit_reached", ANY, "officer_review", guard="idle_too_long", uses=("action_limit_months",),
        reason="{balance} unpaid and no further action for {action_limit_months} months {idle_what}: referred for "
               "officer review.",
    ),
    # Officer routes (Rotherham seed §6; DOMAIN §3.2 stages 4-7).
    _route("refer_collection_agent", "further_recovery", "with_agent", ("agent",), "Refer the debt to a collection agent."),
    _route("agent_returned", "with_agent", "officer_review", ("outcome",),
           "Record the agent's return of the debt; an officer chooses the next route."),
    _route("debtor_taking_advice", "letter_of_claim", "advice_hold", ("adviser",),
           "Record the debtor's reply that they are getting debt advice: no claim for the profile's advice_hold_days "
           "from today (Pre-Action Protocol for Debt Claims)."),
    _route("send_letter_of_claim", "officer_review", "letter_of_claim", (),
           "Send a Letter of Claim under the Pre-Action Protocol for Debt Claims (individuals and sole traders; 30 days "
           "to reply; Late Payment Act charges for sole traders when the profile charges them)."),
    _route("send_letter_before_claim", "officer_review", "letter_before_claim", (),
           "Send a letter before claim to a business debtor (adds Late Payment Act compensation and interest when the "
           "profile charges them)."),
    _route("send_visiting_officer", "officer_review", "visiting_officer", ("visiting_officer",),
           "Send a visiting officer to collect the debt or negotiate instalments."),
    _route("visit_returned", "visiting_officer", "officer_review", ("outcome",),
           "Record the visiting officer's outcome; an officer chooses the next route."),
    _route("refer_collection_agent_after_review", "officer_review", "with_agent", ("agent",),
           "Refer the debt to a collection agent."),
    _route("suspend_service", "officer_review", "service_suspended", ("service",),
           "Suspend the service until the debt is paid (profiles with service_suspension)."),
    _route("suspension_ended", "service_suspended", "officer_review", ("outcome",),
           "End the service suspension; an officer chooses the next route."),
    _route("record_acknowledgement", "officer_review", "acknowledged", ("document",),
           "Record the debtor's signed written acknowledgement of the debt, dated today: the limitation period "
           "restarts (Limitation Act 1980 ss29-30)."),
    _route("issue_county_court_claim", "officer_review", "claim_issued", ("court",),
           "Issue a county court money claim (adds the issue fee for the claim's value from the profile's dated fee "
           "table, and Late Payment Act interest since it was last charged when the profile charges it)."),
    _route("record_judgment", "claim_issued", "judgment", ("judgment_date", "kind"),
           "Record the county court judgment (kind: default, admission or hearing)."),
    _route("claim_ended", "claim_issued", "officer_review", ("outcome",),
           "Record that the claim ended without judgment (settled, struck out, discontinued); an officer chooses the "
           "next route."),
    _route("enforce_judgment", "judgment", "enforcement", ("method",),
           "Enforce the judgment (method: warrant_of_control, high_court_writ, attachment_of_earnings, charging_order, "
           "third_party_debt_order, order_to_obtain_information, bankruptcy or winding_up)."),
    _route("enforcement_returned", "enforcement", "judgment", ("outcome",),
           "Record the outcome of the enforcement; choose another method."),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the balance (needs the authority the council's delegations require).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
