"""Officer actions on a rent account: refusals with reasons, the state they leave, the credits they post (DOMAIN §6.1, §6.2)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_rents.routes import action_entries, action_state, check_action

MON = date(2025, 6, 2)
OVERDUE_FREE = {"statement_sent_on": "2025-05-01"}


def check(case, ctx, action, fields, **params):
    return check_action(case, action, fields, ctx(case.today, **params), ["T-R1"])


def contact(case, today=MON, state=None, **kw):
    return case(today=today, stage="contact_task", stage_since=date(2025, 5, 19), charged=80_000,
                state={**OVERDUE_FREE, **(state or {})}, **kw)


# --- Notice of Seeking Possession ------------------------------------------------------------------------------


def test_an_nsp_with_a_lawful_date_is_accepted_and_its_dates_kept(case, ctx):
    c = contact(case)
    assert check(case=c, ctx=ctx, action="serve_nsp", fields={"proceedings_date": "2025-07-06", "served_by": "hand"}) is None
    st = action_state(c, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "hand"}, ctx(MON))
    assert st["nsp"] == {"given_on": "2025-06-02", "served_by": "hand", "served_on": "2025-06-02",
                         "proceedings_date": "2025-07-06", "lapses_on": "2026-07-06"}


def test_an_nsp_date_too_early_is_refused_naming_the_earliest(case, ctx):
    why = check(contact(case), ctx, "serve_nsp", {"proceedings_date": "2025-06-29", "served_by": "hand"})
    assert why == ("proceedings_date 2025-06-29 is too early: served 2025-06-02, the date must be at least 28 days later "
                   "and the last day of a rent period (HA 1985 s83(5)); the earliest is 2025-07-06")


def test_an_nsp_date_that_is_not_a_period_end_is_refused(case, ctx):
    why = check(contact(case), ctx, "serve_nsp", {"proceedings_date": "2025-07-07", "served_by": "hand"})
    assert why == ("proceedings_date 2025-07-07 is not the last day of a rent period (weekly, from Monday); the period "
                   "containing it ends 2025-07-13")
    sunday = case(today=MON, stage="contact_task", charged=80_000, rent_day=7, state=OVERDUE_FREE)
    assert check(sunday, ctx, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "hand"}).startswith(
        "proceedings_date 2025-07-06 is not the last day of a rent period (weekly, from Sunday)")
    assert check(sunday, ctx, "serve_nsp", {"proceedings_date": "2025-07-05", "served_by": "hand"}) is None


def test_an_nsp_by_post_counts_from_deemed_service(case, ctx):
    c = contact(case, today=date(2025, 6, 5))                         # Thursday; deemed served Monday 9 June
    assert "the earliest is 2025-07-13" in check(c, ctx, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "post"})
    assert check(c, ctx, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "hand"}) is None
    assert check(c, ctx, "serve_nsp", {"proceedings_date": "2025-07-13", "served_by": "fax"}) == \
        "served_by 'fax' is not one of hand, letterbox, post"
    assert check(c, ctx, "serve_nsp", {"proceedings_date": "13/07/2025", "served_by": "post"}) == \
        "proceedings_date '13/07/2025' is not a date (YYYY-MM-DD)"


def test_no_proceedings_while_a_benefit_claim_is_pending(case, ctx):
    fields = {"proceedings_date": "2025-07-06", "served_by": "hand"}
    by_import = contact(case, attrs={"benefit_claim_pending": True})
    assert check(by_import, ctx, "serve_nsp", fields).startswith(
        "a benefit claim the tenant has properly made is still pending: no proceedings until it is decided")
    by_officer = contact(case, state={"benefit_claim_pending": "2025-05-20"})
    assert "(made 2025-05-20) is still pending" in check(by_officer, ctx, "serve_nsp", fields)
    decided = contact(case, attrs={"benefit_claim_pending": True}, state={"benefit_claim_pending": False})
    assert check(decided, ctx, "serve_nsp", fields) is None


def test_no_proceedings_while_a_rent_statement_is_overdue_unless_the_council_allows(case, ctx):
    fields = {"proceedings_date": "2025-07-06", "served_by": "hand"}
    c = contact(case, state={"statement_sent_on": "2025-03-01"})      # due 1 June, overdue from 2 June
    assert check(c, ctx, "serve_nsp", fields) == (
        "a rent statement is overdue since 2025-06-02 (at least every 3 months, pre-action protocol); record "
        "rent_statement_sent first")
    assert check(c, ctx, "serve_nsp", fields, statement_before_proceedings=False) is None
    on_time = contact(case, today=date(2025, 6, 1), state={"statement_sent_on": "2025-03-01"})
    assert check(on_time, ctx, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "hand"}) is None


def test_no_nsp_without_arrears(case, ctx):
    c = case(today=MON, stage="contact_task", charged=80_000, paid=80_000, state=OVERDUE_FREE)
    assert check(c, ctx, "serve_nsp", {"proceedings_date": "2025-07-06", "served_by": "hand"}) == \
        "there are no arrears (balance £0.00)"


# --- the possession claim --------------------------------------------------------------------------------------


NSP = {"proceedings_date": "2025-07-06", "lapses_on": "2026-07-06", **OVERDUE_FREE, "statement_sent_on": "2025-06-01"}


@pytest.mark.parametrize("today,refusal", [
    (date(2025, 7, 6), "proceedings may be begun only after the NSP's date 2025-07-06 (HA 1985 s83); the earliest is "
                       "2025-07-07"),
    (date(2025, 7, 7), None),
    (date(2025, 8, 31), None),
    (date(2026, 7, 6), "the NSP lapsed on 2026-07-06 (HA 1985 s83(4)); serve a new notice"),
])
def test_a_claim_is_issued_after_the_nsp_date_and_before_it_lapses(case, ctx, today, refusal):
    c = case(today=today, stage="nsp_served", charged=80_000, state={"nsp": NSP, "statement_sent_on": today.isoformat()})
    assert check(c, ctx, "issue_possession_claim", {"claim_number": "K00XX123"}) == refusal


def test_a_claim_is_refused_while_a_benefit_claim_is_pending(case, ctx):
    c = case(today=date(2025, 7, 7), stage="nsp_served", charged=80_000,
             state={"nsp": NSP, "statement_sent_on": "2025-06-01", "benefit_claim_pending": "2025-07-01"})
    assert "still pending" in check(c, ctx, "issue_possession_claim", {"claim_number": "K1"})


def test_issuing_a_claim_records_it_and_its_fee_as_costs(case, ctx):
    c = case(today=date(2025, 7, 7), stage="nsp_served", charged=80_000, state={"nsp": NSP})
    st = action_state(c, "issue_possession_claim", {"claim_number": " K00XX123 "}, ctx(date(2025, 7, 7)))
    assert st["claim"] == {"number": "K00XX123", "issued_on": "2025-07-07"} and st["costs_pence"] == 40_400
    st = action_state(c, "request_warrant", {"warrant_number": "W1"}, ctx(date(2025, 7, 7), warrant_fee_pence=14_300))
    assert st["costs_pence"] == 14_300


# --- agreements, orders, dates -----------------------------------------------------------------------------------


def test_terms_need_a_positive_instalment_and_are_kept_in_the_state(case, ctx):
    c = contact(case)
    assert check(c, ctx, "agree_arrangement", {"instalment": "0"}) == "instalment must be more than zero"
    assert check(c, ctx, "agree_arrangement", {"instalment": "ten"}) == "instalment: 'ten' is not an amount in pounds and pence"
    assert check(c, ctx, "agree_arrangement", {"instalment": "7.50"}) is None
    st = action_state(case(today=MON, charged=80_000, paid=3_000, state={"possession_date": "x"}), "suspended_order_made",
                      {"instalment": "7.50"}, ctx(MON))
    assert st["terms"] == {"kind": "suspended", "made_on": "2025-06-02", "instalment_pence": 750, "rent_pence": 10_000,
                           "paid_before_pence": 3_000}
    assert "possession_date" not in st


def test_an_agreement_is_refused_once_the_court_decides_the_terms(case, ctx):
    c = case(today=MON, stage="possession_claim", charged=80_000)
    assert check(c, ctx, "agree_arrangement", {"instalment": "5"}).startswith(
        "an agreement is recorded before a possession claim; at stage 'possession_claim'")


def test_possession_date_and_eviction_date_checks(case, ctx):
    claim = case(today=MON, stage="possession_claim", charged=80_000)
    assert check(claim, ctx, "outright_order_made", {"possession_date": "2025-06-01"}) == \
        "possession_date 2025-06-01 is before the business date 2025-06-02"
    assert check(claim, ctx, "outright_order_made", {"possession_date": "2025-06-16"}) is None
    warrant = case(today=MON, stage="warrant_of_possession", stage_since=date(2025, 5, 20), charged=80_000)
    assert check(warrant, ctx, "eviction_carried_out", {"eviction_date": "2025-05-19"}) == \
        "eviction_date 2025-05-19 is before the warrant was requested (2025-05-20)"
    assert check(warrant, ctx, "eviction_carried_out", {"eviction_date": "2025-06-03"}) == \
        "eviction_date 2025-06-03 is after the business date 2025-06-02"


def test_ending_a_tenancy_twice_or_before_the_account_is_refused(case, ctx):
    c = case(today=MON, stage="first_letter", charged=80_000)
    assert check(c, ctx, "end_tenancy", {"end_date": "2025-04-06", "reason": "notice"}) == \
        "end_date 2025-04-06 is before the account's date (2025-04-07)"
    assert check(c, ctx, "end_tenancy", {"end_date": "2025-06-01", "reason": "notice"}) is None
    ended = case(today=MON, stage="former_tenant_reminder", charged=80_000)
    assert check(ended, ctx, "end_tenancy", {"end_date": "2025-06-01", "reason": "notice"}) == \
        "the tenancy has already ended (stage 'former_tenant_reminder')"


def test_ending_a_tenancy_credits_rent_debited_for_later_days(case, ctx):
    c = case(today=MON, stage="first_letter", charged=80_000, state={"billed_through": "2025-06-02"})
    fields = {"end_date": "2025-05-28", "reason": "notice"}           # Wednesday: Thursday to Sunday and next week credited
    entries = action_entries(c, "end_tenancy", fields, ctx(MON))
    assert [(e.on, e.amount_pence, e.kind) for e in entries] == [(date(2025, 5, 28), -(10_000 - 4_286) - 10_000, "adjustment")]
    st = action_state(c, "end_tenancy", fields, ctx(MON))
    assert (st["ended_on"], st["ended_by"]) == ("2025-05-28", "notice")


# --- protocol facts ----------------------------------------------------------------------------------------------


def test_statements_benefit_claims_and_uc_flags(case, ctx):
    c = case(today=MON, stage="second_letter", charged=80_000)
    assert check(c, ctx, "rent_statement_sent", {"sent_on": "2025-06-03"}) == \
        "sent_on 2025-06-03 is after the business date 2025-06-02"
    assert action_state(c, "rent_statement_sent", {"sent_on": "2025-06-01"}, ctx(MON))["statement_sent_on"] == "2025-06-01"
    assert check(c, ctx, "benefit_claim_decided", {"outcome": "awarded"}) == "no benefit claim is recorded as pending"
    st = action_state(c, "benefit_claim_made", {"made_on": "2025-05-30"}, ctx(MON))
    assert st["benefit_claim_pending"] == "2025-05-30"
    pending = case(today=MON, stage="second_letter", charged=80_000, state=st)
    assert check(pending, ctx, "benefit_claim_made", {"made_on": "2025-06-01"}) == \
        "a benefit claim is already recorded as pending since 2025-05-30"
    assert action_state(pending, "benefit_claim_decided", {"outcome": "awarded"}, ctx(MON))["benefit_claim_pending"] is False
    assert check(c, ctx, "uc_managed_payment", {"in_place": "perhaps"}) == "in_place 'perhaps' is not yes or no"
    assert check(c, ctx, "uc_managed_payment", {"in_place": "no"}) == "a UC managed payment is already recorded as not in place"
    assert action_state(c, "uc_managed_payment", {"in_place": "Yes"}, ctx(MON))["uc_managed_payment"] is True
    assert action_state(c, "claim_withdrawn", {"outcome": "adjourned"}, ctx(MON)) is None
