"""What differs between two effective profiles, key by key."""

from __future__ import annotations

from typing import Any

from .profile import Profile
from .render import effective_profile, flatten

__all__ = ["ABSENT", "diff_profiles"]


class _Absent:
    """A key one profile does not have."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT: Any = _Absent()


def diff_profiles(a: Profile, b: Profile) -> list[tuple[str, Any, Any]]:
    """(dotted key, value in ``a``, value in ``b``) for every key whose effective value differs, in key order.

    Defaults count as values, so a key written in one profile with its default
    value and left out of the other is not a difference. Dated changes are keyed
    by their date: ``debt_types.sundry.changes[2026-04-01].reminder_days``.
    """
    left, right = flatten(effective_profile(a)), flatten(effective_profile(b))
    keys = list(left) + [k for k in right if k not in left]
    return [
        (key, left.get(key, ABSENT), right.get(key, ABSENT))
        for key in keys
        if left.get(key, ABSENT) != right.get(key, ABSENT)
    ]
