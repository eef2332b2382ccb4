"""A profile as it takes effect: every default filled in, as a tree, dotted keys, TOML or text."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import tomli_w
from pydantic import BaseModel

from ..debt_types import DebtType
from ..money import format_pence
from .profile import Profile

CORE_SECTIONS = ("council", "calendar", "priority", "write_off", "payment_plans", "vulnerability", "service_standards",
                 "imports", "queues")

__all__ = ["CORE_SECTIONS", "effective_profile", "flatten", "profile_toml", "param_notes", "describe_profile", "format_value",
           "plain"]


def plain(value: Any) -> Any:
    """Values as TOML and JSON know them: lists for tuples, numbers for exact decimals, tables for models."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value) if Decimal(repr(float(value))) == value else str(value)
    return value


def effective_profile(profile: Profile) -> dict[str, Any]:
    """The profile with every default filled in: core sections, each debt type's parameters, dated changes by date."""
    doc = profile.document
    calendar = doc.get("calendar", {})
    write_off = {
        "reasons": list(profile.write_off_reasons),
        "delegations": [plain(d) for d in profile.delegations],
        "consultations": [plain(c) for c in profile.consultations],
    }
    tree: dict[str, Any] = {
        "council": {"id": profile.council_id, "name": profile.name, "debt_types": list(profile.debt_types)},
        "calendar": {
            "extra_bank_holidays": list(calendar.get("extra_bank_holidays", [])),
            "removed_bank_holidays": list(calendar.get("removed_bank_holidays", [])),
        },
        "priority": {"levels": dict(profile.priority_levels), "order": list(profile.priority_order),
                     "stage_levels": {dt: dict(v) for dt, v in profile.stage_levels.items()}},
        "write_off": write_off,
        "payment_plans": plain(profile.payment_plans),
        "vulnerability": plain(profile.vulnerability),
        "service_standards": plain(profile.service_standards),
        "imports": plain(profile.imports),
        "queues": plain(profile.queues),
        "debt_types": {},
    }
    for dt in profile.debt_types:
        dates, versions = profile.param_versions(dt)
        section = plain(versions[0])
        written = doc.get("debt_types", {}).get(dt, {}).get("changes", [])
        by_date = {c["effective_from"]: c for c in written if c.get("effective_from") in dates}
        section["changes"] = [
            {"effective_from": d, **{k: plain(v) for k, v in by_date[d].items() if k != "effective_from"}}
            for d in dates
        ]
        tree["debt_types"][dt] = section
    return tree


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted keys to values; a list of tables by index, dated changes by their date."""
    out: dict[str, Any] = {}
    for key, value in tree.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        if key == "changes" and isinstance(value, list):
            for change in value:
                when = change["effective_from"]
                rest = {k: v for k, v in change.items() if k != "effective_from"}
                out.update(flatten(rest, f"{dotted}[{when.isoformat() if isinstance(when, date) else when}]"))
        elif isinstance(value, Mapping) and value:
            out.update(flatten(value, dotted))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            for i, item in enumerate(value):
                out.update(flatten(item, f"{dotted}[{i}]"))
        else:
            out[dotted] = value
    return out


def _drop_none(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def profile_toml(tree: Mapping[str, Any], header: str = "", notes: Mapping[str, str] | None = None) -> str:
    """The tree as a TOML profile (absent values left out).

    ``header`` lines become comments at the top; ``notes`` (dotted key to text)
    are written as a comment above their key.
    """
    body = dict(_drop_none(tree))
    for section in body.get("debt_types", {}).values():
        if not section.get("changes"):
            section.pop("changes", None)
    if not body.get("write_off", {}).get("consultations"):
        body.get("write_off", {}).pop("consultations", None)
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    if out:
        out.append("")
    table = ""
    for line in tomli_w.dumps(body).splitlines():
        if line.startswith("["):
            table = line.strip("[]")
        elif notes and " = " in line and not line.startswith(" "):
            note = notes.get(f"{table}.{line.split(' = ', 1)[0]}")
            if note:
                out += [f"# {part}" for part in textwrap.wrap(note, 96)]
        out.append(line)
    return "\n".join(out) + "\n"


def param_notes(debt_types: Mapping[str, DebtType], enabled: Iterable[str]) -> dict[str, str]:
    """Each enabled debt type's parameter descriptions, by dotted key in the profile."""
    return {f"debt_types.{dt}.{key}": text for dt in enabled if dt in debt_types
            for key, text in _descriptions(debt_types[dt]).items()}


def format_value(key: str, value: Any) -> str:
    """One value for people: TOML-like, with pounds beside pence."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(format_value("", v) for v in value) + "]"
    if isinstance(value, int) and key.endswith("pence"):
        return f"{value} ({format_pence(value)})"
    return str(value)


def _descriptions(debt_type: DebtType) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            kind = info.annotation
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                walk(kind, f"{prefix}{name}.")
            elif info.description:
                out[f"{prefix}{name}"] = info.description

    walk(debt_type.params, "")
    return out


def describe_profile(profile: Profile, debt_types: Mapping[str, DebtType], source: str) -> list[str]:
    """The effective profile for people: where it comes from, then each section's keys and values, changes by date."""
    tree = effective_profile(profile)
    lines = [
        f"{profile.council_id}: {profile.name}",
        f"  source:  {source}",
        f"  version: {profile.version}",
    ]
    if profile.extends:
        lines.append(f"  extends: {' -> '.join(profile.extends)}")
    for section in CORE_SECTIONS:
        lines.append("")
        lines.append(f"[{section}]")
        lines += [f"  {key} = {format_value(key, value)}" for key, value in flatten(tree[section]).items()]
    for dt, params in tree["debt_types"].items():
        notes = _descriptions(debt_types[dt]) if dt in debt_types else {}
        lines.append("")
        lines.append(f"[debt_types.{dt}]")
        base = {k: v for k, v in params.items() if k != "changes"}
        told: set[str] = set()
        for key, value in flatten(base).items():
            head = key.split("[", 1)[0]
            if head != key and head in notes and head not in told:
                told.add(head)
                lines.append(f"  # {head}: {notes[head]}")
            note = f"  # {notes[key]}" if key in notes else ""
            lines.append(f"  {key} = {format_value(key, value)}{note}")
        for change in params["changes"]:
            rest = {k: v for k, v in change.items() if k != "effective_from"}
            lines.append(f"  from {change['effective_from'].isoformat()}:")
            lines += [f"    {key} = {format_value(key, value)}" for key, value in flatten(rest).items()]
    return lines
