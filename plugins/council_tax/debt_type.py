"""The council tax debt type as the platform sees it: ladder, guards, parameters, import columns, action checks."""

from arrears import Column, DebtType, DebtTypeRules, QueueSpec, demand_year_problems

from .billing import bill
from .fees import fees_for
from .ladder import LADDER
from .params import CouncilTaxParameters
from .routes import action_facts, check_action
from .rules import GUARDS, REVIEW

COLUMNS = (
    Column("financial_year", "int", required=True,
           help="Year the financial year starts in (2025 for 2025/26); the core amount is the year's charge and the core "
                "date the demand's issue date."),
    Column(
        "instalments", "choice", choices=tuple(str(n) for n in range(13)),
        help="Instalments on the demand where they differ from the profile: 12 on request (reg 21(1A)), 10 the statutory "
             "scheme, 1-11 by agreement; 0: no instalment scheme (final-notice route, reg 33).",
    ),
    Column("instalment_day", "choice", choices=tuple(str(n) for n in range(1, 32)),
           help="Day of the month instalments fall due (the month's last day when shorter); blank: the profile's day."),
    Column("direct_debit", "bool", help="Pays by Direct Debit: instalments fall due on the profile's Direct Debit day."),
    Column("band", "choice", choices=("A", "B", "C", "D", "E", "F", "G", "H"), help="Valuation band of the dwelling."),
    Column("property_ref", "text", help="The council's reference for the dwelling."),
    Column("employer", "text", help="The debtor's employer, if known: allows an attachment of earnings after a liability order."),
    Column("benefit", "text",
           help="A benefit the debtor receives (e.g. universal_credit): a qualifying one allows deductions from benefit."),
    Column("owns_dwelling", "bool", help="Whether the debtor owns an interest in the dwelling (charging order, reg 50)."),
)



class CouncilTaxRules(DebtTypeRules):
    """Demands and instalments, the nightly review, costs and agent fees, remedies an officer chooses."""

    review = REVIEW
    rule_names = (
        "adjourned_order_granted", "final_notice", "first_reminder", "liability_order_granted", "resummons",
        "second_reminder", "summons_after_final_notice", "summons_after_loss", "summons_withdrawn",
        "third_default",
    )
    reason_facts = {"*": (
        "arrears", "final_notice_on", "hearing_on", "missed_on", "pay_by", "payable_from", "route_fact",
        "routes", "served_on", "unpaid_at_pay_by", "why",
    )}

    def bill(self, case, context):
        return bill(case, context.params)

    def queues(self, params):
        return [QueueSpec("awaiting-route", "Liability orders awaiting a route", ("liability_order",),
                          description="Liability orders the policy routes did not take: an officer chooses the remedy "
                                      "(attachment of earnings, benefit deductions, enforcement agent, charging order, bankruptcy).")]

    def fees(self, case, move, context):
        return fees_for(case, move, context.params)

    def check_row(self, attrs, amount_pence, opened_on, params):
        """A demand's year must fit its issue date (Council Tax began on 1 April 1993)."""
        return demand_year_problems(attrs, opened_on, first_year=1993, tax="Council Tax")

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)

    def action_facts(self, case, action, fields, context):
        return action_facts(case, action, fields, context)


COUNCIL_TAX = DebtType(
    id="council_tax",
    label="Council Tax",
    ladder=LADDER,
    params=CouncilTaxParameters,
    columns=COLUMNS,
    guards=GUARDS,
    rules=CouncilTaxRules(),
    description="Council tax on dwellings, recovered under the Council Tax (Administration and Enforcement) Regulations 1992.",
)
