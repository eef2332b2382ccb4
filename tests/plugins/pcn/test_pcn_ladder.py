"""The nightly review of a PCN: Notice to Owner, charge certificate, registration, warrant, holds (DOMAIN §5.2)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_pcn.ladder import LADDER


def test_notice_to_owner_on_day_29_not_before(case, review_of):
    assert review_of(case(today=date(2025, 6, 29))).move is None
    assert review_of(case(today=date(2025, 6, 29))).next_review == date(2025, 6, 30)
    out = review_of(case(today=date(2025, 6, 30)))
    assert (out.move.rule, out.move.to_stage) == ("notice_to_owner", "notice_to_owner")
    assert out.move.reason == (
        "On-street PCN served 2025-06-02: £70.00 unpaid at the end of its 28-day payment period on 2025-06-29; Notice to "
        "Owner sent, deemed served 2025-07-02; pay or make representations by 2025-07-29 (reg 20; no Notice to Owner "
        "after 2025-12-01)."
    )
    assert out.next_review == date(2025, 7, 30)  # the charge certificate, if nothing changes


def test_the_councils_grace_days_delay_the_notice_to_owner(case, review_of):
    assert review_of(case(today=date(2025, 7, 2)), notice_to_owner_grace_days=3).move is None
    out = review_of(case(today=date(2025, 7, 3)), notice_to_owner_grace_days=3)
    assert out.move.rule == "notice_to_owner" and "on 2025-06-29 and 3 days' grace" in out.move.reason


def test_a_part_paid_pcn_gets_a_notice_to_owner_for_the_rest(case, review_of):
    out = review_of(case(today=date(2025, 6, 30), paid=2000, last_payment_on=date(2025, 6, 20)))
    assert out.move.rule == "notice_to_owner" and "£50.00 unpaid" in out.move.reason


def test_a_paid_pcn_is_closed_not_escalated(case, review_of):
    out = review_of(case(today=date(2025, 6, 25), paid=7000, last_payment_on=date(2025, 6, 25)))
    assert (out.move.rule, out.move.to_stage) == ("cleared", "paid")


def test_a_postal_pcn_has_no_notice_to_owner_and_goes_to_the_charge_certificate(case, review_of):
    camera = dict(served_by="camera")  # posted 2 June, served 4 June, 28 days to 1 July
    assert review_of(case(today=date(2025, 7, 1), **camera)).move is None
    out = review_of(case(today=date(2025, 7, 2), **camera))
    assert (out.move.rule, out.move.to_stage) == ("charge_certificate_postal", "charge_certificate")
    assert out.move.reason.startswith("Postal PCN (reg 10) served 2025-06-04: £70.00 unpaid and no representations by "
                                      "2025-07-01 (28 days beginning with service); charge certificate sent")
    assert out.state["cc_increase_pence"] == 3500


def test_challenge_rejected_after_the_payment_period_without_an_offer_sends_the_notice_at_once(case, review_of):
    back = case(today=date(2025, 7, 10), stage_since=date(2025, 7, 10), state={"challenge_rejected_on": "2025-07-10"})
    out = review_of(back, challenge_reoffer_days=0)
    assert out.move.rule == "notice_to_owner" and "after the challenge was rejected on 2025-07-10" in out.move.reason


def test_a_challenge_rejected_early_keeps_the_payment_period(case, review_of):
    back = case(today=date(2025, 6, 5), stage_since=date(2025, 6, 5), state={"challenge_rejected_on": "2025-06-05"})
    assert review_of(back).next_review == date(2025, 6, 30)


def test_notice_to_owner_on_its_last_lawful_day_even_within_an_offered_discount(case, review_of):
    late = dict(stage_since=date(2025, 11, 25), state={"challenge_rejected_on": "2025-11-25"})
    assert review_of(case(today=date(2025, 11, 25), **late)).next_review == date(2025, 12, 1)
    out = review_of(case(today=date(2025, 12, 1), **late))
    assert out.move.rule == "notice_to_owner"
    assert "(today is the last day a Notice to Owner may be sent)" in out.move.reason


def test_no_notice_to_owner_after_six_months(case, review_of):
    back = case(today=date(2025, 12, 2), stage_since=date(2025, 12, 2), state={"challenge_rejected_on": "2025-12-02"})
    out = review_of(back)
    assert (out.move.rule, out.move.to_stage) == ("notice_to_owner_out_of_time", "time_barred")
    assert out.move.reason == (
        "£70.00 unpaid but no Notice to Owner may be sent now: the 6 months beginning with service on 2025-06-02 ended "
        "2025-12-01 (reg 20(2)); the PCN cannot be enforced and the balance is cancelled."
    )


@pytest.mark.parametrize("stage", ["informal_challenge", "representations", "appeal", "witness_statement", "warrant_of_control",
                                   "enforcement_agent", "ea_enforcement", "ea_sale"])
def test_held_stages_never_escalate(case, review_of, stage):
    out = review_of(case(today=date(2025, 7, 1), stage=stage, stage_since=date(2025, 6, 10)))
    assert out.move is None
    assert out.next_review is None or stage == "representations"


def test_a_challenge_held_past_six_months_is_not_time_barred_until_rejected(case, review_of):
    out = review_of(case(today=date(2026, 1, 5), stage="informal_challenge", stage_since=date(2025, 6, 10)))
    assert out.move is None and out.next_review is None


def test_representations_undecided_for_56_days_are_taken_as_accepted(case, review_of):
    reps = dict(stage="representations", stage_since=date(2025, 7, 10), paid=2000, last_payment_on=date(2025, 7, 1))
    assert review_of(case(today=date(2025, 9, 3), **reps)).move is None  # the 56th day beginning with receipt
    out = review_of(case(today=date(2025, 9, 4), **reps))
    assert (out.move.rule, out.move.to_stage) == ("representations_deemed_accepted", "cancelled")
    assert out.move.reason == ("No decision on the representations received 2025-07-10 within 56 days (by 2025-09-03): "
                               "taken as accepted, PCN cancelled; £20.00 paid, to be refunded.")


def test_we23_charge_certificate_28_days_after_the_notice_to_owner_is_served(case, review_of):
    nto = dict(stage="notice_to_owner", stage_since=date(2025, 7, 1))  # posted 1 July, served 3 July
    assert review_of(case(today=date(2025, 7, 30), **nto)).move is None
    out = review_of(case(today=date(2025, 7, 31), **nto))
    assert (out.move.rule, out.move.to_stage) == ("charge_certificate", "charge_certificate")
    assert out.move.reason == (
        "£70.00 unpaid and no representations by 2025-07-30 (28 days beginning with service of the Notice to Owner on "
        "2025-07-03); charge certificate sent, charge increased by 50% (£35.00) to £105.00; deemed served 2025-08-04, "
        "pay by 2025-08-17 (reg 21)."
    )
    assert out.next_review == date(2025, 8, 18)


@pytest.mark.parametrize("stage, rule, words", [
    ("notice_of_rejection", "charge_certificate_after_rejection", "no appeal by 2025-09-01 (28 days beginning with service of "
                                                                  "the notice of rejection on 2025-08-05)"),
    ("appeal_refused", "charge_certificate_after_appeal", "unpaid by 2025-09-01 (28 days beginning with service of the "
                                                          "tribunal's refusal on 2025-08-05)"),
])
def test_charge_certificate_28_days_after_a_decision_is_served(case, review_of, stage, rule, words):
    decided = dict(stage=stage, stage_since=date(2025, 8, 1), balance=7000)  # Friday; Monday, Tuesday
    assert review_of(case(today=date(2025, 9, 1), **decided)).move is None
    out = review_of(case(today=date(2025, 9, 2), **decided))
    assert out.move.rule == rule and words in out.move.reason


def test_we23_registration_at_the_tec_14_days_after_the_charge_certificate_is_served(case, review_of):
    cc = dict(stage="charge_certificate", stage_since=date(2025, 7, 31), charged=10500, state={"cc_increase_pence": 3500})
    assert review_of(case(today=date(2025, 8, 17), **cc)).move is None
    out = review_of(case(today=date(2025, 8, 18), **cc))
    assert (out.move.rule, out.move.to_stage) == ("register_at_tec", "tec_registration")
    assert ("£105.00 unpaid by 2025-08-17 (14 days beginning with service of the charge certificate on 2025-08-04): "
            "registered at the Traffic Enforcement Centre with the £8.00 fee, debt now £113.00") in out.move.reason
    assert "Order for Recovery deemed served 2025-08-20, pay or file a witness statement by 2025-09-09" in out.move.reason
    assert out.state == {"cc_increase_pence": 3500, "tec_on": "2025-08-18", "tec_fee_pence": 800}
    assert out.next_review == date(2025, 9, 10)


def test_warrant_of_control_21_days_after_the_order_for_recovery_is_served(case, review_of):
    tec = dict(stage="tec_registration", stage_since=date(2025, 8, 22), charged=11300)  # Friday before the bank holiday
    assert review_of(case(today=date(2025, 9, 16), **tec)).move is None  # served Wed 27 August; 21 days to 16 September
    out = review_of(case(today=date(2025, 9, 17), **tec))
    assert (out.move.rule, out.move.to_stage) == ("warrant_of_control", "warrant_of_control")
    assert out.move.reason == ("£113.00 unpaid and no witness statement by 2025-09-16 (21 days beginning with service of "
                               "the Order for Recovery on 2025-08-27): warrant of control requested from the TEC.")


def test_every_reason_is_filled_in(case, review_of):
    """Walk an unpaid on-street PCN to the warrant: each step's reason names no unknown fact."""
    c = case(today=date(2025, 6, 30))
    for _ in range(4):
        out = review_of(c)
        assert out.move is not None and "{" not in out.move.reason, out.move.reason
        c = case(today=out.next_review, stage=out.move.to_stage, stage_since=c.today, state=out.state or c.state)
    assert out.move.to_stage == "warrant_of_control"


def test_the_ladder_offers_the_officer_actions_of_each_stage():
    assert {a.name for a in LADDER.actions("pcn_served")} == {"informal_challenge", "representations_on_pcn", "write_off"}
    assert {a.name for a in LADDER.actions("tec_registration")} == {"witness_statement_filed", "agree_payment_plan", "write_off"}
    assert LADDER.is_terminal("time_barred") and LADDER.is_terminal("cancelled")
