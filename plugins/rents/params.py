"""The ``[debt_types.rents]`` section of a council profile.

Local timings and thresholds are placeholders [L] for each council to set;
court fees change by date, so a profile sets them in dated
``[[debt_types.rents.changes]]`` blocks (DOMAIN §7.2, WE-39).
"""

from decimal import Decimal

from arrears import Parameters
from pydantic import Field, model_validator


class RentsParameters(Parameters):
    """Rent arrears figures the ladder reads (DOMAIN §6.1, §6.2, §7.2, §13). Days are calendar days unless named working days."""

    # Arrears contact and letters (DOMAIN §6.1, §6.2 stages 1-2).
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
        description="Days after early contact before the first arrears letter if arrears persist: DOMAIN §6.2 stage 1 [L, local].",
    )
    first_letter_min_weeks: Decimal = Field(
        default=Decimal(1), ge=0, le=52, decimal_places=1,
        description="Least arrears, in weeks of rent, for the first letter: DOMAIN §6.2 stage 1 [L, local].",
    )
    second_letter_days: int = Field(
        default=14, ge=1, le=90,
        description="Days after the first letter before the second if arrears persist: DOMAIN §6.2 stage 1 [L, local].",
    )
    second_letter_min_weeks: Decimal = Field(
        default=Decimal(2), ge=0, le=52, decimal_places=1,
        description="Least arrears, in weeks of rent, for the second letter: DOMAIN §6.2 stage 1 [L, local].",
    )
    contact_task_days: int = Field(
        default=14, ge=1, le=90,
        description="Days after the second letter before the officer's contact task (protocol steps) if arrears persist: "
                    "DOMAIN §6.1, §6.2 stage 2 [L, local].",
    )
    contact_task_min_weeks: Decimal = Field(
        default=Decimal(3), ge=0, le=52, decimal_places=1,
        description="Least arrears, in weeks of rent, for the contact task: DOMAIN §6.2 stage 2 [L, local].",
    )
    terms_grace_days: int = Field(
        default=0, ge=0, le=31,
        description="Days after a rent period ends before a shortfall under a repayment agreement or a suspended or "
                    "postponed order counts as a missed payment: DOMAIN §6.1, §6.2 stage 5 [L, local].",
    )
    # Protocol duties (DOMAIN §6.1).
    statement_interval_months: int = Field(
        default=3, ge=1, le=3,
        description="Months between rent statements: at least quarterly, pre-action protocol (DOMAIN §6.1, §6.2 stage 2) [H].",
    )
    statement_before_proceedings: bool = Field(
        default=True,
        description="Refuse a Notice of Seeking Possession or a possession claim while a rent statement is overdue: the "
                    "court takes protocol compliance into account (DOMAIN §6.1) [L, local].",
    )
    uc_deduction_min_percent: int = Field(
        default=10, ge=0, le=100,
        description="Least Universal Credit third-party deduction for rent arrears, per cent of the standard allowance "
                    "(DOMAIN §6.1) [H].",
    )
    uc_deduction_max_percent: int = Field(
        default=20, ge=0, le=100,
        description="Most Universal Credit third-party deduction for rent arrears, per cent of the standard allowance "
                    "(DOMAIN §6.1) [H].",
    )
    # Notice of Seeking Possession (DOMAIN §6.2 stage 3, §13).
    nsp_min_days: int = Field(
        default=28, ge=28, le=120,
        description="Least days from service of an NSP to its proceedings date, which must also be the last day of a rent "
                    "period: 4 weeks, HA 1985 s83(5), PEA 1977 s5 (DOMAIN §6.2 stage 3, §13) [H/M].",
    )
    nsp_postal_service_working_days: int = Field(
        default=2, ge=1, le=10,
        description="Working day after posting on which an NSP sent by first-class post is deemed served: 2nd "
                    "(Interpretation Act 1978 s7; DOMAIN §13) [M].",
    )
    nsp_lapse_months: int = Field(
        default=12, ge=1, le=12,
        description="Months after the NSP's proceedings date after which it lapses: 12, HA 1985 s83(4)(b) (DOMAIN §6.2 stage 3) [H].",
    )
    # Court fees (DOMAIN §6.2 stages 4 and 6, §7.2): set the dated figures in [[debt_types.rents.changes]].
    possession_claim_fee_pence: int = Field(
        default=40_400, ge=0,
        description="County court possession claim issue fee: £391 from 1 May 2024 [H]; £404 from 8 Apr 2025 [L, computed] "
                    "(DOMAIN §6.2 stage 4, §7.2, WE-39).",
    )
    warrant_fee_pence: int = Field(
        default=14_800, ge=0,
        description="Warrant of possession fee: £143 from 1 May 2024 [H]; £148 from 8 Apr 2025 [L, computed] (DOMAIN "
                    "§6.2 stage 6, §7.2).",
    )
    # Former-tenant arrears, pursued as sundry debt (DOMAIN §6.2 stage 8, §3).
    former_tenant_letter_days: int = Field(
        default=21, ge=1, le=365,
        description="Days the former-tenant arrears letter gives to pay: as sundry invoice terms, Rotherham 21 (DOMAIN "
                    "§3.1, §6.2 stage 8) [L, local].",
    )
    former_tenant_reminder_days: int = Field(
        default=14, ge=1, le=365,
        description="Days a former-tenant reminder gives to pay: Rotherham 14 (DOMAIN §3.1) [L, local].",
    )
    former_tenant_final_notice_days: int = Field(
        default=14, ge=1, le=365,
        description="Days a former-tenant final notice gives to pay: Rotherham 14 (DOMAIN §3.1) [L, local].",
    )
    limitation_years: int = Field(
        default=6, ge=1, le=6,
        description="Years after the last rent fell due, or the last payment, after which the arrears cannot be claimed: "
                    "6, Limitation Act 1980 ss19, 29 (DOMAIN §3.2 stage 8, §6.2 stage 8, WE-41) [H].",
    )

    @model_validator(mode="after")
    def _deduction_range(self) -> "RentsParameters":
        if self.uc_deduction_min_percent > self.uc_deduction_max_percent:
            raise ValueError("uc_deduction_min_percent is more than uc_deduction_max_percent")
        return self
