"""Rows of the sundry profile's tables, and their default contents: claim fees, compensation bands, base rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arrears import Parameters
from pydantic import Field, model_validator


class ClaimFeeBand(Parameters):
    """One band of the county court issue-fee table: claims up to ``up_to_pence`` pay ``fee_pence`` or ``percent``."""

    up_to_pence: int | None = Field(default=None, ge=1, description="Largest claim in the band; none on the last band.")
    fee_pence: int | None = Field(default=None, ge=0, description="The fee for a claim in the band.")
    percent: Decimal | None = Field(default=None, gt=0, le=100,
                                    description="Or this per cent of the claim, rounded down to the penny.")

    @model_validator(mode="after")
    def _one_amount(self) -> "ClaimFeeBand":
        if (self.fee_pence is None) == (self.percent is None):
            raise ValueError("give either fee_pence or percent for a claim fee band")
        return self


class CompensationBand(Parameters):
    """Late Payment Act compensation for a debt of at least ``from_pence``."""

    from_pence: int = Field(ge=0, description="Least debt in the band.")
    amount_pence: int = Field(ge=0, description="Fixed compensation for a debt in the band.")


class BaseRate(Parameters):
    """The Bank of England base rate from ``effective_from``."""

    effective_from: date
    percent: Decimal = Field(ge=0, le=25)


DEFAULT_CLAIM_FEES = (  # DOMAIN §7.4 [H]
    ClaimFeeBand(up_to_pence=30_000, fee_pence=3_500),
    ClaimFeeBand(up_to_pence=50_000, fee_pence=5_000),
    ClaimFeeBand(up_to_pence=100_000, fee_pence=7_000),
    ClaimFeeBand(up_to_pence=150_000, fee_pence=8_000),
    ClaimFeeBand(up_to_pence=300_000, fee_pence=11_500),
    ClaimFeeBand(up_to_pence=500_000, fee_pence=20_500),
    ClaimFeeBand(up_to_pence=1_000_000, fee_pence=45_500),
    ClaimFeeBand(up_to_pence=20_000_000, percent=Decimal(5)),
    ClaimFeeBand(up_to_pence=None, fee_pence=1_000_000),
)

DEFAULT_COMPENSATION = (  # Late Payment Act s5A, DOMAIN §3.2 stage 4b, WE-38 [M]
    CompensationBand(from_pence=0, amount_pence=4_000),
    CompensationBand(from_pence=100_000, amount_pence=7_000),
    CompensationBand(from_pence=1_000_000, amount_pence=10_000),
)

_RATES = (  # Bank of England Bank Rate changes [M]
    ("2009-03-05", "0.50"), ("2016-08-04", "0.25"), ("2017-11-02", "0.50"), ("2018-08-02", "0.75"),
    ("2020-03-11", "0.25"), ("2020-03-19", "0.10"), ("2021-12-16", "0.25"), ("2022-02-03", "0.50"),
    ("2022-03-17", "0.75"), ("2022-05-05", "1.00"), ("2022-06-16", "1.25"), ("2022-08-04", "1.75"),
    ("2022-09-22", "2.25"), ("2022-11-03", "3.00"), ("2022-12-15", "3.50"), ("2023-02-02", "4.00"),
    ("2023-03-23", "4.25"), ("2023-05-11", "4.50"), ("2023-06-22", "5.00"), ("2023-08-03", "5.25"),
    ("2024-08-01", "5.00"), ("2024-11-07", "4.75"), ("2025-02-06", "4.50"), ("2025-05-08", "4.25"),
    ("2025-08-07", "4.00"), ("2025-12-18", "3.75"),
)
DEFAULT_BASE_RATES = tuple(BaseRate(effective_from=date.fromisoformat(d), percent=Decimal(p)) for d, p in _RATES)
