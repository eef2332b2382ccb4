"""Dates an officer gives with an action: a real date, not after the business date, not before what it follows."""

from __future__ import annotations

from datetime import date

import pytest

from arrears.errors import ActionRefused
from arrears_council_tax.routes import check_action, first_hearing

TODAY = date(2025, 9, 1)
LIABLE = ["P1"]
AGENT_STAGES = [("ea_no_goods", "enforcement_agent"), ("ea_no_goods_after_visit", "ea_enforcement"),
                ("ea_no_goods_after_sale", "ea_sale")]


def check(case_, action, ctx, **fields):
    return check_action(case_, action, fields, ctx(TODAY), LIABLE)


@pytest.mark.parametrize("action, stage", AGENT_STAGES)
def test_agent_report_date_must_be_a_date_and_not_in_the_future(case, ctx, action, stage):
    c = case(today=TODAY, stage=stage, stage_since=date(2025, 8, 1), state={"lo_on": "2025-07-03", "ea_on": "2025-07-10"})
    assert check(c, action, ctx, report_date="29/08/2025") == "report_date '29/08/2025' is not a date (YYYY-MM-DD)"
    assert check(c, action, ctx, report_date="2025-09-02") == (
        "report_date 2025-09-02 is after the business date 2025-09-01")
    assert check(c, action, ctx, report_date="2025-09-01") is None


def test_agent_report_cannot_precede_the_referral(case, ctx):
    c = case(today=TODAY, stage="enforcement_agent", stage_since=date(2025, 7, 10), state={"lo_on": "2025-07-03"})
    assert check(c, "ea_no_goods", ctx, report_date="2025-07-09") == (
        "report_date 2025-07-09 is too early: the case went to the enforcement agent on 2025-07-10 and the agent "
        "reports after that; the earliest is 2025-07-10")
    assert check(c, "ea_no_goods", ctx, report_date="2025-07-10") is None


@pytest.mark.parametrize("action, stage", AGENT_STAGES[1:])
def test_a_report_after_the_visit_may_precede_the_visits_record_but_not_the_referral(case, ctx, action, stage):
    # The visit was recorded on 1 August; the referral (recorded by the nightly run) was on 10 July.
    c = case(today=TODAY, stage=stage, stage_since=date(2025, 8, 1), state={"lo_on": "2025-07-03", "ea_on": "2025-07-10"})
    assert check(c, action, ctx, report_date="2025-07-28") is None
    assert check(c, action, ctx, report_date="2025-07-09").endswith(
        "the case went to the enforcement agent on 2025-07-10 and the agent reports after that; the earliest is 2025-07-10")
    # Without the referral's record, the liability order's day bounds it.
    unrecorded = case(today=TODAY, stage=stage, stage_since=date(2025, 8, 1), state={"lo_on": "2025-07-03"})
    assert check(unrecorded, action, ctx, report_date="2025-07-02") == (
        "report_date 2025-07-02 is too early: the liability order was made on 2025-07-03 and the agent reports after "
        "that; the earliest is 2025-07-03")
    assert check(unrecorded, action, ctx, report_date="2025-07-03") is None


def test_committal_order_date(case, ctx):
    c = case(today=TODAY, stage="committal", stage_since=date(2025, 8, 15))
    assert check(c, "committal_order_made", ctx, order_date="1 Sept") == "order_date '1 Sept' is not a date (YYYY-MM-DD)"
    assert check(c, "committal_order_made", ctx, order_date="2025-09-02") == (
        "order_date 2025-09-02 is after the business date 2025-09-01")
    assert check(c, "committal_order_made", ctx, order_date="2025-08-14") == (
        "order_date 2025-08-14 is too early: the committal application was made on 2025-08-15 (reg 47); the earliest "
        "is 2025-08-15")
    assert check(c, "committal_order_made", ctx, order_date="2025-08-15") is None


def test_adjourned_hearing_date_is_on_or_after_the_first_hearing(case, ctx):
    c = case(today=TODAY, stage="adjourned", stage_since=date(2025, 6, 20),
             state={"summons_on": "2025-06-16", "served_on": "2025-06-18", "hearing_on": "2025-07-03"})
    assert check(c, "adjourned_order_granted", ctx, hearing_date="") == "hearing_date '' is not a date (YYYY-MM-DD)"
    assert check(c, "adjourned_order_granted", ctx, hearing_date="2025-09-02") == (
        "hearing_date 2025-09-02 is after the business date 2025-09-01")
    assert check(c, "adjourned_order_granted", ctx, hearing_date="2025-07-02") == (
        "hearing_date 2025-07-02 is too early: the hearing was adjourned from 2025-07-03; the earliest is 2025-07-03")
    assert check(c, "adjourned_order_granted", ctx, hearing_date="2025-07-03") is None


def test_first_hearing_worked_out_from_the_summons_when_not_recorded(case, ctx):
    # WE-15: posted Mon 16 June 2025, deemed served Wed 18 June, earliest hearing Thu 3 July.
    c = case(today=TODAY, stage="adjourned", stage_since=date(2025, 6, 20), state={"summons_on": "2025-06-16"})
    assert first_hearing(c, ctx(TODAY)) == date(2025, 7, 3)
    assert check(c, "adjourned_order_granted", ctx, hearing_date="2025-07-02").endswith("the earliest is 2025-07-03")
    nothing = case(today=TODAY, stage="adjourned", stage_since=date(2025, 6, 20))
    assert first_hearing(nothing, ctx(TODAY)) is None
    assert check(nothing, "adjourned_order_granted", ctx, hearing_date="2025-06-01") is None


# --- through the core services -----------------------------------------------------------------------------------


def test_an_adjourned_hearing_before_the_first_one_is_refused(council):
    council.account("CT1", amount="500.00", date="2025-05-20", instalments="0", instalment_day="8")
    council.run("2025-06-20")
    assert council.show()["stage"] == "summons"
    council.act("CT1", "hearing_adjourned", "2025-06-20", reason="court list full")
    with pytest.raises(ActionRefused, match=r"hearing_date 2025-06-30 is too early: the hearing was adjourned from "
                                            r"2025-07-03"):
        council.act("CT1", "adjourned_order_granted", "2025-07-21", hearing_date="2025-06-30")
    assert council.show()["stage"] == "adjourned"


def test_the_nightly_run_records_the_referral_the_agents_report_may_not_precede(council):
    council.account("CT1", amount="500.00", date="2025-05-20", instalments="0", instalment_day="8")
    council.run("2025-07-03")
    council.act("CT1", "refer_enforcement_agent", "2025-07-10", agent="Marstons")
    council.run("2025-07-10")
    council.act("CT1", "ea_enforcement_stage", "2025-08-01", visit_date="2025-07-30")
    with pytest.raises(ActionRefused, match=r"the case went to the enforcement agent on 2025-07-10"):
        council.act("CT1", "ea_no_goods_after_visit", "2025-08-02", report_date="2025-07-09")
    council.act("CT1", "ea_no_goods_after_visit", "2025-08-02", report_date="2025-07-30")
    assert council.show()["stage"] == "insufficient_goods"
