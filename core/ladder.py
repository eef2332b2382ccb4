"""Stage ladders as data: stages, transitions and their graph checks (the evaluator is :class:`arrears.LadderReview`).

A debt type declares its ladder as a table. A council's profile changes the
numbers the guards read (days, thresholds, which optional steps are on), never
the graph. :meth:`Ladder.validate` rejects unreachable stages, dead ends,
transitions out of terminal stages and guards the debt type does not provide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from string import Formatter
from datetime import date
from typing import Any

from .cases import Action, Case
from .errors import InvalidLadder
from .money import format_pence

__all__ = ["Stage", "Transition", "Ladder", "Guard", "ANY", "STAY", "cleared", "render_reason"]

ANY = "*"
STAY = "="
"""Target of an officer action that records a fact and leaves the case in its stage (its stage clock keeps running)."""
Guard = Callable[[Case, Any], "date | None"]
"""A guard ``(case, context)`` answers: from which date may this transition fire on the case's facts? None: not on these facts."""


def cleared(case: Case, context: Any) -> date | None:
    """Guard shared by every ladder: the account was charged and nothing is left to pay."""
    if case.charged_pence > 0 and case.balance_pence <= 0:
        return case.today
    return None


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage of a ladder. Terminal stages (paid, written off) end the recovery.

    ``officer_decides``: the case waits here for an officer's decision (its way on is an officer action,
    not a date or a payment); such cases make up the officers' "decisions" queue.
    """

    id: str
    label: str
    terminal: bool = False
    description: str = ""
    officer_decides: bool = False


@dataclass(frozen=True, slots=True)
class Transition:
    """An edge of the ladder.

    ``kind`` is ``auto`` (the nightly run fires it when its guard's date arrives)
    or ``action`` (an officer records it). ``source`` may be :data:`ANY` for
    every non-terminal stage; an action's ``target`` may be :data:`STAY` (it
    records a fact without moving the case). ``when`` names a boolean profile
    parameter that switches an optional step on. ``uses`` names the parameters recorded as
    facts with each decision; ``reason`` is a template over those facts. An action's
    ``fields`` must be given by the officer; its ``optional_fields`` may be.
    """

    rule: str
    source: str
    target: str
    kind: str = "auto"
    guard: str | None = None
    reason: str = ""
    uses: tuple[str, ...] = ()
    when: str | None = None
    fields: tuple[str, ...] = ()
    optional_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ladder:
    """The stages and transitions of a debt type; the first stage is where a case starts."""

    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    _by_id: dict[str, Stage] = field(init=False, repr=False, compare=False)
    _auto: dict[str, tuple[Transition, ...]] = field(init=False, repr=False, compare=False)
    _allowed: frozenset = field(init=False, repr=False, compare=False)
    _terminal: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.stages})
        auto: dict[str, tuple[Transition, ...]] = {}
        for stage in self.stages:
            if not stage.terminal:
                auto[stage.id] = tuple(
                    t for t in self.transitions if t.kind == "auto" and t.source in (stage.id, ANY)
                )
        object.__setattr__(self, "_auto", auto)
        allowed = set()
        for t in self.transitions:
            sources = [st.id for st in self.stages if not st.terminal] if t.source == ANY else [t.source]
            allowed.update(
                (src, t.rule, src if t.target == STAY else t.target)
                for src in sources if not self._by_id.get(src, Stage(src, src)).terminal
            )
        object.__setattr__(self, "_allowed", frozenset(allowed))
        object.__setattr__(self, "_terminal", frozenset(st.id for st in self.stages if st.terminal))

    def allows(self, stage_id: str, rule: str, target: str) -> bool:
        """True when ``rule`` is a transition from ``stage_id`` to ``target``."""
        return (stage_id, rule, target) in self._allowed

    @property
    def initial(self) -> str:
        return self.stages[0].id

    def stage(self, stage_id: str) -> Stage:
        return self._by_id[stage_id]

    def get(self, stage_id: str) -> Stage | None:
        """The stage ``stage_id``, or None when the ladder has none (a stage a newer version removed)."""
        return self._by_id.get(stage_id)

    def is_terminal(self, stage_id: str) -> bool:
        return stage_id in self._terminal

    def outgoing(self, stage_id: str) -> list[Transition]:
        """Every transition that may leave ``stage_id``, in declared order."""
        if self.is_terminal(stage_id):
            return []
        return [t for t in self.transitions if t.source in (stage_id, ANY)]

    def actions(self, stage_id: str) -> list[Action]:
        """Officer actions the stage allows (``to_stage`` None: the action leaves the case where it is)."""
        return [
            Action(t.rule, None if t.target == STAY else t.target, t.reason, t.fields, t.optional_fields)
            for t in self.outgoing(stage_id)
            if t.kind == "action"
        ]

    def validate(self, guards: Mapping[str, Guard] | None, *, owner: str = "ladder") -> None:
        """Check the graph; raise :class:`InvalidLadder` naming every problem."""
        problems: list[str] = []
        ids = [s.id for s in self.stages]
        if not ids:
            raise InvalidLadder(f"{owner}: the ladder has no stages")
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"stage {dup!r} is declared twice")
        rules = [t.rule for t in self.transitions]
        for dup in sorted({r for r in rules if rules.count(r) > 1}):
            problems.append(f"rule {dup!r} is declared twice")
        known = set(ids)
        for t in self.transitions:
            if t.source != ANY and t.source not in known:
                problems.append(f"rule {t.rule!r} leaves unknown stage {t.source!r}")
            if t.target == STAY:
                if t.kind != "action":
                    problems.append(f"automatic rule {t.rule!r} must move the case (only an officer action may stay)")
            elif t.target not in known:
                problems.append(f"rule {t.rule!r} leads to unknown stage {t.target!r}")
            if t.source != ANY and t.source in known and self._by_id[t.source].terminal:
                problems.append(f"rule {t.rule!r} leaves terminal stage {t.source!r}")
            if t.kind not in ("auto", "action"):
                problems.append(f"rule {t.rule!r} has unknown kind {t.kind!r}")
            if t.kind == "auto" and not t.guard:
                problems.append(f"automatic rule {t.rule!r} has no guard")
            if t.optional_fields and t.kind != "action":
                problems.append(f"automatic rule {t.rule!r} has optional fields (only an officer action takes fields)")
            for twice in sorted(set(t.fields) & set(t.optional_fields)):
                problems.append(f"rule {t.rule!r} names field {twice!r} both required and optional")
            if guards is not None and t.guard and t.guard not in guards:
                problems.append(f"rule {t.rule!r} uses unknown guard {t.guard!r}")
        reachable = {ids[0]}
        changed = True
        while changed:
            changed = False
            for t in self.transitions:
                if t.target in reachable or t.target not in self._by_id:
                    continue
                if (t.source == ANY and any(not self._by_id[s].terminal for s in reachable)) or t.source in reachable:
                    reachable.add(t.target)
                    changed = True
        for stage in self.stages:
            if stage.id not in reachable:
                problems.append(f"stage {stage.id!r} cannot be reached from {ids[0]!r}")
            if not stage.terminal and not any(t.target != STAY for t in self.outgoing(stage.id)):
                problems.append(f"stage {stage.id!r} is a dead end (not terminal, no way out)")
            if stage.officer_decides and not any(a.to_stage for a in self.actions(stage.id)):
                problems.append(f"stage {stage.id!r} waits for an officer's decision but no officer action moves it")
        if problems:
            raise InvalidLadder(f"{owner}: " + "; ".join(problems))


@lru_cache(maxsize=512)
def _fields(template: str) -> tuple[str, ...]:
    try:
        return tuple(name for _, name, _, _ in Formatter().parse(template) if name)
    except ValueError:
        return ()


def render_reason(template: str, facts: dict[str, Any]) -> str:
    """Fill a reason template from the facts; ``{balance}`` shows ``balance_pence`` as pounds; an unknown name stays as written."""
    values = {}
    for name in _fields(template):
        if name in facts:
            values[name] = facts[name]
        elif isinstance(facts.get(f"{name}_pence"), int):
            values[name] = format_pence(facts[f"{name}_pence"])
        else:
            values[name] = "{" + name + "}"
    try:
        return template.format(**values)
    except (IndexError, ValueError):
        return template
