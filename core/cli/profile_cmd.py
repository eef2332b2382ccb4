"""``arrears profile``: check council profiles."""

from __future__ import annotations

import click

from ..profile import check_profiles
from .common import Env, pass_env


@click.group()
def profile() -> None:
    """Council profiles."""


@profile.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@pass_env
def check(env: Env, paths: tuple[str, ...]) -> None:
    """Validate profiles; print every problem as ``file: dotted.key: message``."""
    problems = check_profiles(paths, env.host.debt_types)
    for line in problems:
        click.echo(line)
    if problems:
        raise SystemExit(1)
    click.echo(f"{len(paths)} profile{'s' if len(paths) != 1 else ''} OK")
