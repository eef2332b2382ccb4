"""``arrears plugins``: what is installed, and what failed to load."""

from __future__ import annotations

import click

from .common import Env, emit_json, json_option, pass_env


@click.command()
@json_option
@pass_env
def plugins(env: Env, json_: bool) -> None:
    """List plugins: name, distribution, version, built-in or external, hooks, load error."""
    infos = sorted(env.host.plugins, key=lambda p: (not p.builtin, p.name))
    if json_:
        emit_json([p.as_dict() for p in infos])
        return
    for p in infos:
        origin = "built-in" if p.builtin else "external"
        status = "disabled" if p.disabled else (f"ERROR {p.error}" if p.error else "ok")
        click.echo(f"{p.name:<16} {p.distribution or '-'} {p.version or '-'} ({origin}) {status}")
        for debt_type in p.debt_types:
            rules = env.host.debt_types[debt_type].rules.provides() if debt_type in env.host.debt_types else []
            click.echo(f"{'':<16} debt type {debt_type}: {', '.join(rules) or 'no rules of its own'}")
        if p.hooks:
            click.echo(f"{'':<16} hooks: {', '.join(p.hooks)}")
