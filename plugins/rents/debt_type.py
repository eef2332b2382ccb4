"""The council rent debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import DebtType, DebtTypeRules

from .billing import bill
from .columns import COLUMNS, check_row
from .fees import transition_fees
from .ladder import LADDER
from .params import RentsParameters
from .review import REVIEW
from .routes import action_entries, action_state, check_action
from .rules import GUARDS


class RentsRules(DebtTypeRules):
    """Rent debited each period, the nightly review, court fees, agreements, notices and orders an officer records."""

    review = REVIEW

    def bill(self, case, context):
        return bill(case)

    def fees(self, case, move, context):
        return transition_fees(context, [(case, move)])

    def check_row(self, attrs, amount_pence, opened_on, params):
        return check_row(attrs, amount_pence, opened_on)

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)

    def action_entries(self, case, action, fields, context):
        return action_entries(case, action, fields, context)

    def action_state(self, case, action, fields, context):
        return action_state(case, action, fields, context)


RENTS = DebtType(
    id="rents",
    label="Council rent",
    ladder=LADDER,
    params=RentsParameters,
    columns=COLUMNS,
    guards=GUARDS,
    rules=RentsRules(),
    description="Rent arrears on council secure tenancies (Housing Act 1985), recovered under the social landlords' "
                "pre-action protocol; the account's amount is the rent for one rent period.",
)
