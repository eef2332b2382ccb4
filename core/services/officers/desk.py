"""An officer's desk: one council, one officer, every service a screen needs, each failure a one-line message.

The terminal UI holds a desk and calls nothing else. Each call opens its own
connection (so it may run in a worker thread); a database that cannot be
reached, or any other failure below, comes back as an :class:`ArrearsError`
with one line to show, never a traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from ...engine.plugins import PluginHost, build_plugin_host
from ...engine.registration import council_profile
from ...errors import ArrearsError
from ..accounts import resolve_officer, show_account
from ..actions import check_action, list_actions, record_action
from ..database import open_database
from .debtors import show_debtor
from .portfolio import portfolio
from .pages import queue_page
from .lines import FLAGS
from .queues import list_queues
from .search import search
from .sign_in import sign_in

__all__ = ["OfficerDesk", "FLAGS"]


def _one_line(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ArrearsError:
            raise
        except sa_exc.OperationalError as exc:
            first = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else type(exc).__name__
            raise ArrearsError(f"the database cannot be reached or refused the request: {first}") from None
        except sa_exc.SQLAlchemyError as exc:
            raise ArrearsError(f"the database failed: {type(exc).__name__}: {str(exc).splitlines()[0]}") from None
    return wrapper


class OfficerDesk:
    """What one officer of one council can see and do; ``officer`` None until they sign in."""

    def __init__(self, engine: Engine, host: PluginHost, council_id: str, officer: str | None,
                 today: Callable[[], date]) -> None:
        self.engine, self.host, self.council_id, self.officer, self._today = engine, host, council_id, officer, today
        self.council_name = council_id
        self.council_types: list[tuple[str, str]] = []
        self.role = ""

    @classmethod
    def open(cls, db_url: str | None, council_id: str, officer: str | None, today: Callable[[], date]) -> "OfficerDesk":
        """The desk for ``officer`` of ``council_id`` (refused when they are not its officer; None: to sign in), whose
        business date is ``today()`` (the face's clock: the command line reads ``ARREARS_TODAY`` or the system's)."""
        engine = open_database(db_url)
        desk = cls(engine, build_plugin_host(), council_id, None, today)
        try:
            desk.council_name = desk._council_name()
            desk.council_types = desk.debt_types()
            if officer is not None:
                desk.take(officer)
        except ArrearsError:
            engine.dispose()
            raise
        return desk

    @_one_line
    def _council_name(self) -> str:
        with self.engine.connect() as conn:
            return council_profile(conn, self.host, self.council_id).name

    @_one_line
    def take(self, login: str) -> None:
        """Sit ``login`` at the desk: they must be an officer of this council."""
        with self.engine.connect() as conn:
            row = resolve_officer(conn, self.council_id, login)
        self.officer, self.role = row.login, row.role

    @_one_line
    def sign_in(self, login: str, password: str, now: datetime | None = None) -> dict[str, Any]:
        """Sign ``login`` in with ``password`` (a wrong one counts towards the lock); the desk is theirs after."""
        officer = sign_in(self.engine, self.council_id, login, password, now or datetime.now(timezone.utc))
        self.officer, self.role = officer["login"], officer["role"]
        return officer

    def today(self) -> date:
        return self._today()

    def close(self) -> None:
        self.engine.dispose()

    @_one_line
    def queues(self) -> dict[str, Any]:
        return list_queues(self.engine, self.host, self.council_id, self.today())

    @_one_line
    def queue_page(self, name: str, **options: Any) -> dict[str, Any]:
        return queue_page(self.engine, self.host, self.council_id, name, self.today(), **options)

    @_one_line
    def case(self, reference: str) -> dict[str, Any]:
        shown = show_account(self.engine, self.host, self.council_id, reference, self.today())
        shown["actions"] = list_actions(self.engine, self.host, self.council_id, reference) if not shown["closed_on"] else []
        return shown

    @_one_line
    def check_action(self, reference: str, action: str, fields: dict[str, str]) -> dict[str, Any]:
        return check_action(self.engine, self.host, self.council_id, reference, action, fields, self._who(), self.today())

    @_one_line
    def record_action(self, reference: str, action: str, fields: dict[str, str]) -> dict[str, Any]:
        return record_action(self.engine, self.host, self.council_id, reference, action, fields, self._who(), self.today())

    @_one_line
    def debtor(self, reference: str) -> dict[str, Any]:
        return show_debtor(self.engine, self.host, self.council_id, reference, self.today())

    @_one_line
    def search(self, text: str, limit: int = 50) -> dict[str, Any]:
        return search(self.engine, self.host, self.council_id, text, self.today(), limit=limit)

    @_one_line
    def portfolio(self) -> dict[str, Any]:
        return portfolio(self.engine, self.host, self.council_id, self.today())

    @_one_line
    def debt_types(self) -> list[tuple[str, str]]:
        """(id, label) of the debt types the council recovers."""
        with self.engine.connect() as conn:
            profile = council_profile(conn, self.host, self.council_id)
        return [(dt, self.host.debt_types[dt].label) for dt in profile.debt_types if dt in self.host.debt_types]

    def _who(self) -> str:
        if not self.officer:
            raise ArrearsError("sign in first")
        return self.officer

