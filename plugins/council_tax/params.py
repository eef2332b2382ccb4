"""The ``[debt_types.council_tax]`` section of a council profile (enforcement fees: ``[debt_types.council_tax.enforcement]``)."""

from decimal import Decimal
from typing import Literal

from arrears import EnforcementAgentParameters
from pydantic import Field

ROUTES = ("attachment_of_earnings", "benefit_deductions", "enforcement_agent")
"""Remedies a council's policy may take by itself after a liability order, in the order it prefers them."""


class CouncilTaxParameters(EnforcementAgentParameters):
    """Council tax billing and recovery figures (DOMAIN §1, §7, §13). Days are calendar days unless named working days."""

    # Billing (DOMAIN §1.1).
    default_instalments: Literal[10, 12] = Field(
        default=10,
        description="Instalments a demand offers when the account gives none: 10, CT Regs Sch 1 para 2 (12 only on the "
                    "taxpayer's request, reg 21(1A), DOMAIN §1.1).",
    )
    instalment_day: int = Field(
        default=1, ge=1, le=31,
        description="Day of the month instalments fall due (the month's last day when shorter): the 1st [M] (DOMAIN §1.1; "
                    "Oadby & Wigston seed).",
    )
    direct_debit_day: int = Field(
        default=15, ge=1, le=31,
        description="Day of the month for taxpayers paying by Direct Debit: the 15th [M] (DOMAIN §1.1; Oadby & Wigston seed).",
    )
    first_instalment_notice_days: int = Field(
        default=14, ge=0, le=60,
        description="Least days from the demand's issue to the first instalment: 14 [M] (DOMAIN §1.1, §15 point 5).",
    )
    min_instalment_pence: int = Field(
        default=500, ge=0,
        description="Least instalment: £5; a total under twice this is one instalment (Sch 1 para 2(7), para 3; DOMAIN §1.1).",
    )
    # Reminders, final notice, summons and hearing (DOMAIN §1.2, §13).
    reminder_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the issue day, a reminder gives to pay the arrears: 7, CT Regs reg 23(3) "
                    "(DOMAIN §1.2 stage 2).",
    )
    loss_of_instalments_offset_days: int = Field(
        default=14, ge=13, le=60,
        description="Days after a reminder's issue day from which the whole balance is payable if it is not complied with: "
        "default 14, DOMAIN §1.2 note and WE-12 (13 or 14 by reading; 14 is the conservative choice) [M].",
    )
    final_notice_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the issue day, a final notice gives before a summons may be sought: 7, reg "
                    "34(1) (DOMAIN §1.2 stage 6, WE-14).",
    )
    summons_service_working_days: int = Field(
        default=2, ge=1, le=10,
        description="Working day after posting on which a summons is deemed served: 2nd by first-class post, 4th by "
                    "second class [M] (DOMAIN §13, WE-15).",
    )
    hearing_min_days: int = Field(
        default=14, ge=14, le=90,
        description="Days that must elapse after service of the summons before the liability order hearing: 14, reg "
                    "35(2A) (DOMAIN §1.2 stage 8, WE-15).",
    )
    hearing_listing_days: int = Field(
        default=0, ge=0, le=180,
        description="Further days the council's court listing adds after the earliest lawful hearing day [L] (local "
                    "practice; DOMAIN §1.2 stage 8).",
    )
    summons_costs_pence: int = Field(
        default=8000, ge=0,
        description="Costs added when the summons is issued; set locally, reasonably incurred (DOMAIN §7.3: typically £80-£130) [M].",
    )
    liability_order_costs_pence: int = Field(
        default=2000, ge=0,
        description="Further costs added when the liability order is made; 0 where bundled with the summons costs "
                    "(DOMAIN §7.3: e.g. £80 + £20) [M].",
    )
    # After the liability order (CT Regs Part VI). The enforcement agent's fees, compliance days and
    # notice clear days come from EnforcementAgentParameters (Rotherham allows up to 30 compliance days).
    charging_order_min_pence: int = Field(
        default=100_000, ge=100_000,
        description="Least amount of the liability order still outstanding for a charging order: £1,000, reg 50(1)(c) "
                    "(DOMAIN §1.2 stage 11, WE-17).",
    )
    bankruptcy_min_pence: int = Field(
        default=500_000, ge=500_000,
        description="Least debt for a bankruptcy petition: £5,000, IA 1986 s267(4) (DOMAIN §1.2 stage 13, WE-18).",
    )
    qualifying_benefits: tuple[str, ...] = Field(
        default=("income_support", "jobseekers_allowance", "employment_and_support_allowance", "pension_credit",
                 "universal_credit"),
        description="Benefits from which the DWP deducts council tax arrears (SI 1993/494; DOMAIN §1.2 stage 10b: IS, "
                    "JSA, ESA, PC, UC) [M].",
    )
    aeo_employer_fee_pence: int = Field(
        default=100, ge=0,
        description="What an employer may add for its costs to each attachment of earnings deduction: £1 (DOMAIN §1.2 "
                    "stage 10a) [H].",
    )
    uc_deduction_percent: Decimal = Field(
        default=Decimal(5), gt=0, le=100,
        description="Per cent of the Universal Credit standard allowance the DWP deducts each month for council tax "
                    "arrears: 5%, rounded to the penny (SI 1993/494; DOMAIN §1.2 stage 10b, WE-22: £400.14 gives £20.01) "
                    "[M].",
    )
    route_policy: tuple[Literal[ROUTES], ...] = Field(  # type: ignore[valid-type]
        default=(),
        description="Remedies the nightly run takes by itself after a liability order, first the facts allow wins "
                    "(attachment_of_earnings needs a known employer, benefit_deductions a qualifying benefit); empty: an "
                    "officer chooses (DOMAIN §1.2 stages 10a-10d) [L].",
    )
    route_after_days: int = Field(
        default=14, ge=0, le=365,
        description="Days after the liability order before the council's policy takes a remedy: the debtor's 14 days to "
                    "give employment details, reg 36 [M] (DOMAIN §1.2 stage 9).",
    )
