"""``arrears plugins``: what is installed and what failed to load; ``plugins show TYPE``: what a debt type declares."""

from __future__ import annotations

import click

from ..services.catalogue import describe_debt_type
from .common import Env, emit_json, fail_cleanly, json_option, pass_env


@click.group(invoke_without_command=True)
@json_option
@click.pass_context
def plugins(ctx: click.Context, json_: bool) -> None:
    """List plugins: name, distribution, version, built-in or external, debt types and their rules, hooks, load error."""
    if ctx.invoked_subcommand is not None:
        return
    env = ctx.find_object(Env)
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


@plugins.command("show")
@click.argument("debt_type")
@json_option
@pass_env
@fail_cleanly
def show(env: Env, debt_type: str, json_: bool) -> None:
    """What DEBT_TYPE declares: import columns, parameters with defaults, stages, officer actions, hooks."""
    data = describe_debt_type(env.host, debt_type)
    if json_:
        emit_json(data)
        return
    out = [f"{data['id']}: {data['label']} (plugin {data['plugin']} {data['version']})"]
    if data["description"]:
        out.append(f"  {data['description']}")
    out.append(f"  rules: {', '.join(data['rules']) or 'none'}; hooks: {', '.join(data['hooks']) or 'none'}")
    out.append("")
    out.append("Import columns (besides reference, debt_type, debtor_ref, debtor_name, amount, date):")
    for c in data["columns"] or [{"name": "(none)", "kind": "", "required": False, "description": ""}]:
        out.append(f"  {c['name']:<24} {c['kind']:<22} {'required' if c['required'] else 'optional':<9} {c['description']}")
    out.append("")
    out.append(f"Parameters ([debt_types.{data['id']}] in a council profile):")
    for p in data["parameters"]:
        out.append(f"  {p['name']} = {p['shown']}")
        if p["description"]:
            out.append(f"      {p['description']}")
    out.append("")
    out.append("Stages:")
    for s in data["stages"]:
        end = " (end)" if s["terminal"] else ""
        out.append(f"  {s['id']:<28} {s['label']}{end}")
    out.append("")
    out.append("Officer actions:")
    for a in data["actions"]:
        fields = " ".join([f"{f}=..." for f in a["fields"]] + [f"[{f}=...]" for f in a["optional_fields"]])
        out.append(f"  {a['action']:<28} {a['from']} -> {a['to']}  {fields}")
    click.echo("\n".join(out))
