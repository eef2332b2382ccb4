"""``arrears profile``: check, show, compare and start council profiles; try one on live cases."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..services.impact import profile_impact
from ..errors import ArrearsError
from ..money import format_pence
from ..profiles.profile import bundled_councils, check_profiles, load_profile
from ..profiles.diff import ABSENT, diff_profiles
from ..profiles.render import describe_profile, effective_profile, format_value, param_notes, profile_toml
from ..services.profile_source import find_profile
from .common import Env, council_option, date_type, db_option, emit_json, fail_cleanly, json_option, pass_env


@click.group()
def profile() -> None:
    """Council profiles."""


def _engine_if_any(env: Env):
    """The database when there is one with the arrears schema; profiles can be read without it."""
    try:
        return env.engine()
    except ArrearsError:
        return None


def _find(env: Env, reference: str):
    return find_profile(reference, env.host, _engine_if_any(env))


@profile.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH|ID...")
@pass_env
def check(env: Env, paths: tuple[str, ...]) -> None:
    """Validate profiles (files, or bundled council ids); print every problem as ``file: dotted.key: message``."""
    bundled = bundled_councils()
    paths = tuple(str(bundled[p]) if p in bundled and not Path(p).exists() else p for p in paths)
    problems = check_profiles(paths, env.host.debt_types)
    for line in problems:
        click.echo(line)
    if problems:
        raise SystemExit(1)
    click.echo(f"{len(paths)} profile{'s' if len(paths) != 1 else ''} OK")


@profile.command("show")
@click.argument("reference", metavar="ID")
@json_option
@db_option
@pass_env
@fail_cleanly
def show(env: Env, reference: str, json_: bool) -> None:
    """The effective profile of ID (a file, a registered council or a bundled council), every default filled in."""
    found, source = _find(env, reference)
    if json_:
        emit_json({"source": source, "path": found.path, "version": found.version,
                   "extends": list(found.extends), "profile": effective_profile(found)})
        return
    for line in describe_profile(found, env.host.debt_types, source):
        click.echo(line)


@profile.command("diff")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@json_option
@db_option
@pass_env
@fail_cleanly
def diff(env: Env, a: str, b: str, json_: bool) -> None:
    """What differs between the effective profiles A and B, key by key; exit 1 when they differ, like diff."""
    left, left_source = _find(env, a)
    right, right_source = _find(env, b)
    changes = diff_profiles(left, right)
    if json_:
        emit_json({
            "a": {"source": left_source, "version": left.version},
            "b": {"source": right_source, "version": right.version},
            "same": not changes,
            "differences": [{"key": k, "a": None if x is ABSENT else x, "b": None if y is ABSENT else y,
                             "only_in": "b" if x is ABSENT else "a" if y is ABSENT else None}
                            for k, x, y in changes],
        })
    else:
        click.echo(f"--- A: {left_source} (version {left.version})")
        click.echo(f"+++ B: {right_source} (version {right.version})")
        for key, x, y in changes:
            shown_a = "(absent)" if x is ABSENT else format_value(key, x)
            shown_b = "(absent)" if y is ABSENT else format_value(key, y)
            click.echo(f"{key}: {shown_a} -> {shown_b}")
        click.echo("same effective profile" if not changes else f"{len(changes)} keys differ" if len(changes) != 1 else "1 key differs")
    if changes:
        raise SystemExit(1)


@profile.command("new")
@click.option("--from", "source", required=True, metavar="ID", help="Profile to start from: a file, a registered or a bundled council.")
@click.option("--council", "council_id", metavar="NEWID", help="The new council's id (default: the source's).")
@click.option("--name", metavar="NAME", help="The new council's name (default: the source's, or one made from NEWID).")
@click.option("--output", "-o", metavar="PATH", help="Where to write it (default: NEWID.toml here; '-' for standard output).")
@click.option("--force", is_flag=True, help="Overwrite PATH when it exists.")
@db_option
@pass_env
@fail_cleanly
def new(env: Env, source: str, council_id: str | None, name: str | None, output: str | None, force: bool) -> None:
    """Write a starting profile for a new council: every key of ID spelled out, ready to edit."""
    if council_id is not None and not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", council_id):
        raise click.BadParameter(f"{council_id!r}: 2 to 40 lower-case letters, digits or _, starting with a letter",
                                 param_hint="--council")
    found, where = _find(env, source)
    tree = effective_profile(found)
    if council_id:
        tree["council"]["id"] = council_id
        if council_id != found.council_id:
            tree["council"]["name"] = f"{council_id.replace('_', ' ').title()} Council"
    if name:
        tree["council"]["name"] = name
    new_id = tree["council"]["id"]
    header = (f"Council profile for {new_id}, started from {where} (version {found.version}).\n"
              "Every key is spelled out with its value in force; edit what differs, then check it with\n"
              f"`arrears profile check` and compare it with `arrears profile diff {source} THIS_FILE`.")
    text = profile_toml(tree, header, param_notes(env.host.debt_types, found.debt_types))
    target = output or f"{new_id}.toml"
    if target == "-":
        click.echo(text, nl=False)
        return
    path = Path(target)
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists; give --force to overwrite it, or another --output")
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    try:
        load_profile(tmp, env.host.debt_types)
    except Exception:
        tmp.unlink()
        raise
    tmp.replace(path)
    click.echo(f"wrote {path}: profile for {new_id} from {where}")


@profile.command("impact")
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@council_option
@click.option("--date", "on", type=date_type, required=True, help="Business date to evaluate the cases on (YYYY-MM-DD).")
@json_option
@db_option
@pass_env
@fail_cleanly
def impact(env: Env, path: str, council_id: str, on, json_: bool) -> None:
    """Which live cases would move, gain or lose a fee, or change queue on --date under PATH; writes nothing."""
    proposed = load_profile(path, env.host.debt_types)
    report = profile_impact(env.engine(), env.host, council_id, proposed, on)
    if json_:
        emit_json(report.as_dict())
        return
    counts = report.counts()
    click.echo(f"impact of {path} (version {report.proposed_version}) against council {council_id}'s profile "
               f"(version {report.current_version}) on {on.isoformat()}; nothing written")
    click.echo(f"  cases evaluated: {report.cases_evaluated}; changed: {len(report.cases)} "
               f"(stage {counts['stage']}, fee {counts['fee']}, priority {counts['priority']})")
    for dt, why in report.not_compared.items():
        click.echo(f"  {dt}: not compared, {why}")
    for item in report.cases:
        cur, new_ = item.current, item.proposed
        parts = []
        if "stage" in item.what:
            parts.append(f"stage {item.stage}: {cur.to_stage or 'stays'} -> {new_.to_stage or 'stays'}")
        if "fee" in item.what:
            parts.append(f"fees {format_pence(cur.fees_pence)} -> {format_pence(new_.fees_pence)}")
        if "priority" in item.what:
            parts.append(f"priority {cur.priority} -> {new_.priority}")
        click.echo(f"  {item.reference} ({item.debt_type}): " + "; ".join(parts))
