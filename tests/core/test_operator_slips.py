"""Operator slips that cannot be undone are refused: a run dated ahead of today, an account dated in another century.

And bad input that PostgreSQL would choke on gets the same one-line error on
both databases: a NUL character in a CSV field, an officer for an unknown
council or with an empty or over-long login, a database URL of an unknown kind.
"""

from __future__ import annotations

from datetime import date

import pytest

from arrears.errors import RunRefused
from arrears.engine.runner import check_run_date

TODAY = "2025-03-20"


@pytest.fixture
def invoiced(council, h, tmp_path, monkeypatch):
    """testshire with three invoices of 1-3 March 2025, on a machine whose date is 20 March 2025."""
    monkeypatch.setenv("ARREARS_TODAY", TODAY)
    h.write_invoices(tmp_path / "a.csv", [("A1", "50.00", "2025-03-01"), ("A2", "60.00", "2025-03-02"),
                                           ("A3", "70.00", "2025-03-03")])
    council("import", "accounts", tmp_path / "a.csv", "--council", "testshire")
    return council


def one_line_error(result) -> str:
    """The single line a refused command prints (no traceback, no second line)."""
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_a_run_dated_after_today_is_refused_and_changes_nothing(invoiced, engine, h):
    before = h.snapshot(engine)
    error = one_line_error(invoiced("run", "--council", "testshire", "--date", "2026-03-21", expect=1))
    assert error == ("Error: --date 2026-03-21 is after today (2025-03-20): a run moves cases and adds costs that cannot "
                     "be taken back, and no later run may go back before it; give --allow-future only to run ahead on "
                     "purpose (a training or test database)")
    assert h.snapshot(engine) == before and h.runs(engine) == []
    assert h.run_json(invoiced, TODAY)["dates"] == {"from": "2025-03-01", "to": TODAY, "days": 20}


def test_allow_future_runs_ahead_on_purpose_but_never_a_mistyped_century(invoiced, engine, h):
    report = h.run_json(invoiced, "2025-04-30", "--allow-future")
    assert report["dates"]["to"] == "2025-04-30" and h.moves_total(report) == 9  # reminders, final notices, further recovery
    error = one_line_error(invoiced("run", "--council", "testshire", "--date", "9999-12-31", "--allow-future", expect=1))
    assert error == ("Error: --date 9999-12-31 is more than 10 years after today (2025-03-20); no run goes that far "
                     "ahead: check the year")
    assert h.snapshot(engine)["last_run_on"] == "2025-04-30"


def test_the_guard_counts_whole_years_and_allows_today():
    today = date(2024, 2, 29)
    check_run_date(today, today)
    check_run_date(date(2034, 2, 28), today, allow_future=True)
    with pytest.raises(RunRefused):
        check_run_date(date(2034, 3, 1), today, allow_future=True)
    with pytest.raises(RunRefused):
        check_run_date(date(2024, 3, 1), today)


def test_a_bad_clock_setting_is_one_clear_error(council, monkeypatch):
    monkeypatch.setenv("ARREARS_TODAY", "20/03/2025")
    error = one_line_error(council("run", "--council", "testshire", "--date", "2025-03-01", expect=1))
    assert error == "Error: ARREARS_TODAY='20/03/2025' is not a date (YYYY-MM-DD)"


def test_accounts_dated_implausibly_far_from_the_import_are_refused(council, engine, h, tmp_path, monkeypatch):
    monkeypatch.setenv("ARREARS_TODAY", TODAY)
    path = h.write_invoices(tmp_path / "a.csv", [("OLD", "50.00", "1925-03-01"), ("AHEAD", "50.00", "2205-03-01"),
                                                  ("EDGE", "50.00", "2005-03-20"), ("NEXT", "50.00", "2026-03-21")])
    result = council("import", "accounts", path, "--council", "testshire", expect=1)
    assert (f"{path}:2: date: 1925-03-01 is more than 20 years before the import's business date 2025-03-20 "
            "([imports] earliest_account_years); check the year") in result.stderr
    assert (f"{path}:3: date: 2205-03-01 is more than 366 days after the import's business date 2025-03-20 "
            "([imports] latest_account_days); check the year") in result.stderr
    assert "2 problems; nothing was imported" in result.stderr  # 20 years back and 366 days ahead are plausible
    assert h.runs(engine) == [] and h.snapshot(engine)["accounts"] == []
    result = council("import", "accounts", path, "--council", "testshire", "--date", "2205-01-01", expect=1)
    assert f"{path}:3: date" not in result.stderr and f"{path}:2: date" in result.stderr


def test_the_window_is_the_councils_to_set(arrears, data_dir, h, tmp_path, monkeypatch):
    monkeypatch.setenv("ARREARS_TODAY", TODAY)
    profile = tmp_path / "p.toml"
    profile.write_text((data_dir / "sundry_council.toml").read_text() + "\n[imports]\nearliest_account_years = 40\n")
    arrears("init", "--council", "testshire", "--profile", profile)
    path = h.write_invoices(tmp_path / "a.csv", [("OLD", "50.00", "1990-03-01")])
    assert "imported 1 accounts" in arrears("import", "accounts", path, "--council", "testshire").output


# --- bad input gets one line, never a traceback, on both databases ------------------------------------------------


@pytest.mark.parametrize("kind", ["accounts", "payments"])
def test_a_nul_character_in_a_field_is_named_and_nothing_is_imported(invoiced, engine, h, tmp_path, kind):
    before = h.snapshot(engine)
    if kind == "accounts":
        raw = b"reference,debt_type,debtor_ref,debtor_name,amount,date\nA9,sundry,D9,Jo\x00Bloggs,5.00,2025-03-04\n"
    else:
        raw = b"reference,amount,date,payment_ref\nA1,5.00,2025-03-04,T1\nA2,5.00,2025-03-04,T\x002\n"
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(raw)
    result = invoiced("import", kind, path, "--council", "testshire", expect=1)
    column, line = ("debtor_name", 2) if kind == "accounts" else ("payment_ref", 3)
    assert result.stderr.splitlines() == [
        f"{path}:{line}: {column}: contains a NUL character; export the file again as UTF-8 text",
        "Error: 1 problem; nothing was imported",
    ]
    assert h.snapshot(engine) == before


def test_officer_add_refuses_an_unknown_council_and_bad_logins(council, engine):
    error = one_line_error(council("officer", "add", "alice", "--council", "nowhere", "--role", "recovery_officer", expect=1))
    assert error == "Error: unknown council 'nowhere': register it first with `arrears init --council nowhere`"
    for login, why in (("", "is empty"), ("  ", "is empty"), ("a" * 121, "is 121 characters long; at most 120"),
                       ("jo bloggs", "contains spaces or control characters")):
        error = one_line_error(council("officer", "add", login, "--council", "testshire", "--role", "recovery_officer",
                                       expect=1))
        assert error == f"Error: officer login {login!r}: {why}"
    error = one_line_error(council("officer", "add", "alice", "--council", "testshire", "--role", "r" * 61, expect=1))
    assert error.startswith("Error: officer role") and "1 to 60 characters" in error
    assert "officer alice of testshire" in council("officer", "add", "alice", "--council", "testshire", "--role",
                                                   "recovery_officer").output


@pytest.mark.parametrize("url", ["mysql://root@localhost/arrears", "oracle://scott@db/orcl", "arrears.db"])
def test_a_database_url_of_an_unknown_kind_is_one_clear_error(url):
    from arrears.cli import cli
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["--db", url, "ledger", "check", "--council", "testshire"])
    assert result.exit_code == 1
    shown = url if "://" not in url else url.split("://")[0]
    assert one_line_error(result) == (f"Error: database URL {shown!r}: not a supported database; give sqlite:///PATH or "
                                      "postgresql://USER@HOST/NAME")
