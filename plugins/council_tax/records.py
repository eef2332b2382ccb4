"""What the council tax review writes down: the state a day's observation or a move records, and the facts its reason names.

The state holds only what a later day cannot see in the case's facts: the
number of reminders this year, the verdict on a reminder's window, the date the
whole balance became payable, the summons's service and hearing dates, the
liability order's sum and costs (for the enforcement agent's percentage fees and
the charging-order and bankruptcy thresholds) and the day the case last went to
an enforcement agent (the earliest an agent's report may be dated).
"""

from __future__ import annotations

from datetime import date

from arrears import (
    Case, balance_payable_from, first_unpaid_due, hearing_dates, judge_reminder, overdue, period_end,
    reminder_pay_by, summons_dates,
)

from .routes import LABELS, describe_routes, policy_route

REMINDERS = ("reminder_1", "reminder_2")
AFTER_ORDER = frozenset({
    "liability_order", "attachment_of_earnings", "benefit_deductions", "enforcement_agent", "ea_enforcement", "ea_sale",
    "insufficient_goods", "charging_order", "bankruptcy", "committal", "committal_order",
})


def no_scheme(case: Case) -> bool:
    """The account has no instalment scheme (``instalments`` 0): its sum goes by final notice (reg 33)."""
    return case.attrs.get("instalments") in ("0", 0)


def observe(case: Case, context, st: dict) -> bool:
    """Take the facts that must be recorded today; True when the state changed."""
    stage = case.stage
    if stage in REMINDERS:
        return judge_reminder(case, st, case.stage_since, context.params.reminder_days)
    if stage == "summons" and st.get("summons_on") != case.stage_since.isoformat():
        _record_summons(case, context, st)  # a summons an officer issued again
        return True
    changed = False
    if stage in AFTER_ORDER and "lo_on" not in st:
        ea = context.params.enforcement.compliance_pence if stage != "liability_order" else 0
        st.update(lo_on=case.stage_since.isoformat(), lo_debt_pence=max(0, case.balance_pence - ea),
                  lo_paid_pence=case.paid_pence)
        changed = True
    if stage == "enforcement_agent" and st.get("ea_on") != case.stage_since.isoformat():
        st["ea_on"] = case.stage_since.isoformat()  # the referral: an agent's later report cannot precede it
        changed = True
    return changed


def _record_summons(case: Case, context, st: dict) -> tuple[date, date]:
    p = context.params
    served, hearing = hearing_dates(case.stage_since, context.calendar, min_days=p.hearing_min_days,
                                    service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)
    st.update(summons_on=case.stage_since.isoformat(), served_on=served.isoformat(), hearing_on=hearing.isoformat())
    return served, hearing


def on_move(case: Case, context, rule: str, st: dict) -> dict:
    """Update the state for the move ``rule`` made today; return the facts its reason names."""
    p, today = context.params, case.today
    facts: dict = {}
    if rule in ("first_reminder", "second_reminder", "third_default", "final_notice"):
        missed = first_unpaid_due(case, today)
        facts.update(missed_on=missed.isoformat() if missed else None, arrears_pence=overdue(case, today))
        st["missed_on"] = facts["missed_on"]
        for key in ("judged_reminder_on", "reminder_complied", "unpaid_at_pay_by_pence", "judged_late"):
            st.pop(key, None)
    if rule in ("first_reminder", "second_reminder"):
        st["reminders"] = 1 if rule == "first_reminder" else 2
        facts["pay_by"] = reminder_pay_by(today, p.reminder_days).isoformat()
    elif rule == "third_default":
        st["payable_from"] = facts["payable_from"] = today.isoformat()
    elif rule == "final_notice":
        facts["pay_by"] = period_end(today, p.final_notice_days).isoformat()
        facts["why"] = "the account has no instalment scheme" if no_scheme(case) else "no instalment is left to fall due"
    elif rule.endswith("_complied"):  # both reminders, complied or not
        reminder_on = case.stage_since
        facts["pay_by"] = reminder_pay_by(reminder_on, p.reminder_days).isoformat()
        if rule.endswith("_not_complied"):
            facts["unpaid_at_pay_by_pence"] = st.get("unpaid_at_pay_by_pence", overdue(case, reminder_pay_by(reminder_on, p.reminder_days)))
            st["payable_from"] = facts["payable_from"] = balance_payable_from(reminder_on, p.loss_of_instalments_offset_days).isoformat()
    elif rule in ("summons_after_loss", "summons_after_final_notice"):
        if rule == "summons_after_loss":
            facts["payable_from"] = st.get("payable_from") or case.stage_since.isoformat()
        else:
            facts["final_notice_on"] = case.stage_since.isoformat()
        since = case.stage_since
        case.stage_since = today
        try:
            served, hearing = _record_summons(case, context, st)
        finally:
            case.stage_since = since
        st["summons_pence"] = case.balance_pence + p.summons_costs_pence
        facts.update(served_on=served.isoformat(), hearing_on=hearing.isoformat())
    elif rule in ("summons_withdrawn", "liability_order_granted"):
        served, hearing = summons_dates(case, context)
        facts.update(served_on=served.isoformat(), hearing_on=hearing.isoformat())
        if rule == "liability_order_granted":
            balance = case.balance_pence
            st.update(lo_on=today.isoformat(), lo_debt_pence=balance + p.liability_order_costs_pence,
                      lo_paid_pence=case.paid_pence)
            case.balance_pence = balance + p.liability_order_costs_pence  # the order's sum and costs
            try:
                facts["routes"] = describe_routes(case, p)
            finally:
                case.balance_pence = balance
    elif rule.startswith("policy_"):
        route, why = policy_route(case, p) or ("enforcement_agent", "")
        st["policy_route"] = route
        facts.update(route=LABELS[route], route_fact=why, route_policy=", ".join(p.route_policy))
    return facts
