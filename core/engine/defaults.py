"""The core's own hook answers: billing, the nightly review and fees from each debt type's rules; priority and
write-off from the council's profile.

Registered like any plugin and marked ``trylast``, so a plugin or a council's
override answers first when it has something to say. A debt type that gives
its :class:`arrears.DebtTypeRules` needs no hook implementation of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..cases import Billing, Case, Fee, Move, Outcome, WriteOffRequest
    from ..context import Context
    from ..profiles.profile import Profile


@hookimpl(trylast=True)
def bill_accounts(context: "Context", cases: "list[Case]") -> "list[Billing] | None":
    """Each account billed by its debt type's ``rules.bill`` (None: the rules do not bill)."""
    rules = context.debt_type.rules
    if not rules.bills:
        return None
    bill = rules.bill
    return [bill(case, context) for case in cases]


@hookimpl(trylast=True)
def progress_cases(context: "Context", cases: "list[Case]") -> "list[Outcome] | None":
    """The chunk reviewed by its debt type's ``rules.review`` (None: it has none)."""
    return context.debt_type.rules.progress(context, cases)


@hookimpl(trylast=True)
def transition_fees(context: "Context", moves: "list[tuple[Case, Move]]") -> "list[Fee]":
    """What each move adds by its debt type's ``rules.fees``."""
    fees = context.debt_type.rules.fees
    return [fee for case, move in moves for fee in fees(case, move, context)]


@hookimpl(trylast=True)
def case_priority(profile: "Profile", debt_type: str, stage: str) -> int | None:
    """The profile's priority level for the stage reached (``[priority] stage_levels``), else for the debt type."""
    return profile.priority_of(debt_type, stage)


@hookimpl(trylast=True)
def writeoff_authority(profile: "Profile", request: "WriteOffRequest") -> str | None:
    """The lowest delegation whose limit covers the amount.

    A consultation the profile requires (``[[write_off.consultations]]``) is
    applied by the core after this answer, whoever gives it: see :mod:`arrears.services.write_off`.
    """
    for delegation in profile.delegations:
        if delegation.up_to_pence is None or request.amount_pence <= delegation.up_to_pence:
            return delegation.authority
    return None
