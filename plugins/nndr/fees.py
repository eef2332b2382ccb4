"""Costs and fees business rates transitions add (DOMAIN §2.2, §7.1, §7.3).

Summons costs when the summons is issued, liability-order costs when the order
is recorded (both from the profile), and the enforcement agent's fee as each
stage starts: compliance, enforcement, sale (SI 2014/1; the whole fee for a
stage is due once it starts, reg 4(3)). The percentage part is on the sum to
be recovered, the agent's own fees excluded.
"""

from __future__ import annotations

from arrears import Case, Fee, Move, enforcement_fee, format_pence

__all__ = ["fees_for", "ea_fees_so_far", "sum_to_recover", "EA_STAGE_OF", "CHARGED_BEFORE_EA"]

SUMMONS = frozenset({"summons", "resummons"})
LIABILITY_ORDER = frozenset({"liability_order_granted", "adjourned_order_granted"})
EA_STAGE_OF = {"enforcement_agent": "compliance", "ea_enforcement": "enforcement", "ea_sale": "sale"}
"""The ladder stage at whose start each enforcement agent fee falls due."""

CHARGED_BEFORE_EA = "charged_before_ea_pence"
"""State key: the account's charges and costs before any enforcement agent fee (recorded by the nightly review)."""


def ea_fees_so_far(case: Case, params) -> int:
    """Enforcement agent fees already on the account.

    Charges only grow by the demand, court costs and agent fees, so the fees
    are what was charged since the review recorded ``charged_before_ea_pence``.
    Without that record: everything charged beyond the demand and the court
    costs in force today.
    """
    before = case.state.get(CHARGED_BEFORE_EA)
    if not isinstance(before, int):
        before = case.amount_pence + params.summons_costs_pence + params.liability_order_costs_pence
    return max(0, case.charged_pence - before)


def sum_to_recover(case: Case, params) -> int:
    """The percentage base: the balance less the agent's own fees (DOMAIN §7.1 'principal debt') [M]."""
    return max(0, case.balance_pence - ea_fees_so_far(case, params))


def fees_for(case: Case, move: Move, params) -> list[Fee]:
    """The costs or fee one move adds (nothing for a zero amount)."""
    if move.rule in SUMMONS:
        found = [(params.summons_costs_pence, "summons_costs", "Summons costs (NNDR Regs reg 12)")]
    elif move.rule in LIABILITY_ORDER:
        found = [(params.liability_order_costs_pence, "liability_order_costs", "Liability order costs (NNDR Regs reg 12)")]
    elif move.to_stage in EA_STAGE_OF:
        stage = EA_STAGE_OF[move.to_stage]
        base = sum_to_recover(case, params)
        amount = enforcement_fee(stage, base, params.enforcement)
        found = [(amount, f"ea_{stage}_fee",
                  f"Enforcement agent {stage} fee (SI 2014/1) on {format_pence(base)} to be recovered")]
    else:
        found = []
    return [Fee(case.id, amount, code, text) for amount, code, text in found if amount > 0]
