"""Importing payments from CSV: each payment posted once, whatever files it comes in.

A payment is known by its key (the council's ``[imports] payment_identity``):

* ``payment_ref`` (the default): the payer's transaction reference that bank,
  Direct Debit, PayPoint and card files carry, in a ``payment_ref`` column that
  every file must have;
* ``content``, for councils whose files carry no such reference: the account,
  amount, date and method, the n-th such row of a file being the same payment
  as the n-th such row of any other file.

A row whose key was posted before (in any earlier file, or earlier in this one)
with the same account, amount and date is skipped and reported, never posted
again: a file re-saved by a spreadsheet, one that overlaps the last, or the
same rows in another order post nothing twice. The same key with a different
account, amount or date is a problem that rejects the file. A payment dated
before its account was opened, or after the business date of the import, is
refused. Keys are unique per council in the database too, so even two imports
racing could not post one twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..engine.batch import collector_paused
from ..engine.case_loader import ACCOUNT, LEDGER, stored_day
from .csv_files import CsvFile
from .import_rows import (
    ImportResult, Problems, check_header, locked_import, lookup, parse_amount, parse_date, write_rows,
)
from ..store.ledger import Totals, add_entry, totals_params, totals_update
from ..store.models import ImportBatch, PaymentReceipt, utcnow
from ..money import format_pence
from ..engine.plugins import PluginHost

__all__ = ["import_payments", "PAYMENT_COLUMNS", "MAX_PAYMENT_REF"]

RECEIPT = PaymentReceipt.__table__
BATCH = ImportBatch.__table__
PAYMENT_COLUMNS = ("reference", "amount", "date")
OPTIONAL_PAYMENT_COLUMNS = ("method", "payment_ref")
MAX_PAYMENT_REF = 120
_NEEDS_REF = (
    "the council's profile identifies payments by the payer's transaction reference, [imports] payment_identity = "
    "\"payment_ref\": add the column from the bank, Direct Debit, PayPoint or card file, or set payment_identity = "
    "\"content\" if its files carry none"
)


@dataclass(slots=True)
class _Row:
    line: int
    account: str
    amount: int
    paid_on: date
    method: str
    payment_ref: str
    key: str


@collector_paused()
def import_payments(
    engine: Engine, host: PluginHost, council_id: str, path, *, business_date: date,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Post the payments in ``path`` for ``council_id``, each once; rows already posted are skipped and listed.

    Each payment reduces its account's balance and brings its review forward to
    the payment's date. Holds the council's lock: refused while a run, another
    import or a profile change is under way.
    """
    return locked_import(engine, host, council_id, path, "payments",
                         lambda f, profile: _import(engine, council_id, f, profile, business_date, progress))


def _import(engine: Engine, council_id: str, f: CsvFile, profile, business_date: date, progress) -> ImportResult:
    by_ref = profile.imports.payment_identity == "payment_ref"
    required = PAYMENT_COLUMNS + (("payment_ref",) if by_ref else ())
    cols = check_header(f, required, set(PAYMENT_COLUMNS) | set(OPTIONAL_PAYMENT_COLUMNS), {"payment_ref": _NEEDS_REF})
    method_ix, ref_ix = cols.get("method"), cols.get("payment_ref")
    result = ImportResult("payments", f.name, 0)
    bad = problems = Problems(f.name)
    first: dict[str, _Row] = {}
    occurrences: dict[tuple, int] = {}

    def parse(line: int, row: list[str]) -> _Row | None:
        before = len(problems)
        account = row[cols["reference"]].strip()
        if not account:
            bad(line, "reference", "is empty")
        amount = parse_amount(row[cols["amount"]], line, bad)
        paid_on = parse_date(row[cols["date"]], line, bad)
        if paid_on is not None and paid_on > business_date:
            bad(line, "date", f"{paid_on.isoformat()} is after the business date of the import "
                              f"({business_date.isoformat()}): a payment cannot be posted before it is made")
        method = row[method_ix].strip()[:60] if method_ix is not None else ""
        payment_ref = row[ref_ix].strip() if ref_ix is not None else ""
        if by_ref and not payment_ref:
            bad(line, "payment_ref", "is empty: every payment needs the payer's transaction reference")
        elif len(payment_ref) > MAX_PAYMENT_REF:
            bad(line, "payment_ref", f"is longer than {MAX_PAYMENT_REF} characters")
        if len(problems) > before:
            return None
        if by_ref:
            key = payment_ref
        else:
            content = (account, amount, paid_on, method)
            n = occurrences[content] = occurrences.get(content, 0) + 1
            key = f"content:{account}|{amount}|{paid_on.isoformat()}|{method}|{n}"
        item = _Row(line, account, amount, paid_on, method, payment_ref, key)
        earlier = first.setdefault(key, item) if by_ref else item
        if earlier is item:
            return item
        if _same(earlier, account, amount, paid_on):
            result.skipped.append(_skip(item, f"the same payment as line {earlier.line} of this file"))
        else:
            bad(line, "payment_ref", f"{payment_ref!r} is also on line {earlier.line} for a different "
                                     f"payment ({_describe(earlier.account, earlier.amount, earlier.paid_on)})")
        return None

    return write_rows(engine, council_id, f, result, problems, parse,
                      lambda conn, batch_id, chunk: _write(conn, council_id, batch_id, chunk, problems, result), progress)


def _same(earlier, account: str, amount: int, paid_on: date) -> bool:
    return (earlier.account, earlier.amount, earlier.paid_on) == (account, amount, paid_on)


def _describe(account: str, amount: int, paid_on: date) -> str:
    return f"{format_pence(amount)} to {account} on {paid_on.isoformat()}"


def _skip(item: _Row, why: str) -> dict:
    return {"line": item.line, "reference": item.account, "payment_ref": item.payment_ref or None,
            "amount_pence": item.amount, "date": item.paid_on.isoformat(), "reason": f"already posted: {why}"}


@dataclass(slots=True)
class _Posted:
    account: str
    amount: int
    paid_on: date
    import_id: int
    filename: str
    line: int


def _posted(conn: Connection, council_id: str, keys: list[str]) -> dict[str, _Posted]:
    """The payments already posted under ``keys``: what they were, and which file and line brought them."""
    found = {key: (entry_id, import_id, line) for key, entry_id, import_id, line in lookup(
        conn, "payment_receipt", "payment_key", council_id, keys, ("payment_key", "ledger_entry_id", "import_id", "line"))}
    if not found:
        return {}
    led, acc, b = LEDGER.c, ACCOUNT.c, BATCH.c
    entries = {row[0]: row[1:] for row in conn.execute(
        sa.select(led.id, acc.reference, led.amount_pence, led.effective_on, b.filename)
        .join(ACCOUNT, acc.id == led.account_id).join(BATCH, b.id == led.import_id)
        .where(led.id.in_([entry_id for entry_id, _, _ in found.values()]))
    )}
    out = {}
    for key, (entry_id, import_id, line) in found.items():
        reference, pence, paid_on, filename = entries[entry_id]
        out[key] = _Posted(reference, -pence, paid_on, import_id, filename, line)
    return out


def _write(conn: Connection, council_id: str, batch_id: int, chunk: list[_Row], problems: Problems,
           result: ImportResult) -> None:
    """Post the chunk's new payments (while the file has no problems); skip those posted before."""
    accounts = {ref: (account_id, stored_day(opened)) for ref, account_id, opened in lookup(
        conn, "account", "reference", council_id, {r.account for r in chunk}, ("reference", "id", "opened_on"))}
    posted = _posted(conn, council_id, [r.key for r in chunk])
    fresh: list[tuple[_Row, int]] = []
    for item in chunk:
        found = accounts.get(item.account)
        if found is None:
            problems(item.line, "reference", f"no account {item.account!r} for council {council_id!r}")
            continue
        account_id, opened = found
        if item.paid_on < opened:
            problems(item.line, "date", f"{item.paid_on.isoformat()} is before account {item.account} was opened "
                                        f"({opened.isoformat()})")
            continue
        earlier = posted.get(item.key)
        if earlier is None:
            fresh.append((item, account_id))
        elif _same(earlier, item.account, item.amount, item.paid_on):
            result.skipped.append(_skip(item, f"import {earlier.import_id}, {earlier.filename} line {earlier.line}"))
        else:
            column = "payment_ref" if item.payment_ref and item.key == item.payment_ref else "reference"
            problems(item.line, column, f"payment {item.key!r} was posted by import {earlier.import_id} "
                                        f"({earlier.filename} line {earlier.line}) as "
                                        f"{_describe(earlier.account, earlier.amount, earlier.paid_on)}; this row says "
                                        f"{_describe(item.account, item.amount, item.paid_on)}")
    if problems or not fresh:
        return
    now = utcnow()
    ids = conn.execute(
        sa.insert(LEDGER).returning(LEDGER.c.id, sort_by_parameter_order=True),
        [{"account_id": account_id, "kind": "payment", "amount_pence": -item.amount, "effective_on": item.paid_on,
          "code": item.method, "description": _description(item), "import_id": batch_id, "created_at": now}
         for item, account_id in fresh],
    ).scalars().all()
    conn.execute(sa.insert(RECEIPT), [
        {"council_id": council_id, "payment_key": item.key, "ledger_entry_id": entry_id, "import_id": batch_id,
         "line": item.line}
        for (item, _), entry_id in zip(fresh, ids)
    ])
    totals: dict[int, Totals] = {}
    earliest: dict[int, date] = {}
    for item, account_id in fresh:
        add_entry(totals.setdefault(account_id, Totals()), "payment", -item.amount, item.paid_on)
        if account_id not in earliest or item.paid_on < earliest[account_id]:
            earliest[account_id] = item.paid_on
        result.rows += 1
        result.total_pence += item.amount
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
        [{"p_id": i, "p_on": earliest[i], **totals_params(totals[i], "t")} for i in sorted(totals)],
    )


def _description(item: _Row) -> str:
    how = f" by {item.method}" if item.method else ""
    ref = f" (ref {item.payment_ref})" if item.payment_ref else ""
    return f"Payment{how}{ref}"
