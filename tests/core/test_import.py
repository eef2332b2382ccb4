"""``arrears import``: all or nothing, every bad row as ``file:line: column: message``, the same file twice a no-op."""

from __future__ import annotations

import csv
import json
import re

import pytest
import sqlalchemy as sa

HEADER = "reference,debt_type,debtor_ref,debtor_name,amount,date"
GOOD = "A1,sundry,D1,Jo Bloggs,120.50,2025-03-03"
TABLES = ("account", "debtor", "ledger_entry", "import_batch")


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def write(tmp_path, name, lines, *, raw: bytes | None = None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text("\n".join(lines) + "\n")
    return path


def import_file(council, kind, path, expect=0):
    return council("import", kind, path, "--council", "testshire", expect=expect)


def rejected(council, engine, kind, path, *expected: tuple[int, str, str]) -> list[str]:
    """Import ``path``; it must fail with exit 1, list each (line, column, words) and import nothing."""
    before = counts(engine)
    result = import_file(council, kind, path, expect=1)
    assert "Traceback" not in result.output
    problems = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    for line, column, words in expected:
        prefix = f"{path}:{line}: {column}: "
        hits = [p for p in problems if p.startswith(prefix)]
        assert hits, f"no problem starting {prefix!r} in {problems}"
        assert any(words in p for p in hits), (words, hits)
    n = len(problems)
    assert f"{n} problem{'s' if n != 1 else ''}; nothing was imported" in result.stderr
    assert counts(engine) == before
    return problems


def accounts_file(tmp_path, *rows, name="accounts.csv"):
    return write(tmp_path, name, [HEADER, *rows])


def show(council, ref):
    return json.loads(council("account", "show", ref, "--council", "testshire", "--json").output)


def test_good_file_imports_pounds_as_pence(council, engine, tmp_path):
    path = accounts_file(tmp_path, GOOD, 'A2,sundry,D2,Al Smith,"1,234.56",2025-03-04', "A3,sundry,D1,Jo Bloggs,£7,2025-03-05")
    result = import_file(council, "accounts", path)
    assert "imported 3 accounts" in result.output and "£1,362.06" in result.output
    assert show(council, "A2")["amount_pence"] == 123456
    assert show(council, "A3")["amount_pence"] == 700
    assert counts(engine)["account"] == 3 and counts(engine)["debtor"] == 2  # D1 is one debtor with two accounts


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("A1,sundry,D1,Jo,120.50,2025-13-01", "date", "'2025-13-01' is not a date"),
        ("A1,sundry,D1,Jo,120.50,03/03/2025", "date", "not a date"),
        ("A1,sundry,D1,Jo,-120.50,2025-03-03", "amount", "negative"),
        ("A1,sundry,D1,Jo,12O.50,2025-03-03", "amount", "not an amount"),
        ("A1,sundry,D1,Jo,1.234,2025-03-03", "amount", "more than two decimal places"),
        ("A1,sundry,D1,Jo,0.00,2025-03-03", "amount", "more than zero"),
        ("A1,trade_waste,D1,Jo,120.50,2025-03-03", "debt_type", "unknown debt type 'trade_waste'"),
        ("A1,pcn,D1,Jo,120.50,2025-03-03", "debt_type", "unknown debt type 'pcn'"),  # installed, not enabled here
        (",sundry,D1,Jo,120.50,2025-03-03", "reference", "empty"),
        ("A1,sundry,D1,Jo,120.50", "(row)", "has 5 fields, the header has 6"),
        ("A1,sundry,D1,Jo,120.50,2025-03-03,extra", "(row)", "has 7 fields, the header has 6"),
    ],
)
def test_each_bad_row_kind_is_reported_and_nothing_imported(council, engine, tmp_path, row, column, words):
    path = accounts_file(tmp_path, "A0,sundry,D0,Good Row,10.00,2025-03-03", row)
    rejected(council, engine, "accounts", path, (3, column, words))


def test_amount_too_large_to_store_is_a_row_problem_not_a_crash(council, engine, tmp_path):
    # An account number exported into the amount column: 24 digits of pounds do not fit a 64-bit pence column.
    path = accounts_file(tmp_path, GOOD, "A2,sundry,D2,Al,123456789012345678901234,2025-03-03")
    rejected(council, engine, "accounts", path, (3, "amount", ""))


def test_unknown_council(council, engine, tmp_path):
    before = counts(engine)
    result = council("import", "accounts", accounts_file(tmp_path, GOOD), "--council", "nowhere", expect=1)
    assert "unknown council 'nowhere'" in result.output and "Traceback" not in result.output
    assert counts(engine) == before


def test_duplicate_reference_within_the_file(council, engine, tmp_path):
    path = accounts_file(tmp_path, GOOD, "B1,sundry,D2,Al,5.00,2025-03-03", "A1,sundry,D3,Cy,7.00,2025-03-04")
    rejected(council, engine, "accounts", path, (4, "reference", "duplicate reference 'A1' (first on line 2)"))


def test_duplicate_reference_against_an_existing_account(council, engine, tmp_path):
    import_file(council, "accounts", accounts_file(tmp_path, GOOD, name="first.csv"))
    path = accounts_file(tmp_path, "B1,sundry,D2,Al,5.00,2025-03-03", "A1,sundry,D3,Cy,7.00,2025-03-04", name="second.csv")
    rejected(council, engine, "accounts", path, (3, "reference", "already exists"))
    assert show(council, "A1")["amount_pence"] == 12050  # the existing account is untouched
    council("account", "show", "B1", "--council", "testshire", expect=1)  # the good row was not imported either


@pytest.mark.parametrize("missing", ["reference", "amount", "debtor_ref", "date"])
def test_missing_column(council, engine, tmp_path, missing):
    columns = HEADER.split(",")
    keep = [i for i, c in enumerate(columns) if c != missing]
    row = GOOD.split(",")
    path = write(tmp_path, "accounts.csv", [",".join(columns[i] for i in keep), ",".join(row[i] for i in keep)])
    rejected(council, engine, "accounts", path, (1, missing, "missing column"))


def test_unknown_column(council, engine, tmp_path):
    path = write(tmp_path, "accounts.csv", [HEADER + ",colour", GOOD + ",red"])
    rejected(council, engine, "accounts", path, (1, "colour", "unknown column"))


def test_non_utf8_file_names_the_line_of_the_bad_byte(council, engine, tmp_path):
    raw = (HEADER + "\n" + GOOD + "\nA2,sundry,D2,Zo\xeb,5.00,2025-03-03\nA3,sundry,D3,Al,5.00,2025-03-03\n").encode("latin-1")
    path = write(tmp_path, "latin1.csv", [], raw=raw)
    problems = rejected(council, engine, "accounts", path, (3, "(file)", "not UTF-8"))
    assert len(problems) == 1


def test_utf8_with_bom_and_crlf_is_read(council, tmp_path):
    raw = ("\ufeff" + HEADER + "\r\n" + GOOD + "\r\nA2,sundry,D2,Zoë Brontë,5.00,2025-03-03\r\n").encode("utf-8")
    import_file(council, "accounts", write(tmp_path, "excel.csv", [], raw=raw))
    assert show(council, "A2")["debtor"]["name"] == "Zoë Brontë"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file(council, engine, tmp_path, content):
    path = write(tmp_path, "empty.csv", [], raw=content)
    rejected(council, engine, "accounts", path, (1, "(file)", "empty file"))


def test_several_bad_rows_are_all_reported_with_their_lines(council, engine, tmp_path):
    path = accounts_file(
        tmp_path,
        GOOD,
        "A2,sundry,D2,Al,-5.00,2025-03-03",
        "",  # a blank line still counts in the numbering
        "A3,sundry,D3,Bo,5.00,2025-02-30",
        "A4,bogus,D4,Cy,abc,2025-03-03",
        "A1,sundry,D5,Di,5.00,2025-03-03",
    )
    problems = rejected(council, engine, "accounts", path,
                        (3, "amount", "negative"), (5, "date", "not a date"), (6, "debt_type", "'bogus'"),
                        (6, "amount", "'abc'"), (7, "reference", "duplicate reference 'A1'"))
    assert len(problems) == 5
    assert all(re.match(rf"{re.escape(str(path))}:\d+: [\w()]+: \S", p) for p in problems)


def test_same_accounts_file_twice_changes_nothing_the_second_time(council, engine, tmp_path):
    path = accounts_file(tmp_path, GOOD, "A2,sundry,D2,Al,5.00,2025-03-03")
    import_file(council, "accounts", path)
    after_first = counts(engine)
    again = import_file(council, "accounts", path)
    assert "already imported" in again.output and "nothing changed" in again.output
    assert counts(engine) == after_first
    copy = write(tmp_path, "renamed.csv", [], raw=path.read_bytes())
    assert "already imported" in import_file(council, "accounts", copy).output
    assert counts(engine) == after_first


# --- payments -----------------------------------------------------------------------------------


@pytest.fixture
def billed(council, tmp_path):
    """Account A1 (£1,234.56) imported and billed by a run on its invoice date."""
    import_file(council, "accounts", accounts_file(tmp_path, 'A1,sundry,D1,Jo Bloggs,"1,234.56",2025-03-03', name="a1.csv"))
    council("run", "--council", "testshire", "--date", "2025-03-03")
    assert show(council, "A1")["balance_pence"] == 123456
    return council


def payments_file(tmp_path, *rows, name="payments.csv"):
    """Payment rows (reference,amount,date), each given a transaction reference of its own unless it is short of fields."""
    lines = [f"{row},T{i}" if len(next(csv.reader([row]))) == 3 else row for i, row in enumerate(rows, 1)]
    return write(tmp_path, name, ["reference,amount,date,payment_ref", *lines])


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("ZZ9,10.00,2025-03-10", "reference", "no account 'ZZ9'"),
        ("A1,ten pounds,2025-03-10", "amount", "not an amount"),
        ("A1,0.00,2025-03-10", "amount", "more than zero"),
        ("A1,0,2025-03-10", "amount", "more than zero"),
        ("A1,-10.00,2025-03-10", "amount", "negative"),
        ("A1,10.00,10 March", "date", "not a date"),
        ("A1,10.00", "(row)", "has 2 fields"),
    ],
)
def test_bad_payment_rows_are_reported_and_nothing_imported(billed, engine, tmp_path, row, column, words):
    path = payments_file(tmp_path, "A1,100.00,2025-03-05", row)
    rejected(billed, engine, "payments", path, (3, column, words))
    assert show(billed, "A1")["balance_pence"] == 123456  # the good payment on line 2 was not taken either


def test_payment_too_large_to_store_is_a_row_problem_not_a_crash(billed, engine, tmp_path):
    path = payments_file(tmp_path, "A1,100.00,2025-03-05", "A1,123456789012345678901234,2025-03-06")
    rejected(billed, engine, "payments", path, (3, "amount", ""))
    assert show(billed, "A1")["balance_pence"] == 123456


def test_payment_for_another_councils_account_is_unknown(billed, engine, tmp_path, data_dir):
    profile = tmp_path / "other.toml"
    profile.write_text((data_dir / "sundry_council.toml").read_text().replace('id = "testshire"', 'id = "otherby"'))
    billed("init", "--council", "otherby", "--profile", profile)
    path = payments_file(tmp_path, "A1,10.00,2025-03-10")
    result = billed("import", "payments", path, "--council", "otherby", expect=1)
    assert f"{path}:2: reference: no account 'A1' for council 'otherby'" in result.stderr


def test_same_payments_file_twice_reduces_the_balance_once(billed, engine, tmp_path):
    path = payments_file(tmp_path, 'A1,"1,000.00",2025-03-10', "A1,34.56,2025-03-12")
    first = import_file(billed, "payments", path)
    assert "imported 2 payments" in first.output and "£1,034.56" in first.output
    assert show(billed, "A1")["balance_pence"] == 20000
    before = counts(engine)
    second = import_file(billed, "payments", path)
    assert "already imported" in second.output
    assert counts(engine) == before
    shown = show(billed, "A1")
    assert shown["balance_pence"] == 20000 and shown["balance_cache_ok"]
    assert [t["amount_pence"] for t in shown["timeline"] if t["type"] == "payment"] == [-100000, -3456]


def test_a_row_spanning_lines_is_reported_at_its_first_line(council, engine, tmp_path):
    path = accounts_file(tmp_path, GOOD, 'A2,sundry,D2,"Al\nSmith",oops,2025-03-04')
    rejected(council, engine, "accounts", path, (3, "amount", "'oops'"))


def test_a_debtor_already_recorded_cannot_change_name_through_an_import(council, engine, tmp_path):
    import_file(council, "accounts", accounts_file(tmp_path, GOOD))
    later = accounts_file(tmp_path, "A2,sundry,D1,Joanna Bloggs,5.00,2025-04-01", name="later.csv")
    rejected(council, engine, "accounts", later, (2, "debtor_name", "already recorded as 'Jo Bloggs'"))
