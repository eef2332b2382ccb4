"""The Penalty Charge Notice debt type as the platform sees it: ladder, guards, parameters, columns, action checks."""

from arrears import DebtType, DebtTypeRules, QueueSpec

from .actions import action_entries, action_state, check_action
from .billing import bill
from .columns import COLUMNS, check_row
from .fees import fees_for
from .ladder import LADDER
from .params import PcnParameters
from .rules import GUARDS, REVIEW


class PcnRules(DebtTypeRules):
    """The charge, the nightly review, discounts, increases and fees, challenges and plans an officer records."""

    review = REVIEW
    rule_names = (
        "charge_certificate", "charge_certificate_after_appeal", "charge_certificate_after_rejection",
        "charge_certificate_postal", "notice_to_owner", "notice_to_owner_out_of_time", "paid_at_discount",
        "paid_at_discount_in_challenge", "payment_plan_broken", "register_at_tec",
        "representations_deemed_accepted", "warrant_of_control",
    )
    reason_facts = {"*": (
        "after", "cc_pay_by", "cc_served_on", "challenged_on", "charge_now", "debt_now", "decide_by",
        "decision_served_on", "discount", "discount_end", "discounted", "first_due", "increase", "instalment",
        "missed_due", "nto_latest", "nto_pay_by", "nto_served_on", "ofr_pay_by", "ofr_served_on", "paid_on",
        "paid_since", "pay_by", "plan_on", "received_on", "refund_note", "required", "served_on", "window",
    )}

    def bill(self, case, context):
        return bill(case, context)

    def queues(self, params):
        limit = params.representations_decision_days
        return [QueueSpec("representations-near-limit", f"Representations near the {limit}-day limit", ("representations",),
                          min_days=max(0, limit - 14),
                          description=f"Representations received {max(0, limit - 14)} or more days ago: undecided at "
                                      f"{limit} days they are taken as accepted and the penalty is cancelled.")]

    def fees(self, case, move, context):
        return fees_for(case, move, context.params)

    def check_row(self, attrs, amount_pence, opened_on, params):
        return check_row(attrs, amount_pence, opened_on, params)

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)

    def action_entries(self, case, action, fields, context):
        return action_entries(case, action, fields, context)

    def action_state(self, case, action, fields, context):
        return action_state(case, action, fields, context)


PCN = DebtType(
    id="pcn",
    label="Penalty Charge Notice",
    ladder=LADDER,
    params=PcnParameters,
    columns=COLUMNS,
    guards=GUARDS,
    rules=PcnRules(),
    description="Civil parking and traffic Penalty Charge Notices under the Traffic Management Act 2004 Part 6 (England, "
                "from 31 May 2022).",
)
