"""Rent billing through the nightly run and the importer: once per period, whatever the order of runs (DOMAIN §6)."""

from __future__ import annotations


def rent_entries(h, cli, ref):
    return [(d, a) for d, a, _ in h.entries(h.show(cli, ref), "charge")]


def test_daily_runs_debit_each_rent_day_once(council, csv, h):
    h.open(council, csv, {"reference": "DAILY"}, {"reference": "MONTHLY", "amount": "520.00", "date": "2025-04-28",
                                                  "rent_period": "monthly", "rent_day": "28"})
    for day in ("2025-04-07", "2025-04-08", "2025-04-13", "2025-04-14", "2025-04-27", "2025-04-28", "2025-05-27",
                "2025-05-28", "2025-05-31", "2025-05-31"):               # on and around rent days; the last date twice
        h.run_to(council, day)
    daily, monthly = rent_entries(h, council, "DAILY"), rent_entries(h, council, "MONTHLY")
    assert daily == [(f"2025-{m:02d}-{d:02d}", 10_000) for m, d in ((4, 7), (4, 14), (4, 21), (4, 28), (5, 5), (5, 12),
                                                                  (5, 19), (5, 26))]
    assert monthly == [("2025-04-28", 52_000), ("2025-05-28", 52_000)]


def test_a_catch_up_run_debits_each_rent_day_once(council, csv, h):
    h.open(council, csv, {"reference": "CATCH"})
    h.run_to(council, "2025-05-31")
    assert [d for d, _ in rent_entries(h, council, "CATCH")] == [
        "2025-04-07", "2025-04-14", "2025-04-21", "2025-04-28", "2025-05-05", "2025-05-12", "2025-05-19", "2025-05-26"]
    assert h.show(council, "CATCH")["balance_pence"] == 80_000


def test_an_account_imported_after_the_councils_last_run_is_billed_from_its_date(council, csv, h):
    h.open(council, csv, {"reference": "FIRST"})
    h.run_to(council, "2025-05-10")
    h.open(council, csv, {"reference": "LATE", "date": "2025-04-16", "arrears_brought_forward": "12.34"})
    h.run_to(council, "2025-05-12")
    shown = h.show(council, "LATE")
    assert h.entries(shown, "charge") == [
        ("2025-04-16", 1_234, "Arrears brought forward"),
        ("2025-04-16", 7_143, "Rent 2025-04-16 to 2025-04-20 (5 of 7 days)"),
        ("2025-04-21", 10_000, "Rent 2025-04-21 to 2025-04-27"),
        ("2025-04-28", 10_000, "Rent 2025-04-28 to 2025-05-04"),
        ("2025-05-05", 10_000, "Rent 2025-05-05 to 2025-05-11"),
        ("2025-05-12", 10_000, "Rent 2025-05-12 to 2025-05-18"),
    ]
    assert shown["balance_cache_ok"]


def test_bad_rent_columns_are_refused_with_file_line_and_column(council, csv, h):
    path = csv.accounts([
        {"reference": "OK1"},
        {"reference": "BADDAY", "rent_day": "8"},
        {"reference": "BADMONTH", "rent_period": "monthly", "rent_day": "31"},
        {"reference": "NODAY", "rent_period": "monthly", "rent_day": "", "date": "2025-04-30"},
        {"reference": "LATESTART", "tenancy_start": "2025-05-01"},
        {"reference": "PERIOD", "rent_period": "daily"},
        {"reference": "BF", "arrears_brought_forward": "-5.00"},
        {"reference": "UC", "uc_managed_payment": "maybe"},
    ])
    result = council("import", "accounts", path, "--council", "rentshire", expect=None)
    assert result.exit_code != 0
    name = path.name
    for expected in (
        f"{name}:3: rent_day: 8 is not a weekday 1-7, Monday 1 (weekly rent)",
        f"{name}:4: rent_day: 31 is not a day of the month 1-28 (monthly rent)",
        f"{name}:5: rent_day: is needed: the tenancy starts on day 30 of the month and a monthly rent day must be 1-28",
        f"{name}:6: tenancy_start: 2025-05-01 is after the account's date 2025-04-07, from which rent is debited",
        f"{name}:7: rent_period: 'daily' is not one of weekly, fortnightly, four_weekly, monthly",
        f"{name}:8: arrears_brought_forward: '-5.00' is negative",
        f"{name}:9: uc_managed_payment: 'maybe' is not yes or no",
    ):
        assert expected in result.output, result.output
    assert "nothing was imported" in result.output
    council("account", "show", "OK1", "--council", "rentshire", expect=1)
