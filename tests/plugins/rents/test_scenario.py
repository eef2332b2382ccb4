"""Seven months of council rents for three tenants, driven only through the CLI (DOMAIN §6, §7.2).

* CATCHUP (£100 a week, Mondays): misses two weeks, gets early contact and the first letter, pays the £300 owed
  and then pays by standing order every Monday: the account returns to current and stays there.
* COURT (£100 a week, Mondays): pays nothing; letters, contact task, Notice of Seeking Possession (a date too early
  refused first), possession claim (£404), suspended order on £10 a week, two payments then a missed week,
  breach, warrant (£148), eviction, former-tenant arrears letters, further recovery, collection agent.
* LEAVER (£520 a month, on the 1st): pays April and May, misses June and July, leaves on 20 July; the unused part
  of July is credited; the former-tenant arrears are paid in August and the account closes.
The nightly run goes only on the days that matter (it catches up day by day); payments are imported on their
day before that day's run, and officers act after it.
"""

from __future__ import annotations

from datetime import date, timedelta

ACCOUNTS = [
    {"reference": "CATCHUP", "debtor_name": "Cath Up"},
    {"reference": "COURT", "debtor_name": "Corey Court"},
    {"reference": "LEAVER", "debtor_name": "Lee Ver", "amount": "520.00", "date": "2025-04-01", "rent_period": "monthly",
     "rent_day": "1"},
]
STANDING_ORDER = [("CATCHUP", "100.00", date(2025, 5, 5) + timedelta(weeks=n)) for n in range(28)]   # to 10 November
PAYMENTS = [
    ("CATCHUP", "100.00", date(2025, 4, 7)), ("CATCHUP", "300.00", date(2025, 4, 30)),
    ("COURT", "110.00", date(2025, 7, 28)), ("COURT", "110.00", date(2025, 8, 4)),
    ("LEAVER", "520.00", date(2025, 4, 1)), ("LEAVER", "520.00", date(2025, 5, 1)), ("LEAVER", "855.48", date(2025, 8, 5)),
]
# (date, reference, action, fields, refusal expected in the output or None)
ACTIONS = [
    (date(2025, 5, 5), "CATCHUP", "import_standing_order", [], None),
    (date(2025, 5, 19), "COURT", "serve_nsp", ["proceedings_date=2025-06-15", "served_by=hand"],
     "the earliest is 2025-06-22"),
    (date(2025, 5, 19), "COURT", "serve_nsp", ["proceedings_date=2025-06-22", "served_by=hand"], None),
    (date(2025, 6, 22), "COURT", "issue_possession_claim", ["claim_number=K25X0001"],
     "proceedings may be begun only after the NSP's date 2025-06-22"),
    (date(2025, 6, 23), "COURT", "issue_possession_claim", ["claim_number=K25X0001"], None),
    (date(2025, 7, 1), "COURT", "rent_statement_sent", ["sent_on=2025-07-01"], None),
    (date(2025, 7, 21), "COURT", "suspended_order_made", ["instalment=10.00"], None),
    (date(2025, 7, 21), "LEAVER", "end_tenancy", ["end_date=2025-07-20", "reason=notice"], None),
    (date(2025, 8, 17), "COURT", "request_warrant", ["warrant_number=W123"], "does not allow 'request_warrant'"),
    (date(2025, 8, 20), "COURT", "request_warrant", ["warrant_number=W123"], None),
    (date(2025, 9, 15), "COURT", "eviction_carried_out", ["eviction_date=2025-09-15"], None),
    (date(2025, 11, 10), "COURT", "refer_collection_agent", ["agent=Collect & Co"], None),
]
RUN_DAYS = sorted({on for _, _, on in PAYMENTS} | {on for on, *_ in ACTIONS} | {date(2025, 11, 7)})

EXPECTED = {
    "CATCHUP": ("current", 0, [
        ("2025-04-21", "arrears_arise", "early_contact"), ("2025-04-28", "first_letter", "first_letter"),
        ("2025-04-30", "cleared_first_letter", "current"),
    ]),
    "COURT": ("former_tenant_with_agent", 240_000 - 8_571 + 40_400 + 14_800 - 22_000, [
        ("2025-04-14", "arrears_arise", "early_contact"), ("2025-04-21", "first_letter", "first_letter"),
        ("2025-05-05", "second_letter", "second_letter"), ("2025-05-19", "contact_task", "contact_task"),
        ("2025-05-19", "serve_nsp", "nsp_served"), ("2025-06-23", "issue_possession_claim", "possession_claim"),
        ("2025-07-01", "rent_statement_sent", "possession_claim"), ("2025-07-21", "suspended_order_made", "suspended_order"),
        ("2025-08-18", "suspended_order_breached", "breach"), ("2025-08-20", "request_warrant", "warrant_of_possession"),
        ("2025-09-15", "eviction_carried_out", "evicted"), ("2025-09-16", "evicted_arrears", "former_tenant_arrears"),
        ("2025-10-08", "former_tenant_reminder", "former_tenant_reminder"),
        ("2025-10-23", "former_tenant_final_notice", "former_tenant_final_notice"),
        ("2025-11-07", "former_tenant_recovery", "former_tenant_recovery"),
        ("2025-11-10", "refer_collection_agent", "former_tenant_with_agent"),
    ]),
    "LEAVER": ("closed", 0, [
        ("2025-06-08", "arrears_arise", "early_contact"), ("2025-06-15", "first_letter", "first_letter"),
        ("2025-06-29", "second_letter", "second_letter"), ("2025-07-13", "contact_task", "contact_task"),
        ("2025-07-21", "end_tenancy", "tenancy_ended"), ("2025-07-22", "ended_arrears", "former_tenant_arrears"),
        ("2025-08-05", "former_cleared_arrears", "closed"),
    ]),
}


def test_seven_months_of_council_rents_through_the_cli(council, csv, h):
    h.open(council, csv, *ACCOUNTS)
    for day in RUN_DAYS:
        todays = [p for p in PAYMENTS if p[2] == day]
        if todays:
            h.pay(council, csv, *todays)
        h.run_to(council, day)
        for on, ref, action, fields, refusal in ACTIONS:
            if on != day:
                continue
            if action == "import_standing_order":
                h.pay(council, csv, *STANDING_ORDER)
                continue
            result = h.act(council, ref, action, on, *fields, expect=None if refusal else 0)
            if refusal:
                assert result.exit_code != 0 and refusal in result.output, result.output

    for ref, (stage, balance, moves) in EXPECTED.items():
        shown = h.show(council, ref)
        assert (shown["stage"], shown["balance_pence"]) == (stage, balance), ref
        assert h.moves(shown) == moves, ref
        assert shown["balance_cache_ok"] and shown["priority"] == 1
        for event in h.events(shown):                                  # every move explains itself
            assert event["reason"] and "{" not in event["reason"] and "None" not in event["reason"], (ref, event)
            assert event["run_id"] is not None or event["officer"] == "hoa"

    catchup = h.events(h.show(council, "CATCHUP"))
    assert catchup[0]["reason"] == ("Arrears of £200.00 (2.0 weeks of rent), owed since the rent due 2025-04-14, unpaid "
                                    "7 days; early contact with the tenant.")
    assert catchup[2]["reason"] == ("Arrears cleared (£400.00 received in all, balance £0.00); the account is current "
                                    "again.")

    court = h.show(council, "COURT")
    events = {e["rule"]: e for e in h.events(court)}
    assert h.entries(court, "fee") == [
        ("2025-06-23", 40_400, "County court possession claim issue fee (CPR 55)"),
        ("2025-08-20", 14_800, "Warrant of possession fee (N325)"),
    ]
    assert h.entries(court, "adjustment") == [
        ("2025-09-15", -8_571, "Rent debited for after the tenancy ended on 2025-09-15 credited (£85.71)")]
    assert events["contact_task"]["reason"].startswith(
        "Arrears of £700.00 (7.0 weeks of rent) still owed 14 days after the second letter (threshold 3 week(s) of "
        "rent); officer contact task: discuss the cause of the arrears")
    assert events["serve_nsp"]["facts"]["proceedings_date"] == "2025-06-22"
    assert events["suspended_order_breached"]["reason"] == (
        "Terms of the suspended possession order of 2025-07-21 broken: by 2025-08-17, 3 rent period(s) of £100.00 rent "
        "plus £10.00 were due (£330.00); £220.00 paid since; £110.00 short; arrears £1,780.00 (17.8 weeks of rent) plus "
        "£404.00 court costs; a warrant of possession may be requested.")
    assert events["evicted_arrears"]["reason"] == (
        "Evicted on 2025-09-15 owing £2,094.29 (20.9 weeks of rent) plus £552.00 court costs; pursued as former-tenant "
        "arrears: letter sent, pay by 2025-10-07.")
    assert events["former_tenant_recovery"]["reason"] == (
        "£2,646.29 unpaid 14 days after the final notice; referred for further recovery (no claim after 2031-09-16).")
    assert "Recorded by hoa" in h.text(council, "COURT")

    leaver = h.show(council, "LEAVER")
    assert h.entries(leaver, "adjustment") == [
        ("2025-07-20", -18_452, "Rent debited for after the tenancy ended on 2025-07-20 credited (£184.52)")]
    left = {e["rule"]: e for e in h.events(leaver)}
    assert left["contact_task"]["reason"].endswith("; rent statement overdue since 2025-07-02.")
    assert left["ended_arrears"]["reason"] == (
        "Tenancy ended on 2025-07-20 owing £855.48 (7.1 weeks of rent); pursued as former-tenant arrears: letter sent, "
        "pay by 2025-08-12.")
    assert left["former_cleared_arrears"]["reason"] == "Former-tenant arrears cleared: £1,895.48 received in all; account closed."
    assert leaver["closed_on"] == "2025-08-05"
    assert council("ledger", "check", "--council", "rentshire").exit_code == 0
