"""No account left more than the profile's limit without further action: officer review (Rotherham 3 months; DOMAIN §3.1, WE-26)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_sundry.review import review
from arrears_sundry.rules import idle_too_long


@pytest.mark.parametrize(("since", "limit_day"), [
    (date(2025, 4, 24), date(2025, 7, 24)),
    (date(2025, 11, 30), date(2026, 2, 28)),   # month end into a short February
    (date(2023, 11, 30), date(2024, 2, 29)),   # into a leap February
    (date(2025, 12, 31), date(2026, 3, 31)),
])
def test_the_limit_is_whole_calendar_months_from_the_last_action(case, ctx, since, limit_day):
    c = case(today=since, stage="with_agent", stage_since=since, opened_on=date(2025, 3, 3))
    assert idle_too_long(c, ctx(since)) == limit_day


def test_idle_at_further_recovery_moves_to_officer_review_on_the_day_the_limit_is_reached(case, ctx):
    since = dict(stage="further_recovery", stage_since=date(2025, 4, 24))
    waiting = review(case(today=date(2025, 7, 23), **since), ctx(date(2025, 7, 23)))
    assert waiting.move is None
    move = review(case(today=date(2025, 7, 24), **since), ctx(date(2025, 7, 24))).move
    assert (move.rule, move.to_stage) == ("action_limit_reached", "officer_review")
    assert move.reason == ("£120.50 unpaid and no further action for 3 months since 2025-04-24 ('referred for further "
                           "recovery'): referred for officer review.")


def test_the_limit_is_the_profiles(case, ctx):
    c = case(today=date(2025, 5, 1), stage="visiting_officer", stage_since=date(2025, 5, 1))
    assert idle_too_long(c, ctx(date(2025, 5, 1), action_limit_months=1)) == date(2025, 6, 1)


def test_at_the_notices_the_limit_runs_from_the_due_date(case, ctx):
    # Long notices (60 + 60 days): due 24 March, so the case must reach further action by 24 June.
    long = dict(reminder_days=60, final_notice_days=60)
    c = case(today=date(2025, 6, 24), stage="final_notice", stage_since=date(2025, 5, 25))
    move = review(c, ctx(date(2025, 6, 24), **long)).move
    assert (move.rule, move.to_stage) == ("action_limit_reached", "officer_review")
    assert "past the due date 2025-03-24 (still at 'final notice issued' since 2025-05-25)" in move.reason
    assert review(case(today=date(2025, 6, 23), stage="final_notice", stage_since=date(2025, 5, 25)),
                  ctx(date(2025, 6, 23), **long)).move is None


def test_an_old_debt_reminded_late_counts_from_its_reminder(case, ctx):
    c = case(today=date(2025, 6, 1), opened_on=date(2024, 1, 1), stage="reminder", stage_since=date(2025, 6, 1))
    assert idle_too_long(c, ctx(date(2025, 6, 1))) == date(2025, 9, 1)
    assert review(c, ctx(date(2025, 6, 1))).next_review == date(2025, 6, 16)  # the final notice comes first


@pytest.mark.parametrize("stage", ["invoice", "officer_review", "claim_issued", "judgment", "enforcement",
                                   "write_off_review", "acknowledged"])
def test_stages_not_watched(case, ctx, stage):
    c = case(today=date(2026, 1, 1), stage=stage, stage_since=date(2025, 3, 3), opened_on=date(2025, 3, 3))
    assert idle_too_long(c, ctx(date(2026, 1, 1))) is None


def test_a_paid_case_is_never_flagged(case, ctx):
    c = case(today=date(2026, 1, 1), stage="with_agent", stage_since=date(2025, 5, 1), paid=12_050)
    assert idle_too_long(c, ctx(date(2026, 1, 1))) is None


def test_through_the_services_an_agent_left_alone_comes_back_for_review(council_with):
    council = council_with()
    council.invoice("A1")
    council.run("2025-04-30")
    council.act("A1", "refer_collection_agent", "2025-05-01", agent="Marstons")
    council.run("2025-07-31")
    assert council.show("A1")["stage"] == "with_agent"
    council.run("2025-08-01")
    assert council.moves("A1")[-1] == ("2025-08-01", "action_limit_reached", "officer_review")
    assert "since 2025-05-01 ('with a collection agent')" in council.reasons("A1")["action_limit_reached"]
