"""What the day's council tax moves add to the account: summons and liability order costs, enforcement agent fees.

Costs come from the profile (DOMAIN §7.3); enforcement agent fees from the
dated schedule in ``[debt_types.council_tax.enforcement]`` (SI 2014/1, DOMAIN
§7.1), each added when its stage starts (WE-01, WE-02). The percentage is on the
sum to be recovered, the agent's own fees excluded: the liability order's sum
and costs (recorded in the case's state when the order is made), less what has
been paid since.
"""

from __future__ import annotations

from arrears import Case, Fee, Move, enforcement_fee, format_pence

SUMMONS = {"summons_after_loss", "summons_after_final_notice", "resummons"}
LIABILITY_ORDER = {"liability_order_granted", "adjourned_order_granted"}
EA_STAGE = {
    "refer_enforcement_agent": "compliance",
    "policy_enforcement_agent": "compliance",
    "ea_enforcement_stage": "enforcement",
    "ea_sale_stage": "sale",
}


def sum_to_recover(case: Case, params) -> int:
    """The sum the enforcement agent recovers, its own fees excluded.

    The liability order's amount less payments since; without that record (an
    order made before this was tracked) the balance less the compliance fee.
    """
    st = case.state
    if "lo_debt_pence" in st:
        return max(0, st["lo_debt_pence"] - (case.paid_pence - st.get("lo_paid_pence", 0)))
    return max(0, case.balance_pence - params.enforcement.compliance_pence)


def fees_for(case: Case, move: Move, params) -> list[Fee]:
    """The fees one move adds (none for most moves)."""
    rule = move.rule
    if rule in SUMMONS and params.summons_costs_pence:
        return [Fee(case.id, params.summons_costs_pence, "summons_costs", "Summons costs (reg 34(7))")]
    if rule in LIABILITY_ORDER and params.liability_order_costs_pence:
        return [Fee(case.id, params.liability_order_costs_pence, "liability_order_costs", "Liability order costs (reg 34(7))")]
    stage = EA_STAGE.get(rule)
    if stage is None:
        return []
    schedule = params.enforcement
    debt = sum_to_recover(case, params)
    amount = enforcement_fee(stage, debt, schedule)
    if not amount:
        return []
    detail = ""
    if stage != "compliance" and debt > schedule.threshold_pence:
        detail = (f": {format_pence(_fixed(stage, schedule))} + {schedule.percentage}% of "
                  f"{format_pence(debt - schedule.threshold_pence)} over {format_pence(schedule.threshold_pence)}")
    return [Fee(case.id, amount, f"ea_{stage}", f"Enforcement agent {stage} fee{detail} (SI 2014/1)")]


def _fixed(stage: str, schedule) -> int:
    return schedule.enforcement_pence if stage == "enforcement" else schedule.sale_pence


def transition_fees(context, moves: list[tuple[Case, Move]]) -> list[Fee]:
    params = context.params
    out: list[Fee] = []
    for case, move in moves:
        out.extend(fees_for(case, move, params))
    return out
