"""Importing accounts from CSV: all or nothing, every bad row reported, the same file twice a no-op.

Rows are checked and written in chunks inside one transaction; if any row is
bad, checking carries on to the end (so every problem is reported) and the
transaction is rolled back, so nothing is half-written. An account dated
outside the plausible window around the import's business date (the profile's
``[imports]``) is refused: one mistyped year would otherwise make the first
nightly run catch up from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy.engine import Connection, Engine

from ..engine.batch import collector_paused
from ..store.bulk import Bulk
from ..store.db import refresh_statistics
from ..engine.runner import STATISTICS_AFTER
from .csv_files import CsvFile
from ..debt_types import ColumnError
from ..engine.priorities import Priorities
from ..store.models import name_key
from ..store.stage_counts import add_stage_counts
from .import_rows import (
    MAX_TEXT, ImportResult, Problems, check_header, locked_import, lookup, parse_amount, parse_date, write_rows,
)
from ..store.models import DEBTOR_KINDS, AccountParty
from ..engine.plugins import PluginHost

__all__ = ["import_accounts", "ACCOUNT_COLUMNS"]

PARTY = AccountParty.__table__
ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date")
OPTIONAL_ACCOUNT_COLUMNS = ("debtor_kind", "joint_debtor_ref", "joint_debtor_name")


def _window(profile, business_date: date) -> tuple[date, date]:
    """The earliest and latest plausible account dates for an import on ``business_date``."""
    rules = profile.imports
    return (business_date - relativedelta(years=rules.earliest_account_years),
            business_date + relativedelta(days=rules.latest_account_days))


@collector_paused()
def import_accounts(
    engine: Engine, host: PluginHost, council_id: str, path, *, business_date: date,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import accounts from ``path`` for ``council_id`` on ``business_date``; raise :class:`ImportRejected` listing every bad row.

    Holds the council's lock: refused while a run, another import or a profile change is under way.
    """
    result = locked_import(engine, host, council_id, path, "accounts",
                           lambda f, profile: _import(engine, host, council_id, f, profile, business_date, progress))
    if result.rows >= STATISTICS_AFTER:
        refresh_statistics(engine)
    return result


def _import(engine: Engine, host: PluginHost, council_id: str, f: CsvFile, profile, business_date: date,
            progress) -> ImportResult:
    enabled = {dt: host.debt_type(dt) for dt in profile.debt_types}
    extra = {c.name for dt in enabled.values() for c in dt.columns}
    cols = check_header(f, ACCOUNT_COLUMNS, set(ACCOUNT_COLUMNS) | set(OPTIONAL_ACCOUNT_COLUMNS) | extra)
    ix = {name: cols[name] for name in ACCOUNT_COLUMNS}
    kind_ix = cols.get("debtor_kind")
    joint_ix = (cols.get("joint_debtor_ref"), cols.get("joint_debtor_name"))
    earliest, latest = _window(profile, business_date)
    seen_refs: dict[str, int] = {}
    debtor_names: dict[str, tuple[str, int]] = {}
    result = ImportResult("accounts", f.name, 0)
    bad = problems = Problems(f.name)

    def parse(line: int, row: list[str]):
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
        kind = (row[kind_ix].strip() if kind_ix is not None else "") or "person"
        if kind not in DEBTOR_KINDS:
            bad(line, "debtor_kind", f"{kind!r} is not one of {', '.join(DEBTOR_KINDS)}")
        joint = _joint(row, joint_ix, debtor_ref, line, bad, debtor_names)
        amount = parse_amount(row[ix["amount"]], line, bad)
        opened = parse_date(row[ix["date"]], line, bad)
        if opened is not None and not earliest <= opened <= latest:
            bad(line, "date", _implausible(opened, earliest, latest, business_date, profile.imports))
            opened = None
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
            if len(problems) == before and opened is not None:
                for column_name, message in debt_type.rules.check_row(attrs, amount, opened, profile.params(dt_id, opened)):
                    bad(line, column_name, message)
        if len(problems) > before:
            return None
        result.rows += 1
        result.total_pence += amount
        return line, {
            "reference": ref, "debt_type": dt_id, "opened_on": opened, "amount_pence": amount,
            "stage": debt_type.ladder.initial, "attrs": attrs, "joint": joint,
        }, (debtor_ref, debtor_name, kind)

    priorities, arrived = Priorities(host, profile), Counter()
    return write_rows(
        engine, council_id, f, result, problems, parse,
        lambda conn, batch_id, chunk: _write_accounts(conn, council_id, batch_id, chunk, problems, priorities, arrived),
        progress, finish=lambda conn: add_stage_counts(conn, council_id, arrived),
    )


def _implausible(opened: date, earliest: date, latest: date, business_date: date, rules) -> str:
    if opened < earliest:
        return (f"{opened.isoformat()} is more than {rules.earliest_account_years} years before the import's business date "
                f"{business_date.isoformat()} ([imports] earliest_account_years); check the year")
    return (f"{opened.isoformat()} is more than {rules.latest_account_days} days after the import's business date "
            f"{business_date.isoformat()} ([imports] latest_account_days); check the year")


def _write_accounts(conn: Connection, council_id: str, batch_id: int, chunk, problems: Problems,
                    priorities: Priorities, arrived: Counter) -> None:
    """Check the chunk against accounts already stored; write it only while the file has no problems."""
    refs = [values["reference"] for _, values, _ in chunk]
    existing = {row[0] for row in lookup(conn, "account", "reference", council_id, refs, ("reference",))}
    for line, values, _ in chunk:
        if values["reference"] in existing:
            problems(line, "reference", f"duplicate reference {values['reference']!r}: the account already exists")
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
    known = lookup(conn, "debtor", "reference", council_id, debtors, ("reference", "name", "kind"))
    for ref, stored_name, stored_kind in known:
        _, _, debtor_name, kind = debtors[ref]
        if debtor_name != stored_name or (kind != stored_kind and kind != "person"):
            column = "debtor_name" if debtor_name != stored_name else "debtor_kind"
            problems(lines[ref], column, f"debtor {ref!r} is already recorded as {stored_name!r} ({stored_kind}); "
                                         "a debtor's details cannot change through an accounts import")
    if problems:
        return
    b.insert_new("debtor", ("council_id", "reference", "name", "kind", "name_key"),
                 ((*d, name_key(d[2])) for d in debtors.values()), ("council_id", "reference"))
    ids = dict(lookup(conn, "debtor", "reference", council_id, debtors, ("reference", "id")))
    b.insert(
        "account",
        ("council_id", "reference", "debt_type", "debtor_id", "opened_on", "amount_pence", "stage", "stage_since",
         "balance_pence", "paid_pence", "charged_pence", "next_bill_on", "next_review_on", "attrs", "state", "import_id",
         "priority"),
        (
            (council_id, v["reference"], v["debt_type"], ids[ref], b.day(v["opened_on"]), v["amount_pence"], v["stage"],
             b.day(v["opened_on"]), 0, 0, 0, b.day(v["opened_on"]), b.day(v["opened_on"]),
             b.json(v["attrs"]), "{}", batch_id, priorities.of(v["debt_type"], v["stage"], 0))
            for _, v, (ref, _, _) in chunk
        ),
        json_columns=("attrs", "state"),
    )
    arrived.update((v["debt_type"], v["stage"]) for _, v, _ in chunk)
    joint = {v["reference"]: v["joint"][0] for _, v, _ in chunk if v["joint"]}
    if joint:
        accounts = dict(lookup(conn, "account", "reference", council_id, joint, ("reference", "id")))
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
