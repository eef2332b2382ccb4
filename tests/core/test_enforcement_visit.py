"""One notice-of-enforcement rule for every debt type that passes cases to an enforcement agent.

Taking Control of Goods Regulations 2013 reg 6: at least 7 clear days' notice of
enforcement (Sundays and bank holidays not counted) before an agent's visit, and
any longer compliance window the council's profile sets; no removal before the
first visit. The core checks every visit and removal an officer records, whatever
the debt type, in the same words.
"""

from __future__ import annotations

from datetime import date

import pytest

from arrears import (
    Billing, Case, Charge, Context, DebtType, DebtTypeRules, EnforcementAgentParameters, Ladder, Parameters, Stage, Transition, WorkingCalendar,
    agent_step_problem, enforcement_agent_stages, enforcement_agent_transitions, hookimpl,
)
from arrears.engine.plugins import build_plugin_host

AGENT_TYPES = ("council_tax", "nndr", "pcn")


def agent_case(host, debt_type: str, *, stage: str, since: date, today: date) -> Case:
    return Case(1, "A1", debt_type, "person", stage, since, date(2025, 1, 1), 50000, 50000, 0, 50000, None, today)


def context(host, debt_type: str, today: date, **params) -> Context:
    dt = host.debt_type(debt_type)
    return Context("testshire", dt, dt.params(**params), WorkingCalendar(), today, None, "test")


def visit(host, debt_type, notice: date, visit_on: str, today: date, **params) -> str | None:
    case = agent_case(host, debt_type, stage="enforcement_agent", since=notice, today=today)
    fields = {"visit_date": visit_on, **{k: v for k, v in params.items() if k == "notice_date"}}
    params = {k: v for k, v in params.items() if k != "notice_date"}
    return agent_step_problem(case, "ea_enforcement_stage", fields, context(host, debt_type, today, **params))


def test_every_debt_type_with_an_enforcement_agent_carries_the_rules_parameters(host):
    with_agent = sorted(dt.id for dt in host.debt_types.values()
                        if any(s.id == "enforcement_agent" for s in dt.ladder.stages))
    assert with_agent == sorted(AGENT_TYPES)
    for dt in AGENT_TYPES:
        params = host.debt_type(dt).params()
        assert isinstance(params, EnforcementAgentParameters)
        assert params.ea_notice_clear_days == 7


@pytest.mark.parametrize("debt_type", AGENT_TYPES)
def test_seven_clear_days_with_sundays_and_bank_holidays_not_counted(host, debt_type):
    # Notice Friday 19 December 2025: Sundays 21 and 28 December and bank holidays 25 and 26 December are not clear
    # days, so the seventh clear day is Tuesday 30 December and the agent may first visit on the 31st.
    notice, today = date(2025, 12, 19), date(2026, 1, 9)
    too_soon = visit(host, debt_type, notice, "2025-12-30", today, ea_compliance_days=0)
    assert too_soon == (
        "visit_date 2025-12-30 is too early: the notice of enforcement of 2025-12-19 needs 7 clear days before a visit "
        "(Sundays and bank holidays not counted; Taking Control of Goods Regulations 2013 reg 6); the earliest is 2025-12-31"
    )
    assert visit(host, debt_type, notice, "2025-12-31", today, ea_compliance_days=0) is None


def test_the_refusal_is_worded_the_same_for_every_debt_type(host):
    words = {visit(host, dt, date(2025, 9, 16), "2025-09-22", date(2025, 9, 30), ea_compliance_days=0) for dt in AGENT_TYPES}
    assert len(words) == 1 and "the earliest is 2025-09-25" in words.pop()


@pytest.mark.parametrize("debt_type", AGENT_TYPES)
def test_the_councils_compliance_window_is_added_to_the_notice(host, debt_type):
    # Rotherham: up to 30 days to agree terms after the notice of enforcement (2 June 2025 + 30 = 2 July).
    notice, today = date(2025, 6, 2), date(2025, 7, 31)
    refused = visit(host, debt_type, notice, "2025-07-01", today, ea_compliance_days=30)
    assert "and the council's policy allows 30 days from it to agree terms" in refused
    assert refused.endswith("the earliest is 2025-07-02")
    assert visit(host, debt_type, notice, "2025-07-02", today, ea_compliance_days=30) is None


def test_business_rates_default_to_seven_days_to_agree_terms(host):
    # Notice Monday 1 September 2025: 7 clear days end on Tuesday 9th (Sunday 7th not counted) -> 10th; the
    # default 7 compliance days end earlier (8th), so the clear days decide.
    assert "earliest is 2025-09-10" in visit(host, "nndr", date(2025, 9, 1), "2025-09-09", date(2025, 9, 30))
    assert visit(host, "nndr", date(2025, 9, 1), "2025-09-10", date(2025, 9, 30)) is None
    assert "earliest is 2025-09-15" in visit(host, "nndr", date(2025, 9, 1), "2025-09-10", date(2025, 9, 30),
                                             ea_compliance_days=14)


@pytest.mark.parametrize("debt_type", AGENT_TYPES)
def test_a_later_notice_recorded_by_the_officer_counts_from_its_own_date(host, debt_type):
    # The warrant reached the agent on 1 September; the agent gave notice on 8 September.
    referred, today = date(2025, 9, 1), date(2025, 9, 30)
    later = visit(host, debt_type, referred, "2025-09-12", today, ea_compliance_days=0, notice_date="2025-09-08")
    assert "the notice of enforcement of 2025-09-08" in later and later.endswith("the earliest is 2025-09-17")
    assert visit(host, debt_type, referred, "2025-09-17", today, ea_compliance_days=0, notice_date="2025-09-08") is None
    before = visit(host, debt_type, referred, "2025-09-17", today, notice_date="2025-08-29")
    assert before == ("notice_date 2025-08-29 is too early: the case went to the enforcement agent on 2025-09-01; "
                      "the earliest is 2025-09-01")
    assert visit(host, debt_type, referred, "2025-09-17", today, notice_date="8 Sept") == (
        "notice_date '8 Sept' is not a date (YYYY-MM-DD)")


@pytest.mark.parametrize("debt_type", AGENT_TYPES)
def test_visit_and_removal_dates_must_be_real_days_not_after_the_action(host, debt_type):
    today = date(2025, 7, 31)
    assert visit(host, debt_type, date(2025, 6, 2), "31/07/2025", today) == (
        "visit_date '31/07/2025' is not a date (YYYY-MM-DD)")
    assert visit(host, debt_type, date(2025, 6, 2), "2025-08-01", today) == (
        "visit_date 2025-08-01 is after the business date 2025-07-31")
    at_visit = agent_case(host, debt_type, stage="ea_enforcement", since=date(2025, 7, 10), today=today)
    ctx = context(host, debt_type, today)
    early = agent_step_problem(at_visit, "ea_sale_stage", {"removal_date": "2025-07-09"}, ctx)
    assert early == ("removal_date 2025-07-09 is too early: the agent's first visit was on 2025-07-10 and goods cannot "
                     "be removed before it; the earliest is 2025-07-10")
    assert agent_step_problem(at_visit, "ea_sale_stage", {"removal_date": "2025-07-10"}, ctx) is None
    assert agent_step_problem(at_visit, "write_off", {}, ctx) is None


def _trade_waste(params):
    """A plugin with a debt type that passes warrants to an enforcement agent, with ``params`` for its parameters."""
    ladder = Ladder(
        stages=(Stage("due", "Due"), Stage("warrant", "Warrant"), *enforcement_agent_stages(),
                Stage("written_off", "Written off", terminal=True)),
        transitions=(Transition("warrant", "due", "warrant", kind="action"),
                     Transition("refer_enforcement_agent", "warrant", "enforcement_agent", kind="action"),
                     *enforcement_agent_transitions("warrant"),
                     Transition("write_off", "*", "written_off", kind="action")),
    )

    class Rules(DebtTypeRules):
        def bill(self, case, context):
            return Billing(charges=[Charge(case.amount_pence, case.opened_on, "Trade waste")])

    class TradeWaste:
        @hookimpl
        def register_debt_types(self, register):
            register(DebtType(id="trade_waste", label="Trade waste", ladder=ladder, params=params, rules=Rules()))

    return TradeWaste()


def test_a_debt_type_with_agent_stages_but_without_the_rules_parameters_is_refused_at_registration():
    host = build_plugin_host(blocked=(), extra_plugins=[("trade_waste", _trade_waste(Parameters))])
    assert "trade_waste" not in host.debt_types
    [failed] = [p for p in host.failures if p.name == "trade_waste"]
    assert "its params must derive from arrears.EnforcementAgentParameters" in failed.error

    class TradeWasteParameters(EnforcementAgentParameters):
        pass

    host = build_plugin_host(blocked=(), extra_plugins=[("trade_waste", _trade_waste(TradeWasteParameters))])
    assert host.failures == [] and "trade_waste" in host.debt_types
