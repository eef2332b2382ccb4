"""Council profiles: TOML files that say which debt types a council runs and with which numbers.

A profile has a ``[council]`` identity, a ``[priority]`` table, a ``[write_off]``
delegation table (with optional consultations), an optional ``[calendar]``, and
one ``[debt_types.<id>]`` section per enabled debt type, validated by that debt
type's parameters model (unknown keys refused). A section may carry dated changes::

    [[debt_types.sundry.changes]]
    effective_from = 2026-04-01
    reminder_days = 10

A profile may start from another with ``extends = "rutland"`` (a bundled
council) or ``extends = "base.toml"`` (a file beside it); see
:mod:`arrears.profiles.inherit`. Every problem is reported as
``file: dotted.key: message``. A profile's version is the hash of its content
(for an extending profile, of the merged content, which is also its ``text``).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from ..debt_types import DebtType, Parameters
from ..errors import ProfileError
from .inherit import bundled_councils, council_profile_path, inherit, parent_path, parse_toml
from .sections import ImportsSection, PaymentPlansSection, QueuesSection, ServiceStandardsSection, VulnerabilitySection
from .schema import Consultation, Delegation, ParamVersions, validate_document
from ..statutory.working_days import WorkingCalendar

__all__ = ["Profile", "load_profile", "load_profile_bytes", "check_profiles", "council_profile_path", "bundled_councils"]


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
    _params: Mapping[str, ParamVersions] = field(repr=False)
    consultations: tuple[Consultation, ...] = ()
    document: Mapping[str, Any] = field(default_factory=dict, repr=False)
    extends: tuple[str, ...] = ()
    stage_levels: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    payment_plans: PaymentPlansSection = PaymentPlansSection()
    vulnerability: VulnerabilitySection = VulnerabilitySection()
    service_standards: ServiceStandardsSection = ServiceStandardsSection()
    imports: ImportsSection = ImportsSection()
    queues: QueuesSection = QueuesSection()

    def priority_of(self, debt_type_id: str, stage: str | None = None) -> int | None:
        """The priority level (1 first) of a case of ``debt_type_id`` at ``stage``: the stage's own level, else the type's."""
        level = self.stage_levels.get(debt_type_id, {}).get(stage) if stage is not None else None
        return level if level is not None else self.priority_levels.get(debt_type_id)

    def params(self, debt_type_id: str, on: date) -> Parameters:
        """The debt type's parameters in force on ``on`` (base values with every change dated on or before it)."""
        dates, versions = self._params[debt_type_id]
        return versions[bisect_right(dates, on)]

    def param_versions(self, debt_type_id: str) -> ParamVersions:
        return self._params[debt_type_id]

    def change_dates(self, debt_type_id: str) -> tuple[date, ...]:
        """The dates on which the debt type's parameters change, in order."""
        return self._params[debt_type_id][0] if debt_type_id in self._params else ()

    def authorities(self) -> list[str]:
        """Write-off authorities from the lowest to the highest."""
        return [d.authority for d in self.delegations]

    def consultation(self, reason: str, amount_pence: int) -> Consultation | None:
        """The first consultation a write-off of ``amount_pence`` for ``reason`` needs, if any."""
        for c in self.consultations:
            if (not c.reasons or reason in c.reasons) and amount_pence > c.above_pence:
                return c
        return None


def load_profile(path: str | Path, debt_types: Mapping[str, DebtType]) -> Profile:
    """Read and validate a profile against the installed debt types; raise :class:`ProfileError` with every problem."""
    return _load_path(Path(path), debt_types, ())


def load_profile_bytes(raw_bytes: bytes, name: str, debt_types: Mapping[str, DebtType]) -> Profile:
    """Validate a profile's content; ``name`` is the file it came from, for messages and relative ``extends``."""
    return _load(raw_bytes, name, debt_types, ())


def _load_path(path: Path, debt_types: Mapping[str, DebtType], seen: tuple[Path, ...]) -> Profile:
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise ProfileError([f"{path}: (file): cannot read: {exc.strerror or exc}"]) from None
    return _load(raw_bytes, str(path), debt_types, seen)


def _load(raw_bytes: bytes, name: str, debt_types: Mapping[str, DebtType], seen: tuple[Path, ...]) -> Profile:
    text, data = parse_toml(raw_bytes, name)
    chain: tuple[str, ...] = ()
    if "extends" in data:
        data, chain = _with_parent(data, name, debt_types, seen)
        text = tomli_w.dumps(data)
        raw_bytes = text.encode("utf-8")

    doc, params, problems = validate_document(data, debt_types)
    if problems:
        raise ProfileError([f"{name}: {key}: {msg}" for key, msg in problems])

    enabled = doc.council.debt_types
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
        consultations=tuple(doc.write_off.consultations),
        document=data,
        extends=chain,
        stage_levels={dt: dict(levels) for dt, levels in doc.priority.stage_levels.items()},
        payment_plans=doc.payment_plans,
        vulnerability=doc.vulnerability,
        service_standards=doc.service_standards,
        imports=doc.imports,
        queues=doc.queues,
    )


def _with_parent(data: dict, name: str, debt_types: Mapping[str, DebtType], seen: tuple[Path, ...]):
    """The profile merged over the one it extends, and the chain of parent files; refuse cycles and bad parents."""
    reference = data.pop("extends")
    here = Path(name).resolve()
    path = parent_path(reference, name)
    if path.resolve() in seen + (here,):
        loop = " -> ".join(str(p) for p in seen + (here, path.resolve()))
        raise ProfileError([f"{name}: extends: {reference!r} makes a cycle ({loop})"])
    try:
        parent = _load_path(path, debt_types, seen + (here,))
    except ProfileError as exc:
        raise ProfileError(exc.problems + [f"{name}: extends: the profile it extends, {path}, is rejected (see above)"]) from None
    return inherit(dict(parent.document), data), (str(path),) + parent.extends


def check_profiles(paths: Iterable[str | Path], debt_types: Mapping[str, DebtType]) -> list[str]:
    """Every problem in every profile, as ``file: dotted.key: message`` lines."""
    problems: list[str] = []
    for path in paths:
        try:
            load_profile(path, debt_types)
        except ProfileError as exc:
            problems.extend(exc.problems)
    return problems
