"""``arrears import``: accounts and payments from CSV."""

from __future__ import annotations

import os

import click

from ..services.account_import import import_accounts
from ..money import format_pence
from ..services.payment_import import import_payments
from .common import (
    Env, business_date_option, council_option, db_option, emit_json, fail_cleanly, json_option, pass_env, progress_bar,
    today,
)


@click.group("import")
def import_group() -> None:
    """Import accounts or payments (all or nothing)."""


def _run_import(env: Env, fn, council_id: str, path: str, business_date, json_: bool) -> None:
    engine = env.engine()
    with open(path, "rb") as fh:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    with progress_bar(lines, f"importing {os.path.basename(path)}") as bar:
        done = [0]

        def progress(line: int) -> None:
            bar.update(line - done[0])
            done[0] = line

        result = fn(engine, env.host, council_id, path, business_date=business_date or today(), progress=progress)
    if json_:
        emit_json(result.as_dict())
        return
    if result.already_imported:
        click.echo(f"{path}: already imported (import {result.import_id}); nothing changed")
        return
    click.echo(f"imported {result.rows} {result.kind} from {path} ({format_pence(result.total_pence)})")
    if result.skipped:
        click.echo(f"skipped {len(result.skipped)} already posted, nothing added for them:")
        for row in result.skipped:
            ref = f" {row['payment_ref']}" if row["payment_ref"] else ""
            click.echo(f"  {path}:{row['line']}:{ref} {format_pence(row['amount_pence'])} to {row['reference']} "
                       f"on {row['date']}: {row['reason']}")


@import_group.command("accounts")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@council_option
@business_date_option("Business date of the import: accounts dated implausibly far from it are refused.")
@json_option
@db_option
@pass_env
@fail_cleanly
def accounts(env: Env, path: str, council_id: str, business_date, json_: bool) -> None:
    """Import accounts: reference,debt_type,debtor_ref,debtor_name,amount,date plus each debt type's columns.

    Optional: debtor_kind (person, sole_trader, company), joint_debtor_ref and
    joint_debtor_name. Each debt type's own columns, their kinds and whether
    they are required: `arrears plugins show TYPE` (or the debt type's README).
    """
    _run_import(env, import_accounts, council_id, path, business_date, json_)


@import_group.command("payments")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@council_option
@business_date_option("Business date of the import: a payment dated after it is refused.")
@json_option
@db_option
@pass_env
@fail_cleanly
def payments(env: Env, path: str, council_id: str, business_date, json_: bool) -> None:
    """Import payments: reference,amount,date,payment_ref[,method].

    payment_ref is the payer's transaction reference; a payment whose reference
    was posted before is skipped and listed, never posted twice. A council whose
    files carry none sets [imports] payment_identity = "content" in its profile.
    """
    _run_import(env, import_payments, council_id, path, business_date, json_)
