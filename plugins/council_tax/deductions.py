"""What an attachment of earnings or a deduction from benefit takes: the Sch 4 table, the DWP's percentage.

An officer may give the debtor's net earnings and pay period with an
attachment of earnings, or the Universal Credit standard allowance with an
application for deductions; the deduction is then worked out and recorded with
the move (DOMAIN §1.2 stages 10a-10b, §1.3, WE-22). Both are optional: the
order or application stands without them.
"""

from __future__ import annotations

from decimal import Decimal

from arrears import format_pence, parse_pounds, percent_of

# CT Regs Sch 4 (orders from 1 April 2007), DOMAIN §1.3 [H]: (net earnings up to, per cent of net earnings);
# above the last band, the last rate on the last limit plus 50% of the rest.
AEO_TABLES: dict[str, tuple[tuple[int, int], ...]] = {
    "weekly": ((7500, 0), (13500, 3), (18500, 5), (22500, 7), (35500, 12), (50500, 17)),
    "monthly": ((30000, 0), (55000, 3), (74000, 5), (90000, 7), (142000, 12), (202000, 17)),
    "daily": ((1100, 0), (2000, 3), (2700, 5), (3300, 7), (5200, 12), (7200, 17)),
}
AEO_TOP_RATE = Decimal(50)
PER = {"weekly": "a week", "monthly": "a month", "daily": "a day"}
UNIVERSAL_CREDIT = "universal_credit"


def aeo_deduction(net_pence: int, period: str = "weekly") -> int:
    """The Sch 4 deduction from ``net_pence`` of net earnings for a ``weekly``, ``monthly`` or ``daily`` pay period.

    Within a band the band's percentage applies to the whole net earnings;
    above the top band, 17% of the top limit plus 50% of the excess. Pence are
    rounded half up (:func:`arrears.percent_of`).
    """
    bands = _bands(period, net_pence)
    for limit, rate in bands:
        if net_pence <= limit:
            return percent_of(net_pence, rate)
    top, rate = bands[-1]
    return percent_of(top, rate) + percent_of(net_pence - top, AEO_TOP_RATE)


def aeo_how(net_pence: int, period: str) -> str:
    """How the Sch 4 table gives the deduction, e.g. ``12% of £300.00`` or ``17% of £505.00 + 50% of £95.00 above``."""
    bands = _bands(period, net_pence)
    for limit, rate in bands:
        if net_pence <= limit:
            return f"{rate}% of {format_pence(net_pence)}"
    top, rate = bands[-1]
    return f"{rate}% of {format_pence(top)} + {AEO_TOP_RATE}% of {format_pence(net_pence - top)} above"


def _bands(period: str, net_pence: int) -> tuple[tuple[int, int], ...]:
    try:
        bands = AEO_TABLES[period]
    except KeyError:
        raise ValueError(f"unknown pay period {period!r} (one of {', '.join(AEO_TABLES)})") from None
    if net_pence < 0:
        raise ValueError("net earnings cannot be negative")
    return bands


def _given(fields: dict, name: str) -> str:
    return str(fields.get(name) or "").strip()


def _pounds(fields: dict, name: str) -> int:
    try:
        return parse_pounds(_given(fields, name))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def earnings(fields: dict) -> tuple[int, str] | None:
    """(net earnings in pence, pay period) from an attachment's optional fields; None when neither is given.

    Raises ValueError naming the field when one is given without the other or does not read.
    """
    net, period = _given(fields, "net_earnings"), _given(fields, "pay_period").lower()
    if not net and not period:
        return None
    periods = ", ".join(AEO_TABLES)
    if not period:
        raise ValueError(f"net_earnings needs pay_period (one of {periods}) to find the Sch 4 band")
    if period not in AEO_TABLES:
        raise ValueError(f"pay_period {_given(fields, 'pay_period')!r} is not one of {periods} (the Sch 4 tables)")
    if not net:
        raise ValueError("pay_period needs net_earnings (pounds a pay period, after tax, NI and pension)")
    return _pounds(fields, "net_earnings"), period


def standard_allowance(fields: dict, benefit: str | None) -> int | None:
    """The UC standard allowance (pence a month) an application gives; None when not given.

    Raises ValueError when it does not read, is nothing, or goes with a benefit other than Universal Credit.
    """
    if not _given(fields, "standard_allowance"):
        return None
    if benefit != UNIVERSAL_CREDIT:
        raise ValueError(f"standard_allowance is the Universal Credit standard allowance; the deduction from {benefit} "
                         "is set by the DWP from the personal allowance")
    allowance = _pounds(fields, "standard_allowance")
    if allowance <= 0:
        raise ValueError("standard_allowance must be more than £0.00 (pounds a month)")
    return allowance


def aeo_facts(net_pence: int, period: str, params) -> tuple[dict, str]:
    """The deduction each pay period from ``net_pence`` of net earnings, as facts and a sentence."""
    deducted = aeo_deduction(net_pence, period)
    facts = {"net_earnings_pence": net_pence, "pay_period": period, "aeo_deduction_pence": deducted,
             "aeo_employer_fee_pence": params.aeo_employer_fee_pence}
    per = PER[period]
    if not deducted:
        return facts, (f"On net earnings of {format_pence(net_pence)} {per} nothing is deducted ({aeo_how(net_pence, period)}, "
                       "CT Regs Sch 4).")
    return facts, (f"On net earnings of {format_pence(net_pence)} {per} the employer deducts {format_pence(deducted)} {per} "
                   f"({aeo_how(net_pence, period)}, CT Regs Sch 4) and may add "
                   f"{format_pence(params.aeo_employer_fee_pence)} a deduction for its costs.")


def uc_facts(allowance_pence: int, params) -> tuple[dict, str]:
    """The monthly deduction from Universal Credit for council tax arrears, as facts and a sentence (WE-22)."""
    percent = params.uc_deduction_percent
    deducted = percent_of(allowance_pence, percent)
    facts = {"standard_allowance_pence": allowance_pence, "uc_deduction_percent": str(percent),
             "uc_deduction_monthly_pence": deducted}
    return facts, (f"The DWP deducts {percent}% of the Universal Credit standard allowance of "
                   f"{format_pence(allowance_pence)} a month: {format_pence(deducted)} a month (SI 1993/494).")
