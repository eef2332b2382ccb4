"""The council tax ladder through the nightly run: reminders, loss of instalments, final notice, summons, hearing.

A £1,200.00 demand issued 2025-03-10 has ten £120.00 instalments on the 1st, April to January.
"""

from __future__ import annotations

import pytest

from arrears.errors import ActionRefused

MONTHS = ["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01",
          "2025-11-01", "2025-12-01", "2026-01-01"]


def on_time(ref: str, *dates: str, amount: str = "120.00"):
    return [(ref, amount, d) for d in dates]


def reasons(council, ref="CT1") -> dict[str, str]:
    return {e["rule"]: e["reason"] for e in council.events(ref)}


# --- demand and reminders -----------------------------------------------------------------------------------------


def test_instalments_paid_on_time_never_escalate_and_the_last_one_clears(council):
    council.account()
    council.pay(*on_time("CT1", *MONTHS))
    council.run("2026-03-31")
    assert council.moves() == [("2026-01-01", "paid")]
    assert council.show()["closed_on"] == "2026-01-01"


def test_paying_the_year_in_full_on_the_demand_closes_the_account(council):
    council.account()
    council.pay(("CT1", "1200.00", "2025-03-20"))
    council.run("2025-04-30")
    assert council.moves() == [("2025-03-20", "paid")]


def test_reminder_is_issued_the_day_after_the_missed_instalment(council):
    council.account()
    council.run("2025-04-02")
    assert council.moves() == [("2025-04-02", "reminder_1")]
    event = council.events()[0]
    assert event["reason"] == ("Instalment due 2025-04-01 not paid: £120.00 in arrears; first reminder issued, pay by "
                               "2025-04-08 (7 days beginning with today, reg 23(1), (3)).")
    assert (event["facts"]["missed_on"], event["facts"]["arrears_pence"], event["facts"]["pay_by"]) == (
        "2025-04-01", 12000, "2025-04-08")
    assert council.show()["next_review_on"] == "2025-04-08"  # the window's last day, when compliance is judged


def test_payment_before_the_reminder_is_issued_stops_it(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-02"))
    council.run("2025-04-30")
    assert council.moves() == []


def test_reminder_complied_with_returns_the_case_to_demand(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-05"), *on_time("CT1", *MONTHS[1:4]))
    council.run("2025-07-31")
    assert council.moves() == [("2025-04-02", "reminder_1"), ("2025-04-05", "demand")]
    assert "first reminder complied with" in reasons(council)["reminder_1_complied"]


def test_payment_on_the_last_day_of_the_window_complies(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-08"))
    council.run("2025-04-20")
    assert council.moves() == [("2025-04-02", "reminder_1"), ("2025-04-08", "demand")]


def test_compliance_is_judged_on_the_window_not_on_a_later_payment(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-09"))  # one day late
    council.run("2025-04-20")
    assert council.moves() == [("2025-04-02", "reminder_1"), ("2025-04-09", "instalments_lost"), ("2025-04-16", "summons")]
    assert reasons(council)["reminder_1_not_complied"] == (
        "£120.00 still unpaid at the end of the first reminder's window on 2025-04-08; right to instalments lost, whole "
        "balance £1,080.00 payable from 2025-04-16 (14 days after the reminder, reg 23(3)).")


def test_part_payment_within_the_window_does_not_comply(council):
    council.account()
    council.pay(("CT1", "100.00", "2025-04-07"))
    council.run("2025-04-10")
    assert council.moves()[-1] == ("2025-04-09", "instalments_lost")
    assert council.events()[-1]["facts"]["unpaid_at_pay_by_pence"] == 2000


def test_we12_loss_of_instalments_after_a_reminder_of_2_july(council):
    council.account()
    council.pay(*on_time("CT1", *MONTHS[:3]))
    council.run("2025-07-20")
    assert council.moves() == [("2025-07-02", "reminder_1"), ("2025-07-09", "instalments_lost"), ("2025-07-16", "summons")]
    lost = council.events()[1]
    assert lost["facts"]["pay_by"] == "2025-07-08" and lost["facts"]["payable_from"] == "2025-07-16"
    assert "payable since 2025-07-16" in council.events()[2]["reason"]


def test_we12_offset_of_13_days_is_a_profile_choice(council_with):
    council = council_with("loss_of_instalments_offset_days = 13")
    council.account()
    council.pay(*on_time("CT1", *MONTHS[:3]))
    council.run("2025-07-20")
    assert council.moves()[-1] == ("2025-07-15", "summons")


def test_paying_the_whole_balance_once_instalments_are_lost_stops_the_summons(council):
    council.account()
    council.pay(("CT1", "1200.00", "2025-04-12"))
    council.run("2025-05-31")
    assert council.moves() == [("2025-04-02", "reminder_1"), ("2025-04-09", "instalments_lost"), ("2025-04-12", "paid")]


def test_paying_only_the_arrears_after_the_window_does_not_restore_instalments(council):
    council.account()
    council.pay(("CT1", "240.00", "2025-04-12"))
    council.run("2025-04-30")
    assert [m[1] for m in council.moves()] == ["reminder_1", "instalments_lost", "summons"]
    assert "£960.00 payable since 2025-04-16" in council.events()[-1]["reason"]


def test_second_default_brings_the_second_reminder(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-03"), ("CT1", "120.00", "2025-05-01"))
    council.run("2025-06-05")
    assert council.moves() == [("2025-04-02", "reminder_1"), ("2025-04-03", "demand"), ("2025-06-02", "reminder_2")]
    assert "third default loses the right to instalments" in reasons(council)["second_reminder"]


def test_third_default_loses_instalments_the_next_day_without_a_reminder(council):
    council.account()
    council.pay(("CT1", "120.00", "2025-04-03"), ("CT1", "120.00", "2025-05-01"), ("CT1", "120.00", "2025-06-04"),
                ("CT1", "120.00", "2025-07-01"))
    council.run("2025-08-10")
    assert council.moves() == [
        ("2025-04-02", "reminder_1"), ("2025-04-03", "demand"), ("2025-06-02", "reminder_2"), ("2025-06-04", "demand"),
        ("2025-08-02", "instalments_lost"), ("2025-08-03", "summons"),
    ]
    assert reasons(council)["third_default"] == (
        "Third default: instalment due 2025-08-01 not paid after the second reminder was complied with; right to "
        "instalments lost, whole balance £720.00 payable from 2025-08-02 (reg 23(2)(b), (4)).")


# --- final notice -------------------------------------------------------------------------------------------------


def test_we14_final_notice_without_an_instalment_scheme_then_summons_after_seven_days(council):
    council.account(amount="500.00", date="2025-05-10", instalments="0")
    council.run("2025-06-20")
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in council.show()["schedule"]] == [{"due_on": "2025-06-01", "amount_pence": 50000}]
    assert council.moves() == [("2025-06-02", "final_notice"), ("2025-06-09", "summons")]
    assert reasons(council)["final_notice"] == (
        "£500.00 due 2025-06-01 unpaid and the account has no instalment scheme; final notice issued, pay by 2025-06-08 "
        "(7 days, regs 33, 34(1)).")
    assert "7 days after the final notice of 2025-06-02" in reasons(council)["summons_after_final_notice"]


def test_final_notice_when_the_missed_instalment_is_the_last_on_the_schedule(council):
    council.account()
    council.pay(*on_time("CT1", *MONTHS[:9]))
    council.run("2026-01-20")
    assert council.moves() == [("2026-01-02", "final_notice"), ("2026-01-09", "summons")]
    assert "no instalment is left to fall due" in reasons(council)["final_notice"]


def test_paying_the_final_notice_stops_the_summons(council):
    council.account(amount="500.00", date="2025-05-10", instalments="0")
    council.pay(("CT1", "500.00", "2025-06-09"))
    council.run("2025-06-30")
    assert council.moves() == [("2025-06-02", "final_notice"), ("2025-06-09", "paid")]


def test_single_instalment_demand_in_the_final_quarter(council):
    council.account(date="2026-01-15")
    council.run("2026-02-20")
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in council.show()["schedule"]] == [{"due_on": "2026-02-01", "amount_pence": 120000}]
    assert council.moves() == [("2026-02-02", "final_notice"), ("2026-02-09", "summons")]


# --- summons, hearing, liability order ----------------------------------------------------------------------------


def we15_account(council, **cols):
    """No scheme, due Sunday 8 June: final notice 9 June, summons posted Monday 16 June (WE-15)."""
    council.account(amount="500.00", date="2025-05-20", instalments="0", instalment_day="8", **cols)


def test_we15_summons_hearing_and_liability_order_with_costs(council):
    we15_account(council)
    council.run("2025-07-31")
    assert council.moves() == [("2025-06-09", "final_notice"), ("2025-06-16", "summons"), ("2025-07-03", "liability_order")]
    summons = council.events()[1]
    assert summons["facts"]["served_on"] == "2025-06-18" and summons["facts"]["hearing_on"] == "2025-07-03"
    assert "summons issued with £80.00 costs, deemed served 2025-06-18, hearing 2025-07-03" in summons["reason"]
    assert council.fees() == [("2025-06-16", "summons_costs", 8000), ("2025-07-03", "liability_order_costs", 2000)]
    order = council.events()[2]
    assert order["reason"].startswith("£580.00 of sum and costs unpaid at the hearing on 2025-07-03 (summons served "
                                      "2025-06-18); liability order made with £20.00 costs. Routes the facts allow: "
                                      "enforcement agent (£600.00 outstanding)")
    shown = council.show()
    assert shown["balance_pence"] == 60000 and shown["stage"] == "liability_order"


@pytest.mark.parametrize("paid_on", ["2025-06-20", "2025-07-03"])
def test_sum_and_costs_paid_before_or_on_the_hearing_day_withdraw_the_summons(council, paid_on):
    we15_account(council)
    council.pay(("CT1", "580.00", paid_on))
    council.run("2025-07-31")
    assert council.moves() == [("2025-06-09", "final_notice"), ("2025-06-16", "summons"), (paid_on, "withdrawn")]
    assert council.show()["closed_on"] == paid_on
    assert "before the hearing on 2025-07-03; summons withdrawn" in council.events()[-1]["reason"]


def test_paying_the_sum_without_the_costs_does_not_withdraw_the_summons(council):
    we15_account(council)
    council.pay(("CT1", "500.00", "2025-06-20"))
    council.run("2025-07-31")
    assert council.moves()[-1] == ("2025-07-03", "liability_order")
    assert council.show()["balance_pence"] == 10000  # £80 summons costs + £20 liability order costs


def test_paying_after_the_hearing_clears_the_order(council):
    we15_account(council)
    council.pay(("CT1", "600.00", "2025-07-04"))
    council.run("2025-07-31")
    assert council.moves()[-2:] == [("2025-07-03", "liability_order"), ("2025-07-04", "paid")]


def test_adjourned_hearing_then_order_recorded_by_an_officer(council):
    we15_account(council)
    council.run("2025-06-20")
    council.act("CT1", "hearing_adjourned", "2025-06-20", reason="court list full")
    council.run("2025-07-20")
    assert council.show()["stage"] == "adjourned"
    council.act("CT1", "adjourned_order_granted", "2025-07-21", hearing_date="2025-07-21")
    assert council.fees()[-1] == ("2025-07-21", "liability_order_costs", 2000)
    council.run("2025-07-22")
    assert council.show()["stage"] == "liability_order"


def test_payment_while_adjourned_withdraws_the_summons(council):
    we15_account(council)
    council.run("2025-06-20")
    council.act("CT1", "hearing_adjourned", "2025-06-20", reason="defence filed")
    council.pay(("CT1", "580.00", "2025-07-10"))
    council.run("2025-07-20")
    assert council.moves()[-1] == ("2025-07-10", "withdrawn")


def test_refused_order_and_a_fresh_summons_with_a_new_hearing(council):
    we15_account(council)
    council.run("2025-06-20")
    council.act("CT1", "liability_order_refused", "2025-06-20", reason="defective summons")
    council.run("2025-07-10")
    assert council.show()["stage"] == "order_refused"
    council.act("CT1", "resummons", "2025-07-14", reason="re-served")
    council.run("2025-08-31")
    # Posted Monday 14 July, served Wednesday 16 July, hearing Thursday 31 July.
    assert council.moves()[-2:] == [("2025-07-14", "summons"), ("2025-07-31", "liability_order")]
    assert [f[1] for f in council.fees()] == ["summons_costs", "summons_costs", "liability_order_costs"]


def test_officer_cannot_act_outside_the_ladder(council):
    we15_account(council)
    council.run("2025-07-03")
    with pytest.raises(ActionRefused, match="does not allow 'apply_committal'"):
        council.act("CT1", "apply_committal", "2025-07-04", debtor="P-CT1")
