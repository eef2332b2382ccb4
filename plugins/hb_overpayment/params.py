"""The ``[debt_types.hb_overpayment]`` section of a council profile."""

from arrears import Parameters
from pydantic import Field


class HbOverpaymentParameters(Parameters):
    """HB overpayment recovery figures the ladder reads (DOMAIN §4.1, §4.2). Days are calendar days."""

    appeal_window_days: int = Field(
        default=31, ge=28, le=90,
        description="Days after the overpayment notice before recovery starts, the appeal window: normally one month, "
                    "DOMAIN §4.1 [M].",
    )
    recover_from_hb_first: bool = Field(
        default=True,
        description="Start by deducting from ongoing HB when the debtor still gets it: Rutland seed, DOMAIN §4.2 stage 2.",
    )
    invoice_days: int = Field(
        default=7, ge=1, le=90,
        description="Days an invoice gives to pay: Rotherham 7, DOMAIN §4.2 stage 3 (seed).",
    )
    final_notice_days: int = Field(
        default=7, ge=1, le=90,
        description="Days a final notice gives to pay: Rotherham +7, DOMAIN §4.2 stage 4 (seed).",
    )
