"""What one chunk of the nightly run writes, gathered so that each table gets one set-based statement."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Connection

from ..store.bulk import Bulk
from .case_loader import LoadedCase
from ..store.ledger import Totals
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
        self.moved: dict[int, tuple[str, date | None, date | None]] = {}
        self.reviews: dict[int, date | None] = {}
        self.loaded: dict[int, LoadedCase] = {}
        self.evaluated = 0

    def totals_for(self, account_id: int) -> Totals:
        found = self.totals.get(account_id)
        if found is None:
            found = self.totals[account_id] = Totals()
        return found

    def flush(self, conn: Connection, day: date) -> None:
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
        rows = list(self._account_rows(b, day))
        billed = [r[2:] for r in rows if r[0]]
        with_entries = [r[4:] for r in rows if r[1] and not r[0]]
        others = [r[-6:] for r in rows if not r[0] and not r[1]]
        b.run(_UPDATE.format(bill="next_bill_on = ?, schedule = COALESCE(?json, schedule), ", totals=_TOTALS), billed)
        b.run(_UPDATE.format(bill="", totals=_TOTALS), with_entries)
        b.run(_UPDATE.format(bill="", totals=""), others)

    def _account_rows(self, b: Bulk, day: date):
        """One row per account touched: billed or not, with ledger entries or not, next billing date, totals added, stage, review date, state, id."""
        empty = Totals()
        states = self.states
        touched = set(self.totals) | set(self.billed) | set(self.moved) | set(self.reviews) | set(states)
        for account_id in sorted(touched):
            item = self.loaded[account_id]
            case = item.case
            t = self.totals.get(account_id, empty)
            if account_id in self.moved:
                stage, next_review, closed = self.moved[account_id]
                since = day
            else:
                stage, since, closed = case.stage, case.stage_since, None
                next_review = self.reviews.get(account_id, item.next_review_on)
            state = states.get(account_id)
            tail = (stage, b.day(since), b.day(next_review), b.day(closed), None if state is None else b.json(state), account_id)
            billed = account_id in self.billed
            if t is empty and not billed:
                yield (False, False, *tail)
                continue
            paid_on, entry_on = b.day(t.last_payment_on), b.day(t.last_entry_on)
            yield (
                billed, True, b.day(self.billed.get(account_id)),
                b.json(self.schedules[account_id]) if account_id in self.schedules else None,
                t.balance, t.paid, t.charged, paid_on, paid_on, entry_on, entry_on, *tail,
            )


_UPDATE = (
    "UPDATE account SET {bill}{totals}"
    "stage = ?, stage_since = ?, next_review_on = ?, closed_on = ?, state = COALESCE(?json, state) "
    "WHERE id = ?"
)
"""One account's writes after a chunk; ``{bill}`` sets the next billing date only for accounts just billed
(SQLite rewrites an index whenever its column is assigned, even to the same value), ``{totals}`` adds the
chunk's ledger entries to the cached totals only for accounts that have some."""
_TOTALS = (
    "balance_pence = balance_pence + ?, paid_pence = paid_pence + ?, charged_pence = charged_pence + ?, "
    "last_payment_on = CASE WHEN last_payment_on IS NULL OR last_payment_on < ? THEN ? ELSE last_payment_on END, "
    "last_entry_on = CASE WHEN last_entry_on IS NULL OR last_entry_on < ? THEN ? ELSE last_entry_on END, "
)
