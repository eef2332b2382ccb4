"""The ``[debt_types.council_tax]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class CouncilTaxParameters(Parameters):
    """Council tax recovery figures the ladder reads (DOMAIN §1.2, §7.3, §13). Days are calendar days."""

    reminder_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the issue day, a reminder gives to pay the arrears: 7, CT Regs reg 23(3) "
                    "(DOMAIN §1.2 stage 2).",
    )
    loss_of_instalments_offset_days: int = Field(
        default=14, ge=13, le=60,
        description="Days after a reminder's issue day from which the whole balance is payable if it is not complied with: "
        "default 14, DOMAIN §1.2 note (13 or 14 by reading; 14 is the conservative choice).",
    )
    final_notice_days: int = Field(
        default=7, ge=7, le=60,
        description="Days, beginning with the issue day, a final notice gives before a summons may be sought: 7, reg "
                    "34(1) (DOMAIN §1.2 stage 6).",
    )
    hearing_min_days: int = Field(
        default=14, ge=14, le=90,
        description="Days that must elapse after service of the summons before the liability order hearing: 14, reg "
                    "35(2A) (DOMAIN §1.2 stage 8).",
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
    charging_order_min_pence: int = Field(
        default=100_000, ge=100_000,
        description="Least amount of the liability order still outstanding for a charging order: £1,000, reg 50(1)(c) "
                    "(DOMAIN §1.2 stage 11).",
    )
    bankruptcy_min_pence: int = Field(
        default=500_000, ge=500_000,
        description="Least debt for a bankruptcy petition: £5,000, IA 1986 s267(4) (DOMAIN §1.2 stage 13; Rotherham seed).",
    )
