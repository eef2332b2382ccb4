"""The officers' work queues and their counts: what needs someone today.

A queue is a set of (debt type, stage) places, each with the number of days a
case must have spent there, and optionally only cases due for review. The core
gives a queue per open stage of each debt type, the cases waiting for an
officer's decision (stages declared ``officer_decides``), those waiting longer
than the profile's ``[queues]`` limit, and the reviews due; each debt type adds
its own through ``DebtTypeRules.queues``. Stage counts come from the kept
``stage_count`` table; a queue with a date condition is counted by index up to
:data:`COUNT_CAP` (shown as "10,000+").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ...engine.plugins import PluginHost
from ...engine.registration import council_profile
from ...errors import NotFound
from ...profiles.profile import Profile
from ...store.models import Account
from ...store.stage_counts import stage_counts

__all__ = ["Queue", "Place", "COUNT_CAP", "council_queues", "find_queue", "list_queues", "count_label", "due_count"]

ACCOUNT = Account.__table__
COUNT_CAP = 10_000
"""Date-conditioned queues are counted up to here; beyond it the count reads "10,000+"."""


@dataclass(frozen=True, slots=True)
class Place:
    """Cases of ``debt_type`` at ``stage`` for at least ``min_days`` days."""

    debt_type: str
    stage: str
    min_days: int = 0

    def since_at_most(self, on: date) -> date | None:
        """The latest ``stage_since`` a case may have to be in this place on ``on`` (None: any)."""
        return on - timedelta(days=self.min_days) if self.min_days else None


@dataclass(frozen=True)
class Queue:
    """A work queue: its name (as typed in ``arrears queue show NAME``), label, what it holds and who declared it."""

    name: str
    label: str
    description: str
    source: str
    places: tuple[Place, ...]
    review_due: bool = False
    group: str = ""
    debt_type: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def plain_stages(self) -> bool:
        """True when the count is the sum of the kept stage counts (no date condition)."""
        return not self.review_due and all(p.min_days == 0 for p in self.places)


def council_queues(host: PluginHost, profile: Profile, on: date, problems: list[str] | None = None) -> list[Queue]:
    """Every queue of the council on ``on``, core first, then each debt type's stages and its own queues.

    A debt type whose ``queues`` fails under the council's parameters loses only its own queues; why goes to ``problems``.
    """
    open_stages: list[tuple[str, Any]] = []
    for dt in profile.debt_types:
        debt_type = host.debt_types.get(dt)
        if debt_type is not None:
            open_stages += [(dt, s) for s in debt_type.ladder.stages if not s.terminal]
    deciding = [(dt, s) for dt, s in open_stages if s.officer_decides]
    limits = profile.queues
    queues = [
        Queue("decisions", "Waiting for an officer's decision",
              "Cases at a stage whose way on is an officer's action: a route to choose, an outcome to record.",
              "core", tuple(Place(dt, s.id) for dt, s in deciding), group="Work"),
        Queue("decisions-overdue", "Decisions overdue",
              f"Cases waiting for an officer's decision longer than the council's limit ([queues] decision_days: "
              f"{limits.decision_days} days unless set for the debt type).",
              "core", tuple(Place(dt, s.id, limits.decision_days_for(dt) + 1) for dt, s in deciding), group="Work"),
        Queue("reviews-due", "Reviews due",
              "Open cases whose next review date has come: the nightly run looks at them on its next day.",
              "core", tuple(Place(dt, s.id) for dt, s in open_stages), review_due=True, group="Work"),
    ]
    for dt in profile.debt_types:
        debt_type = host.debt_types.get(dt)
        if debt_type is None:
            continue
        label = debt_type.label
        try:
            specs = list(debt_type.rules.queues(profile.params(dt, on)))
        except Exception as exc:  # a plugin's bug must not take the officers' home screen down
            specs = []
            if problems is not None:
                problems.append(f"debt type {dt!r} (plugin {debt_type.plugin!r}): its queues failed: {type(exc).__name__}: {exc}")
        for spec in specs:
            queues.append(Queue(f"{dt}.{spec.name}", spec.label, spec.description, debt_type.plugin or dt,
                                tuple(Place(dt, s, spec.min_days) for s in spec.stages), group=label, debt_type=dt))
        for stage in debt_type.ladder.stages:
            if not stage.terminal:
                queues.append(Queue(f"{dt}.{stage.id}", stage.label, stage.description, "core", (Place(dt, stage.id),),
                                    group=label, debt_type=dt, extra={"stage": stage.id}))
    return queues


def find_queue(host: PluginHost, profile: Profile, name: str, on: date) -> Queue:
    """The council's queue called ``name``."""
    queues = council_queues(host, profile, on)
    for queue in queues:
        if queue.name == name:
            return queue
    raise NotFound(f"no queue {name!r} for council {profile.council_id!r}; `arrears queue list --council "
                   f"{profile.council_id}` lists them")


def count_label(n: int, capped: bool) -> str:
    """A count as an officer reads it: ``1,234``, or ``10,000+`` when counting stopped there."""
    return f"{n:,}+" if capped else f"{n:,}"


def due_count(conn: Connection, council_id: str, on: date, debt_types: set[str]) -> int:
    """Open cases of ``debt_types`` due for review by ``on``, counted by ``ix_account_review`` up to ``COUNT_CAP + 1``."""
    a = ACCOUNT.c
    inner = (sa.select(sa.literal(1)).where(a.council_id == council_id, a.next_review_on <= on, a.closed_on.is_(None),
                                            a.debt_type.in_(sorted(debt_types))).limit(COUNT_CAP + 1))
    return conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one()


def capped_count(conn: Connection, council_id: str, queue: Queue, on: date, kept: dict[tuple[str, str], int]) -> tuple[int, bool]:
    """How many open cases the queue holds on ``on`` (kept counts when it has no date condition), and whether capped."""
    if queue.plain_stages:
        return sum(kept.get((p.debt_type, p.stage), 0) for p in queue.places), False
    a = ACCOUNT.c
    if queue.review_due:
        n = due_count(conn, council_id, on, {p.debt_type for p in queue.places})
        return min(n, COUNT_CAP), n > COUNT_CAP
    total = 0
    for place in queue.places:
        if not kept.get((place.debt_type, place.stage)):
            continue
        where = [a.council_id == council_id, a.debt_type == place.debt_type, a.stage == place.stage, a.closed_on.is_(None)]
        cutoff = place.since_at_most(on)
        if cutoff is not None:
            where.append(a.stage_since <= cutoff)
        inner = sa.select(sa.literal(1)).where(*where).limit(COUNT_CAP + 1 - total)
        total += conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one()
        if total > COUNT_CAP:
            return COUNT_CAP, True
    return total, False


def list_queues(engine: Engine, host: PluginHost, council_id: str, on: date, *, include_empty: bool = True) -> dict[str, Any]:
    """The council's queues with their counts on ``on``: the officer's home screen."""
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        kept = stage_counts(conn, council_id)
        rows, problems = [], []
        for queue in council_queues(host, profile, on, problems):
            n, capped = capped_count(conn, council_id, queue, on, kept)
            if n == 0 and not include_empty:
                continue
            rows.append({"name": queue.name, "label": queue.label, "group": queue.group, "debt_type": queue.debt_type,
                         "source": queue.source, "description": queue.description, "count": n, "capped": capped,
                         "count_label": count_label(n, capped)})
    return {"council": council_id, "council_name": profile.name, "on": on.isoformat(), "queues": rows, "problems": problems}
