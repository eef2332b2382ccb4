"""Officer actions on a rent account: the checks on their fields and facts, the state they leave, the entries they post.

Each check returns the reason an action cannot be taken (None: allowed):
proceedings (an NSP, a possession claim) are refused while a properly made
benefit claim is pending or, by the council's choice, a rent statement is
overdue (DOMAIN §6.1); an NSP's proceedings date must be lawful (s83(5)); a
claim must be issued after that date and before the notice lapses. What the
nightly run needs later (the notice's dates, an agreement's or order's terms,
the possession date, the tenancy's end, court costs) goes into the case's state.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, Charge, date_field, format_pence, parse_pounds

from .billing import credit_after_end
from .fees import fee_for
from .ladder import BEFORE_COURT, ENDED
from .notice import SERVICE, deemed_served, earliest_proceedings_date, lapses_on
from .periods import periods_of, tenancy_start
from .protocol import benefit_claim_pending, proceedings_barred, uc_managed
from .terms import make_terms

__all__ = ["check_action", "action_state", "action_entries"]

TERMS = {"agree_arrangement": "arrangement", "suspended_order_made": "suspended", "postponed_order_made": "postponed",
         "warrant_suspended": "suspended"}
YES, NO = ("yes", "y", "true", "1"), ("no", "n", "false", "0")


def _past(fields: dict, name: str, case: Case, earliest: date | None = None, why: str = "") -> str | None:
    """Refuse a date that is not a date, is after the business date, or is before ``earliest``."""
    day, problem = date_field(fields, name)
    if problem:
        return problem
    if day > case.today:
        return f"{name} {day.isoformat()} is after the business date {case.today.isoformat()}"
    if earliest is not None and day < earliest:
        return f"{name} {day.isoformat()} is before {why} ({earliest.isoformat()})"
    return None


def _future(fields: dict, name: str, case: Case) -> str | None:
    day, problem = date_field(fields, name)
    if problem:
        return problem
    if day < case.today:
        return f"{name} {day.isoformat()} is before the business date {case.today.isoformat()}"
    return None


def _pence(fields: dict, name: str) -> tuple[int, str | None]:
    raw = fields.get(name, "")
    try:
        amount = parse_pounds(raw)
    except ValueError as exc:
        return 0, f"{name}: {exc}"
    if amount <= 0:
        return 0, f"{name} must be more than zero"
    return amount, None


def _nsp_problem(case: Case, fields: dict, context) -> str | None:
    p = context.params
    served_by = fields.get("served_by", "").strip().lower()
    if served_by not in SERVICE:
        return f"served_by {served_by!r} is not one of {', '.join(SERVICE)}"
    day, problem = date_field(fields, "proceedings_date")
    if problem:
        return problem
    periods = periods_of(case)
    served = deemed_served(case.today, served_by, context.calendar, p)
    earliest = earliest_proceedings_date(served, periods, p)
    if day < earliest:
        return (f"proceedings_date {day.isoformat()} is too early: served {served.isoformat()}, the date must be at "
                f"least {p.nsp_min_days} days later and the last day of a rent period (HA 1985 s83(5)); the earliest "
                f"is {earliest.isoformat()}")
    if not periods.is_period_end(day):
        return (f"proceedings_date {day.isoformat()} is not the last day of a rent period ({periods.describe()}); "
                f"the period containing it ends {periods.period_end(day).isoformat()}")
    return None


def _claim_problem(case: Case, context) -> str | None:
    nsp = case.state.get("nsp")
    if not nsp:
        return "no Notice of Seeking Possession is recorded"
    proceedings, lapse = date.fromisoformat(nsp["proceedings_date"]), date.fromisoformat(nsp["lapses_on"])
    if case.today <= proceedings:
        return (f"proceedings may be begun only after the NSP's date {proceedings.isoformat()} (HA 1985 s83); the "
                f"earliest is {date.fromordinal(proceedings.toordinal() + 1).isoformat()}")
    if case.today >= lapse:
        return f"the NSP lapsed on {lapse.isoformat()} (HA 1985 s83(4)); serve a new notice"
    return None


def check_action(case: Case, action: str, fields: dict, context, liable: list[str]) -> str | None:
    """The reason an officer action cannot be taken on these facts, or None."""
    p, stage, owed = context.params, case.stage, case.balance_pence
    if action == "rent_statement_sent":
        return _past(fields, "sent_on", case, tenancy_start(case), "the tenancy starts")
    if action == "benefit_claim_made":
        pending = benefit_claim_pending(case)
        if pending:
            return f"a benefit claim is already recorded as pending{'' if pending == 'yes' else ' since ' + pending}"
        return _past(fields, "made_on", case)
    if action == "benefit_claim_decided":
        return None if benefit_claim_pending(case) else "no benefit claim is recorded as pending"
    if action == "uc_managed_payment":
        answer = fields.get("in_place", "").strip().lower()
        if answer not in YES + NO:
            return f"in_place {answer!r} is not yes or no"
        if (answer in YES) == uc_managed(case):
            return f"a UC managed payment is already recorded as {'in place' if answer in YES else 'not in place'}"
        return None
    if action in ("agree_arrangement", "serve_nsp", "issue_possession_claim") and owed <= 0:
        return f"there are no arrears (balance {format_pence(owed)})"
    if action == "agree_arrangement" and stage not in BEFORE_COURT:
        return (f"an agreement is recorded before a possession claim; at stage {stage!r} the court's order (or the "
                "tenancy's end) decides the terms")
    if action in ("serve_nsp", "issue_possession_claim"):
        barred = proceedings_barred(case, p)
        if barred:
            return barred
        return _nsp_problem(case, fields, context) if action == "serve_nsp" else _claim_problem(case, context)
    if action in TERMS:
        return _pence(fields, "instalment")[1]
    if action in ("outright_order_made", "possession_date_fixed"):
        return _future(fields, "possession_date", case)
    if action == "eviction_carried_out":
        return _past(fields, "eviction_date", case, case.stage_since, "the warrant was requested")
    if action == "end_tenancy":
        if stage in ENDED:
            return f"the tenancy has already ended (stage {stage!r})"
        return _past(fields, "end_date", case, case.opened_on, "the account's date")
    return None


def action_state(case: Case, action: str, fields: dict, context) -> dict | None:
    """The case's state after the action (None: unchanged)."""
    st = dict(case.state)
    p = context.params
    if action == "rent_statement_sent":
        sent = date_field(fields, "sent_on")[0].isoformat()
        st["statement_sent_on"] = max(sent, st.get("statement_sent_on") or sent)
    elif action == "benefit_claim_made":
        st["benefit_claim_pending"] = date_field(fields, "made_on")[0].isoformat()
    elif action == "benefit_claim_decided":
        st["benefit_claim_pending"] = False
    elif action == "uc_managed_payment":
        st["uc_managed_payment"] = fields["in_place"].strip().lower() in YES
    elif action in TERMS:
        st["terms"] = make_terms(case, TERMS[action], _pence(fields, "instalment")[0])
        st.pop("possession_date", None)
    elif action == "serve_nsp":
        served_by = fields["served_by"].strip().lower()
        proceedings = date_field(fields, "proceedings_date")[0]
        st["nsp"] = {
            "given_on": case.today.isoformat(), "served_by": served_by,
            "served_on": deemed_served(case.today, served_by, context.calendar, p).isoformat(),
            "proceedings_date": proceedings.isoformat(), "lapses_on": lapses_on(proceedings, p).isoformat(),
        }
    elif action in ("outright_order_made", "possession_date_fixed"):
        st["possession_date"] = date_field(fields, "possession_date")[0].isoformat()
        st.pop("terms", None)
    elif action in ("eviction_carried_out", "end_tenancy"):
        name = "eviction_date" if action == "eviction_carried_out" else "end_date"
        st["ended_on"] = date_field(fields, name)[0].isoformat()
        st["ended_by"] = "eviction" if action == "eviction_carried_out" else fields["reason"].strip()
        st.pop("terms", None)
    elif action == "issue_possession_claim":
        st["claim"] = {"number": fields["claim_number"].strip(), "issued_on": case.today.isoformat()}
    fee = fee_for(action, p)
    if fee:
        st["costs_pence"] = st.get("costs_pence", 0) + fee[0]
    return st if st != case.state else None


def action_entries(case: Case, action: str, fields: dict, context) -> list[Charge]:
    """Rent debited for days after the tenancy's end is credited when the end (or the eviction) is recorded."""
    if action not in ("eviction_carried_out", "end_tenancy"):
        return []
    end, problem = date_field(fields, "eviction_date" if action == "eviction_carried_out" else "end_date")
    return [] if problem else credit_after_end(case, end)
