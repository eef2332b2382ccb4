"""Officer actions on a PCN: the checks on the facts and fields, the ledger entries and state they leave.

An informal challenge is only for an on-street PCN, formal representations
against the PCN itself only for a postal one (reg 10). A payment plan needs the
profile's ``instalments_allowed``. Accepting a challenge, representations or an
appeal cancels the PCN: the charge is taken off and anything paid is to be
refunded. Revoking the Order for Recovery takes off the charge certificate's
increase and the registration fee; the Notice to Owner is served afresh.
"""

from __future__ import annotations


from arrears import Case, Charge, format_pence

from .amounts import certificate_increase_pence
from .dates import on_street
from .plan import PLAN_ACTIONS, plan_state, read_plan_fields

CANCELLED_BY = {
    "challenge_accepted": "informal challenge accepted",
    "representations_accepted": "representations accepted",
    "appeal_allowed": "appeal allowed by the adjudicator",
}
NEEDS_BALANCE = ("refer_enforcement_agent", *PLAN_ACTIONS)


def check_action(case: Case, action: str, fields: dict[str, str], context, liable: list[str]) -> str | None:
    """Refuse an officer's action the facts or fields do not allow, saying why (None: allowed)."""
    p, today = context.params, context.today
    if action == "informal_challenge" and not on_street(case):
        return ("a postal PCN (reg 10) is itself the formal notice: record representations against it "
                "(representations_on_pcn)")
    if action == "representations_on_pcn" and on_street(case):
        return ("an on-street PCN is challenged informally (informal_challenge); formal representations answer the "
                "Notice to Owner")
    if action in NEEDS_BALANCE and case.balance_pence <= 0:
        return f"nothing is outstanding (balance {format_pence(case.balance_pence)})"
    if action in PLAN_ACTIONS:
        if not p.instalments_allowed:
            return ("the council's profile does not allow PCNs to be paid by instalments (instalments_allowed = false; "
                    "PCNs are generally not paid by instalments)")
        read = read_plan_fields(fields, today)
        if isinstance(read, str):
            return read
    return None


def action_entries(case: Case, action: str, fields: dict[str, str], context) -> list[Charge]:
    """The adjustments an officer's action posts: a cancellation, or the revoked order's increase and fee."""
    today = context.today
    if action in CANCELLED_BY:
        amount = case.balance_pence + case.paid_pence
        if not amount:
            return []
        refund = f"; {format_pence(case.paid_pence)} paid, to be refunded" if case.paid_pence > 0 else ""
        return [Charge(-amount, today, f"PCN cancelled ({CANCELLED_BY[action]}): {format_pence(amount)} taken off{refund}",
                       kind="adjustment")]
    if action == "order_revoked":
        st, p = case.state, context.params
        increase = st.get("cc_increase_pence", certificate_increase_pence(case.amount_pence, p))
        fee = st.get("tec_fee_pence", p.tec_registration_fee_pence)
        if not increase + fee:
            return []
        return [Charge(-(increase + fee), today,
                       f"Order for Recovery revoked: charge certificate increase {format_pence(increase)} and "
                       f"registration fee {format_pence(fee)} taken off; Notice to Owner served afresh",
                       kind="adjustment")]
    return []


def action_state(case: Case, action: str, fields: dict[str, str], context) -> dict | None:
    """The case's state after an officer's action (None: unchanged)."""
    today = context.today.isoformat()
    st = case.state
    if action == "challenge_rejected":
        return {**st, "challenge_rejected_on": today}
    if action in PLAN_ACTIONS:
        instalment, first_due = read_plan_fields(fields, context.today)  # checked by check_action
        return plan_state(case, instalment, first_due)
    if action == "refer_enforcement_agent" and "ea_debt_pence" not in st:
        return {**st, "ea_on": today, "ea_debt_pence": case.balance_pence, "ea_paid_pence": case.paid_pence}
    if action == "order_revoked":
        return {k: v for k, v in st.items() if k not in ("cc_on", "cc_increase_pence", "tec_on", "tec_fee_pence")}
    return None
