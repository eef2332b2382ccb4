"""The sundry debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import SundryParameters
from .routes import check_action
from .rules import GUARDS

SUNDRY = DebtType(
    id="sundry",
    label="Sundry debt",
    ladder=LADDER,
    params=SundryParameters,
    guards=GUARDS,
    check_action=check_action,
    columns=(
        Column("description", "text", help="What the invoice is for."),
        Column("service", "text", help="The council service that raised the invoice."),
    ),
    description="Invoices for council services (accounts receivable), recovered as contract debts: notices, "
                "pre-action letters, county court (DOMAIN §3).",
)
