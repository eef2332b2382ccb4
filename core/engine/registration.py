"""Registering councils and reading back the profile a council runs on."""

from __future__ import annotations

import weakref
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .case_loader import ACCOUNT
from ..store.db import writing
from ..errors import NotFound
from ..store.locks import council_lock
from ..store.models import Council, utcnow
from .plugins import PluginHost
from .priorities import refresh_priorities
from ..profiles.profile import Profile, council_profile_path, load_profile, load_profile_bytes

__all__ = ["register_council", "council_profile", "council_row"]

COUNCIL = Council.__table__


def register_council(engine: Engine, host: PluginHost, council_id: str, profile_path: str | Path | None = None) -> tuple[Profile, bool]:
    """Create or update the council from its bundled profile or ``profile_path``; returns (profile, created).

    Holds the council's lock: a profile cannot change under a run or an import that has started with the old one.
    """
    path = Path(profile_path) if profile_path else council_profile_path(council_id)
    profile = load_profile(path, host.debt_types)
    if profile.council_id != council_id:
        raise NotFound(f"{path}: council.id: is {profile.council_id!r}, but --council is {council_id!r}")
    values = {
        "name": profile.name,
        "profile_version": profile.version,
        "profile_text": profile.text,
        "profile_source": str(path),
        "updated_at": utcnow(),
    }
    with council_lock(engine, council_id, "a profile change"), writing(engine) as conn:
        exists = conn.execute(
            sa.select(COUNCIL.c.id, COUNCIL.c.profile_version, COUNCIL.c.last_run_on).where(COUNCIL.c.id == council_id)
        ).first()
        if exists:
            conn.execute(sa.update(COUNCIL).where(COUNCIL.c.id == council_id).values(**values))
            if exists.profile_version != profile.version and exists.last_run_on is not None:
                _review_under_new_profile(conn, council_id, exists.last_run_on + timedelta(days=1))
        else:
            conn.execute(sa.insert(COUNCIL).values(id=council_id, created_at=utcnow(), **values))
        refresh_priorities(conn, host, profile)
    return profile, not exists


def _review_under_new_profile(conn: Connection, council_id: str, next_day: date) -> None:
    """Bring every open case's review forward to the next run day: its review date was worked out under the old profile."""
    conn.execute(
        sa.update(ACCOUNT)
        .where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.closed_on.is_(None),
               sa.or_(ACCOUNT.c.next_review_on.is_(None), ACCOUNT.c.next_review_on > next_day))
        .values(next_review_on=next_day)
    )


def council_row(conn: Connection, council_id: str):
    row = conn.execute(sa.select(COUNCIL).where(COUNCIL.c.id == council_id)).first()
    if row is None:
        raise NotFound(f"unknown council {council_id!r}: register it first with `arrears init --council {council_id}`")
    return row


_PROFILES: "weakref.WeakKeyDictionary[PluginHost, dict[tuple[str, str, str], Profile]]" = weakref.WeakKeyDictionary()


def council_profile(conn: Connection, host: PluginHost, council_id: str) -> Profile:
    """The profile the council was registered with, validated against the installed plugins (read once per version)."""
    row = council_row(conn, council_id)
    known = _PROFILES.setdefault(host, {})
    key = (council_id, row.profile_version, row.profile_source)
    profile = known.get(key)
    if profile is None or profile.text != row.profile_text:
        profile = load_profile_bytes(row.profile_text.encode("utf-8"), row.profile_source, host.debt_types)
        if len(known) > 64:
            known.clear()
        known[key] = profile
    return profile
