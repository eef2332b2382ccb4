"""Limitation: six years from accrual, restarted by part payment or written acknowledgement (DOMAIN §3.2 stage 8, §9; WE-41)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_sundry.dates import accrued_on, limitation_end
from arrears_sundry.review import review
from arrears_sundry.routes import check_action
from arrears_sundry.rules import time_barred

OLD = date(2018, 12, 25)  # with 21-day terms, due 2019-01-15


def test_we41_invoice_due_2019_01_15_last_issue_date_2025_01_16(case, ctx):
    c = case(today=date(2025, 1, 1), opened_on=OLD, stage="officer_review")
    p = ctx(date(2025, 1, 1)).params
    assert accrued_on(c, p) == date(2019, 1, 16)
    assert limitation_end(c, p, {}) == date(2025, 1, 16)
    assert time_barred(c, ctx(date(2025, 1, 1))) == date(2025, 1, 17)


def test_we41_the_claim_may_be_issued_on_the_last_day_and_is_refused_the_day_after(case, ctx):
    st = {"letter_of_claim_on": "2024-11-01"}
    for day, allowed in ((date(2025, 1, 16), True), (date(2025, 1, 17), False)):
        c = case(today=day, opened_on=OLD, stage="officer_review", state=st)
        refusal = check_action(c, "issue_county_court_claim", {"court": "CCMCC"}, ctx(day), ["D-INV1"])
        assert (refusal is None) is allowed, refusal
    assert refusal == ("the debt is time-barred: the right to claim accrued on 2019-01-16, and the last day to issue a "
                       "claim was 2025-01-16 (Limitation Act 1980 s5); it is for write-off review, not further recovery")


def test_we41_the_day_after_the_limit_the_case_goes_to_write_off_review(case, ctx):
    last = case(today=date(2025, 1, 16), opened_on=OLD, stage="further_recovery", stage_since=date(2025, 1, 2))
    assert review(last, ctx(date(2025, 1, 16))).move is None
    c = case(today=date(2025, 1, 17), opened_on=OLD, stage="further_recovery", stage_since=date(2025, 1, 2))
    move = review(c, ctx(date(2025, 1, 17))).move
    assert (move.rule, move.to_stage) == ("limitation_expired", "write_off_review")
    assert move.reason == (
        "Time-barred: £120.50 unpaid; the right to claim accrued on 2019-01-16, so the last day to issue a claim was "
        "2025-01-16 (6 years, Limitation Act 1980 s5). Flagged for write-off review; not pursued further.")


def test_an_old_invoice_goes_straight_to_write_off_review_before_any_notice(case, ctx):
    c = case(today=date(2025, 6, 1), opened_on=OLD)
    move = review(c, ctx(date(2025, 6, 1))).move
    assert (move.rule, move.to_stage) == ("limitation_expired", "write_off_review")


@pytest.mark.parametrize(("opened", "end"), [
    (date(2020, 2, 7), date(2026, 2, 28)),   # due 28 Feb 2020, accrues on the leap day: six years on is 28 Feb
    (date(2019, 2, 7), date(2025, 3, 1)),    # due 28 Feb 2019, accrues 1 March
    (date(2018, 12, 9), date(2024, 12, 31)),   # accrues on New Year's Eve
    (date(2018, 12, 10), date(2025, 1, 1)),    # due on New Year's Eve, accrues on New Year's Day
])
def test_limitation_end_across_leap_days_and_year_ends(case, ctx, opened, end):
    c = case(today=date(2025, 1, 1), opened_on=opened)
    assert limitation_end(c, ctx(date(2025, 1, 1)).params, {}) == end


def test_a_part_payment_restarts_time_from_its_date(case, ctx):
    c = case(today=date(2021, 6, 10), opened_on=OLD, stage="further_recovery", stage_since=date(2021, 5, 1), paid=1_000,
             last_payment_on=date(2021, 6, 10))
    outcome = review(c, ctx(date(2021, 6, 10)))
    assert outcome.state == {"limitation_from": "2021-06-10", "limitation_by": "part payment"}
    assert limitation_end(c, ctx(date(2021, 6, 10)).params, outcome.state) == date(2027, 6, 10)
    later = case(today=date(2025, 1, 17), opened_on=OLD, stage="further_recovery", stage_since=date(2025, 1, 2),
                 paid=1_000, last_payment_on=date(2021, 6, 10), state=outcome.state)
    assert review(later, ctx(date(2025, 1, 17))).move is None


def test_a_payment_after_the_bar_does_not_revive_the_debt(case, ctx):
    c = case(today=date(2025, 2, 1), opened_on=OLD, stage="further_recovery", stage_since=date(2025, 1, 10), paid=1_000,
             last_payment_on=date(2025, 2, 1))
    outcome = review(c, ctx(date(2025, 2, 1)))
    assert outcome.move.rule == "limitation_expired"
    assert "limitation_from" not in (outcome.state or {})  # nothing restarted
    assert "last day to issue a claim was 2025-01-16" in outcome.move.reason


def test_a_payment_before_the_due_date_is_no_restart(case, ctx):
    c = case(today=date(2019, 1, 10), opened_on=OLD, paid=1_000, last_payment_on=date(2019, 1, 10))
    assert review(c, ctx(date(2019, 1, 10))).state is None


def test_the_restart_is_named_when_time_runs_out_after_it(case, ctx):
    st = {"limitation_from": "2019-03-01", "limitation_by": "part payment"}
    c = case(today=date(2025, 3, 2), opened_on=OLD, stage="with_agent", stage_since=date(2025, 2, 1), state=st,
             paid=500, last_payment_on=date(2019, 3, 1))
    move = review(c, ctx(date(2025, 3, 2))).move
    assert "accrued on 2019-01-16 and time restarted on 2019-03-01 (part payment), so the last day to issue a claim " \
           "was 2025-03-01" in move.reason


def test_a_written_acknowledgement_restarts_time(case, ctx):
    c = case(today=date(2024, 9, 2), opened_on=OLD, stage="acknowledged", stage_since=date(2024, 9, 2))
    outcome = review(c, ctx(date(2024, 9, 2)))
    assert (outcome.move.rule, outcome.move.to_stage) == ("acknowledgement_recorded", "officer_review")
    assert outcome.state["limitation_from"] == "2024-09-02" and outcome.state["limitation_by"] == "written acknowledgement"
    assert outcome.move.reason == (
        "Written acknowledgement of the debt on 2024-09-02: the limitation period restarts from 2024-09-02; a claim may "
        "be issued until 2030-09-02 (Limitation Act 1980 ss29-30). Back to officer review.")


def test_an_acknowledgement_after_the_bar_is_refused(case, ctx):
    c = case(today=date(2025, 2, 1), opened_on=OLD, stage="officer_review")
    refusal = check_action(c, "record_acknowledgement", {"document": "signed letter"}, ctx(date(2025, 2, 1)), ["D-INV1"])
    assert refusal.endswith("an acknowledgement after that does not revive it (s29(7))")
    ok = case(today=date(2025, 1, 16), opened_on=OLD, stage="officer_review")
    assert check_action(ok, "record_acknowledgement", {"document": "x"}, ctx(date(2025, 1, 16)), ["D-INV1"]) is None


@pytest.mark.parametrize("action", ["send_letter_of_claim", "send_visiting_officer", "refer_collection_agent_after_review",
                                    "suspend_service"])
def test_no_route_pursues_a_time_barred_debt(case, ctx, action):
    c = case(today=date(2025, 2, 1), opened_on=OLD, stage="officer_review")
    assert "time-barred" in check_action(c, action, {}, ctx(date(2025, 2, 1), service_suspension=True), ["D-INV1"])


@pytest.mark.parametrize("stage", ["claim_issued", "judgment", "enforcement", "write_off_review"])
def test_a_claim_in_court_or_a_case_under_review_is_not_moved(case, ctx, stage):
    c = case(today=date(2026, 1, 1), opened_on=OLD, stage=stage, stage_since=date(2025, 1, 10))
    assert time_barred(c, ctx(date(2026, 1, 1))) is None
    assert review(c, ctx(date(2026, 1, 1))).move is None


def test_write_off_review_offers_only_write_off(council_with):
    council = council_with()
    council.run("2025-05-31")
    council.invoice("OLD", "80.00", on=OLD.isoformat())  # imported after the council has run: reviewed next night
    council.run("2025-06-01")
    assert council.moves("OLD") == [("2025-06-01", "limitation_expired", "write_off_review")]
    from arrears.services.actions import list_actions
    assert [a["action"] for a in list_actions(council.engine, council.host, "testshire", "OLD")] == ["write_off"]
    council.act("OLD", "write_off", "2025-06-02", reason="uneconomical")
    assert council.show("OLD")["stage"] == "written_off"
