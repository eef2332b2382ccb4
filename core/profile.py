"""Council profiles: TOML files that say which debt types a council runs and with which numbers.

A profile has a ``[council]`` identity, a ``[priority]`` table, a ``[write_off]``
delegation table, an optional ``[calendar]``, and one ``[debt_types.<id>]``
section per enabled debt type, validated by that debt type's parameters model
(unknown keys refused). A section may carry dated changes::

    [[debt_types.sundry.changes]]
    effective_from = 2026-04-01
    reminder_days = 10

Every problem is reported as ``file: dotted.key: message``. A profile's version
is the hash of its content.
"""

from __future__ import annotations

import hashlib
import sys
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .debt_types import DebtType, Parameters
from .errors import NotFound, ProfileError
from .working_days import WorkingCalendar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Profile", "load_profile", "load_profile_bytes", "check_profiles", "council_profile_path", "bundled_councils"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CouncilSection(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,39}$")
    name: str
    debt_types: list[str] = Field(min_length=1)


class CalendarSection(_Strict):
    extra_bank_holidays: list[date] = []
    removed_bank_holidays: list[date] = []


class PrioritySection(_Strict):
    levels: dict[str, int]
    order: list[str] = []


class Delegation(_Strict):
    authority: str
    up_to_pence: int | None = Field(default=None, ge=0)


class WriteOffSection(_Strict):
    reasons: list[str] = Field(min_length=1)
    delegations: list[Delegation] = Field(min_length=1)


class _Document(_Strict):
    council: CouncilSection
    calendar: CalendarSection = CalendarSection()
    priority: PrioritySection
    write_off: WriteOffSection
    debt_types: dict[str, dict[str, Any]] = {}


@dataclass(frozen=True)
class Profile:
    """A validated council profile."""

    council_id: str
    name: str
    path: str
    version: str
    debt_types: tuple[str, ...]
    calendar: WorkingCalendar
    priority_levels: Mapping[str, int]
    priority_order: tuple[str, ...]
    delegations: tuple[Delegation, ...]
    write_off_reasons: tuple[str, ...]
    text: str
    _params: Mapping[str, tuple[tuple[date, ...], tuple[Parameters, ...]]] = field(repr=False)

    def params(self, debt_type_id: str, on: date) -> Parameters:
        """The debt type's parameters in force on ``on`` (base values with every change dated on or before it)."""
        dates, versions = self._params[debt_type_id]
        return versions[bisect_right(dates, on)]

    def param_versions(self, debt_type_id: str) -> tuple[tuple[date, ...], tuple[Parameters, ...]]:
        return self._params[debt_type_id]

    def authorities(self) -> list[str]:
        """Write-off authorities from the lowest to the highest."""
        return [d.authority for d in self.delegations]


def bundled_councils() -> dict[str, Path]:
    """Profiles shipped with arrears: council id to file."""
    folder = files("arrears.councils")
    return {
        Path(entry.name).stem: Path(str(entry))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


def council_profile_path(council_id: str) -> Path:
    """The bundled profile for ``council_id``, or :class:`NotFound` listing those there are."""
    found = bundled_councils()
    if council_id not in found:
        raise NotFound(
            f"no bundled profile for council {council_id!r} (bundled: {', '.join(sorted(found)) or 'none'}); "
            "give one with --profile PATH"
        )
    return found[council_id]


def _dotted(loc: Iterable[Any], prefix: str = "") -> str:
    parts = [prefix] if prefix else []
    for item in loc:
        if isinstance(item, int):
            if parts:
                parts[-1] += f"[{item}]"
            else:
                parts.append(f"[{item}]")
        else:
            parts.append(str(item))
    return ".".join(parts) or "(top level)"


def _messages(exc: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    out = []
    for err in exc.errors():
        loc = list(err["loc"])
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif err["type"] == "missing":
            msg = "missing" + (" section" if prefix == "" and len(loc) == 1 else " key")
        else:
            msg = err["msg"][0].lower() + err["msg"][1:]
            if "input" in err and err["type"] not in ("missing",):
                msg += f" (got {err['input']!r})"
        out.append((_dotted(loc, prefix), msg))
    return out


def load_profile(path: str | Path, debt_types: Mapping[str, DebtType]) -> Profile:
    """Read and validate a profile against the installed debt types; raise :class:`ProfileError` with every problem."""
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise ProfileError([f"{path}: (file): cannot read: {exc.strerror or exc}"]) from None
    return load_profile_bytes(raw_bytes, str(path), debt_types)


def load_profile_bytes(raw_bytes: bytes, name: str, debt_types: Mapping[str, DebtType]) -> Profile:
    """Validate a profile's content; ``name`` is the file it came from, for messages."""
    try:
        text = raw_bytes.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ProfileError([f"{name}: (file): not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError([f"{name}: (TOML syntax): {exc}"]) from None

    problems: list[tuple[str, str]] = []
    try:
        doc = _Document.model_validate(data)
    except ValidationError as exc:
        problems.extend(_messages(exc))
        _check_sections_of_raw(data, debt_types, problems)
        raise ProfileError([f"{name}: {key}: {msg}" for key, msg in problems]) from None

    enabled = doc.council.debt_types
    for i, dt in enumerate(enabled):
        if dt not in debt_types:
            installed = ", ".join(sorted(debt_types)) or "none"
            problems.append((f"council.debt_types[{i}]", f"unknown debt type {dt!r}: no installed plugin provides it (installed: {installed})"))
        elif dt not in doc.debt_types:
            problems.append((f"debt_types.{dt}", "missing section for an enabled debt type"))
    for dt in doc.debt_types:
        if dt not in enabled:
            problems.append((f"debt_types.{dt}", "section for a debt type not listed in council.debt_types"))
    for dt in doc.priority.levels:
        if dt not in enabled:
            problems.append((f"priority.levels.{dt}", "not an enabled debt type"))
    for dt in enabled:
        if dt not in doc.priority.levels:
            problems.append((f"priority.levels.{dt}", "missing key: every enabled debt type needs a priority level"))
    for i, dt in enumerate(doc.priority.order):
        if dt not in enabled:
            problems.append((f"priority.order[{i}]", f"{dt!r} is not an enabled debt type"))
    for i, d in enumerate(doc.write_off.delegations[:-1]):
        if d.up_to_pence is None:
            problems.append((f"write_off.delegations[{i}].up_to_pence", "missing key: only the last delegation may be unlimited"))

    params: dict[str, tuple[tuple[date, ...], tuple[Parameters, ...]]] = {}
    for dt in enabled:
        if dt in debt_types and dt in doc.debt_types:
            resolved = _resolve_params(debt_types[dt], doc.debt_types[dt], f"debt_types.{dt}", problems)
            if resolved is not None:
                params[dt] = resolved

    if problems:
        raise ProfileError([f"{name}: {key}: {msg}" for key, msg in problems])

    order = list(doc.priority.order) + [dt for dt in enabled if dt not in doc.priority.order]
    order.sort(key=lambda dt: doc.priority.levels.get(dt, 99))
    return Profile(
        council_id=doc.council.id,
        name=doc.council.name,
        path=name,
        version=hashlib.sha256(raw_bytes).hexdigest()[:12],
        debt_types=tuple(enabled),
        calendar=WorkingCalendar(doc.calendar.extra_bank_holidays, doc.calendar.removed_bank_holidays),
        priority_levels=dict(doc.priority.levels),
        priority_order=tuple(order),
        delegations=tuple(doc.write_off.delegations),
        write_off_reasons=tuple(doc.write_off.reasons),
        text=text,
        _params=params,
    )


def _check_sections_of_raw(data: dict, debt_types: Mapping[str, DebtType], problems: list[tuple[str, str]]) -> None:
    """When the core sections are broken, still check each debt-type section that can be found, so no problem hides another."""
    sections = data.get("debt_types")
    if not isinstance(sections, dict):
        return
    for dt, section in sections.items():
        if dt in debt_types and isinstance(section, dict):
            _resolve_params(debt_types[dt], section, f"debt_types.{dt}", problems)


def _resolve_params(debt_type: DebtType, section: dict[str, Any], prefix: str, problems: list[tuple[str, str]]):
    """Validate the base section and each dated change; return (change dates, parameter versions)."""
    base = {k: v for k, v in section.items() if k != "changes"}
    changes = section.get("changes", [])
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        problems.append((f"{prefix}.changes", "must be an array of tables ([[...changes]])"))
        return None
    try:
        versions = [debt_type.params.model_validate(base)]
    except ValidationError as exc:
        problems.extend(_messages(exc, prefix))
        return None
    dates: list[date] = []
    merged = dict(base)
    ordered = sorted(enumerate(changes), key=lambda ic: str(ic[1].get("effective_from", "")))
    for index, change in ordered:
        key = f"{prefix}.changes[{index}]"
        when = change.get("effective_from")
        if not isinstance(when, date):
            problems.append((f"{key}.effective_from", "missing key or not a date (write effective_from = YYYY-MM-DD)"))
            continue
        if when in dates:
            problems.append((f"{key}.effective_from", f"two changes take effect on {when.isoformat()}"))
            continue
        merged.update({k: v for k, v in change.items() if k != "effective_from"})
        try:
            versions.append(debt_type.params.model_validate(merged))
        except ValidationError as exc:
            problems.extend(_messages(exc, key))
            continue
        dates.append(when)
    return tuple(dates), tuple(versions)


def check_profiles(paths: Iterable[str | Path], debt_types: Mapping[str, DebtType]) -> list[str]:
    """Every problem in every profile, as ``file: dotted.key: message`` lines."""
    problems: list[str] = []
    for path in paths:
        try:
            load_profile(path, debt_types)
        except ProfileError as exc:
            problems.extend(exc.problems)
    return problems
