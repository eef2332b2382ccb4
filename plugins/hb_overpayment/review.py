"""The nightly review of HB overpayment cases: evaluate the ladder, then say why in the move's facts.

:meth:`arrears.Ladder.evaluate` picks the move; :func:`on_move` adds the facts
its reason names (the window's end, the method chosen and the fact allowing it,
the weekly maximum with its arithmetic, pay-by dates) and records in the
case's state what later days need (the invoice's date, that HB deductions
stopped).
"""

from __future__ import annotations

from datetime import date, timedelta

from arrears import Case, Move, Outcome, Transition, render_reason

from .deductions import hb_weekly_maximum
from .ladder import LADDER
from .methods import LABELS, choose_method, describe_methods, is_fraud
from .rules import GUARDS, last_received, pay_by, window_end

__all__ = ["review", "progress", "first_due", "on_move", "hb_maximum_facts"]

DAY = timedelta(days=1)
AUTO = {
    s.id: tuple(t for t in LADDER.outgoing(s.id) if t.kind == "auto") for s in LADDER.stages if not s.terminal
}


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


def first_due(case: Case, context) -> tuple[Transition | None, date | None]:
    """The first automatic transition whose guard's date has come (with that date), else (None, the earliest to come).

    The rule of :meth:`arrears.Ladder.evaluate`, run here so that the move's
    facts are gathered and its reason rendered once.
    """
    earliest = None
    today = case.today
    for t in AUTO[case.stage]:
        due = GUARDS[t.guard](case, context)
        if due is None:
            continue
        if due <= today:
            return t, due
        if earliest is None or due < earliest:
            earliest = due
    return None, earliest


def review(case: Case, context) -> Outcome:
    """One case's decision today: the move (if any), the next review date, the new state (if changed)."""
    t, due = first_due(case, context)
    if t is None:
        return Outcome(None, due)
    p, today, st = context.params, case.today, case.state
    before = dict(st)
    facts = {
        "stage": case.stage, "stage_since": case.stage_since.isoformat(), "balance_pence": case.balance_pence,
        "paid_pence": case.paid_pence, "due_from": due.isoformat(),
    }
    for name in t.uses:
        facts[name] = getattr(p, name)
    facts.update(on_move(case, context, t.rule, st))
    move = Move(t.target, t.rule, render_reason(t.reason, facts), facts)
    state = st if st != before else None
    if LADDER.is_terminal(t.target):
        return Outcome(move, None, state)
    stage, since = case.stage, case.stage_since
    case.stage, case.stage_since = t.target, today
    try:
        follow, nxt = first_due(case, context)
    finally:
        case.stage, case.stage_since = stage, since
    return Outcome(move, today + DAY if follow is not None else nxt, state)


def progress(context, cases: list[Case]) -> list[Outcome]:
    return [review(case, context) for case in cases]
