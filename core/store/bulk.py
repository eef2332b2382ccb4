"""Set-based writes straight through the database driver, for the nightly path and big imports.

SQLAlchemy's per-row parameter processing costs more than the database's own
work when a statement runs for a million rows. These helpers hand plain tuples
to the driver, converting values the way SQLAlchemy stores them (SQLite: ISO
date text, ``YYYY-MM-DD HH:MM:SS.ffffff`` timestamps, JSON text; PostgreSQL:
native values, JSON as text). New rows go to PostgreSQL by ``COPY`` and to
SQLite by ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from . import jsontext

__all__ = ["Bulk"]


class Bulk:
    """Raw ``executemany`` on ``conn`` with values converted for its dialect."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"

    def day(self, value: date | None) -> Any:
        """A date as the column stores it (ISO text on SQLite)."""
        return value.isoformat() if value is not None and self.sqlite else value

    def stamp(self, value: datetime) -> Any:
        if not self.sqlite:
            return value
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")

    @staticmethod
    def json(value: Any) -> str:
        return jsontext.dumps(value)

    def placeholder(self, json_value: bool = False) -> str:
        return f"{self.mark}::json" if json_value and not self.sqlite else self.mark

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], json_columns: Sequence[str] = ()) -> None:
        """Insert every row (values already converted): ``COPY`` on PostgreSQL, ``executemany`` on SQLite."""
        if not self.sqlite:
            with self.conn.connection.driver_connection.cursor() as cur:
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        rows = list(rows)
        if not rows:
            return
        marks = ", ".join(self.placeholder(c in json_columns) for c in columns)
        self.conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def insert_new(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[str]], unique: Sequence[str]) -> None:
        """Insert the text rows not already there (by the ``unique`` columns); PostgreSQL takes them as one set."""
        rows = list(rows)
        if not rows:
            return
        conflict = f"ON CONFLICT ({', '.join(unique)}) DO NOTHING"
        if self.sqlite:
            marks = ", ".join("?" for _ in columns)
            self.conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) {conflict}", rows)
            return
        arrays = ", ".join("%s::text[]" for _ in columns)
        self.conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays}) {conflict}",
            tuple(list(column) for column in zip(*rows)),
        )

    def run(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Execute ``sql`` (written with ``?`` placeholders, ``?json`` for JSON values) for every row."""
        rows = list(rows)
        if not rows:
            return
        text = sql.replace("?json", self.placeholder(True)).replace("?", self.mark) if not self.sqlite else sql.replace("?json", "?")
        self.conn.exec_driver_sql(text, rows)
