"""Pre-action protocol duties (DOMAIN §6.1): rent statements, a pending benefit claim, a Universal Credit managed payment.

Each fact comes from the case's state when an officer has recorded it, else
from the account's import columns. A statement is due ``statement_interval_months``
after the last one sent (or after the account's date, when this system took
the account on) and overdue from the day after. While a properly made benefit claim is pending, or
(by the council's choice) a statement is overdue, no proceedings are begun.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from arrears import Case
__all__ = ["statement_due_on", "statement_overdue_since", "benefit_claim_pending", "uc_managed", "protocol_facts",
           "proceedings_barred"]


def last_statement(case: Case) -> date | None:
    raw = case.state.get("statement_sent_on") or case.attrs.get("last_statement_on")
    return date.fromisoformat(raw) if raw else None


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when shorter)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def statement_due_on(case: Case, params) -> date:
    """The day the next rent statement is due."""
    return add_months(last_statement(case) or case.opened_on, params.statement_interval_months)


def statement_overdue_since(case: Case, params, due: date | None = None) -> date | None:
    due = due or statement_due_on(case, params)
    return due + timedelta(days=1) if case.today > due else None


def benefit_claim_pending(case: Case) -> str | None:
    """The day a pending benefit claim was made ("yes" when imported without a date); None when none is pending."""
    st = case.state
    if "benefit_claim_pending" in st:
        return st["benefit_claim_pending"] or None
    return "yes" if case.attrs.get("benefit_claim_pending") else None


def uc_managed(case: Case) -> bool:
    st = case.state
    if "uc_managed_payment" in st:
        return bool(st["uc_managed_payment"])
    return bool(case.attrs.get("uc_managed_payment"))


def protocol_facts(case: Case, params) -> dict:
    """The protocol facts every move records, and ``protocol``: the note its reason ends with."""
    due = statement_due_on(case, params)
    overdue = statement_overdue_since(case, params, due)
    claim = benefit_claim_pending(case)
    uc = uc_managed(case)
    notes = []
    if uc:
        notes.append("UC managed payment in place")
    if claim:
        notes.append("benefit claim pending" + (f" since {claim}" if claim != "yes" else ""))
    if overdue:
        notes.append(f"rent statement overdue since {overdue.isoformat()}")
    return {
        "statement_due_on": due.isoformat(),
        "statement_overdue_since": overdue.isoformat() if overdue else None,
        "benefit_claim_pending": claim,
        "uc_managed_payment": uc,
        "protocol": "".join(f"; {n}" for n in notes),
    }


def proceedings_barred(case: Case, params) -> str | None:
    """Why the protocol forbids beginning proceedings today, or None."""
    claim = benefit_claim_pending(case)
    if claim:
        since = f" (made {claim})" if claim != "yes" else ""
        return (f"a benefit claim the tenant has properly made{since} is still pending: no proceedings until it is "
                "decided (pre-action protocol, DOMAIN §6.1); record benefit_claim_decided first")
    if params.statement_before_proceedings:
        overdue = statement_overdue_since(case, params)
        if overdue:
            return (f"a rent statement is overdue since {overdue.isoformat()} (at least every "
                    f"{params.statement_interval_months} months, pre-action protocol); record rent_statement_sent first")
    return None
