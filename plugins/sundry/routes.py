"""Checks on an officer's route: refuse what the facts do not allow, saying why (DOMAIN §3.2 stages 4-8).

A time-barred debt is pursued no further (no letter, visit, agent, suspension
or claim; an acknowledgement after the bar does not revive it, Limitation Act
1980 s29(7)). A claim needs the pre-action letter for the debtor's kind and its
time to have run out. Judgment and enforcement fields are checked against the
claim's dates and the enforcement thresholds.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, format_pence

from .court import ENFORCEMENT_METHODS, JUDGMENT_KINDS, default_judgment_from, parse_day
from .dates import accrued_on, days_after, limitation_end, state_day
from .rules import INDIVIDUALS

PURSUIT = frozenset({
    "refer_collection_agent", "refer_collection_agent_after_review", "send_letter_of_claim", "send_letter_before_claim",
    "send_visiting_officer", "suspend_service", "record_acknowledgement", "issue_county_court_claim",
})
"""Actions that pursue the debt: refused when nothing is owed or the debt is time-barred."""


def _time_barred(case: Case, p, on: date, action: str) -> str | None:
    end = limitation_end(case, p, case.state)
    if on <= end:
        return None
    why = (f"the debt is time-barred: the right to claim accrued on {accrued_on(case, p).isoformat()}"
           + (f", time last restarted on {case.state['limitation_from']}" if case.state.get("limitation_from") else "")
           + f", and the last day to issue a claim was {end.isoformat()} (Limitation Act 1980 s5)")
    if action == "record_acknowledgement":
        return why + "; an acknowledgement after that does not revive it (s29(7))"
    return why + "; it is for write-off review, not further recovery"


def _pre_action(case: Case, p, on: date) -> str | None:
    """Why a claim may not yet be issued for want of the pre-action letter or its time, or None."""
    st = case.state
    if case.debtor_kind in INDIVIDUALS:
        sent = state_day(st.get("letter_of_claim_on"))
        if sent is None:
            return ("no Letter of Claim has been sent: the Pre-Action Protocol for Debt Claims requires one, with "
                    f"{p.letter_of_claim_reply_days} days to reply, before a claim against an individual or sole trader "
                    "(send_letter_of_claim)")
        last = days_after(sent, p.letter_of_claim_reply_days)
        advice = state_day(st.get("advice_on"))
        if advice is not None and advice >= sent:
            last = max(last, days_after(advice, p.advice_hold_days))
        if on <= last:
            return (f"the Letter of Claim of {sent.isoformat()} allows the debtor until {last.isoformat()}"
                    + (" (held for debt advice)" if advice is not None and advice >= sent else "")
                    + f"; a claim may be issued from {days_after(last, 1).isoformat()}")
        return None
    sent = state_day(st.get("letter_before_claim_on"))
    if sent is None:
        return "no letter before claim has been sent to the business (send_letter_before_claim)"
    last = days_after(sent, p.letter_before_claim_days)
    if on <= last:
        return (f"the letter before claim of {sent.isoformat()} allows until {last.isoformat()}; a claim may be issued "
                f"from {days_after(last, 1).isoformat()}")
    return None


def _judgment(case: Case, fields: dict, context) -> str | None:
    kind = fields.get("kind", "").strip()
    if kind not in JUDGMENT_KINDS:
        return f"kind: {kind!r} is not one of {', '.join(JUDGMENT_KINDS)}"
    day, refusal = parse_day(fields.get("judgment_date", ""), "judgment_date")
    if refusal:
        return refusal
    issued = state_day(case.state.get("claim_on")) or case.stage_since
    if day < issued:
        return f"judgment_date: {day.isoformat()} is before the claim was issued on {issued.isoformat()}"
    if day > context.today:
        return f"judgment_date: {day.isoformat()} is after today ({context.today.isoformat()})"
    if kind == "default":
        earliest = default_judgment_from(issued, context.calendar, context.params)
        if day < earliest:
            return (f"judgment_date: default judgment on a claim issued {issued.isoformat()} is possible from "
                    f"{earliest.isoformat()} (deemed service, then {context.params.claim_response_days} days to respond)")
    return None


def _enforcement(case: Case, fields: dict, p) -> str | None:
    method = fields.get("method", "").strip()
    if method not in ENFORCEMENT_METHODS:
        return f"method: {method!r} is not one of {', '.join(ENFORCEMENT_METHODS)}"
    owed, kind = case.balance_pence, case.debtor_kind
    if owed <= 0:
        return f"nothing is outstanding (balance {format_pence(owed)})"
    if method == "high_court_writ" and owed < p.hceo_min_pence:
        return (f"transfer to the High Court needs a judgment debt of at least {format_pence(p.hceo_min_pence)}; "
                f"{format_pence(owed)} is owed")
    if method in ("attachment_of_earnings", "bankruptcy") and kind not in INDIVIDUALS:
        return f"{method.replace('_', ' ')} needs an individual; the debtor is a {kind}"
    if method == "bankruptcy" and owed < p.bankruptcy_min_pence:
        return (f"a bankruptcy petition needs a debt of at least {format_pence(p.bankruptcy_min_pence)}; "
                f"{format_pence(owed)} is owed")
    if method == "winding_up":
        if kind != "company":
            return f"a winding-up petition is against a company; the debtor is a {kind}"
        if owed <= p.winding_up_over_pence:
            return (f"a winding-up petition needs a debt over {format_pence(p.winding_up_over_pence)}; "
                    f"{format_pence(owed)} is owed")
    return None


def check_action(case: Case, action: str, fields: dict[str, str], context, liable: list[str]) -> str | None:
    """Refuse an officer's action the facts do not allow, saying why (None: allowed)."""
    p, on = context.params, context.today
    if action in PURSUIT:
        if case.balance_pence <= 0:
            return f"nothing is outstanding (balance {format_pence(case.balance_pence)})"
        refusal = _time_barred(case, p, on, action)
        if refusal:
            return refusal
    if action == "send_letter_of_claim" and case.debtor_kind not in INDIVIDUALS:
        return ("a company gets a letter before claim (send_letter_before_claim); the Letter of Claim of the Pre-Action "
                "Protocol for Debt Claims is for individuals and sole traders")
    if action == "send_letter_before_claim" and case.debtor_kind in INDIVIDUALS:
        return (f"the debtor is a {case.debtor_kind.replace('_', ' ')}: the Pre-Action Protocol for Debt Claims requires "
                "a Letter of Claim (send_letter_of_claim)")
    if action == "suspend_service" and not p.service_suspension:
        return "the council's profile does not suspend services (service_suspension = false)"
    if action == "issue_county_court_claim":
        return _pre_action(case, p, on)
    if action == "record_judgment":
        return _judgment(case, fields, context)
    if action == "enforce_judgment":
        return _enforcement(case, fields, p)
    return None

