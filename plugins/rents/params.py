"""The ``[debt_types.rents]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class RentsParameters(Parameters):
    """Rent arrears figures the ladder reads (DOMAIN §6.2, §7.2, §13). Local timings are placeholders to set per council."""

    arrears_threshold_pence: int = Field(
        default=0, ge=0,
        description="Arrears must exceed this before early contact; 0: any missed rent (DOMAIN §6.2 stage 1) [L, local].",
    )
    early_contact_days: int = Field(
        default=7, ge=0, le=90,
        description="Days rent may stay unpaid after its rent day before early contact: as soon as reasonably possible, "
                    "DOMAIN §6.1, §6.2 stage 1 [L, local].",
    )
    first_letter_days: int = Field(
        default=7, ge=1, le=90,
        description="Days after early contact before the first letter if arrears persist: DOMAIN §6.2 stage 2 [L, local].",
    )
    second_letter_days: int = Field(
        default=14, ge=1, le=90,
        description="Days after each letter before the next step if arrears persist: DOMAIN §6.2 stage 2 [L, local].",
    )
    nsp_min_days: int = Field(
        default=28, ge=28, le=120,
        description="Least days from serving an NSP to its proceedings date, which also ends on a rent period boundary: "
                    "4 weeks, HA 1985 s83(5) (DOMAIN §6.2 stage 3, §13).",
    )
    nsp_lapse_months: int = Field(
        default=12, ge=1, le=12,
        description="Months after the NSP's proceedings date after which it lapses: 12, HA 1985 s83(4)(b) (DOMAIN §6.2 stage 3).",
    )
    possession_claim_fee_pence: int = Field(
        default=40_400, ge=0,
        description="County court possession claim issue fee: £404 from 8 Apr 2025 [L, computed]; £391 from 1 May 2024 "
                    "[H] (DOMAIN §6.2 stage 4, §7.2).",
    )
    warrant_fee_pence: int = Field(
        default=14_800, ge=0,
        description="Warrant of possession fee: £148 from 8 Apr 2025 [L, computed]; £143 from 1 May 2024 [H] (DOMAIN "
                    "§6.2 stage 6, §7.2).",
    )
