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
        if p.debt_types:
            click.echo(f"{'':<16} debt types: {', '.join(p.debt_types)}")
        if p.hooks:
            click.echo(f"{'':<16} hooks: {', '.join(p.hooks)}")
