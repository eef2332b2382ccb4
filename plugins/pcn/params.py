"""The ``[debt_types.pcn]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class PcnParameters(Parameters):
    """PCN recovery figures the ladder reads (DOMAIN §5.2, §7.2, §13). Periods run from service, start day included."""

    postal_service_working_days: int = Field(
        default=2, ge=0, le=10,
        description="Working days after posting on which a posted notice is taken to be served: 2, SI 2022/71 reg 3 "
                    "(DOMAIN §5.2, §13) [M].",
    )
    payment_days: int = Field(
        default=28, ge=28, le=90,
        description="Days, beginning with service, a PCN or Notice to Owner gives to pay: 28 (DOMAIN §5.2 stages 1, 3, 6).",
    )
    representations_decision_days: int = Field(
        default=56, ge=1, le=120,
        description="Days for the council to decide representations before they are taken as accepted: 56, DOMAIN §5.2 stage 4 [M].",
    )
    appeal_days: int = Field(
        default=28, ge=28, le=90,
        description="Days after a notice of rejection (or a refused appeal) to appeal or pay before a charge "
                    "certificate: 28, DOMAIN §5.2 stage 5 [M].",
    )
    charge_certificate_days: int = Field(
        default=14, ge=14, le=90,
        description="Days, beginning with service of the charge certificate, before registration at the TEC: 14, reg 22 "
                    "(DOMAIN §5.2 stage 7).",
    )
    order_for_recovery_days: int = Field(
        default=21, ge=21, le=90,
        description="Days after service of the Order for Recovery to pay or file a witness statement: 21, CPR 75 (DOMAIN "
                    "§5.2 stage 8).",
    )
    tec_registration_fee_pence: int = Field(
        default=800, ge=0,
        description="Fee added on registration at the Traffic Enforcement Centre: £8, DOMAIN §5.2 stage 7, §7.2 [M].",
    )
