"""The council rent arrears ladder as data (DOMAIN §6; HA 1985 ss82-85; social landlords' pre-action protocol).

Rent is a running account: ``current`` (rent debited, no arrears to chase) is
where a case starts and where it returns when the arrears are cleared before
eviction. Arrears escalate through early contact and two letters to an
officer's contact task (protocol steps); the officer agrees repayments or
serves a Notice of Seeking Possession, then claims possession and records the
court's order. The nightly run detects a broken agreement or order and a
passed possession date. When the tenancy ends the case becomes former-tenant
arrears, pursued as sundry debt until paid or time-barred, or closes if clear.
Protocol facts (rent statements, a pending benefit claim, a Universal Credit
managed payment) are recorded by officer actions that leave the stage alone.
"""

from arrears import ANY, STAY, Ladder, Stage, Transition

STAGES = (
    Stage("current", "Current: rent being debited", description="No arrears to chase; not terminal, the account keeps running."),
    Stage("early_contact", "Early contact",
          description="Contact the tenant as soon as reasonably possible after arrears arise (protocol)."),
    Stage("first_letter", "First arrears letter sent"),
    Stage("second_letter", "Second arrears letter sent"),
    Stage("contact_task", "Officer contact task",
          description="Protocol steps: discuss cause, finances, benefits; agree repayments or serve an NSP.", officer_decides=True),
    Stage("arrangement", "Repayment agreement", description="Rent plus an agreed sum towards the arrears each rent period."),
    Stage("nsp_served", "Notice of Seeking Possession served",
          description="Proceedings after its date (at least 4 weeks, the last day of a rent period); lapses after 12 months (s83)."),
    Stage("possession_claim", "Possession claim issued", description="County court claim (CPR 55); issue fee."),
    Stage("possession_order_outright", "Outright possession order", description="Possession on a set date, usually 14 days."),
    Stage("suspended_order", "Suspended possession order", description="Stays while rent plus the ordered sum is paid."),
    Stage("postponed_order", "Postponed possession order", description="No date; the landlord must apply to fix one (PD 55A)."),
    Stage("postponed_breached", "Postponed order breached",
          description="Terms broken; the landlord may apply to the court to fix a possession date (PD 55A).", officer_decides=True),
    Stage("breach", "Order breached", description="Terms broken or the possession date passed; a warrant may be requested.", officer_decides=True),
    Stage("warrant_of_possession", "Warrant of possession",
          description="County court bailiff gives notice of eviction (N54); warrant fee."),
    Stage("evicted", "Evicted", description="The tenancy ended by eviction; rent stops on the eviction date."),
    Stage("tenancy_ended", "Tenancy ended", description="The tenancy ended other than by eviction; rent stops on its last day."),
    Stage("former_tenant_arrears", "Former-tenant arrears: letter sent",
          description="Pursued as sundry debt (DOMAIN §6.2 stage 8, §3): a letter asks for payment."),
    Stage("former_tenant_reminder", "Former-tenant arrears: reminder sent"),
    Stage("former_tenant_final_notice", "Former-tenant arrears: final notice sent"),
    Stage("former_tenant_recovery", "Former-tenant arrears: further recovery",
          description="An officer chooses: collection agent, money claim or write-off."),
    Stage("former_tenant_with_agent", "Former-tenant arrears: with a collection agent"),
    Stage("time_barred", "Time-barred", description="6 years since the last rent fell due or the last payment (Limitation Act 1980)."),
    Stage("closed", "Closed", terminal=True, description="Tenancy over and nothing owed."),
    Stage("written_off", "Written off", terminal=True),
)

RETURNS_WHEN_CLEARED = (
    "early_contact", "first_letter", "second_letter", "contact_task", "arrangement",
    "nsp_served", "suspended_order", "postponed_order", "postponed_breached", "breach",
)
"""Stages from which clearing the arrears returns the account to ``current`` by itself."""
FORMER_TENANT = (
    "former_tenant_arrears", "former_tenant_reminder", "former_tenant_final_notice", "former_tenant_recovery",
    "former_tenant_with_agent",
)
ENDED = ("evicted", "tenancy_ended", *FORMER_TENANT, "time_barred")
"""Stages after the tenancy: no rent is debited, no possession step applies."""
BEFORE_COURT = ("current", "early_contact", "first_letter", "second_letter", "contact_task", "arrangement", "nsp_served")

_ARREARS = "{owed}"


def _act(rule: str, source: str, target: str, fields: tuple[str, ...], reason: str, uses: tuple[str, ...] = ()) -> Transition:
    """An officer step; ``uses`` names the parameters its checks and fees rely on."""
    return Transition(rule, source, target, kind="action", fields=fields, reason=reason, uses=uses)


def _broken(rule: str, source: str, target: str, guard: str, what: str, then: str) -> Transition:
    return Transition(
        rule, source, target, guard=guard, uses=("terms_grace_days",),
        reason=f"Terms of the {what} of {{terms_made_on}} broken: by {{period_end}}, {{periods_due}} rent period(s) of "
               f"{{rent}} rent plus {{instalment}} were due ({{due}}); {{paid_since}} paid since; {{short}} short; "
               f"arrears {_ARREARS}; {then}{{protocol}}.",
    )


TRANSITIONS = (
    *(
        Transition(
            f"cleared_{stage}", stage, "current", guard="arrears_cleared",
            reason="Arrears cleared ({paid} received in all, balance {balance}); the account is current again{protocol}.",
        )
        for stage in RETURNS_WHEN_CLEARED
    ),
    # Escalation while arrears persist.
    Transition(
        "arrears_arise", "current", "early_contact", guard="arrears_arise",
        uses=("arrears_threshold_pence", "early_contact_days"),
        reason=f"Arrears of {_ARREARS}, owed since the rent due {{unpaid_since}}, unpaid {{early_contact_days}} days; "
               "early contact with the tenant{protocol}.",
    ),
    Transition(
        "first_letter", "early_contact", "first_letter", guard="unpaid_after_early_contact",
        uses=("first_letter_days", "first_letter_min_weeks"),
        reason=f"Arrears of {_ARREARS} still owed {{first_letter_days}} days after early contact (threshold "
               "{first_letter_min_weeks} week(s) of rent); first arrears letter sent{protocol}.",
    ),
    Transition(
        "second_letter", "first_letter", "second_letter", guard="unpaid_after_first_letter",
        uses=("second_letter_days", "second_letter_min_weeks"),
        reason=f"Arrears of {_ARREARS} still owed {{second_letter_days}} days after the first letter (threshold "
               "{second_letter_min_weeks} week(s) of rent); second arrears letter sent{protocol}.",
    ),
    Transition(
        "contact_task", "second_letter", "contact_task", guard="unpaid_after_second_letter",
        uses=("contact_task_days", "contact_task_min_weeks"),
        reason=f"Arrears of {_ARREARS} still owed {{contact_task_days}} days after the second letter (threshold "
               "{contact_task_min_weeks} week(s) of rent); officer contact task: {task}{protocol}.",
    ),
    _broken("arrangement_broken_under_notice", "arrangement", "nsp_served", "arrangement_broken_under_notice",
            "repayment agreement", "the Notice of Seeking Possession (proceedings after {proceedings_date}) is still in force"),
    _broken("arrangement_broken", "arrangement", "contact_task", "arrangement_broken",
            "repayment agreement", "officer contact task set"),
    Transition(
        "nsp_lapsed", "nsp_served", "contact_task", guard="nsp_lapsed", uses=("nsp_lapse_months",),
        reason=f"Notice of Seeking Possession with proceedings date {{proceedings_date}} lapsed on {{lapses_on}} "
               f"({{nsp_lapse_months}} months, HA 1985 s83(4)); arrears {_ARREARS}; officer contact task set{{protocol}}.",
    ),
    _broken("suspended_order_breached", "suspended_order", "breach", "order_terms_broken",
            "suspended possession order", "a warrant of possession may be requested"),
    _broken("postponed_order_breached", "postponed_order", "postponed_breached", "order_terms_broken",
            "postponed possession order", "apply to the court to fix a possession date (PD 55A)"),
    Transition(
        "possession_date_passed", "possession_order_outright", "breach", guard="possession_date_passed",
        reason=f"Possession date {{possession_date}} in the outright order passed; arrears {_ARREARS}; a warrant of "
               "possession may be requested{protocol}.",
    ),
    # After the tenancy.
    Transition(
        "evicted_arrears", "evicted", "former_tenant_arrears", guard="arrears_outstanding",
        uses=("former_tenant_letter_days",),
        reason=f"Evicted on {{ended_on}} owing {_ARREARS}; pursued as former-tenant arrears: letter sent, pay by {{pay_by}}.",
    ),
    Transition("evicted_clear", "evicted", "closed", guard="account_clear",
               reason="Evicted on {ended_on} with nothing owed (balance {balance}); account closed."),
    Transition(
        "ended_arrears", "tenancy_ended", "former_tenant_arrears", guard="arrears_outstanding",
        uses=("former_tenant_letter_days",),
        reason=f"Tenancy ended on {{ended_on}} owing {_ARREARS}; pursued as former-tenant arrears: letter sent, pay by "
               "{pay_by}.",
    ),
    Transition("ended_clear", "tenancy_ended", "closed", guard="account_clear",
               reason="Tenancy ended on {ended_on} with nothing owed (balance {balance}); account closed."),
    *(
        Transition(f"former_cleared_{stage.removeprefix('former_tenant_')}", stage, "closed", guard="account_clear",
                   reason="Former-tenant arrears cleared: {paid} received in all; account closed.")
        for stage in (*FORMER_TENANT, "time_barred")
    ),
    *(
        Transition(f"time_barred_{stage.removeprefix('former_tenant_')}", stage, "time_barred", guard="time_barred",
                   uses=("limitation_years",),
                   reason="{balance} owed; no claim after {last_claim_on}: {limitation_years} years from {accrued_on} "
                          "({accrual}, Limitation Act 1980); time-barred, for write-off.")
        for stage in FORMER_TENANT
    ),
    Transition(
        "former_tenant_reminder", "former_tenant_arrears", "former_tenant_reminder", guard="former_letter_unpaid",
        uses=("former_tenant_letter_days", "former_tenant_reminder_days"),
        reason="{balance} unpaid {former_tenant_letter_days} days after the former-tenant arrears letter; reminder "
               "sent, pay by {pay_by}.",
    ),
    Transition(
        "former_tenant_final_notice", "former_tenant_reminder", "former_tenant_final_notice",
        guard="former_reminder_unpaid", uses=("former_tenant_reminder_days", "former_tenant_final_notice_days"),
        reason="{balance} unpaid {former_tenant_reminder_days} days after the reminder; final notice sent, pay by {pay_by}.",
    ),
    Transition(
        "former_tenant_recovery", "former_tenant_final_notice", "former_tenant_recovery",
        guard="former_final_notice_unpaid", uses=("former_tenant_final_notice_days",),
        reason="{balance} unpaid {former_tenant_final_notice_days} days after the final notice; referred for further "
               "recovery (no claim after {last_claim_on}).",
    ),
    # Officer steps that record a protocol fact and leave the case where it is.
    _act("rent_statement_sent", ANY, STAY, ("sent_on",),
         "Record a rent statement sent to the tenant (at least quarterly, protocol).", ("statement_interval_months",)),
    _act("benefit_claim_made", ANY, STAY, ("made_on",),
         "Record a benefit claim the tenant has properly made: no proceedings while it is outstanding (protocol)."),
    _act("benefit_claim_decided", ANY, STAY, ("outcome",), "Record the decision on the tenant's benefit claim."),
    _act("uc_managed_payment", ANY, STAY, ("in_place",),
         "Record whether Universal Credit pays the housing costs to the council (managed payment): yes or no."),
    # Officer steps that move the case.
    _act("agree_arrangement", ANY, "arrangement", ("instalment",),
         "Record a repayment agreement: rent plus the instalment towards the arrears each rent period."),
    _act("serve_nsp", "contact_task", "nsp_served", ("proceedings_date", "served_by"),
         "Serve a Notice of Seeking Possession (proceedings date at least 4 weeks after service, the last day of a "
         "rent period).", ("nsp_min_days", "nsp_postal_service_working_days", "nsp_lapse_months")),
    _act("issue_possession_claim", "nsp_served", "possession_claim", ("claim_number",),
         "Issue a possession claim after the NSP's proceedings date (protocol followed).", ("possession_claim_fee_pence",)),
    _act("claim_withdrawn", "possession_claim", "contact_task", ("outcome",),
         "Record the claim withdrawn, adjourned generally or dismissed; back to officer contact."),
    _act("outright_order_made", "possession_claim", "possession_order_outright", ("possession_date",),
         "Record an outright possession order."),
    _act("suspended_order_made", "possession_claim", "suspended_order", ("instalment",),
         "Record a suspended possession order: rent plus the instalment each rent period."),
    _act("postponed_order_made", "possession_claim", "postponed_order", ("instalment",),
         "Record a postponed possession order: rent plus the instalment each rent period."),
    _act("possession_date_fixed", "postponed_breached", "possession_order_outright", ("possession_date",),
         "Record the possession date the court fixed on the council's application (PD 55A)."),
    _act("request_warrant", "breach", "warrant_of_possession", ("warrant_number",),
         "Request a warrant of possession (N325).", ("warrant_fee_pence",)),
    _act("warrant_suspended", "warrant_of_possession", "suspended_order", ("instalment",),
         "Record the court suspending the warrant on terms: rent plus the instalment each rent period."),
    _act("eviction_carried_out", "warrant_of_possession", "evicted", ("eviction_date",),
         "Record the eviction by the county court bailiff."),
    _act("end_tenancy", ANY, "tenancy_ended", ("end_date", "reason"),
         "Record that the tenancy has ended (notice, death, transfer, abandonment)."),
    _act("refer_collection_agent", "former_tenant_recovery", "former_tenant_with_agent", ("agent",),
         "Refer the former-tenant arrears to a collection agent."),
    _act("agent_returned", "former_tenant_with_agent", "former_tenant_recovery", ("outcome",),
         "Record the collection agent's return of the debt."),
    _act("write_off", ANY, "written_off", ("reason",), "Write off the arrears (needs the council's delegated authority)."),
)

LADDER = Ladder(stages=STAGES, transitions=TRANSITIONS)
