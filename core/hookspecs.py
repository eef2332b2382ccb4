"""The hooks of arrears: how plugins declare debt types and take part in recovery.

Every hook is called with keyword arguments; an implementation may accept any
subset of a spec's parameters. Hooks in the nightly path take a whole chunk of
cases at a time, so a plugin pays the hook-call cost once per chunk, not per case.
Plugins mark implementations with :data:`arrears.hookimpl`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .cases import Billing, Case, Fee, Move, Outcome, WriteOffRequest
    from .context import Context
    from .debt_types import DebtTypeRegistry
    from .profiles.profile import Profile

hookspec = pluggy.HookspecMarker("arrears")
hookimpl = pluggy.HookimplMarker("arrears")

HOOK_API = 2
"""The version of the plugin contract this arrears gives: these hooks, :class:`arrears.DebtType` and
:class:`arrears.DebtTypeRules`. A plugin that needs a newer one says so in its module,
``ARREARS_HOOK_API = 3``, and is refused with a message to upgrade arrears. 2: debt types carry their rules."""

# ---------------------------------------------------------------------------
# Declaring debt types
# ---------------------------------------------------------------------------


@hookspec
def register_debt_types(register: "DebtTypeRegistry") -> None:
    """Declare the debt types a plugin provides.

    :param register: call ``register(DebtType(...))`` once per debt type; the
        ladder is validated there and a bad one is reported against the plugin.
    :returns: nothing.

    Fires once when the plugin host is built, for every plugin, in load order.
    """


# ---------------------------------------------------------------------------
# Billing
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def bill_accounts(context: "Context", cases: "list[Case]") -> "list[Billing] | None":
    """Raise the charges and instalment schedules for accounts whose billing date has come.

    :param context: the council, the debt type, its parameters in force and the business date.
    :param cases: accounts of ``context.debt_type`` due for billing on ``context.today``
        (a new account on its date; a rent account on each rent day).
    :returns: one :class:`~arrears.Billing` per case, in the same order; or None
        when this plugin does not bill that debt type.

    Fires in the nightly run before stage progression, once per chunk.
    Stops at the first non-None result (firstresult).
    """


# ---------------------------------------------------------------------------
# Stage progression
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def progress_cases(context: "Context", cases: "list[Case]") -> "list[Outcome] | None":
    """Decide, for each case due for review, the transition to make today (or none) and the next review date.

    :param context: the council, the debt type, its parameters in force and the business date.
    :param cases: cases of ``context.debt_type`` whose review date has come, with
        balances as of ``context.today``.
    :returns: one :class:`~arrears.Outcome` per case, in the same order; or None
        when this plugin does not own that debt type.

    Fires in the nightly run once per chunk after billing. Decisions must be
    pure functions of the cases, the context and the date. Stops at the first
    non-None result (firstresult); a ``wrapper=True`` implementation can amend
    another plugin's outcomes (a council's override, a hold).
    """


# ---------------------------------------------------------------------------
# Fees
# ---------------------------------------------------------------------------


@hookspec
def transition_fees(context: "Context", moves: "list[tuple[Case, Move]]") -> "list[Fee] | None":
    """Name the fees and costs the day's transitions add (summons costs, enforcement fees, court fees).

    :param context: the council, the debt type, its parameters in force and the business date.
    :param moves: each case with the move made for it today.
    :returns: a list of :class:`~arrears.Fee` (each naming its account), or None.

    Fires in the nightly run once per chunk after progression, and after an
    officer's action moves a case. Every implementation's fees are added
    (not firstresult).
    """


# ---------------------------------------------------------------------------
# Priority (the hierarchy of debt)
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def case_priority(profile: "Profile", debt_type: str, stage: str, balance_pence: int) -> "int | None":
    """Rank a case in the hierarchy of debt: 1 is most urgent.

    :param profile: the council's profile (its priority table).
    :param debt_type: the case's debt type id.
    :param stage: the case's stage.
    :param balance_pence: the case's balance.
    :returns: the priority level, or None to leave the answer to another plugin.

    Fires when a case or a debtor's debts are shown or ordered. The core
    answers last from the profile's ``[priority]`` table. Stops at the first
    non-None result (firstresult).
    """


# ---------------------------------------------------------------------------
# Write-off authorisation
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def writeoff_authority(profile: "Profile", request: "WriteOffRequest") -> "str | None":
    """Name the authority a write-off needs (for example ``s151_officer`` or ``cabinet``).

    :param profile: the council's profile (its delegation table).
    :param request: the account, amount and reason.
    :returns: an authority named in the profile's ``[write_off]`` delegations,
        or None to leave the answer to another plugin.

    Fires when an officer asks to write off a debt. The core answers last from
    the profile's delegation table. Stops at the first non-None result (firstresult).
    """
