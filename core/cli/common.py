"""What every command shares: the database option, the plugin host, errors, JSON and progress output."""

from __future__ import annotations

import csv
import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from ..services.database import database_url, open_database
from ..errors import ArrearsError, ImportRejected, ProfileError
from ..engine.plugins import PluginHost, build_plugin_host

__all__ = ["Env", "pass_env", "db_option", "council_option", "json_option", "date_type", "emit_json", "emit_csv", "csv_option", "fail_cleanly",
           "progress_bar", "today", "business_date_option"]


def today() -> date:
    """The date the commands take as today: ``ARREARS_TODAY`` (a training or test database's clock), else the system's."""
    fixed = os.environ.get("ARREARS_TODAY", "").strip()
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise click.ClickException(f"ARREARS_TODAY={fixed!r} is not a date (YYYY-MM-DD)") from None


class Env:
    """Built lazily once per command: the database engine and the plugin host."""

    def __init__(self, db_url: str | None) -> None:
        self.db_url = db_url
        self._host: PluginHost | None = None
        self._engine = None

    @property
    def host(self) -> PluginHost:
        if self._host is None:
            self._host = build_plugin_host()
            for failed in self._host.failures:
                click.echo(f"warning: plugin {failed.name!r} not loaded: {failed.error}", err=True)
        return self._host

    @property
    def url(self) -> str:
        return database_url(self.db_url)

    def engine(self, *, migrate_check: bool = True):
        """The database engine; with ``migrate_check``, only once the database exists with the current schema."""
        if self._engine is None:
            self._engine = open_database(self.db_url, migrate_check=migrate_check)
        return self._engine


pass_env = click.make_pass_decorator(Env)


def db_option(fn: Callable) -> Callable:
    """``--db URL`` on a subcommand, overriding the group's (and ``ARREARS_DB``)."""

    @click.option("--db", "db_url", metavar="URL", help="Database URL (default: ARREARS_DB or sqlite:///arrears.db).")
    @functools.wraps(fn)
    def wrapper(*args, db_url=None, **kwargs):
        if db_url:
            click.get_current_context().find_object(Env).db_url = db_url
        return fn(*args, **kwargs)

    return wrapper


council_option = click.option("--council", "council_id", required=True, metavar="ID", help="The council's id.")
json_option = click.option("json_", "--json", is_flag=True, help="Print JSON instead of text.")


class _DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


date_type = _DateType()


def business_date_option(help_text: str) -> Callable:
    """``--date YYYY-MM-DD`` for a command's business date, default today (see :func:`today`)."""
    return click.option("--date", "business_date", type=date_type, default=None, help=help_text + " Default: today.")


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, default=str))


csv_option = click.option("csv_", "--csv", is_flag=True, help="Print CSV (a header line, then one line each) instead of text.")


def emit_csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """``rows`` as CSV with ``columns``; a list value is joined with spaces."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    for row in rows:
        out.writerow([" ".join(v) if isinstance(v := row.get(c), list) else ("" if v is None else v) for c in columns])


def fail_cleanly(fn: Callable) -> Callable:
    """Turn the core's errors into a clear message and exit 1, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (ImportRejected, ProfileError) as exc:
            for line in exc.problems:
                click.echo(line, err=True)
            noun = "problem" if len(exc.problems) == 1 else "problems"
            what = "nothing was imported" if isinstance(exc, ImportRejected) else "profile rejected"
            raise click.ClickException(f"{len(exc.problems)} {noun}; {what}") from None
        except ArrearsError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


class _NullBar:
    def update(self, n: int) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def progress_bar(length: int, label: str):
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return _NullBar()
    return click.progressbar(length=length, label=label, file=sys.stderr)
