"""The Penalty Charge Notice ladder as data (DOMAIN §5.2; SI 2022/71, SI 2022/576, CPR 75).

An on-street PCN unpaid after its payment period is followed by a Notice to
Owner, never later than six months from service; a postal or camera PCN (reg 10)
is itself the formal notice, so it goes straight to the charge certificate.
Paying the discounted charge within the discount period settles the PCN.
Challenges, representations, appeals and witness statements hold the case
until an officer records the decision; representations not decided in time are
taken as accepted. After the charge certificate the debt is registered at the
Traffic Enforcement Centre, then a warrant of control goes to an agent.
"""

from arrears import ANY, Ladder, Stage, Transition, enforcement_agent_stages, enforcement_agent_transitions

STAGES = (
    Stage("pcn_served", "PCN served",
          description="Payment period running; the discounted charge settles it within the discount period (DOMAIN §5.1)."),
    Stage("informal_challenge", "Informal challenge received",
          description="On-street PCN challenged before a Notice to Owner; held, the discount kept, until the decision.", officer_decides=True),
    Stage("notice_to_owner", "Notice to Owner served",
          description="Full charge; 28 days beginning with service to pay or make representations (reg 20)."),
    Stage("representations", "Representations received",
          description="Formal representations held for the council's decision; taken as accepted after 56 days (SI 2022/576).", officer_decides=True),
    Stage("notice_of_rejection", "Notice of rejection served", description="28 days to appeal to the tribunal or pay."),
    Stage("appeal", "Appeal to the Traffic Penalty Tribunal", description="Held for the adjudicator's decision."),
    Stage("appeal_refused", "Appeal refused", description="28 days to pay the charge."),
    Stage("charge_certificate", "Charge certificate served", description="Charge increased by 50% (reg 21)."),
    Stage("tec_registration", "Registered at the TEC; Order for Recovery",
          description="21 days beginning with service to pay or file a witness statement (reg 22; CPR 75)."),
    Stage("witness_statement", "Witness statement filed",
          description="TE9 (or late TE7) held for the council's and the TEC's decision."),
    Stage("warrant_of_control", "Warrant of control", description="Requested from the TEC; to be passed to an enforcement agent.", officer_decides=True),
    Stage("payment_plan", "Payment plan", description="Instalments agreed (only where the profile allows them); held while kept."),
    *enforcement_agent_stages(),
    Stage("cancelled", "Cancelled", terminal=True,
          description="Challenge, representations or appeal accepted; anything paid is to be refunded."),
    Stage("time_barred", "Unenforceable: Notice to Owner out of time", terminal=True,
          description="No Notice to Owner can be sent after six months (reg 20(2)); the balance is cancelled."),
    Stage("paid", "Paid", terminal=True, description="Paid in full, or the discounted charge paid in time."),
    Stage("written_off", "Written off", terminal=True),
)

_CC = ("charge certificate sent, charge increased by {certificate_increase_percent}% ({increase}) to {charge_now}; "
       "deemed served {cc_served_on}, pay by {cc_pay_by} (reg 21).")
_SETTLED = "the discounted charge of {discounted} settles the PCN; {discount} discount applied{refund_note}."


def _held(rule: str, source: str, target: str, fields: tuple[str, ...], reason: str) -> Transition:
    """An officer records a challenge, a decision or a court step."""
    return Transition(rule, source, target, kind="action", fields=fields, reason=reason)


TRANSITIONS = (
    # Paid: the discounted charge in time, or everything.
    Transition(
        "paid_at_discount", "pcn_served", "paid", guard="paid_at_discount",
        uses=("discount_percent",),
        reason="{paid} paid by {paid_on}, within {window}: " + _SETTLED,
    ),
    Transition(
        "paid_at_discount_in_challenge", "informal_challenge", "paid", guard="paid_at_discount_in_challenge",
        uses=("discount_percent",),
        reason="{paid} paid by {paid_on} while the informal challenge made on {challenged_on}, within the discount "
               "period ending {discount_end}, was considered: " + _SETTLED,
    ),
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # Unpaid after the payment period.
    Transition(
        "notice_to_owner", "pcn_served", "notice_to_owner", guard="on_street_unpaid",
        uses=("payment_days", "notice_to_owner_grace_days", "postal_service_working_days"),
        reason="On-street PCN served {served_on}: {balance} unpaid {after}; Notice to Owner sent, deemed served "
               "{nto_served_on}; pay or make representations by {nto_pay_by} (reg 20; no Notice to Owner after {nto_latest}).",
    ),
    Transition(
        "notice_to_owner_out_of_time", "pcn_served", "time_barred", guard="notice_to_owner_out_of_time",
        uses=("notice_to_owner_limit_months",),
        reason="{balance} unpaid but no Notice to Owner may be sent now: the {notice_to_owner_limit_months} months "
               "beginning with service on {served_on} ended {nto_latest} (reg 20(2)); the PCN cannot be enforced and "
               "the balance is cancelled.",
    ),
    Transition(
        "charge_certificate_postal", "pcn_served", "charge_certificate", guard="postal_unpaid",
        uses=("payment_days", "certificate_increase_percent", "postal_service_working_days"),
        reason="Postal PCN (reg 10) served {served_on}: {balance} unpaid and no representations by {pay_by} "
               "({payment_days} days beginning with service); " + _CC,
    ),
    Transition(
        "charge_certificate", "notice_to_owner", "charge_certificate", guard="notice_to_owner_unpaid",
        uses=("payment_days", "certificate_increase_percent", "postal_service_working_days"),
        reason="{balance} unpaid and no representations by {pay_by} ({payment_days} days beginning with service of "
               "the Notice to Owner on {nto_served_on}); " + _CC,
    ),
    Transition(
        "charge_certificate_after_rejection", "notice_of_rejection", "charge_certificate", guard="unpaid_after_decision",
        uses=("appeal_days", "certificate_increase_percent", "postal_service_working_days"),
        reason="{balance} unpaid and no appeal by {pay_by} ({appeal_days} days beginning with service of the notice "
               "of rejection on {decision_served_on}); " + _CC,
    ),
    Transition(
        "charge_certificate_after_appeal", "appeal_refused", "charge_certificate", guard="unpaid_after_decision",
        uses=("appeal_days", "certificate_increase_percent", "postal_service_working_days"),
        reason="{balance} unpaid by {pay_by} ({appeal_days} days beginning with service of the tribunal's refusal on "
               "{decision_served_on}); " + _CC,
    ),
    Transition(
        "representations_deemed_accepted", "representations", "cancelled", guard="representations_undecided",
        uses=("representations_decision_days",),
        reason="No decision on the representations received {received_on} within {representations_decision_days} "
               "days (by {decide_by}): taken as accepted, PCN cancelled{refund_note}.",
    ),
    # Registration and enforcement.
    Transition(
        "register_at_tec", "charge_certificate", "tec_registration", guard="charge_certificate_unpaid",
        uses=("charge_certificate_days", "tec_registration_fee_pence", "postal_service_working_days"),
        reason="{balance} unpaid by {pay_by} ({charge_certificate_days} days beginning with service of the charge "
               "certificate on {cc_served_on}): registered at the Traffic Enforcement Centre with the "
               "{tec_registration_fee} fee, debt now {debt_now}; Order for Recovery deemed served {ofr_served_on}, "
               "pay or file a witness statement by {ofr_pay_by} (CPR 75).",
    ),
    Transition(
        "warrant_of_control", "tec_registration", "warrant_of_control", guard="order_for_recovery_unpaid",
        uses=("order_for_recovery_days", "postal_service_working_days"),
        reason="{balance} unpaid and no witness statement by {pay_by} ({order_for_recovery_days} days beginning with "
               "service of the Order for Recovery on {ofr_served_on}): warrant of control requested from the TEC.",
    ),
    Transition(
        "payment_plan_broken", "payment_plan", "warrant_of_control", guard="payment_plan_broken",
        uses=("plan_grace_days",),
        reason="Payment plan agreed {plan_on} ({instalment} a month from {first_due}) fell short: {required} due by "
               "{missed_due}, {paid_since} paid since the plan, {plan_grace_days} days' grace over; the plan is broken "
               "and recovery resumes with the warrant of control.",
    ),
    # Officer steps: challenges, decisions, appeals.
    _held("informal_challenge", "pcn_served", "informal_challenge", ("grounds",),
          "Record an informal challenge to an on-street PCN (the discount is kept while it is considered)."),
    _held("challenge_accepted", "informal_challenge", "cancelled", ("decision",),
          "Accept the informal challenge and cancel the PCN."),
    _held("challenge_rejected", "informal_challenge", "pcn_served", ("decision",),
          "Reject the informal challenge; the discount is offered again from the rejection where the profile says."),
    _held("representations_on_pcn", "pcn_served", "representations", ("grounds",),
          "Record formal representations against a postal PCN (reg 10)."),
    _held("representations_received", "notice_to_owner", "representations", ("grounds",),
          "Record formal representations against the Notice to Owner."),
    _held("representations_accepted", "representations", "cancelled", ("decision",),
          "Accept the representations and cancel the PCN."),
    _held("representations_rejected", "representations", "notice_of_rejection", ("decision",),
          "Reject the representations and serve a notice of rejection."),
    _held("appeal_lodged", "notice_of_rejection", "appeal", ("appeal_ref",),
          "Record an appeal to the Traffic Penalty Tribunal."),
    _held("appeal_allowed", "appeal", "cancelled", ("decision",),
          "Record that the adjudicator allowed the appeal; the PCN is cancelled."),
    _held("appeal_dismissed", "appeal", "appeal_refused", ("decision",),
          "Record that the adjudicator refused the appeal; 28 days to pay."),
    _held("witness_statement_filed", "tec_registration", "witness_statement", ("grounds",),
          "Record a witness statement (TE9) filed at the TEC."),
    _held("late_witness_statement_filed", "warrant_of_control", "witness_statement", ("grounds",),
          "Record an out-of-time witness statement (TE7/TE9)."),
    _held("order_revoked", "witness_statement", "notice_to_owner", ("decision",),
          "Record that the TEC revoked the Order for Recovery; the charge certificate increase and registration fee "
          "fall away and the Notice to Owner is served afresh."),
    _held("witness_statement_refused", "witness_statement", "warrant_of_control", ("decision",),
          "Record that the witness statement was refused; enforcement continues."),
    _held("agree_payment_plan", "tec_registration", "payment_plan", ("instalment", "first_due"),
          "Agree monthly instalments (only where the profile allows PCN instalments)."),
    _held("agree_payment_plan_at_warrant", "warrant_of_control", "payment_plan", ("instalment", "first_due"),
          "Agree monthly instalments instead of passing the warrant on (only where the profile allows them)."),
    _held("refer_enforcement_agent", "warrant_of_control", "enforcement_agent", ("agent",),
          "Pass the warrant of control to an enforcement agent (adds the compliance fee)."),
    *enforcement_agent_transitions("warrant_of_control", "Record the warrant returned by the agent at {stage} stage."),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off or remit the charge (Rutland: Parking Services Manager; needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
