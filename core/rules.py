"""What a debt type decides, beyond what it declares: the typed interface a plugin implements.

A debt type (:class:`arrears.DebtType`) declares its ladder, parameters and
import columns as data; what it decides it gives as a :class:`DebtTypeRules`
on ``DebtType.rules``. Override what applies; every member has a safe default.
The core's own hook implementations answer billing, the nightly review and
fees from these, so a debt type needs no hook of its own; the hooks stay the
way in for a plugin that acts across debt types (a council's override, a hold).

Every function receives the :class:`~arrears.Case` as of the business date and
the :class:`~arrears.Context` (the council's parameters in force that day, its
calendar, the day itself). Money is integer pence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cases import Billing, Case, Charge, Fee, Move, Outcome
    from .context import Context

__all__ = ["DebtTypeRules", "QueueSpec"]

_DECIDES = ("bill", "fees", "check_row", "check_action", "action_facts", "action_state", "action_entries", "queues")


@dataclass(frozen=True, slots=True)
class QueueSpec:
    """A work queue a debt type offers its officers: open cases at ``stages`` for at least ``min_days`` days.

    ``name`` is unique within the debt type and is not one of its stage ids; officers open it as
    ``<debt type>.<name>`` (``arrears queue show pcn.representations-near-limit``).
    """

    name: str
    label: str
    stages: tuple[str, ...]
    min_days: int = 0
    description: str = ""


class DebtTypeRules:
    """What a debt type decides. Subclass it and override what your debt type does."""

    review: Any = None
    """The nightly review: an :class:`arrears.LadderReview` (or anything with ``progress(context, cases) -> [Outcome]``).
    None: the debt type has no automatic stage moves; its cases move only by officer actions."""

    rule_names: Iterable[str] = ()
    """Every rule name the fee table and the move handlers below refer to; registration refuses one the ladder lacks."""

    reason_facts: Mapping[str, Iterable[str]] = {}
    """The facts the review adds to a move's decision record, by rule (``"*"`` for every rule): the names reason
    templates may use besides the core's (stage, stage_since, balance, paid, due_from) and the rule's ``uses``."""

    def bill(self, case: Case, context: Context) -> Billing:
        """What billing raises for one account on the business date: charges, instalments, the next billing date.

        Not overriding this means the debt type does not bill, which registration refuses unless a plugin's
        ``bill_accounts`` hook answers for it."""
        raise NotImplementedError

    def fees(self, case: Case, move: Move, context: Context) -> list[Fee]:
        """The fees (or adjustments) a move adds to the account: summons costs, an agent's fee, a discount."""
        return []

    def check_row(self, attrs: dict[str, Any], amount_pence: int, opened_on: date, params: Any) -> list[tuple[str, str]]:
        """Problems with an imported account's columns taken together, as (column, message); ``params`` are the
        council's parameters in force on the account's date."""
        return []

    def check_action(self, case: Case, action: str, fields: dict[str, str], context: Context,
                     liable: list[str]) -> str | None:
        """Why an officer's action cannot be taken on these facts (None: it can); ``liable`` lists the references
        of everyone liable for the account."""
        return None

    def action_facts(self, case: Case, action: str, fields: dict[str, str], context: Context) -> tuple[dict, str] | None:
        """(facts, sentence) an allowed officer action records beside its fields: a deduction worked out from them,
        and a sentence added to the move's reason. None: nothing more."""
        return None

    def action_state(self, case: Case, action: str, fields: dict[str, str], context: Context) -> dict | None:
        """The case's state after an officer's action (dates and sums the nightly review needs later); None: unchanged."""
        return None

    def action_entries(self, case: Case, action: str, fields: dict[str, str], context: Context) -> list[Charge]:
        """Ledger entries an officer's action posts: charges or adjustments (negative amounts reduce the debt)."""
        return []

    def queues(self, params: Any) -> list[QueueSpec]:
        """The debt type's own work queues under the council's parameters in force today (``params``)."""
        return []

    def provides(self) -> list[str]:
        """The members this debt type gives (those it overrides), for ``arrears plugins``."""
        names = ["review"] if self.review is not None else []
        return names + [name for name in _DECIDES if getattr(type(self), name) is not getattr(DebtTypeRules, name)]

    @property
    def bills(self) -> bool:
        """True when the debt type bills through :meth:`bill`."""
        return type(self).bill is not DebtTypeRules.bill

    def progress(self, context: Context, cases: list[Case]) -> list[Outcome] | None:
        """The nightly review of a chunk through :attr:`review` (None when there is none)."""
        return None if self.review is None else self.review.progress(context, cases)
