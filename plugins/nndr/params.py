"""The ``[debt_types.nndr]`` section of a council profile."""

from arrears import EnforcementAgentParameters
from pydantic import Field


class NndrParameters(EnforcementAgentParameters):
    """Business rates billing and recovery figures (DOMAIN §2, §7, §13). Days are calendar days unless named otherwise."""

    # Billing (NNDR Regs Sch 1; DOMAIN §2.1).
    instalment_day: int = Field(
        default=1, ge=1, le=31,
        description="Day of the month instalments fall due (the month's last day when shorter); the council chooses it "
                    "(DOMAIN §1.1 'the council chooses the day', §2.1 same scheme) [M]. An account's instalment_day column overrides it.",
    )
    instalment_floor_pence: int = Field(
        default=5000, ge=0,
        description="Least instalment: fewer instalments when one would be under this: £50, NNDR Regs Sch 1 para 3 "
                    "(DOMAIN §2.1) [H]; fallback n = total ÷ floor [L].",
    )
    first_instalment_notice_days: int = Field(
        default=14, ge=14, le=60,
        description="Least days from the demand's issue to the first instalment: 14 (DOMAIN §2.2 stage 1) [M].",
    )
    # Reminders and loss of instalments (reg 8; DOMAIN §2.2 stages 2-3a).
    reminder_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the day of service, a reminder gives to pay: 7, NNDR Regs reg 8(2)(a) (DOMAIN "
                    "§2.2 stage 2) [H].",
    )
    loss_of_instalments_offset_days: int = Field(
        default=14, ge=13, le=60,
        description="Days after a reminder's service from which the whole balance is payable if it is not complied with: "
        "default 14, DOMAIN §2.2 stage 3 (further 7 days; same reading as DOMAIN §1.2 note) [M].",
    )
    second_reminder: bool = Field(
        default=False,
        description="Issue a second reminder on the second default before instalments are lost: council practice, DOMAIN "
                    "§2.2 stage 3a; reg 8 as made gives one (DOMAIN §15 point 3) [M].",
    )
    later_default_offset_days: int = Field(
        default=8, ge=7, le=60,
        description="Days after a later instalment's due date from which the whole balance is payable when it is missed "
                    "after the reminder period: the end of a further 7 days beginning with the day of failure, reg 8(2)(b) "
                    "(DOMAIN §2.2 stage 3); failure taken as the day after the due date, as DOMAIN §1.2 note reads it [M].",
    )
    final_notice_days: int = Field(
        default=7, ge=1, le=60,
        description="Days a final notice gives before a summons: commonly 7, DOMAIN §2.2 stage 4 [M].",
    )
    # Summons and liability order (regs 11-12; DOMAIN §2.2 stages 5-6, §7.3, §13).
    summons_costs_pence: int = Field(
        default=8000, ge=0,
        description="Costs added when the summons is issued; set locally, reasonably incurred (DOMAIN §7.3: typically £80-£130) [M].",
    )
    liability_order_costs_pence: int = Field(
        default=2000, ge=0,
        description="Further costs added when the liability order is made; 0 where bundled with the summons costs (DOMAIN §7.3) [M].",
    )
    summons_service_working_days: int = Field(
        default=2, ge=1, le=10,
        description="Working day after posting on which a summons is deemed served: 2nd by first-class post, 4th by "
                    "second class, Interpretation Act 1978 s7 (DOMAIN §13, WE-15) [M].",
    )
    hearing_min_days: int = Field(
        default=14, ge=14, le=90,
        description="Days that must elapse after service of the summons before the hearing: 14 (DOMAIN §2.2 stage 5 in "
                    "practice; the CT rule, DOMAIN §1.2 stage 8, WE-15) [M].",
    )
    hearing_listing_days: int = Field(
        default=0, ge=0, le=180,
        description="Further days the council's court listing adds after the earliest lawful hearing day (local practice; "
                    "DOMAIN §2.2 stage 5) [L].",
    )
    # After the liability order (regs 14-18; DOMAIN §2.2 stages 7-9, §7.1).
    # The agent's fees and notice clear days come from EnforcementAgentParameters; the compliance days default to
    # Rotherham's practice for business rates.
    ea_compliance_days: int = Field(
        default=7, ge=0, le=60,
        description="Days, beginning with the notice of enforcement, the ratepayer has to agree terms before a visit: "
                    "Rotherham allows up to 7 for NNDR (Rotherham recovery policy) [H seed].",
    )
    bankruptcy_min_pence: int = Field(
        default=500_000, ge=500_000,
        description="Least debt for a bankruptcy petition against an individual: £5,000, IA 1986 s267(4) (DOMAIN §2.2 "
                    "stage 9, WE-18) [H].",
    )
    winding_up_over_pence: int = Field(
        default=75_000, ge=75_000,
        description="A company's debt must exceed this for a winding-up petition: £750, IA 1986 s123 (DOMAIN §2.2 stage 9, "
                    "WE-18) [M].",
    )
