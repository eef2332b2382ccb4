"""What a PCN move writes down: the facts its reason names and the state a later step needs.

The state holds only what a later day cannot work out from the case's facts:
the charge certificate's increase and the registration fee (taken back if the
Order for Recovery is revoked), the day an informal challenge was rejected,
and an agreed payment plan.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, format_pence, period_end

from .amounts import certificate_increase_pence, discount_pence, discounted_pence
from .dates import discount_days, notice_dates, pcn_dates
from .plan import plan_facts

CERTIFICATE_RULES = {
    "charge_certificate_postal", "charge_certificate", "charge_certificate_after_rejection", "charge_certificate_after_appeal",
}
DISCOUNT_RULES = {"paid_at_discount", "paid_at_discount_in_challenge"}


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def refund_note(paid_over: int) -> str:
    """``; £15.00 paid over it, to be refunded`` (empty when nothing was paid over)."""
    return f"; {format_pence(paid_over)} paid over it, to be refunded" if paid_over > 0 else ""


def on_move(case: Case, context, rule: str) -> tuple[dict, dict | None]:
    """(facts for the reason, the case's new state or None) for the move ``rule`` made today."""
    p, today = context.params, case.today
    facts: dict = {"certificate_increase_percent": str(p.certificate_increase_percent),
                   "discount_percent": str(p.discount_percent)}
    state = None
    if rule in DISCOUNT_RULES:
        dates = pcn_dates(case, context)
        discounted = discounted_pence(case.amount_pence, p)
        facts.update(
            paid_on=_iso(case.last_payment_on), served_on=_iso(dates.served_on), discount_end=_iso(dates.discount_end),
            discounted_pence=discounted, discount_pence=discount_pence(case.amount_pence, p),
            refund_note=refund_note(case.paid_pence - discounted), challenged_on=_iso(case.stage_since),
        )
        if dates.reoffer_end is not None and case.last_payment_on > dates.discount_end:
            facts["window"] = (f"the discount offered again on rejecting the challenge on "
                               f"{case.state['challenge_rejected_on']}, to {_iso(dates.reoffer_end)}")
        else:
            facts["window"] = (f"the discount period ending {_iso(dates.discount_end)} ({discount_days(case, p)} days "
                               f"beginning with service on {_iso(dates.served_on)})")
    elif rule == "notice_to_owner":
        dates = pcn_dates(case, context)
        nto_served, nto_pay_by = notice_dates(today, p.payment_days, context)
        facts.update(served_on=_iso(dates.served_on), nto_served_on=_iso(nto_served), nto_pay_by=_iso(nto_pay_by),
                     nto_latest=_iso(dates.nto_latest), after=_after(case, dates, p))
    elif rule == "notice_to_owner_out_of_time":
        dates = pcn_dates(case, context)
        facts.update(served_on=_iso(dates.served_on), nto_latest=_iso(dates.nto_latest))
    elif rule in CERTIFICATE_RULES:
        increase = certificate_increase_pence(case.amount_pence, p)
        facts.update(_certificate_basis(case, context, rule))
        cc_served, cc_pay_by = notice_dates(today, p.charge_certificate_days, context)
        facts.update(increase_pence=increase, charge_now_pence=case.balance_pence + increase,
                     cc_served_on=_iso(cc_served), cc_pay_by=_iso(cc_pay_by))
        state = {**case.state, "cc_on": today.isoformat(), "cc_increase_pence": increase}
    elif rule == "representations_deemed_accepted":
        facts.update(received_on=_iso(case.stage_since),
                     decide_by=_iso(period_end(case.stage_since, p.representations_decision_days)),
                     refund_note=_paid_note(case))
    elif rule == "register_at_tec":
        cc_served, pay_by = notice_dates(case.stage_since, p.charge_certificate_days, context)
        ofr_served, ofr_pay_by = notice_dates(today, p.order_for_recovery_days, context)
        facts.update(cc_served_on=_iso(cc_served), pay_by=_iso(pay_by), debt_now_pence=case.balance_pence + p.tec_registration_fee_pence,
                     ofr_served_on=_iso(ofr_served), ofr_pay_by=_iso(ofr_pay_by))
        state = {**case.state, "tec_on": today.isoformat(), "tec_fee_pence": p.tec_registration_fee_pence}
    elif rule == "warrant_of_control":
        ofr_served, pay_by = notice_dates(case.stage_since, p.order_for_recovery_days, context)
        facts.update(ofr_served_on=_iso(ofr_served), pay_by=_iso(pay_by))
    elif rule == "payment_plan_broken":
        facts.update(plan_facts(case))
    return facts, state


def _paid_note(case: Case) -> str:
    return f"; {format_pence(case.paid_pence)} paid, to be refunded" if case.paid_pence > 0 else ""


def _after(case: Case, dates, p) -> str:
    """Why the Notice to Owner goes today: the end of the payment period, of a re-offered discount, or of the challenge."""
    rejected = case.state.get("challenge_rejected_on")
    if dates.reoffer_end is not None and dates.reoffer_end > dates.payment_end:
        text = f"after the discount offered again on rejecting the challenge ended {_iso(dates.reoffer_end)}"
    elif rejected and rejected > _iso(dates.payment_end):
        text = f"after the challenge was rejected on {rejected}"
    else:
        text = f"at the end of its {p.payment_days}-day payment period on {_iso(dates.payment_end)}"
        if p.notice_to_owner_grace_days:
            n = p.notice_to_owner_grace_days
            text += f" and {n} day's grace" if n == 1 else f" and {n} days' grace"
    if dates.nto_capped:
        text += " (today is the last day a Notice to Owner may be sent)"
    return text


def _certificate_basis(case: Case, context, rule: str) -> dict:
    """The notice whose period ran out before a charge certificate, and its last day."""
    p = context.params
    if rule == "charge_certificate_postal":
        dates = pcn_dates(case, context)
        return {"served_on": _iso(dates.served_on), "pay_by": _iso(dates.payment_end)}
    if rule == "charge_certificate":
        served, pay_by = notice_dates(case.stage_since, p.payment_days, context)
        return {"nto_served_on": _iso(served), "pay_by": _iso(pay_by)}
    served, pay_by = notice_dates(case.stage_since, p.appeal_days, context)
    return {"decision_served_on": _iso(served), "pay_by": _iso(pay_by)}
