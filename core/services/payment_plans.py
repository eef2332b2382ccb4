"""Checking a proposed arrangement to pay against the council's ``[payment_plans]`` policy (DOMAIN §10).

An officer proposes a plan (how much, how often, from when, with or without an
income and expenditure form); :func:`check_plan` answers whether the policy
allows it, every reason it does not, and what the policy then requires (a
written agreement, review dates). Money is pence; dates are explicit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..statutory.instalments import financial_year_start
from ..money import format_pence
from ..profiles.sections import PaymentPlansSection

__all__ = ["PlanProposal", "PlanVerdict", "check_plan", "plan_dates", "FREQUENCIES"]

FREQUENCIES = {"weekly": relativedelta(weeks=1), "fortnightly": relativedelta(weeks=2), "monthly": relativedelta(months=1)}


@dataclass(frozen=True)
class PlanProposal:
    """A plan an officer proposes: ``balance_pence`` paid by ``instalment_pence`` every ``frequency`` from ``first_payment_on``."""

    debt_type: str
    balance_pence: int
    instalment_pence: int
    frequency: str
    agreed_on: date
    first_payment_on: date
    income_form_on: date | None = None
    assessed_vulnerable: bool = False
    debt_year: date | None = None  # a day in the financial year the debt relates to (default: the agreement's)
    periodic_review: bool = False


@dataclass
class PlanVerdict:
    """Whether the policy allows the plan, why not, and what it then requires."""

    allowed: bool
    payments: list[tuple[date, int]]
    problems: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    review_on: list[date] = field(default_factory=list)

    @property
    def last_payment_on(self) -> date:
        return self.payments[-1][0]


def plan_dates(proposal: PlanProposal) -> list[tuple[date, int]]:
    """The payments the plan makes: the instalment each time, the last one taking what is left."""
    if proposal.frequency not in FREQUENCIES:
        raise ValueError(f"frequency {proposal.frequency!r} is not one of {', '.join(FREQUENCIES)}")
    if proposal.instalment_pence <= 0 or proposal.balance_pence <= 0:
        raise ValueError("the balance and the instalment must be more than nothing")
    step = FREQUENCIES[proposal.frequency]
    payments, left, n = [], proposal.balance_pence, 0
    while left > 0:
        amount = min(proposal.instalment_pence, left)
        payments.append((proposal.first_payment_on + step * n, amount))
        left -= amount
        n += 1
    return payments


def _months(start: date, end: date) -> int:
    """A plan's length: months from the agreement to its last payment, a part month counted as a month."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months + (1 if delta.days > 0 else 0)


def check_plan(policy: PaymentPlansSection, proposal: PlanProposal) -> PlanVerdict:
    """Every rule of ``policy`` the proposal breaks, as sentences an officer can act on."""
    p, prop = policy, proposal
    payments = plan_dates(prop)
    verdict = PlanVerdict(True, payments)
    problems, needs = verdict.problems, verdict.requirements
    months = _months(prop.agreed_on, payments[-1][0])
    length = f"{len(payments)} payments over {months} month{'s' if months != 1 else ''}"

    if prop.debt_type in p.not_for_debt_types:
        problems.append(f"{prop.debt_type} debts are not normally paid by instalments under this council's policy")
    if prop.first_payment_on < prop.agreed_on:
        problems.append("the first payment is dated before the agreement")
    if p.first_payment_within_days is not None:
        latest = prop.agreed_on + timedelta(days=p.first_payment_within_days)
        if prop.first_payment_on > latest:
            problems.append(f"the first payment must be by {latest.isoformat()} "
                            f"({p.first_payment_within_days} days from the agreement); it is {prop.first_payment_on.isoformat()}")
    if prop.income_form_on is None:
        limit = p.max_months_without_income_form
        if limit is None or limit == 0:
            problems.append(f"{length} needs an income and expenditure form")
        elif months > limit:
            problems.append(f"{length} is longer than the {limit} months allowed without an income and expenditure form")
    else:
        limit = p.max_months_with_income_form
        if limit is not None and months > limit:
            if p.longer_needs_review and prop.periodic_review:
                needs.append(f"longer than {limit} months: the plan must be reviewed periodically")
            elif p.longer_needs_review:
                problems.append(f"{length} is longer than {limit} months: allowed only with periodic review")
            else:
                problems.append(f"{length} is longer than the {limit} months allowed")
        if p.set_up_within_days_of_income_form is not None:
            due = prop.income_form_on + timedelta(days=p.set_up_within_days_of_income_form)
            if prop.agreed_on > due:
                needs.append(f"the plan should have been set up by {due.isoformat()}, "
                             f"{p.set_up_within_days_of_income_form} days after the income and expenditure form")
    type_limit = p.max_months_by_debt_type.get(prop.debt_type)
    if type_limit is not None and months > type_limit:
        problems.append(f"{length} is longer than the {type_limit} months allowed for {prop.debt_type}")
    if p.clear_by_year_end:
        year_end = financial_year_start(prop.debt_year or prop.agreed_on) + relativedelta(years=1, days=-1)
        if payments[-1][0] > year_end:
            if p.beyond_year_end_needs_assessment and prop.assessed_vulnerable:
                needs.append(f"runs past the financial year end ({year_end.isoformat()}): allowed for a vulnerable debtor "
                             "assessed by an advice agency or with the Standard Financial Statement")
            else:
                problems.append(f"the plan must clear the debt by the financial year end, {year_end.isoformat()}; "
                                f"its last payment of {format_pence(payments[-1][1])} is on {payments[-1][0].isoformat()}")
    if p.written_agreement:
        needs.append("confirm the plan to the debtor in writing")
    if not p.reminder_on_missed_payment:
        n = p.missed_payments_to_cancel
        needs.append(f"{'one missed payment' if n == 1 else f'{n} missed payments'} cancel the plan and recovery resumes "
                     "without a further reminder")
    verdict.review_on = [prop.agreed_on + relativedelta(months=m) for m in p.review_after_months
                         if prop.agreed_on + relativedelta(months=m) <= payments[-1][0]]
    verdict.allowed = not problems
    return verdict
