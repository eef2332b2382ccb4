"""Billing and the guards of the sundry ladder. Each guard answers the date a step falls due (None: not on these facts).

Guards read the profile's parameters in force today and the dates the review
records in the case's state (when each letter went, when time restarted); see
:mod:`arrears_sundry.dates` for the counting rules.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Billing, Case, Charge, cleared

from .dates import DAY, days_after, idle_limits, limitation_end, state_day

INDIVIDUALS = frozenset({"person", "sole_trader"})
COURT = frozenset({"claim_issued", "judgment", "enforcement"})
"""Stages in court: a claim issued in time is not barred, and the court's timetable governs."""
NOT_TIME_BARRED = COURT | {"write_off_review"}
LIMITED = frozenset({"reminder", "final_notice", "further_recovery", "letter_of_claim", "advice_hold",
                     "letter_before_claim", "visiting_officer", "with_agent", "service_suspended"})
"""Stages the action limit watches (at officer review the case is already before an officer)."""


def bill(case: Case) -> Billing:
    """An invoice is one charge for its amount on its date."""
    return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Invoice")])


# --- the notices ------------------------------------------------------------------------------------------


def unpaid_after_terms(case: Case, context) -> date | None:
    """The reminder: the profile's days after the due date (the day after, by default)."""
    if case.balance_pence <= 0:
        return None
    p = context.params
    return case.opened_on + timedelta(days=p.payment_terms_days + p.reminder_after_due_days)


def unpaid_after_reminder(case: Case, context) -> date | None:
    """The final notice: the day after the reminder's days have run out."""
    if case.balance_pence <= 0:
        return None
    return case.stage_since + timedelta(days=context.params.reminder_days + 1)


def notices_over(case: Case, p) -> date | None:
    """The day after the last notice's days have run out, and the debt has the profile's least age for further recovery."""
    if case.balance_pence <= 0:
        return None
    if case.stage == "reminder":
        if p.final_notice:
            return None
        days = p.reminder_days
    else:
        days = p.final_notice_days
    step = days_after(case.stage_since, days + 1)
    if p.further_recovery_min_age_days:
        step = max(step, days_after(case.opened_on, p.further_recovery_min_age_days))
    return step


def letter_of_claim_due(case: Case, context) -> date | None:
    return notices_over(case, context.params) if case.debtor_kind in INDIVIDUALS else None


def letter_before_claim_due(case: Case, context) -> date | None:
    return notices_over(case, context.params) if case.debtor_kind not in INDIVIDUALS else None


def further_recovery_due(case: Case, context) -> date | None:
    p = context.params
    return None if p.pre_action_letters else notices_over(case, p)


# --- the pre-action letters' time -------------------------------------------------------------------------


def letter_of_claim_expired(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return days_after(case.stage_since, context.params.letter_of_claim_reply_days + 1)


def hold_end(case: Case, p) -> date:
    """The last day of the advice hold: the later of the reply period's end and the hold from the debtor's reply."""
    letter = state_day(case.state.get("letter_of_claim_on")) or case.stage_since
    return max(days_after(letter, p.letter_of_claim_reply_days), days_after(case.stage_since, p.advice_hold_days))


def advice_hold_over(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return hold_end(case, context.params) + DAY


def letter_before_claim_expired(case: Case, context) -> date | None:
    if case.balance_pence <= 0:
        return None
    return days_after(case.stage_since, context.params.letter_before_claim_days + 1)


def acknowledgement_taken(case: Case, context) -> date | None:
    return case.stage_since


# --- limits -----------------------------------------------------------------------------------------------


def time_barred(case: Case, context) -> date | None:
    """The day after the last day a claim may be issued, for an unpaid debt not already in court or under review."""
    if case.balance_pence <= 0 or case.stage in NOT_TIME_BARRED:
        return None
    return limitation_end(case, context.params, case.state) + DAY


def idle_too_long(case: Case, context) -> date | None:
    """The day the profile's action limit is reached at a stage awaiting further action."""
    if case.balance_pence <= 0 or case.stage not in LIMITED:
        return None
    p = context.params
    return idle_limits(case, p)[1]


GUARDS = {
    "cleared": cleared,
    "time_barred": time_barred,
    "unpaid_after_terms": unpaid_after_terms,
    "unpaid_after_reminder": unpaid_after_reminder,
    "letter_of_claim_due": letter_of_claim_due,
    "letter_before_claim_due": letter_before_claim_due,
    "further_recovery_due": further_recovery_due,
    "letter_of_claim_expired": letter_of_claim_expired,
    "advice_hold_over": advice_hold_over,
    "letter_before_claim_expired": letter_before_claim_expired,
    "acknowledgement_taken": acknowledgement_taken,
    "idle_too_long": idle_too_long,
}
