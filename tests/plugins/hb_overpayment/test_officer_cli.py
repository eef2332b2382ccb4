"""Officer actions through the CLI: an appeal that cancels, and an officer trying one method after another."""

from __future__ import annotations


def test_an_appeal_allowed_cancels_the_overpayment_and_closes_the_case(council, csv, h):
    council("import", "accounts", csv.accounts([h.row("APP", amount="300.00")]), "--council", "hbshire")
    h.run_to(council, "2025-02-10")
    h.act(council, "APP", "appeal_lodged", "2025-02-10", "lodged_on=2025-02-07")
    h.run_to(council, "2025-03-10")
    assert h.show(council, "APP")["stage"] == "appeal"           # recovery held past the window
    h.act(council, "APP", "appeal_allowed", "2025-03-11", "decision=tribunal found no overpayment")
    shown = h.show(council, "APP")
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("cancelled", 0, "2025-03-11")
    assert [(t["type"], t["amount_pence"]) for t in shown["timeline"] if t["type"] == "adjustment"] == [("adjustment", -30_000)]


def test_an_officer_tries_one_method_after_another_each_refused_or_recorded_with_its_reason(council, csv, h):
    council("import", "accounts", csv.accounts([h.row("M", landlord_paid="yes", rent_account="RA-1")]), "--council", "hbshire")
    h.run_to(council, "2025-03-20")
    # invoice, final notice, then the next method in the council's order the facts allow: the landlord
    assert h.moves(h.show(council, "M"))[-1] == ("2025-03-20", "landlord_after_final_notice", "landlord_recovery")
    steps = [
        ("landlord_recovery_ended", ["outcome=landlord disputes"], "recovery_review"),
        ("recover_from_landlord", ["landlord=Homes Ltd"], "landlord_recovery"),
        ("landlord_recovery_ended", ["outcome=landlord gone"], "recovery_review"),
        ("ask_other_council", ["council=Otherton"], "landlord_recovery"),
        ("landlord_recovery_ended", ["outcome=no HB there"], "recovery_review"),
        ("transfer_to_rent_account", ["rent_account=RA-1"], "rent_account_transfer"),
        ("rent_transfer_ended", ["outcome=tenancy ended"], "recovery_review"),
        ("refer_collection_agent", ["agent=Agents Ltd"], "collection_agent"),
        ("agent_returned", ["outcome=no contact"], "recovery_review"),
        ("issue_invoice", [], "invoice"),
        ("invoice_recalled", ["outcome=wrong address"], "recovery_review"),
    ]
    for action, fields, stage in steps:
        h.act(council, "M", action, "2025-03-21", *fields)
        assert h.show(council, "M")["stage"] == stage, action
    refused = h.act(council, "M", "agree_hardship_rate", "2025-03-21", "weekly_amount=5", "evidence=x", expect=None)
    assert refused.exit_code != 0 and "does not allow 'agree_hardship_rate'" in refused.output
    shown = h.show(council, "M")
    returned = [t for t in shown["timeline"] if t.get("rule") == "agent_returned"][0]
    assert "The facts allow: invoice (an invoice needs no other fact); recovery from the landlord (HB was paid to the " \
           "landlord); transfer to the council rent account (council rent account RA-1 on record)" in returned["reason"]
    h.run_to(council, "2025-03-22")
    assert h.show(council, "M")["stage"] == "recovery_review"   # the nightly run leaves an officer's queue alone
