"""The business rates reminder ladder through the nightly run (NNDR Regs reg 8, regs 11-12; DOMAIN §2.2).

Every account here: £1,200.00 for 2025/26, demand issued 10 March 2025, ten
instalments of £120.00 on the 1st of April 2025 to January 2026.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

MONTHLY = [date(2025, m, 1) for m in range(4, 13)] + [date(2026, 1, 1)]


def _pays(*days):
    return [("120.00", d) for d in days]


def test_paid_on_time_all_year_is_never_chased(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(*MONTHLY))
    h.run_to(council, "2026-01-31")
    shown = h.show(council, "T1")
    assert h.moves(shown) == [("2026-01-01", "cleared", "paid")]
    assert shown["balance_pence"] == 0


def test_an_instalment_paid_the_day_after_it_fell_due_brings_no_reminder(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(date(2025, 4, 2)))
    h.run_to(council, "2025-04-30")
    assert h.moves(h.show(council, "T1")) == []


def test_reminder_complied_with_on_the_last_day_of_its_window(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(date(2025, 4, 8), *MONTHLY[1:]))
    h.run_to(council, "2026-01-31")
    shown = h.show(council, "T1")
    assert h.moves(shown) == [("2025-04-02", "reminder", "reminder"), ("2025-04-08", "reminder_complied", "demand"),
                              ("2026-01-01", "cleared", "paid")]
    reminder = [t for t in shown["timeline"] if t["type"] == "stage"][0]
    assert "Instalment due 2025-04-01 not paid: £120.00 in arrears" in reminder["reason"]
    assert "pay by 2025-04-08" in reminder["reason"] and reminder["facts"]["reminder_days"] == 7


EXPECTED_LOSS = [
    ("2025-04-02", "reminder", "reminder"),
    ("2025-04-09", "reminder_not_complied", "instalments_lost"),
    ("2025-04-16", "final_notice", "final_notice"),
    ("2025-04-23", "summons", "summons"),
    ("2025-05-12", "liability_order_granted", "liability_order"),
]


def test_paid_a_day_after_the_window_the_instalments_are_lost(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(date(2025, 4, 9)))
    h.run_to(council, "2025-05-31")
    shown = h.show(council, "T1")
    assert h.moves(shown) == EXPECTED_LOSS
    lost = [t for t in shown["timeline"] if t["type"] == "stage"][1]
    assert lost["facts"]["unpaid_at_pay_by_pence"] == 12_000 and lost["facts"]["payable_from"] == "2025-04-16"
    assert "whole balance £1,080.00 payable from 2025-04-16 (14 days after the reminder" in lost["reason"]
    summons = [t for t in shown["timeline"] if t["type"] == "stage"][3]
    assert "deemed served 2025-04-25, hearing 2025-05-12" in summons["reason"]   # 10 May is a Saturday
    fees = [(t["date"], t["amount_pence"], t["code"]) for t in shown["timeline"] if t["type"] == "fee"]
    assert fees == [("2025-04-23", 8_000, "summons_costs"), ("2025-05-12", 2_000, "liability_order_costs")]
    assert shown["balance_pence"] == 120_000 - 12_000 + 10_000


def test_nightly_runs_decide_exactly_as_one_catch_up_run(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(date(2025, 4, 9)))
    day = date(2025, 3, 10)
    while day <= date(2025, 5, 31):
        h.run_to(council, day)
        day += timedelta(days=1)
    assert h.moves(h.show(council, "T1")) == EXPECTED_LOSS


def test_a_payment_imported_during_the_window_is_judged_on_the_window(council, csv, h):
    h.open_account(council, csv, "T1")
    h.run_to(council, "2025-04-05")
    council("import", "payments", csv.payments([("T1", "120.00", date(2025, 4, 6))]), "--council", "ratesville")
    h.run_to(council, "2025-04-30")
    assert h.moves(h.show(council, "T1"))[-1] == ("2025-04-06", "reminder_complied", "demand")


def test_part_payment_in_the_window_is_not_compliance(council, csv, h):
    h.open_account(council, csv, "T1", payments=[("119.99", date(2025, 4, 5))])
    h.run_to(council, "2025-04-10")
    shown = h.show(council, "T1")
    assert h.moves(shown)[-1] == ("2025-04-09", "reminder_not_complied", "instalments_lost")
    assert "£0.01 still unpaid at the end of the reminder's window on 2025-04-08" in shown["timeline"][-1]["reason"]


def test_later_default_loses_the_instalments_without_a_second_reminder(council, csv, h):
    h.open_account(council, csv, "T1", payments=_pays(date(2025, 4, 8), date(2025, 5, 1), date(2025, 6, 1)))
    h.run_to(council, "2025-07-31")
    shown = h.show(council, "T1")
    assert h.moves(shown)[1:] == [
        ("2025-04-08", "reminder_complied", "demand"),
        ("2025-07-02", "later_default", "instalments_lost"),
        ("2025-07-09", "final_notice", "final_notice"),
        ("2025-07-16", "summons", "summons"),
    ]
    later = [t for t in shown["timeline"] if t["type"] == "stage"][2]
    assert "Instalment due 2025-07-01 missed after the reminder period" in later["reason"]
    assert later["facts"]["payable_from"] == "2025-07-09"


@pytest.mark.parametrize("pays_in_window", [True, False])
def test_second_reminder_when_the_profile_turns_it_on(make_council, csv, h, pays_in_window):
    council = make_council(second_reminder="true")
    paid = [date(2025, 4, 8), date(2025, 5, 1), date(2025, 6, 1)] + ([date(2025, 7, 8)] if pays_in_window else [])
    h.open_account(council, csv, "T1", payments=_pays(*paid, date(2025, 8, 1), date(2025, 9, 1)))
    h.run_to(council, "2025-10-31")
    got = h.moves(h.show(council, "T1"))
    assert got[2] == ("2025-07-02", "second_reminder", "second_reminder")
    if pays_in_window:
        assert got[3:5] == [("2025-07-08", "second_reminder_complied", "demand"),
                            ("2025-10-02", "later_default", "instalments_lost")]
    else:
        assert got[3] == ("2025-07-09", "second_reminder_not_complied", "instalments_lost")


def test_paying_the_whole_balance_after_the_loss_stops_escalation(council, csv, h):
    h.open_account(council, csv, "T1", payments=[("1200.00", date(2025, 4, 20))])
    h.run_to(council, "2025-06-30")
    shown = h.show(council, "T1")
    assert h.moves(shown)[-2:] == [("2025-04-16", "final_notice", "final_notice"), ("2025-04-20", "cleared", "paid")]
    assert shown["closed_on"] == "2025-04-20"


def test_sum_and_costs_paid_before_the_hearing_withdraws_the_summons(council, csv, h):
    h.open_account(council, csv, "T1", payments=[("1280.00", date(2025, 5, 9))])
    h.run_to(council, "2025-06-30")
    shown = h.show(council, "T1")
    assert h.moves(shown)[-1] == ("2025-05-09", "summons_withdrawn", "withdrawn")
    assert "before the hearing on 2025-05-12" in shown["timeline"][-1]["reason"]
    assert shown["balance_pence"] == 0 and shown["stage"] == "withdrawn"


def test_the_sum_without_the_costs_does_not_withdraw_the_summons(council, csv, h):
    h.open_account(council, csv, "T1", payments=[("1200.00", date(2025, 5, 9))])
    h.run_to(council, "2025-06-30")
    shown = h.show(council, "T1")
    assert h.moves(shown)[-1] == ("2025-05-12", "liability_order_granted", "liability_order")
    assert shown["balance_pence"] == 8_000 + 2_000


def test_hardship_relief_reduces_the_balance_and_restarts_from_an_amended_demand(council, csv, h):
    h.open_account(council, csv, "T1")
    h.run_to(council, "2025-04-05")
    h.act(council, "T1", "hardship_relief", "2025-04-05", "relief_amount=300.00", "decision_ref=HR-1")
    h.run_to(council, "2025-04-30")
    shown = h.show(council, "T1")
    assert shown["balance_pence"] == 90_000 and shown["balance_cache_ok"]
    adjustment = [t for t in shown["timeline"] if t["type"] == "adjustment"]
    assert [(a["date"], a["amount_pence"]) for a in adjustment] == [("2025-04-05", -30_000)]
    assert "Hardship relief (LGFA 1988 s49), decision HR-1" in adjustment[0]["description"]
    relief = [t for t in shown["timeline"] if t["type"] == "stage"][-1]
    assert (relief["rule"], relief["to"], relief["officer"]) == ("hardship_relief", "demand", "jsmith")
    assert relief["facts"]["posted_pence"] == -30_000
    assert shown["stage"] == "demand"
    text = h.text(council, "T1")
    assert "Hardship relief (LGFA 1988 s49), decision HR-1" in text and "-£300.00" in text


def test_hardship_relief_refused_with_its_reason(council, csv, h):
    h.open_account(council, csv, "T1")
    h.run_to(council, "2025-04-05")
    bad = h.act(council, "T1", "hardship_relief", "2025-04-05", "relief_amount=1300.00", "decision_ref=HR-1", expect=None)
    assert bad.exit_code != 0 and "more than the balance of £1,200.00" in bad.output
    bad = h.act(council, "T1", "hardship_relief", "2025-04-05", "relief_amount=ten", "decision_ref=HR-1", expect=None)
    assert bad.exit_code != 0 and "not an amount" in bad.output
    assert h.show(council, "T1")["balance_pence"] == 120_000
