"""The council rent arrears ladder as data (DOMAIN §6; HA 1985 ss82-85; social landlords' pre-action protocol).

Rent is a running account: ``current`` (rent debited, no arrears to chase) is
where a case starts and where it returns when the arrears are cleared before
court. Arrears escalate through contact and letters to an officer task, a
Notice of Seeking Possession, a possession claim and the court's order. When
the tenancy ends the case becomes former-tenant arrears, or closes if clear.
"""

from arrears import ANY, Ladder, Stage, Transition

STAGES = (
    Stage("current", "Current: rent being debited", description="No arrears to chase; not terminal, the account keeps running."),
    Stage("early_contact", "Early contact",
          description="Contact the tenant as soon as reasonably possible after arrears arise (protocol)."),
    Stage("first_letter", "First arrears letter sent"),
    Stage("second_letter", "Second arrears letter sent"),
    Stage("contact_task", "Officer contact task",
          description="Protocol steps: discuss cause, finances, benefits; agree repayments or serve an NSP."),
    Stage("arrangement", "Repayment agreement", description="Rent plus an agreed sum towards the arrears."),
    Stage("nsp_served", "Notice of Seeking Possession served",
          description="Proceedings no earlier than 4 weeks, on a rent period boundary; lapses after 12 months (s83)."),
    Stage("possession_claim", "Possession claim issued", description="County court claim (CPR 55); issue fee."),
    Stage("possession_order_outright", "Outright possession order", description="Possession on a set date, usually 14 days."),
    Stage("suspended_order", "Suspended possession order", description="Stays while rent plus the ordered sum is paid."),
    Stage("postponed_order", "Postponed possession order", description="No date; the landlord must apply to fix one (PD 55A)."),
    Stage("breach", "Order breached", description="Terms broken or the possession date passed; a warrant may be requested."),
    Stage("warrant_of_possession", "Warrant of possession",
          description="County court bailiff gives notice of eviction (N54); warrant fee."),
    Stage("evicted", "Evicted", description="The tenancy ended by eviction."),
    Stage("tenancy_ended", "Tenancy ended", description="The tenancy ended other than by eviction."),
    Stage("former_tenant_arrears", "Former-tenant arrears",
          description="Pursued as sundry debt; 6-year limit (DOMAIN §6.2 stage 8)."),
    Stage("closed", "Closed", terminal=True, description="Tenancy over and nothing owed."),
    Stage("written_off", "Written off", terminal=True),
)

# Stages from which clearing the arrears returns the account to ``current`` on its own.
RETURNS_WHEN_CLEARED = (
    "early_contact", "first_letter", "second_letter", "contact_task", "arrangement",
    "nsp_served", "suspended_order", "postponed_order",
)


def _act(rule: str, source: str, target: str, fields: tuple[str, ...], reason: str, uses: tuple[str, ...] = ()) -> Transition:
    """An officer step; ``uses`` names the parameters it relies on (notice length, court fee)."""
    return Transition(rule, source, target, kind="action", fields=fields, reason=reason, uses=uses)


TRANSITIONS = (
    *(
        Transition(
            f"cleared_{stage}", stage, "current", guard="arrears_cleared",
            reason="Arrears cleared ({paid} received); the account is current again.",
        )
        for stage in RETURNS_WHEN_CLEARED
    ),
    # Escalation while arrears persist.
    Transition(
        "arrears_arise", "current", "early_contact", guard="arrears_arise",
        uses=("arrears_threshold_pence", "early_contact_days"),
        reason="Arrears of {balance} (over {arrears_threshold}) unpaid {early_contact_days} days; early contact.",
    ),
    Transition(
        "first_letter", "early_contact", "first_letter", guard="unpaid_after_early_contact",
        uses=("first_letter_days",),
        reason="Arrears of {balance} still unpaid {first_letter_days} days after early contact; first letter sent.",
    ),
    Transition(
        "second_letter", "first_letter", "second_letter", guard="unpaid_after_first_letter",
        uses=("second_letter_days",),
        reason="Arrears of {balance} still unpaid {second_letter_days} days after the first letter; second letter sent.",
    ),
    Transition(
        "contact_task", "second_letter", "contact_task", guard="unpaid_after_second_letter",
        uses=("second_letter_days",),
        reason="Arrears of {balance} still unpaid {second_letter_days} days after the second letter; officer contact task set.",
    ),
    Transition(
        "arrangement_broken", "arrangement", "contact_task", guard="arrangement_broken",
        reason="Repayment agreement not kept; arrears {balance}; officer contact task set.",
    ),
    Transition(
        "nsp_lapsed", "nsp_served", "second_letter", guard="nsp_lapsed",
        uses=("nsp_lapse_months",),
        reason="Notice of Seeking Possession lapsed {nsp_lapse_months} months after its proceedings date; arrears {balance}.",
    ),
    Transition(
        "postponed_order_breached", "postponed_order", "breach", guard="order_terms_broken",
        reason="Terms of the postponed order broken; arrears {balance}.",
    ),
    Transition(
        "suspended_order_breached", "suspended_order", "breach", guard="order_terms_broken",
        reason="Terms of the suspended order broken; arrears {balance}.",
    ),
    Transition(
        "possession_date_passed", "possession_order_outright", "breach", guard="possession_date_passed",
        reason="Possession date in the outright order passed; arrears {balance}.",
    ),
    # Officer steps.
    _act("agree_arrangement", "contact_task", "arrangement", ("weekly_amount",),
         "Record a repayment agreement (rent plus a sum towards the arrears)."),
    _act("serve_nsp", "contact_task", "nsp_served", ("proceedings_date",),
         "Serve a Notice of Seeking Possession (at least 4 weeks, ending on a rent period boundary).", ("nsp_min_days",)),
    _act("issue_possession_claim", "nsp_served", "possession_claim", ("claim_number",),
         "Issue a possession claim after the NSP's proceedings date (protocol followed).", ("possession_claim_fee_pence",)),
    _act("claim_withdrawn", "possession_claim", "contact_task", ("outcome",),
         "Record the claim withdrawn, adjourned or dismissed; back to officer contact."),
    _act("outright_order_made", "possession_claim", "possession_order_outright", ("possession_date",),
         "Record an outright possession order."),
    _act("suspended_order_made", "possession_claim", "suspended_order", ("terms",),
         "Record a suspended possession order and its terms."),
    _act("postponed_order_made", "possession_claim", "postponed_order", ("terms",),
         "Record a postponed possession order and its terms."),
    _act("possession_date_fixed", "postponed_order", "possession_order_outright", ("possession_date",),
         "Record the possession date the court fixed on the landlord's application (PD 55A)."),
    _act("request_warrant", "breach", "warrant_of_possession", ("requested_on",),
         "Request a warrant of possession (N325).", ("warrant_fee_pence",)),
    _act("warrant_suspended", "warrant_of_possession", "suspended_order", ("terms",),
         "Record the court suspending the warrant on terms."),
    _act("eviction_carried_out", "warrant_of_possession", "evicted", ("eviction_date",),
         "Record the eviction by the county court bailiff."),
    _act("end_tenancy", ANY, "tenancy_ended", ("end_date", "reason"),
         "Record that the tenancy has ended (notice, death, transfer, abandonment)."),
    # After the tenancy.
    Transition(
        "evicted_arrears", "evicted", "former_tenant_arrears", guard="arrears_outstanding",
        reason="Evicted owing {balance}; pursued as former-tenant arrears.",
    ),
    Transition("evicted_clear", "evicted", "closed", guard="account_clear", reason="Evicted with nothing owed; account closed."),
    Transition(
        "ended_arrears", "tenancy_ended", "former_tenant_arrears", guard="arrears_outstanding",
        reason="Tenancy ended owing {balance}; pursued as former-tenant arrears.",
    ),
    Transition("ended_clear", "tenancy_ended", "closed", guard="account_clear",
               reason="Tenancy ended with nothing owed; account closed."),
    Transition(
        "former_arrears_cleared", "former_tenant_arrears", "closed", guard="cleared",
        reason="Former-tenant arrears cleared: {paid} received.",
    ),
    Transition(
        "write_off", ANY, "written_off", kind="action", fields=("reason",),
        reason="Write off the arrears (needs the council's delegated authority).",
    ),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
