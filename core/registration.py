"""Registering councils and reading back the profile a council runs on."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .errors import NotFound
from .models import Council, utcnow
from .plugins import PluginHost
from .profile import Profile, council_profile_path, load_profile, load_profile_bytes

__all__ = ["register_council", "council_profile", "council_row"]

COUNCIL = Council.__table__


def register_council(engine: Engine, host: PluginHost, council_id: str, profile_path: str | Path | None = None) -> tuple[Profile, bool]:
    """Create or update the council from its bundled profile or ``profile_path``; returns (profile, created)."""
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
    with engine.begin() as conn:
        exists = conn.execute(sa.select(COUNCIL.c.id).where(COUNCIL.c.id == council_id)).first()
        if exists:
            conn.execute(sa.update(COUNCIL).where(COUNCIL.c.id == council_id).values(**values))
        else:
            conn.execute(sa.insert(COUNCIL).values(id=council_id, created_at=utcnow(), **values))
    return profile, not exists


def council_row(conn: Connection, council_id: str):
    row = conn.execute(sa.select(COUNCIL).where(COUNCIL.c.id == council_id)).first()
    if row is None:
        raise NotFound(f"unknown council {council_id!r}: register it first with `arrears init --council {council_id}`")
    return row


def council_profile(conn: Connection, host: PluginHost, council_id: str) -> Profile:
    """The profile the council was registered with, validated against the installed plugins."""
    row = council_row(conn, council_id)
    return load_profile_bytes(row.profile_text.encode("utf-8"), row.profile_source, host.debt_types)
