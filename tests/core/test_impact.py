"""``arrears profile impact``: which live cases a proposed profile would move, charge or requeue; nothing written."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

COUNCIL = "testshire"


def _everything(engine) -> dict[str, list]:
    """Every row of every table, in a stable order: the database as it stands."""
    md = sa.MetaData()
    md.reflect(engine)
    out = {}
    with engine.connect() as conn:
        for name, table in sorted(md.tables.items()):
            rows = conn.execute(sa.select(table)).all()
            out[name] = sorted((tuple(map(repr, row)) for row in rows))
    return out


def _proposed(data_dir, tmp_path, *replacements, name="proposed.toml", source="sundry_council.toml"):
    text = (data_dir / source).read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text)
    return path


def _impact(cli, path, on, council=COUNCIL, expect=0):
    result = cli("profile", "impact", path, "--council", council, "--date", on, "--json", expect=expect)
    return json.loads(result.output) if expect == 0 else result


@pytest.fixture
def invoices(council, h, tmp_path):
    """Testshire (21-day terms) run to 20 March 2025 with invoices 15, 5 and 1 days old and one paid."""
    h.write_invoices(tmp_path / "a.csv", [("OLD", "50.00", "2025-03-05"), ("MID", "60.00", "2025-03-15"),
                                          ("NEW", "70.00", "2025-03-19"), ("PAID", "80.00", "2025-03-01")])
    council("import", "accounts", tmp_path / "a.csv", "--council", COUNCIL)
    h.write_payments(tmp_path / "p.csv", [("PAID", "80.00", "2025-03-02")])
    council("import", "payments", tmp_path / "p.csv", "--council", COUNCIL)
    h.run_json(council, "2025-03-20")
    return council


def test_shorter_payment_terms_move_the_invoices_past_them_to_reminder(invoices, engine, data_dir, tmp_path):
    before = _everything(engine)
    path = _proposed(data_dir, tmp_path, ("payment_terms_days = 21", "payment_terms_days = 7"))
    report = _impact(invoices, path, "2025-03-21")
    assert _everything(engine) == before  # nothing written, not even a run record
    assert report["cases_evaluated"] == 3  # the paid invoice is closed
    # OLD's 7 days ran out on 12 March, MID's run out on the 22nd, NEW's on the 26th.
    assert [(c["reference"], c["what"], c["stage"], c["current"]["to_stage"], c["proposed"]["to_stage"])
            for c in report["cases"]] == [("OLD", ["stage"], "invoice", None, "reminder")]
    assert report["cases"][0]["proposed"]["rule"] and report["cases"][0]["current"]["rule"] is None
    assert report["counts"] == {"stage": 1, "fee": 0, "priority": 0}
    # A day later MID is past its 7 days as well.
    later = _impact(invoices, path, "2025-03-23")
    assert [c["reference"] for c in later["cases"]] == ["MID", "OLD"]
    assert _everything(engine) == before


def test_the_same_rules_move_nothing(invoices, engine, data_dir, tmp_path):
    path = _proposed(data_dir, tmp_path, ("# A council", "# The same council"))
    report = _impact(invoices, path, "2025-03-27")
    assert report["current_version"] != report["proposed_version"]
    assert report["cases"] == [] and report["cases_evaluated"] == 3


def test_longer_terms_hold_back_a_move_the_current_profile_would_make(invoices, data_dir, tmp_path):
    # On 27 March OLD's 21 days have run out (the 26th): the registered profile sends a reminder; 30 days would not.
    path = _proposed(data_dir, tmp_path, ("payment_terms_days = 21", "payment_terms_days = 30"))
    (case,) = _impact(invoices, path, "2025-03-27")["cases"]
    assert (case["reference"], case["current"]["to_stage"], case["proposed"]["to_stage"]) == ("OLD", "reminder", None)


def test_a_new_priority_level_changes_every_open_cases_queue(invoices, data_dir, tmp_path):
    path = _proposed(data_dir, tmp_path, ("levels = { sundry = 5 }", "levels = { sundry = 3 }"))
    report = _impact(invoices, path, "2025-03-21")
    assert [(c["reference"], c["current"]["priority"], c["proposed"]["priority"]) for c in report["cases"]] == [
        ("MID", 5, 3), ("NEW", 5, 3), ("OLD", 5, 3)]
    assert report["counts"] == {"stage": 0, "fee": 0, "priority": 3}


def test_a_dated_change_counts_only_from_its_date(invoices, data_dir, tmp_path):
    change = "\n[[debt_types.sundry.changes]]\neffective_from = 2025-03-25\npayment_terms_days = 7\n"
    path = tmp_path / "dated.toml"
    path.write_text((data_dir / "sundry_council.toml").read_text() + change)
    assert _impact(invoices, path, "2025-03-24")["cases"] == []
    assert [c["reference"] for c in _impact(invoices, path, "2025-03-25")["cases"]] == ["MID", "OLD"]


def test_higher_summons_costs_show_as_a_fee_change(arrears, engine, data_dir, tmp_path):
    C = ("--council", "ctshire")
    arrears("init", *C, "--profile", data_dir / "council_tax_council.toml")
    accounts = tmp_path / "ct.csv"
    accounts.write_text("reference,debt_type,debtor_ref,debtor_name,amount,date,financial_year\n"
                        'ENF,council_tax,P3,Cat Cole,"1,200.00",2025-03-10,2025\n')
    arrears("import", "accounts", accounts, *C)
    arrears("run", *C, "--date", "2025-04-15")  # instalments lost on 9 April; the summons falls due on the 16th
    before = _everything(engine)
    path = _proposed(data_dir, tmp_path, ("summons_costs_pence = 8000", "summons_costs_pence = 11500"),
                     source="council_tax_council.toml")
    report = _impact(arrears, path, "2025-04-16", council="ctshire")
    (case,) = report["cases"]
    assert (case["reference"], case["what"]) == ("ENF", ["fee"])
    assert case["current"]["to_stage"] == case["proposed"]["to_stage"] == "summons"
    assert (case["current"]["fees_pence"], case["proposed"]["fees_pence"]) == (8000, 11500)
    assert _everything(engine) == before


def test_text_report_and_debt_types_not_compared(invoices, data_dir, tmp_path):
    path = _proposed(data_dir, tmp_path, ("payment_terms_days = 21", "payment_terms_days = 7"))
    out = invoices("profile", "impact", path, "--council", COUNCIL, "--date", "2025-03-21").output.splitlines()
    assert out[0].startswith(f"impact of {path} (version ") and out[0].endswith("on 2025-03-21; nothing written")
    assert out[1] == "  cases evaluated: 3; changed: 1 (stage 1, fee 0, priority 0)"
    assert out[2] == "  OLD (sundry): stage invoice: stays -> reminder"
    other = tmp_path / "pcn_only.toml"
    other.write_text((data_dir / "sundry_council.toml").read_text()
                     .replace('debt_types = ["sundry"]', 'debt_types = ["pcn"]')
                     .replace("levels = { sundry = 5 }", "levels = { pcn = 5 }")
                     .split("[debt_types.sundry]")[0] + "[debt_types.pcn]\n")
    report = _impact(invoices, other, "2025-03-21")
    assert report["debt_types_not_compared"] == {"sundry": "not enabled in the proposed profile",
                                                 "pcn": "not enabled in the registered profile"}
    assert report["cases_evaluated"] == 0


def test_impact_needs_a_registered_council_and_a_valid_profile(invoices, data_dir, tmp_path):
    good = _proposed(data_dir, tmp_path)
    refused = _impact(invoices, good, "2025-03-21", council="nowhere", expect=1)
    assert "unknown council 'nowhere'" in refused.output
    bad = _proposed(data_dir, tmp_path, ("reminder_days = 14", "reminder_days = 0"), name="bad.toml")
    refused = _impact(invoices, bad, "2025-03-21", expect=1)
    assert f"{bad}: debt_types.sundry.reminder_days: " in refused.output
