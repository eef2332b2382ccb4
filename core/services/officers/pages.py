"""A page of a work queue, never the whole queue: keyset paging over the queue indexes, place by place.

Each place of a queue (a debt type's stage) is read by its own index in the
order asked for (``priority``: the hierarchy of debt, then the largest
balance; ``balance``: largest first; ``age``: longest at the stage first),
from just after the last line shown, one page at most; the places' lines are
merged and the first page kept. The cursor is the last line's sort key, so the
next page costs the same as the first however deep the officer goes, and
cases that move meanwhile are neither shown twice nor skipped unless they moved.

Reviews due are found by their date (``ix_account_review``): few once the
night has run, they are sorted as asked; when more than 10,000 are due (the
night has not run yet) the page is in review-date order, oldest first, which
the index gives without sorting, and says so (``sort`` is then ``review``).

When every priority comes from the profile (no plugin answers ``case_priority``),
all cases at one stage share one priority, so both orders are read straight
from ``ix_account_queue_priority``; otherwise the stage's cases are sorted.
"""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ...engine.plugins import PluginHost
from ...engine.priorities import Priorities
from ...engine.registration import council_profile
from ...errors import ActionRefused
from .lines import ACCOUNT, DEBTOR, ROW_COLUMNS, joint_ids, rows_out
from .queues import COUNT_CAP, Place, Queue, due_count, find_queue
from .search import matching_account_ids

__all__ = ["SORTS", "PAGE_LIMIT", "queue_page", "decode_cursor"]

SORTS = ("priority", "balance", "age")
PAGE_LIMIT = 500
PLACES_AT_ONCE = 400
"""A queue of more places than this (never one of the core's) is read in one sorted query instead."""
LAST = 1 << 30
"""Where a case with no priority sorts: after every level."""


REVIEW = "review"
"""The order of a queue of reviews when more than ``COUNT_CAP`` are due (the night has not run): oldest due first."""


def _key(sort: str, row) -> tuple:
    if sort == "priority":
        return (LAST if row.priority is None else row.priority, -row.balance_pence, -row.id)
    if sort == "balance":
        return (-row.balance_pence, -row.id)
    if sort == REVIEW:
        return (row.next_review_on.toordinal(), row.id)
    return (row.stage_since.toordinal(), row.id)


def encode_cursor(sort: str, key: tuple) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort, *key]).encode()).decode().rstrip("=")


def decode_cursor(sort: str, cursor: str | None) -> tuple | None:
    """The sort key a cursor carries; a cursor from another sort or not one at all is refused."""
    if not cursor:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if raw[0] != sort or not all(isinstance(v, int) for v in raw[1:]):
            raise ValueError
        return tuple(raw[1:])
    except (ValueError, TypeError, IndexError, json.JSONDecodeError):
        raise ActionRefused(f"--after {cursor!r} is not a cursor of this queue sorted by {sort}; start from the first page") from None


def _ordered(query: sa.Select, sort: str, cursor: tuple | None, level: Any, by_stage: bool) -> sa.Select | None:
    """``query`` in the sort's order after ``cursor``; None when the place has nothing after it."""
    a = ACCOUNT.c
    if sort == REVIEW:
        if cursor:
            query = query.where(sa.tuple_(a.next_review_on, a.id) > (date.fromordinal(cursor[0]), cursor[1]))
        return query.order_by(a.next_review_on, a.id)
    if sort == "age":
        if cursor:
            query = query.where(sa.tuple_(a.stage_since, a.id) > (date.fromordinal(cursor[0]), cursor[1]))
        return query.order_by(a.stage_since, a.id)
    if by_stage:  # one priority at this stage: read the index from the cursor's balance on
        query = query.where(a.priority.is_(None) if level is None else a.priority == level)
        if cursor:
            mine = LAST if level is None else level
            if sort == "priority" and mine != cursor[0]:
                if mine < cursor[0]:
                    return None
            else:
                balance, ident = (-cursor[-2], -cursor[-1])
                query = query.where(sa.tuple_(a.balance_pence, a.id) < (balance, ident))
        return query.order_by(a.priority, a.balance_pence.desc(), a.id.desc())
    if sort == "balance":
        if cursor:
            query = query.where(sa.tuple_(a.balance_pence, a.id) < (-cursor[0], -cursor[1]))
        return query.order_by(a.balance_pence.desc(), a.id.desc())
    level_of = sa.func.coalesce(a.priority, LAST)
    if cursor:
        query = query.where(sa.or_(level_of > cursor[0],
                                   sa.and_(level_of == cursor[0], sa.tuple_(a.balance_pence, a.id) < (-cursor[1], -cursor[2]))))
    return query.order_by(level_of, a.balance_pence.desc(), a.id.desc())


def _base(council_id: str, on: date, places: list[Place], queue: Queue, band: tuple[int | None, int | None],
          ids: list[int] | None, by_review_date: bool) -> sa.Select:
    a = ACCOUNT.c
    query = (sa.select(*ROW_COLUMNS).join(DEBTOR, DEBTOR.c.id == a.debtor_id)
             .where(a.council_id == council_id, a.closed_on.is_(None)))
    if queue.review_due:
        query = query.where(a.next_review_on <= on)
    if by_review_date:  # found by ix_account_review (not place by place: most places hold few due)
        query = query.where(a.debt_type.in_(sorted({p.debt_type for p in places})))
    elif len(places) == 1:
        query = query.where(a.debt_type == places[0].debt_type, a.stage == places[0].stage)
        cutoff = places[0].since_at_most(on)
        if cutoff is not None:
            query = query.where(a.stage_since <= cutoff)
    else:
        query = query.where(sa.or_(*[sa.and_(a.debt_type == p.debt_type, a.stage == p.stage,
                                             *( [a.stage_since <= p.since_at_most(on)] if p.min_days else []))
                                     for p in places]))
    low, high = band
    if low is not None:
        query = query.where(a.balance_pence >= low)
    if high is not None:
        query = query.where(a.balance_pence <= high)
    if ids is not None:
        query = query.where(a.id.in_(ids))
    return query


def _read(conn: Connection, host: PluginHost, profile, council_id: str, queue: Queue, on: date, sort: str,
          cursor: tuple | None, limit: int, places: list[Place], band, ids) -> list:
    priorities = Priorities(host, profile)
    by_review_date = queue.review_due  # reviews are found by their date (ix_account_review), few or many
    per_place = ids is None and not by_review_date and len(places) <= PLACES_AT_ONCE
    groups = [[p] for p in places] if per_place else [places]
    selects = []
    for group in groups:
        level = priorities.of(group[0].debt_type, group[0].stage, 0) if len(group) == 1 else None
        query = _ordered(_base(council_id, on, group, queue, band, ids, by_review_date), sort, cursor, level,
                         priorities.by_stage_only and len(group) == 1)
        if query is not None:
            selects.append(query.limit(limit + 1))
    if not selects:
        return []
    if len(selects) == 1:
        rows = conn.execute(selects[0]).all()
    else:
        rows = conn.execute(sa.union_all(*[s.subquery().select() for s in selects])).all()
    return sorted(rows, key=lambda r: _key(sort, r))


def queue_page(engine: Engine, host: PluginHost, council_id: str, name: str, on: date, *, sort: str = "priority",
               debt_type: str | None = None, min_balance_pence: int | None = None, max_balance_pence: int | None = None,
               text: str | None = None, after: str | None = None, limit: int = 50) -> dict[str, Any]:
    """One page of queue ``name`` on ``on``: its lines and the cursor of the next page (None at the end)."""
    if sort not in SORTS:
        raise ActionRefused(f"sort {sort!r}: give one of {', '.join(SORTS)}")
    if not 1 <= limit <= PAGE_LIMIT:
        raise ActionRefused(f"limit {limit}: give 1 to {PAGE_LIMIT} lines a page")
    if min_balance_pence is not None and max_balance_pence is not None and min_balance_pence > max_balance_pence:
        raise ActionRefused("the balance band's lower end is above its upper end")
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        queue = find_queue(host, profile, name, on)
        places = [p for p in queue.places if debt_type in (None, p.debt_type)]
        if debt_type is not None and debt_type not in profile.debt_types:
            raise ActionRefused(f"debt type {debt_type!r} is not one council {council_id!r} recovers "
                                f"({', '.join(profile.debt_types)})")
        ids = matching_account_ids(conn, council_id, text) if text and text.strip() else None
        asked = sort
        if queue.review_due and ids is None and places and \
                due_count(conn, council_id, on, {p.debt_type for p in places}) > COUNT_CAP:
            sort = REVIEW  # too many to sort: oldest due first, straight from the index
        cursor = decode_cursor(sort, after)
        rows = [] if ids == [] or not places else _read(
            conn, host, profile, council_id, queue, on, sort, cursor, limit, places, (min_balance_pence, max_balance_pence), ids)
        page = rows[:limit]
        joint = joint_ids(conn, [r.id for r in page])
    more = len(rows) > limit
    return {
        "council": council_id, "queue": {"name": queue.name, "label": queue.label, "description": queue.description},
        "on": on.isoformat(), "sort": sort, "sort_asked": asked,
        "filters": {"debt_type": debt_type, "min_balance_pence": min_balance_pence, "max_balance_pence": max_balance_pence,
                    "text": text or None},
        "rows": rows_out(host, profile, page, on, joint),
        "next_cursor": encode_cursor(sort, _key(sort, page[-1])) if more and page else None,
    }
