"""The business rates (NNDR) debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import NndrParameters
from .routes import action_entries, check_action
from .rules import GUARDS

COLUMNS = (
    Column("financial_year", "int", required=True,
           help="Year the financial year starts in (2025 for 2025/26); the core amount is the year's rates."),
    Column("instalments", "int",
           help="Instalments on the demand; blank: the statutory scheme (DOMAIN §2.1); 12: twelve on request; "
                "fewer: the ratepayer's choice (never more than the scheme allows)."),
    Column("instalment_day", "int",
           help="Day of the month instalments fall due (1-31, the month's last day when shorter); blank: the profile's."),
    Column("property_ref", "text", help="The council's reference for the hereditament."),
    Column("rateable_value", "money", help="Rateable value of the hereditament, in pounds."),
    Column("company_number", "text", help="Companies House number where the ratepayer is a company (debtor_kind company)."),
)

NNDR = DebtType(
    id="nndr",
    label="Business rates (NNDR)",
    ladder=LADDER,
    params=NndrParameters,
    columns=COLUMNS,
    guards=GUARDS,
    check_action=check_action,
    action_entries=action_entries,
    description="Non-domestic rates, recovered under the Non-Domestic Rating (Collection and Enforcement) (Local Lists) "
                "Regulations 1989.",
)
