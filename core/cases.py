"""What a debt type sees of a case, and what it answers.

These are plain slotted classes, built in bulk by the runner for each chunk of
cases; plugins read them and return :class:`Outcome` values. Money is pence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Case", "Move", "Outcome", "Fee", "Charge", "Billing", "Action", "WriteOffRequest"]


@dataclass(slots=True)
class Case:
    """One account as of the business date ``today``.

    ``balance_pence`` and ``paid_pence`` count only ledger entries dated on or
    before ``today``; ``state`` is the debt type's own small record (counters,
    dates) which an :class:`Outcome` may update; ``attrs`` holds the debt type's
    import columns.
    """

    id: int
    reference: str
    debt_type: str
    debtor_kind: str
    stage: str
    stage_since: date
    opened_on: date
    amount_pence: int
    balance_pence: int
    paid_pence: int
    charged_pence: int
    last_payment_on: date | None
    today: date
    attrs: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Move:
    """A stage transition chosen by a rule: where to, which rule, why, on which facts."""

    to_stage: str
    rule: str
    reason: str
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """A debt type's answer for one case on one day.

    ``move`` is the transition to make today, or None. ``next_review`` is the
    first date on which the case could move again if nothing else changes (None:
    only a new fact, such as a payment or an officer's action, can move it).
    ``state`` replaces the case's state when not None.
    """

    move: Move | None
    next_review: date | None
    state: dict[str, Any] | None = None


@dataclass(slots=True, frozen=True)
class Fee:
    """A fee or cost a transition adds to an account, in pence."""

    account_id: int
    amount_pence: int
    code: str
    description: str


@dataclass(slots=True, frozen=True)
class Charge:
    """A ledger debit raised by billing: ``kind`` is ``charge`` (or ``adjustment``)."""

    amount_pence: int
    on: date
    description: str
    kind: str = "charge"


@dataclass(slots=True)
class Billing:
    """What billing raises for one account: its charges, its instalments, the next billing date."""

    charges: list[Charge] = field(default_factory=list)
    instalments: list[tuple[date, int]] = field(default_factory=list)
    next_bill_on: date | None = None


@dataclass(slots=True, frozen=True)
class Action:
    """An officer action a stage allows: its name, where it leads, what it needs."""

    name: str
    to_stage: str | None
    description: str
    fields: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class WriteOffRequest:
    """A request to write off ``amount_pence`` of an account for ``reason``."""

    council_id: str
    debt_type: str
    reference: str
    amount_pence: int
    reason: str
    stage: str
