"""The profile sections that state a council's policies beyond the recovery ladders.

``[imports]`` says how the council's files are checked: how a payment already
posted is recognised when a file comes again, and which account dates are
plausible. ``[payment_plans]`` says which arrangements an officer may agree (checked by
:mod:`arrears.services.payment_plans`), ``[vulnerability]`` the categories the council
recognises and what it may do, ``[service_standards]`` its complaint stages
and call-answering targets (deadlines by :mod:`arrears.services.service_standards`), ``[queues]`` how
long a case may wait for an officer's decision.
All are optional: a profile that leaves one out states no such policy.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["PaymentPlansSection", "VulnerabilityCategory", "VulnerabilitySection", "ComplaintStage", "CallTarget",
           "ServiceStandardsSection", "ImportsSection", "QueuesSection"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PaymentPlansSection(_Strict):
    """What an arrangement to pay may be (Reading, Rutland, Oadby & Wigston and Rotherham seeds; DOMAIN §10)."""

    full_payment_first: bool = Field(default=True, description="Ask for payment in full before agreeing a plan.")
    written_agreement: bool = Field(default=True, description="A plan is confirmed to the debtor in writing.")
    max_months_without_income_form: int | None = Field(
        default=None, ge=0, le=120,
        description="Longest plan without an income and expenditure form, in months (absent: none without one).")
    max_months_with_income_form: int | None = Field(
        default=None, ge=1, le=240, description="Longest plan with an income and expenditure form (absent: no limit).")
    longer_needs_review: bool = Field(
        default=False, description="A plan longer than the I&E maximum is allowed only with periodic review.")
    clear_by_year_end: bool = Field(
        default=False, description="A plan must clear the debt by the end of the financial year it relates to.")
    beyond_year_end_needs_assessment: bool = Field(
        default=False,
        description="Past the year end only for a vulnerable debtor assessed by an advice agency or with the SFS.")
    first_payment_within_days: int | None = Field(
        default=None, ge=0, le=366, description="Days from agreement to the first payment at the latest.")
    review_after_months: list[int] = Field(default=[], description="Months after agreement at which a plan is reviewed.")
    reminder_on_missed_payment: bool = Field(
        default=True, description="A missed plan payment brings a reminder (false: the plan is cancelled).")
    missed_payments_to_cancel: int = Field(default=1, ge=1, le=12, description="Missed payments that cancel a plan.")
    set_up_within_days_of_income_form: int | None = Field(
        default=None, ge=0, le=90, description="Days from receiving an I&E form to setting the plan up.")
    max_months_by_debt_type: dict[str, int] = Field(
        default={}, description="A shorter longest plan for particular debt types, in months.")
    not_for_debt_types: list[str] = Field(default=[], description="Debt types not normally paid by instalments.")

    @model_validator(mode="after")
    def _ordered(self) -> "PaymentPlansSection":
        low, high = self.max_months_without_income_form, self.max_months_with_income_form
        if low is not None and high is not None and low > high:
            raise ValueError("max_months_without_income_form is longer than max_months_with_income_form")
        if self.review_after_months != sorted(set(self.review_after_months)) or any(m <= 0 for m in self.review_after_months):
            raise ValueError("review_after_months must be increasing whole months")
        return self


class VulnerabilityCategory(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,59}$")
    label: str = Field(min_length=1)
    note: str = ""


class VulnerabilitySection(_Strict):
    """The categories of vulnerability a council recognises (DOMAIN §11.1) and the responses open to it."""

    categories: list[VulnerabilityCategory] = []
    category_is_not_proof: bool = Field(
        default=True, description="Being in a category does not by itself make someone vulnerable (Rutland).")
    responses: list[str] = []

    @model_validator(mode="after")
    def _unique(self) -> "VulnerabilitySection":
        ids = [c.id for c in self.categories]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"category ids repeated: {', '.join(duplicates)}")
        return self


class ComplaintStage(_Strict):
    stage: int = Field(ge=1, le=5)
    acknowledge_working_days: int = Field(ge=0, le=60)
    respond_working_days: int = Field(ge=1, le=120)
    escalate_within_days: int | None = Field(default=None, ge=1, le=120)


class CallTarget(_Strict):
    period: str = Field(min_length=1)
    target_percent: int = Field(ge=1, le=100)


class ServiceStandardsSection(_Strict):
    """Complaint stages and call-answering targets (Reading and Oadby & Wigston seeds)."""

    complaint_stages: list[ComplaintStage] = []
    call_answering: list[CallTarget] = []

    @model_validator(mode="after")
    def _stages_in_order(self) -> "ServiceStandardsSection":
        stages = [s.stage for s in self.complaint_stages]
        if stages != list(range(1, len(stages) + 1)):
            raise ValueError("complaint_stages must be stages 1, 2, ... in order")
        return self


class QueuesSection(_Strict):
    """The officers' work queues: how long a case may wait for an officer's decision (see the README's "Queues")."""

    decision_days: int = Field(
        default=10, ge=1, le=365,
        description="A case waiting for an officer's decision (at a stage whose way on is an officer action) for "
                    "more than this many days is overdue and joins the decisions-overdue queue.")
    decision_days_by_debt_type: dict[str, int] = Field(
        default={}, description="The same limit for particular debt types, by debt type id (e.g. pcn = 5).")

    @model_validator(mode="after")
    def _days_in_range(self) -> "QueuesSection":
        for debt_type, days in self.decision_days_by_debt_type.items():
            if not 1 <= days <= 365:
                raise ValueError(f"decision_days_by_debt_type.{debt_type} must be 1 to 365 days, not {days}")
        return self

    def decision_days_for(self, debt_type: str) -> int:
        return self.decision_days_by_debt_type.get(debt_type, self.decision_days)


class ImportsSection(_Strict):
    """How the council's import files are checked (see the README's "Imports")."""

    payment_identity: Literal["payment_ref", "content"] = Field(
        default="payment_ref",
        description="How a payment already posted is recognised, so that no payment is posted twice: payment_ref, the "
                    "payer's transaction reference that bank, Direct Debit, PayPoint and card files carry (a column "
                    "every payments file must have, unique within the council); content, for files without one: the "
                    "n-th row of a file with the same account, amount, date and method is the same payment as the n-th "
                    "such row of any other file.")
    earliest_account_years: int = Field(
        default=20, ge=1, le=60,
        description="An account dated more than this many years before the import's business date is refused as a "
                    "mistyped date (the first nightly run would otherwise catch up from it).")
    latest_account_days: int = Field(
        default=366, ge=0, le=3660,
        description="An account dated more than this many days after the import's business date is refused.")
