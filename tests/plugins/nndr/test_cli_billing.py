"""Business rates through the CLI: import columns drive the demand; the priority comes from the profile."""

from __future__ import annotations


def test_demand_from_the_import_columns(council, csv, shown):
    council("import", "accounts", csv.accounts([
        {"reference": "B1", "debtor_ref": "C1", "debtor_name": "Acme Ltd", "amount": "1234.56", "date": "2025-03-10",
         "debtor_kind": "company", "financial_year": 2025},
        {"reference": "B2", "debtor_ref": "S1", "debtor_name": "Sam Trader", "amount": "1200.00", "date": "2025-03-10",
         "debtor_kind": "sole_trader", "financial_year": 2025, "instalments": 12, "instalment_day": 31},
        {"reference": "B3", "debtor_ref": "S2", "debtor_name": "Pat Shop", "amount": "300.00", "date": "2026-01-15",
         "debtor_kind": "person", "financial_year": 2025},
    ]), "--council", "ratesville")
    council("run", "--council", "ratesville", "--date", "2025-03-10")
    b1 = shown(council, "B1")
    assert b1["balance_pence"] == 123_456 and b1["priority"] == 3
    assert [s["amount_pence"] for s in b1["schedule"]] == [12_756] + [12_300] * 9
    assert b1["schedule"][0]["due_on"] == "2025-04-01" and b1["schedule"][-1]["due_on"] == "2026-01-01"
    charge = [t for t in b1["timeline"] if t["type"] == "charge"]
    assert len(charge) == 1 and charge[0]["amount_pence"] == 123_456 and charge[0]["date"] == "2025-03-10"
    b2 = shown(council, "B2")
    assert [s["due_on"] for s in b2["schedule"]][10:] == ["2026-02-28", "2026-03-31"]
    assert len(b2["schedule"]) == 12
    council("run", "--council", "ratesville", "--date", "2026-01-15")
    b3 = shown(council, "B3")
    assert [{k: s[k] for k in ("due_on", "amount_pence")} for s in b3["schedule"]] == [{"due_on": "2026-02-01", "amount_pence": 30_000}]


def test_an_instalment_day_that_is_not_a_whole_number_is_refused_at_import(council, csv):
    result = council("import", "accounts", csv.accounts([
        {"reference": "B1", "debtor_ref": "C1", "debtor_name": "Acme Ltd", "amount": "1000.00", "date": "2025-03-10",
         "financial_year": 2025, "instalment_day": "first"},
    ]), "--council", "ratesville", expect=None)
    assert result.exit_code != 0 and "instalment_day" in result.output
