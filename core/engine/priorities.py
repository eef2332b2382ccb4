"""The priority stored with each case: where it stands in the hierarchy of debt, for ordering the officers' queues.

It is the ``case_priority`` hook's answer when the case reaches its stage (on
import, a move by the run or an officer, or a change of the council's
profile). When only the core answers that hook (from the profile's
``[priority]`` table) the answer depends on the debt type and stage alone and
is worked out once for each.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..profiles.profile import Profile
from ..store.models import Account
from .plugins import PluginHost

__all__ = ["Priorities", "refresh_priorities"]

CORE = "arrears.engine.defaults"


class Priorities:
    """``of(debt_type, stage, balance_pence)``: the priority to store for a case reaching ``stage``."""

    def __init__(self, host: PluginHost, profile: Profile) -> None:
        self.host, self.profile = host, profile
        self.by_stage_only = all(impl.plugin_name == CORE for impl in host.hook.case_priority.get_hookimpls())
        self._memo: dict[tuple[str, str], int | None] = {}

    def of(self, debt_type: str, stage: str, balance_pence: int) -> int | None:
        if self.by_stage_only:
            key = (debt_type, stage)
            if key not in self._memo:
                self._memo[key] = self.profile.priority_of(debt_type, stage)
            return self._memo[key]
        return self.host.hook.case_priority(profile=self.profile, debt_type=debt_type, stage=stage,
                                            balance_pence=balance_pence)


def refresh_priorities(conn: Connection, host: PluginHost, profile: Profile) -> None:
    """Store every open case's priority under ``profile`` (after the council's profile changes, or is first set)."""
    a = Account.__table__.c
    priorities = Priorities(host, profile)
    if priorities.by_stage_only:
        for dt in profile.debt_types:
            debt_type = host.debt_types.get(dt)
            if debt_type is None:
                continue
            for stage in debt_type.ladder.stages:
                level = priorities.of(dt, stage.id, 0)
                conn.execute(
                    sa.update(Account.__table__)
                    .where(a.council_id == profile.council_id, a.debt_type == dt, a.stage == stage.id, a.closed_on.is_(None),
                           sa.or_(a.priority.is_(None), a.priority != level) if level is not None else a.priority.is_not(None))
                    .values(priority=level)
                )
        return
    rows = conn.execute(sa.select(a.id, a.debt_type, a.stage, a.balance_pence, a.priority)
                        .where(a.council_id == profile.council_id, a.closed_on.is_(None))).all()
    changed = [{"p_id": i, "level": level} for i, dt, stage, balance, stored in rows
               if (level := priorities.of(dt, stage, balance)) != stored]
    if changed:
        conn.execute(sa.update(Account.__table__).where(a.id == sa.bindparam("p_id")).values(priority=sa.bindparam("level")),
                     changed)
