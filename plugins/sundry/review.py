"""The nightly review of sundry cases: record the day's facts, fire the first step that is due, explain it.

The case's state holds what a later day cannot see in its facts: when each
pre-action letter went, when the debtor's advice hold began, when time last
restarted under the Limitation Act, what Late Payment Act charges were made and
up to when, when a claim was issued and judgment entered, when a service was
suspended. A stage reached by an officer's action is recorded on the first
review there (an action always brings the case up for review that day).
"""

from __future__ import annotations

from arrears import Case, LadderReview

from . import late_payment
from .dates import accrued_on, add_months, days_after, due_on, idle_from, limitation_end, restart_limitation
from .ladder import LADDER
from .rules import GUARDS, hold_end

__all__ = ["REVIEW", "review", "progress"]

AUTO = {s.id: tuple(t for t in LADDER.outgoing(s.id) if t.kind == "auto") for s in LADDER.stages if not s.terminal}
ENTERED = {
    "letter_of_claim": "letter_of_claim_on", "letter_before_claim": "letter_before_claim_on", "advice_hold": "advice_on",
    "acknowledged": "acknowledged_on", "service_suspended": "service_suspended_on", "claim_issued": "claim_on",
    "judgment": "judgment_on",
}
"""The state key recording the day a case reached each of these stages."""
KIND_WORDS = {"person": "individual", "sole_trader": "sole trader", "company": "company"}


def _possible(t, p) -> bool:
    """Whether the profile ``p`` can ever fire ``t`` (its switch is on; the notice it follows is the last one)."""
    if t.when and not getattr(p, t.when):
        return False
    if t.rule.startswith("refer_after_") and p.pre_action_letters:
        return False
    if t.rule.endswith("_after_reminder") and t.rule != "final_notice_after_reminder" and p.final_notice:
        return False
    return True


def possible_transitions(p) -> dict:
    """The automatic transitions of each stage that the parameters ``p`` leave possible, in order."""
    return {stage: tuple(t for t in ts if _possible(t, p)) for stage, ts in AUTO.items()}


def observe(case: Case, context, st: dict) -> bool:
    """Take the facts that must be recorded today; True when the state changed."""
    p = context.params
    changed = False
    paid_on = case.last_payment_on
    if paid_on is not None and case.balance_pence > 0 and paid_on > case.opened_on:
        changed = restart_limitation(case, p, st, paid_on, "part payment")
    key = ENTERED.get(case.stage)
    if key is None:
        return changed
    since = case.stage_since
    if st.get(key) == since.isoformat():
        return changed
    st[key] = since.isoformat()
    stage = case.stage
    if stage == "acknowledged":
        restart_limitation(case, p, st, since, "written acknowledgement")
    elif stage in ("letter_of_claim", "letter_before_claim", "claim_issued") and late_payment.applies(case, p):
        if stage != "claim_issued":
            st.setdefault("compensation_on", since.isoformat())
        st["interest_to"] = since.isoformat()  # the action's fees charged interest up to this day
    return True


def _notice(case: Case, p) -> str:
    """The notice that has run out, in words, and the debt's age when the profile's least age held the step back."""
    days = p.reminder_days if case.stage == "reminder" else p.final_notice_days
    what = "reminder" if case.stage == "reminder" else "final notice"
    text = f"{what} of {case.stage_since.isoformat()} (pay by {days_after(case.stage_since, days).isoformat()})"
    if p.further_recovery_min_age_days and case.today > days_after(case.stage_since, days + 1):
        age = (case.today - case.opened_on).days
        text += f", the debt now {age} days old (further recovery from {p.further_recovery_min_age_days})"
    return text


def _limitation_facts(case: Case, p, st: dict) -> dict:
    facts = {"accrued_on": accrued_on(case, p).isoformat(), "limitation_end": limitation_end(case, p, st).isoformat()}
    restarted = st.get("limitation_from")
    facts["restarted"] = f" and time restarted on {restarted} ({st.get('limitation_by', 'part payment')})" if restarted else ""
    return facts


def on_move(case: Case, context, rule: str, st: dict) -> dict:
    """Update the state for the move ``rule`` made today; return the facts its reason names."""
    p, today = context.params, case.today
    facts: dict = {}
    if rule == "cleared":
        suspended = st.get("service_suspended_on")
        facts["service_note"] = f" The service suspended on {suspended} may be restored." if suspended else ""
    elif rule == "limitation_expired":
        facts.update(_limitation_facts(case, p, st))
    elif rule == "reminder_after_terms":
        facts.update(due_on=due_on(case, p).isoformat(), pay_by=days_after(today, p.reminder_days).isoformat())
    elif rule == "final_notice_after_reminder":
        facts.update(notice_on=case.stage_since.isoformat(), pay_by=days_after(today, p.final_notice_days).isoformat())
    elif rule.startswith(("letter_of_claim_after_", "letter_before_claim_after_", "refer_after_")):
        facts["notice"] = _notice(case, p)
        if rule.startswith("letter_of_claim"):
            st["letter_of_claim_on"] = today.isoformat()
            facts.update(debtor_kind=KIND_WORDS.get(case.debtor_kind, case.debtor_kind),
                         reply_by=days_after(today, p.letter_of_claim_reply_days).isoformat())
        elif rule.startswith("letter_before_claim"):
            st["letter_before_claim_on"] = today.isoformat()
            facts["pay_by"] = days_after(today, p.letter_before_claim_days).isoformat()
        if not rule.startswith("refer_"):
            facts["late_payment"] = ""
            if late_payment.applies(case, p):
                charges = late_payment.charges(case, p, today, with_compensation=True)
                facts["late_payment"] = charges.sentence()
                facts["charges"] = charges.as_facts()
                st.setdefault("compensation_on", today.isoformat())
                st["interest_to"] = today.isoformat()
    elif rule in ("letter_of_claim_unanswered", "letter_before_claim_unanswered"):
        key = "letter_of_claim_on" if rule.startswith("letter_of_claim") else "letter_before_claim_on"
        facts["letter_on"] = st.get(key, case.stage_since.isoformat())
        facts["limitation_end"] = limitation_end(case, p, st).isoformat()
    elif rule == "advice_hold_ended":
        facts.update(advice_on=case.stage_since.isoformat(), hold_end=hold_end(case, p).isoformat(),
                     limitation_end=limitation_end(case, p, st).isoformat())
    elif rule == "acknowledgement_recorded":
        on = case.stage_since.isoformat()
        facts.update(acknowledged_on=on, limitation_end=limitation_end(case, p, st).isoformat(),
                     restart=f"restarts from {on}" if st.get("limitation_from") == on else "runs on unchanged")
    elif rule == "action_limit_reached":
        since = idle_from(case, p)
        label = LADDER.stage(case.stage).label.lower()
        if since != case.stage_since:
            facts["idle_what"] = (f"past the due date {since.isoformat()} (still at '{label}' since "
                                  f"{case.stage_since.isoformat()})")
        else:
            facts["idle_what"] = f"since {since.isoformat()} ('{label}')"
        facts["limit_reached_on"] = add_months(since, p.action_limit_months).isoformat()
    return facts


REVIEW = LadderReview(LADDER, GUARDS, on_move=on_move, observe=observe, auto=possible_transitions)
"""The nightly review: today's facts recorded, then the first due step fires and :func:`on_move` explains it."""
review = REVIEW.review
progress = REVIEW.progress
