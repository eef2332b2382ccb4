"""What every import shares: its result, the checks on amounts, dates and the header, the batch record, look-ups by reference.

An import is one transaction: rows are checked and written in chunks, every
problem is collected as ``file:line: column: message``, and if there is any
the transaction is rolled back (:class:`Rejected`), so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .csv_files import CsvFile, read_csv
from ..store.db import writing
from ..errors import ImportRejected
from ..store.locks import council_lock
from ..store.models import ImportBatch, utcnow
from ..money import MoneyError, parse_pounds
from ..engine.registration import council_profile

__all__ = ["ImportResult", "Rejected", "Problems", "parse_amount", "parse_date", "check_header", "already_imported",
           "new_batch", "finish_batch", "lookup", "locked_import", "write_rows", "CHUNK", "MAX_TEXT"]

BATCH = ImportBatch.__table__
CHUNK = 5000
MAX_TEXT = 80


@dataclass
class ImportResult:
    """What an import did: rows written, their total, and the rows skipped as already posted, with why."""

    kind: str
    file: str
    rows: int
    already_imported: bool = False
    import_id: int | None = None
    total_pence: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "file": self.file, "rows": self.rows,
            "already_imported": self.already_imported, "import_id": self.import_id,
            "total_pence": self.total_pence, "skipped": len(self.skipped), "skipped_rows": self.skipped,
        }


class Rejected(Exception):
    """Raised inside the transaction to roll it back once every row has been checked."""


class Problems:
    """The problems of one file, each as ``file:line: column: message``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []

    def __call__(self, line: int, column: str, message: str) -> None:
        self.lines.append(f"{self.name}:{line}: {column}: {message}")

    def __len__(self) -> int:
        return len(self.lines)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def rejected(self) -> ImportRejected:
        return ImportRejected(self.lines)


def parse_amount(text: str, line: int, bad: Callable[[int, str, str], None]) -> int:
    """An amount in pounds and pence as pence, more than zero; a problem reported otherwise."""
    try:
        amount = parse_pounds(text)
    except MoneyError as exc:
        bad(line, "amount", str(exc))
        return 0
    if amount == 0:
        bad(line, "amount", "must be more than zero")
    return amount


def parse_date(text: str, line: int, bad: Callable[[int, str, str], None]) -> date | None:
    """A YYYY-MM-DD date; a problem reported otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        bad(line, "date", f"{text.strip()!r} is not a date (YYYY-MM-DD)")
        return None


def check_header(f: CsvFile, required: Iterable[str], allowed: set[str], why: dict[str, str] | None = None) -> dict[str, int]:
    """Each column's index; reject a repeated, missing (``why`` says why it is needed) or unknown column."""
    required = tuple(required)
    problems = []
    seen: dict[str, int] = {}
    for i, col in enumerate(f.header):
        if col in seen:
            problems.append(f"{f.name}:1: {col}: column appears twice")
        seen[col] = i
    for col in required:
        if col not in seen:
            reason = (why or {}).get(col) or f"the header must have {', '.join(required)}"
            problems.append(f"{f.name}:1: {col}: missing column ({reason})")
    for col in f.header:
        if col not in allowed:
            problems.append(f"{f.name}:1: {col}: unknown column")
    if problems:
        raise ImportRejected(problems)
    return seen


def locked_import(engine: Engine, host, council_id: str, path, kind: str,
                  body: Callable[[CsvFile, Any], ImportResult]) -> ImportResult:
    """Read ``path``, hold the council's lock, and unless this very file was imported before, ``body(file, profile)``.

    The lock makes an import wait for no run: one under way refuses it, and no
    run, other import or profile change starts until it ends.
    """
    f = read_csv(path)
    with council_lock(engine, council_id, f"an import of {kind}"):
        with engine.connect() as conn:
            profile = council_profile(conn, host, council_id)
            done = already_imported(conn, council_id, kind, f.sha256)
        if done:
            return ImportResult(kind, f.name, 0, already_imported=True, import_id=done.id)
        return body(f, profile)


def write_rows(engine: Engine, council_id: str, f: CsvFile, result: ImportResult, problems: Problems,
               parse: Callable[[int, list[str]], Any], write: Callable[[Connection, int, list], None],
               progress: Callable[[int], None] | None,
               finish: Callable[[Connection], None] | None = None) -> ImportResult:
    """The one transaction of an import: its batch record, then each row checked by ``parse(line, row)`` (the item
    to write, or None when the row had a problem), written ``CHUNK`` at a time by ``write(conn, batch_id, items)``,
    and ``finish(conn)`` last; rolled back whole, every problem reported, if there is any."""
    width = len(f.header)
    try:
        with writing(engine) as conn:
            batch_id = result.import_id = new_batch(conn, council_id, result.kind, f)
            chunk: list = []
            for line, row in f.rows():
                if len(row) != width:
                    problems(line, "(row)", f"has {len(row)} fields, the header has {width}")
                    continue
                item = parse(line, row)
                if item is None:
                    continue
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    write(conn, batch_id, chunk)
                    chunk = []
                    if progress:
                        progress(line)
            if chunk:
                write(conn, batch_id, chunk)
            if problems:
                raise Rejected()
            if finish is not None:
                finish(conn)
            finish_batch(conn, batch_id, result)
    except Rejected:
        raise problems.rejected() from None
    return result


def already_imported(conn: Connection, council_id: str, kind: str, sha: str):
    """The earlier import of exactly this file, if any (id, created_at)."""
    return conn.execute(
        sa.select(BATCH.c.id, BATCH.c.created_at).where(
            BATCH.c.council_id == council_id, BATCH.c.kind == kind, BATCH.c.sha256 == sha
        )
    ).first()


def new_batch(conn: Connection, council_id: str, kind: str, f: CsvFile) -> int:
    return conn.execute(
        sa.insert(BATCH).values(
            council_id=council_id, kind=kind, filename=Path(f.name).name, sha256=f.sha256, rows=0, created_at=utcnow()
        ).returning(BATCH.c.id)
    ).scalar_one()


def finish_batch(conn: Connection, batch_id: int, result: ImportResult) -> None:
    conn.execute(sa.update(BATCH).where(BATCH.c.id == batch_id).values(rows=result.rows, skipped=len(result.skipped)))


def lookup(conn: Connection, table: str, key: str, council_id: str, values: Iterable[str],
           columns: Sequence[str]) -> list[tuple]:
    """``columns`` of the council's rows of ``table`` whose ``key`` is one of ``values`` (raw driver values).

    Every ``table`` here has a unique index on (council_id, ``key``). On PostgreSQL
    each value is one probe of that index, a plan no statistics can spoil: a
    table filling up inside one import transaction has none worth the name, and
    a list of values would be matched by scanning all the council's rows.
    """
    values = list(values)
    if not values:
        return []
    if conn.dialect.name == "postgresql":
        inner = ", ".join(columns)
        outer = ", ".join(f"t.{c}" for c in columns)
        sql = (f"SELECT {outer} FROM unnest(%s::text[]) AS v(k) CROSS JOIN LATERAL "
               f"(SELECT {inner} FROM {table} WHERE council_id = %s AND {key} = v.k LIMIT 1) AS t")
        return conn.exec_driver_sql(sql, (values, council_id)).fetchall()
    marks = ", ".join("?" for _ in values)
    sql = f"SELECT {', '.join(columns)} FROM {table} WHERE council_id = ? AND {key} IN ({marks})"
    return conn.exec_driver_sql(sql, (council_id, *values)).fetchall()
