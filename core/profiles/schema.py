"""The sections of a council profile and their validation, every problem as (dotted key, message)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..debt_types import DebtType, Parameters
from .sections import ImportsSection, PaymentPlansSection, QueuesSection, ServiceStandardsSection, VulnerabilitySection

__all__ = [
    "CouncilSection", "CalendarSection", "PrioritySection", "Delegation", "Consultation", "WriteOffSection",
    "Document", "ParamVersions", "validate_document",
]

Problems = list[tuple[str, str]]
ParamVersions = tuple[tuple[date, ...], tuple[Parameters, ...]]


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
    """Each debt type's level (1 first); ``stage_levels`` gives a stage its own level, weighing the stage reached."""

    levels: dict[str, int]
    order: list[str] = []
    stage_levels: dict[str, dict[str, int]] = {}


class Delegation(_Strict):
    authority: str
    up_to_pence: int | None = Field(default=None, ge=0)


class Consultation(_Strict):
    """Write-offs the council must consult on before they are approved (DOMAIN §9; Reading, WE-29).

    A write-off for one of ``reasons`` (every reason when empty) of more than
    ``above_pence`` needs ``consult`` consulted first; then one of ``approvers``
    approves it (or an authority ranked above every approver in the
    delegations). With no approvers the delegations alone decide who approves.
    """

    reasons: list[str] = []
    above_pence: int = Field(ge=0)
    consult: str = Field(min_length=1, pattern=r"^\S+$")
    approvers: list[str] = []


class WriteOffSection(_Strict):
    reasons: list[str] = Field(min_length=1)
    delegations: list[Delegation] = Field(min_length=1)
    consultations: list[Consultation] = []


class Document(_Strict):
    council: CouncilSection
    calendar: CalendarSection = CalendarSection()
    priority: PrioritySection
    write_off: WriteOffSection
    payment_plans: PaymentPlansSection = PaymentPlansSection()
    vulnerability: VulnerabilitySection = VulnerabilitySection()
    service_standards: ServiceStandardsSection = ServiceStandardsSection()
    imports: ImportsSection = ImportsSection()
    queues: QueuesSection = QueuesSection()
    debt_types: dict[str, dict[str, Any]] = {}


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


def _messages(exc: ValidationError, prefix: str = "") -> Problems:
    out = []
    for err in exc.errors():
        loc = list(err["loc"])
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif err["type"] == "missing":
            msg = "missing" + (" section" if prefix == "" and len(loc) == 1 else " key")
        else:
            msg = err["msg"][0].lower() + err["msg"][1:]
            if "input" in err:
                msg += f" (got {err['input']!r})"
        out.append((_dotted(loc, prefix), msg))
    return out


def validate_document(
    data: dict, debt_types: Mapping[str, DebtType]
) -> tuple[Document | None, dict[str, ParamVersions], Problems]:
    """Validate a parsed profile: the document, each enabled debt type's parameter versions, every problem."""
    problems: Problems = []
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        problems.extend(_messages(exc))
        _check_sections_of_raw(data, debt_types, problems)
        return None, {}, problems
    _cross_check(doc, debt_types, problems)
    params: dict[str, ParamVersions] = {}
    for dt in doc.council.debt_types:
        if dt in debt_types and dt in doc.debt_types:
            resolved = resolve_params(debt_types[dt], doc.debt_types[dt], f"debt_types.{dt}", problems)
            if resolved is not None:
                params[dt] = resolved
    return doc, params, problems


def _cross_check(doc: Document, debt_types: Mapping[str, DebtType], problems: Problems) -> None:
    """What one section says about another: enabled debt types, priorities, delegations, consultations."""
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
    for dt, stages in doc.priority.stage_levels.items():
        if dt not in enabled:
            problems.append((f"priority.stage_levels.{dt}", "not an enabled debt type"))
        elif dt in debt_types:
            known = {s.id for s in debt_types[dt].ladder.stages}
            for stage in stages:
                if stage not in known:
                    problems.append((f"priority.stage_levels.{dt}.{stage}", f"not a stage of {dt} (stages: {', '.join(sorted(known))})"))
    plans = doc.payment_plans
    for key, types in (("max_months_by_debt_type", list(plans.max_months_by_debt_type)), ("not_for_debt_types", plans.not_for_debt_types)):
        for dt in types:
            if dt not in enabled:
                problems.append((f"payment_plans.{key}.{dt}" if key.startswith("max") else f"payment_plans.{key}", f"{dt!r} is not an enabled debt type"))
    for i, d in enumerate(doc.write_off.delegations[:-1]):
        if d.up_to_pence is None:
            problems.append((f"write_off.delegations[{i}].up_to_pence", "missing key: only the last delegation may be unlimited"))
    for i, c in enumerate(doc.write_off.consultations):
        for j, reason in enumerate(c.reasons):
            if reason not in doc.write_off.reasons:
                problems.append((f"write_off.consultations[{i}].reasons[{j}]", f"{reason!r} is not one of write_off.reasons"))


def _check_sections_of_raw(data: dict, debt_types: Mapping[str, DebtType], problems: Problems) -> None:
    """When the core sections are broken, still check each debt-type section that can be found, so no problem hides another."""
    sections = data.get("debt_types")
    if not isinstance(sections, dict):
        return
    for dt, section in sections.items():
        if dt in debt_types and isinstance(section, dict):
            resolve_params(debt_types[dt], section, f"debt_types.{dt}", problems)


def resolve_params(debt_type: DebtType, section: dict[str, Any], prefix: str, problems: Problems) -> ParamVersions | None:
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
