"""Protocol facts recorded by officers without moving the case, and what they change (DOMAIN §6.1)."""

from __future__ import annotations

import json


def test_protocol_actions_leave_the_stage_and_its_clock_alone(council, csv, h):
    h.open(council, csv, {"reference": "P1"})
    h.run_to(council, "2025-04-21")
    assert h.show(council, "P1")["stage"] == "first_letter"
    listed = json.loads(council("account", "actions", "P1", "--council", "rentshire", "--json").output)
    stays = {a["action"]: a["to_stage"] for a in listed}
    assert stays["rent_statement_sent"] == "first_letter" and stays["uc_managed_payment"] == "first_letter"
    h.act(council, "P1", "uc_managed_payment", "2025-04-23", "in_place=yes")
    h.act(council, "P1", "rent_statement_sent", "2025-04-24", "sent_on=2025-04-24")
    shown = h.show(council, "P1")
    assert (shown["stage"], shown["stage_since"]) == ("first_letter", "2025-04-21")
    assert h.moves(shown)[-2:] == [("2025-04-23", "uc_managed_payment", "first_letter"),
                                   ("2025-04-24", "rent_statement_sent", "first_letter")]
    h.run_to(council, "2025-05-05")                                   # 14 days after the first letter, as before
    second = h.events(h.show(council, "P1"))[-1]
    assert (second["date"], second["rule"]) == ("2025-05-05", "second_letter")
    assert second["reason"].endswith("second arrears letter sent; UC managed payment in place.")
    assert second["facts"]["statement_due_on"] == "2025-07-24" and second["facts"]["uc_managed_payment"] is True
    h.run_to(council, "2025-05-19")
    task = h.events(h.show(council, "P1"))[-1]
    assert "ask the DWP for a third-party deduction for the arrears (10%-20% of the standard allowance)" in task["reason"]


def test_a_pending_benefit_claim_stops_the_nsp_until_it_is_decided(council, csv, h):
    h.open(council, csv, {"reference": "B1", "benefit_claim_pending": "yes"})
    h.run_to(council, "2025-05-19")
    assert h.show(council, "B1")["stage"] == "contact_task"
    refused = h.act(council, "B1", "serve_nsp", "2025-05-19", "proceedings_date=2025-06-22", "served_by=hand", expect=1)
    assert "a benefit claim the tenant has properly made is still pending" in refused.output
    assert "record benefit_claim_decided first" in refused.output
    h.act(council, "B1", "benefit_claim_decided", "2025-05-20", "outcome=refused")
    early = h.act(council, "B1", "serve_nsp", "2025-05-20", "proceedings_date=2025-06-15", "served_by=hand", expect=1)
    assert "the earliest is 2025-06-22" in early.output
    h.act(council, "B1", "serve_nsp", "2025-05-20", "proceedings_date=2025-06-22", "served_by=hand")
    shown = h.show(council, "B1")
    assert shown["stage"] == "nsp_served" and h.events(shown)[-1]["facts"]["proceedings_date"] == "2025-06-22"
    assert "benefit claim pending" in h.events(shown)[0]["reason"]    # every automatic move showed the flag
