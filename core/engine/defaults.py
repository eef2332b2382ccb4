"""The core's own answers to the priority and write-off hooks, read from the council's profile.

Registered like any plugin and marked ``trylast``, so a plugin or a council's
override answers first when it has something to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..cases import WriteOffRequest
    from ..profiles.profile import Profile


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
