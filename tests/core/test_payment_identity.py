"""Each payment is posted once: re-saved, overlapping and reordered files post nothing twice and say what they skipped.

A payment is known by the payer's transaction reference (``payment_ref``), or
by its content for a council whose profile says its files carry none.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from arrears.store.locks import council_lock

HEADER = "reference,amount,date,payment_ref"
THOUSAND = 'A1,"1,000.00",2025-03-10,BACS-0001'
SMALL = "A1,34.56,2025-03-12,CARD-0002"
OTHER = "A2,20.00,2025-03-11,DD-0003"


@pytest.fixture
def billed(council, tmp_path):
    """Accounts A1 (£2,000.00) and A2 (£100.00) opened on 3 March 2025 and billed."""
    path = tmp_path / "accounts.csv"
    path.write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                    "A1,sundry,D1,Jo Bloggs,\"2,000.00\",2025-03-03\nA2,sundry,D2,Al Smith,100.00,2025-03-03\n")
    council("import", "accounts", path, "--council", "testshire")
    council("run", "--council", "testshire", "--date", "2025-03-03")
    return council


def write(tmp_path, name: str, *rows: str, header: str = HEADER, newline: str = "\n", bom: bool = False):
    path = tmp_path / name
    text = newline.join([header, *rows]) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def pay(council, path, *extra, expect=0):
    return council("import", "payments", path, "--council", "testshire", "--json", *extra, expect=expect)


def report(council, path) -> dict:
    return json.loads(pay(council, path).output)


def balances(council) -> dict[str, int]:
    out = {}
    for ref in ("A1", "A2"):
        shown = json.loads(council("account", "show", ref, "--council", "testshire", "--json").output)
        assert shown["balance_cache_ok"]
        out[ref] = shown["balance_pence"]
    return out


def payment_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'payment'")).scalar_one()


def test_the_same_payments_resaved_with_windows_line_endings_and_a_bom_post_nothing_again(billed, engine, tmp_path):
    first = report(billed, write(tmp_path, "march.csv", THOUSAND, SMALL, OTHER))
    assert (first["rows"], first["total_pence"], first["skipped"]) == (3, 105456, 0)
    after = balances(billed)
    assert after == {"A1": 200000 - 103456, "A2": 8000}
    again = report(billed, write(tmp_path, "march (excel).csv", THOUSAND, SMALL, OTHER, newline="\r\n", bom=True))
    assert again["already_imported"] is False  # not the same bytes...
    assert (again["rows"], again["total_pence"], again["skipped"]) == (0, 0, 3)  # ...but the same payments
    assert [(s["line"], s["payment_ref"]) for s in again["skipped_rows"]] == [
        (2, "BACS-0001"), (3, "CARD-0002"), (4, "DD-0003")]
    assert again["skipped_rows"][0]["reason"] == f"already posted: import {first['import_id']}, march.csv line 2"
    assert balances(billed) == after and payment_count(engine) == 3


def test_an_overlapping_file_posts_only_the_payments_not_seen_before(billed, engine, tmp_path):
    report(billed, write(tmp_path, "mon-wed.csv", THOUSAND, SMALL))
    later = write(tmp_path, "wed-fri.csv", SMALL, OTHER)
    result = pay(billed, later)
    data = json.loads(result.output)
    assert (data["rows"], data["total_pence"], data["skipped"]) == (1, 2000, 1)
    assert data["skipped_rows"][0]["payment_ref"] == "CARD-0002"
    assert balances(billed) == {"A1": 200000 - 103456, "A2": 8000} and payment_count(engine) == 3
    text = pay(billed, write(tmp_path, "wed-fri again.csv", OTHER, SMALL, newline="\r\n"), "--date", "2025-03-31").output
    assert '"rows": 0' in text


def test_the_same_rows_in_another_order_post_nothing(billed, engine, tmp_path):
    report(billed, write(tmp_path, "a.csv", THOUSAND, SMALL, OTHER))
    reordered = report(billed, write(tmp_path, "b.csv", OTHER, THOUSAND, SMALL))
    assert (reordered["rows"], reordered["skipped"]) == (0, 3)
    assert payment_count(engine) == 3


def test_one_thousand_pound_payment_sent_three_ways_is_posted_once(billed, engine, tmp_path):
    report(billed, write(tmp_path, "day1.csv", THOUSAND))
    report(billed, write(tmp_path, "day1 resaved.csv", THOUSAND, newline="\r\n", bom=True))
    report(billed, write(tmp_path, "day1-2.csv", SMALL, THOUSAND))
    assert balances(billed)["A1"] == 200000 - 100000 - 3456
    text = billed("import", "payments", write(tmp_path, "day1 again.csv", THOUSAND, OTHER), "--council", "testshire").output
    assert "imported 1 payments" in text and "skipped 1 already posted" in text
    assert "day1 again.csv:2: BACS-0001 £1,000.00 to A1 on 2025-03-10: already posted: import" in text


def test_a_reference_posted_before_as_a_different_payment_rejects_the_file(billed, engine, tmp_path):
    report(billed, write(tmp_path, "a.csv", THOUSAND))
    clash = write(tmp_path, "b.csv", OTHER, 'A2,"1,000.00",2025-03-10,BACS-0001')
    result = pay(billed, clash, expect=1)
    assert (f"{clash}:3: payment_ref: payment 'BACS-0001' was posted by import 2 (a.csv line 2) as £1,000.00 to A1 on "
            "2025-03-10; this row says £1,000.00 to A2 on 2025-03-10") in result.stderr
    assert "nothing was imported" in result.stderr
    assert payment_count(engine) == 1


def test_a_reference_twice_in_one_file(billed, engine, tmp_path):
    twice = report(billed, write(tmp_path, "a.csv", THOUSAND, SMALL, THOUSAND))
    assert (twice["rows"], twice["skipped"]) == (2, 1)
    assert twice["skipped_rows"][0]["reason"] == "already posted: the same payment as line 2 of this file"
    clash = write(tmp_path, "b.csv", OTHER, "A2,5.00,2025-03-11,DD-0003")
    result = pay(billed, clash, expect=1)
    assert f"{clash}:3: payment_ref: 'DD-0003' is also on line 2 for a different payment (£20.00 to A2 on 2025-03-11)" in (
        result.stderr)


def test_a_file_without_transaction_references_is_refused_saying_what_to_do(billed, engine, tmp_path):
    path = write(tmp_path, "old.csv", "A1,10.00,2025-03-10", header="reference,amount,date")
    result = pay(billed, path, expect=1)
    assert f"{path}:1: payment_ref: missing column (the council's profile identifies payments by the payer's" in result.stderr
    assert 'payment_identity = "content"' in result.stderr
    empty = write(tmp_path, "empty.csv", "A1,10.00,2025-03-10,", "A1,11.00,2025-03-10,T9")
    result = pay(billed, empty, expect=1)
    assert f"{empty}:2: payment_ref: is empty: every payment needs the payer's transaction reference" in result.stderr
    assert payment_count(engine) == 0


def test_payments_dated_before_the_account_or_after_the_business_date_are_refused(billed, engine, tmp_path):
    early = write(tmp_path, "early.csv", "A1,10.00,2025-03-02,T1")
    assert f"{early}:2: date: 2025-03-02 is before account A1 was opened (2025-03-03)" in pay(billed, early, expect=1).stderr
    ahead = write(tmp_path, "ahead.csv", "A1,10.00,2025-03-20,T2")
    result = pay(billed, ahead, "--date", "2025-03-19", expect=1)
    assert (f"{ahead}:2: date: 2025-03-20 is after the business date of the import (2025-03-19): a payment cannot be "
            "posted before it is made") in result.stderr
    assert report(billed, ahead)["rows"] == 1  # on or after its date it is taken


def test_no_two_payments_share_a_reference_even_past_the_importer(billed, engine, tmp_path):
    report(billed, write(tmp_path, "a.csv", THOUSAND))
    with engine.connect() as conn:
        entry, batch = conn.execute(sa.text("SELECT ledger_entry_id, import_id FROM payment_receipt")).one()
    with pytest.raises(sa.exc.IntegrityError):
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO payment_receipt (council_id, payment_key, ledger_entry_id, import_id, line) "
                "VALUES ('testshire', 'BACS-0001', :e, :b, 9)"), {"e": entry, "b": batch})


def test_an_import_waits_for_no_run_it_is_refused_while_one_holds_the_council(billed, engine, tmp_path):
    with council_lock(engine, "testshire"):
        result = pay(billed, write(tmp_path, "a.csv", THOUSAND), expect=1)
    assert "council 'testshire' is busy: a recovery run" in result.stderr and "try again when it ends" in result.stderr
    assert payment_count(engine) == 0


# --- identity by content, for councils whose files carry no transaction reference -------------------------------


@pytest.fixture
def by_content(arrears, data_dir, tmp_path):
    profile = tmp_path / "content.toml"
    profile.write_text((data_dir / "sundry_council.toml").read_text() + '\n[imports]\npayment_identity = "content"\n')
    arrears("init", "--council", "testshire", "--profile", profile)
    path = tmp_path / "accounts.csv"
    path.write_text("reference,debt_type,debtor_ref,debtor_name,amount,date\n"
                    "A1,sundry,D1,Jo Bloggs,\"2,000.00\",2025-03-03\nA2,sundry,D2,Al Smith,100.00,2025-03-03\n")
    arrears("import", "accounts", path, "--council", "testshire")
    arrears("run", "--council", "testshire", "--date", "2025-03-03")
    return arrears


def test_by_content_a_resaved_overlapping_reordered_file_posts_each_payment_once(by_content, engine, tmp_path):
    plain = "reference,amount,date,method"
    first = report(by_content, write(tmp_path, "a.csv", "A1,10.00,2025-03-10,card", "A1,10.00,2025-03-10,card",
                                     "A2,5.00,2025-03-11,cash", header=plain))
    assert (first["rows"], first["skipped"]) == (3, 0)  # two identical payments the same day are two payments
    again = report(by_content, write(tmp_path, "b.csv", "A2,5.00,2025-03-11,cash", "A1,10.00,2025-03-10,card",
                                     "A1,10.00,2025-03-10,card", "A1,10.00,2025-03-10,card",
                                     header=plain, newline="\r\n", bom=True))
    assert (again["rows"], again["total_pence"], again["skipped"]) == (1, 1000, 3)  # only the third £10 is new
    assert again["skipped_rows"][0]["reason"] == f"already posted: import {first['import_id']}, a.csv line 4"
    assert balances(by_content) == {"A1": 200000 - 3000, "A2": 10000 - 500}
    assert payment_count(engine) == 4
