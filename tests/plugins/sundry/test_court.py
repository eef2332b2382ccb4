"""The county court route: issue fees by claim value (DOMAIN §7.4), the pre-action check, judgment and enforcement (§3.2 stages 5-7)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from arrears import Move, WorkingCalendar
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile
from arrears_sundry.court import claim_issue_fee, default_judgment_from
from arrears_sundry.fees import fees_for
from arrears_sundry.params import SundryParameters
from arrears_sundry.routes import check_action

PROFILE = Path(__file__).parents[2] / "data" / "sundry_council.toml"
FEES = SundryParameters().claim_issue_fees
TODAY = date(2025, 7, 1)


@pytest.mark.parametrize(("claim", "fee"), [
    (30_000, 3_500), (30_001, 5_000), (50_000, 5_000), (50_001, 7_000), (100_000, 7_000), (100_001, 8_000),
    (150_000, 8_000), (150_001, 11_500), (300_000, 11_500), (300_001, 20_500), (500_000, 20_500), (500_001, 45_500),
    (1_000_000, 45_500),
    (1_000_001, 50_000),        # 5% of £10,000.01 is £500.0005: rounded down to the penny
    (1_234_567, 61_728),        # 5% of £12,345.67 is £617.2835
    (20_000_000, 1_000_000), (20_000_001, 1_000_000), (90_000_000, 1_000_000),
])
def test_issue_fee_bands_of_domain_7_4(claim, fee):
    assert claim_issue_fee(claim, FEES)[0] == fee


def test_issue_fee_band_in_words():
    assert claim_issue_fee(12_050, FEES)[1] == "band up to £300.00, fixed"
    assert claim_issue_fee(128_299, FEES)[1] == "band £1,000.01 to £1,500.00, fixed"
    assert claim_issue_fee(1_234_567, FEES)[1] == "band £10,000.01 to £200,000.00, 5% of the claim"
    assert claim_issue_fee(30_000_000, FEES)[1] == "band over £200,000.00, fixed"


def test_the_fee_table_is_dated_in_the_profile(tmp_path):
    change = ("\n[[debt_types.sundry.changes]]\neffective_from = 2026-04-01\nclaim_issue_fees = [\n"
              "  { up_to_pence = 30000, fee_pence = 3600 },\n  { percent = \"5\" },\n]\n")
    path = tmp_path / "dated.toml"
    path.write_text(PROFILE.read_text() + change)
    profile = load_profile(path, build_plugin_host(blocked=()).debt_types)
    before, after = profile.params("sundry", date(2026, 3, 31)), profile.params("sundry", date(2026, 4, 1))
    assert claim_issue_fee(12_050, before.claim_issue_fees)[0] == 3_500
    assert claim_issue_fee(12_050, after.claim_issue_fees)[0] == 3_600
    assert claim_issue_fee(40_000, after.claim_issue_fees)[0] == 2_000


@pytest.mark.parametrize("bands", [
    [{"up_to_pence": 30000, "fee_pence": 3500}],                                            # the last must be open
    [{"up_to_pence": 50000, "fee_pence": 1}, {"up_to_pence": 30000, "fee_pence": 2}, {"fee_pence": 3}],  # out of order
    [{"up_to_pence": 30000}, {"fee_pence": 3}],                                              # no amount
    [{"up_to_pence": 30000, "fee_pence": 1, "percent": "5"}, {"fee_pence": 3}],              # two amounts
])
def test_a_broken_fee_table_is_refused(bands):
    with pytest.raises(ValueError):
        SundryParameters(claim_issue_fees=bands)


@pytest.mark.parametrize(("issued", "earliest"), [
    (date(2025, 6, 2), date(2025, 6, 19)),   # Mon: served Wed 4 June, 14 days to respond to the 18th
    (date(2025, 4, 17), date(2025, 5, 8)),   # Thu before Easter: Good Friday and Easter Monday are not business days
    (date(2025, 5, 2), date(2025, 5, 22)),   # Fri before the May bank holiday
    (date(2025, 12, 24), date(2026, 1, 14)),  # Christmas: served 29 December
])
def test_default_judgment_dates_count_business_days_for_service(issued, earliest):
    assert default_judgment_from(issued, WorkingCalendar(), SundryParameters()) == earliest


# --- the officer's claim ------------------------------------------------------------------------------


def claim_refusal(case, ctx, on=TODAY, **params):
    return check_action(case, "issue_county_court_claim", {"court": "CCMCC"}, ctx(on, **params), ["D-INV1"])


def test_a_claim_against_an_individual_needs_the_letter_of_claim_and_its_thirty_days(case, ctx):
    none = case(today=TODAY, stage="officer_review")
    assert "no Letter of Claim has been sent" in claim_refusal(none, ctx)
    sent = case(today=TODAY, stage="officer_review", state={"letter_of_claim_on": "2025-06-01"})
    assert claim_refusal(sent, ctx) == ("the Letter of Claim of 2025-06-01 allows the debtor until 2025-07-01; a claim "
                                        "may be issued from 2025-07-02")
    assert claim_refusal(sent, ctx, on=date(2025, 7, 2)) is None


def test_debt_advice_holds_the_claim(case, ctx):
    held = case(today=TODAY, stage="officer_review", state={"letter_of_claim_on": "2025-05-01", "advice_on": "2025-06-20"})
    assert "allows the debtor until 2025-07-20 (held for debt advice)" in claim_refusal(held, ctx)
    assert claim_refusal(held, ctx, on=date(2025, 7, 21)) is None


def test_a_claim_against_a_company_needs_the_letter_before_claim(case, ctx):
    company = case(today=TODAY, stage="officer_review", kind="company")
    assert "no letter before claim has been sent" in claim_refusal(company, ctx)
    company = case(today=TODAY, stage="officer_review", kind="company", state={"letter_before_claim_on": "2025-06-20"})
    assert "a claim may be issued from 2025-07-05" in claim_refusal(company, ctx)
    assert claim_refusal(company, ctx, on=date(2025, 7, 5)) is None


def test_the_claim_fee_is_added_on_the_claim_with_interest(case, ctx):
    st = {"letter_before_claim_on": "2025-04-24", "compensation_on": "2025-04-24", "interest_to": "2025-04-24"}
    c = case(today=TODAY, stage="officer_review", kind="company", amount=120_000, charged=128_299, state=st)
    context = ctx(TODAY, late_payment_charges=True, claim_fixed_costs_pence=5_000)
    fees = fees_for(c, Move("claim_issued", "issue_county_court_claim", "", {"court": "CCMCC"}), context)
    assert [(f.code, f.amount_pence) for f in fees] == [
        ("statutory_interest", 2_850), ("claim_issue_fee", 8_000), ("claim_fixed_costs", 5_000)]
    assert fees[1].description == ("County court claim issue fee on a claim of £1,311.49 (band £1,000.01 to £1,500.00, "
                                   "fixed; Civil Proceedings Fees Order 2008)")


# --- judgment and enforcement -------------------------------------------------------------------------


def judgment_refusal(case, ctx, on=date(2025, 7, 1), **fields):
    claim = case(today=on, stage="claim_issued", stage_since=date(2025, 6, 2), state={"claim_on": "2025-06-02"})
    return check_action(claim, "record_judgment", fields, ctx(on), ["D-INV1"])


def test_judgment_fields_are_checked_against_the_claim(case, ctx):
    assert judgment_refusal(case, ctx, judgment_date="2025-06-25", kind="summary") == (
        "kind: 'summary' is not one of default, admission, hearing")
    assert judgment_refusal(case, ctx, judgment_date="25/06/2025", kind="admission") == (
        "judgment_date: '25/06/2025' is not a date (YYYY-MM-DD)")
    assert "before the claim was issued on 2025-06-02" in judgment_refusal(case, ctx, judgment_date="2025-06-01",
                                                                             kind="admission")
    assert "is after today (2025-07-01)" in judgment_refusal(case, ctx, judgment_date="2025-07-02", kind="hearing")
    assert "possible from 2025-06-19" in judgment_refusal(case, ctx, judgment_date="2025-06-18", kind="default")
    assert judgment_refusal(case, ctx, judgment_date="2025-06-19", kind="default") is None
    assert judgment_refusal(case, ctx, judgment_date="2025-06-05", kind="admission") is None


@pytest.mark.parametrize(("method", "kind", "owed", "refusal"), [
    ("garnish", "person", 100_000, "'garnish' is not one of"),
    ("high_court_writ", "person", 59_999, "at least £600.00"),
    ("high_court_writ", "person", 60_000, None),
    ("bankruptcy", "person", 499_999, "at least £5,000.00"),   # WE-18
    ("bankruptcy", "sole_trader", 500_000, None),
    ("bankruptcy", "company", 900_000, "needs an individual"),
    ("winding_up", "company", 75_000, "over £750.00"),           # WE-18
    ("winding_up", "company", 75_001, None),
    ("winding_up", "person", 900_000, "against a company"),
    ("attachment_of_earnings", "company", 100_000, "needs an individual"),
    ("charging_order", "company", 100, None),
    ("warrant_of_control", "person", 0, "nothing is outstanding"),
])
def test_enforcement_methods_and_their_thresholds(case, ctx, method, kind, owed, refusal):
    c = case(today=TODAY, stage="judgment", kind=kind, amount=max(owed, 1), balance=owed)
    answer = check_action(c, "enforce_judgment", {"method": method}, ctx(TODAY), ["D-INV1"])
    assert (answer is None) if refusal is None else (refusal in answer), answer


def test_judgment_costs_and_enforcement_court_fees(case, ctx):
    c = case(today=TODAY, stage="judgment")
    context = ctx(TODAY, judgment_costs_pence=2_200)
    judged = fees_for(c, Move("judgment", "record_judgment", "", {}), context)
    assert [(f.code, f.amount_pence) for f in judged] == [("judgment_costs", 2_200)]
    charging = fees_for(c, Move("enforcement", "enforce_judgment", "", {"method": "charging_order"}), context)
    assert [(f.code, f.amount_pence, f.description) for f in charging] == [
        ("court_fee_charging_order", 13_100, "Court fee for a charging order application")]
    assert fees_for(c, Move("enforcement", "enforce_judgment", "", {"method": "warrant_of_control"}), context) == []
    assert fees_for(c, Move("judgment", "record_judgment", "", {}), ctx(TODAY)) == []


def test_an_unknown_enforcement_method_in_the_fee_table_is_refused():
    with pytest.raises(ValueError, match="'garnishee' is not an enforcement method"):
        SundryParameters(enforcement_court_fees={"garnishee": 100})


def test_through_the_services_claim_judgment_and_enforcement(council_with):
    council = council_with(pre_action_letters=True)
    council.invoice("P1", "250.00")
    council.run("2025-05-25")  # Letter of Claim 24 April; no reply by 24 May
    assert council.show("P1")["stage"] == "officer_review"
    council.act("P1", "issue_county_court_claim", "2025-06-02", court="County Court Money Claims Centre")
    council.run("2025-06-02")
    council.act("P1", "record_judgment", "2025-06-20", judgment_date="2025-06-19", kind="default")
    council.act("P1", "enforce_judgment", "2025-06-23", method="warrant_of_control")
    shown = council.show("P1")
    assert shown["stage"] == "enforcement" and shown["balance_pence"] == 25_000 + 3_500
    assert council.fees("P1") == [("2025-06-02", "claim_issue_fee", 3_500)]
    assert [rule for _, rule, _ in council.moves("P1")][-3:] == ["issue_county_court_claim", "record_judgment",
                                                               "enforce_judgment"]
