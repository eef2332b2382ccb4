"""The nightly recovery run: catch up day by day, billing then stage progression then fees.

Each account carries the date it next needs billing and the date it next needs
looking at, so a day touches only the accounts due that day. Work is done in
chunks, each in its own transaction that also moves the chunk's review dates
past the day: a run killed at any point leaves whole chunks done or not done,
and the next run picks up exactly what is left. A dry run does the same work
in one transaction and rolls it back.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .case_loader import ACCOUNT, LEDGER, load_cases
from .cases import Case, Move
from .context import Context
from .registration import COUNCIL, council_profile, council_row
from .errors import PluginError, RunRefused
from .locks import council_lock
from .models import Instalment, Run, StageEvent, utcnow
from .plugins import PluginHost
from .profile import Profile

__all__ = ["RunReport", "run_council"]

RUN = Run.__table__
EVENT = StageEvent.__table__
INSTALMENT = Instalment.__table__
A = ACCOUNT.c


@dataclass
class RunReport:
    """What a run did, as ``arrears run --json`` prints it."""

    council_id: str
    from_date: date | None
    to_date: date
    dry_run: bool
    run_id: int | None = None
    days: int = 0
    cases_evaluated: int = 0
    accounts_billed: int = 0
    moves: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    fees_pence: int = 0
    charges_pence: int = 0
    seconds: float = 0.0
    without_rules: list[str] = field(default_factory=list)
    profile_version: str = ""

    def as_dict(self) -> dict:
        return {
            "council": self.council_id,
            "run_id": self.run_id,
            "dry_run": self.dry_run,
            "dates": {
                "from": self.from_date.isoformat() if self.from_date else None,
                "to": self.to_date.isoformat(),
                "days": self.days,
            },
            "cases_evaluated": self.cases_evaluated,
            "accounts_billed": self.accounts_billed,
            "moves": {dt: dict(sorted(c.items())) for dt, c in sorted(self.moves.items())},
            "moves_total": sum(sum(c.values()) for c in self.moves.values()),
            "charges_pence": self.charges_pence,
            "fees_pence": self.fees_pence,
            "seconds": round(self.seconds, 3),
            "profile_version": self.profile_version,
            "debt_types_without_rules": self.without_rules,
        }


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


class _Run:
    def __init__(self, engine: Engine, host: PluginHost, profile: Profile, report: RunReport, chunk_size: int):
        self.engine = engine
        self.host = host
        self.profile = profile
        self.report = report
        self.chunk_size = chunk_size
        self.council_id = profile.council_id
        self._dry_conn: Connection | None = None
        self.billable: list[str] = []
        self.progressable: list[str] = []

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        if self._dry_conn is not None:
            yield self._dry_conn
        else:
            with self.engine.begin() as conn:
                yield conn

    def context(self, debt_type_id: str, day: date) -> Context:
        return Context(
            council_id=self.council_id,
            debt_type=self.host.debt_type(debt_type_id),
            params=self.profile.params(debt_type_id, day),
            calendar=self.profile.calendar,
            today=day,
            profile=self.profile,
            profile_version=self.profile.version,
        )

    def probe_rules(self, day: date) -> None:
        """Find which enabled debt types bill and progress (a plugin answers None for a type it does not own)."""
        hook = self.host.hook
        for dt in self.profile.debt_types:
            ctx = self.context(dt, day)
            if hook.bill_accounts(context=ctx, cases=[]) is not None:
                self.billable.append(dt)
            if hook.progress_cases(context=ctx, cases=[]) is not None:
                self.progressable.append(dt)
            else:
                self.report.without_rules.append(dt)

    def due_ids(self, column, day: date, debt_types: list[str]) -> list[int]:
        if not debt_types:
            return []
        with self.tx() as conn:
            query = (
                sa.select(A.id)
                .where(A.council_id == self.council_id, column <= day, A.closed_on.is_(None), A.debt_type.in_(debt_types))
                .order_by(A.id)
            )
            return list(conn.execute(query).scalars())

    # -- billing -----------------------------------------------------------------------------

    def bill_day(self, day: date) -> None:
        for chunk in _chunks(self.due_ids(A.next_bill_on, day, self.billable), self.chunk_size):
            with self.tx() as conn:
                cases, _ = load_cases(conn, chunk, day)
                self._bill_chunk(conn, cases, day)

    def _bill_chunk(self, conn: Connection, cases: list[Case], day: date) -> None:
        ledger, instalments, updates = [], [], []
        run_id = self.report.run_id
        for dt, group in groupby(sorted(cases, key=lambda c: c.debt_type), key=lambda c: c.debt_type):
            group = list(group)
            billings = self.host.hook.bill_accounts(context=self.context(dt, day), cases=group)
            if billings is None or len(billings) != len(group):
                raise PluginError(f"billing for {dt!r} returned {0 if billings is None else len(billings)} answers for {len(group)} accounts")
            for case, billing in zip(group, billings):
                delta = 0
                for charge in billing.charges:
                    delta += charge.amount_pence
                    ledger.append({
                        "account_id": case.id, "kind": charge.kind, "amount_pence": charge.amount_pence,
                        "effective_on": charge.on, "code": "billing", "description": charge.description,
                        "run_id": run_id, "created_at": utcnow(),
                    })
                for seq, (due_on, amount) in enumerate(billing.instalments, start=1):
                    instalments.append({"account_id": case.id, "seq": seq, "due_on": due_on, "amount_pence": amount})
                updates.append({"b_id": case.id, "b_next": billing.next_bill_on, "b_delta": delta, "b_day": day})
                self.report.charges_pence += delta
        if ledger:
            conn.execute(sa.insert(LEDGER), ledger)
        if instalments:
            conn.execute(sa.insert(INSTALMENT), instalments)
        conn.execute(
            sa.update(ACCOUNT)
            .where(A.id == sa.bindparam("b_id"))
            .values(
                next_bill_on=sa.bindparam("b_next"),
                balance_pence=A.balance_pence + sa.bindparam("b_delta"),
                next_review_on=sa.bindparam("b_day"),
            ),
            updates,
        )
        self.report.accounts_billed += len(updates)

    # -- stage progression and fees ---------------------------------------------------------

    def review_day(self, day: date) -> None:
        for chunk in _chunks(self.due_ids(A.next_review_on, day, self.progressable), self.chunk_size):
            with self.tx() as conn:
                cases, upcoming = load_cases(conn, chunk, day)
                self._review_chunk(conn, cases, upcoming, day)

    def _review_chunk(self, conn: Connection, cases: list[Case], upcoming: dict[int, date], day: date) -> None:
        events, fees_rows, moved, states = [], [], [], []
        reviews: dict[date | None, list[int]] = defaultdict(list)
        tomorrow = day + timedelta(days=1)
        run_id, version = self.report.run_id, self.profile.version
        for dt, group in groupby(sorted(cases, key=lambda c: c.debt_type), key=lambda c: c.debt_type):
            group = list(group)
            ctx = self.context(dt, day)
            ladder = ctx.debt_type.ladder
            outcomes = self.host.hook.progress_cases(context=ctx, cases=group)
            if outcomes is None or len(outcomes) != len(group):
                raise PluginError(f"progression for {dt!r} returned {0 if outcomes is None else len(outcomes)} answers for {len(group)} cases")
            moves: list[tuple[Case, Move]] = []
            next_dates: dict[int, date | None] = {}
            for case, outcome in zip(group, outcomes):
                nxt = outcome.next_review
                coming = upcoming.get(case.id)
                if coming is not None and (nxt is None or coming < nxt):
                    nxt = coming
                if nxt is not None and nxt <= day:
                    nxt = tomorrow
                if outcome.state is not None:
                    states.append({"s_id": case.id, "s_state": outcome.state})
                move = outcome.move
                if move is None:
                    reviews[nxt].append(case.id)
                    continue
                if not ladder.allows(case.stage, move.rule, move.to_stage):
                    raise PluginError(f"{dt}: rule {move.rule!r} cannot move {case.reference} from {case.stage!r} to {move.to_stage!r}")
                moves.append((case, move))
                next_dates[case.id] = None if ladder.is_terminal(move.to_stage) else nxt
                self.report.moves[dt][move.to_stage] += 1
                events.append({
                    "account_id": case.id, "on_date": day, "from_stage": case.stage, "to_stage": move.to_stage,
                    "rule": move.rule, "reason": move.reason, "facts": move.facts, "profile_version": version,
                    "plugin_version": ctx.debt_type.version, "run_id": run_id, "created_at": utcnow(),
                })
            fee_by_account: Counter = Counter()
            if moves:
                for answer in self.host.hook.transition_fees(context=ctx, moves=moves):
                    for fee in answer or ():
                        fee_by_account[fee.account_id] += fee.amount_pence
                        fees_rows.append({
                            "account_id": fee.account_id, "kind": "fee", "amount_pence": fee.amount_pence,
                            "effective_on": day, "code": fee.code, "description": fee.description,
                            "run_id": run_id, "created_at": utcnow(),
                        })
                        self.report.fees_pence += fee.amount_pence
            for case, move in moves:
                terminal = ladder.is_terminal(move.to_stage)
                moved.append({
                    "m_id": case.id, "m_stage": move.to_stage, "m_since": day, "m_next": next_dates[case.id],
                    "m_closed": day if terminal else None, "m_fees": fee_by_account.get(case.id, 0),
                })
        self.report.cases_evaluated += len(cases)
        if events:
            conn.execute(sa.insert(EVENT), events)
        if fees_rows:
            conn.execute(sa.insert(LEDGER), fees_rows)
        if moved:
            conn.execute(
                sa.update(ACCOUNT)
                .where(A.id == sa.bindparam("m_id"))
                .values(
                    stage=sa.bindparam("m_stage"), stage_since=sa.bindparam("m_since"),
                    next_review_on=sa.bindparam("m_next"), closed_on=sa.bindparam("m_closed"),
                    balance_pence=A.balance_pence + sa.bindparam("m_fees"),
                ),
                moved,
            )
        if states:
            conn.execute(
                sa.update(ACCOUNT).where(A.id == sa.bindparam("s_id")).values(state=sa.bindparam("s_state")), states
            )
        for nxt, ids in reviews.items():
            conn.execute(sa.update(ACCOUNT).where(A.id.in_(ids)).values(next_review_on=nxt))


def run_council(
    engine: Engine,
    host: PluginHost,
    council_id: str,
    to_date: date,
    *,
    dry_run: bool = False,
    chunk_size: int | None = None,
    on_day: Callable[[date, RunReport], None] | None = None,
) -> RunReport:
    """Run recovery for ``council_id`` up to ``to_date``; refuse if another run holds the council."""
    chunk_size = chunk_size or int(os.environ.get("ARREARS_CHUNK_SIZE", "5000"))
    started = time.perf_counter()
    with council_lock(engine, council_id):
        with engine.connect() as conn:
            council = council_row(conn, council_id)
            profile = council_profile(conn, host, council_id)
            earliest = conn.execute(
                sa.select(sa.func.min(A.opened_on)).where(A.council_id == council_id)
            ).scalar()
        last = council.last_run_on
        if last is not None and to_date < last:
            raise RunRefused(
                f"council {council_id!r} has already run to {last.isoformat()}; a run cannot go back to {to_date.isoformat()}"
            )
        if last is not None:
            start = min(last + timedelta(days=1), to_date)
        else:
            start = min(earliest or to_date, to_date)
        report = RunReport(council_id, start, to_date, dry_run, profile_version=profile.version)
        worker = _Run(engine, host, profile, report, chunk_size)
        dry_conn = dry_tx = None
        if dry_run:
            dry_conn = engine.connect()
            dry_tx = dry_conn.begin()
            worker._dry_conn = dry_conn
        try:
            with worker.tx() as conn:
                conn.execute(
                    sa.update(RUN).where(RUN.c.council_id == council_id, RUN.c.status == "running")
                    .values(status="interrupted")
                )
                report.run_id = conn.execute(
                    sa.insert(RUN).values(
                        council_id=council_id, from_date=start, to_date=to_date, dry_run=dry_run,
                        status="running", profile_version=profile.version, stats={}, started_at=utcnow(),
                    ).returning(RUN.c.id)
                ).scalar_one()
            worker.probe_rules(start)
            day = start
            while day <= to_date:
                worker.bill_day(day)
                worker.review_day(day)
                with worker.tx() as conn:
                    conn.execute(sa.update(COUNCIL).where(COUNCIL.c.id == council_id).values(last_run_on=day))
                report.days += 1
                if on_day:
                    on_day(day, report)
                day += timedelta(days=1)
            report.seconds = time.perf_counter() - started
            with worker.tx() as conn:
                conn.execute(
                    sa.update(RUN).where(RUN.c.id == report.run_id)
                    .values(status="completed", stats=report.as_dict(), finished_at=utcnow())
                )
        finally:
            if dry_tx is not None:
                dry_tx.rollback()
                dry_conn.close()
    report.seconds = time.perf_counter() - started
    return report
