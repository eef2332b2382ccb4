"""The discount: paying the discounted charge within the discount period settles the PCN (DOMAIN §5.1, §5.2 stages 1-2)."""

from __future__ import annotations

from datetime import date

from arrears_pcn.fees import fees_for
from arrears_pcn.params import PcnParameters

P = PcnParameters()


def paid(case, on: date, pence: int, today: date | None = None, **kw):
    return case(today=today or on, paid=pence, last_payment_on=on, **kw)


def test_the_discounted_charge_paid_on_the_last_day_settles_the_pcn(case, review_of):
    out = review_of(paid(case, date(2025, 6, 15), 3500))
    assert (out.move.rule, out.move.to_stage, out.next_review) == ("paid_at_discount", "paid", None)
    assert out.move.reason == (
        "£35.00 paid by 2025-06-15, within the discount period ending 2025-06-15 (14 days beginning with service on "
        "2025-06-02): the discounted charge of £35.00 settles the PCN; £35.00 discount applied."
    )
    assert fees_for(paid(case, date(2025, 6, 15), 3500), out.move, P)[0].amount_pence == -3500


def test_the_discounted_charge_paid_a_day_late_does_not(case, review_of):
    out = review_of(paid(case, date(2025, 6, 16), 3500))
    assert out.move is None and out.next_review == date(2025, 6, 30)  # the Notice to Owner, for the £35.00 left


def test_less_than_the_discounted_charge_does_not_settle_it(case, review_of):
    assert review_of(paid(case, date(2025, 6, 10), 3499)).move is None


def test_two_payments_within_the_period_together_settle_it(case, review_of):
    out = review_of(paid(case, date(2025, 6, 12), 3500))  # £20 on 5 June and £15 on 12 June
    assert out.move.rule == "paid_at_discount"


def test_paying_the_full_charge_within_the_period_leaves_the_difference_to_refund(case, review_of):
    out = review_of(paid(case, date(2025, 6, 5), 7000))
    assert out.move.rule == "paid_at_discount"  # before "cleared": only the discounted charge was owed
    assert out.move.reason.endswith("£35.00 discount applied; £35.00 paid over it, to be refunded.")


def test_a_payment_within_the_period_recorded_later_still_earns_the_discount(case, review_of):
    out = review_of(paid(case, date(2025, 6, 14), 3500, today=date(2025, 6, 20)))
    assert out.move.rule == "paid_at_discount" and "paid by 2025-06-14" in out.move.reason


def test_a_camera_pcn_has_21_days_from_its_deemed_service(case, review_of):
    camera = dict(served_by="camera")
    out = review_of(paid(case, date(2025, 6, 24), 3500, **camera))  # posted 2 June, served 4 June
    assert out.move.rule == "paid_at_discount"
    assert "within the discount period ending 2025-06-24 (21 days beginning with service on 2025-06-04)" in out.move.reason
    assert review_of(paid(case, date(2025, 6, 25), 3500, **camera)).move is None


def test_a_band_1_lower_level_pcn_is_settled_by_20_pounds(case, review_of):
    out = review_of(paid(case, date(2025, 6, 10), 2000, amount=4000, attrs={"band": "1", "level": "lower"}))
    assert out.move.rule == "paid_at_discount" and "the discounted charge of £20.00" in out.move.reason
    assert review_of(paid(case, date(2025, 6, 10), 1999, amount=4000)).move is None


def test_the_discount_percentage_is_a_profile_parameter(case, review_of):
    assert review_of(paid(case, date(2025, 6, 10), 4200), discount_percent=40).move.rule == "paid_at_discount"
    assert review_of(paid(case, date(2025, 6, 10), 4199), discount_percent=40).move is None


def test_the_discount_is_kept_while_a_challenge_made_within_the_period_is_considered(case, review_of):
    held = dict(stage="informal_challenge", stage_since=date(2025, 6, 10))
    out = review_of(paid(case, date(2025, 7, 20), 3500, **held))
    assert (out.move.rule, out.move.to_stage) == ("paid_at_discount_in_challenge", "paid")
    assert "while the informal challenge made on 2025-06-10, within the discount period ending 2025-06-15" in out.move.reason
    late = dict(stage="informal_challenge", stage_since=date(2025, 6, 20))
    assert review_of(paid(case, date(2025, 6, 21), 3500, **late)).move is None


def test_a_rejected_challenge_offers_the_discount_again(case, review_of):
    back = dict(stage_since=date(2025, 7, 10), state={"challenge_rejected_on": "2025-07-10"})
    out = review_of(paid(case, date(2025, 7, 23), 3500, **back))  # 14 days beginning with the rejection
    assert out.move.rule == "paid_at_discount"
    assert "within the discount offered again on rejecting the challenge on 2025-07-10, to 2025-07-23" in out.move.reason
    late = review_of(paid(case, date(2025, 7, 24), 3500, **back)).move
    assert late.rule == "notice_to_owner"  # for the £35.00 left
    assert "£35.00 unpaid after the discount offered again on rejecting the challenge ended 2025-07-23" in late.reason


def test_without_the_offer_a_rejected_challenge_leaves_only_the_original_period(case, review_of):
    back = dict(stage_since=date(2025, 6, 12), state={"challenge_rejected_on": "2025-06-12"})
    assert review_of(paid(case, date(2025, 6, 15), 3500, **back), challenge_reoffer_days=0).move.rule == "paid_at_discount"
    assert review_of(paid(case, date(2025, 6, 20), 3500, **back), challenge_reoffer_days=0).move is None
    assert review_of(paid(case, date(2025, 6, 20), 3500, **back)).move.rule == "paid_at_discount"  # offered to 25 June


def test_no_discount_after_the_notice_to_owner(case, review_of):
    out = review_of(paid(case, date(2025, 7, 5), 3500, stage="notice_to_owner", stage_since=date(2025, 6, 30)))
    assert out.move is None
