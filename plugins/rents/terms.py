"""Repayment terms: an agreement, or a suspended or postponed order, to pay the rent plus an instalment each period.

Terms made on day M cover each rent period that begins after M: by the end of
the k-th such period the tenant must have paid k times (rent + instalment)
since the terms were made. The first period whose sum is not met is a missed
payment, established ``terms_grace_days`` after that period ends; payments
made earlier in advance count towards later periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from arrears import Case

from .periods import RentPeriods

__all__ = ["make_terms", "Shortfall", "shortfall"]

DAY = timedelta(days=1)


def make_terms(case: Case, kind: str, instalment_pence: int) -> dict:
    """The terms as the case's state keeps them, made today."""
    return {
        "kind": kind, "made_on": case.today.isoformat(), "instalment_pence": instalment_pence,
        "rent_pence": case.amount_pence, "paid_before_pence": case.paid_pence,
    }


@dataclass(frozen=True, slots=True)
class Shortfall:
    """The first missed payment under the terms: established on ``on``, after ``periods_due`` periods ending ``period_end``."""

    on: date
    period_end: date
    periods_due: int
    due_pence: int
    paid_since_pence: int

    def facts(self, terms: dict) -> dict:
        return {
            "terms_made_on": terms["made_on"], "instalment_pence": terms["instalment_pence"],
            "rent_pence": terms["rent_pence"], "period_end": self.period_end.isoformat(),
            "periods_due": self.periods_due, "due_pence": self.due_pence, "paid_since_pence": self.paid_since_pence,
            "short_pence": self.due_pence - self.paid_since_pence,
        }


def shortfall(case: Case, terms: dict, periods: RentPeriods, grace_days: int) -> Shortfall:
    """When the terms will be (or were) first broken if nothing more is paid."""
    per_period = terms["rent_pence"] + terms["instalment_pence"]
    paid = max(0, case.paid_pence - terms["paid_before_pence"])
    k = paid // per_period + 1
    first = periods.after(date.fromisoformat(terms["made_on"]))
    end = periods.end_of(periods.shift(first, k - 1))
    return Shortfall(end + timedelta(days=grace_days + 1), end, k, k * per_period, paid)
