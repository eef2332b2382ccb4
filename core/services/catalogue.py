"""What a debt type declares, for people: import columns, parameters and defaults, stages, officer actions, hooks.

``arrears plugins show TYPE`` prints it; each plugin's README carries the same
import-column table, and a test holds the two together.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..debt_types import Column, DebtType
from ..engine.plugins import PluginHost
from ..errors import NotFound
from ..profiles.render import format_value, plain

__all__ = ["describe_debt_type", "column_kind", "columns_markdown"]


def column_kind(column: Column) -> str:
    """A column's kind as people read it: ``choice (a, b)``, a run of numbers as ``choice (1-31)``."""
    if column.kind != "choice":
        return column.kind
    values = list(column.choices)
    if len(values) > 3 and all(v.isdigit() for v in values):
        numbers = [int(v) for v in values]
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"choice ({numbers[0]}-{numbers[-1]})"
    return f"choice ({', '.join(values)})"


def columns_markdown(debt_type: DebtType) -> str:
    """The README's table of the debt type's import columns."""
    lines = ["| Column | Kind | Required | Meaning |", "|---|---|---|---|"]
    for c in debt_type.columns:
        lines.append(f"| `{c.name}` | {column_kind(c)} | {'yes' if c.required else 'no'} | {c.help} |")
    return "\n".join(lines)


def _parameters(model: type[BaseModel], prefix: str = "") -> list[dict[str, Any]]:
    out = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        default = info.get_default(call_default_factory=True)
        if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(default, BaseModel):
            out += _parameters(kind, f"{prefix}{name}.")
            continue
        value = plain(default) if info.is_required() is False else None
        out.append({"name": f"{prefix}{name}", "default": value, "required": info.is_required(),
                    "shown": "(required)" if info.is_required() else format_value(name, value),
                    "description": info.description or ""})
    return out


def describe_debt_type(host: PluginHost, debt_type_id: str) -> dict[str, Any]:
    """Everything a debt type declares, as ``arrears plugins show`` prints it."""
    debt_type = host.debt_types.get(debt_type_id)
    if debt_type is None:
        raise NotFound(f"no debt type {debt_type_id!r} (installed: {', '.join(sorted(host.debt_types)) or 'none'})")
    plugin = next((p for p in host.plugins if p.name == debt_type.plugin), None)
    ladder = debt_type.ladder
    return {
        "id": debt_type.id,
        "label": debt_type.label,
        "description": debt_type.description,
        "plugin": debt_type.plugin,
        "version": debt_type.version,
        "hooks": plugin.hooks if plugin else [],
        "rules": debt_type.rules.provides(),
        "columns": [{"name": c.name, "kind": column_kind(c), "required": c.required, "description": c.help}
                    for c in debt_type.columns],
        "parameters": _parameters(debt_type.params),
        "stages": [{"id": s.id, "label": s.label, "terminal": s.terminal, "description": s.description}
                   for s in ladder.stages],
        "actions": [{"action": t.rule, "from": t.source, "to": t.target, "fields": list(t.fields),
                     "optional_fields": list(t.optional_fields), "description": t.reason}
                    for t in ladder.transitions if t.kind == "action"],
        "automatic": [{"rule": t.rule, "from": t.source, "to": t.target, "guard": t.guard, "uses": list(t.uses)}
                      for t in ladder.transitions if t.kind == "auto"],
    }
