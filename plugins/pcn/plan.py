"""Payment plans, where a council's profile allows PCN instalments (Reading does not: DOMAIN §0, §5.2).

An officer agrees a monthly instalment and its first due date once the charge
is registered; the plan is recorded in the case's state with the balance and
the payments so far. Instalments are met in order by payments after the plan;
the first one not met (by the last instalment the balance needs) breaks the
plan once the profile's grace days after its due date are over.
"""

from __future__ import annotations

from datetime import date

from arrears import Case, format_pence, parse_pounds
from dateutil.relativedelta import relativedelta

PLAN_ACTIONS = ("agree_payment_plan", "agree_payment_plan_at_warrant")


def read_plan_fields(fields: dict[str, str], today: date) -> tuple[int, date] | str:
    """(instalment pence, first due date) from an officer's fields, or the reason they are refused."""
    try:
        instalment = parse_pounds(fields.get("instalment", ""))
    except ValueError as exc:  # arrears' MoneyError
        return f"instalment: {exc}"
    if instalment <= 0:
        return "instalment: must be more than zero"
    try:
        first_due = date.fromisoformat(fields.get("first_due", "").strip())
    except ValueError:
        return f"first_due: {fields.get('first_due')!r} is not a date (YYYY-MM-DD)"
    if first_due < today:
        return f"first_due: {first_due.isoformat()} is before the day the plan is agreed ({today.isoformat()})"
    return instalment, first_due


def plan_state(case: Case, instalment: int, first_due: date) -> dict:
    """The case's state with the plan agreed today."""
    return {
        **case.state, "plan_on": case.today.isoformat(), "plan_instalment_pence": instalment,
        "plan_first_due": first_due.isoformat(), "plan_paid_pence": case.paid_pence, "plan_debt_pence": case.balance_pence,
    }


def plan_short_from(case: Case) -> tuple[date, int, int] | None:
    """(due date, pence due by then, pence paid since the plan) for the first instalment not met; None when all are."""
    st = case.state
    if "plan_first_due" not in st:
        return None
    instalment, debt = st["plan_instalment_pence"], st["plan_debt_pence"]
    paid_since = case.paid_pence - st["plan_paid_pence"]
    first = date.fromisoformat(st["plan_first_due"])
    met = min(paid_since, debt) // instalment
    required = min((met + 1) * instalment, debt)
    if paid_since >= debt:
        return None
    return first + relativedelta(months=met), required, paid_since


def plan_facts(case: Case) -> dict:
    """The facts a broken plan's reason names."""
    st = case.state
    short = plan_short_from(case)
    facts = {"plan_on": st.get("plan_on"), "instalment_pence": st.get("plan_instalment_pence"),
             "first_due": st.get("plan_first_due")}
    if short is not None:
        facts.update(missed_due=short[0].isoformat(), required_pence=short[1], paid_since_pence=short[2])
    return facts


def describe_plan(instalment: int, first_due: date) -> str:
    return f"{format_pence(instalment)} a month from {first_due.isoformat()}"
