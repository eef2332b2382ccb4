"""The ``[debt_types.hb_overpayment]`` section of a council profile (DOMAIN §4, §7.4).

Figures that change every April (the HB personal allowance, the UC standard
allowance, the UC deductions cap) are dated tables inside the section, so a
profile that says nothing still gets the right figure for each date, and a
council adds next year's row without waiting for a release. Tables that change
only by law (the DEA table, county court fees) are sub-sections a dated
``[[debt_types.hb_overpayment.changes]]`` block can replace.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from arrears import Parameters
from pydantic import Field, model_validator

METHODS = ("ongoing_hb", "invoice", "dwp_deduction", "dea", "landlord", "rent_account", "collection_agent", "county_court")
"""Recovery methods a council may put in its order (DOMAIN §4.2 stages 2-9; Rotherham seed's list of routes)."""


class DatedPence(Parameters):
    """One row of a dated table: ``pence`` in force from ``effective_from``."""

    effective_from: date
    pence: int = Field(ge=0)


class DatedPercent(Parameters):
    """One row of a dated table: ``percent`` in force from ``effective_from``."""

    effective_from: date
    percent: Decimal = Field(ge=0, le=100)


def _ascending(rows, name: str):
    dates = [r.effective_from for r in rows]
    if not rows:
        raise ValueError(f"{name} needs at least one row")
    if dates != sorted(set(dates)):
        raise ValueError(f"{name}: rows must be in effective_from order, one per date")
    return rows


class DeaTable(Parameters):
    """Direct Earnings Attachment standard table, SI 2013/384 Part 6 (DOMAIN §4.1) [H].

    Each band is (net earnings up to, in pence; per cent of the whole net
    earnings); above the last band ``top_percent`` applies.
    """

    weekly: tuple[tuple[int, Decimal], ...] = Field(
        default=((10000, Decimal(0)), (16000, Decimal(3)), (22000, Decimal(5)), (27000, Decimal(7)),
                 (37500, Decimal(11)), (52000, Decimal(15))),
        description="Weekly net earnings bands: up to £100 0%, £160 3%, £220 5%, £270 7%, £375 11%, £520 15% [H].",
    )
    monthly: tuple[tuple[int, Decimal], ...] = Field(
        default=((43000, Decimal(0)), (69000, Decimal(3)), (95000, Decimal(5)), (116000, Decimal(7)),
                 (161500, Decimal(11)), (224000, Decimal(15))),
        description="Monthly net earnings bands: up to £430 0%, £690 3%, £950 5%, £1,160 7%, £1,615 11%, £2,240 15% [H].",
    )
    top_percent: Decimal = Field(default=Decimal(20), ge=0, le=100, description="Above the last band: 20% [H].")
    cap_percent: Decimal = Field(
        default=Decimal(40), ge=0, le=100,
        description="Most of net earnings all attachments together may take: 60% is protected, so 40% [H].",
    )
    employer_fee_pence: int = Field(default=100, ge=0, description="Employer's charge per deduction, £1 [M].")

    @model_validator(mode="after")
    def _bands_ascend(self):
        for name in ("weekly", "monthly"):
            limits = [limit for limit, _ in getattr(self, name)]
            if not limits or limits != sorted(set(limits)):
                raise ValueError(f"{name}: bands must be given in ascending order of earnings, each limit once")
        return self


class ClaimFees(Parameters):
    """County Court money-claim issue fees by claim value (DOMAIN §7.4) [H]: (claim up to, in pence; fee in pence)."""

    bands: tuple[tuple[int, int], ...] = Field(
        default=((30000, 3500), (50000, 5000), (100000, 7000), (150000, 8000), (300000, 11500), (500000, 20500),
                 (1000000, 45500)),
        description="Fixed fees: up to £300 £35, £500 £50, £1,000 £70, £1,500 £80, £3,000 £115, £5,000 £205, "
                    "£10,000 £455 [H].",
    )
    percent: Decimal = Field(default=Decimal(5), ge=0, le=100,
                             description="Above the last band: 5% of the claim, rounded down to the penny [H].")
    percent_up_to_pence: int = Field(default=20_000_000, ge=0, description="The percentage applies up to £200,000 [H].")
    max_pence: int = Field(default=1_000_000, ge=0, description="Fee above that (or unstated): £10,000 [H].")

    @model_validator(mode="after")
    def _bands_ascend(self):
        limits = [limit for limit, _ in self.bands]
        if not limits or limits != sorted(set(limits)):
            raise ValueError("bands must be given in ascending order of claim value, each limit once")
        return self


class HbOverpaymentParameters(Parameters):
    """HB overpayment recovery figures (DOMAIN §4.1, §4.2, §7.4, §13). Days are calendar days."""

    # Notice and appeal (DOMAIN §4.1, §4.2 stage 1).
    appeal_window_months: int = Field(
        default=1, ge=1, le=13,
        description="Calendar months from the overpayment notice for an appeal, before recovery starts: one month "
                    "[M] (DOMAIN §4.1); the month's last day when shorter.",
    )
    # Which method first (DOMAIN §4.2; Rutland: ongoing HB always first).
    recovery_order: tuple[Literal[METHODS], ...] = Field(  # type: ignore[valid-type]
        default=METHODS, min_length=1,
        description="Recovery methods in the council's order: the first the facts allow is used (DOMAIN §4.2 numbering; "
                    "Rutland and Rotherham seeds: ongoing HB first). The nightly run starts ongoing_hb, landlord and "
                    "invoice itself; any other method first sends the case to an officer with that method proposed.",
    )
    invoice_days: int = Field(default=7, ge=1, le=90,
                              description="Days an invoice gives to pay: Rotherham 7, DOMAIN §4.2 stage 3 (seed).")
    final_notice_days: int = Field(default=7, ge=1, le=90,
                                   description="Days a final notice gives to pay: Rotherham +7, DOMAIN §4.2 stage 4 (seed).")
    # Deduction from ongoing HB, reg 102 (DOMAIN §4.1, WE-20).
    hb_personal_allowance: tuple[DatedPence, ...] = Field(
        default=(DatedPence(effective_from=date(2024, 4, 1), pence=9050),
                 DatedPence(effective_from=date(2025, 4, 7), pence=9205)),
        description="Weekly personal allowance for a single claimant aged 25 or over, by the date it took effect (the "
                    "first Monday in April): 2024/25 £90.50, 2025/26 £92.05 [H figures, M dates] (DOMAIN §4.1, WE-20).",
    )
    hb_unit_percent: int = Field(default=5, ge=1, le=100,
                                 description="The reg 102 unit: 5% of the personal allowance [H].")
    hb_unit_round_up_pence: int = Field(default=5, ge=1, le=100,
                                        description="The unit is rounded up to the next 5p [H].")
    hb_standard_units: int = Field(default=3, ge=1, le=20, description="Standard weekly maximum: 3 units [H].")
    hb_fraud_units: int = Field(
        default=5, ge=1, le=20,
        description="Fraud weekly maximum (conviction, admitted after caution, penalty accepted): 5 units since "
                    "SI 2012/645 [H].",
    )
    disregard_share_percent: int = Field(
        default=50, ge=0, le=100,
        description="Share of an earnings disregard that may be added to the weekly maximum: up to half [H] (DOMAIN §4.1).",
    )
    hb_deduction_lapse_days: int = Field(
        default=35, ge=7, le=365,
        description="Days without a deduction received after which ongoing-HB deductions are taken to have stopped and "
                    "the balance left is invoiced (DOMAIN §4.2 stage 3 'or balance left') [L].",
    )
    # DWP deductions from other benefits, reg 105 and SI 2013/384 (DOMAIN §4.1, WE-22).
    dwp_benefits: tuple[str, ...] = Field(
        default=("universal_credit", "jobseekers_allowance", "employment_and_support_allowance", "income_support",
                 "pension_credit"),
        description="Benefits the DWP deducts HB overpayments from (reg 105; SI 2013/384 regs 10-11) [M].",
    )
    uc_standard_allowance: tuple[DatedPence, ...] = Field(
        default=(DatedPence(effective_from=date(2024, 4, 8), pence=39345),
                 DatedPence(effective_from=date(2025, 4, 7), pence=40014)),
        description="Monthly UC standard allowance, single claimant 25 or over: 2025/26 £400.14 [M] (WE-22); "
                    "2024/25 £393.45 [L].",
    )
    uc_standard_percent: Decimal = Field(default=Decimal(15), ge=0, le=100,
                                         description="UC deduction: 3 × 5% of the standard allowance [H as made].")
    uc_earnings_percent: Decimal = Field(default=Decimal(25), ge=0, le=100,
                                         description="UC deduction where the debtor has earnings: 5 × 5% [H as made].")
    uc_fraud_percent: Decimal = Field(default=Decimal(40), ge=0, le=100,
                                      description="UC deduction for fraud: 8 × 5% [H as made].")
    uc_deductions_cap: tuple[DatedPercent, ...] = Field(
        default=(DatedPercent(effective_from=date(2021, 4, 12), percent=Decimal(25)),
                 DatedPercent(effective_from=date(2025, 4, 30), percent=Decimal(15))),
        description="Overall cap on UC deductions, per cent of the standard allowance: 15% from 30 April 2025 "
                    "('Fair Repayment Rate') [H]; 25% before [L].",
    )
    uc_cap_applies_to_fraud: bool = Field(
        default=False,
        description="Whether the overall UC cap also limits the fraud rate; not confirmed (DOMAIN §15 point 9) [L].",
    )
    # Direct Earnings Attachment (DOMAIN §4.1, §4.2 stage 6).
    dea: DeaTable = Field(default=DeaTable(), description="The DEA table, its 40% cap and the employer's fee (SI 2013/384 Part 6).")
    attachment_lapse_days: int = Field(
        default=62, ge=14, le=365,
        description="Days without a payment from the DWP or the employer after which the deduction or DEA is taken to "
                    "have stopped and an officer chooses another method [L].",
    )
    # County court (DOMAIN §4.1, §4.2 stage 9, §7.4).
    court_limitation_years: int = Field(
        default=6, ge=1, le=20,
        description="Years from the overpayment notice within which court action may start (Limitation Act 1980 s9) [M]; "
                    "benefit deductions are not time-limited.",
    )
    claim_fees: ClaimFees = Field(default=ClaimFees(), description="County Court money-claim issue fees added on issue (DOMAIN §7.4).")

    @model_validator(mode="after")
    def _tables_in_order(self):
        _ascending(self.hb_personal_allowance, "hb_personal_allowance")
        _ascending(self.uc_standard_allowance, "uc_standard_allowance")
        _ascending(self.uc_deductions_cap, "uc_deductions_cap")
        if len(set(self.recovery_order)) != len(self.recovery_order):
            raise ValueError("recovery_order names a method twice")
        return self
