"""What a PCN costs: the penalty charge, its discounted amount, the charge certificate's increase (DOMAIN §5.1).

The penalty charge is the account's amount (checked against the council's
charge table on import). Percentages go through :func:`arrears.percent_of`
(half up to the penny): the discount is rounded up, so the discounted charge
never exceeds half the penalty.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from arrears import percent_of

LEVELS = ("higher", "lower")


@lru_cache(maxsize=1024)
def _share(charge_pence: int, percent: Decimal) -> int:
    """``percent`` of a charge (few charges and percentages recur: kept)."""
    return percent_of(charge_pence, percent)


def discount_pence(charge_pence: int, params) -> int:
    """The reduction for payment within the discount period (50% of the charge)."""
    return _share(charge_pence, params.discount_percent)


def discounted_pence(charge_pence: int, params) -> int:
    """The discounted charge: what settles the PCN within the discount period."""
    return charge_pence - discount_pence(charge_pence, params)


def certificate_increase_pence(charge_pence: int, params) -> int:
    """What a charge certificate adds (50% of the penalty charge, reg 21)."""
    return _share(charge_pence, params.certificate_increase_percent)


def level_label(band: str, level: str) -> str:
    """``band 2 higher level``."""
    return f"band {band} {level} level"
