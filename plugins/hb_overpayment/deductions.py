"""How much each recovery method may take: the reg 102 weekly maximum, DWP deductions, the DEA table, court fees.

Every function takes the figures from the parameters in force and returns a
:class:`Deduction`: the amount in pence, the facts it was computed from (for the
decision record) and a sentence saying how. Percentages go through
:func:`arrears.percent_of` (half up to the penny) unless a rule says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from arrears import format_pence, percent_of

__all__ = [
    "Deduction", "in_force", "hb_unit", "hb_weekly_maximum", "uc_deduction", "legacy_benefit_deduction",
    "dwp_deduction", "dea_deduction", "claim_issue_fee", "normalise_benefit",
]


@dataclass(frozen=True, slots=True)
class Deduction:
    """An amount a method may take, the facts behind it, and how it was reached."""

    pence: int
    facts: dict[str, Any] = field(default_factory=dict)
    how: str = ""


def in_force(rows, on: date, name: str = "table"):
    """The row of a dated table (ordered by ``effective_from``) in force on ``on``; LookupError before the first."""
    found = None
    for row in rows:
        if row.effective_from <= on:
            found = row
        else:
            break
    if found is None:
        first = rows[0].effective_from.isoformat() if rows else "none"
        raise LookupError(f"{name} has no row in force on {on.isoformat()} (first row from {first}); add one to the profile")
    return found


def hb_unit(allowance_pence: int, percent: int = 5, round_up_pence: int = 5) -> int:
    """``percent``% of the weekly personal allowance rounded up to the next ``round_up_pence`` (reg 102(2)): £90.50 gives 455."""
    if allowance_pence < 0:
        raise ValueError("the personal allowance cannot be negative")
    step = 100 * round_up_pence
    return -(-allowance_pence * percent // step) * round_up_pence


def hb_weekly_maximum(params, on: date, *, fraud: bool, disregard_pence: int = 0) -> Deduction:
    """The most that may be deducted each week from ongoing HB on ``on`` (reg 102(2)-(3); DOMAIN §4.1, WE-20).

    Standard: 3 units; fraud: 5 units; a unit is 5% of the single 25+ personal
    allowance in force, rounded up to 5p. Plus up to half of any earnings
    disregard applied in the HB assessment (half rounded down to the penny).
    """
    if disregard_pence < 0:
        raise ValueError("an earnings disregard cannot be negative")
    row = in_force(params.hb_personal_allowance, on, "hb_personal_allowance")
    unit = hb_unit(row.pence, params.hb_unit_percent, params.hb_unit_round_up_pence)
    units = params.hb_fraud_units if fraud else params.hb_standard_units
    share = disregard_pence * params.disregard_share_percent // 100
    amount = units * unit + share
    rate = "fraud" if fraud else "standard"
    how = (f"{rate} rate {units} × {format_pence(unit)} ({params.hb_unit_percent}% of the {format_pence(row.pence)} "
           f"personal allowance in force from {row.effective_from.isoformat()}, rounded up to "
           f"{params.hb_unit_round_up_pence}p) = {format_pence(units * unit)}")
    if share:
        how += (f", plus {params.disregard_share_percent}% of the {format_pence(disregard_pence)} earnings disregard "
                f"= {format_pence(share)}")
    facts = {"weekly_maximum_pence": amount, "rate": rate, "personal_allowance_pence": row.pence,
             "allowance_from": row.effective_from.isoformat(), "unit_pence": unit, "units": units,
             "disregard_pence": disregard_pence, "disregard_share_pence": share}
    return Deduction(amount, facts, f"{format_pence(amount)} a week: {how} (reg 102)")


def normalise_benefit(name: str | None) -> str:
    """A benefit's name as the profile lists it: ``Universal Credit`` becomes ``universal_credit``."""
    return (name or "").strip().lower().replace(" ", "_").replace("'", "").replace("-", "_")


def uc_deduction(params, on: date, *, fraud: bool, has_earnings: bool) -> Deduction:
    """The monthly deduction from Universal Credit for an HB overpayment on ``on`` (SI 2013/384 reg 11; WE-22).

    15% of the single 25+ standard allowance in force (25% with earnings, 40%
    for fraud), within the overall deductions cap in force (15% from 30 April
    2025); the cap limits the fraud rate only when the profile says so.
    """
    allowance = in_force(params.uc_standard_allowance, on, "uc_standard_allowance")
    cap = in_force(params.uc_deductions_cap, on, "uc_deductions_cap")
    if fraud:
        percent, basis = params.uc_fraud_percent, "fraud rate"
    elif has_earnings:
        percent, basis = params.uc_earnings_percent, "rate with earnings"
    else:
        percent, basis = params.uc_standard_percent, "standard rate"
    rate_pence = percent_of(allowance.pence, percent)
    cap_pence = percent_of(allowance.pence, cap.percent)
    capped = (not fraud or params.uc_cap_applies_to_fraud) and cap_pence < rate_pence
    amount = cap_pence if capped else rate_pence
    how = (f"{format_pence(amount)} a month: {basis} {percent}% of the {format_pence(allowance.pence)} UC standard "
           f"allowance = {format_pence(rate_pence)}")
    how += (f", held to the overall cap of {cap.percent}% in force from {cap.effective_from.isoformat()} = "
            f"{format_pence(cap_pence)}" if capped else f" (overall cap {cap.percent}% = {format_pence(cap_pence)})")
    facts = {"monthly_deduction_pence": amount, "uc_standard_allowance_pence": allowance.pence, "rate_percent": str(percent),
             "rate_pence": rate_pence, "cap_percent": str(cap.percent), "cap_pence": cap_pence, "capped": capped}
    return Deduction(amount, facts, how)


def legacy_benefit_deduction(params, on: date, *, benefit: str, fraud: bool) -> Deduction:
    """The weekly deduction from a legacy benefit (JSA, ESA, IS, PC): the reg 102 units without the disregard [L]."""
    weekly = hb_weekly_maximum(params, on, fraud=fraud)
    facts = dict(weekly.facts)
    facts["weekly_deduction_pence"] = facts.pop("weekly_maximum_pence")
    how = weekly.how.replace("(reg 102)", f"from {benefit} (SI 2013/384 reg 11, at the reg 102 units)")
    return Deduction(weekly.pence, facts, how)


def dwp_deduction(params, on: date, *, benefit: str, fraud: bool, has_earnings: bool) -> Deduction:
    """The DWP deduction for ``benefit`` (a name from ``dwp_benefits``): monthly from UC, weekly from the others."""
    if normalise_benefit(benefit) == "universal_credit":
        return uc_deduction(params, on, fraud=fraud, has_earnings=has_earnings)
    return legacy_benefit_deduction(params, on, benefit=normalise_benefit(benefit), fraud=fraud)


def dea_deduction(net_pence: int, period: str, table, *, other_attachments_pence: int = 0) -> Deduction:
    """The DEA an employer takes from ``net_pence`` of net earnings for a ``weekly`` or ``monthly`` pay period.

    The band's percentage applies to the whole net earnings (DOMAIN §4.1 table);
    all attachments together may not take more than ``cap_percent`` (40%: 60%
    of net earnings is protected), so the deduction is held to the cap less
    ``other_attachments_pence`` already taken.
    """
    if period not in ("weekly", "monthly"):
        raise ValueError(f"pay period {period!r} is not weekly or monthly")
    if net_pence < 0 or other_attachments_pence < 0:
        raise ValueError("net earnings and other attachments cannot be negative")
    bands = table.weekly if period == "weekly" else table.monthly
    percent = next((rate for limit, rate in bands if net_pence <= limit), table.top_percent)
    by_table = percent_of(net_pence, percent)
    room = max(0, percent_of(net_pence, table.cap_percent) - other_attachments_pence)
    amount = min(by_table, room)
    how = f"{format_pence(amount)} a {period[:-2]}: {percent}% of {format_pence(net_pence)} net earnings"
    if amount < by_table:
        how += (f" ({format_pence(by_table)}) held to the {table.cap_percent}% protection limit less "
                f"{format_pence(other_attachments_pence)} of other attachments")
    facts = {"dea_pence": amount, "net_earnings_pence": net_pence, "pay_period": period, "dea_percent": str(percent),
             "by_table_pence": by_table, "other_attachments_pence": other_attachments_pence,
             "employer_fee_pence": table.employer_fee_pence}
    return Deduction(amount, facts, how)


def claim_issue_fee(claim_pence: int, fees) -> Deduction:
    """The County Court money-claim issue fee for a claim of ``claim_pence`` (DOMAIN §7.4)."""
    if claim_pence <= 0:
        raise ValueError("a claim must be for more than nothing")
    for limit, fee in fees.bands:
        if claim_pence <= limit:
            how = f"issue fee {format_pence(fee)} for a claim of {format_pence(claim_pence)} (up to {format_pence(limit)})"
            return Deduction(fee, {"claim_pence": claim_pence, "fee_pence": fee}, how)
    if claim_pence <= fees.percent_up_to_pence:
        exact = Decimal(claim_pence) * fees.percent / 100
        fee = int(exact.quantize(Decimal(1), rounding=ROUND_DOWN))
        how = f"issue fee {fees.percent}% of {format_pence(claim_pence)}, rounded down = {format_pence(fee)}"
    else:
        fee = fees.max_pence
        how = f"issue fee {format_pence(fee)} for a claim over {format_pence(fees.percent_up_to_pence)}"
    return Deduction(fee, {"claim_pence": claim_pence, "fee_pence": fee}, how)
