"""``arrears tui``: the officers' terminal UI; ``arrears serve``: the same app in a browser, behind a sign-in."""

from __future__ import annotations

import shlex
import sys

import click

from ..services.officers.desk import OfficerDesk
from .common import Env, council_option, db_option, fail_cleanly, pass_env, today

__all__ = ["tui", "serve"]


@click.command()
@council_option
@click.option("--officer", envvar="ARREARS_OFFICER", metavar="LOGIN",
              help="The officer at the desk (default ARREARS_OFFICER); they must be an officer of the council.")
@click.option("--sign-in", "sign_in", is_flag=True, help="Open on the sign-in screen instead (as `arrears serve` does).")
@db_option
@pass_env
@fail_cleanly
def tui(env: Env, council_id: str, officer: str | None, sign_in: bool) -> None:
    """Work the council's queues, cases and debtors in the terminal (`?` lists the keys)."""
    if not officer and not sign_in:
        raise click.UsageError("give --officer LOGIN (or set ARREARS_OFFICER), or --sign-in")
    from ..tui.app import ArrearsApp

    desk = OfficerDesk.open(env.db_url, council_id, None if sign_in else officer, today)
    ArrearsApp(desk, sign_in=sign_in).run()


@click.command()
@council_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default behind a reverse proxy (README: serving in a browser).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--public-url", metavar="URL", help="The address browsers use, when a reverse proxy stands in front "
                                                  "(e.g. https://recovery.example.gov.uk).")
@db_option
@pass_env
@fail_cleanly
def serve(env: Env, council_id: str, host: str, port: int, public_url: str | None) -> None:
    """Serve the officers' app to browsers: each visitor signs in with their login and password."""
    from textual_serve.server import Server

    OfficerDesk.open(env.db_url, council_id, None, today).close()  # refuse now, not per visitor, if the council is wrong
    command = [sys.executable, "-m", "arrears", "--db", env.url, "tui", "--council", council_id, "--sign-in"]
    Server(shlex.join(command), host=host, port=port, title=f"arrears · {council_id}", public_url=public_url).serve()
