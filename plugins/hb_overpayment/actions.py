"""Officer actions: what the facts allow, what each records, what it posts (DOMAIN §4.1, §4.2, §7.4).

:func:`check_action` refuses, with the reason, a method the facts do not allow
(no ongoing HB, a benefit the DWP does not deduct from, earnings in the DEA's 0%
band, HB not paid to a landlord, court action after the limitation period) or
fields that do not read. :func:`action_facts` records the amount each method
takes, computed from the fields and the parameters in force on the action's
date. Fields are key=value text, so money and dates are parsed here.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, Charge, Fee, Move, format_pence, parse_pounds

from .deductions import claim_issue_fee, dea_deduction, dwp_deduction, hb_weekly_maximum, normalise_benefit
from .methods import INDIVIDUALS, describe_methods, gets_hb, is_fraud, limitation_end

__all__ = ["check_action", "action_facts", "action_state", "action_entries", "transition_fees", "hb_disregard"]

METHODS = frozenset({
    "deduct_from_hb", "issue_invoice", "request_dwp_deduction", "start_dea", "recover_from_landlord",
    "ask_other_council", "transfer_to_rent_account", "refer_collection_agent", "start_county_claim",
})
BACK_TO_REVIEW = frozenset({
    "hb_deduction_ended", "dwp_deduction_ended", "dea_ended", "landlord_recovery_ended", "rent_transfer_ended",
    "agent_returned", "county_claim_ended", "invoice_recalled", "final_notice_recalled", "appeal_decided",
})
YES, NO = ("yes", "y", "true", "1"), ("no", "n", "false", "0")


class FieldProblem(ValueError):
    """A field that does not read; its message names the field."""


def _money(fields: dict, name: str, *, allow_zero: bool = True) -> int:
    try:
        value = parse_pounds(fields[name])
    except ValueError as exc:
        raise FieldProblem(f"{name}: {exc}") from None
    if value == 0 and not allow_zero:
        raise FieldProblem(f"{name}: must be more than £0.00")
    return value


def _yes_no(fields: dict, name: str) -> bool:
    text = fields[name].strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise FieldProblem(f"{name}: {fields[name]!r} is not yes or no")


def _date(fields: dict, name: str) -> date:
    try:
        return date.fromisoformat(fields[name].strip())
    except ValueError:
        raise FieldProblem(f"{name}: {fields[name]!r} is not a date (YYYY-MM-DD)") from None


def hb_disregard(case: Case) -> int:
    """The earnings disregard used for HB deductions: the one an officer gave when starting them, else the import's."""
    st = case.state
    if "hb_disregard_pence" in st:
        return st["hb_disregard_pence"]
    return case.attrs.get("earnings_disregard") or 0


def _refusal(case: Case, action: str, fields: dict, context) -> str | None:
    p, today = context.params, context.today
    if action in METHODS and case.balance_pence <= 0:
        return f"nothing is outstanding (balance {format_pence(case.balance_pence)})"
    if action == "deduct_from_hb":
        _money(fields, "earnings_disregard")
        if case.attrs.get("on_hb") is not True:
            return "the account does not record that the debtor gets HB (on_hb): there is no award to deduct from (reg 102)"
        if not gets_hb(case):
            return f"HB deductions stopped on {case.state['hb_stopped_on']}: the debtor no longer gets HB"
    elif action == "agree_hardship_rate":
        agreed = _money(fields, "weekly_amount", allow_zero=False)
        maximum = hb_weekly_maximum(p, today, fraud=is_fraud(case), disregard_pence=hb_disregard(case)).pence
        if agreed >= maximum:
            return (f"{format_pence(agreed)} a week is not lower than the weekly maximum {format_pence(maximum)}: a "
                    "hardship rate must be lower")
    elif action == "request_dwp_deduction":
        benefit = normalise_benefit(fields["benefit"])
        _yes_no(fields, "has_earnings")
        if benefit not in p.dwp_benefits:
            return (f"{fields['benefit']!r} is not a benefit the DWP deducts HB overpayments from "
                    f"(one of: {', '.join(p.dwp_benefits)})")
    elif action == "start_dea":
        net = _money(fields, "net_earnings")
        period = fields["pay_period"].strip().lower()
        if period not in ("weekly", "monthly"):
            raise FieldProblem(f"pay_period: {fields['pay_period']!r} is not weekly or monthly")
        if case.debtor_kind not in INDIVIDUALS:
            return f"a Direct Earnings Attachment needs an employed individual; the debtor is a {case.debtor_kind}"
        if gets_hb(case):
            return "the debtor still gets HB: a DEA is for debtors not on HB; deduct from ongoing HB (DOMAIN §4.2 stage 6)"
        if dea_deduction(net, period, p.dea).pence == 0:
            return f"net earnings of {format_pence(net)} {period} are in the DEA table's 0% band: nothing would be deducted"
    elif action == "recover_from_landlord" and case.attrs.get("landlord_paid") is not True:
        return "HB was not paid to a landlord on this claim (landlord_paid): there is no landlord to recover from (reg 101)"
    elif action == "start_county_claim" and today > limitation_end(case, p):
        return (f"court action had to start by {limitation_end(case, p).isoformat()}, {p.court_limitation_years} years "
                "after the overpayment notice (Limitation Act 1980 s9); benefit deductions are not time-limited")
    elif action == "appeal_lodged":
        lodged = _date(fields, "lodged_on")
        if lodged < case.opened_on or lodged > today:
            return (f"lodged_on {lodged.isoformat()} must be between the notice date {case.opened_on.isoformat()} and "
                    f"today {today.isoformat()}")
    elif action == "appeal_decided":
        recoverable = _money(fields, "recoverable_amount", allow_zero=False)
        if recoverable > case.amount_pence:
            return (f"recoverable_amount {format_pence(recoverable)} is more than the overpayment "
                    f"{format_pence(case.amount_pence)}: a higher amount needs a new decision and notice")
    return None


def check_action(case: Case, action: str, fields: dict[str, str], context, liable: list[str]) -> str | None:
    """Refuse an officer's action the facts or its fields do not allow, saying why (None: allowed)."""
    try:
        return _refusal(case, action, fields, context)
    except FieldProblem as exc:
        return str(exc)


def action_facts(case: Case, action: str, fields: dict[str, str], context) -> tuple[dict, str] | None:
    """The amount the chosen method takes (or what an officer's move leaves open), as facts and a sentence."""
    p, today = context.params, context.today
    if action == "deduct_from_hb":
        found = hb_weekly_maximum(p, today, fraud=is_fraud(case), disregard_pence=_money(fields, "earnings_disregard"))
        return found.facts, f"Weekly maximum {found.how}."
    if action == "agree_hardship_rate":
        found = hb_weekly_maximum(p, today, fraud=is_fraud(case), disregard_pence=hb_disregard(case))
        agreed = _money(fields, "weekly_amount")
        return ({**found.facts, "agreed_weekly_pence": agreed},
                f"Agreed {format_pence(agreed)} a week, below the weekly maximum {found.how}.")
    if action == "request_dwp_deduction":
        found = dwp_deduction(p, today, benefit=fields["benefit"], fraud=is_fraud(case),
                              has_earnings=_yes_no(fields, "has_earnings"))
        return found.facts, f"Deduction {found.how}."
    if action == "start_dea":
        found = dea_deduction(_money(fields, "net_earnings"), fields["pay_period"].strip().lower(), p.dea)
        return found.facts, (f"The employer deducts {found.how} (the DEA table; at most {p.dea.cap_percent}% of net "
                             f"earnings), and may charge {format_pence(p.dea.employer_fee_pence)} a deduction.")
    if action == "start_county_claim":
        found = claim_issue_fee(case.balance_pence, p.claim_fees)
        end = limitation_end(case, p).isoformat()
        return {**found.facts, "limitation_end": end}, f"Claim for {format_pence(case.balance_pence)}: {found.how} added."
    if action in BACK_TO_REVIEW:
        methods = describe_methods(case, p)
        return {"methods": methods}, f"The facts allow: {methods}."
    return None


def action_state(case: Case, action: str, fields: dict[str, str], context) -> dict | None:
    """What later days need from an officer's action: the disregard used, the hardship rate, that HB deductions ended."""
    st = dict(case.state)
    if action == "deduct_from_hb":
        st["hb_disregard_pence"] = _money(fields, "earnings_disregard")
    elif action == "agree_hardship_rate":
        st.update(hardship_weekly_pence=_money(fields, "weekly_amount"), hardship_from=context.today.isoformat())
    elif action == "hb_deduction_ended":
        st["hb_stopped_on"] = context.today.isoformat()
    else:
        return None
    return st


def action_entries(case: Case, action: str, fields: dict[str, str], context) -> list[Charge]:
    """The adjustment an appeal's outcome posts: the whole balance when allowed, the reduction when revised."""
    if action == "appeal_allowed" and case.balance_pence > 0:
        return [Charge(-case.balance_pence, context.today, f"Overpayment cancelled on appeal: {fields['decision']}",
                       kind="adjustment")]
    if action == "appeal_decided":
        reduction = _money(fields, "recoverable_amount") - case.amount_pence
        if reduction < 0:
            return [Charge(reduction, context.today, f"Overpayment revised on appeal to "
                           f"{format_pence(case.amount_pence + reduction)}: {fields['decision']}", kind="adjustment")]
    return []


def transition_fees(context, moves: list[tuple[Case, Move]]) -> list[Fee]:
    """The county court issue fee when a claim is issued (DOMAIN §7.4); no other move adds a fee."""
    out = []
    for case, move in moves:
        if move.rule == "start_county_claim" and case.balance_pence > 0:
            found = claim_issue_fee(case.balance_pence, context.params.claim_fees)
            out.append(Fee(case.id, found.pence, "claim_issue_fee", f"County court claim {found.how} (DOMAIN §7.4)"))
    return out
