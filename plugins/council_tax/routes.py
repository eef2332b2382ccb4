"""After the liability order: which remedies the facts allow, the checks on an officer's choice, what it deducts.

The plugin proposes the routes the facts allow (in the liability order's
decision) and refuses an action the facts do not allow, with the reason
(DOMAIN §1.2 stages 10-13). Any jointly and severally liable person may be
pursued (DOMAIN §1.2 note); nobody else. An attachment of earnings or a
deduction from benefit records what it takes when the officer gives the
earnings or the allowance (:mod:`.deductions`).
"""

from __future__ import annotations

from datetime import date

from arrears import Case, format_pence, hearing_dates, past_date_problem

from .deductions import aeo_facts, earnings, standard_allowance, uc_facts
from .fees import sum_to_recover

INDIVIDUALS = ("person", "sole_trader")
LABELS = {
    "attachment_of_earnings": "attachment of earnings",
    "benefit_deductions": "deductions from benefit",
    "enforcement_agent": "enforcement agent",
    "charging_order": "charging order",
    "bankruptcy": "bankruptcy petition",
}

def is_individual(case: Case, debtor: str | None, liable: list[str] | None) -> bool:
    """Whether the person pursued is an individual (joint parties are people; the account holder as imported)."""
    if debtor is not None and liable and debtor != liable[0]:
        return True
    return case.debtor_kind in INDIVIDUALS


def qualifying_benefit(name: str | None, params) -> str | None:
    """The benefit's normalised name when it is one the DWP deducts council tax from, else None."""
    if not name:
        return None
    key = name.strip().lower().replace(" ", "_").replace("'", "")
    return key if key in params.qualifying_benefits else None


def order_outstanding(case: Case, params) -> int:
    """What is still owed under the liability order: its sum and costs less payments since, agent fees left out.

    Before the order is recorded in the state (the day it is made) the balance,
    which then holds no agent fees.
    """
    if "lo_debt_pence" in case.state:
        return sum_to_recover(case, params)
    return max(0, case.balance_pence)


def allowed_routes(case: Case, params) -> list[tuple[str, str]]:
    """(route, the fact that allows it) for each remedy the account's facts allow now, in the order a council tries them."""
    attrs = case.attrs
    out: list[tuple[str, str]] = []
    individual = case.debtor_kind in INDIVIDUALS
    if individual and attrs.get("employer"):
        out.append(("attachment_of_earnings", f"employer {attrs['employer']} on record"))
    benefit = qualifying_benefit(attrs.get("benefit"), params)
    if benefit:
        out.append(("benefit_deductions", f"debtor receives {benefit}"))
    if case.balance_pence > 0:
        out.append(("enforcement_agent", f"{format_pence(case.balance_pence)} outstanding"))
    owns = attrs.get("owns_dwelling")
    under_order = order_outstanding(case, params)
    if under_order >= params.charging_order_min_pence and owns is not False:
        owner = "owns an interest in the dwelling" if owns else "if the debtor owns an interest in the dwelling"
        out.append(("charging_order", f"at least {format_pence(params.charging_order_min_pence)} outstanding, {owner}"))
    if individual and under_order >= params.bankruptcy_min_pence:
        out.append(("bankruptcy", f"at least {format_pence(params.bankruptcy_min_pence)} owed"))
    return out


def describe_routes(case: Case, params) -> str:
    """The proposal shown with the liability order, e.g. ``enforcement agent (£1,100.00 outstanding)``."""
    routes = allowed_routes(case, params)
    if not routes:
        return "none"
    return "; ".join(f"{LABELS[r]} ({why})" for r, why in routes)


def policy_route(case: Case, params) -> tuple[str, str] | None:
    """The first remedy in the council's ``route_policy`` the facts allow, with the fact that allows it."""
    allowed = dict(allowed_routes(case, params))
    for route in params.route_policy:
        if route in allowed:
            return route, allowed[route]
    return None


def check_action(case: Case, action: str, fields: dict[str, str], context, liable: list[str]) -> str | None:
    """Refuse an officer's action the facts do not allow, saying why (None: allowed)."""
    p = context.params
    debtor = fields.get("debtor")
    if debtor is not None and debtor not in liable:
        return f"{debtor!r} is not liable for this account (liable: {', '.join(liable)})"
    outstanding = case.balance_pence
    if action in ("attach_earnings", "apply_benefit_deductions", "refer_enforcement_agent", "apply_charging_order",
                  "petition_bankruptcy", "apply_committal") and outstanding <= 0:
        return f"nothing is outstanding (balance {format_pence(outstanding)})"
    if action == "attach_earnings" and not is_individual(case, debtor, liable):
        return f"an attachment of earnings needs an individual; {debtor} is a {case.debtor_kind}"
    if action == "apply_benefit_deductions" and qualifying_benefit(fields.get("benefit"), p) is None:
        return (f"{fields.get('benefit')!r} is not a benefit the DWP deducts council tax from "
                f"(one of: {', '.join(p.qualifying_benefits)})")
    try:
        if action == "attach_earnings":
            earnings(fields)
        elif action == "apply_benefit_deductions":
            standard_allowance(fields, qualifying_benefit(fields.get("benefit"), p))
    except ValueError as exc:
        return str(exc)
    under_order = order_outstanding(case, p)
    agent_fees = (f" (the balance of {format_pence(outstanding)} includes enforcement agent fees, which the order does "
                  "not cover)" if outstanding > under_order else "")
    if action == "apply_charging_order":
        if under_order < p.charging_order_min_pence:
            return (f"a charging order needs at least {format_pence(p.charging_order_min_pence)} of the liability order "
                    f"outstanding; {format_pence(under_order)} is{agent_fees} (reg 50(1)(c))")
        if case.attrs.get("owns_dwelling") is False:
            return "the account records that the debtor owns no interest in the dwelling (reg 50)"
    if action == "petition_bankruptcy":
        if not is_individual(case, debtor, liable):
            return f"a bankruptcy petition needs an individual; {debtor} is a {case.debtor_kind}"
        if under_order < p.bankruptcy_min_pence:
            return (f"a bankruptcy petition needs a debt of at least {format_pence(p.bankruptcy_min_pence)}; "
                    f"{format_pence(under_order)} is owed under the liability order{agent_fees} (IA 1986 s267(4))")
    if action == "apply_committal" and not is_individual(case, debtor, liable):
        return f"committal is only against an individual; {debtor} is a {case.debtor_kind}"
    return date_problem(case, action, fields, context)


def action_facts(case: Case, action: str, fields: dict[str, str], context) -> tuple[dict, str] | None:
    """What an attachment of earnings or a deduction from Universal Credit takes, when the officer gave the figures."""
    p = context.params
    if action == "attach_earnings":
        given = earnings(fields)
        return aeo_facts(*given, p) if given else None
    if action == "apply_benefit_deductions":
        allowance = standard_allowance(fields, qualifying_benefit(fields.get("benefit"), p))
        return uc_facts(allowance, p) if allowance is not None else None
    return None


def first_hearing(case: Case, context) -> date | None:
    """The liability order hearing the summons named, as recorded when it was issued (else worked out from its issue)."""
    st, p = case.state, context.params
    if "hearing_on" in st:
        return date.fromisoformat(st["hearing_on"])
    if "summons_on" not in st:
        return None
    return hearing_dates(date.fromisoformat(st["summons_on"]), context.calendar, min_days=p.hearing_min_days,
                         service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)[1]


def agent_since(case: Case) -> tuple[date | None, str]:
    """The day the case went to the enforcement agent (else the liability order's day), and what that day was."""
    st = case.state
    if case.stage == "enforcement_agent":
        return case.stage_since, "the case went to the enforcement agent on"
    if "ea_on" in st:
        return date.fromisoformat(st["ea_on"]), "the case went to the enforcement agent on"
    if "lo_on" in st:
        return date.fromisoformat(st["lo_on"]), "the liability order was made on"
    return None, ""


def date_problem(case: Case, action: str, fields: dict[str, str], context) -> str | None:
    """Why a date an officer gives with an action cannot stand: not a date, in the future, or too early."""
    today = case.today
    if action in ("ea_no_goods", "ea_no_goods_after_visit", "ea_no_goods_after_sale"):
        since, what = agent_since(case)
        why = f"{what} {since.isoformat()} and the agent reports after that" if since else ""
        return past_date_problem(fields, "report_date", today, since, why)
    if action == "committal_order_made":
        applied = case.stage_since
        return past_date_problem(fields, "order_date", today, applied,
                                 f"the committal application was made on {applied.isoformat()} (reg 47)")
    if action == "adjourned_order_granted":
        first = first_hearing(case, context)
        why = f"the hearing was adjourned from {first.isoformat()}" if first else ""
        return past_date_problem(fields, "hearing_date", today, first, why)
    return None
