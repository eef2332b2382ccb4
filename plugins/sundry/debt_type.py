"""The sundry debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import Column, DebtType, DebtTypeRules

from .fees import fees_for
from .ladder import LADDER
from .params import SundryParameters
from .review import REVIEW
from .routes import check_action
from .rules import GUARDS, bill


class SundryRules(DebtTypeRules):
    """Billing the invoice, the nightly review, court and late-payment fees, checks on officer actions."""

    review = REVIEW
    rule_names = (
        "acknowledgement_recorded", "action_limit_reached", "advice_hold_ended", "cleared",
        "enforce_judgment", "final_notice_after_reminder", "issue_county_court_claim",
        "letter_before_claim_unanswered", "letter_of_claim_unanswered", "limitation_expired",
        "record_judgment", "reminder_after_terms",
    )
    reason_facts = {"*": (
        "accrued_on", "acknowledged_on", "advice_on", "debtor_kind", "due_on", "hold_end", "idle_what",
        "late_payment", "letter_on", "limitation_end", "notice", "notice_on", "pay_by", "reply_by", "restart",
        "restarted", "service_note",
    )}

    def bill(self, case, context):
        return bill(case)

    def fees(self, case, move, context):
        return fees_for(case, move, context)

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)


SUNDRY = DebtType(
    id="sundry",
    label="Sundry debt",
    ladder=LADDER,
    params=SundryParameters,
    guards=GUARDS,
    rules=SundryRules(),
    columns=(
        Column("description", "text", help="What the invoice is for."),
        Column("service", "text", help="The council service that raised the invoice."),
    ),
    description="Invoices for council services (accounts receivable), recovered as contract debts: notices, "
                "pre-action letters, county court (DOMAIN §3).",
)
