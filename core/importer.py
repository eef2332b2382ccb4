"""Importing accounts and payments from CSV: all or nothing, every bad row reported, the same file twice a no-op.

Rows are checked and written in chunks inside one transaction; if any row is
bad, checking carries on to the end (so every problem is reported) and the
transaction is rolled back, so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .batch import collector_paused
from .bulk import Bulk
from .case_loader import ACCOUNT, DEBTOR, LEDGER
from .registration import council_profile
from .csv_files import CsvFile, read_csv
from .debt_types import ColumnError
from .errors import ImportRejected
from .ledger import Totals, add_entry, totals_params, totals_update
from .models import DEBTOR_KINDS, AccountParty, ImportBatch, utcnow
from .money import MoneyError, parse_pounds
from .plugins import PluginHost

__all__ = ["ImportResult", "import_accounts", "import_payments", "ACCOUNT_COLUMNS", "PAYMENT_COLUMNS"]

BATCH = ImportBatch.__table__
PARTY = AccountParty.__table__
ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date")
OPTIONAL_ACCOUNT_COLUMNS = ("debtor_kind", "joint_debtor_ref", "joint_debtor_name")
PAYMENT_COLUMNS = ("reference", "amount", "date")
OPTIONAL_PAYMENT_COLUMNS = ("method",)
CHUNK = 5000
MAX_TEXT = 80


@dataclass
class ImportResult:
    kind: str
    file: str
    rows: int
    already_imported: bool = False
    import_id: int | None = None
    total_pence: int = 0

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "file": self.file, "rows": self.rows,
            "already_imported": self.already_imported, "import_id": self.import_id,
            "total_pence": self.total_pence,
        }


class _Rejected(Exception):
    """Raised inside the transaction to roll it back once every row has been checked."""


def _amount(text: str, line: int, bad: Callable[[int, str, str], None]) -> int:
    """An amount in pounds and pence as pence, more than zero; a problem reported otherwise."""
    try:
        amount = parse_pounds(text)
    except MoneyError as exc:
        bad(line, "amount", str(exc))
        return 0
    if amount == 0:
        bad(line, "amount", "must be more than zero")
    return amount


def _date(text: str, line: int, bad: Callable[[int, str, str], None]) -> date | None:
    """A YYYY-MM-DD date; a problem reported otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        bad(line, "date", f"{text.strip()!r} is not a date (YYYY-MM-DD)")
        return None


def _check_header(f: CsvFile, required: tuple[str, ...], allowed: set[str]) -> dict[str, int]:
    problems = []
    seen: dict[str, int] = {}
    for i, col in enumerate(f.header):
        if col in seen:
            problems.append(f"{f.name}:1: {col}: column appears twice")
        seen[col] = i
    for col in required:
        if col not in seen:
            problems.append(f"{f.name}:1: {col}: missing column (the header must have {', '.join(required)})")
    for col in f.header:
        if col not in allowed:
            problems.append(f"{f.name}:1: {col}: unknown column")
    if problems:
        raise ImportRejected(problems)
    return seen


def _already(conn: Connection, council_id: str, kind: str, sha: str):
    return conn.execute(
        sa.select(BATCH.c.id, BATCH.c.created_at).where(
            BATCH.c.council_id == council_id, BATCH.c.kind == kind, BATCH.c.sha256 == sha
        )
    ).first()


def _new_batch(conn: Connection, council_id: str, kind: str, f: CsvFile) -> int:
    return conn.execute(
        sa.insert(BATCH).values(
            council_id=council_id, kind=kind, filename=Path(f.name).name, sha256=f.sha256, rows=0, created_at=utcnow()
        ).returning(BATCH.c.id)
    ).scalar_one()


@collector_paused()
def import_accounts(
    engine: Engine, host: PluginHost, council_id: str, path: str | Path,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import accounts from ``path`` for ``council_id``; raise :class:`ImportRejected` listing every bad row."""
    f = read_csv(path)
    with engine.connect() as conn:
        profile = council_profile(conn, host, council_id)
        done = _already(conn, council_id, "accounts", f.sha256)
    if done:
        return ImportResult("accounts", f.name, 0, already_imported=True, import_id=done.id)
    enabled = {dt: host.debt_type(dt) for dt in profile.debt_types}
    extra = {c.name for dt in enabled.values() for c in dt.columns}
    cols = _check_header(f, ACCOUNT_COLUMNS, set(ACCOUNT_COLUMNS) | set(OPTIONAL_ACCOUNT_COLUMNS) | extra)
    width = len(f.header)
    ix = {name: cols[name] for name in ACCOUNT_COLUMNS}
    kind_ix = cols.get("debtor_kind")
    joint_ix = (cols.get("joint_debtor_ref"), cols.get("joint_debtor_name"))
    problems: list[str] = []
    seen_refs: dict[str, int] = {}
    debtor_names: dict[str, tuple[str, int]] = {}
    result = ImportResult("accounts", f.name, 0)

    def bad(line: int, column: str, message: str) -> None:
        problems.append(f"{f.name}:{line}: {column}: {message}")

    try:
        with engine.begin() as conn:
            batch_id = _new_batch(conn, council_id, "accounts", f)
            result.import_id = batch_id
            chunk: list[tuple[int, dict, tuple[str, str, str]]] = []
            for line, row in f.rows():
                if len(row) != width:
                    bad(line, "(row)", f"has {len(row)} fields, the header has {width}")
                    continue
                before = len(problems)
                ref = row[ix["reference"]].strip()
                if not ref:
                    bad(line, "reference", "is empty")
                elif len(ref) > MAX_TEXT:
                    bad(line, "reference", f"is longer than {MAX_TEXT} characters")
                elif ref in seen_refs:
                    bad(line, "reference", f"duplicate reference {ref!r} (first on line {seen_refs[ref]})")
                else:
                    seen_refs[ref] = line
                dt_id = row[ix["debt_type"]].strip()
                debt_type = enabled.get(dt_id)
                if debt_type is None:
                    bad(line, "debt_type", f"unknown debt type {dt_id!r} for council {council_id!r} (enabled: {', '.join(enabled)})")
                debtor_ref = row[ix["debtor_ref"]].strip()
                debtor_name = row[ix["debtor_name"]].strip()
                if not debtor_ref:
                    bad(line, "debtor_ref", "is empty")
                elif len(debtor_ref) > MAX_TEXT:
                    bad(line, "debtor_ref", f"is longer than {MAX_TEXT} characters")
                if not debtor_name:
                    bad(line, "debtor_name", "is empty")
                elif debtor_ref:
                    first = debtor_names.setdefault(debtor_ref, (debtor_name, line))
                    if first[0] != debtor_name:
                        bad(line, "debtor_name", f"{debtor_name!r} differs from {first[0]!r} for debtor {debtor_ref!r} on line {first[1]}")
                kind = row[kind_ix].strip() if kind_ix is not None else ""
                kind = kind or "person"
                if kind not in DEBTOR_KINDS:
                    bad(line, "debtor_kind", f"{kind!r} is not one of {', '.join(DEBTOR_KINDS)}")
                joint = _joint(row, joint_ix, debtor_ref, line, bad, debtor_names)
                amount = _amount(row[ix["amount"]], line, bad)
                opened = _date(row[ix["date"]], line, bad)
                attrs = {}
                if debt_type is not None:
                    for column in debt_type.columns:
                        raw = row[cols[column.name]] if column.name in cols else ""
                        try:
                            value = column.parse(raw)
                        except ColumnError as exc:
                            bad(line, column.name, str(exc))
                            continue
                        if value is not None:
                            attrs[column.name] = value
                    if debt_type.check_row is not None and len(problems) == before and opened is not None:
                        extra = (profile.params(dt_id, opened),) if debt_type.check_row_params else ()
                        for column_name, message in debt_type.check_row(attrs, amount, opened, *extra) or ():
                            bad(line, column_name, message)
                if len(problems) > before:
                    continue
                result.rows += 1
                result.total_pence += amount
                chunk.append((line, {
                    "council_id": council_id, "reference": ref, "debt_type": dt_id, "opened_on": opened,
                    "amount_pence": amount, "stage": debt_type.ladder.initial, "stage_since": opened,
                    "balance_pence": 0, "paid_pence": 0, "charged_pence": 0, "next_bill_on": opened, "next_review_on": opened,
                    "attrs": attrs, "state": {}, "import_id": batch_id, "joint": joint,
                }, (debtor_ref, debtor_name, kind)))
                if len(chunk) >= CHUNK:
                    _write_accounts(conn, council_id, chunk, problems, f.name)
                    chunk = []
                    if progress:
                        progress(line)
            if chunk:
                _write_accounts(conn, council_id, chunk, problems, f.name)
            if problems:
                raise _Rejected()
            conn.execute(sa.update(BATCH).where(BATCH.c.id == batch_id).values(rows=result.rows))
    except _Rejected:
        raise ImportRejected(problems) from None
    return result


def _write_accounts(conn: Connection, council_id: str, chunk, problems: list[str], name: str) -> None:
    """Check the chunk against accounts already stored; write it only while the file has no problems."""
    refs = [values["reference"] for _, values, _ in chunk]
    existing = set(conn.execute(
        sa.select(ACCOUNT.c.reference).where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.reference.in_(refs))
    ).scalars())
    for line, values, _ in chunk:
        if values["reference"] in existing:
            problems.append(f"{name}:{line}: reference: duplicate reference {values['reference']!r}: the account already exists")
    if problems:
        return
    b = Bulk(conn)
    debtors: dict[str, tuple] = {}
    lines: dict[str, int] = {}
    for line, v, (ref, debtor_name, kind) in chunk:
        debtors.setdefault(ref, (council_id, ref, debtor_name, kind))
        lines.setdefault(ref, line)
        if v["joint"]:
            debtors.setdefault(v["joint"][0], (council_id, v["joint"][0], v["joint"][1], "person"))
            lines.setdefault(v["joint"][0], line)
    known = conn.execute(
        sa.select(DEBTOR.c.reference, DEBTOR.c.name, DEBTOR.c.kind)
        .where(DEBTOR.c.council_id == council_id, DEBTOR.c.reference.in_(list(debtors)))
    ).all()
    for ref, stored_name, stored_kind in known:
        _, _, debtor_name, kind = debtors[ref]
        if debtor_name != stored_name or (kind != stored_kind and kind != "person"):
            column = "debtor_name" if debtor_name != stored_name else "debtor_kind"
            problems.append(
                f"{name}:{lines[ref]}: {column}: debtor {ref!r} is already recorded as {stored_name!r} ({stored_kind}); "
                "a debtor's details cannot change through an accounts import"
            )
    if problems:
        return
    b.run(
        "INSERT INTO debtor (council_id, reference, name, kind) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (council_id, reference) DO NOTHING",
        debtors.values(),
    )
    ids = dict(conn.execute(
        sa.select(DEBTOR.c.reference, DEBTOR.c.id).where(DEBTOR.c.council_id == council_id, DEBTOR.c.reference.in_(list(debtors)))
    ).all())
    b.insert(
        "account",
        ("council_id", "reference", "debt_type", "debtor_id", "opened_on", "amount_pence", "stage", "stage_since",
         "balance_pence", "paid_pence", "charged_pence", "next_bill_on", "next_review_on", "attrs", "state", "import_id"),
        (
            (council_id, v["reference"], v["debt_type"], ids[ref], b.day(v["opened_on"]), v["amount_pence"], v["stage"],
             b.day(v["stage_since"]), 0, 0, 0, b.day(v["next_bill_on"]), b.day(v["next_review_on"]),
             b.json(v["attrs"]), "{}", v["import_id"])
            for _, v, (ref, _, _) in chunk
        ),
        json_columns=("attrs", "state"),
    )
    joint = {v["reference"]: v["joint"][0] for _, v, _ in chunk if v["joint"]}
    if joint:
        accounts = dict(conn.execute(
            sa.select(ACCOUNT.c.reference, ACCOUNT.c.id)
            .where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.reference.in_(list(joint)))
        ).all())
        b.insert(PARTY.name, ("account_id", "debtor_id", "role"),
                 ((accounts[ref], ids[other], "liable") for ref, other in joint.items()))


def _joint(row, ix, debtor_ref: str, line: int, bad, names: dict) -> tuple[str, str] | None:
    """A second person jointly and severally liable (``joint_debtor_ref`` and ``joint_debtor_name``), if given."""
    ref_ix, name_ix = ix
    ref = row[ref_ix].strip() if ref_ix is not None else ""
    person = row[name_ix].strip() if name_ix is not None else ""
    if not ref and not person:
        return None
    if not ref or not person:
        bad(line, "joint_debtor_ref" if not ref else "joint_debtor_name", "is empty (give both or neither)")
        return None
    if ref == debtor_ref:
        bad(line, "joint_debtor_ref", f"is the account's own debtor {ref!r}")
        return None
    first = names.setdefault(ref, (person, line))
    if first[0] != person:
        bad(line, "joint_debtor_name", f"{person!r} differs from {first[0]!r} for debtor {ref!r} on line {first[1]}")
    return ref, person


@collector_paused()
def import_payments(
    engine: Engine, host: PluginHost, council_id: str, path: str | Path,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import payments; each one reduces its account's balance and brings its review forward to the payment date."""
    f = read_csv(path)
    with engine.connect() as conn:
        council_profile(conn, host, council_id)
        done = _already(conn, council_id, "payments", f.sha256)
    if done:
        return ImportResult("payments", f.name, 0, already_imported=True, import_id=done.id)
    cols = _check_header(f, PAYMENT_COLUMNS, set(PAYMENT_COLUMNS) | set(OPTIONAL_PAYMENT_COLUMNS))
    width = len(f.header)
    method_ix = cols.get("method")
    problems: list[str] = []
    result = ImportResult("payments", f.name, 0)

    def bad(line: int, column: str, message: str) -> None:
        problems.append(f"{f.name}:{line}: {column}: {message}")

    try:
        with engine.begin() as conn:
            batch_id = _new_batch(conn, council_id, "payments", f)
            result.import_id = batch_id
            chunk: list[tuple[int, str, int, date, str]] = []
            for line, row in f.rows():
                if len(row) != width:
                    bad(line, "(row)", f"has {len(row)} fields, the header has {width}")
                    continue
                before = len(problems)
                ref = row[cols["reference"]].strip()
                if not ref:
                    bad(line, "reference", "is empty")
                amount = _amount(row[cols["amount"]], line, bad)
                paid_on = _date(row[cols["date"]], line, bad)
                method = row[method_ix].strip()[:60] if method_ix is not None else ""
                if len(problems) > before:
                    continue
                chunk.append((line, ref, amount, paid_on, method))
                if len(chunk) >= CHUNK:
                    _write_payments(conn, council_id, batch_id, chunk, problems, f.name, result)
                    chunk = []
                    if progress:
                        progress(line)
            if chunk:
                _write_payments(conn, council_id, batch_id, chunk, problems, f.name, result)
            if problems:
                raise _Rejected()
            conn.execute(sa.update(BATCH).where(BATCH.c.id == batch_id).values(rows=result.rows))
    except _Rejected:
        raise ImportRejected(problems) from None
    return result


def _write_payments(conn: Connection, council_id: str, batch_id: int, chunk, problems, name: str, result: ImportResult) -> None:
    refs = list({ref for _, ref, _, _, _ in chunk})
    accounts = dict(conn.execute(
        sa.select(ACCOUNT.c.reference, ACCOUNT.c.id).where(ACCOUNT.c.council_id == council_id, ACCOUNT.c.reference.in_(refs))
    ).all())
    ledger = []
    totals: dict[int, Totals] = {}
    earliest: dict[int, date] = {}
    for line, ref, amount, paid_on, method in chunk:
        account_id = accounts.get(ref)
        if account_id is None:
            problems.append(f"{name}:{line}: reference: no account {ref!r} for council {council_id!r}")
            continue
        ledger.append({
            "account_id": account_id, "kind": "payment", "amount_pence": -amount, "effective_on": paid_on,
            "code": method, "description": f"Payment{' by ' + method if method else ''}",
            "import_id": batch_id, "created_at": utcnow(),
        })
        add_entry(totals.setdefault(account_id, Totals()), "payment", -amount, paid_on)
        if account_id not in earliest or paid_on < earliest[account_id]:
            earliest[account_id] = paid_on
        result.rows += 1
        result.total_pence += amount
    if problems:
        return
    conn.execute(sa.insert(LEDGER), ledger)
    a = ACCOUNT.c
    conn.execute(
        sa.update(ACCOUNT)
        .where(a.id == sa.bindparam("p_id"))
        .values(
            **totals_update("t"),
            next_review_on=sa.case(
                (a.closed_on.is_not(None), a.next_review_on),
                (sa.or_(a.next_review_on.is_(None), a.next_review_on > sa.bindparam("p_on")), sa.bindparam("p_on")),
                else_=a.next_review_on,
            ),
        ),
        [{"p_id": i, "p_on": earliest[i], **totals_params(t, "t")} for i, t in totals.items()],
    )
