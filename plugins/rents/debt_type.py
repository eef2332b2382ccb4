"""The council rent debt type as the platform sees it."""

from arrears import Column, DebtType

from .ladder import LADDER
from .params import RentsParameters

COLUMNS = (
    Column("rent_period", "choice", required=True, choices=("weekly", "fortnightly", "four_weekly", "monthly"),
           help="How often rent falls due."),
    Column("rent", "money", required=True, help="Rent charged each rent period, in pounds."),
    Column("rent_day", "int",
           help="Day rent falls due: weekday 1-7 (Monday 1) for weekly periods, day of month 1-28 for monthly."),
    Column("tenancy_start", "date", help="Start of the secure tenancy."),
    Column("property_ref", "text", help="The council's reference for the dwelling."),
    Column("joint_tenant_ref", "text", help="Debtor reference of a joint tenant (each is contacted separately, DOMAIN §6.1)."),
)

RENTS = DebtType(
    id="rents",
    label="Council rent",
    ladder=LADDER,
    params=RentsParameters,
    columns=COLUMNS,
    guards=None,
    description="Rent arrears on council secure tenancies (Housing Act 1985), recovered under the social landlords' "
                "pre-action protocol.",
)
