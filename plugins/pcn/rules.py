"""Stage progression: the guards of the PCN ladder and the nightly review (SI 2022/71 regs 20-22, SI 2022/576, CPR 75).

Each guard answers from which date its transition may fire. The review is the
core's :class:`arrears.LadderReview`; a move's reason is completed with the dates
and sums it was decided on (:func:`arrears_pcn.records.on_move`), and what a
later step needs (the charge certificate's increase, the registration fee) is
written to the case's state.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, LadderReview, cleared

from .amounts import discounted_pence
from .dates import DAY, after, notice_dates, on_street, pcn_dates
from .ladder import LADDER
from .plan import plan_short_from
from .records import on_move

# --- guards -----------------------------------------------------------------------------------------------


def paid_at_discount(case: Case, context) -> date | None:
    """The discounted charge paid, the last payment within the discount period (or the discount offered again)."""
    last = case.last_payment_on
    if last is None or case.paid_pence < discounted_pence(case.amount_pence, context.params):
        return None
    return last if last <= pcn_dates(case, context).window_end else None


def paid_at_discount_in_challenge(case: Case, context) -> date | None:
    """The discounted charge paid while an informal challenge made within the discount period is considered."""
    last = case.last_payment_on
    if last is None or case.paid_pence < discounted_pence(case.amount_pence, context.params):
        return None
    return last if case.stage_since <= pcn_dates(case, context).discount_end else None


def on_street_unpaid(case: Case, context) -> date | None:
    """Notice to Owner: from the day after the payment period (and any re-offered discount), at the latest on its last lawful day."""
    if case.balance_pence <= 0 or not on_street(case):
        return None
    dates = pcn_dates(case, context)
    return None if case.today > dates.nto_latest else dates.nto_from


def notice_to_owner_out_of_time(case: Case, context) -> date | None:
    """Unpaid on-street PCN still without a Notice to Owner after the six months (reg 20(2))."""
    if case.balance_pence <= 0 or not on_street(case):
        return None
    return pcn_dates(case, context).nto_latest + DAY


def postal_unpaid(case: Case, context) -> date | None:
    """A postal PCN (reg 10) unpaid at the end of its payment period: the charge certificate."""
    if case.balance_pence <= 0 or on_street(case):
        return None
    return after(pcn_dates(case, context).payment_end, 1)


def _unpaid_after_notice(days_param: str):
    def guard(case: Case, context) -> date | None:
        if case.balance_pence <= 0:
            return None
        return notice_dates(case.stage_since, getattr(context.params, days_param), context)[1] + DAY

    guard.__name__ = f"unpaid_after_{days_param}"
    return guard


def representations_undecided(case: Case, context) -> date | None:
    """Representations not decided within 56 days beginning with receipt are taken as accepted."""
    return after(case.stage_since, context.params.representations_decision_days)


def payment_plan_broken(case: Case, context) -> date | None:
    """A plan behind on an instalment once the grace days after its due date are over."""
    if case.balance_pence <= 0:
        return None
    short = plan_short_from(case)
    return None if short is None else after(short[0], context.params.plan_grace_days + 1)


GUARDS = {
    "cleared": cleared,
    "paid_at_discount": paid_at_discount,
    "paid_at_discount_in_challenge": paid_at_discount_in_challenge,
    "on_street_unpaid": on_street_unpaid,
    "notice_to_owner_out_of_time": notice_to_owner_out_of_time,
    "postal_unpaid": postal_unpaid,
    "notice_to_owner_unpaid": _unpaid_after_notice("payment_days"),
    "unpaid_after_decision": _unpaid_after_notice("appeal_days"),
    "representations_undecided": representations_undecided,
    "charge_certificate_unpaid": _unpaid_after_notice("charge_certificate_days"),
    "order_for_recovery_unpaid": _unpaid_after_notice("order_for_recovery_days"),
    "payment_plan_broken": payment_plan_broken,
}


# --- the review -------------------------------------------------------------------------------------------


def _on_move(case: Case, context, rule: str, st: dict) -> dict:
    """The facts a move's reason names; what a later step needs (the increase, the fee) goes to the state."""
    facts, state = on_move(case, context, rule)
    if state is not None:
        st.clear()
        st.update(state)
    return facts


REVIEW = LadderReview(LADDER, GUARDS, on_move=_on_move)
"""The nightly review: the first due rule fires, its reason completed with the dates and sums it was decided on."""

review = REVIEW.review
progress = REVIEW.progress
