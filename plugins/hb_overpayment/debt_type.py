"""The Housing Benefit overpayment debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import HbOverpaymentParameters

CAUSES = ("claimant_error", "unreported_change", "landlord_error", "official_error", "other")

COLUMNS = (
    Column("period_start", "date", required=True, help="First day of the overpaid period."),
    Column("period_end", "date", required=True, help="Last day of the overpaid period."),
    Column("cause", "choice", required=True, choices=CAUSES, help="What caused the overpayment (reg 100)."),
    Column(
        "error_apparent", "bool",
        help="For official_error: the claimant or payee could reasonably have realised they were overpaid, so it is "
             "recoverable (reg 100(2)).",
    ),
    Column("fraud", "bool", help="Fraud overpayment (conviction, caution admitted or penalty accepted): higher deduction rates."),
    Column("on_hb", "bool", help="The debtor still gets HB, so deductions from ongoing HB are possible."),
    Column("landlord_paid", "bool", help="HB was paid to the landlord, so the landlord may be asked to repay."),
    Column("claim_ref", "text", help="The HB claim reference."),
)

HB_OVERPAYMENT = DebtType(
    id="hb_overpayment",
    label="Housing Benefit overpayment",
    ladder=LADDER,
    params=HbOverpaymentParameters,
    columns=COLUMNS,
    guards=None,
    description="Recoverable Housing Benefit overpayments under the Housing Benefit Regulations 2006, Part 13.",
)
