"""``arrears plugin new NAME``: write a new debt-type plugin package."""

from __future__ import annotations

from pathlib import Path

import click

from ..services.scaffold import new_plugin
from .common import Env, fail_cleanly, pass_env


@click.group()
def plugin() -> None:
    """Write a debt-type plugin of your own."""


@plugin.command("new")
@click.argument("name")
@click.option("--output", type=click.Path(file_okay=False), default=None,
              help="Folder to write the package into (default: arrears-NAME here).")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
@pass_env
@fail_cleanly
def new(env: Env, name: str, output: str | None, force: bool) -> None:
    """Write a pip-installable package with debt type NAME: ladder, billing, parameters, README and tests."""
    folder = Path(output or f"arrears-{name.replace('_', '-')}")
    written = new_plugin(env.host, name, folder, force=force)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: pip install '{folder}[test]' && pytest {folder}")
