"""The guards of the rent ladder, one rule at a time, through the nightly review (DOMAIN §6.2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arrears_rents.review import review
from arrears_rents.rules import GUARDS


def decide(case, ctx, **params):
    return review(case, ctx(case.today, **params))


# --- arrears arise: early contact --------------------------------------------------------------------------


def test_unpaid_rent_brings_early_contact_seven_days_after_its_rent_day(case, ctx):
    c = case(today=date(2025, 4, 7))                                  # this week's £100 just debited
    out = decide(c, ctx)
    assert out.move is None and out.next_review == date(2025, 4, 14)
    c = case(today=date(2025, 4, 14), charged=20_000)                 # still unpaid a week later
    out = decide(c, ctx)
    assert (out.move.to_stage, out.move.rule) == ("early_contact", "arrears_arise")
    assert out.move.facts["unpaid_since"] == "2025-04-07" and out.move.facts["arrears_weeks"] == "2.0"
    assert out.move.reason.startswith("Arrears of £200.00 (2.0 weeks of rent), owed since the rent due 2025-04-07, "
                                      "unpaid 7 days; early contact with the tenant")


def test_payments_clear_the_oldest_rent_first(case, ctx):
    # Four weeks debited, £250 paid: the rent owed longest is the one due 21 April (half of it), so contact on 28 April.
    c = case(today=date(2025, 4, 28), charged=40_000, paid=25_000)
    out = decide(c, ctx)
    assert out.move.facts["unpaid_since"] == "2025-04-21" and out.move.facts["arrears_pence"] == 15_000


def test_a_tenant_paying_each_week_within_the_week_is_never_contacted(case, ctx):
    assert decide(case(today=date(2025, 4, 14), charged=20_000, paid=10_000), ctx).move is None
    assert GUARDS["arrears_arise"](case(today=date(2025, 4, 14), charged=20_000, paid=10_000), ctx(date(2025, 4, 14))) \
        == date(2025, 4, 21)


def test_arrears_at_or_under_the_threshold_bring_no_contact(case, ctx):
    def c():
        return case(today=date(2025, 4, 21), charged=30_000, paid=15_000)    # £150 owed since 14 April

    assert decide(c(), ctx, arrears_threshold_pence=15_000).move is None
    assert decide(c(), ctx, arrears_threshold_pence=14_999).move.to_stage == "early_contact"


def test_arrears_brought_forward_count_from_the_accounts_date(case, ctx):
    c = case(today=date(2025, 4, 14), charged=30_000, paid=10_000, attrs={"arrears_brought_forward": 10_000})
    assert decide(c, ctx).move.facts["unpaid_since"] == "2025-04-07"


def test_monthly_rent_early_contact_across_a_month_end(case, ctx):
    c = case(today=date(2025, 2, 4), opened_on=date(2025, 1, 28), period="monthly", rent_day=28, rent=50_000)
    out = decide(c, ctx)
    assert out.move is not None and out.move.facts["unpaid_since"] == "2025-01-28"   # 28 Jan + 7 days = 4 Feb
    assert decide(case(today=date(2025, 2, 3), opened_on=date(2025, 1, 28), period="monthly", rent_day=28, rent=50_000),
                  ctx).next_review == date(2025, 2, 4)


# --- letters and the contact task ----------------------------------------------------------------------------


def test_first_letter_needs_the_days_and_the_weeks_of_arrears(case, ctx):
    since = date(2025, 4, 14)
    short = case(today=date(2025, 4, 21), stage="early_contact", stage_since=since, charged=30_000, paid=20_100)
    assert decide(short, ctx).move is None                            # £99.00 is under 1 week of rent
    enough = case(today=date(2025, 4, 21), stage="early_contact", stage_since=since, charged=30_000, paid=20_000)
    out = decide(enough, ctx)
    assert (out.move.rule, out.move.to_stage) == ("first_letter", "first_letter")
    assert "still owed 7 days after early contact (threshold 1 week(s) of rent)" in out.move.reason
    early = case(today=date(2025, 4, 20), stage="early_contact", stage_since=since, charged=30_000)
    assert decide(early, ctx).next_review == date(2025, 4, 21)


def test_second_letter_and_contact_task_thresholds(case, ctx):
    c = case(today=date(2025, 5, 5), stage="first_letter", stage_since=date(2025, 4, 21), charged=50_000, paid=31_000)
    assert decide(c, ctx).move is None                                # £190 < 2 weeks
    assert decide(c, ctx, second_letter_min_weeks=Decimal("1.5")).move.to_stage == "second_letter"
    c = case(today=date(2025, 5, 19), stage="second_letter", stage_since=date(2025, 5, 5), charged=70_000, paid=40_000)
    out = decide(c, ctx)
    assert out.move.to_stage == "contact_task" and out.move.facts["contact_task_min_weeks"] == "3"


def test_contact_task_asks_for_a_uc_deduction_when_a_managed_payment_is_in_place(case, ctx):
    plain = case(today=date(2025, 5, 19), stage="second_letter", stage_since=date(2025, 5, 5), charged=70_000)
    uc = case(today=date(2025, 5, 19), stage="second_letter", stage_since=date(2025, 5, 5), charged=70_000,
              attrs={"uc_managed_payment": True})
    plain_reason, uc_reason = decide(plain, ctx).move.reason, decide(uc, ctx).move.reason
    assert "if the tenant claims Universal Credit, ask for a managed payment" in plain_reason
    assert "ask the DWP for a third-party deduction for the arrears (10%-20% of the standard allowance)" in uc_reason
    assert uc_reason.endswith("; UC managed payment in place.")
    off = case(today=date(2025, 5, 19), stage="second_letter", stage_since=date(2025, 5, 5), charged=70_000,
               attrs={"uc_managed_payment": True}, state={"uc_managed_payment": False})
    assert "third-party deduction" not in decide(off, ctx).move.reason


def test_clearing_the_arrears_returns_the_account_to_current(case, ctx):
    c = case(today=date(2025, 4, 25), stage="first_letter", stage_since=date(2025, 4, 21), charged=30_000, paid=30_000,
             state={"terms": {"made_on": "2025-04-01"}})
    out = decide(c, ctx)
    assert (out.move.rule, out.move.to_stage) == ("cleared_first_letter", "current")
    assert "Arrears cleared (£300.00 received in all, balance £0.00)" in out.move.reason
    assert "terms" not in out.state
    breach = case(today=date(2025, 9, 25), stage="breach", charged=90_000, paid=90_000,
                  state={"costs_pence": 40_400, "possession_date": "2025-09-01"})
    out = decide(breach, ctx)
    assert out.move.rule == "cleared_breach" and not {"costs_pence", "possession_date"} & set(out.state)


# --- agreements and orders -----------------------------------------------------------------------------------


def terms(made_on="2025-05-07", instalment=1_000, paid_before=0, kind="arrangement"):
    return {"kind": kind, "made_on": made_on, "instalment_pence": instalment, "rent_pence": 10_000,
            "paid_before_pence": paid_before}


def test_an_agreement_kept_is_reviewed_at_the_end_of_the_next_unpaid_period(case, ctx):
    # Agreed Wednesday 7 May: from the week of 12 May, £110 a week; £220 paid covers two weeks, so look again 26 May.
    c = case(today=date(2025, 5, 20), stage="arrangement", stage_since=date(2025, 5, 7), charged=80_000,
             paid=22_000 + 5_000, state={"terms": terms(paid_before=5_000)})
    out = decide(c, ctx)
    assert out.move is None and out.next_review == date(2025, 6, 2)


def test_an_agreement_broken_goes_back_to_the_contact_task(case, ctx):
    c = case(today=date(2025, 5, 19), stage="arrangement", stage_since=date(2025, 5, 7), charged=80_000, paid=10_000,
             state={"terms": terms()})
    out = decide(c, ctx)
    assert (out.move.rule, out.move.to_stage) == ("arrangement_broken", "contact_task")
    f = out.move.facts
    assert (f["period_end"], f["periods_due"], f["due_pence"], f["paid_since_pence"], f["short_pence"]) == \
        ("2025-05-18", 1, 11_000, 10_000, 1_000)
    assert ("Terms of the repayment agreement of 2025-05-07 broken: by 2025-05-18, 1 rent period(s) of £100.00 rent plus "
            "£10.00 were due (£110.00); £100.00 paid since; £10.00 short") in out.move.reason
    assert "terms" not in out.state


def test_a_payment_made_ahead_counts_towards_later_periods(case, ctx):
    c = case(today=date(2025, 5, 26), stage="arrangement", stage_since=date(2025, 5, 7), charged=80_000, paid=11_000,
             state={"terms": terms()})
    f = decide(c, ctx).move.facts                                     # one week met, the second (to 25 May) not
    assert (f["period_end"], f["periods_due"], f["due_pence"], f["short_pence"]) == ("2025-05-25", 2, 22_000, 11_000)
    assert f["due_from"] == "2025-05-26"


def test_a_grace_period_delays_the_missed_payment(case, ctx):
    def c():
        return case(today=date(2025, 5, 19), stage="arrangement", stage_since=date(2025, 5, 7), charged=80_000,
                    state={"terms": terms()})

    assert decide(c(), ctx).move.to_stage == "contact_task"           # week to 18 May unpaid
    assert decide(c(), ctx, terms_grace_days=3).next_review == date(2025, 5, 22)


def test_an_agreement_broken_while_an_nsp_is_in_force_returns_to_the_notice(case, ctx):
    nsp = {"proceedings_date": "2025-06-01", "lapses_on": "2026-06-01"}
    c = case(today=date(2025, 5, 19), stage="arrangement", stage_since=date(2025, 5, 7), charged=80_000,
             state={"terms": terms(), "nsp": nsp})
    out = decide(c, ctx)
    assert (out.move.rule, out.move.to_stage) == ("arrangement_broken_under_notice", "nsp_served")
    assert "the Notice of Seeking Possession (proceedings after 2025-06-01) is still in force" in out.move.reason
    lapsed = case(today=date(2026, 6, 8), stage="arrangement", stage_since=date(2026, 5, 7), charged=80_000,
                  state={"terms": terms("2026-05-07"), "nsp": nsp})
    assert decide(lapsed, ctx).move.rule == "arrangement_broken"


def test_suspended_order_breach_is_detected_by_the_nightly_run(case, ctx):
    state = {"terms": terms("2025-09-01", 500, 1_000, "suspended"), "costs_pence": 40_400}
    kept = case(today=date(2025, 9, 14), stage="suspended_order", stage_since=date(2025, 9, 1), charged=140_000,
                paid=1_000 + 10_500, state=state)
    out = decide(kept, ctx)
    assert out.move is None and out.next_review == date(2025, 9, 22)
    missed = case(today=date(2025, 9, 22), stage="suspended_order", stage_since=date(2025, 9, 1), charged=140_000,
                  paid=1_000 + 10_500, state=state)
    out = decide(missed, ctx)
    assert (out.move.rule, out.move.to_stage) == ("suspended_order_breached", "breach")
    assert out.move.facts["short_pence"] == 10_500 and out.move.facts["costs_pence"] == 40_400
    assert "plus £404.00 court costs" in out.move.reason and "a warrant of possession may be requested" in out.move.reason


def test_postponed_order_breach_asks_for_a_possession_date(case, ctx):
    c = case(today=date(2025, 9, 15), stage="postponed_order", stage_since=date(2025, 9, 1), charged=140_000,
             state={"terms": terms("2025-09-01", 500, 0, "postponed")})
    out = decide(c, ctx)
    assert out.move.to_stage == "postponed_breached" and "apply to the court to fix a possession date" in out.move.reason


def test_an_outright_orders_possession_date_passing_allows_a_warrant(case, ctx):
    c = case(today=date(2025, 9, 15), stage="possession_order_outright", stage_since=date(2025, 9, 1), charged=140_000,
             state={"possession_date": "2025-09-15"})
    assert decide(c, ctx).next_review == date(2025, 9, 16)
    out = decide(case(today=date(2025, 9, 16), stage="possession_order_outright", stage_since=date(2025, 9, 1),
                      charged=140_000, state={"possession_date": "2025-09-15"}), ctx)
    assert out.move.to_stage == "breach" and "Possession date 2025-09-15 in the outright order passed" in out.move.reason


def test_an_nsp_lapses_twelve_months_after_its_date(case, ctx):
    nsp = {"proceedings_date": "2027-02-28", "lapses_on": "2028-02-28"}
    c = case(today=date(2028, 2, 27), stage="nsp_served", stage_since=date(2027, 1, 25), charged=50_000, state={"nsp": nsp})
    assert decide(c, ctx).next_review == date(2028, 2, 28)
    out = decide(case(today=date(2028, 2, 28), stage="nsp_served", stage_since=date(2027, 1, 25), charged=50_000,
                      state={"nsp": nsp}), ctx)
    assert (out.move.rule, out.move.to_stage) == ("nsp_lapsed", "contact_task") and "nsp" not in out.state
    assert "proceedings date 2027-02-28 lapsed on 2028-02-28 (12 months, HA 1985 s83(4))" in out.move.reason
