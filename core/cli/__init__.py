"""The ``arrears`` command: thin click commands over the core's services."""

from __future__ import annotations

import click

from .. import __version__
from .account_cmd import account, officer
from .common import Env
from .demo_cmd import demo
from .import_cmd import import_group
from .ledger_cmd import ledger
from .plugin_cmd import plugin
from .plugins_cmd import plugins
from .policy_cmd import complaint, plan
from .profile_cmd import profile
from .queue_cmd import debtor, portfolio, queue, search
from .tui_cmd import serve, tui
from .run_cmd import run
from .setup_cmd import init

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_url", envvar="ARREARS_DB", metavar="URL",
              help="Database URL; default ARREARS_DB, else sqlite:///arrears.db in this directory.")
@click.version_option(__version__, prog_name="arrears")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None) -> None:
    """Recovery of council debts: Council Tax, business rates, sundry, HB overpayments, PCNs, rents."""
    ctx.obj = Env(db_url)


for command in (plugins, plugin, profile, init, import_group, run, queue, search, account, debtor, portfolio, officer, ledger,
                plan, complaint, demo, tui, serve):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="arrears")
