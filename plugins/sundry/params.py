"""The ``[debt_types.sundry]`` section of a council profile (DOMAIN §3, §7.4, §9, §13).

Days are calendar days. Tables (claim fees, compensation bands, base rates)
are given whole in a profile and may be replaced from a date by a
``[[debt_types.sundry.changes]]`` block.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from arrears import Parameters
from pydantic import Field, field_validator, model_validator

from .tables import BaseRate, ClaimFeeBand, CompensationBand, DEFAULT_BASE_RATES, DEFAULT_CLAIM_FEES, DEFAULT_COMPENSATION

BusinessKind = Literal["sole_trader", "company"]


class SundryParameters(Parameters):
    """Sundry invoice timeline and recovery figures (DOMAIN §3.1-§3.2; seeds: Rotherham 21/14/14, Reading 30/14/60)."""

    # The notices (DOMAIN §3.1, §3.2 stages 1-3).
    payment_terms_days: int = Field(
        default=30, ge=0, le=365,
        description="Days from the invoice date to its due date: Rotherham 21, Reading 30 (DOMAIN §3.1, seeds) [H seed].")
    reminder_after_due_days: int = Field(
        default=1, ge=1, le=60,
        description="Days after the due date on which the reminder is issued: 1, the day after (WE-26 issue-day "
                    "assumption [L]); Reading reminds within 14 days of non-payment (DOMAIN §3.1).")
    reminder_days: int = Field(
        default=14, ge=1, le=365,
        description="Days a reminder gives to pay: Rotherham and Reading 14 (DOMAIN §3.1, §3.2 stage 2) [H seed].")
    final_notice: bool = Field(
        default=True,
        description="Send a final notice after the reminder: Rotherham does (DOMAIN §3.2 stage 3); Reading's policy "
                    "names none (DOMAIN §3.1) [H seed].")
    final_notice_days: int = Field(
        default=14, ge=1, le=365,
        description="Days a final notice gives to pay: Rotherham 14 (DOMAIN §3.1, §3.2 stage 3) [H seed].")
    further_recovery_min_age_days: int = Field(
        default=0, ge=0, le=365,
        description="Least age of the debt, in days from the invoice date, before further recovery (the pre-action "
                    "letter) starts: Reading 60 (DOMAIN §3.1); 0: as soon as the last notice has run out [H seed].")
    action_limit_months: int = Field(
        default=3, ge=1, le=24,
        description="Longest an unpaid account may go without a further action before officer review: Rotherham 3 "
                    "months past due (DOMAIN §3.1, WE-26) [H seed].")
    # Pre-action letters (DOMAIN §3.2 stages 4 and 4b).
    pre_action_letters: bool = Field(
        default=True,
        description="Send the pre-action letter when the last notice runs out: a Letter of Claim to individuals and "
                    "sole traders, a letter before claim to companies (DOMAIN §3.2 stages 4, 4b) [H/M]. Off: the case "
                    "waits at further recovery for an officer.")
    letter_of_claim_reply_days: int = Field(
        default=30, ge=30, le=120,
        description="Days a Letter of Claim gives the debtor to reply with the Reply Form: 30, Pre-Action Protocol for "
                    "Debt Claims (DOMAIN §3.2 stage 4) [H].")
    advice_hold_days: int = Field(
        default=30, ge=30, le=180,
        description="Days a claim is held from the debtor's reply that they are getting debt advice: not less than 30 "
                    "after the reply form (DOMAIN §3.2 stage 4) [H/M].")
    letter_before_claim_days: int = Field(
        default=14, ge=7, le=60,
        description="Days a letter before claim gives a business debtor: a 'reasonable' period, 14 commonly used, "
                    "Practice Direction - Pre-Action Conduct (DOMAIN §3.2 stage 4b) [M].")
    # Late Payment of Commercial Debts (Interest) Act 1998 (DOMAIN §3.2 stage 4b, WE-38).
    late_payment_charges: bool = Field(
        default=False,
        description="Add Late Payment Act compensation and statutory interest to business debts with the pre-action "
                    "letter (and interest since, with a county court claim) (DOMAIN §3.2 stage 4b) [M].")
    late_payment_debtor_kinds: tuple[BusinessKind, ...] = Field(
        default=("company",),
        description="Debtor kinds charged under the Late Payment Act (businesses only, never consumers): companies; a "
                    "sole trader contracting in business also qualifies, charged with the Letter of Claim (DOMAIN §3.2 "
                    "stage 4b) [M].")
    late_payment_compensation: tuple[CompensationBand, ...] = Field(
        default=DEFAULT_COMPENSATION,
        description="Fixed compensation by size of debt: £40 under £1,000, £70 from £1,000 to £9,999.99, £100 from "
                    "£10,000, Late Payment Act s5A (DOMAIN §3.2 stage 4b, WE-38) [M].")
    statutory_interest_margin: Decimal = Field(
        default=Decimal(8), ge=0, le=20,
        description="Statutory interest: this many per cent a year over the reference base rate (DOMAIN §3.2 stage 4b) [M].")
    base_rates: tuple[BaseRate, ...] = Field(
        default=DEFAULT_BASE_RATES,
        description="Bank of England base rate from each date: the reference rate for a debt is the one in force on "
                    "the 31 December or 30 June before the half-year in which it became late (Late Payment (Rate of "
                    "Interest) Order 2002; DOMAIN §3.2 stage 4b) [M]; add a row when the rate changes.")
    # County court (DOMAIN §3.2 stages 5-7, §7.4, §13).
    claim_issue_fees: tuple[ClaimFeeBand, ...] = Field(
        default=DEFAULT_CLAIM_FEES,
        description="County Court money-claim issue fees by claim value (interest included): £35 up to £300 ... £455 to "
                    "£10,000, 5% (rounded down to the penny) to £200,000, then £10,000 (DOMAIN §7.4) [H]; dated by "
                    "changes blocks.")
    claim_fixed_costs_pence: int = Field(
        default=0, ge=0,
        description="Fixed commencement costs the council adds with the claim (DOMAIN §3.2 stage 5 'fixed costs'; no "
                    "figure given) [L].")
    claim_service_business_days: int = Field(
        default=2, ge=1, le=10,
        description="Business day after issue on which the claim form is deemed served: the 2nd, CPR 6.26 first-class "
                    "post (DOMAIN §13) [M].")
    claim_response_days: int = Field(
        default=14, ge=14, le=60,
        description="Days from service the defendant has to respond before default judgment: 14 (28 when acknowledging "
                    "service) (DOMAIN §3.2 stage 5) [M].")
    judgment_costs_pence: int = Field(
        default=0, ge=0,
        description="Fixed costs on entering judgment (DOMAIN §3.2 stage 6 'judgment fixed costs'; no figure given) [L].")
    enforcement_court_fees: dict[str, int] = Field(
        default_factory=lambda: {"charging_order": 13100, "bankruptcy": 33200},
        description="Court fee added when a judgment is enforced by a method: charging order £131, bankruptcy petition "
                    "£332 from May 2024 (DOMAIN §7.2) [M]; other methods' fees when the council adds them.")
    hceo_min_pence: int = Field(
        default=60_000, ge=0,
        description="Least judgment debt for transfer to the High Court for a High Court enforcement officer: £600 "
                    "(DOMAIN §3.2 stage 7) [M].")
    bankruptcy_min_pence: int = Field(
        default=500_000, ge=500_000,
        description="Least debt for a bankruptcy petition against an individual: £5,000 (DOMAIN §3.2 stage 7, WE-18) [H].")
    winding_up_over_pence: int = Field(
        default=75_000, ge=75_000,
        description="A company's debt must exceed this for a winding-up petition: £750 (DOMAIN §3.2 stage 7, WE-18) [M].")
    # Limitation and services (DOMAIN §3.2 stage 8, §9, §3.1).
    limitation_years: int = Field(
        default=6, ge=6, le=12,
        description="Years from accrual (the day after the due date, or the last part payment or written "
                    "acknowledgement) after which no claim is issued: 6, Limitation Act 1980 ss5, 29-30 (DOMAIN §3.2 "
                    "stage 8, WE-41) [H; accrual reading UNCONFIRMED].")
    service_suspension: bool = Field(
        default=False,
        description="Officers may suspend the service until the debt is paid: Rutland (DOMAIN §3.1) [H seed].")

    @field_validator("enforcement_court_fees")
    @classmethod
    def _known_methods(cls, fees: dict[str, int]) -> dict[str, int]:
        from .court import ENFORCEMENT_METHODS
        for method, pence in fees.items():
            if method not in ENFORCEMENT_METHODS:
                raise ValueError(f"{method!r} is not an enforcement method (one of {', '.join(ENFORCEMENT_METHODS)})")
            if pence < 0:
                raise ValueError(f"the fee for {method} cannot be negative")
        return fees

    @model_validator(mode="after")
    def _tables_in_order(self) -> "SundryParameters":
        _ascending([b.from_pence for b in self.late_payment_compensation], "late_payment_compensation", "from_pence")
        if self.late_payment_compensation[0].from_pence != 0:
            raise ValueError("late_payment_compensation: the first band must start at from_pence = 0")
        _ascending([r.effective_from for r in self.base_rates], "base_rates", "effective_from")
        limits = [b.up_to_pence for b in self.claim_issue_fees]
        if limits[-1] is not None or any(x is None for x in limits[:-1]):
            raise ValueError("claim_issue_fees: only the last band may (and must) have no up_to_pence")
        _ascending(limits[:-1], "claim_issue_fees", "up_to_pence")
        return self


def _ascending(values: list, table: str, key: str) -> None:
    if not values:
        raise ValueError(f"{table}: give at least one row")
    for before, after in zip(values, values[1:]):
        if not before < after:
            raise ValueError(f"{table}: {key} must rise from row to row ({before} then {after})")

