"""Late Payment of Commercial Debts (Interest) Act 1998: fixed compensation and statutory interest (DOMAIN §3.2 stage 4b).

Compensation is fixed by the size of the debt (s5A; WE-38: £999.99 gives £40,
£1,000.00 gives £70, £10,000.00 gives £100). Statutory interest is simple
interest at the profile's margin (8%) over the reference rate: the base rate in
force on the 31 December or 30 June before the half-year in which the debt
became late, fixed for the life of the debt. Interest runs from the day after
the due date; it is charged with the letter before claim and topped up with a
county court claim. Pence are rounded half up, as :func:`arrears.percent_of`
rounds, on the principal still unpaid when charged (payments are taken as made
at the start of the period, so interest is never overcharged).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from arrears import Case, format_pence

from .dates import DAY, due_on, state_day


def compensation(debt_pence: int, bands) -> tuple[int, str]:
    """(compensation, the band in words) for a debt of ``debt_pence``: the last band whose ``from_pence`` it reaches."""
    index = 0
    for i, band in enumerate(bands):
        if debt_pence >= band.from_pence:
            index = i
    chosen = bands[index]
    if index + 1 == len(bands):
        words = f"debt of {format_pence(chosen.from_pence)} or more"
    elif chosen.from_pence == 0:
        words = f"debt under {format_pence(bands[index + 1].from_pence)}"
    else:
        words = f"debt {format_pence(chosen.from_pence)} to {format_pence(bands[index + 1].from_pence - 1)}"
    return chosen.amount_pence, words


def reference_day(late_from: date) -> date:
    """The day whose base rate fixes the interest: 31 December for a debt late in January-June, else 30 June."""
    if late_from.month <= 6:
        return date(late_from.year - 1, 12, 31)
    return date(late_from.year, 6, 30)


def base_rate_on(day: date, rates) -> Decimal:
    """The base rate in force on ``day`` (the table's first rate before it starts)."""
    found = rates[0].percent
    for row in rates:
        if row.effective_from > day:
            break
        found = row.percent
    return found


def statutory_interest(principal_pence: int, annual_percent: Decimal, days: int) -> int:
    """Simple interest on ``principal_pence`` for ``days`` days at ``annual_percent`` a year (365-day year), half up."""
    if principal_pence <= 0 or days <= 0:
        return 0
    amount = Decimal(principal_pence) * Decimal(annual_percent) * days / Decimal(36500)
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class LateCharges:
    """What the Act adds on a day: compensation (0 if charged before) and interest since it was last charged."""

    compensation_pence: int
    compensation_note: str
    interest_pence: int
    interest_note: str

    def as_facts(self) -> dict:
        return {"compensation_pence": self.compensation_pence, "compensation_note": self.compensation_note,
                "interest_pence": self.interest_pence, "interest_note": self.interest_note}

    def sentence(self) -> str:
        """The charges in a decision's reason ("" when none)."""
        parts = []
        if self.compensation_pence:
            parts.append(f"compensation {format_pence(self.compensation_pence)} ({self.compensation_note})")
        if self.interest_pence:
            parts.append(f"statutory interest {format_pence(self.interest_pence)} ({self.interest_note})")
        return f" Late Payment Act: {' and '.join(parts)} added." if parts else ""


def applies(case: Case, p) -> bool:
    """The profile charges under the Act and the debtor is of a kind it charges."""
    return p.late_payment_charges and case.debtor_kind in p.late_payment_debtor_kinds


def interest_rate(case: Case, p) -> tuple[Decimal, Decimal, date]:
    """(annual rate, reference base rate, reference day) for the case's debt."""
    ref_day = reference_day(due_on(case, p) + DAY)
    base = base_rate_on(ref_day, p.base_rates)
    return p.statutory_interest_margin + base, base, ref_day


def charges(case: Case, p, today: date, *, with_compensation: bool) -> LateCharges:
    """Compensation (once, when ``with_compensation`` and not charged before) and interest up to ``today``."""
    st = case.state
    comp, comp_note = 0, ""
    if with_compensation and "compensation_on" not in st:
        comp, comp_note = compensation(case.amount_pence, p.late_payment_compensation)
        comp_note += ", s5A"
    charged_to = state_day(st.get("interest_to")) or due_on(case, p)
    days = (today - charged_to).days
    principal = max(0, min(case.balance_pence, case.amount_pence - case.paid_pence))
    rate, base, ref_day = interest_rate(case, p)
    interest = statutory_interest(principal, rate, days)
    note = ""
    if interest:
        note = (f"{rate:.2f}% a year, {p.statutory_interest_margin}% over the {base}% base rate on {ref_day.isoformat()}, "
                f"on {format_pence(principal)} for {days} days from {(charged_to + DAY).isoformat()}")
    return LateCharges(comp, comp_note, interest, note)
