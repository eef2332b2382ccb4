"""Officers' passwords and sign-in: argon2 hashes, and a lock after too many wrong passwords in a row.

Times are UTC and given by the caller (``now``); nothing here reads the clock.
"""

from __future__ import annotations

import functools
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any, NoReturn

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine

from ...errors import ActionRefused, SignInRefused
from ...store.db import writing
from ...store.models import Officer
from ..accounts import resolve_officer

__all__ = ["LOCK_AFTER", "LOCK_FOR", "MIN_LENGTH", "WRONG", "set_password", "sign_in"]

LOCK_AFTER = 3
"""Wrong passwords in a row that lock a login."""
LOCK_FOR = timedelta(minutes=15)
"""How long a login stays locked."""
MIN_LENGTH = 12
"""The shortest password accepted."""
WRONG = "wrong login or password"
"""The refusal for a wrong password and for an unknown login alike."""

OFFICER = Officer.__table__
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash of a random password, checked for an unknown login so that it takes as long as a known one."""
    return _hasher.hash(secrets.token_urlsafe(16))


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive one (SQLite gives timestamps back naive) is UTC already."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _matches(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _locked(until: datetime) -> SignInRefused:
    """The refusal while locked, naming the minute (UTC, rounded up) the lock ends."""
    shown = (_utc(until) + timedelta(minutes=1, microseconds=-1)).replace(second=0, microsecond=0)
    return SignInRefused(
        f"this login is locked after {LOCK_AFTER} wrong passwords; try again after {shown:%H:%M} UTC"
    )


def _unlocked(now: datetime) -> sa.ColumnElement[bool]:
    return sa.or_(OFFICER.c.locked_until.is_(None), OFFICER.c.locked_until <= now)


def set_password(engine: Engine, council_id: str, login: str, password: str) -> None:
    """Set a council officer's password (stored as an argon2 hash); clears their wrong passwords and any lock.

    Refused (:class:`~arrears.errors.ActionRefused`) for someone not an officer
    of the council, a password shorter than :data:`MIN_LENGTH` or one that is
    the login.
    """
    if len(password) < MIN_LENGTH:
        raise ActionRefused(f"password for {login!r}: {len(password)} characters; give at least {MIN_LENGTH}")
    if password.casefold() == login.casefold():
        raise ActionRefused(f"password for {login!r}: must not be the login")
    hashed = _hasher.hash(password)
    with writing(engine) as conn:
        officer = resolve_officer(conn, council_id, login)
        conn.execute(
            sa.update(OFFICER).where(OFFICER.c.id == officer.id)
            .values(password_hash=hashed, failed_sign_ins=0, locked_until=None)
        )


def sign_in(engine: Engine, council_id: str, login: str, password: str, now: datetime) -> dict[str, Any]:
    """Sign an officer in to a council at ``now`` (timezone-aware): ``{"login", "role", "council"}``.

    Refused with :class:`~arrears.errors.SignInRefused`: a wrong password and a
    login that is not the council's get the same message, after the same work
    (an unknown login is checked against a dummy hash). Wrong passwords are
    counted in the database as they happen (``failed_sign_ins + 1``), so tries
    at the same moment all count; the :data:`LOCK_AFTER`-th in a row locks the
    login for :data:`LOCK_FOR`, during which every try is refused, the right
    password too. Once a lock has run out the next try starts a fresh count; a
    right password clears the count and records the sign-in.
    """
    if now.tzinfo is None:
        raise ValueError("sign_in: now must be timezone-aware")
    now = now.astimezone(timezone.utc)
    with engine.connect() as conn:
        try:
            officer = resolve_officer(conn, council_id, login)
        except ActionRefused:
            officer = None
    if officer is None:
        _matches(_dummy_hash(), password)
        raise SignInRefused(WRONG)
    if officer.password_hash is None:
        raise SignInRefused(
            f"no password set; ask an administrator to run `arrears officer password {login} --council {council_id}`"
        )
    if not _matches(officer.password_hash, password):
        _count_wrong(engine, officer.id, now)
    fresh = _hasher.hash(password) if _hasher.check_needs_rehash(officer.password_hash) else None
    values: dict[str, Any] = {"failed_sign_ins": 0, "locked_until": None, "last_sign_in_at": now}
    if fresh:
        values["password_hash"] = fresh
    with writing(engine) as conn:
        done = conn.execute(
            sa.update(OFFICER)
            .where(OFFICER.c.id == officer.id, OFFICER.c.password_hash == officer.password_hash, _unlocked(now))
            .values(**values)
        ).rowcount
        until = None if done else conn.execute(
            sa.select(OFFICER.c.locked_until).where(OFFICER.c.id == officer.id)
        ).scalar()
    if not done:
        # Locked, or the password changed, since it was read.
        if until is not None and _utc(until) > now:
            raise _locked(until)
        raise SignInRefused(WRONG)
    return {"login": officer.login, "role": officer.role, "council": officer.council_id}


def _count_wrong(engine: Engine, officer_id: int, now: datetime) -> NoReturn:
    """Count a wrong password in one statement (old values on the right), locking at the :data:`LOCK_AFTER`-th."""
    lapsed = sa.and_(OFFICER.c.locked_until.is_not(None), OFFICER.c.locked_until <= now)
    count = sa.case((lapsed, 1), else_=OFFICER.c.failed_sign_ins + 1)
    until = sa.case(
        (OFFICER.c.locked_until > now, OFFICER.c.locked_until),
        (count >= LOCK_AFTER, sa.literal(now + LOCK_FOR, OFFICER.c.locked_until.type)),
        else_=sa.null(),
    )
    with writing(engine) as conn:
        locked_until = conn.execute(
            sa.update(OFFICER).where(OFFICER.c.id == officer_id)
            .values(failed_sign_ins=count, locked_until=until)
            .returning(OFFICER.c.locked_until)
        ).scalar()
    if locked_until is not None:
        raise _locked(locked_until)
    raise SignInRefused(WRONG)
