"""Service suspension until paid: a profile switch and an officer action (DOMAIN §3.1, Rutland seed)."""

from __future__ import annotations

from datetime import date

from arrears_sundry.review import review
from arrears_sundry.routes import check_action


def test_suspension_needs_the_profile_switch(case, ctx):
    c = case(today=date(2025, 6, 1), stage="officer_review")
    fields = {"service": "garden waste"}
    assert check_action(c, "suspend_service", fields, ctx(date(2025, 6, 1)), ["D-INV1"]) == (
        "the council's profile does not suspend services (service_suspension = false)")
    assert check_action(c, "suspend_service", fields, ctx(date(2025, 6, 1), service_suspension=True), ["D-INV1"]) is None


def test_the_suspension_is_recorded_and_named_when_the_debt_is_paid(case, ctx):
    c = case(today=date(2025, 6, 2), stage="service_suspended", stage_since=date(2025, 6, 2))
    outcome = review(c, ctx(date(2025, 6, 2), service_suspension=True))
    assert outcome.state == {"service_suspended_on": "2025-06-02"} and outcome.move is None
    paid = case(today=date(2025, 6, 20), stage="service_suspended", stage_since=date(2025, 6, 2), paid=12_050,
                state=outcome.state)
    move = review(paid, ctx(date(2025, 6, 20), service_suspension=True)).move
    assert move.reason == "Nothing left to pay: £120.50 received. The service suspended on 2025-06-02 may be restored."


def test_a_suspension_left_three_months_comes_back_for_review(case, ctx):
    c = case(today=date(2025, 9, 2), stage="service_suspended", stage_since=date(2025, 6, 2),
             state={"service_suspended_on": "2025-06-02"})
    move = review(c, ctx(date(2025, 9, 2), service_suspension=True)).move
    assert (move.rule, move.to_stage) == ("action_limit_reached", "officer_review")


def test_through_the_services_account_show_names_the_suspended_service(council_with):
    council = council_with(service_suspension=True, pre_action_letters=True)
    council.invoice("S1", "64.00", service="garden waste")
    council.run("2025-05-25")
    council.act("S1", "suspend_service", "2025-05-26", service="garden waste collection")
    council.run("2025-06-10")
    shown = council.show("S1")
    assert (shown["stage"], shown["stage_label"]) == ("service_suspended", "Service suspended until paid")
    event = [t for t in shown["timeline"] if t["type"] == "stage"][-1]
    assert event["facts"]["service"] == "garden waste collection" and event["officer"] == "officer"
    council.pay("S1", "64.00", "2025-06-11")
    council.run("2025-06-11")
    assert council.reasons("S1")["cleared"].endswith("The service suspended on 2025-05-26 may be restored.")
