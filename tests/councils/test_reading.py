"""Reading's bundled profile driven through the CLI (seed 002): write-off consultations (WE-29), the hierarchy weighing
the stage reached, payment plans, complaint dates and the vulnerability list."""

from __future__ import annotations

import json


def test_we29_reading_write_off_consults_the_corporate_debt_team_over_ten_pounds(council):
    reading = council("reading")
    for login, role in (("sh", "service_head"), ("hof", "head_of_finance"), ("member", "committee"),
                        ("clerk", "recovery_officer")):
        reading.officer(login, role)
    reading.accounts("sundry", *({"reference": ref, "amount": amount, "date": "2025-03-03"} for ref, amount in (
        ("TEN", "10.00"), ("TENP1", "10.01"), ("TRACE", "5.00"), ("OLD", "200.00"), ("BIG", "15000.00"))))
    reading.run_to("2025-03-10")

    def write_off(ref, officer, reason="uneconomical", *fields, expect=0):
        return reading.act(ref, "write_off", "2025-03-11", officer, f"reason={reason}", *fields, expect=expect)

    # £10.00: no consultation; the lowest authority (a service head) may approve; a role outside the table may not.
    assert "needs authority 'service_head'" in write_off("TEN", "clerk", expect=1).output
    write_off("TEN", "sh")
    facts = [t for t in reading.show("TEN")["timeline"] if t["type"] == "stage"][-1]["facts"]
    assert (facts["authority_needed"], facts["consultation"]) == ("service_head", "not required")
    # £10.01: consult the Corporate Debt Team first, then the Head of Finance or a Service Head approves.
    refused = write_off("TENP1", "sh", expect=1)
    assert "over £10.00: consult 'corporate_debt_team' first" in refused.output
    assert "'head_of_finance' or 'service_head' approves" in refused.output
    write_off("TENP1", "sh", "uneconomical", "consulted=corporate_debt_team")
    assert reading.show("TENP1")["stage"] == "written_off"
    # An untraced customer: the Corporate Debt Team is consulted whatever the amount.
    assert "consult 'corporate_debt_team' first" in write_off("TRACE", "sh", "cannot_trace", expect=1).output
    write_off("TRACE", "sh", "cannot_trace", "consulted=corporate_debt_team")
    # A contractual debt over six years old: Legal Services.
    assert "consult 'legal_services' first" in write_off("OLD", "sh", "statute_barred", expect=1).output
    write_off("OLD", "sh", "statute_barred", "consulted=legal_services")
    # Over the Head of Finance's £10,000 (a default: the Finance and Contract Rules are not in the seed): committee.
    over = write_off("BIG", "hof", "uneconomical", "consulted=corporate_debt_team", expect=1)
    assert "needs authority 'committee'" in over.output
    write_off("BIG", "member", "uneconomical", "consulted=corporate_debt_team")
    assert {reading.show(ref)["stage"] for ref in ("TRACE", "OLD", "BIG")} == {"written_off"}


def test_reading_hierarchy_weighs_the_stage_reached(council, explained):
    """§6: rent and Council Tax first (level 2), others lower (3); a Notice of Seeking Possession or committal
    proceedings put the home or liberty at stake (level 1); rent left after the tenancy ends ranks with the rest."""
    reading = council("reading")
    reading.officer("hoa", "housing_officer")
    reading.officer("ctr", "recovery_officer")
    reading.accounts("rents", {"reference": "RENT", "debtor_ref": "P1", "amount": "100.00", "date": "2025-06-02",
                               "rent_period": "weekly", "rent_day": "1", "last_statement_on": "2025-06-02"})
    reading.accounts("council_tax", {"reference": "CTAX", "debtor_ref": "P1", "amount": "1234.56", "date": "2025-03-10",
                                     "financial_year": "2025"})
    reading.accounts("hb_overpayment", {"reference": "HBOP", "debtor_ref": "P1", "amount": "300.00", "date": "2025-06-02",
                                        "period_start": "2025-01-06", "period_end": "2025-03-30", "cause": "claimant_error"})
    reading.pay(("CTAX", "127.56", "2025-04-01"))
    reading.run_to("2025-06-05")
    assert [reading.show(r)["priority"] for r in ("RENT", "CTAX", "HBOP")] == [2, 2, 3]

    reading.act("CTAX", "refer_enforcement_agent", "2025-06-05", "ctr", "agent=Bristow & Sutor")
    reading.act("CTAX", "ea_no_goods", "2025-06-20", "ctr", "report_date=2025-06-20")
    assert reading.show("CTAX")["priority"] == 2
    reading.act("CTAX", "apply_committal", "2025-06-23", "ctr", "debtor=P1")
    assert (reading.show("CTAX")["stage"], reading.show("CTAX")["priority"]) == ("committal", 1)

    reading.run_to("2025-07-21")
    assert reading.moves("RENT")[-1] == ("2025-07-14", "contact_task")
    assert reading.show("RENT")["priority"] == 2
    reading.act("RENT", "serve_nsp", "2025-07-21", "hoa", "proceedings_date=2025-08-24", "served_by=hand")
    assert (reading.show("RENT")["stage"], reading.show("RENT")["priority"]) == ("nsp_served", 1)
    # The tenant gives notice and leaves: the arrears left can no longer cost the home, and rank with the rest.
    reading.act("RENT", "end_tenancy", "2025-07-28", "hoa", "end_date=2025-07-27", "reason=notice")
    assert (reading.show("RENT")["stage"], reading.show("RENT")["priority"]) == ("tenancy_ended", 3)
    assert reading.show("HBOP")["priority"] == 3
    for ref in ("RENT", "CTAX", "HBOP"):
        explained(reading.show(ref))


def test_reading_instalments_three_months_without_a_form_twelve_with_longer_with_review(council):
    reading = council("reading")

    def plan(balance, *extra, expect=0):
        return reading.plan("--debt-type", "sundry", "--balance", balance, "--instalment", "100.00",
                            "--agreed-on", "2025-05-01", "--first-payment", "2025-05-15", *extra, expect=expect)

    three = plan("300.00")
    assert "confirm the plan to the debtor in writing" in three["requirements"]
    assert "longer than the 3 months allowed without an income and expenditure form" in " ".join(plan("400.00", expect=1)["problems"])
    assert plan("1200.00", "--income-form-on", "2025-04-30")["allowed"]
    longer = plan("1800.00", "--income-form-on", "2025-04-30", expect=1)
    assert "longer than 12 months: allowed only with periodic review" in " ".join(longer["problems"])
    reviewed = plan("1800.00", "--income-form-on", "2025-04-30", "--periodic-review")
    assert "longer than 12 months: the plan must be reviewed periodically" in reviewed["requirements"]
    assert "one missed payment cancel the plan and recovery resumes without a further reminder" in reviewed["requirements"]
    pcn = reading.plan("--debt-type", "pcn", "--balance", "105.00", "--instalment", "35.00", "--agreed-on", "2025-05-01",
                       "--first-payment", "2025-05-15", expect=1)
    assert pcn["problems"] == ["pcn debts are not normally paid by instalments under this council's policy"]


def test_reading_complaints_in_working_days_across_easter_and_may_bank_holidays(council):
    reading = council("reading")
    stage1 = reading.cli("complaint", "dates", "--council", "reading", "--received", "2025-04-14", "--json")
    one = json.loads(stage1.output)
    # 5 and 20 working days from Monday 14 April 2025, Good Friday 18 and Easter Monday 21 April and 5 May not counted.
    assert (one["acknowledge_by"], one["respond_by"], one["escalate_by"]) == ("2025-04-23", "2025-05-15", "2025-05-29")
    two = json.loads(reading.cli("complaint", "dates", "--council", "reading", "--stage", "2", "--received", "2025-05-19",
                                 "--json").output)
    # 5 and 30 working days from Monday 19 May 2025, the 26 May bank holiday not counted; no stage 3 to escalate to.
    assert (two["acknowledge_by"], two["respond_by"], two["escalate_by"]) == ("2025-05-27", "2025-07-01", None)


def test_reading_lists_its_eight_vulnerable_groups_in_its_own_words(council):
    vulnerability = council("reading").profile()["vulnerability"]
    assert [c["label"] for c in vulnerability["categories"]] == [
        "The Elderly", "People with a disability", "The seriously ill", "The recently bereaved", "Single parent families",
        "Pregnant women", "Unemployed people",
        "Those who have obvious difficulty in understanding/speaking/reading English",
    ]
    assert vulnerability["categories"][2]["note"] == "This could include depression, bipolar & mental health issues."
    assert vulnerability["category_is_not_proof"] is True
