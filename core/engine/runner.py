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
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlalchemy.engine import Connection, Engine

from .case_loader import ACCOUNT, LoadedCase, load_cases
from ..cases import Case, Move, write_schedule
from .chunk_writes import ChunkWrites
from .priorities import Priorities
from ..context import Context
from .registration import COUNCIL, council_profile, council_row
from ..errors import PluginError, RunRefused
from .batch import collector_paused
from ..store.db import refresh_statistics, writing
from ..store.index_pause import ensure_queue_indexes, queue_indexes_set_aside
from ..store.ledger import add_entry
from ..store.locks import council_lock
from ..store.models import Run, utcnow
from .plugins import PluginHost
from ..profiles.profile import Profile

__all__ = ["RunReport", "run_council", "check_run_date", "FUTURE_LIMIT_YEARS"]

FUTURE_LIMIT_YEARS = 10
STATISTICS_AFTER = 10_000
"""A run that looked at this many cases refreshes the database's statistics (PostgreSQL) when it ends."""
"""No run goes further ahead of today than this, even on purpose: such a date is a mistyped year."""

RUN = Run.__table__
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
    adjustments_pence: int = 0
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
            "adjustments_pence": self.adjustments_pence,
            "seconds": round(self.seconds, 3),
            "profile_version": self.profile_version,
            "debt_types_without_rules": self.without_rules,
        }


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
        self.priorities = Priorities(host, profile)

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        """A write transaction (the dry run's one transaction, when dry)."""
        if self._dry_conn is not None:
            yield self._dry_conn
        else:
            with writing(self.engine) as conn:
                yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        if self._dry_conn is not None:
            yield self._dry_conn
        else:
            with self.engine.connect() as conn:
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

    def changed_on(self, day: date) -> list[str]:
        """Debt types whose profile parameters change on ``day``: all their open cases are reviewed under the new values."""
        return [dt for dt in self.progressable if day in self.profile.change_dates(dt)]

    def due_ids(self, day: date) -> list[int]:
        """Accounts due for billing or review on ``day``, in id order."""
        ids: set[int] = set()
        with self.reading() as conn:
            for column, types in ((A.next_bill_on, self.billable), (A.next_review_on, self.progressable)):
                if types:
                    ids.update(conn.execute(
                        sa.select(A.id).where(
                            A.council_id == self.council_id, column <= day, A.closed_on.is_(None), A.debt_type.in_(types)
                        )
                    ).scalars())
            changed = self.changed_on(day)
            if changed:
                ids.update(conn.execute(
                    sa.select(A.id).where(A.council_id == self.council_id, A.closed_on.is_(None), A.debt_type.in_(changed))
                ).scalars())
        return sorted(ids)

    def run_day(self, day: date) -> None:
        """Work the day's due accounts chunk by chunk; each chunk is locked, read, decided and written in one transaction.

        A case an officer closed after the day's list was drawn up is left out; one
        an officer moved on a later date than ``day`` is not reviewed for ``day``.
        """
        ids = self.due_ids(day)
        with nullcontext() if self._dry_conn is not None else queue_indexes_set_aside(self.engine, len(ids)):
            for start in range(0, len(ids), self.chunk_size):
                with self.tx() as conn:
                    loaded = load_cases(conn, ids[start : start + self.chunk_size], day, for_update=True, open_only=True)
                    self._chunk(conn, loaded, day)

    def _chunk(self, conn: Connection, loaded: list[LoadedCase], day: date) -> None:
        """Bill what is due, review what is due (billed accounts included), then write it all at once."""
        w = ChunkWrites()
        by_type: dict[str, list[LoadedCase]] = defaultdict(list)
        for item in loaded:
            by_type[item.case.debt_type].append(item)
            w.loaded[item.case.id] = item
        changed = self.changed_on(day)
        for dt, items in by_type.items():
            ctx = self.context(dt, day)
            if dt in self.billable:
                self._bill(ctx, [i for i in items if i.next_bill_on is not None and i.next_bill_on <= day], w)
            if dt in self.progressable:
                self._review(ctx, [i for i in items if i.case.stage_since <= day and (
                    dt in changed or i.case.id in w.billed or (i.next_review_on is not None and i.next_review_on <= day))], w)
        w.flush(conn, day, self.council_id)
        self.report.cases_evaluated += w.evaluated

    def _bill(self, ctx: Context, items: list[LoadedCase], w: ChunkWrites) -> None:
        if not items:
            return
        cases = [i.case for i in items]
        billings = self._call("billing", self.host.hook.bill_accounts, ctx, cases)
        if billings is None or len(billings) != len(cases):
            raise PluginError(f"billing for {ctx.debt_type.id!r} returned {0 if billings is None else len(billings)} answers for {len(cases)} accounts")
        day = ctx.today
        for item, billing in zip(items, billings):
            case = item.case
            totals = w.totals_for(case.id)
            for charge in billing.charges:
                add_entry(totals, charge.kind, charge.amount_pence, charge.on)
                w.ledger.append({
                    "account_id": case.id, "kind": charge.kind, "amount_pence": charge.amount_pence,
                    "effective_on": charge.on, "code": "billing", "description": charge.description,
                    "run_id": self.report.run_id, "created_at": w.now,
                })
                self.report.charges_pence += charge.amount_pence
                if charge.on <= day:
                    case.balance_pence += charge.amount_pence
                    if charge.kind in ("charge", "fee"):
                        case.charged_pence += charge.amount_pence
                elif item.upcoming is None or charge.on < item.upcoming:
                    item.upcoming = charge.on
            if billing.instalments:
                case.schedule = billing.instalments
                w.schedules[case.id] = write_schedule(billing.instalments)
            w.billed[case.id] = billing.next_bill_on
        self.report.accounts_billed += len(items)

    @staticmethod
    def _call(what: str, hook, ctx: Context, cases: list[Case]):
        """Call a plugin's chunk hook; if it raises, name the first account it fails on (the chunk is not written)."""
        try:
            return hook(context=ctx, cases=cases)
        except Exception as exc:
            culprit = None
            for case in cases:
                try:
                    hook(context=ctx, cases=[case])
                except Exception:
                    culprit = case.reference
                    break
            where = f"on account {culprit}" if culprit else f"on a chunk of {len(cases)} accounts"
            raise PluginError(
                f"{what} for {ctx.debt_type.id!r} failed {where} on {ctx.today.isoformat()}: {type(exc).__name__}: {exc}; "
                "the run stopped and nothing of this chunk was written"
            ) from exc

    def _review(self, ctx: Context, items: list[LoadedCase], w: ChunkWrites) -> None:
        if not items:
            return
        cases = [i.case for i in items]
        outcomes = self._call("progression", self.host.hook.progress_cases, ctx, cases)
        if outcomes is None or len(outcomes) != len(cases):
            raise PluginError(f"progression for {ctx.debt_type.id!r} returned {0 if outcomes is None else len(outcomes)} answers for {len(cases)} cases")
        day, dt, ladder = ctx.today, ctx.debt_type.id, ctx.debt_type.ladder
        tomorrow = day + timedelta(days=1)
        moves: list[tuple[Case, Move]] = []
        for item, outcome in zip(items, outcomes):
            case = item.case
            nxt = outcome.next_review
            if item.upcoming is not None and (nxt is None or item.upcoming < nxt):
                nxt = item.upcoming
            if nxt is not None and nxt <= day:
                nxt = tomorrow
            if outcome.state is not None:
                w.states[case.id] = outcome.state
            move = outcome.move
            if move is not None:
                if not ladder.allows(case.stage, move.rule, move.to_stage):
                    raise PluginError(f"{dt}: rule {move.rule!r} cannot move {case.reference} from {case.stage!r} to {move.to_stage!r}")
                moves.append((case, move))
                terminal = ladder.is_terminal(move.to_stage)
                w.moved[case.id] = (move.to_stage, None if terminal else nxt, day if terminal else None,
                                    self.priorities.of(dt, move.to_stage, case.balance_pence))
                w.stage_deltas[(dt, case.stage)] -= 1
                w.stage_deltas[(dt, move.to_stage)] += 1
                self.report.moves[dt][move.to_stage] += 1
                w.events.append({
                    "account_id": case.id, "on_date": day, "from_stage": case.stage, "to_stage": move.to_stage,
                    "rule": move.rule, "reason": move.reason, "facts": move.facts,
                    "profile_version": self.profile.version, "plugin_version": ctx.debt_type.version,
                    "run_id": self.report.run_id, "created_at": w.now,
                })
            else:
                w.reviews[case.id] = nxt
        w.evaluated += len(items)
        if moves:
            for answer in self.host.hook.transition_fees(context=ctx, moves=moves):
                for fee in answer or ():
                    add_entry(w.totals_for(fee.account_id), fee.kind, fee.amount_pence, day)
                    w.ledger.append({
                        "account_id": fee.account_id, "kind": fee.kind, "amount_pence": fee.amount_pence,
                        "effective_on": day, "code": fee.code, "description": fee.description,
                        "run_id": self.report.run_id, "created_at": w.now,
                    })
                    if fee.kind == "fee":
                        self.report.fees_pence += fee.amount_pence
                    else:
                        self.report.adjustments_pence += fee.amount_pence


def check_run_date(to_date: date, today: date, allow_future: bool = False) -> None:
    """Refuse a run date after ``today`` unless ``allow_future``, and one more than :data:`FUTURE_LIMIT_YEARS` ahead always.

    A run moves cases and adds costs that cannot be taken back, and no later run
    may go back before it: a mistyped year would stop the council's recovery.
    """
    if to_date <= today:
        return
    if to_date > today + relativedelta(years=FUTURE_LIMIT_YEARS):
        raise RunRefused(
            f"--date {to_date.isoformat()} is more than {FUTURE_LIMIT_YEARS} years after today ({today.isoformat()}); "
            "no run goes that far ahead: check the year"
        )
    if not allow_future:
        raise RunRefused(
            f"--date {to_date.isoformat()} is after today ({today.isoformat()}): a run moves cases and adds costs that "
            "cannot be taken back, and no later run may go back before it; give --allow-future only to run ahead "
            "on purpose (a training or test database)"
        )


@collector_paused()
def run_council(
    engine: Engine,
    host: PluginHost,
    council_id: str,
    to_date: date,
    *,
    dry_run: bool = False,
    chunk_size: int | None = None,
    on_day: Callable[[date, RunReport], None] | None = None,
    today: date | None = None,
    allow_future: bool = False,
) -> RunReport:
    """Run recovery for ``council_id`` up to ``to_date``; refuse if another run, import or profile change holds the council.

    With ``today`` (the calendar date where the run is started), a ``to_date``
    after it is refused unless ``allow_future``: see :func:`check_run_date`.
    """
    if today is not None:
        check_run_date(to_date, today, allow_future)
    chunk_size = chunk_size or int(os.environ.get("ARREARS_CHUNK_SIZE", "10000"))
    started = time.perf_counter()
    with council_lock(engine, council_id, "a recovery run"):
        with engine.connect() as conn:
            council = council_row(conn, council_id)
            profile = council_profile(conn, host, council_id)
            last = council.last_run_on
            earliest = None if last is not None else conn.execute(
                sa.select(sa.func.min(A.opened_on)).where(A.council_id == council_id)
            ).scalar()
        if last is not None and to_date < last:
            raise RunRefused(
                f"council {council_id!r} has already run to {last.isoformat()}; a run cannot go back to {to_date.isoformat()}"
            )
        if last is not None:
            start = min(last + timedelta(days=1), to_date)
        else:
            start = min(earliest or to_date, to_date)
        report = RunReport(council_id, start, to_date, dry_run, profile_version=profile.version)
        if not dry_run:
            with writing(engine) as conn:
                ensure_queue_indexes(conn)  # a run killed while they were set aside left them missing
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
                worker.run_day(day)
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
    if not dry_run and report.cases_evaluated + report.accounts_billed >= STATISTICS_AFTER:
        refresh_statistics(engine)
    report.seconds = time.perf_counter() - started
    return report
