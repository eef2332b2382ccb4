"""``arrears ledger check``: the cached balances against the ledger."""

from __future__ import annotations

import click

from ..services.database import check_ledger
from .common import Env, council_option, db_option, emit_json, fail_cleanly, json_option, pass_env


@click.group()
def ledger() -> None:
    """The append-only ledger."""


@ledger.command("check")
@council_option
@json_option
@db_option
@pass_env
@fail_cleanly
def check(env: Env, council_id: str, json_: bool) -> None:
    """Check every account's cached totals against the sum of its ledger entries; exit 1 on any difference."""
    bad = check_ledger(env.engine(), council_id)
    if json_:
        emit_json({"council": council_id, "mismatched": bad})
    elif bad:
        for reference in bad:
            click.echo(f"{reference}: cached totals differ from the ledger")
    else:
        click.echo(f"council {council_id}: every account agrees with its ledger")
    if bad:
        raise SystemExit(1)
