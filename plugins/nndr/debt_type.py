"""The business rates (NNDR) debt type as the platform sees it."""

from arrears import Column, DebtType, DebtTypeRules, QueueSpec, demand_year_problems

from .billing import bill
from .fees import fees_for
from .ladder import LADDER
from .params import NndrParameters
from .review import REVIEW
from .routes import action_entries, check_action
from .rules import GUARDS

COLUMNS = (
    Column("financial_year", "int", required=True,
           help="Year the financial year starts in (2025 for 2025/26); the core amount is the year's rates."),
    Column("instalments", "choice", choices=tuple(str(n) for n in range(1, 13)),
           help="Instalments on the demand; blank: the statutory scheme (NNDR Regs 1989 Sch 1); 12: twelve on request; "
                "fewer: the ratepayer's choice (never more than the scheme allows)."),
    Column("instalment_day", "choice", choices=tuple(str(n) for n in range(1, 32)),
           help="Day of the month instalments fall due (1-31, the month's last day when shorter); blank: the profile's."),
    Column("property_ref", "text", help="The council's reference for the hereditament."),
    Column("rateable_value", "money", help="Rateable value of the hereditament, in pounds."),
    Column("company_number", "text", help="Companies House number where the ratepayer is a company (debtor_kind company)."),
)



class NndrRules(DebtTypeRules):
    """Demands and instalments, the nightly review, costs and agent fees, remedies and hardship relief."""

    review = REVIEW
    rule_names = (
        "final_notice", "later_default", "liability_order_granted", "reminder", "second_reminder", "summons",
        "summons_withdrawn",
    )
    reason_facts = {"*": (
        "arrears", "final_notice_on", "hearing_on", "missed_on", "pay_by", "payable_from", "served_on",
        "unpaid_at_pay_by",
    )}

    def bill(self, case, context):
        return bill(case, context.params)

    def queues(self, params):
        return [QueueSpec("awaiting-route", "Liability orders awaiting a route", ("liability_order",),
                          description="An officer chooses the remedy: enforcement agent, committal, bankruptcy or winding up.")]

    def fees(self, case, move, context):
        return fees_for(case, move, context.params)

    def check_row(self, attrs, amount_pence, opened_on, params):
        """A demand's year must fit its issue date (the present rating system began on 1 April 1990)."""
        return demand_year_problems(attrs, opened_on, first_year=1990, tax="business rates")

    def check_action(self, case, action, fields, context, liable):
        return check_action(case, action, fields, context, liable)

    def action_entries(self, case, action, fields, context):
        return action_entries(case, action, fields, context)


NNDR = DebtType(
    id="nndr",
    label="Business rates (NNDR)",
    ladder=LADDER,
    params=NndrParameters,
    columns=COLUMNS,
    guards=GUARDS,
    rules=NndrRules(),
    description="Non-domestic rates, recovered under the Non-Domestic Rating (Collection and Enforcement) (Local Lists) "
                "Regulations 1989.",
)
