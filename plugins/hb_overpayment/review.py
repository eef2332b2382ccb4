"""The nightly review of HB overpayment cases: evaluate the ladder, then say why in the move's facts.

:class:`arrears.LadderReview` picks the move; :func:`on_move` adds the facts
its reason names (the window's end, the method chosen and the fact allowing it,
the weekly maximum with its arithmetic, pay-by dates) and records in the
case's state what later days need (the invoice's date, that HB deductions
stopped).
"""

from __future__ import annotations

from arrears import Case, LadderReview

from .deductions import hb_weekly_maximum
from .ladder import LADDER
from .methods import LABELS, choose_method, describe_methods, is_fraud
from .rules import GUARDS, last_received, pay_by, window_end

__all__ = ["REVIEW", "review", "progress", "on_move", "hb_maximum_facts"]



def hb_maximum_facts(case: Case, params, disregard_pence: int | None = None) -> dict:
    """The weekly maximum from ongoing HB on the case's day, as decision facts (WE-20)."""
    disregard = (case.attrs.get("earnings_disregard") or 0) if disregard_pence is None else disregard_pence
    found = hb_weekly_maximum(params, case.today, fraud=is_fraud(case), disregard_pence=disregard)
    return {**found.facts, "deduction_rule": found.how}


def _method(case: Case, params, after: str | None) -> dict:
    chosen = choose_method(case, params, after)
    if chosen is None:
        return {"method": "none", "method_fact": "no method in the council's order fits the facts"}
    return {"method": LABELS[chosen[0]], "method_fact": chosen[1]}


def _lapse(case: Case) -> dict:
    last = last_received(case)
    said = last.isoformat() if last != case.stage_since else f"none since {case.stage_since.isoformat()}"
    return {"last_received": said}


def on_move(case: Case, context, rule: str, st: dict) -> dict:
    """Update the state for the move ``rule`` made today; return the facts its reason names."""
    p, today = context.params, case.today
    facts: dict = {}
    if rule == "official_error":
        attrs = case.attrs
        facts.update(amount_pence=case.amount_pence, period_start=attrs.get("period_start"),
                     period_end=attrs.get("period_end"), cause=attrs.get("cause"))
    elif rule.endswith("_after_notice"):
        facts["window_end"] = window_end(case.opened_on, p.appeal_window_months).isoformat()
        facts.update(_method(case, p, None))
    elif rule.endswith("_after_final_notice"):
        facts["pay_by"] = pay_by(case.stage_since, p.final_notice_days).isoformat()
        facts.update(_method(case, p, "invoice"))
    elif rule == "final_notice":
        facts.update(invoice_on=case.stage_since.isoformat(),
                     invoice_pay_by=pay_by(case.stage_since, p.invoice_days).isoformat(),
                     pay_by=pay_by(today, p.final_notice_days).isoformat())
    elif rule in ("hb_deductions_stopped", "dwp_deductions_stopped", "dea_stopped"):
        facts.update(_lapse(case))
        if rule == "hb_deductions_stopped":
            st["hb_stopped_on"] = today.isoformat()
    if rule.startswith("hb_deduction_after"):
        facts.update(hb_maximum_facts(case, p))
    elif rule in ("invoice_after_notice", "hb_deductions_stopped"):
        facts["pay_by"] = pay_by(today, p.invoice_days).isoformat()
    elif rule.startswith("review_after") or rule in ("dwp_deductions_stopped", "dea_stopped"):
        facts["methods"] = describe_methods(case, p, "invoice" if rule.endswith("final_notice") else None)
    return facts


REVIEW = LadderReview(LADDER, GUARDS, on_move=on_move)
"""The nightly review: the first due rule fires, and its reason names the facts :func:`on_move` gathers."""
review = REVIEW.review
progress = REVIEW.progress
