"""Late Payment of Commercial Debts (Interest) Act 1998: compensation bands, reference rate, interest (DOMAIN §3.2 stage 4b; WE-38)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from arrears_sundry.fees import fees_for
from arrears_sundry.late_payment import base_rate_on, charges, compensation, reference_day, statutory_interest
from arrears_sundry.params import SundryParameters
from arrears_sundry.review import review

BANDS = SundryParameters().late_payment_compensation
LETTER_DAY = date(2025, 4, 24)
FINAL = dict(stage="final_notice", stage_since=date(2025, 4, 9), kind="company")


@pytest.mark.parametrize(("debt", "expected"), [(99_999, 4_000), (100_000, 7_000), (1_000_000, 10_000)])
def test_we38_compensation_by_size_of_debt(debt, expected):
    assert compensation(debt, BANDS)[0] == expected


@pytest.mark.parametrize(("debt", "expected", "words"), [
    (1, 4_000, "debt under £1,000.00"),
    (999_999, 7_000, "debt £1,000.00 to £9,999.99"),
    (25_000_000, 10_000, "debt of £10,000.00 or more"),
])
def test_compensation_band_edges_and_their_words(debt, expected, words):
    assert compensation(debt, BANDS) == (expected, words)


def test_compensation_bands_are_a_profile_table():
    bands = SundryParameters(late_payment_compensation=[{"from_pence": 0, "amount_pence": 4_200},
                                                        {"from_pence": 100_000, "amount_pence": 7_350}])
    assert compensation(100_000, bands.late_payment_compensation)[0] == 7_350
    with pytest.raises(ValidationError, match="first band must start at from_pence = 0"):
        SundryParameters(late_payment_compensation=[{"from_pence": 100, "amount_pence": 4_000}])
    with pytest.raises(ValidationError, match="must rise"):
        SundryParameters(late_payment_compensation=[{"from_pence": 0, "amount_pence": 1},
                                                    {"from_pence": 0, "amount_pence": 2}])


@pytest.mark.parametrize(("late_from", "day"), [
    (date(2025, 1, 1), date(2024, 12, 31)),
    (date(2025, 6, 30), date(2024, 12, 31)),
    (date(2025, 7, 1), date(2025, 6, 30)),
    (date(2025, 12, 31), date(2025, 6, 30)),
])
def test_reference_day_is_the_end_of_the_half_year_before(late_from, day):
    assert reference_day(late_from) == day


def test_base_rate_is_the_one_in_force_on_the_day():
    rates = SundryParameters().base_rates
    assert base_rate_on(date(2024, 12, 31), rates) == Decimal("4.75")
    assert base_rate_on(date(2025, 8, 6), rates) == Decimal("4.25")
    assert base_rate_on(date(2025, 8, 7), rates) == Decimal("4.00")


def test_base_rates_must_be_dated_in_order():
    with pytest.raises(ValidationError, match="effective_from must rise"):
        SundryParameters(base_rates=[{"effective_from": "2025-08-07", "percent": "4"},
                                     {"effective_from": "2025-05-08", "percent": "4.25"}])


def test_interest_is_simple_on_a_365_day_year_rounded_half_up():
    assert statutory_interest(120_000, Decimal("12.75"), 31) == 1_299  # £12.9945
    assert statutory_interest(18_250, Decimal(1), 1) == 1                # exactly half a penny rounds up
    assert statutory_interest(18_249, Decimal(1), 1) == 0
    assert statutory_interest(120_000, Decimal("12.75"), 0) == 0
    assert statutory_interest(0, Decimal("12.75"), 30) == 0


def test_the_letter_before_claim_adds_compensation_and_interest_and_explains_them(case, ctx):
    c = case(today=LETTER_DAY, amount=120_000, **FINAL)
    context = ctx(LETTER_DAY, late_payment_charges=True)
    outcome = review(c, context)
    move = outcome.move
    # Due 2025-03-24, late from the 25th: reference rate 4.75% (31 December 2024), so 12.75% for 31 days.
    assert move.reason.endswith(
        "Late Payment Act: compensation £70.00 (debt £1,000.00 to £9,999.99, s5A) and statutory interest £12.99 "
        "(12.75% a year, 8% over the 4.75% base rate on 2024-12-31, on £1,200.00 for 31 days from 2025-03-25) added.")
    assert outcome.state["compensation_on"] == outcome.state["interest_to"] == "2025-04-24"
    fees = fees_for(c, move, context)
    assert [(f.code, f.amount_pence) for f in fees] == [("late_payment_compensation", 7_000), ("statutory_interest", 1_299)]
    assert "s5A" in fees[0].description and "12.75% a year" in fees[1].description


def test_no_charges_when_the_profile_does_not_charge_them(case, ctx):
    c = case(today=LETTER_DAY, amount=120_000, **FINAL)
    context = ctx(LETTER_DAY)
    outcome = review(c, context)
    assert outcome.move.reason.endswith("pay by 2025-05-08 (14 days).")
    assert fees_for(c, outcome.move, context) == []
    assert "compensation_on" not in outcome.state


def test_individuals_are_never_charged_and_sole_traders_only_when_the_profile_says(case, ctx):
    for kind, kinds, charged in (("person", ("company",), False), ("sole_trader", ("company",), False),
                                 ("sole_trader", ("sole_trader", "company"), True)):
        c = case(today=LETTER_DAY, amount=120_000, **{**FINAL, "kind": kind})
        context = ctx(LETTER_DAY, late_payment_charges=True, late_payment_debtor_kinds=kinds)
        move = review(c, context).move
        assert move.rule == "letter_of_claim_after_final_notice"
        assert bool(fees_for(c, move, context)) is charged, (kind, kinds)
    with pytest.raises(ValidationError):
        SundryParameters(late_payment_debtor_kinds=("person",))


def test_compensation_is_charged_once_and_interest_from_where_it_stopped(case, ctx):
    st = {"compensation_on": "2025-04-24", "interest_to": "2025-04-24", "letter_before_claim_on": "2025-04-24"}
    c = case(today=date(2025, 7, 1), stage="officer_review", kind="company", amount=120_000, charged=128_299, state=st)
    again = charges(c, ctx(date(2025, 7, 1), late_payment_charges=True).params, date(2025, 7, 1), with_compensation=True)
    assert again.compensation_pence == 0
    assert again.interest_pence == statutory_interest(120_000, Decimal("12.75"), 68)  # 25 April to 1 July
    assert "for 68 days from 2025-04-25" in again.interest_note


def test_part_payments_reduce_the_principal_interest_runs_on(case, ctx):
    c = case(today=LETTER_DAY, kind="company", amount=120_000, paid=20_000, stage="officer_review")
    result = charges(c, ctx(LETTER_DAY, late_payment_charges=True).params, LETTER_DAY, with_compensation=True)
    assert result.compensation_pence == 7_000  # on the invoice
    assert result.interest_pence == statutory_interest(100_000, Decimal("12.75"), 31)


def test_a_debt_late_from_july_takes_the_june_rate(case, ctx):
    # Invoice 9 June, 21 days: due 30 June, late from 1 July: reference rate on 30 June 2025 (4.25%).
    c = case(today=date(2025, 7, 31), opened_on=date(2025, 6, 9), kind="company", amount=100_000, stage="officer_review")
    result = charges(c, ctx(date(2025, 7, 31), late_payment_charges=True).params, date(2025, 7, 31), with_compensation=True)
    assert "12.25% a year, 8% over the 4.25% base rate on 2025-06-30" in result.interest_note
    assert result.interest_pence == statutory_interest(100_000, Decimal("12.25"), 31)


def test_through_the_services_an_officer_sent_letter_charges_once(council_with):
    council = council_with(pre_action_letters=False, late_payment_charges=True)
    council.invoice("C1", "1200.00", kind="company")
    council.run("2025-07-24")  # further recovery on 24 April; the action limit brings it to review on 24 July
    assert council.moves("C1")[-1] == ("2025-07-24", "action_limit_reached", "officer_review")
    council.act("C1", "send_letter_before_claim", "2025-07-25")
    council.run("2025-08-10")
    assert council.fees("C1") == [("2025-07-25", "late_payment_compensation", 7_000),
                                  ("2025-07-25", "statutory_interest", statutory_interest(120_000, Decimal("12.75"), 123))]
    assert council.moves("C1")[-1] == ("2025-08-09", "letter_before_claim_unanswered", "officer_review")
    council.act("C1", "send_letter_before_claim", "2025-08-11")
    assert [code for _, code, _ in council.fees("C1")][2:] == ["statutory_interest"]  # no second compensation
