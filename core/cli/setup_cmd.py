"""``arrears init``: create or upgrade the schema and register a council."""

from __future__ import annotations

import click

from ..services.database import set_up_council
from .common import Env, council_option, db_option, fail_cleanly, pass_env


@click.command()
@council_option
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False, exists=True),
              help="A profile file (default: the council's bundled profile).")
@db_option
@pass_env
@fail_cleanly
def init(env: Env, council_id: str, profile_path: str | None) -> None:
    """Create or upgrade the database schema and register (or re-register) a council's profile."""
    engine = env.engine(migrate_check=False)
    profile, created = set_up_council(engine, env.host, council_id, profile_path)
    verb = "registered" if created else "updated"
    click.echo(f"{verb} council {profile.council_id} ({profile.name}), profile version {profile.version}, "
               f"debt types: {', '.join(profile.debt_types)}")
