"""The sundry debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import SundryParameters
from .rules import GUARDS

SUNDRY = DebtType(
    id="sundry",
    label="Sundry debt",
    ladder=LADDER,
    params=SundryParameters,
    guards=GUARDS,
    columns=(
        Column("description", "text", help="What the invoice is for."),
        Column("service", "text", help="The council service that raised the invoice."),
    ),
    description="Invoices for council services (accounts receivable).",
)
