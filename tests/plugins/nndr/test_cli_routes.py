"""Remedies after the liability order through the CLI: offered, refused with reasons, WE-18 at the thresholds."""

from __future__ import annotations

import json

ACCOUNTS = [  # rates + £80 summons costs + £20 liability order costs = the debt at the order
    ("CO750", "company", "650.00"), ("CO75001", "company", "650.01"),
    ("ST", "sole_trader", "900.00"), ("IND499999", "person", "4899.99"), ("IND5000", "person", "4900.00"),
]


def _to_liability_order(council, csv):
    council("import", "accounts", csv.accounts([
        {"reference": ref, "debtor_ref": f"D-{ref}", "debtor_name": f"Ratepayer {ref}", "amount": amount,
         "date": "2025-03-10", "debtor_kind": kind, "financial_year": 2025} for ref, kind, amount in ACCOUNTS
    ]), "--council", "ratesville")
    council("run", "--council", "ratesville", "--date", "2025-05-13")


def _act(council, h, ref, action, *fields):
    return h.act(council, ref, action, "2025-05-13", *fields, expect=None)


def test_actions_offered_after_the_liability_order(council, csv, h):
    _to_liability_order(council, csv)
    shown = h.show(council, "CO750")
    assert (shown["stage"], shown["balance_pence"]) == ("liability_order", 75_000)
    offered = json.loads(council("account", "actions", "CO750", "--council", "ratesville", "--json").output)
    names = {a["action"] for a in offered}
    assert names == {"refer_enforcement_agent", "apply_committal", "petition_bankruptcy", "petition_winding_up",
                     "hardship_relief", "write_off"}
    for route in ("attach_earnings", "apply_benefit_deductions", "apply_charging_order"):
        result = _act(council, h, "CO750", route, "x=y")
        assert result.exit_code != 0 and f"does not allow {route!r}" in result.output


def test_we18_winding_up_and_bankruptcy_at_the_thresholds(council, csv, h):
    _to_liability_order(council, csv)
    refused = _act(council, h, "CO750", "petition_winding_up", "court=High Court")
    assert refused.exit_code != 0 and "needs a debt over £750.00" in refused.output and "balance is £750.00" in refused.output
    assert _act(council, h, "CO75001", "petition_winding_up", "court=High Court").exit_code == 0
    refused = _act(council, h, "ST", "petition_winding_up", "court=High Court")
    assert refused.exit_code != 0 and "winding-up is for a company ratepayer, not a sole_trader" in refused.output
    refused = _act(council, h, "IND499999", "petition_bankruptcy", "court=County Court")
    assert refused.exit_code != 0 and "at least £5,000.00" in refused.output
    assert _act(council, h, "IND5000", "petition_bankruptcy", "court=County Court").exit_code == 0
    assert h.show(council, "IND5000")["stage"] == "bankruptcy"
    assert h.show(council, "CO750")["stage"] == "liability_order"


def test_committal_refused_for_a_company_open_to_a_sole_trader(council, csv, h):
    _to_liability_order(council, csv)
    refused = _act(council, h, "CO75001", "apply_committal", "ea_return_date=2025-05-13")
    assert refused.exit_code != 0 and "only for an individual ratepayer" in refused.output
    assert _act(council, h, "ST", "apply_committal", "ea_return_date=2025-05-13").exit_code == 0
    assert h.show(council, "ST")["stage"] == "committal"
