"""``arrears account`` (show, actions, act) and ``arrears officer`` (add, password)."""

from __future__ import annotations

import getpass
import sys

import click

from ..services.accounts import add_officer, council_of, show_account

from ..services.actions import list_actions, record_action
from ..services.officers.sign_in import set_password
from ..money import format_pence, parse_pounds, MoneyError
from .common import Env, council_option, date_type, db_option, emit_json, fail_cleanly, json_option, pass_env, today


@click.group()
def account() -> None:
    """Look at an account and act on it."""


def render_account(data: dict) -> list[str]:
    """The account as an officer reads it: who, how much, where and why."""
    d = data["debtor"]
    lines = [
        f"{data['reference']}  {data['debt_type_label']}  ({data['council']})",
        f"  debtor:   {d['name']} [{d['reference']}, {d['kind']}]",
    ]
    for j in data["joint_debtors"]:
        lines.append(f"  jointly:  {j['name']} [{j['reference']}]")
    lines += [
        f"  balance:  {format_pence(data['balance_pence'])} (of {format_pence(data['amount_pence'])} raised {data['opened_on']})",
        f"  stage:    {data['stage']} ({data['stage_label']}) since {data['stage_since']}",
        f"  priority: {data['priority']}   next review: {data['next_review_on'] or '-'}"
        + (f"   closed: {data['closed_on']}" if data["closed_on"] else ""),
    ]
    if data["schedule"]:
        late = sum(1 for s in data["schedule"] if s["status"] == "late")
        lines.append(f"  schedule: {len(data['schedule'])} instalments, {late} late")
        for s in data["schedule"]:
            lines.append(f"    {s['due_on']}  {format_pence(s['amount_pence']):>12}  paid {format_pence(s['paid_pence']):>12}  {s['status']}")
    lines.append("  timeline:")
    for t in data["timeline"]:
        if t["type"] == "stage":
            who = f" by {t['officer']}" if t.get("officer") else f" (run {t['run_id']})"
            lines.append(f"    {t['date']}  {t['from']} -> {t['to']}  [{t['rule']}]{who}")
            if t["reason"]:
                lines.append(f"                {t['reason']}")
        else:
            lines.append(f"    {t['date']}  {t['type']:<10} {format_pence(t['amount_pence']):>12}  {t['description']}")
    return lines


@account.command("show")
@click.argument("reference")
@council_option
@json_option
@db_option
@pass_env
@fail_cleanly
def show(env: Env, reference: str, council_id: str, json_: bool) -> None:
    """Show an account: debtor, balance, stage, and the whole timeline with the reason for every move."""
    data = show_account(env.engine(), env.host, council_id, reference, today())
    if json_:
        emit_json(data)
    else:
        click.echo("\n".join(render_account(data)))


optional_council = click.option("--council", "council_id", default=None, metavar="ID",
                                help="The council (needed only when several councils hold the reference).")


@account.command("actions")
@click.argument("reference")
@optional_council
@json_option
@db_option
@pass_env
@fail_cleanly
def actions(env: Env, reference: str, council_id: str, json_: bool) -> None:
    """List the officer actions the account's stage allows."""
    engine = env.engine()
    items = list_actions(engine, env.host, council_id or council_of(engine, reference), reference)
    if json_:
        emit_json(items)
        return
    if not items:
        click.echo(f"{reference}: no officer actions at this stage")
    for a in items:
        fields = " ".join([f"{f}=..." for f in a["fields"]] + [f"[{f}=...]" for f in a["optional_fields"]])
        click.echo(f"{a['action']:<24} -> {a['to_stage']:<18} {fields}  {a['description']}")


def _fields(pairs: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"{pair!r}: give fields as key=value")
        fields[key.strip()] = value.strip()
    return fields


@account.command("act")
@click.argument("reference")
@click.argument("action")
@click.argument("pairs", nargs=-1, metavar="[KEY=VALUE]...")
@optional_council
@click.option("--officer", default=None, help="The officer acting (default: your login).")
@click.option("--date", "on", type=date_type, default=None, help="Business date of the action (default: today).")
@json_option
@db_option
@pass_env
@fail_cleanly
def act(env: Env, reference: str, action: str, pairs: tuple[str, ...], council_id: str, officer: str | None, on, json_: bool) -> None:
    """Record an officer ACTION on an account, with its KEY=VALUE fields."""
    engine = env.engine()
    login = officer or (engine.url.username if engine.dialect.name == "postgresql" and engine.url.username else getpass.getuser())
    council_id = council_id or council_of(engine, reference)
    result = record_action(engine, env.host, council_id, reference, action, _fields(pairs), login, on or today())
    if json_:
        emit_json(result)
    else:
        click.echo(f"{reference}: {result['action']} recorded by {result['officer']}: {result['from']} -> {result['to']}")


@click.group()
def officer() -> None:
    """Officers of a council."""


@officer.command("add")
@click.argument("login")
@council_option
@click.option("--role", required=True, help="The officer's role (a write-off authority from the profile, or any other).")
@click.option("--write-off-limit", default=None, help="The officer's own write-off limit in pounds.")
@db_option
@pass_env
@fail_cleanly
def officer_add(env: Env, login: str, council_id: str, role: str, write_off_limit: str | None) -> None:
    """Register LOGIN as an officer of the council."""
    limit = None
    if write_off_limit is not None:
        try:
            limit = parse_pounds(write_off_limit)
        except MoneyError as exc:
            raise click.BadParameter(str(exc), param_hint="--write-off-limit") from None
    add_officer(env.engine(), council_id, login, role, limit)
    click.echo(f"officer {login} of {council_id}: role {role}")


@officer.command("password")
@click.argument("login")
@council_option
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts) instead of asking.")
@json_option
@db_option
@pass_env
@fail_cleanly
def officer_password(env: Env, login: str, council_id: str, password_stdin: bool, json_: bool) -> None:
    """Set LOGIN's password (asked twice, not shown); clears their wrong passwords and any lock."""
    engine = env.engine()
    if password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise click.UsageError("--password-stdin: standard input is empty; give the password on its first line")
        password = line.rstrip("\r\n")
    else:
        password = click.prompt(f"Password for {login}", hide_input=True, confirmation_prompt=True)
    set_password(engine, council_id, login, password)
    if json_:
        emit_json({"login": login, "council": council_id, "password_set": True})
    else:
        click.echo(f"password set for {login} (council {council_id})")
