"""Which recovery methods the facts allow, and which one the council's order picks (DOMAIN §4.2).

The facts are the account's import columns (``on_hb``, ``landlord_paid``,
``benefit``, ``employer``, ``rent_account``) and what the case's state records
since (HB deductions that stopped). The nightly run starts the three methods
the council runs itself (deduction from ongoing HB, recovery from the landlord,
an invoice); any other method first in the council's order goes to an officer
at ``recovery_review`` with that method proposed.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from arrears import Case

from .deductions import normalise_benefit

__all__ = ["LABELS", "AUTOMATIC", "INDIVIDUALS", "allowed_methods", "choose_method", "describe_methods",
           "gets_hb", "is_fraud", "limitation_end", "not_recoverable"]

LABELS = {
    "ongoing_hb": "deduction from ongoing HB",
    "invoice": "invoice",
    "dwp_deduction": "DWP deduction from another benefit",
    "dea": "Direct Earnings Attachment",
    "landlord": "recovery from the landlord",
    "rent_account": "transfer to the council rent account",
    "collection_agent": "collection agent",
    "county_court": "county court claim",
}
AUTOMATIC = {"ongoing_hb": "ongoing_hb_deduction", "landlord": "landlord_recovery", "invoice": "invoice"}
"""Methods the nightly run starts itself, and the stage each leads to."""
INDIVIDUALS = ("person", "sole_trader")


def not_recoverable(case: Case) -> bool:
    """Official error the claimant or payee could not reasonably have realised: not recoverable (reg 100(2))."""
    attrs = case.attrs
    return attrs.get("cause") == "official_error" and attrs.get("error_apparent") is not True


def is_fraud(case: Case) -> bool:
    """The fraud rates apply: conviction, admitted after caution, or administrative penalty accepted."""
    return case.attrs.get("fraud") is True


def gets_hb(case: Case) -> bool:
    """The debtor still gets HB: recorded at import and no stop of the deductions recorded since."""
    return case.attrs.get("on_hb") is True and not case.state.get("hb_stopped_on")


def limitation_end(case: Case, params):
    """The last day court action may start: ``court_limitation_years`` after the overpayment notice (Limitation Act s9) [M]."""
    return case.opened_on + relativedelta(years=params.court_limitation_years)


def _fact(method: str, case: Case, params) -> str | None:
    """Why the facts allow ``method`` now, or None when they do not."""
    attrs = case.attrs
    if method == "ongoing_hb":
        return "the debtor still gets HB" if gets_hb(case) else None
    if method == "invoice":
        return "an invoice needs no other fact"
    if method == "dwp_deduction":
        benefit = normalise_benefit(attrs.get("benefit"))
        return f"the debtor gets {benefit}" if benefit and benefit in params.dwp_benefits else None
    if method == "dea":
        employer = attrs.get("employer")
        if employer and case.debtor_kind in INDIVIDUALS and not gets_hb(case):
            return f"employer {employer} on record and no ongoing HB"
        return None
    if method == "landlord":
        return "HB was paid to the landlord" if attrs.get("landlord_paid") is True else None
    if method == "rent_account":
        return f"council rent account {attrs['rent_account']} on record" if attrs.get("rent_account") else None
    if method == "collection_agent":
        return "other routes have not recovered the balance"
    if method == "county_court":
        end = limitation_end(case, params)
        return f"court action may start until {end.isoformat()}" if case.today <= end else None
    raise ValueError(f"unknown recovery method {method!r}")


def allowed_methods(case: Case, params, after: str | None = None) -> list[tuple[str, str]]:
    """(method, the fact that allows it) for each method in the council's order the facts allow, after ``after`` if given."""
    order = params.recovery_order
    if after is not None:
        order = order[order.index(after) + 1:] if after in order else order
    out = []
    for method in order:
        why = _fact(method, case, params)
        if why is not None:
            out.append((method, why))
    return out


_memo: list = [None, None, None]


def choose_method(case: Case, params, after: str | None = None) -> tuple[str, str] | None:
    """The first method in the council's order the facts allow (after ``after``), with its fact; None when none does.

    The guards of one stage ask this several times for the same case and day; the last answer is kept.
    """
    key = (case.today, after, id(params), case.stage)
    if _memo[0] is case and _memo[1] == key:
        return _memo[2]
    order = params.recovery_order
    if after is not None and after in order:
        order = order[order.index(after) + 1:]
    answer = None
    for method in order:
        why = _fact(method, case, params)
        if why is not None:
            answer = (method, why)
            break
    _memo[0], _memo[1], _memo[2] = case, key, answer
    return answer


def describe_methods(case: Case, params, after: str | None = None) -> str:
    """The methods the facts allow, in the council's order, as a decision shows them."""
    found = allowed_methods(case, params, after)
    if not found:
        return "none in the council's order"
    return "; ".join(f"{LABELS[m]} ({why})" for m, why in found)
