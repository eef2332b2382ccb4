"""Court fees a rent case's moves add: the possession claim's issue fee and the warrant of possession fee (DOMAIN §7.2).

Both are dated profile parameters, so the fee is the one in force on the day
the officer records the step (WE-39: a claim issued on 2025-03-01 pays £391,
one issued on 2025-05-01 pays £404).
"""

from __future__ import annotations

from arrears import Case, Fee, Move

__all__ = ["fee_for", "transition_fees"]

FEES = {
    "issue_possession_claim": ("possession_claim_fee_pence", "possession_claim_fee",
                               "County court possession claim issue fee (CPR 55)"),
    "request_warrant": ("warrant_fee_pence", "warrant_fee", "Warrant of possession fee (N325)"),
}


def fee_for(rule: str, params) -> tuple[int, str, str] | None:
    """(pence, code, description) of the court fee ``rule`` adds, or None."""
    found = FEES.get(rule)
    if found is None:
        return None
    name, code, text = found
    amount = getattr(params, name)
    return (amount, code, text) if amount else None


def transition_fees(context, moves: list[tuple[Case, Move]]) -> list[Fee]:
    out = []
    for case, move in moves:
        fee = fee_for(move.rule, context.params)
        if fee:
            out.append(Fee(case.id, *fee))
    return out
