"""The Penalty Charge Notice ladder as data (DOMAIN §5.2; SI 2022/71, SI 2022/576, CPR 75).

An on-street PCN unpaid after its payment period is followed by a Notice to
Owner; a postal or camera PCN (reg 10) is itself the formal notice, so it goes
straight to the charge certificate. Challenges and representations hold the
case until an officer records the decision; an appeal goes to the Traffic
Penalty Tribunal. After the charge certificate the debt is registered at the
Traffic Enforcement Centre, then a warrant of control goes to an agent.
"""

from arrears import ANY, Ladder, Stage, Transition

STAGES = (
    Stage("pcn_served", "PCN served",
          description="Payment period running; discount if paid within the discount period (DOMAIN §5.1)."),
    Stage("informal_challenge", "Informal challenge received", description="On-street PCN challenged before a Notice to Owner."),
    Stage("notice_to_owner", "Notice to Owner served",
          description="Full charge; 28 days to pay or make representations (reg 20)."),
    Stage("representations", "Representations received",
          description="Formal representations held for the council's decision (SI 2022/576)."),
    Stage("notice_of_rejection", "Notice of rejection served", description="28 days to appeal to the tribunal or pay."),
    Stage("appeal", "Appeal to the Traffic Penalty Tribunal", description="Held for the adjudicator's decision."),
    Stage("appeal_refused", "Appeal refused", description="28 days to pay the charge."),
    Stage("charge_certificate", "Charge certificate served", description="Charge increased by 50% (reg 21)."),
    Stage("tec_registration", "Registered at the TEC; Order for Recovery",
          description="21 days to pay or file a witness statement (reg 22; CPR 75)."),
    Stage("witness_statement", "Witness statement filed",
          description="TE9 (or late TE7) held for the council's and the TEC's decision."),
    Stage("warrant_of_control", "Warrant of control", description="Authorised by the TEC; to be passed to an enforcement agent."),
    Stage("enforcement_agent", "With enforcement agent: compliance stage",
          description="Notice of enforcement; compliance fee (DOMAIN §7.1)."),
    Stage("ea_enforcement", "Enforcement agent: enforcement stage",
          description="First attendance at the premises; enforcement fee."),
    Stage("ea_sale", "Enforcement agent: sale stage", description="Goods removed or sale prepared; sale fee."),
    Stage("cancelled", "Cancelled", terminal=True, description="Challenge, representations or appeal accepted."),
    Stage("paid", "Paid in full", terminal=True),
    Stage("written_off", "Written off", terminal=True),
)


def _held(rule: str, source: str, target: str, fields: tuple[str, ...], reason: str) -> Transition:
    """An officer records a challenge, a decision or a court step."""
    return Transition(rule, source, target, kind="action", fields=fields, reason=reason)


TRANSITIONS = (
    Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
    # Unpaid after the payment period.
    Transition(
        "notice_to_owner", "pcn_served", "notice_to_owner", guard="on_street_unpaid",
        uses=("payment_days", "postal_service_working_days"),
        reason="On-street PCN unpaid {payment_days} days after service; Notice to Owner sent for {balance}.",
    ),
    Transition(
        "charge_certificate_postal", "pcn_served", "charge_certificate", guard="postal_unpaid",
        uses=("payment_days", "postal_service_working_days"),
        reason="Postal PCN unpaid {payment_days} days after service; charge certificate served, charge now {balance}.",
    ),
    Transition(
        "charge_certificate", "notice_to_owner", "charge_certificate", guard="notice_to_owner_unpaid",
        uses=("payment_days", "postal_service_working_days"),
        reason="Unpaid {payment_days} days after the Notice to Owner; charge certificate served, charge now {balance}.",
    ),
    Transition(
        "charge_certificate_after_rejection", "notice_of_rejection", "charge_certificate", guard="unpaid_after_decision",
        uses=("appeal_days", "postal_service_working_days"),
        reason="No appeal and unpaid {appeal_days} days after the notice of rejection; charge certificate served.",
    ),
    Transition(
        "charge_certificate_after_appeal", "appeal_refused", "charge_certificate", guard="unpaid_after_decision",
        uses=("appeal_days", "postal_service_working_days"),
        reason="Unpaid {appeal_days} days after the tribunal refused the appeal; charge certificate served.",
    ),
    Transition(
        "representations_deemed_accepted", "representations", "cancelled", guard="representations_undecided",
        uses=("representations_decision_days",),
        reason="No decision within {representations_decision_days} days of the representations; taken as accepted.",
    ),
    # Registration and enforcement.
    Transition(
        "register_at_tec", "charge_certificate", "tec_registration", guard="charge_certificate_unpaid",
        uses=("charge_certificate_days", "tec_registration_fee_pence"),
        reason="{balance} unpaid {charge_certificate_days} days after the charge certificate; registered at the TEC "
               "({tec_registration_fee} fee).",
    ),
    Transition(
        "warrant_of_control", "tec_registration", "warrant_of_control", guard="order_for_recovery_unpaid",
        uses=("order_for_recovery_days",),
        reason="{balance} unpaid and no witness statement {order_for_recovery_days} days after the Order for Recovery; "
               "warrant requested.",
    ),
    # Officer steps: challenges, decisions, appeals.
    _held("informal_challenge", "pcn_served", "informal_challenge", ("grounds",),
          "Record an informal challenge to an on-street PCN."),
    _held("challenge_accepted", "informal_challenge", "cancelled", ("decision",),
          "Accept the informal challenge and cancel the PCN."),
    _held("challenge_rejected", "informal_challenge", "pcn_served", ("decision",),
          "Reject the informal challenge; the discount is re-offered from the rejection."),
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
          "Record that the TEC revoked the Order for Recovery; the notice is served afresh."),
    _held("witness_statement_refused", "witness_statement", "warrant_of_control", ("decision",),
          "Record that the witness statement was refused; enforcement continues."),
    _held("refer_enforcement_agent", "warrant_of_control", "enforcement_agent", ("agent",),
          "Pass the warrant of control to an enforcement agent."),
    _held("ea_enforcement_stage", "enforcement_agent", "ea_enforcement", ("visit_date",),
          "Record the agent's first attendance (enforcement stage)."),
    _held("ea_sale_stage", "ea_enforcement", "ea_sale", ("removal_date",),
          "Record the removal of goods or start of sale preparation (sale stage)."),
    _held("ea_returned", "enforcement_agent", "warrant_of_control", ("outcome",),
          "Record the warrant returned by the agent at compliance stage."),
    _held("ea_returned_after_visit", "ea_enforcement", "warrant_of_control", ("outcome",),
          "Record the warrant returned at enforcement stage."),
    _held("ea_returned_after_sale", "ea_sale", "warrant_of_control", ("outcome",),
          "Record the warrant returned at sale stage."),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off or remit the charge (Rutland: Parking Services Manager; needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
