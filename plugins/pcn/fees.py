"""What the day's PCN moves add to (or take off) the account.

The discount, when the discounted charge settles the PCN; the charge
certificate's 50% increase (reg 21); the registration fee at the Traffic
Enforcement Centre (£8, DOMAIN §7.2); the enforcement agent's fees from the
dated schedule in ``[debt_types.pcn.enforcement]`` (SI 2014/1, DOMAIN §7.1),
each when its stage starts; and the balance taken off when representations are
taken as accepted or the Notice to Owner is out of time. (Cancellations an
officer records are posted by :func:`arrears_pcn.actions.action_entries`.)
"""

from __future__ import annotations

from arrears import Case, Fee, Move, enforcement_fee, format_pence

from .amounts import certificate_increase_pence, discount_pence, discounted_pence
from .records import CERTIFICATE_RULES, DISCOUNT_RULES

EA_STAGE = {"refer_enforcement_agent": "compliance", "ea_enforcement_stage": "enforcement", "ea_sale_stage": "sale"}
EA_STAGES = ("enforcement_agent", "ea_enforcement", "ea_sale")


def sum_to_recover(case: Case, params) -> int:
    """The sum the enforcement agent recovers, its own fees excluded.

    The balance when the warrant was first passed to an agent, less payments
    since; without that record, the balance less the compliance fee.
    """
    st = case.state
    if "ea_debt_pence" in st:
        return max(0, st["ea_debt_pence"] - (case.paid_pence - st.get("ea_paid_pence", 0)))
    fees = params.enforcement.compliance_pence if case.stage in EA_STAGES else 0
    return max(0, case.balance_pence - fees)


def fees_for(case: Case, move: Move, params) -> list[Fee]:
    """The entries one move adds (none for most moves)."""
    rule, amount = move.rule, case.amount_pence
    if rule in DISCOUNT_RULES:
        return [Fee(case.id, -discount_pence(amount, params), "pcn_discount",
                    f"Discount ({params.discount_percent}%): the discounted charge of "
                    f"{format_pence(discounted_pence(amount, params))} paid within the discount period", "adjustment")]
    if rule in CERTIFICATE_RULES:
        return [Fee(case.id, certificate_increase_pence(amount, params), "charge_certificate",
                    f"Charge certificate: the {format_pence(amount)} penalty charge increased by "
                    f"{params.certificate_increase_percent}% (reg 21)")]
    if rule == "register_at_tec" and params.tec_registration_fee_pence:
        return [Fee(case.id, params.tec_registration_fee_pence, "tec_registration",
                    "Registration at the Traffic Enforcement Centre (CPR 75)")]
    if rule == "representations_deemed_accepted" and case.balance_pence + case.paid_pence:
        paid = f"; {format_pence(case.paid_pence)} paid, to be refunded" if case.paid_pence > 0 else ""
        return [Fee(case.id, -(case.balance_pence + case.paid_pence), "pcn_cancelled",
                    f"PCN cancelled: representations taken as accepted, no decision in time{paid}", "adjustment")]
    if rule == "notice_to_owner_out_of_time" and case.balance_pence > 0:
        return [Fee(case.id, -case.balance_pence, "pcn_unenforceable",
                    "PCN cancelled: no Notice to Owner within the time allowed (reg 20(2))", "adjustment")]
    stage = EA_STAGE.get(rule)
    if stage is None:
        return []
    return _agent_fee(case, stage, params)


def _agent_fee(case: Case, stage: str, params) -> list[Fee]:
    schedule = params.enforcement
    debt = sum_to_recover(case, params)
    fee = enforcement_fee(stage, debt, schedule)
    if not fee:
        return []
    detail = ""
    if stage != "compliance" and debt > schedule.threshold_pence:
        fixed = schedule.enforcement_pence if stage == "enforcement" else schedule.sale_pence
        detail = (f": {format_pence(fixed)} + {schedule.percentage}% of {format_pence(debt - schedule.threshold_pence)} "
                  f"over {format_pence(schedule.threshold_pence)}")
    return [Fee(case.id, fee, f"ea_{stage}", f"Enforcement agent {stage} fee{detail} (SI 2014/1)")]


def transition_fees(context, moves: list[tuple[Case, Move]]) -> list[Fee]:
    params = context.params
    out: list[Fee] = []
    for case, move in moves:
        out.extend(fees_for(case, move, params))
    return out
