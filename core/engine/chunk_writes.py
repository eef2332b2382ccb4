"""What one chunk of the nightly run writes, gathered so that each table gets one set-based statement."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy.engine import Connection

from ..store.bulk import Bulk
from .case_loader import LoadedCase
from ..store.ledger import Totals
from ..store.stage_counts import add_stage_counts
from ..store.models import utcnow

__all__ = ["ChunkWrites"]


class ChunkWrites:
    """Everything a chunk writes: ledger entries, decision records, schedules, states, account rows."""

    def __init__(self) -> None:
        self.now = utcnow()
        self.ledger: list[dict] = []
        self.schedules: dict[int, list] = {}
        self.events: list[dict] = []
        self.states: dict[int, dict] = {}
        self.totals: dict[int, Totals] = {}
        self.billed: dict[int, date | None] = {}
        self.moved: dict[int, tuple[str, date | None, date | None, int | None]] = {}
        self.stage_deltas: Counter = Counter()
        self.reviews: dict[int, date | None] = {}
        self.loaded: dict[int, LoadedCase] = {}
        self.evaluated = 0

    def totals_for(self, account_id: int) -> Totals:
        found = self.totals.get(account_id)
        if found is None:
            found = self.totals[account_id] = Totals()
        return found

    def flush(self, conn: Connection, day: date, council_id: str) -> None:
        b = Bulk(conn)
        now = b.stamp(self.now)
        b.insert(
            "ledger_entry",
            ("account_id", "kind", "amount_pence", "effective_on", "code", "description", "run_id", "created_at"),
            ((e["account_id"], e["kind"], e["amount_pence"], b.day(e["effective_on"]), e["code"], e["description"],
              e["run_id"], now) for e in self.ledger),
        )
        b.insert(
            "stage_event",
            ("account_id", "on_date", "from_stage", "to_stage", "rule", "reason", "facts", "profile_version",
             "plugin_version", "run_id", "created_at"),
            ((e["account_id"], b.day(e["on_date"]), e["from_stage"], e["to_stage"], e["rule"], e["reason"],
              b.json(e["facts"]), e["profile_version"], e["plugin_version"], e["run_id"], now)
             for e in self.events),
            json_columns=("facts",),
        )
        statements: dict[tuple[bool, bool, bool], list] = defaultdict(list)
        for key, row in self._account_rows(b, day):
            statements[key].append(row)
        for (billed, totals, moved), rows in sorted(statements.items()):
            b.run(_UPDATE.format(bill=_BILL if billed else "", totals=_TOTALS if totals else "",
                                 move=_MOVE if moved else ""), rows)
        add_stage_counts(conn, council_id, self.stage_deltas)

    def _account_rows(self, b: Bulk, day: date):
        """(which parts to write, the values) for each account touched: the next billing date and schedule when just
        billed, the chunk's ledger totals when it has entries, stage, since, closing and priority when it moved; the
        review date and state always."""
        empty = Totals()
        states = self.states
        touched = set(self.totals) | set(self.billed) | set(self.moved) | set(self.reviews) | set(states)
        for account_id in sorted(touched):
            item = self.loaded[account_id]
            t = self.totals.get(account_id, empty)
            billed, moved = account_id in self.billed, account_id in self.moved
            values: list = []
            if billed:
                schedule = self.schedules.get(account_id)
                values += [b.day(self.billed[account_id]), None if schedule is None else b.json(schedule)]
            if t is not empty:
                paid_on, entry_on = b.day(t.last_payment_on), b.day(t.last_entry_on)
                values += [t.balance, t.paid, t.charged, paid_on, paid_on, entry_on, entry_on]
            if moved:
                stage, next_review, closed, priority = self.moved[account_id]
                values += [stage, b.day(day), b.day(closed), priority]
            else:
                next_review = self.reviews.get(account_id, item.next_review_on)
            state = states.get(account_id)
            values += [b.day(next_review), None if state is None else b.json(state), account_id]
            yield (billed, t is not empty, moved), tuple(values)


_UPDATE = "UPDATE account SET {bill}{totals}{move}next_review_on = ?, state = COALESCE(?json, state) WHERE id = ?"
"""One account's writes after a chunk, in up to eight shapes: SQLite rewrites an index whenever its column is
assigned, even to the same value, so the billing date, the totals and the stage (with the queues' indexes on it)
are assigned only for the accounts whose values the chunk changed."""
_BILL = "next_bill_on = ?, schedule = COALESCE(?json, schedule), "
_TOTALS = (
    "balance_pence = balance_pence + ?, paid_pence = paid_pence + ?, charged_pence = charged_pence + ?, "
    "last_payment_on = CASE WHEN last_payment_on IS NULL OR last_payment_on < ? THEN ? ELSE last_payment_on END, "
    "last_entry_on = CASE WHEN last_entry_on IS NULL OR last_entry_on < ? THEN ? ELSE last_entry_on END, "
)
_MOVE = "stage = ?, stage_since = ?, closed_on = ?, priority = ?, "
