"""What sundry moves add to the account: Late Payment Act charges, court fees and fixed costs (DOMAIN §3.2, §7.2, §7.4).

* A pre-action letter to a business debtor (a company's letter before claim; a
  sole trader's Letter of Claim when the profile charges sole traders), sent
  nightly or by an officer, adds the Act's compensation (once) and statutory
  interest to date, when the profile charges them.
* A county court claim adds statutory interest since it was last charged (when
  charged), then the issue fee for the claim's value, interest included, from
  the fee table in force on the day; and the council's fixed costs, if any.
* Judgment adds the council's judgment costs, if any; enforcement the court fee
  the profile gives for the method, if any.
"""

from __future__ import annotations

from arrears import Case, Fee, Move, format_pence

from . import late_payment
from .court import claim_issue_fee
from .late_payment import LateCharges

LETTERS = frozenset({"letter_before_claim_after_final_notice", "letter_before_claim_after_reminder",
                     "send_letter_before_claim", "letter_of_claim_after_final_notice", "letter_of_claim_after_reminder",
                     "send_letter_of_claim"})
METHOD_WORDS = {
    "warrant_of_control": "a warrant of control", "high_court_writ": "transfer to the High Court for a writ",
    "attachment_of_earnings": "an attachment of earnings order", "charging_order": "a charging order application",
    "third_party_debt_order": "a third-party debt order", "order_to_obtain_information": "an order to obtain information",
    "bankruptcy": "a bankruptcy petition", "winding_up": "a winding-up petition",
}


def _late_fees(case: Case, charges: LateCharges) -> list[Fee]:
    out = []
    if charges.compensation_pence:
        out.append(Fee(case.id, charges.compensation_pence, "late_payment_compensation",
                       f"Late Payment Act compensation ({charges.compensation_note})"))
    if charges.interest_pence:
        out.append(Fee(case.id, charges.interest_pence, "statutory_interest",
                       f"Late Payment Act statutory interest ({charges.interest_note})"))
    return out


def fees_for(case: Case, move: Move, context) -> list[Fee]:
    """The fees one move adds (none for most moves)."""
    p, rule = context.params, move.rule
    if rule in LETTERS:
        if not late_payment.applies(case, p):
            return []
        stored = move.facts.get("charges")  # the nightly review worked them out before recording the letter
        charges = LateCharges(**stored) if stored else late_payment.charges(case, p, context.today, with_compensation=True)
        return _late_fees(case, charges)
    if rule == "issue_county_court_claim":
        out: list[Fee] = []
        claim = case.balance_pence
        if late_payment.applies(case, p):
            charges = late_payment.charges(case, p, context.today, with_compensation=False)
            out.extend(_late_fees(case, charges))
            claim += charges.interest_pence
        fee, band = claim_issue_fee(claim, p.claim_issue_fees)
        if fee:
            out.append(Fee(case.id, fee, "claim_issue_fee",
                           f"County court claim issue fee on a claim of {format_pence(claim)} ({band}; Civil "
                           "Proceedings Fees Order 2008)"))
        if p.claim_fixed_costs_pence:
            out.append(Fee(case.id, p.claim_fixed_costs_pence, "claim_fixed_costs", "Fixed costs on issuing the claim"))
        return out
    if rule == "record_judgment" and p.judgment_costs_pence:
        return [Fee(case.id, p.judgment_costs_pence, "judgment_costs", "Fixed costs on entering judgment")]
    if rule == "enforce_judgment":
        method = move.facts.get("method", "")
        amount = p.enforcement_court_fees.get(method, 0)
        if amount:
            return [Fee(case.id, amount, f"court_fee_{method}", f"Court fee for {METHOD_WORDS.get(method, method)}")]
    return []


def transition_fees(context, moves: list[tuple[Case, Move]]) -> list[Fee]:
    return [fee for case, move in moves for fee in fees_for(case, move, context)]
