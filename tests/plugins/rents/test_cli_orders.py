"""Agreements, the NSP, the court's orders and the warrant through the CLI: the state officer actions leave drives the run."""

from __future__ import annotations

from datetime import date

PAYMENTS = {date(2025, 5, 26): "105.00", date(2025, 6, 2): "105.00", date(2025, 10, 6): "3042.00"}
ACTIONS = [
    (date(2025, 5, 19), "agree_arrangement", ["instalment=5.00"], None),
    (date(2025, 6, 16), "serve_nsp", ["proceedings_date=2025-07-20", "served_by=hand"], None),
    (date(2025, 6, 20), "agree_arrangement", ["instalment=5.00"], None),
    (date(2025, 7, 21), "issue_possession_claim", ["claim_number=K2"], "a rent statement is overdue since 2025-07-08"),
    (date(2025, 7, 21), "rent_statement_sent", ["sent_on=2025-07-21"], None),
    (date(2025, 7, 21), "issue_possession_claim", ["claim_number=K2"], None),
    (date(2025, 7, 22), "agree_arrangement", ["instalment=5.00"], "an agreement is recorded before a possession claim"),
    (date(2025, 8, 18), "postponed_order_made", ["instalment=10.00"], None),
    (date(2025, 9, 10), "possession_date_fixed", ["possession_date=2025-09-24"], None),
    (date(2025, 9, 26), "request_warrant", ["warrant_number=W9"], None),
    (date(2025, 10, 1), "warrant_suspended", ["instalment=15.00"], None),
]
DAYS = sorted(set(PAYMENTS) | {on for on, *_ in ACTIONS})


def test_agreements_orders_and_the_warrant_follow_the_officers_records(council, csv, h):
    h.open(council, csv, {"reference": "ORD"})
    for day in DAYS:
        if day in PAYMENTS:
            h.pay(council, csv, ("ORD", PAYMENTS[day], day))
        h.run_to(council, day)
        for on, action, fields, refusal in ACTIONS:
            if on == day:
                result = h.act(council, "ORD", action, on, *fields, expect=None if refusal else 0)
                assert (result.exit_code != 0 and refusal in result.output) if refusal else True, result.output
    shown = h.show(council, "ORD")
    assert h.moves(shown) == [
        ("2025-04-14", "arrears_arise", "early_contact"), ("2025-04-21", "first_letter", "first_letter"),
        ("2025-05-05", "second_letter", "second_letter"), ("2025-05-19", "contact_task", "contact_task"),
        ("2025-05-19", "agree_arrangement", "arrangement"), ("2025-06-16", "arrangement_broken", "contact_task"),
        ("2025-06-16", "serve_nsp", "nsp_served"), ("2025-06-20", "agree_arrangement", "arrangement"),
        ("2025-06-30", "arrangement_broken_under_notice", "nsp_served"),
        ("2025-07-21", "rent_statement_sent", "nsp_served"), ("2025-07-21", "issue_possession_claim", "possession_claim"),
        ("2025-08-18", "postponed_order_made", "postponed_order"),
        ("2025-09-01", "postponed_order_breached", "postponed_breached"),
        ("2025-09-10", "possession_date_fixed", "possession_order_outright"),
        ("2025-09-25", "possession_date_passed", "breach"), ("2025-09-26", "request_warrant", "warrant_of_possession"),
        ("2025-10-01", "warrant_suspended", "suspended_order"), ("2025-10-06", "cleared_suspended_order", "current"),
    ]
    reasons = {e["rule"]: e["reason"] for e in h.events(shown)}
    assert reasons["arrangement_broken"].startswith(
        "Terms of the repayment agreement of 2025-05-19 broken: by 2025-06-15, 3 rent period(s) of £100.00 rent plus "
        "£5.00 were due (£315.00); £210.00 paid since; £105.00 short")
    assert "the Notice of Seeking Possession (proceedings after 2025-07-20) is still in force" in \
        reasons["arrangement_broken_under_notice"]
    assert "apply to the court to fix a possession date (PD 55A)" in reasons["postponed_order_breached"]
    assert reasons["possession_date_passed"].startswith("Possession date 2025-09-24 in the outright order passed")
    assert reasons["cleared_suspended_order"] == ("Arrears cleared (£3,252.00 received in all, balance £0.00); the "
                                                  "account is current again.")
    assert [(d, a) for d, a, _ in h.entries(shown, "fee")] == [("2025-07-21", 40_400), ("2025-09-26", 14_800)]
    assert (shown["stage"], shown["balance_pence"]) == ("current", 0)
