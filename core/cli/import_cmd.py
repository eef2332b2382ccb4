"""``arrears import``: accounts and payments from CSV."""

from __future__ import annotations

import os

import click

from ..importer import import_accounts, import_payments
from ..money import format_pence
from .common import Env, council_option, db_option, emit_json, fail_cleanly, json_option, pass_env, progress_bar


@click.group("import")
def import_group() -> None:
    """Import accounts or payments (all or nothing)."""


def _run_import(env: Env, fn, council_id: str, path: str, json_: bool) -> None:
    engine = env.engine()
    with open(path, "rb") as fh:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    with progress_bar(lines, f"importing {os.path.basename(path)}") as bar:
        done = [0]

        def progress(line: int) -> None:
            bar.update(line - done[0])
            done[0] = line

        result = fn(engine, env.host, council_id, path, progress=progress)
    if json_:
        emit_json(result.as_dict())
    elif result.already_imported:
        click.echo(f"{path}: already imported (import {result.import_id}); nothing changed")
    else:
        click.echo(f"imported {result.rows} {result.kind} from {path} ({format_pence(result.total_pence)})")


@import_group.command("accounts")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@council_option
@json_option
@db_option
@pass_env
@fail_cleanly
def accounts(env: Env, path: str, council_id: str, json_: bool) -> None:
    """Import accounts: reference,debt_type,debtor_ref,debtor_name,amount,date plus each debt type's columns."""
    _run_import(env, import_accounts, council_id, path, json_)


@import_group.command("payments")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@council_option
@json_option
@db_option
@pass_env
@fail_cleanly
def payments(env: Env, path: str, council_id: str, json_: bool) -> None:
    """Import payments: reference,amount,date[,method]."""
    _run_import(env, import_payments, council_id, path, json_)
