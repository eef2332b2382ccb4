"""The council tax debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import CouncilTaxParameters

COLUMNS = (
    Column("financial_year", "int", required=True,
           help="Year the financial year starts in (2025 for 2025/26); the core amount is the year's charge."),
    Column(
        "instalments", "int",
        help="Instalments on the demand; blank: the statutory scheme (DOMAIN §1.1), 12 on request; 0: no instalment "
             "scheme (final-notice route, reg 33).",
    ),
    Column("instalment_day", "int", help="Day of the month instalments fall due (1-28); blank: the 1st."),
    Column("band", "choice", choices=("A", "B", "C", "D", "E", "F", "G", "H"), help="Valuation band of the dwelling."),
    Column("property_ref", "text", help="The council's reference for the dwelling."),
    Column("joint_debtor_ref", "text", help="Debtor reference of a jointly and severally liable person (DOMAIN §1.2 note)."),
)

COUNCIL_TAX = DebtType(
    id="council_tax",
    label="Council Tax",
    ladder=LADDER,
    params=CouncilTaxParameters,
    columns=COLUMNS,
    guards=None,
    description="Council tax on dwellings, recovered under the Council Tax (Administration and Enforcement) Regulations 1992.",
)
