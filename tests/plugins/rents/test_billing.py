"""Billing: rent debited on each rent day, once per period, through catch-ups and reruns (DOMAIN §6)."""

from __future__ import annotations

from datetime import date

from arrears_rents.billing import bill, credit_after_end


def charges(billing):
    return [(c.on, c.amount_pence) for c in billing.charges]


def test_first_billing_on_a_rent_day_debits_that_week(case):
    c = case(today=date(2025, 4, 7))
    b = bill(c)
    assert charges(b) == [(date(2025, 4, 7), 10_000)]
    assert b.next_bill_on == date(2025, 4, 14) and c.state["billed_through"] == "2025-04-07"


def test_an_account_starting_midweek_pays_the_days_to_the_first_rent_day(case):
    c = case(today=date(2025, 4, 9), opened_on=date(2025, 4, 9))
    b = bill(c)
    assert charges(b) == [(date(2025, 4, 9), 7_143)]                # Wednesday to Sunday: 5/7 of £100, half up
    assert b.charges[0].description == "Rent 2025-04-09 to 2025-04-13 (5 of 7 days)"
    assert b.next_bill_on == date(2025, 4, 14)


def test_arrears_brought_forward_are_debited_on_the_accounts_date(case):
    c = case(today=date(2025, 4, 7), attrs={"arrears_brought_forward": 45_050})
    assert charges(bill(c)) == [(date(2025, 4, 7), 45_050), (date(2025, 4, 7), 10_000)]


def test_a_late_first_billing_catches_up_every_rent_day_once(case):
    c = case(today=date(2025, 5, 1))
    b = bill(c)
    assert charges(b) == [(date(2025, 4, d), 10_000) for d in (7, 14, 21, 28)]
    assert b.next_bill_on == date(2025, 5, 5)


def test_billing_again_raises_only_what_was_not_yet_billed(case):
    c = case(today=date(2025, 4, 20), state={"billed_through": "2025-04-14"})
    assert charges(bill(c)) == []                                     # no rent day in 15-20 April
    c = case(today=date(2025, 4, 21), state={"billed_through": "2025-04-20"})
    assert charges(bill(c)) == [(date(2025, 4, 21), 10_000)]
    again = case(today=date(2025, 4, 21), state={"billed_through": "2025-04-21"})
    assert charges(bill(again)) == []


def test_monthly_rent_on_the_28th_across_february(case):
    c = case(today=date(2028, 3, 28), opened_on=date(2028, 1, 28), period="monthly", rent_day=28, rent=52_000)
    assert charges(bill(c)) == [(date(2028, 1, 28), 52_000), (date(2028, 2, 28), 52_000), (date(2028, 3, 28), 52_000)]
    assert bill(case(today=date(2028, 3, 28), opened_on=date(2028, 1, 28), period="monthly", rent_day=28,
                     state={"billed_through": "2028-03-28"})).next_bill_on == date(2028, 4, 28)


def test_after_the_tenancy_ends_rent_stops_on_its_last_day(case):
    c = case(today=date(2025, 4, 30), stage="tenancy_ended",
             state={"billed_through": "2025-04-20", "ended_on": "2025-04-23"})
    b = bill(c)
    assert charges(b) == [(date(2025, 4, 21), 4_286)]                # Monday to Wednesday: 3/7 of £100
    assert b.next_bill_on is None
    done = case(today=date(2025, 5, 5), stage="tenancy_ended", state={"billed_through": "2025-04-30", "ended_on": "2025-04-23"})
    assert charges(bill(done)) == [] and bill(done).next_bill_on is None


def test_rent_debited_beyond_the_end_is_credited(case):
    c = case(today=date(2025, 4, 30), state={"billed_through": "2025-04-28"})
    credit = credit_after_end(c, date(2025, 4, 23))
    assert [(x.on, x.amount_pence, x.kind) for x in credit] == [(date(2025, 4, 23), -(10_000 - 4_286) - 10_000, "adjustment")]
    assert [x.amount_pence for x in credit_after_end(c, date(2025, 4, 27))] == [-10_000]   # ends on a period end
    assert credit_after_end(c, date(2025, 5, 4)) == []


def test_a_monthly_tenancy_ending_mid_month_is_charged_by_days(case):
    c = case(today=date(2025, 6, 30), opened_on=date(2025, 6, 1), period="monthly", rent_day=1, rent=60_000,
             stage="tenancy_ended", state={"billed_through": "2025-05-31", "ended_on": "2025-06-10"})
    assert charges(bill(c)) == [(date(2025, 6, 1), 20_000)]          # 10 of 30 days


def test_a_tenancy_ending_on_the_day_rent_was_billed_keeps_one_days_rent(case):
    c = case(today=date(2025, 4, 21), state={"billed_through": "2025-04-21"})
    assert [x.amount_pence for x in credit_after_end(c, date(2025, 4, 21))] == [-8_571]   # 6 of 7 days credited


def test_fortnightly_rent_follows_the_tenancys_cycle(case):
    c = case(today=date(2025, 5, 12), opened_on=date(2025, 4, 9), period="fortnightly", rent=20_000,
             attrs={"tenancy_start": "2025-03-31"})
    b = bill(c)
    assert charges(b) == [(date(2025, 4, 9), 7_143), (date(2025, 4, 14), 20_000), (date(2025, 4, 28), 20_000),
                          (date(2025, 5, 12), 20_000)]                # 9-13 April: 5 of the 14 days from 31 March
    assert b.next_bill_on == date(2025, 5, 26)
