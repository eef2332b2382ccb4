"""``arrears run``: the nightly recovery run."""

from __future__ import annotations

import click

from ..money import format_pence
from ..engine.runner import run_council
from .common import (
    Env, council_option, date_type, db_option, emit_json, fail_cleanly, json_option, pass_env, progress_bar, today,
)


@click.command()
@council_option
@click.option("--date", "to_date", type=date_type, required=True, help="Business date to run up to (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Do everything, report it, then roll it all back.")
@click.option("--allow-future", is_flag=True,
              help="Allow a --date after today (a training or test database); never more than 10 years ahead.")
@json_option
@db_option
@pass_env
@fail_cleanly
def run(env: Env, council_id: str, to_date, dry_run: bool, allow_future: bool, json_: bool) -> None:
    """Catch up day by day to --date: billing, stage progression, fees and decision records.

    A --date after today is refused unless --allow-future: what a run does cannot be taken back.
    """
    engine = env.engine()
    bars: list = []

    def on_day(day, report) -> None:
        if not bars:
            bars.append(progress_bar((to_date - report.from_date).days + 1, f"run {council_id}").__enter__())
        bars[0].update(1)

    try:
        report = run_council(engine, env.host, council_id, to_date, dry_run=dry_run, on_day=on_day,
                             today=today(), allow_future=allow_future)
    finally:
        if bars:
            bars[0].__exit__(None, None, None)
    if json_:
        emit_json(report.as_dict())
        return
    data = report.as_dict()
    prefix = "dry run (nothing written): " if dry_run else ""
    click.echo(f"{prefix}council {council_id}: {data['dates']['from']} to {data['dates']['to']} "
               f"({report.days} day{'s' if report.days != 1 else ''}), run {report.run_id}")
    click.echo(f"  accounts billed: {report.accounts_billed} ({format_pence(report.charges_pence)})")
    click.echo(f"  cases evaluated: {report.cases_evaluated}")
    for debt_type, stages in data["moves"].items():
        moves = ", ".join(f"{stage} {count}" for stage, count in stages.items())
        click.echo(f"  moves ({debt_type}): {moves}")
    click.echo(f"  fees added: {format_pence(report.fees_pence)}")
    if report.without_rules:
        click.echo(f"  debt types without stage rules yet: {', '.join(report.without_rules)}")
    click.echo(f"  {report.seconds:.2f} s")
