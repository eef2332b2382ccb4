"""Money helpers. Every amount is an ``int`` of pence; percentages go through Decimal.

Rounding rule (named and tested): :func:`percent_of` rounds half up to the
nearest penny, which is how councils and enforcement agents compute fees.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["MoneyError", "parse_pounds", "format_pence", "percent_of", "pounds", "MAX_PENCE"]

MAX_PENCE = 10**13
"""The largest amount accepted from outside (£100,000,000,000.00): far above any council debt, far inside 64 bits."""

_AMOUNT = re.compile(r"^(?P<sign>-)?£?(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<pence>\d{1,2}))?$")


class MoneyError(ValueError):
    """An amount that cannot be read as pounds and pence."""


def parse_pounds(text: str, *, allow_negative: bool = False) -> int:
    """Read an amount as council systems export it ("1,234.56", "£12", "0.5") into pence.

    Raises :class:`MoneyError` for anything else: empty, more than two decimal
    places, letters, above :data:`MAX_PENCE`, or a negative amount unless ``allow_negative``.
    """
    raw = text.strip()
    m = _AMOUNT.match(raw)
    if not m:
        if not raw:
            raise MoneyError("amount is empty")
        if re.match(r"^-?£?[\d,]+\.\d{3,}$", raw):
            raise MoneyError(f"{raw!r} has more than two decimal places")
        raise MoneyError(f"{raw!r} is not an amount in pounds and pence")
    if m.group("sign") and not allow_negative:
        raise MoneyError(f"{raw!r} is negative")
    pence_txt = (m.group("pence") or "0").ljust(2, "0")
    value = int(m.group("pounds").replace(",", "")) * 100 + int(pence_txt)
    if value > MAX_PENCE:
        raise MoneyError(f"{raw!r} is larger than the largest amount accepted ({format_pence(MAX_PENCE)})")
    return -value if m.group("sign") else value


def format_pence(pence: int) -> str:
    """Show pence as pounds: ``123456`` becomes ``"£1,234.56"``; negatives get a minus sign."""
    sign = "-" if pence < 0 else ""
    pounds_part, pence_part = divmod(abs(pence), 100)
    return f"{sign}£{pounds_part:,}.{pence_part:02d}"


def pounds(value: int | str | Decimal) -> int:
    """Pence from a whole or decimal number of pounds, exact or refused (for literals in code and tests)."""
    try:
        d = Decimal(str(value)) * 100
    except InvalidOperation as exc:
        raise MoneyError(f"{value!r} is not a number of pounds") from exc
    if d != d.to_integral_value():
        raise MoneyError(f"{value!r} is not a whole number of pence")
    return int(d)


def percent_of(pence: int, percent: Decimal | str | int) -> int:
    """``percent`` per cent of ``pence``, rounded half up to the penny."""
    result = Decimal(pence) * Decimal(str(percent)) / Decimal(100)
    return int(result.quantize(Decimal(1), rounding=ROUND_HALF_UP))
