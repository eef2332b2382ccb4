"""The Garden waste debt type: its ladder as data, its guards, and what it decides (billing, the nightly review)."""

from datetime import timedelta

from arrears import (
    ANY, Billing, Charge, DebtType, DebtTypeRules, Ladder, LadderReview, Stage, Transition, cleared,
)

from .params import GardenWasteParameters

LADDER = Ladder(
    stages=(
        Stage("invoice", "Invoice raised"),
        Stage("reminder", "Reminder sent"),
        Stage("paid", "Paid", terminal=True),
        Stage("written_off", "Written off", terminal=True),
    ),
    transitions=(
        Transition("cleared", ANY, "paid", guard="cleared", reason="Nothing left to pay: {paid} received."),
        Transition(
            "reminder", "invoice", "reminder", guard="terms_over", uses=("payment_terms_days",),
            reason="{balance} unpaid after {payment_terms_days} days' terms; reminder sent, pay by {pay_by}.",
        ),
        Transition("write_off", ANY, "written_off", kind="action", fields=("reason",),
                   reason="Write off the debt (needs the council's delegated authority)."),
    ),
)


def terms_over(case, context):
    """The reminder falls due the day after the payment terms run out, if anything is unpaid."""
    if case.balance_pence <= 0:
        return None
    return case.opened_on + timedelta(days=context.params.payment_terms_days + 1)


GUARDS = {"cleared": cleared, "terms_over": terms_over}


def explain(case, context, rule, state):
    """The facts a move's reason names beyond the core's: the reminder's pay-by date."""
    if rule == "reminder":
        return {"pay_by": (case.today + timedelta(days=context.params.reminder_days)).isoformat()}
    return {}


class GardenWasteRules(DebtTypeRules):
    """Billing raises the invoice; the nightly review fires the first due rule and says why."""

    review = LadderReview(LADDER, GUARDS, on_move=explain)
    rule_names = ("reminder",)
    reason_facts = {"reminder": ("pay_by",)}

    def bill(self, case, context):
        return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Garden waste invoice")])


GARDEN_WASTE = DebtType(
    id="garden_waste",
    label="Garden waste",
    ladder=LADDER,
    params=GardenWasteParameters,
    guards=GUARDS,
    rules=GardenWasteRules(),
    description="Garden waste debts: invoice, reminder, then an officer's decision.",
)
