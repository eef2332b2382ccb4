"""Remedies after the liability order, and the officer actions' checks (DOMAIN §2.2 stages 5-9; WE-15, WE-18)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_nndr import NNDR
from arrears_nndr.routes import action_entries, check_action

LO_DAY = date(2025, 9, 1)


def _check(case, ctx, action, fields=None, **kw):
    kw.setdefault("stage", "liability_order")
    kw.setdefault("stage_since", LO_DAY)
    today = kw.pop("today", date(2025, 9, 10))
    c = case(today=today, **kw)
    return check_action(c, action, fields or {}, ctx(today), [c.reference])


def test_no_attachment_of_earnings_benefit_deductions_or_charging_order_is_offered():
    offered = {a.name for a in NNDR.ladder.actions("liability_order")}
    assert offered == {"refer_enforcement_agent", "apply_committal", "petition_bankruptcy", "petition_winding_up",
                       "hardship_relief", "write_off"}
    targets = {t.target for t in NNDR.ladder.transitions}
    assert not targets & {"attachment_of_earnings", "benefit_deductions", "charging_order"}


@pytest.mark.parametrize("balance, kind, refused", [
    (499_999, "person", True), (500_000, "person", False),
    (499_999, "sole_trader", True), (500_000, "sole_trader", False),
])
def test_we18_bankruptcy_threshold(case, ctx, balance, kind, refused):
    reason = _check(case, ctx, "petition_bankruptcy", {"court": "Leicester"}, balance=balance, kind=kind)
    assert (reason is not None) == refused
    if refused:
        assert "at least £5,000.00" in reason and "£4,999.99" in reason


@pytest.mark.parametrize("balance, refused", [(75_000, True), (75_001, False)])
def test_we18_winding_up_threshold(case, ctx, balance, refused):
    reason = _check(case, ctx, "petition_winding_up", {"court": "High Court"}, balance=balance, kind="company")
    assert (reason is not None) == refused
    if refused:
        assert "over £750.00" in reason and "the balance is £750.00" in reason


def test_winding_up_refused_for_a_sole_trader_and_bankruptcy_for_a_company(case, ctx):
    assert "not a sole_trader" in _check(case, ctx, "petition_winding_up", balance=900_000, kind="sole_trader")
    assert "not a company" in _check(case, ctx, "petition_bankruptcy", balance=900_000, kind="company")


def test_committal_refused_for_a_company_allowed_for_individuals(case, ctx):
    fields = {"ea_return_date": "2025-09-05"}
    reason = _check(case, ctx, "apply_committal", fields, kind="company")
    assert "only for an individual" in reason and "winding-up" in reason
    assert _check(case, ctx, "apply_committal", fields, kind="sole_trader") is None
    assert _check(case, ctx, "apply_committal", fields, kind="person") is None
    assert "not a date" in _check(case, ctx, "apply_committal", {"ea_return_date": "soon"}, kind="person")


def test_order_at_an_adjourned_hearing_not_before_the_first_hearing_nor_after_today(case, ctx):
    kw = dict(stage="adjourned", stage_since=date(2025, 7, 3), today=date(2025, 7, 20),
              state={"summons_on": "2025-06-16", "served_on": "2025-06-18", "hearing_on": "2025-07-03"})
    assert "adjourned from 2025-07-03" in _check(case, ctx, "adjourned_order_granted", {"hearing_date": "2025-07-02"}, **kw)
    assert _check(case, ctx, "adjourned_order_granted", {"hearing_date": "2025-07-17"}, **kw) is None
    assert "after the business date" in _check(case, ctx, "adjourned_order_granted", {"hearing_date": "2025-07-21"}, **kw)
    kw["state"] = {}   # no record: worked out from the stage's first day (WE-15 from a summons of 16 June)
    kw["stage_since"] = date(2025, 6, 16)
    assert "earliest is 2025-07-03" in _check(case, ctx, "adjourned_order_granted", {"hearing_date": "2025-07-02"}, **kw)


def test_hardship_relief_amount_is_validated(case, ctx):
    for bad, words in (("lots", "not an amount"), ("0", "more than zero"), ("-5", "negative"), ("12.345", "decimal"),
                       ("1300.00", "more than the balance")):
        reason = _check(case, ctx, "hardship_relief", {"relief_amount": bad, "decision_ref": "HR1"}, balance=120_000)
        assert words in reason, bad
    assert _check(case, ctx, "hardship_relief", {"relief_amount": "1,200.00", "decision_ref": "HR1"}, balance=120_000) is None


def test_hardship_relief_posts_a_negative_adjustment(case, ctx):
    c = case(today=date(2025, 9, 10), balance=120_000)
    entries = action_entries(c, "hardship_relief", {"relief_amount": "250.50", "decision_ref": "HR-7"}, ctx(c.today))
    assert [(e.amount_pence, e.on, e.kind) for e in entries] == [(-25_050, date(2025, 9, 10), "adjustment")]
    assert "HR-7" in entries[0].description and "s49" in entries[0].description
    assert action_entries(c, "refer_enforcement_agent", {"agent": "Marstons"}, ctx(c.today)) == []
