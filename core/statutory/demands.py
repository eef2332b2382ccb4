"""Recovery of demand-notice debts (Council Tax and business rates): defaults, reminder windows, summons dates.

The arithmetic both regimes share (CT Regs 1992 regs 23, 33-35; NNDR Regs 1989
regs 8, 11-12): which part of an instalment schedule is overdue, when a
reminder's window ends and how compliance is judged and remembered, when the
whole balance becomes payable, when a summons may follow a final notice, and
when the earliest liability-order hearing is. Periods "of N days beginning
with" a day include that day (DOMAIN §13).

Compliance with a reminder is judged on what was paid by the last day of its
window: a case's facts are as of the business date, so :func:`judge_reminder`
records the verdict in the case's state on that day, and a later payment does
not change it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

from ..cases import Case
from ..ladder import Stage, Transition
from .working_days import WorkingCalendar

__all__ = [
    "period_end", "overdue", "first_unpaid_due", "next_due_on", "reminder_pay_by", "balance_payable_from",
    "summons_from", "hearing_dates", "judge_reminder", "reminder_verdict", "state_day", "default_guard",
    "reminder_complied", "reminder_not_complied", "balance_unpaid_when_due", "summons_dates", "paid_before_hearing",
    "hearing_held", "court_outcome_transitions", "summons_withdrawal_transitions", "demand_year_problems",
    "summons_time_barred", "out_of_time_stage", "out_of_time_transitions", "reminder_outcome_transitions",
    "remedy_ended", "review_by_window_end",
]


def period_end(start: date, days: int) -> date:
    """Last day of a period of ``days`` days beginning with ``start``."""
    return start + timedelta(days=days - 1)


def _credited(case: Case) -> int:
    """Pence credited against the charges so far: payments and reductions (fees cancel out)."""
    return case.charged_pence - case.balance_pence


_last: list = [None, None, 0]


def overdue(case: Case, day: date) -> int:
    """Pence of the schedule due on or before ``day`` not yet met, as of the case's date.

    Credits (payments, reductions) meet the earliest instalments first; the
    answer never exceeds the balance and is never negative. (The last answer
    is kept: a review asks the same question of a case several times.)
    """
    balance = case.balance_pence
    if balance <= 0:
        return 0
    key = (day, case.today, balance, case.charged_pence)
    if _last[0] is case and _last[1] == key:
        return _last[2]
    answer = max(0, min(balance, case.due_by(day) - (case.charged_pence - balance)))
    _last[0], _last[1], _last[2] = case, key, answer
    return answer


def first_unpaid_due(case: Case, before: date) -> date | None:
    """The due date of the earliest instalment falling due before ``before`` that credits have not met."""
    left = _credited(case)
    for due, pence in case.schedule:
        if due >= before:
            return None
        left -= pence
        if left < 0:
            return due
    return None


def next_due_on(case: Case, day: date) -> date | None:
    """The first instalment due date on or after ``day`` (None: nothing left to fall due)."""
    for due, _ in case.schedule:
        if due >= day:
            return due
    return None


@lru_cache(maxsize=4096)
def reminder_pay_by(issued: date, days: int = 7) -> date:
    """Last day to comply with a reminder: ``days`` days beginning with the issue day (CT reg 23(3); NNDR reg 8)."""
    return period_end(issued, days)


def balance_payable_from(reminder_on: date, offset_days: int = 14) -> date:
    """Day the whole balance becomes payable after a reminder not complied with (WE-12: 2 July → 16 July)."""
    return reminder_on + timedelta(days=offset_days)


def summons_from(final_notice_on: date, days: int = 7) -> date:
    """First day a summons may be sought after a final notice: after ``days`` days beginning with its issue (WE-14)."""
    return final_notice_on + timedelta(days=days)


def hearing_dates(
    posted: date, calendar: WorkingCalendar, *, min_days: int = 14, service_working_days: int = 2, listing_days: int = 0,
) -> tuple[date, date]:
    """(deemed service, hearing) for a summons posted on ``posted``.

    Service is deemed on the ``service_working_days``-th working day after
    posting (2: first-class post); ``min_days`` must then elapse (CT reg
    35(2A)), so the earliest hearing is the day after they have; a council's
    listing may add ``listing_days``; a court sits on a working day (WE-15).
    """
    served = calendar.deemed_served(posted, service_working_days)
    hearing = served + timedelta(days=min_days + 1 + listing_days)
    while not calendar.is_working_day(hearing):
        hearing += timedelta(days=1)
    return served, hearing


def judge_reminder(case: Case, state: dict[str, Any], reminder_on: date, days: int = 7) -> bool:
    """Record in ``state`` whether the reminder issued on ``reminder_on`` was complied with, once its window has ended.

    Called on every review of a case at a reminder stage (the case must be
    reviewed on the window's last day). On that day the facts are exactly what
    was paid within the window: complied means nothing due by the last day
    (arrears plus instalments falling due in the window) is unpaid. If the
    review comes later, the verdict is exact when no payment has been made
    since the window ended, and otherwise judged on the facts available.
    Returns True when ``state`` changed.
    """
    pay_by = reminder_pay_by(reminder_on, days)
    if case.today < pay_by or state.get("judged_reminder_on") == reminder_on.isoformat():
        return False
    unpaid = overdue(case, pay_by)
    state["judged_reminder_on"] = reminder_on.isoformat()
    state["reminder_complied"] = unpaid == 0
    state["unpaid_at_pay_by_pence"] = unpaid
    if case.today > pay_by and case.last_payment_on is not None and case.last_payment_on > pay_by:
        state["judged_late"] = True
    else:
        state.pop("judged_late", None)
    return True


def review_by_window_end(reminder_stages: tuple[str, ...]):
    """A :class:`~arrears.LadderReview` ``adjust``: look at a case at a reminder stage on its window's last day.

    Compliance with a reminder is judged on the last day of its window
    (:func:`judge_reminder`), so the case must be reviewed that day even when no
    rule could fire then.
    """

    def adjust(case: Case, context, next_review: date | None) -> date | None:
        if case.stage in reminder_stages:
            pay_by = reminder_pay_by(case.stage_since, context.params.reminder_days)
            if case.today < pay_by and (next_review is None or next_review > pay_by):
                return pay_by
        return next_review

    return adjust


def reminder_verdict(case: Case, state: dict[str, Any], reminder_on: date, days: int = 7) -> bool | None:
    """Whether the reminder was complied with: True, False, or None while its window is still open and unmet.

    Within the window the reminder is complied with as soon as everything due
    by its last day has been paid; after the window the recorded verdict holds.
    """
    pay_by = reminder_pay_by(reminder_on, days)
    if case.today <= pay_by:
        return True if overdue(case, pay_by) == 0 else None
    if state.get("judged_reminder_on") == reminder_on.isoformat():
        return bool(state.get("reminder_complied"))
    return overdue(case, pay_by) == 0


def demand_year_problems(attrs: dict, opened_on: date, *, first_year: int, tax: str) -> list[tuple[str, str]]:
    """Why an imported demand's ``financial_year`` cannot stand with its issue date ``opened_on`` (empty: it can).

    The year must be one the tax existed in (``first_year`` onwards); a demand
    is issued at the earliest in the January before its year (councils set
    their amounts by March) and at the latest six years after the year ends,
    beyond which no liability order can be sought (CT Regs reg 34(3); NNDR
    Regs reg 11(3)).
    """
    year = attrs.get("financial_year")
    if year is None:
        return []
    if year < first_year:
        return [("financial_year", f"{year} is before {tax} began ({first_year}/{(first_year + 1) % 100:02d})")]
    if opened_on < date(min(year, 9999), 1, 1):
        return [("financial_year", f"a demand for {year}/{(year + 1) % 100:02d} cannot be issued on {opened_on.isoformat()}, "
                                   f"before January {year}")]
    too_late = date(year + 7, 3, 31)
    if opened_on > too_late:
        return [("financial_year", f"a demand for {year}/{(year + 1) % 100:02d} issued on {opened_on.isoformat()} is more than "
                                   f"six years after the year ended: no liability order could be sought")]
    return []


# --- guards both Council Tax and business rates use ------------------------------------------------------

DAY = timedelta(days=1)


def state_day(text: str | None) -> date | None:
    """A date a review stored in a case's state (ISO text)."""
    return None if text is None else date.fromisoformat(text)


def default_guard(kind: str, next_default):
    """A guard for the default rule ``kind``, from a debt type's ``next_default(case, context)``.

    ``next_default`` answers (date, kind) for the next instalment default, or
    (date, "any") for a forecast only.
    """

    def guard(case: Case, context) -> date | None:
        found = next_default(case, context)
        return found[0] if found is not None and found[1] in (kind, "any") else None

    guard.__name__ = f"{kind}_default"
    return guard


def reminder_complied(case: Case, context) -> date | None:
    """Guard: the reminder's window has been judged complied with."""
    verdict = reminder_verdict(case, case.state, case.stage_since, context.params.reminder_days)
    return case.today if verdict else None


def reminder_not_complied(case: Case, context) -> date | None:
    """Guard: the day after the reminder's window, unless it was complied with."""
    days = context.params.reminder_days
    if reminder_verdict(case, case.state, case.stage_since, days):
        return None
    return reminder_pay_by(case.stage_since, days) + DAY


def balance_unpaid_when_due(case: Case, context) -> date | None:
    """Guard: the balance is still unpaid on the day it became payable (recorded in state as ``payable_from``)."""
    if case.balance_pence <= 0:
        return None
    return state_day(case.state.get("payable_from")) or case.stage_since


# --- the summons and the liability order hearing (CT Regs regs 34-35; NNDR Regs regs 11-12) --------------


def summons_dates(case: Case, context) -> tuple[date, date]:
    """(deemed service, hearing) of the case's summons: as recorded in state when it was issued, else worked out.

    Working out uses the stage's first day as the posting day and the debt
    type's ``hearing_min_days``, ``summons_service_working_days`` and
    ``hearing_listing_days`` parameters.
    """
    st = case.state
    if "hearing_on" in st and (case.stage != "summons" or st.get("summons_on") == case.stage_since.isoformat()):
        return date.fromisoformat(st["served_on"]), date.fromisoformat(st["hearing_on"])
    p = context.params
    return hearing_dates(case.stage_since, context.calendar, min_days=p.hearing_min_days,
                         service_working_days=p.summons_service_working_days, listing_days=p.hearing_listing_days)


def paid_before_hearing(case: Case, context) -> date | None:
    """Guard: sum and costs paid on or before the hearing day (any time while the hearing stands adjourned)."""
    if case.balance_pence > 0 or case.charged_pence <= 0:
        return None
    if case.stage == "summons" and case.today > summons_dates(case, context)[1]:
        return None
    return case.today


def hearing_held(case: Case, context) -> date | None:
    """Guard: on the hearing day, with the sum and costs unpaid, the court makes the liability order."""
    if case.balance_pence <= 0:
        return None
    return summons_dates(case, context)[1]


def summons_time_barred(case: Case, context) -> date | None:
    """Guard: the day a summons comes too late, six years after the sum fell due (CT Regs reg 34(3); NNDR reg 11(3)).

    The sum fell due when the balance became payable (recorded as
    ``payable_from``) or, after a final notice, when its days ran out.
    """
    if case.balance_pence <= 0:
        return None
    st = case.state
    if case.stage == "final_notice":
        fell_due = summons_from(case.stage_since, context.params.final_notice_days)
    else:
        fell_due = state_day(st.get("payable_from")) or case.stage_since
    return fell_due + relativedelta(years=6)


def out_of_time_stage() -> Stage:
    """Where a debt waits for write-off when no summons can be sought any more."""
    return Stage("out_of_time", "Too late for a summons",
                 description="More than six years since the sum fell due: no liability order may be sought (reg 34(3)); "
                             "for write-off.")


def out_of_time_transitions(sources: tuple[str, ...], cite: str) -> tuple[Transition, ...]:
    """From each stage that waits for a summons, to :func:`out_of_time_stage` once six years have passed."""
    return tuple(
        Transition(f"out_of_time_{source}", source, "out_of_time", guard="summons_time_barred",
                   reason=f"{{balance}} unpaid six years after it fell due (time ran out on {{due_from}}); no summons may "
                          f"be issued ({cite}); for write-off.")
        for source in sources
    )


def reminder_outcome_transitions(stage: str, reminder: str, after: str, cite: str) -> tuple[Transition, Transition]:
    """What ends a reminder's window: complied with, back to ``demand``; not, the instalments are lost.

    ``reminder`` names it in the reasons ("the first reminder"), ``after``
    says what follows compliance, ``cite`` the regulation on the loss.
    """
    complied = Transition(
        f"{stage}_complied", stage, "demand", guard="reminder_complied", uses=("reminder_days",),
        reason=f"Everything due by {{pay_by}} paid ({{paid}} received in all); {reminder} complied with, {after}.",
    )
    failed = Transition(
        f"{stage}_not_complied", stage, "instalments_lost", guard="reminder_not_complied",
        uses=("reminder_days", "loss_of_instalments_offset_days"),
        reason=f"{{unpaid_at_pay_by}} still unpaid at the end of {reminder}'s window on {{pay_by}}; right to instalments "
               "lost, whole balance {balance} payable from {payable_from} ({loss_of_instalments_offset_days} days after "
               f"the reminder, {cite}).",
    )
    return complied, failed


def summons_withdrawal_transitions(cite: str = "") -> tuple[Transition, ...]:
    """The summons withdrawn when the sum and costs are paid before the hearing (or the adjourned hearing).

    ``cite`` names the regulation in the reasons, e.g. ``" (reg 34(5))"``.
    """
    return (
        Transition("summons_withdrawn", "summons", "withdrawn", guard="paid_before_hearing",
                   reason="Sum and costs paid ({paid} received) before the hearing on {hearing_on}; summons withdrawn"
                          f"{cite}."),
        Transition("adjourned_withdrawn", "adjourned", "withdrawn", guard="paid_before_hearing",
                   reason=f"Sum and costs paid ({{paid}} received) before the adjourned hearing; summons withdrawn{cite}."),
    )


def remedy_ended(rule: str, source: str, what: str) -> Transition:
    """An officer hands a case back from a remedy to ``liability_order`` so that another can be chosen."""
    return Transition(rule, source, "liability_order", kind="action", fields=("outcome",),
                      reason=f"Record that {what} has ended and choose another remedy.")


def court_outcome_transitions() -> tuple[Transition, ...]:
    """The officer-recorded court outcomes of a liability order hearing, the same for every debt type that uses one.

    Needs the stages ``summons``, ``adjourned``, ``order_refused`` and ``liability_order``.
    """
    return (
        Transition("hearing_adjourned", "summons", "adjourned", kind="action", fields=("reason",),
                   reason="Record that the court adjourned the hearing."),
        Transition("liability_order_refused", "summons", "order_refused", kind="action", fields=("reason",),
                   reason="Record that the court refused the liability order."),
        Transition("adjourned_order_granted", "adjourned", "liability_order", kind="action", fields=("hearing_date",),
                   uses=("liability_order_costs_pence",),
                   reason="Record the liability order made at the adjourned hearing (adds the liability order costs)."),
        Transition("adjourned_order_refused", "adjourned", "order_refused", kind="action", fields=("reason",),
                   reason="Record that the court refused the liability order at the adjourned hearing."),
        Transition("resummons", "order_refused", "summons", kind="action", fields=("reason",), uses=("summons_costs_pence",),
                   reason="Issue a fresh summons (adds summons costs; the hearing date is set from today)."),
    )
