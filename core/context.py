"""The context a debt type's hooks receive: the council, its parameters in force, its calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .statutory.working_days import WorkingCalendar
    from .debt_types import DebtType
    from .profiles.profile import Profile

__all__ = ["Context"]


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a hook needs besides the cases: who, which rules, which calendar, which day.

    ``params`` is the debt type's :class:`~arrears.Parameters` as in force on ``today``.
    """

    council_id: str
    debt_type: "DebtType"
    params: Any
    calendar: WorkingCalendar
    today: date
    profile: "Profile"
    profile_version: str
