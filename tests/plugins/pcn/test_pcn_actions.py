"""Officer actions on PCNs through the core services: holds, decisions, cancellations, revocation, plans, agents."""

from __future__ import annotations

import pytest

from arrears.errors import ActionRefused


def refused(council, ref: str, action: str, on: str, **fields) -> str:
    with pytest.raises(ActionRefused) as caught:
        council.act(ref, action, on, **fields)
    return str(caught.value)


def test_an_informal_challenge_holds_the_case_and_its_rejection_offers_the_discount_again(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-06-10")
    council.act("PCN1", "informal_challenge", "2025-06-10", grounds="signs obscured")
    council.run("2025-07-20")
    assert council.show()["stage"] == "informal_challenge"  # held past the payment period: no Notice to Owner
    council.act("PCN1", "challenge_rejected", "2025-07-21", decision="signs were clear")
    council.run("2025-08-03")
    assert council.moves()[-1] == ("2025-07-21", "pcn_served")
    council.run("2025-08-04")  # 14 days beginning with 21 July end 3 August
    assert council.moves()[-1] == ("2025-08-04", "notice_to_owner")
    assert "£70.00 unpaid after the discount offered again on rejecting the challenge ended 2025-08-03" in council.reasons()[-1]


def test_the_discount_paid_after_a_rejected_challenge(council):
    council.accounts({"reference": "PCN1"})
    council.act("PCN1", "informal_challenge", "2025-06-03", grounds="loading")
    council.act("PCN1", "challenge_rejected", "2025-07-21", decision="no loading seen")
    council.pay(("PCN1", "35.00", "2025-07-25"))
    council.run("2025-07-25")
    shown = council.show()
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("paid", 0, "2025-07-25")
    assert ("2025-07-25", "adjustment", "pcn_discount", -3500) in council.entries()


def test_an_informal_challenge_is_only_for_an_on_street_pcn(council):
    council.accounts({"reference": "CAM", "served_by": "camera"}, {"reference": "ST"})
    message = refused(council, "CAM", "informal_challenge", "2025-06-05", grounds="x")
    assert "a postal PCN (reg 10) is itself the formal notice: record representations against it" in message
    message = refused(council, "ST", "representations_on_pcn", "2025-06-05", grounds="x")
    assert "an on-street PCN is challenged informally (informal_challenge)" in message
    council.act("CAM", "representations_on_pcn", "2025-06-05", grounds="not my car")
    assert council.show("CAM")["stage"] == "representations"


def test_accepting_a_challenge_cancels_the_pcn_and_refunds_what_was_paid(council):
    council.accounts({"reference": "PCN1"})
    council.pay(("PCN1", "20.00", "2025-06-05"))
    council.run("2025-06-05")
    council.act("PCN1", "informal_challenge", "2025-06-05", grounds="permit displayed")
    council.act("PCN1", "challenge_accepted", "2025-06-20", decision="permit valid")
    shown = council.show()
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("cancelled", -2000, "2025-06-20")
    assert ("2025-06-20", "adjustment", "challenge_accepted", -7000) in council.entries()
    adjustment = [t for t in shown["timeline"] if t["type"] == "adjustment"][0]
    assert adjustment["description"] == "PCN cancelled (informal challenge accepted): £70.00 taken off; £20.00 paid, to be refunded"


def test_accepting_representations_or_an_appeal_cancels_the_pcn(council):
    council.accounts({"reference": "REPS"}, {"reference": "TPT"})
    council.run("2025-07-05")
    for ref in ("REPS", "TPT"):
        council.act(ref, "representations_received", "2025-07-05", grounds="permit displayed")
    council.act("REPS", "representations_accepted", "2025-07-08", decision="permit valid")
    council.act("TPT", "representations_rejected", "2025-07-08", decision="no permit seen")
    council.act("TPT", "appeal_lodged", "2025-07-20", appeal_ref="TPT123")
    council.act("TPT", "appeal_allowed", "2025-09-01", decision="permit valid")
    for ref, on, words in (("REPS", "2025-07-08", "representations accepted"), ("TPT", "2025-09-01", "appeal allowed by the adjudicator")):
        shown = council.show(ref)
        assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("cancelled", 0, on)
        assert [t["description"] for t in shown["timeline"] if t["type"] == "adjustment"] == [
            f"PCN cancelled ({words}): £70.00 taken off"]


def test_representations_undecided_are_taken_as_accepted_by_the_nightly_run(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-07-05")
    council.act("PCN1", "representations_received", "2025-07-05", grounds="permit displayed")
    council.run("2025-08-29")
    assert council.show()["stage"] == "representations"
    council.run("2025-08-30")  # 56 days beginning with 5 July end 29 August
    shown = council.show()
    assert (shown["stage"], shown["balance_pence"]) == ("cancelled", 0)
    assert ("2025-08-30", "adjustment", "pcn_cancelled", -7000) in council.entries()


def test_an_appeal_holds_the_case_and_a_refusal_gives_28_days(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-07-01")
    council.act("PCN1", "representations_received", "2025-07-10", grounds="broken meter")
    council.act("PCN1", "representations_rejected", "2025-08-01", decision="meter worked")
    council.act("PCN1", "appeal_lodged", "2025-08-20", appeal_ref="TPT123")
    council.run("2026-01-31")
    assert council.show()["stage"] == "appeal"  # nothing escalates while the tribunal decides
    council.act("PCN1", "appeal_dismissed", "2026-02-02", decision="contravention occurred")
    council.run("2026-03-03")
    assert council.show()["stage"] == "appeal_refused"
    council.run("2026-03-04")
    assert council.moves()[-1] == ("2026-03-04", "charge_certificate")  # served 4 February; 28 days to 3 March
    assert council.show()["balance_pence"] == 10500


def test_the_order_revoked_takes_off_the_increase_and_fee_and_the_notice_is_served_again(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-08-15")  # NtO 30 June, certificate 30 July, registered 15 August
    assert council.show()["balance_pence"] == 11300
    council.act("PCN1", "witness_statement_filed", "2025-08-25", grounds="did not receive the Notice to Owner")
    council.act("PCN1", "order_revoked", "2025-09-10", decision="TEC revoked the order")
    shown = council.show()
    assert (shown["stage"], shown["balance_pence"]) == ("notice_to_owner", 7000)
    assert ("2025-09-10", "adjustment", "order_revoked", -4300) in council.entries()
    council.run("2025-10-10")  # served again 12 September, 28 days to 9 October
    assert council.moves()[-1] == ("2025-10-10", "charge_certificate")
    assert council.show()["balance_pence"] == 10500


def test_no_instalments_unless_the_profile_allows_them(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-08-15")
    message = refused(council, "PCN1", "agree_payment_plan", "2025-08-20", instalment="20.00", first_due="2025-09-01")
    assert "the council's profile does not allow PCNs to be paid by instalments (instalments_allowed = false" in message


def test_a_payment_plan_holds_the_case_until_an_instalment_is_missed(council_with):
    council = council_with("instalments_allowed = true")
    council.accounts({"reference": "PCN1"})
    council.run("2025-08-15")
    message = refused(council, "PCN1", "agree_payment_plan", "2025-08-20", instalment="twenty", first_due="2025-09-01")
    assert "instalment: 'twenty' is not an amount in pounds and pence" in message
    message = refused(council, "PCN1", "agree_payment_plan", "2025-08-20", instalment="20.00", first_due="2025-08-19")
    assert "first_due: 2025-08-19 is before the day the plan is agreed (2025-08-20)" in message
    council.act("PCN1", "agree_payment_plan", "2025-08-20", instalment="20.00", first_due="2025-09-01")
    council.pay(("PCN1", "20.00", "2025-09-01"))
    council.run("2025-10-08")  # October's instalment missed; 7 days' grace to 8 October
    assert council.show()["stage"] == "payment_plan"
    council.run("2025-10-09")
    assert council.moves()[-1] == ("2025-10-09", "warrant_of_control")
    assert council.reasons()[-1] == (
        "Payment plan agreed 2025-08-20 (£20.00 a month from 2025-09-01) fell short: £40.00 due by 2025-10-01, £20.00 "
        "paid since the plan, 7 days' grace over; the plan is broken and recovery resumes with the warrant of control."
    )


def test_a_plan_kept_to_the_end_pays_the_pcn(council_with):
    council = council_with("instalments_allowed = true")
    council.accounts({"reference": "PCN1"})
    council.run("2025-09-10")  # warrant requested 10 September
    council.act("PCN1", "agree_payment_plan_at_warrant", "2025-09-12", instalment="60.00", first_due="2025-10-31")
    council.pay(("PCN1", "60.00", "2025-10-31"), ("PCN1", "53.00", "2025-11-30"))
    council.run("2025-12-31")
    assert [m for m in council.moves() if m[0] >= "2025-09-12"] == [("2025-09-12", "payment_plan"), ("2025-11-30", "paid")]


def test_the_enforcement_agent_fees_through_the_officers_steps(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-09-09")
    assert council.moves()[-1] == ("2025-09-09", "warrant_of_control")
    council.act("PCN1", "refer_enforcement_agent", "2025-09-15", agent="Marstons")
    message = refused(council, "PCN1", "ea_enforcement_stage", "2025-10-01", visit_date="2025-10-02")
    assert "visit_date 2025-10-02 is after the business date 2025-10-01" in message
    council.act("PCN1", "ea_enforcement_stage", "2025-10-01", visit_date="2025-09-30")
    council.act("PCN1", "ea_sale_stage", "2025-10-20", removal_date="2025-10-20")
    fees = [(d, code, pence) for d, kind, code, pence in council.entries() if kind == "fee"]
    assert fees == [("2025-07-30", "charge_certificate", 3500), ("2025-08-15", "tec_registration", 800),
                    ("2025-09-15", "ea_compliance", 7500), ("2025-10-01", "ea_enforcement", 23500),
                    ("2025-10-20", "ea_sale", 11000)]
    assert council.show()["balance_pence"] == 11300 + 7500 + 23500 + 11000


def test_no_visit_and_no_enforcement_fee_before_seven_clear_days_after_the_notice(council):
    # The warrant passes to the agent on Tuesday 16 September 2025, with the notice of enforcement that day: the
    # clear days are 17-20 and 22-24 September (Sunday 21st not counted), so the first visit may be on the 25th.
    council.accounts({"reference": "PCN1"})
    council.run("2025-09-16")
    council.act("PCN1", "refer_enforcement_agent", "2025-09-16", agent="Marstons")
    for day in ("2025-09-22", "2025-09-24"):  # day 6 after the notice, and the day before the first allowed one
        message = refused(council, "PCN1", "ea_enforcement_stage", day, visit_date=day)
        assert message == (
            f"PCN1: ea_enforcement_stage: visit_date {day} is too early: the notice of enforcement of 2025-09-16 needs "
            "7 clear days before a visit (Sundays and bank holidays not counted; Taking Control of Goods Regulations "
            "2013 reg 6); the earliest is 2025-09-25")
    assert council.show()["stage"] == "enforcement_agent"
    assert [code for _, kind, code, _ in council.entries() if kind == "fee"][-1] == "ea_compliance"
    council.act("PCN1", "ea_enforcement_stage", "2025-09-25", visit_date="2025-09-25")
    assert council.show()["stage"] == "ea_enforcement"
    assert ("2025-09-25", "fee", "ea_enforcement", 23500) in council.entries()


def test_a_dated_registration_fee(council_with):
    council = council_with(tail="\n[[debt_types.pcn.changes]]\neffective_from = 2025-08-01\ntec_registration_fee_pence = 1000\n")
    council.accounts({"reference": "PCN1"})
    council.run("2025-08-15")
    assert ("2025-08-15", "fee", "tec_registration", 1000) in council.entries()


def test_a_late_witness_statement_holds_the_warrant_until_it_is_decided(council):
    council.accounts({"reference": "PCN1"})
    council.run("2025-09-09")
    council.act("PCN1", "late_witness_statement_filed", "2025-09-12", grounds="TE7: was abroad")
    council.run("2025-12-31")
    assert council.show()["stage"] == "witness_statement"
    council.act("PCN1", "witness_statement_refused", "2026-01-05", decision="TEC refused the TE7")
    assert council.moves()[-2:] == [("2025-09-12", "witness_statement"), ("2026-01-05", "warrant_of_control")]
    assert council.show()["balance_pence"] == 11300
