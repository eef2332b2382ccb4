"""Pre-action letters: a Letter of Claim to individuals and sole traders, a letter before claim to companies (DOMAIN §3.2 stages 4, 4b)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_sundry.review import review
from arrears_sundry.routes import check_action

FINAL = dict(stage="final_notice", stage_since=date(2025, 4, 9))
LETTER_DAY = date(2025, 4, 24)  # WE-26: the final notice of 9 April gives until the 23rd


@pytest.mark.parametrize(("kind", "rule", "stage"), [
    ("person", "letter_of_claim_after_final_notice", "letter_of_claim"),
    ("sole_trader", "letter_of_claim_after_final_notice", "letter_of_claim"),
    ("company", "letter_before_claim_after_final_notice", "letter_before_claim"),
])
def test_the_letter_follows_the_final_notice_by_debtor_kind(case, ctx, kind, rule, stage):
    c = case(today=LETTER_DAY, kind=kind, **FINAL)
    outcome = review(c, ctx(LETTER_DAY))
    assert (outcome.move.rule, outcome.move.to_stage) == (rule, stage)
    assert outcome.state[f"{stage}_on"] == "2025-04-24"
    before = case(today=date(2025, 4, 23), kind=kind, **FINAL)
    assert review(before, ctx(date(2025, 4, 23))).next_review == LETTER_DAY


def test_letter_of_claim_reason_names_the_protocol_enclosures_and_the_reply_date(case, ctx):
    move = review(case(today=LETTER_DAY, kind="sole_trader", **FINAL), ctx(LETTER_DAY)).move
    assert move.reason == (
        "£120.50 unpaid after the final notice of 2025-04-09 (pay by 2025-04-23); Letter of Claim sent to the sole trader "
        "under the Pre-Action Protocol for Debt Claims, with statement of account, information sheet, reply form and "
        "financial statement: reply by 2025-05-24 (30 days).")


def test_thirty_days_to_reply_then_officer_review(case, ctx):
    since = dict(stage="letter_of_claim", stage_since=LETTER_DAY, state={"letter_of_claim_on": "2025-04-24"})
    day30 = date(2025, 5, 24)
    waiting = review(case(today=day30, **since), ctx(day30))
    assert waiting.move is None and waiting.next_review == date(2025, 5, 25)
    move = review(case(today=date(2025, 5, 25), **since), ctx(date(2025, 5, 25))).move
    assert (move.rule, move.to_stage) == ("letter_of_claim_unanswered", "officer_review")
    assert "within 30 days of the Letter of Claim of 2025-04-24" in move.reason
    assert "may now be issued (until 2031-03-25)" in move.reason


def test_debt_advice_holds_the_claim_for_the_profile_days_from_the_reply(case, ctx):
    # Letter of Claim 24 April; the debtor replies on 20 May that they are getting advice.
    hold = dict(stage="advice_hold", stage_since=date(2025, 5, 20), state={"letter_of_claim_on": "2025-04-24"})
    outcome = review(case(today=date(2025, 5, 25), **hold), ctx(date(2025, 5, 25)))
    assert outcome.move is None and outcome.next_review == date(2025, 6, 20)  # 30 days from the reply, then the day after
    assert review(case(today=date(2025, 6, 19), **hold), ctx(date(2025, 6, 19))).move is None
    longer = review(case(today=date(2025, 6, 20), **hold), ctx(date(2025, 6, 20), advice_hold_days=45))
    assert longer.move is None and longer.next_review == date(2025, 7, 5)
    move = review(case(today=date(2025, 6, 20), **hold), ctx(date(2025, 6, 20))).move
    assert (move.rule, move.to_stage) == ("advice_hold_ended", "officer_review")
    assert "held from 2025-05-20 while the debtor got debt advice (30 days); the hold ended on 2025-06-19" in move.reason


def test_an_early_advice_reply_never_shortens_the_thirty_days(case, ctx):
    hold = dict(stage="advice_hold", stage_since=date(2025, 4, 25), state={"letter_of_claim_on": "2025-04-24"})
    outcome = review(case(today=date(2025, 5, 25), **hold), ctx(date(2025, 5, 25)))
    assert outcome.move is None and outcome.next_review == date(2025, 5, 26)  # 25 April + 30 = 25 May, the later end


def test_the_advice_reply_is_recorded_on_the_first_review_after_the_action(case, ctx):
    hold = case(today=date(2025, 5, 20), stage="advice_hold", stage_since=date(2025, 5, 20),
                state={"letter_of_claim_on": "2025-04-24"})
    outcome = review(hold, ctx(date(2025, 5, 20)))
    assert outcome.state == {"letter_of_claim_on": "2025-04-24", "advice_on": "2025-05-20"}


def test_letter_before_claim_gives_fourteen_days(case, ctx):
    since = dict(stage="letter_before_claim", stage_since=LETTER_DAY, kind="company",
                 state={"letter_before_claim_on": "2025-04-24"})
    assert review(case(today=date(2025, 5, 8), **since), ctx(date(2025, 5, 8))).next_review == date(2025, 5, 9)
    move = review(case(today=date(2025, 5, 9), **since), ctx(date(2025, 5, 9))).move
    assert move.rule == "letter_before_claim_unanswered"
    assert "No payment within 14 days of the letter before claim of 2025-04-24" in move.reason


def test_without_pre_action_letters_the_case_waits_at_further_recovery(case, ctx):
    move = review(case(today=LETTER_DAY, **FINAL), ctx(LETTER_DAY, pre_action_letters=False)).move
    assert (move.rule, move.to_stage) == ("refer_after_final_notice", "further_recovery")
    assert move.reason.endswith("referred for further recovery: an officer chooses the route.")


def test_officer_sends_the_letter_that_fits_the_debtor(case, ctx):
    today = date(2025, 7, 1)
    person, company = case(today=today, stage="officer_review"), case(today=today, stage="officer_review", kind="company")
    assert "letter before claim" in check_action(company, "send_letter_of_claim", {}, ctx(today), ["D1"])
    assert "requires a Letter of Claim" in check_action(person, "send_letter_before_claim", {}, ctx(today), ["D1"])
    assert check_action(person, "send_letter_of_claim", {}, ctx(today), ["D1"]) is None
    assert check_action(company, "send_letter_before_claim", {}, ctx(today), ["D1"]) is None
    paid = case(today=today, stage="officer_review", paid=12_050)
    assert "nothing is outstanding" in check_action(paid, "send_letter_of_claim", {}, ctx(today), ["D1"])


def test_a_letter_sent_by_an_officer_is_recorded_and_runs_its_thirty_days(case, ctx):
    sent = date(2025, 8, 4)
    c = case(today=sent, stage="letter_of_claim", stage_since=sent)
    outcome = review(c, ctx(sent))
    assert outcome.state == {"letter_of_claim_on": "2025-08-04"} and outcome.next_review == date(2025, 9, 4)


def test_through_the_services_the_advice_hold_and_the_claim(council_with):
    council = council_with(pre_action_letters=True)
    council.invoice("P1", kind="person")
    council.run("2025-05-20")
    assert council.show("P1")["stage"] == "letter_of_claim"
    council.act("P1", "debtor_taking_advice", "2025-05-20", adviser="StepChange")
    council.run("2025-06-19")
    assert council.show("P1")["stage"] == "advice_hold"
    council.run("2025-06-20")
    assert council.moves("P1")[-2:] == [("2025-05-20", "debtor_taking_advice", "advice_hold"),
                                       ("2025-06-20", "advice_hold_ended", "officer_review")]
