"""What a profile change would do to a council's live cases on a date, without writing anything.

Every open case of a debt type both profiles enable is evaluated on the date
twice, under the council's registered profile and under the proposed one,
through the same hooks the nightly run calls (progression, then the fees of
the moves, then the case's priority). Cases whose move, fees or priority differ
are reported. Billing is left out: both sides would bill the same accounts.
Reads run in one transaction that is rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..engine.case_loader import ACCOUNT, load_cases
from ..context import Context
from ..errors import PluginError
from ..engine.plugins import PluginHost
from ..profiles.profile import Profile
from ..engine.registration import council_profile

__all__ = ["Verdict", "CaseImpact", "ImpactReport", "profile_impact"]

A = ACCOUNT.c
CHUNK = 5000


@dataclass(frozen=True)
class Verdict:
    """What one profile would do to one case on the date."""

    to_stage: str | None
    rule: str | None
    reason: str | None
    fees_pence: int
    priority: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"to_stage": self.to_stage, "rule": self.rule, "reason": self.reason,
                "fees_pence": self.fees_pence, "priority": self.priority}


@dataclass(frozen=True)
class CaseImpact:
    reference: str
    debt_type: str
    stage: str
    current: Verdict
    proposed: Verdict

    @property
    def what(self) -> list[str]:
        """Which of ``stage``, ``fee`` and ``priority`` differ."""
        out = []
        if (self.current.to_stage, self.current.rule) != (self.proposed.to_stage, self.proposed.rule):
            out.append("stage")
        if self.current.fees_pence != self.proposed.fees_pence:
            out.append("fee")
        if self.current.priority != self.proposed.priority:
            out.append("priority")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "debt_type": self.debt_type, "stage": self.stage, "what": self.what,
                "current": self.current.as_dict(), "proposed": self.proposed.as_dict()}


@dataclass
class ImpactReport:
    council_id: str
    on: date
    current_version: str
    proposed_version: str
    cases_evaluated: int = 0
    cases: list[CaseImpact] = field(default_factory=list)
    not_compared: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        found = {"stage": 0, "fee": 0, "priority": 0}
        for item in self.cases:
            for what in item.what:
                found[what] += 1
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "council": self.council_id, "date": self.on.isoformat(),
            "current_version": self.current_version, "proposed_version": self.proposed_version,
            "cases_evaluated": self.cases_evaluated, "cases_changed": len(self.cases), "counts": self.counts(),
            "debt_types_not_compared": self.not_compared,
            "cases": [item.as_dict() for item in self.cases],
        }


def profile_impact(engine: Engine, host: PluginHost, council_id: str, proposed: Profile, on: date) -> ImpactReport:
    """Compare the registered profile with ``proposed`` on every open case of the council on ``on``."""
    with engine.connect() as conn:
        tx = conn.begin()
        try:
            current = council_profile(conn, host, council_id)
            report = ImpactReport(council_id, on, current.version, proposed.version)
            both = [dt for dt in current.debt_types if dt in proposed.debt_types]
            for dt in current.debt_types:
                if dt not in both:
                    report.not_compared[dt] = "not enabled in the proposed profile"
            for dt in proposed.debt_types:
                if dt not in both:
                    report.not_compared[dt] = "not enabled in the registered profile"
            for dt in both:
                _compare_type(conn, host, council_id, dt, current, proposed, on, report)
        finally:
            tx.rollback()
    report.cases.sort(key=lambda item: (item.debt_type, item.reference))
    return report


def _compare_type(conn: Connection, host: PluginHost, council_id: str, dt: str,
                  current: Profile, proposed: Profile, on: date, report: ImpactReport) -> None:
    ids = list(conn.execute(
        sa.select(A.id).where(A.council_id == council_id, A.debt_type == dt, A.closed_on.is_(None)).order_by(A.id)
    ).scalars())
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        before = _verdicts(conn, host, council_id, dt, current, chunk, on)
        after = _verdicts(conn, host, council_id, dt, proposed, chunk, on)
        if before is None or after is None:
            report.not_compared[dt] = "no installed plugin evaluates its cases"
            return
        report.cases_evaluated += len(chunk)
        for (reference, stage, old), (_, _, new) in zip(before, after):
            item = CaseImpact(reference, dt, stage, old, new)
            if item.what:
                report.cases.append(item)


def _verdicts(conn: Connection, host: PluginHost, council_id: str, dt: str, profile: Profile,
              ids: list[int], on: date) -> list[tuple[str, str, Verdict]] | None:
    """Each case's move, fees and priority under ``profile``, as the nightly run's hooks decide them."""
    debt_type = host.debt_type(dt)
    ctx = Context(council_id, debt_type, profile.params(dt, on), profile.calendar, on, profile, profile.version)
    cases = [item.case for item in load_cases(conn, ids, on)]
    outcomes = host.hook.progress_cases(context=ctx, cases=cases)
    if outcomes is None:
        return None
    if len(outcomes) != len(cases):
        raise PluginError(f"progression for {dt!r} returned {len(outcomes)} answers for {len(cases)} cases")
    moves = []
    for case, outcome in zip(cases, outcomes):
        move = outcome.move
        if move is not None:
            if not debt_type.ladder.allows(case.stage, move.rule, move.to_stage):
                raise PluginError(f"{dt}: rule {move.rule!r} cannot move {case.reference} from {case.stage!r} to {move.to_stage!r}")
            moves.append((case, move))
    fees: dict[int, int] = {}
    if moves:
        for answer in host.hook.transition_fees(context=ctx, moves=moves):
            for fee in answer or ():
                fees[fee.account_id] = fees.get(fee.account_id, 0) + fee.amount_pence
    out = []
    for case, outcome in zip(cases, outcomes):
        move = outcome.move
        stage = move.to_stage if move is not None else case.stage
        balance = case.balance_pence + fees.get(case.id, 0)
        priority = host.hook.case_priority(profile=profile, debt_type=dt, stage=stage, balance_pence=balance)
        out.append((case.reference, case.stage, Verdict(
            move.to_stage if move else None, move.rule if move else None, move.reason if move else None,
            fees.get(case.id, 0), priority,
        )))
    return out
