"""Former-tenant arrears: pursued as sundry debt with its own letters and the 6-year limit (DOMAIN §6.2 stage 8, §3, WE-41)."""

from __future__ import annotations

from datetime import date

from arrears_rents.review import review

ENDED = {"ended_on": "2025-06-15", "ended_by": "notice"}


def decide(case, ctx, **params):
    return review(case, ctx(case.today, **params))


def test_a_tenancy_ended_with_arrears_becomes_former_tenant_arrears(case, ctx):
    c = case(today=date(2025, 6, 16), stage="tenancy_ended", stage_since=date(2025, 6, 16), charged=50_000, paid=20_000,
             state=ENDED)
    out = decide(c, ctx)
    assert (out.move.rule, out.move.to_stage) == ("ended_arrears", "former_tenant_arrears")
    assert out.move.reason == ("Tenancy ended on 2025-06-15 owing £300.00 (3.0 weeks of rent); pursued as former-tenant "
                               "arrears: letter sent, pay by 2025-07-07.")
    assert out.next_review == date(2025, 7, 8)


def test_a_tenancy_ended_clear_closes(case, ctx):
    c = case(today=date(2025, 6, 16), stage="tenancy_ended", charged=50_000, paid=50_000, state=ENDED)
    out = decide(c, ctx)
    assert (out.move.rule, out.move.to_stage, out.next_review) == ("ended_clear", "closed", None)
    evicted = case(today=date(2025, 6, 16), stage="evicted", charged=50_000, paid=20_000,
                   state={"ended_on": "2025-06-16", "ended_by": "eviction"})
    assert decide(evicted, ctx).move.reason.startswith("Evicted on 2025-06-16 owing £300.00 (3.0 weeks of rent)")


def test_reminder_final_notice_and_further_recovery_follow_the_local_days(case, ctx):
    letter = case(today=date(2025, 7, 7), stage="former_tenant_arrears", stage_since=date(2025, 6, 16), charged=30_000,
                  state=ENDED)
    assert decide(letter, ctx).next_review == date(2025, 7, 8)        # 21 days to pay, beginning the day after
    out = decide(case(today=date(2025, 7, 8), stage="former_tenant_arrears", stage_since=date(2025, 6, 16),
                      charged=30_000, state=ENDED), ctx)
    assert out.move.to_stage == "former_tenant_reminder" and out.move.facts["pay_by"] == "2025-07-22"
    out = decide(case(today=date(2025, 7, 23), stage="former_tenant_reminder", stage_since=date(2025, 7, 8),
                      charged=30_000, state=ENDED), ctx)
    assert out.move.to_stage == "former_tenant_final_notice" and out.move.facts["pay_by"] == "2025-08-06"
    out = decide(case(today=date(2025, 8, 7), stage="former_tenant_final_notice", stage_since=date(2025, 7, 23),
                      charged=30_000, state=ENDED), ctx)
    assert out.move.to_stage == "former_tenant_recovery"
    assert out.move.reason == ("£300.00 unpaid 14 days after the final notice; referred for further recovery (no claim "
                               "after 2031-06-16).")


def test_former_tenant_arrears_paid_close_the_account(case, ctx):
    out = decide(case(today=date(2025, 9, 1), stage="former_tenant_with_agent", charged=30_000, paid=30_000, state=ENDED), ctx)
    assert (out.move.rule, out.move.to_stage) == ("former_cleared_with_agent", "closed")


def test_time_barred_six_years_after_the_day_following_the_end(case, ctx):
    # WE-41 convention: accrual the day after the last rent fell due; a claim may be issued up to accrual + 6 years.
    state = {"ended_on": "2024-02-28", "ended_by": "abandonment"}
    c = case(today=date(2030, 2, 28), stage="former_tenant_recovery", stage_since=date(2024, 5, 1), charged=30_000,
             state=state)
    assert decide(c, ctx).next_review == date(2030, 3, 1)             # accrued 29 Feb 2024; no 29 Feb in 2030
    out = decide(case(today=date(2030, 3, 1), stage="former_tenant_recovery", stage_since=date(2024, 5, 1),
                      charged=30_000, state=state), ctx)
    assert (out.move.rule, out.move.to_stage) == ("time_barred_recovery", "time_barred")
    assert out.move.reason == ("£300.00 owed; no claim after 2030-02-28: 6 years from 2024-02-29 (the day after the "
                               "tenancy ended on 2024-02-28, Limitation Act 1980); time-barred, for write-off.")


def test_a_payment_after_the_end_restarts_the_limitation_period(case, ctx):
    c = case(today=date(2031, 6, 17), stage="former_tenant_recovery", stage_since=date(2025, 8, 7), charged=30_000,
             paid=1_000, last_payment_on=date(2026, 1, 5), state=ENDED)
    out = decide(c, ctx)
    assert out.move is None and out.next_review == date(2032, 1, 6)
    barred = case(today=date(2032, 1, 6), stage="former_tenant_recovery", stage_since=date(2025, 8, 7), charged=30_000,
                  paid=1_000, last_payment_on=date(2026, 1, 5), state=ENDED)
    assert "6 years from 2026-01-05 (the last payment" in decide(barred, ctx).move.reason


def test_a_catch_up_day_before_the_end_was_recorded_does_not_move_the_case(case, ctx):
    c = case(today=date(2025, 6, 14), stage="tenancy_ended", stage_since=date(2025, 6, 16), charged=50_000, state=ENDED)
    out = decide(c, ctx)
    assert out.move is None and out.next_review == date(2025, 6, 16)
