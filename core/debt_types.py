"""What a plugin declares to add a debt type: id, label, ladder, parameters, import columns."""

from __future__ import annotations

import re
from string import Formatter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from .errors import PluginError
from .ladder import Guard, Ladder
from .money import MoneyError, parse_pounds
from .rules import DebtTypeRules

__all__ = ["Column", "DebtType", "DebtTypeRegistry", "Parameters", "ColumnError"]

_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_QUEUE = re.compile(r"^[a-z][a-z0-9_-]{1,59}$")


class Parameters(BaseModel):
    """Base for a debt type's profile parameters: unknown keys are refused, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnError(ValueError):
    """A CSV value that does not fit its column."""


@dataclass(frozen=True, slots=True)
class Column:
    """An import column a debt type adds to the accounts CSV.

    ``kind`` is one of ``text``, ``int``, ``date``, ``money`` (pounds and pence,
    stored as pence), ``bool`` or ``choice`` (one of ``choices``).
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""

    def parse(self, raw: str) -> Any:
        """The stored value for ``raw`` (dates as ISO text, money as pence), or raise ColumnError."""
        text = raw.strip()
        if not text:
            if self.required:
                raise ColumnError("is required")
            return None
        if self.kind == "text":
            return text
        if self.kind == "int":
            if not re.fullmatch(r"-?\d+", text):
                raise ColumnError(f"{text!r} is not a whole number")
            return int(text)
        if self.kind == "date":
            try:
                return date.fromisoformat(text).isoformat()
            except ValueError:
                raise ColumnError(f"{text!r} is not a date (YYYY-MM-DD)") from None
        if self.kind == "money":
            try:
                return parse_pounds(text)
            except MoneyError as exc:
                raise ColumnError(str(exc)) from None
        if self.kind == "bool":
            lowered = text.lower()
            if lowered in ("y", "yes", "true", "1"):
                return True
            if lowered in ("n", "no", "false", "0"):
                return False
            raise ColumnError(f"{text!r} is not yes or no")
        if self.kind == "choice":
            if text not in self.choices:
                raise ColumnError(f"{text!r} is not one of {', '.join(self.choices)}")
            return text
        raise ColumnError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class DebtType:
    """A kind of debt the platform recovers, as a plugin declares it.

    ``ladder`` is its stages and transitions as data and ``guards`` the
    functions its automatic transitions name; ``params`` is the
    :class:`Parameters` model for the debt type's section of a council profile;
    ``columns`` are the extra accounts-CSV columns; ``rules`` is what the debt
    type decides (billing, the nightly review, fees, officer actions, row
    checks: see :class:`arrears.DebtTypeRules`). ``version`` and ``plugin`` are
    filled in by the plugin host from the plugin's distribution.
    """

    id: str
    label: str
    ladder: Ladder
    params: type[Parameters] = Parameters
    columns: tuple[Column, ...] = ()
    guards: Mapping[str, Guard] | None = None
    description: str = ""
    rules: DebtTypeRules = field(default_factory=DebtTypeRules)
    version: str = "0"
    plugin: str = ""

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass
class DebtTypeRegistry:
    """Passed to ``register_debt_types``; validates each debt type as it arrives."""

    debt_types: dict[str, DebtType] = field(default_factory=dict)
    current_plugin: str = ""
    current_version: str = "0"
    on_error: Callable[[str, Exception], None] | None = None
    checks: tuple[Callable[[DebtType], None], ...] = ()
    """Further checks of each debt type (the host adds the core's); each raises :class:`PluginError`."""

    def __call__(self, debt_type: DebtType) -> None:
        self.add(debt_type)

    def add(self, debt_type: DebtType) -> None:
        """Register ``debt_type``; a bad id, a duplicate or an invalid ladder is a :class:`PluginError`."""
        if not isinstance(debt_type, DebtType):
            raise PluginError(f"plugin {self.current_plugin!r} registered {debt_type!r}, not a DebtType")
        if not _ID.match(debt_type.id):
            raise PluginError(f"debt type id {debt_type.id!r} must be lower-case letters, digits and _")
        if debt_type.id in self.debt_types:
            other = self.debt_types[debt_type.id].plugin
            raise PluginError(f"debt type {debt_type.id!r} registered by both {other!r} and {self.current_plugin!r}")
        if not (isinstance(debt_type.params, type) and issubclass(debt_type.params, Parameters)):
            raise PluginError(f"debt type {debt_type.id!r}: params must be a Parameters subclass")
        if not isinstance(debt_type.rules, DebtTypeRules):
            raise PluginError(f"debt type {debt_type.id!r}: rules must be an arrears.DebtTypeRules")
        debt_type.ladder.validate(debt_type.guards, owner=f"debt type {debt_type.id!r}")
        problems = rule_name_problems(debt_type) + reason_template_problems(debt_type) + queue_problems(debt_type)
        if problems:
            raise PluginError(f"plugin {self.current_plugin!r}, debt type {debt_type.id!r}: " + "; ".join(problems))
        for check in self.checks:
            check(debt_type)
        object.__setattr__(debt_type, "plugin", debt_type.plugin or self.current_plugin)
        object.__setattr__(debt_type, "version", self.current_version)
        self.debt_types[debt_type.id] = debt_type

    def as_mapping(self) -> Mapping[str, DebtType]:
        return dict(self.debt_types)



CORE_FACTS = frozenset({"stage", "stage_since", "balance", "balance_pence", "paid", "paid_pence", "due_from"})
"""The facts every automatic move records, which any reason template may name."""


def rule_name_problems(debt_type: DebtType) -> list[str]:
    """Rule names the debt type's fee table and move handlers use (``rules.rule_names``) that its ladder lacks."""
    known = {t.rule for t in debt_type.ladder.transitions}
    named = list(debt_type.rules.rule_names) + [r for r in debt_type.rules.reason_facts if r != "*"]
    return [f"rule {name!r} is named by its rules but is not a rule of its ladder" for name in named if name not in known]


def queue_problems(debt_type: DebtType) -> list[str]:
    """The debt type's own queues (under its default parameters) that name no open stage or clash with a name."""
    try:
        specs = list(debt_type.rules.queues(debt_type.params()))
    except Exception as exc:  # a broken plugin is reported, not raised from deep inside a screen
        return [f"its queues cannot be listed: {type(exc).__name__}: {exc}"]
    stages = {s.id: s for s in debt_type.ladder.stages}
    problems, seen = [], set()
    for spec in specs:
        if spec.name in stages or spec.name in seen or not _QUEUE.match(spec.name):
            problems.append(f"queue {spec.name!r} needs a unique name of lower-case letters, digits, - and _ that is no stage id")
        seen.add(spec.name)
        for stage in spec.stages:
            if stage not in stages or stages[stage].terminal:
                problems.append(f"queue {spec.name!r} names {stage!r}, which is not an open stage of its ladder")
        if spec.min_days < 0:
            problems.append(f"queue {spec.name!r} has min_days {spec.min_days}; give 0 or more")
    return problems


def reason_template_problems(debt_type: DebtType) -> list[str]:
    """Names in a transition's reason template that no fact of the move will fill (a typo would reach the letter)."""
    rules = debt_type.rules
    every = set(rules.reason_facts.get("*", ()))
    problems = []
    for t in debt_type.ladder.transitions:
        if not t.reason or t.kind != "auto":
            continue
        try:
            names = {name for _, name, _, _ in Formatter().parse(t.reason) if name}
        except ValueError as exc:
            problems.append(f"rule {t.rule!r}: the reason template cannot be read ({exc})")
            continue
        known = CORE_FACTS | every | set(rules.reason_facts.get(t.rule, ())) | set(t.uses)
        known |= {n[: -len("_pence")] for n in known if n.endswith("_pence")}
        for name in sorted(names - known):
            problems.append(f"rule {t.rule!r}: the reason names {{{name}}}, which is no fact of the move (the core's "
                            f"{', '.join(sorted(CORE_FACTS))}, the rule's uses, or the rules' reason_facts)")
    return problems
