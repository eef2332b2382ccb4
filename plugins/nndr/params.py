"""The ``[debt_types.nndr]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class NndrParameters(Parameters):
    """Business rates recovery figures the ladder reads (DOMAIN §2.2, §7.3, §13). Days are calendar days."""

    reminder_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the day of service, a reminder gives to pay: 7, NNDR Regs reg 8(2)(a) (DOMAIN "
                    "§2.2 stage 2).",
    )
    loss_of_instalments_offset_days: int = Field(
        default=14, ge=13, le=60,
        description="Days after a reminder's service from which the whole balance is payable if it is not complied with: "
        "default 14, DOMAIN §2.2 stage 3 (further 7 days; same reading as DOMAIN §1.2 note).",
    )
    second_reminder: bool = Field(
        default=False,
        description="Issue a second reminder on the second default before instalments are lost: council practice, DOMAIN "
                    "§2.2 stage 3a [M].",
    )
    final_notice_days: int = Field(
        default=7, ge=1, le=60,
        description="Days a final notice gives before a summons: commonly 7, DOMAIN §2.2 stage 4 [M].",
    )
    summons_costs_pence: int = Field(
        default=8000, ge=0,
        description="Costs added when the summons is issued; set locally, reasonably incurred (DOMAIN §7.3: typically £80-£130) [M].",
    )
    liability_order_costs_pence: int = Field(
        default=2000, ge=0,
        description="Further costs added when the liability order is made; 0 where bundled with the summons costs (DOMAIN §7.3) [M].",
    )
    bankruptcy_min_pence: int = Field(
        default=500_000, ge=500_000,
        description="Least debt for a bankruptcy petition against an individual: £5,000, IA 1986 s267(4) (DOMAIN §2.2 stage 9).",
    )
    winding_up_over_pence: int = Field(
        default=75_000, ge=75_000,
        description="A company's debt must exceed this for a winding-up petition: £750, IA 1986 s123 (DOMAIN §2.2 stage 9) [M].",
    )
