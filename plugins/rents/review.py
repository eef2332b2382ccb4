"""The nightly review of rent cases: evaluate the ladder, record what each move decided, explain it.

Every move records the arrears in pounds and in weeks of rent and the
protocol facts (statements, a pending benefit claim, a UC managed payment);
the reason names the dates and sums behind it. The state billing wrote today
(``billed_through``) is written back with the outcome. Guards come in the
ladder's order; a case that does not move costs one pass over its stage's
guards.
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Case, LadderReview

from .ladder import LADDER
from .measure import arrears_facts, unpaid_since
from .notice import limitation
from .periods import periods_of
from .protocol import protocol_facts, uc_managed
from .rules import GUARDS
from .terms import shortfall

__all__ = ["REVIEW", "review", "progress", "on_move"]

BROKEN = ("arrangement_broken_under_notice", "arrangement_broken", "suspended_order_breached", "postponed_order_breached")
LETTERS = {"evicted_arrears": "former_tenant_letter_days", "ended_arrears": "former_tenant_letter_days",
           "former_tenant_reminder": "former_tenant_reminder_days",
           "former_tenant_final_notice": "former_tenant_final_notice_days"}


def contact_task(case: Case, params) -> str:
    """What the officer's contact task asks for; a UC managed payment changes it."""
    steps = "discuss the cause of the arrears, income, expenditure and benefits"
    then = "agree affordable repayments or consider a Notice of Seeking Possession"
    if uc_managed(case):
        return (f"{steps}; Universal Credit pays the housing costs to the council (managed payment): ask the DWP for a "
                f"third-party deduction for the arrears ({params.uc_deduction_min_percent}%-"
                f"{params.uc_deduction_max_percent}% of the standard allowance); {then}")
    return f"{steps}; if the tenant claims Universal Credit, ask for a managed payment; {then}"


def on_move(case: Case, context, rule: str, st: dict) -> dict:
    """Update the state for the move ``rule`` made today; return the facts its reason names."""
    p, today = context.params, case.today
    facts = {**arrears_facts(case), **protocol_facts(case, p)}
    if rule == "arrears_arise":
        facts["unpaid_since"] = unpaid_since(case, periods_of(case)).isoformat()
    elif rule == "contact_task":
        facts["task"] = contact_task(case, p)
    elif rule in BROKEN:
        terms = st.pop("terms")
        facts.update(shortfall(case, terms, periods_of(case), p.terms_grace_days).facts(terms))
        if rule == "arrangement_broken_under_notice":
            facts["proceedings_date"] = st["nsp"]["proceedings_date"]
    elif rule == "nsp_lapsed":
        nsp = st.pop("nsp")
        facts.update(proceedings_date=nsp["proceedings_date"], lapses_on=nsp["lapses_on"])
    elif rule == "possession_date_passed":
        facts["possession_date"] = st["possession_date"]
    elif rule.startswith("cleared_"):
        for key in ("terms", "possession_date", "costs_pence"):  # a clear balance has paid any court costs too
            st.pop(key, None)
    if rule in LETTERS:
        facts["pay_by"] = (today + timedelta(days=getattr(p, LETTERS[rule]))).isoformat()
    if rule.startswith(("evicted_", "ended_")):
        facts["ended_on"] = st.get("ended_on")
    if rule == "former_tenant_recovery" or rule.startswith("time_barred_"):
        accrued, why, last = limitation(date.fromisoformat(st["ended_on"]), case.last_payment_on, p)
        facts.update(accrued_on=accrued.isoformat(), accrual=why, last_claim_on=last.isoformat())
    return facts


def billed_today(case: Case, context, st: dict) -> bool:
    """Billing recorded today's rent in the state (``billed_through``): it must be written back."""
    return st.get("billed_through") == case.today.isoformat()


REVIEW = LadderReview(LADDER, GUARDS, on_move=on_move, observe=billed_today)
"""The nightly review: the first due rule fires, and its reason names the arrears :func:`on_move` measures."""
review = REVIEW.review
progress = REVIEW.progress
