"""The council rent debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import DebtType

from .columns import COLUMNS, check_row
from .ladder import LADDER
from .params import RentsParameters
from .routes import action_entries, action_state, check_action
from .rules import GUARDS

RENTS = DebtType(
    id="rents",
    label="Council rent",
    ladder=LADDER,
    params=RentsParameters,
    columns=COLUMNS,
    guards=GUARDS,
    check_action=check_action,
    action_entries=action_entries,
    action_state=action_state,
    check_row=check_row,
    description="Rent arrears on council secure tenancies (Housing Act 1985), recovered under the social landlords' "
                "pre-action protocol; the account's amount is the rent for one rent period.",
)
