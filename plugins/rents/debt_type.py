"""The council rent debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import DebtType, DebtTypeRules, QueueSpec

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
    rule_names = (
        "arrangement_broken", "arrangement_broken_under_notice", "arrears_arise", "contact_task",
        "ended_arrears", "evicted_arrears", "former_tenant_final_notice", "former_tenant_recovery",
        "former_tenant_reminder", "nsp_lapsed", "possession_date_passed", "postponed_order_breached",
        "suspended_order_breached",
    )
    reason_facts = {"*": (
        "accrual", "accrued_on", "due", "ended_on", "instalment", "lapses_on", "last_claim_on", "owed",
        "paid_since", "pay_by", "period_end", "periods_due", "possession_date", "proceedings_date",
        "protocol", "rent", "short", "task", "terms_made_on", "unpaid_since",
    )}

    def bill(self, case, context):
        return bill(case)

    def queues(self, params):
        lapses_after = params.nsp_min_days + params.nsp_lapse_months * 365 // 12
        return [QueueSpec("nsp-about-to-lapse", "NSPs about to lapse", ("nsp_served",), min_days=max(0, lapses_after - 30),
                          description="Notices of seeking possession served long enough ago that they lapse within about "
                                      f"30 days ({params.nsp_lapse_months} months after the date proceedings could begin) "
                                      "unless a claim is issued.")]

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
