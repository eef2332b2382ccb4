"""``arrears demo``: a demonstration database and the story of its first months."""

from __future__ import annotations

from pathlib import Path

import click

from ..services.demo import run_demo
from ..money import format_pence
from .account_cmd import render_account
from .common import Env, fail_cleanly, pass_env


@click.command()
@click.option("--council", "council_id", default="rotherham", show_default=True, help="A bundled council profile.")
@click.option("--path", "database", default="arrears-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="The SQLite file to create (replaced if it exists).")
@click.option("--cases", default=3000, show_default=True, type=click.IntRange(10, 1_000_000),
              help="Synthetic accounts (two thirds sundry invoices, one third Council Tax demands).")
@click.option("--months", default=6, show_default=True, type=click.IntRange(1, 36), help="Months of nightly runs.")
@pass_env
@fail_cleanly
def demo(env: Env, council_id: str, database: str, cases: int, months: int) -> None:
    """Make a demo database of synthetic cases, run months of nightly recovery with payments, and report."""
    click.echo(f"Creating {database}: {cases} sundry invoices and Council Tax demands for {council_id}, "
               f"{months} months of nightly runs ...")
    result = run_demo(env.host, council_id, Path(database), cases, months)
    click.echo("")
    click.echo(f"{'month':<8} {'payments':>8} {'evaluated':>9} {'moves':>6} {'fees':>10} {'seconds':>8}")
    for m in result.months:
        click.echo(f"{m['month']:<8} {m['payments']:>8} {m['cases_evaluated']:>9} {m['moves_total']:>6} "
                   f"{format_pence(m['fees_pence']):>10} {m['seconds']:>8.2f}")
    click.echo("")
    click.echo(f"An officer worked the further-recovery queue: {result.actions['write_off']} small debts written off "
               f"as uneconomical, {result.actions['refer_collection_agent']} referred to a collection agent.")
    click.echo("")
    click.echo("Cases by stage:")
    for stage, count in result.stages.items():
        click.echo(f"  {stage:<34} {count:>6}")
    click.echo(f"Fees added: {format_pence(result.fees_pence)}")
    for example in result.examples:
        click.echo("")
        click.echo("\n".join(render_account(example)))
    click.echo("")
    click.echo(f"Explore it: arrears --db sqlite:///{database} account show {result.examples[0]['reference'] if result.examples else 'REF'} --council {council_id}")
