"""What an officer may do on a business rates account, checked against the facts (DOMAIN §2.2 stages 5-9).

The NNDR Regs give no attachment of earnings, no deductions from benefits and
no charging order, so the ladder offers none. Committal is for individuals
(a person or sole trader), never a company; winding-up is for companies, on a
debt over £750; bankruptcy for individuals owing at least £5,000 (WE-18).
Hardship relief (LGFA 1988 s49) posts a negative adjustment.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, Charge, format_pence, hearing_dates, parse_pounds, past_date_problem

__all__ = ["check_action", "action_entries", "first_hearing", "INDIVIDUALS"]

INDIVIDUALS = ("person", "sole_trader")


def _dated(fields: dict, name: str, case: Case, earliest: date | None = None, why: str = "") -> str | None:
    return past_date_problem(fields, name, case.today, earliest, why)


def first_hearing(case: Case, context) -> date:
    """The summons's hearing day: as recorded when it was issued, else worked out from its issue (WE-15)."""
    st, p = case.state, context.params
    if "hearing_on" in st:
        return date.fromisoformat(st["hearing_on"])
    issued = date.fromisoformat(st["summons_on"]) if "summons_on" in st else case.stage_since
    return hearing_dates(issued, context.calendar, min_days=p.hearing_min_days,
                         service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)[1]


def _relief_pence(fields: dict) -> tuple[int, str | None]:
    raw = fields.get("relief_amount", "")
    try:
        amount = parse_pounds(raw)
    except ValueError as exc:
        return 0, f"relief_amount: {exc}"
    if amount <= 0:
        return 0, "relief_amount must be more than zero"
    return amount, None


def check_action(case: Case, action: str, fields: dict, context, liable: list[str]) -> str | None:
    """The reason an officer action cannot be taken on these facts, or None."""
    p, kind = context.params, case.debtor_kind
    if action == "adjourned_order_granted":
        first = first_hearing(case, context)
        return _dated(fields, "hearing_date", case, first, f"the hearing was adjourned from {first.isoformat()}")
    if action == "apply_committal":
        if kind not in INDIVIDUALS:
            return (f"committal is only for an individual ratepayer (a person or sole trader), not a {kind} "
                    "(NNDR Regs regs 16-17); a company is pursued by winding-up")
        return _dated(fields, "ea_return_date", case)
    if action == "petition_bankruptcy":
        if kind not in INDIVIDUALS:
            return f"bankruptcy is for an individual ratepayer (a person or sole trader), not a {kind}; use winding-up"
        if case.balance_pence < p.bankruptcy_min_pence:
            return (f"a bankruptcy petition needs a debt of at least {format_pence(p.bankruptcy_min_pence)} "
                    f"(IA 1986 s267(4)); the balance is {format_pence(case.balance_pence)}")
        return None
    if action == "petition_winding_up":
        if kind != "company":
            return f"winding-up is for a company ratepayer, not a {kind}; an individual may be made bankrupt instead"
        if case.balance_pence <= p.winding_up_over_pence:
            return (f"a winding-up petition needs a debt over {format_pence(p.winding_up_over_pence)} (IA 1986 s123); "
                    f"the balance is {format_pence(case.balance_pence)}")
        return None
    if action == "hardship_relief":
        amount, problem = _relief_pence(fields)
        if problem:
            return problem
        if amount > case.balance_pence:
            return (f"relief of {format_pence(amount)} is more than the balance of {format_pence(case.balance_pence)} "
                    "(LGFA 1988 s49 reduces what is owed)")
        return None
    return None


def action_entries(case: Case, action: str, fields: dict, context) -> list[Charge]:
    """The ledger entries an action posts: hardship relief is a negative adjustment on the action's date."""
    if action != "hardship_relief":
        return []
    amount, problem = _relief_pence(fields)
    if problem:
        return []
    ref = fields.get("decision_ref", "").strip()
    return [Charge(-amount, case.today, f"Hardship relief (LGFA 1988 s49), decision {ref}", kind="adjustment")]
