"""What a debt type sees of a case, and what it answers.

These are plain slotted classes, built in bulk by the runner for each chunk of
cases; plugins read them and return :class:`Outcome` values. Money is pence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any

import orjson

__all__ = ["Case", "Move", "Outcome", "Fee", "Charge", "Billing", "Action", "WriteOffRequest"]


def _schedule_day(value) -> date:
    if isinstance(value, int):
        return date.fromordinal(value)
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value


@lru_cache(maxsize=4096)
def _days(ordinals: tuple[int, ...]) -> tuple[date, ...]:
    return tuple(date.fromordinal(o) for o in ordinals)


def write_schedule(instalments: list[tuple[date, int]]) -> dict:
    """A schedule as stored: due dates as day numbers and amounts, side by side (accounts billed together share dates)."""
    return {"on": [d.toordinal() for d, _ in instalments], "pence": [p for _, p in instalments]}


def read_schedule(stored) -> list[tuple[date, int]]:
    """A stored schedule (JSON text, ``{"on": [...], "pence": [...]}``, or [[date, pence], ...]) as (date, pence) pairs."""
    if not stored:
        return []
    if isinstance(stored, str):
        stored = orjson.loads(stored)
    if isinstance(stored, dict):
        return list(zip(_days(tuple(stored["on"])), stored["pence"]))
    if isinstance(stored[0], tuple):
        return stored
    return [(_schedule_day(d), int(p)) for d, p in stored]


_CASE_FIELDS = (
    "id", "reference", "debt_type", "debtor_kind", "stage", "stage_since", "opened_on", "amount_pence",
    "balance_pence", "paid_pence", "charged_pence", "last_payment_on", "today",
)


class Case:
    """One account as of the business date ``today``.

    ``balance_pence``, ``paid_pence`` and ``charged_pence`` count only ledger
    entries dated on or before ``today``; ``state`` is the debt type's own small
    record (counters, dates) which an :class:`Outcome` may update; ``attrs``
    holds the debt type's import columns. Both are read from storage only when
    a rule first looks at them.
    """

    __slots__ = (*_CASE_FIELDS, "_attrs", "_state", "_schedule", "_decoded")

    def __init__(
        self, id: int, reference: str, debt_type: str, debtor_kind: str, stage: str, stage_since: date,
        opened_on: date, amount_pence: int, balance_pence: int, paid_pence: int, charged_pence: int,
        last_payment_on: date | None, today: date,
        attrs: dict[str, Any] | str | None = None, state: dict[str, Any] | str | None = None,
        schedule: list | str | None = None,
    ) -> None:
        self.id = id
        self.reference = reference
        self.debt_type = debt_type
        self.debtor_kind = debtor_kind
        self.stage = stage
        self.stage_since = stage_since
        self.opened_on = opened_on
        self.amount_pence = amount_pence
        self.balance_pence = balance_pence
        self.paid_pence = paid_pence
        self.charged_pence = charged_pence
        self.last_payment_on = last_payment_on
        self.today = today
        self._attrs = {} if attrs is None else attrs
        self._state = {} if state is None else state
        self._schedule = schedule
        self._decoded = None

    @property
    def attrs(self) -> dict[str, Any]:
        if isinstance(self._attrs, str):
            self._attrs = orjson.loads(self._attrs)
        return self._attrs

    @property
    def state(self) -> dict[str, Any]:
        if isinstance(self._state, str):
            self._state = orjson.loads(self._state)
        return self._state

    @property
    def schedule(self) -> list[tuple[date, int]]:
        """The instalment schedule billing raised: (due date, pence) in date order; empty when none."""
        decoded = self._decoded
        if decoded is None:
            decoded = self._decoded = read_schedule(self._schedule)
        return decoded

    @schedule.setter
    def schedule(self, value: list[tuple[date, int]]) -> None:
        self._schedule = self._decoded = list(value)

    def due_by(self, day: date) -> int:
        """Pence of the schedule falling due on or before ``day``."""
        total = 0
        for d, p in self.schedule:
            if d > day:
                break
            total += p
        return total

    def __repr__(self) -> str:
        return f"Case({self.reference!r}, {self.debt_type}, stage={self.stage!r}, balance_pence={self.balance_pence})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Case):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _CASE_FIELDS) and (
            self.attrs, self.state) == (other.attrs, other.state)

    __hash__ = None  # type: ignore[assignment]


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
    """A fee or cost a transition adds to an account, in pence.

    ``kind`` is ``fee`` (a cost added to what is charged) or ``adjustment``
    (a reduction or cancellation the move brings, such as a discount earned).
    """

    account_id: int
    amount_pence: int
    code: str
    description: str
    kind: str = "fee"

    def __post_init__(self) -> None:
        if self.kind not in ("fee", "adjustment"):
            raise ValueError(f"a transition may post a fee or an adjustment, not {self.kind!r}")


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
    """An officer action a stage allows: its name, where it leads, the fields it needs and those it may take."""

    name: str
    to_stage: str | None
    description: str
    fields: tuple[str, ...] = ()
    optional_fields: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class WriteOffRequest:
    """A request to write off ``amount_pence`` of an account for ``reason``."""

    council_id: str
    debt_type: str
    reference: str
    amount_pence: int
    reason: str
    stage: str
