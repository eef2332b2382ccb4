"""The nightly review most debt types share: fire the first automatic transition that is due, say why, say when to look again.

A debt type gives its ladder and guards, and may add what it records
(``observe``: facts that must be taken on a particular day, kept in the case's
state), what a move's reason names (``on_move``), which automatic transitions
its parameters make possible (``auto``), and a last say on the next review
(``adjust``: e.g. the last day of a window on which compliance is judged).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .cases import Case, Move, Outcome
from .ladder import Guard, Ladder, Transition, render_reason

__all__ = ["LadderReview"]

DAY = timedelta(days=1)
Auto = Mapping[str, tuple[Transition, ...]]


def _plain(value: Any) -> Any:
    """A parameter as a decision fact: dates as ISO text, exact decimals as text."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if isinstance(value, Decimal) else value


class LadderReview:
    """Reviews cases of one debt type: ``review(case, context)`` answers an :class:`Outcome` for the case's day.

    * ``on_move(case, context, rule, state) -> dict``: the facts the move's reason names (it may update ``state``);
    * ``observe(case, context, state) -> bool``: record today's facts in ``state``; True when it changed;
    * ``auto(params) -> {stage: transitions}``: the automatic transitions the parameters make possible, in order
      (default: the ladder's, less those whose ``when`` parameter is off);
    * ``adjust(case, context, next_review) -> date | None``: the debt type's last say on when to look again.

    A move's facts are the stage left, the balance, what was paid, the day the
    rule fell due, every parameter the rule ``uses`` and what ``on_move`` adds.
    After a move, the case is looked at again tomorrow if another rule would
    already fire, else on the first day one could.
    """

    def __init__(
        self, ladder: Ladder, guards: Mapping[str, Guard], *,
        on_move: Callable[[Case, Any, str, dict], dict] | None = None,
        observe: Callable[[Case, Any, dict], bool] | None = None,
        auto: Callable[[Any], Auto] | None = None,
        adjust: Callable[[Case, Any, date | None], date | None] | None = None,
    ) -> None:
        self.ladder = ladder
        self.guards = guards
        self.on_move = on_move
        self.observe = observe
        self.adjust = adjust
        every = {s.id: tuple(t for t in ladder.outgoing(s.id) if t.kind == "auto") for s in ladder.stages if not s.terminal}
        self._auto = auto or self._when(every)
        self._last: tuple[Any, Auto] = (None, every)

    @staticmethod
    def _when(every: Mapping[str, tuple[Transition, ...]]) -> Callable[[Any], Auto]:
        def possible(params: Any) -> Auto:
            return {s: tuple(t for t in ts if not t.when or getattr(params, t.when)) for s, ts in every.items()}
        return possible

    def transitions(self, params: Any) -> Auto:
        """The automatic transitions of each stage under ``params`` (worked out once per parameters)."""
        last = self._last
        if last[0] is not params:
            last = self._last = (params, self._auto(params))
        return last[1]

    def first_due(self, case: Case, context: Any) -> tuple[Transition | None, date | None]:
        """The first automatic transition whose guard's date has come (with that date), else (None, the earliest to come)."""
        earliest = None
        today, guards = case.today, self.guards
        for t in self.transitions(context.params).get(case.stage, ()):
            due = guards[t.guard](case, context)
            if due is None:
                continue
            if due <= today:
                return t, due
            if earliest is None or due < earliest:
                earliest = due
        return None, earliest

    def review(self, case: Case, context: Any) -> Outcome:
        """One case's decision today: the move (if any), the next review date, the new state (if changed)."""
        st = case.state
        changed = self.observe(case, context, st) if self.observe is not None else False
        t, due = self.first_due(case, context)
        adjust = self.adjust
        if t is None:
            return Outcome(None, adjust(case, context, due) if adjust else due, st if changed else None)
        p, today = context.params, case.today
        facts = {
            "stage": case.stage, "stage_since": case.stage_since.isoformat(), "balance_pence": case.balance_pence,
            "paid_pence": case.paid_pence, "due_from": due.isoformat(),
        }
        for name in t.uses:
            facts[name] = _plain(getattr(p, name))
        if self.on_move is not None:
            facts.update(self.on_move(case, context, t.rule, st))
        move = Move(t.target, t.rule, render_reason(t.reason, facts), facts)
        if self.ladder.is_terminal(t.target):
            return Outcome(move, None, st)
        stage, since = case.stage, case.stage_since
        case.stage, case.stage_since = t.target, today
        try:
            follow, nxt = self.first_due(case, context)
            if follow is not None:
                nxt = today + DAY
            elif adjust is not None:
                nxt = adjust(case, context, nxt)
        finally:
            case.stage, case.stage_since = stage, since
        return Outcome(move, nxt, st)

    def progress(self, context: Any, cases: list[Case]) -> list[Outcome]:
        """The review of every case in a chunk (the ``progress_cases`` hook's answer)."""
        review = self.review
        return [review(case, context) for case in cases]
